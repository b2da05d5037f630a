"""What `convenant settle` shows: tables, JSON, a workbook."""
