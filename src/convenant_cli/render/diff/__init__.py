"""What `convenant diff` shows: a table, JSON, a workbook."""
