"""convenant: settlement calculator for Flemish sector covenants (sectorconvenants)."""

__version__ = "0.7.1"
