"""Output formats. One module per format; each returns text or an object and
never decides exit codes."""
