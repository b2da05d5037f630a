"""Use cases: one module per command (validate, settle, compare, cases). Each takes plain
arguments, loads, computes, renders through a registry and writes; none knows typer or
the terminal, which belong to `cli`."""
