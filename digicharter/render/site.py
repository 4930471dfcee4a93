"""The site output (to be written)."""
