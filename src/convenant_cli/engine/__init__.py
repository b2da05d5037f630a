"""Pure engines: validated models in, frozen result objects out. No I/O, no printing,
no clock."""
