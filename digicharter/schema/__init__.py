"""The typed model of a charter: one small module per file in ``charter/``."""

from .charter import SECTION_FILES, Charter

__all__ = ["Charter", "SECTION_FILES"]
