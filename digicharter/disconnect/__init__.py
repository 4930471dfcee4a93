"""The right to disconnect (CAO XII): which of its five themes the charter's agreements cover."""
