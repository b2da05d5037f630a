"""Reading files: YAML text to data with a map of where each value stands (`source`), where
a reference may point (`references`), which files refer to a changed one (`dependants`),
and the comments that accept a warning (`acceptance`). Never builds a model, never prints."""
