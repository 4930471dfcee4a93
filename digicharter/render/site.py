"""The website output (placeholder until it is written)."""


def build_site(ctx) -> None:
    """Not built yet."""
