"""Digicharter: one school's communication charter, written once in YAML, published three ways."""

__version__ = "0.1.0"
