"""JSON Schemas for editors: one per charter file, so a YAML language server
autocompletes keys and underlines mistakes while the secretary types.

Each file in ``charter/`` starts with a modeline pointing at its schema::

    # yaml-language-server: $schema=schema/protocol.schema.json
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from .schema import SECTION_FILES, Charter

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def section_schema(section: str) -> dict[str, Any]:
    """The JSON Schema of one charter file."""
    model = Charter.model_fields[section].annotation
    schema = TypeAdapter(model).json_schema()
    return {"$schema": SCHEMA_DIALECT, "$id": schema_file_name(section), **schema}


def schema_file_name(section: str) -> str:
    return SECTION_FILES[section].replace(".yaml", ".schema.json")


def schema_files() -> dict[str, str]:
    """File name → JSON text, for every charter file (stable output: sorted keys, newline at end)."""
    return {
        schema_file_name(section): json.dumps(section_schema(section), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for section in SECTION_FILES
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_files().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
