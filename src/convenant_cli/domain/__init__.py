"""The domain's vocabulary: money and its one rounding, units, the file kinds, the legal
terms, identifiers (python-stdnum), diagnostic codes and problems as values, the errors
that stop a run. Imports nothing of the package above it; knows no file and no terminal."""
