"""The bookmark output (placeholder until it is written)."""


def build_bookmarks(ctx) -> None:
    """Not built yet."""
