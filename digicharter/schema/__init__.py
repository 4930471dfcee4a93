"""The typed model of a charter: one small module per file in ``charter/``."""

from .charter import OPTIONAL_SECTIONS, SECTION_FILES, Charter

__all__ = ["Charter", "OPTIONAL_SECTIONS", "SECTION_FILES"]
