"""Loading documents: which files to read (`discovery`), each file through source, model,
referenced file, rules in force and checks into a `LoadedDocument` (`workspace`), pydantic's
errors as diagnostics (`model_errors`), and the inputs of a command paired and checked
(`inputs`). Returns values; never prints."""
