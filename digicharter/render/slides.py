"""The slides output (to be written)."""
