"""Pure engines: validated models in, frozen result objects out. No I/O, no printing,
no clock, no formatting.

Result objects are frozen dataclasses with `eq=False`: they are read, never compared,
and every generated method is code compiled at start-up. A command imports the engine
it needs when it needs it (the absence sweep only when there are consultants to count).
"""
