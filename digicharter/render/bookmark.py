"""The bookmark output (to be written)."""
