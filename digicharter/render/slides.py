"""The slides output (placeholder until it is written)."""


def build_slides(ctx) -> None:
    """Not built yet."""
