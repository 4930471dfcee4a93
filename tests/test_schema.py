"""The JSON Schemas editors use: in sync with the model, described, and true to the shipped charter."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import CHARTER
from digicharter.loading.charter_loader import read_files
from digicharter.schema import SECTION_FILES
from digicharter.schema_export import schema_file_name, schema_files

SCHEMA_DIR = CHARTER / "schema"


def test_committed_schemas_match_the_model():
    for name, text in schema_files().items():
        committed = SCHEMA_DIR / name
        assert committed.is_file(), f"{name} missing: run 'digicharter schema -o charter/schema'"
        assert committed.read_text(encoding="utf-8") == text, f"{name} is stale: run 'digicharter schema -o charter/schema'"


def test_every_charter_file_points_its_editor_at_its_schema():
    for section, name in SECTION_FILES.items():
        first = (CHARTER / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=schema/{schema_file_name(section)}"


def _properties(node, trail=""):
    if isinstance(node, dict):
        for key, value in (node.get("properties") or {}).items():
            yield f"{trail}.{key}", value
        for key, value in node.items():
            if key != "properties":
                yield from _properties(value, f"{trail}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from _properties(item, trail)


def test_every_field_has_a_description():
    for name, text in schema_files().items():
        schema = json.loads(text)
        undescribed = [path for path, prop in _properties(schema) if not prop.get("description")]
        assert not undescribed, f"{name}: fields without description: {undescribed}"


@pytest.fixture(scope="module")
def editor_view():
    """The charter as an editor's YAML 1.2 language server reads it (numbers are numbers)."""
    return read_files(CHARTER, typed_numbers=True)


@pytest.mark.parametrize("section", list(SECTION_FILES))
def test_shipped_charter_validates_against_exported_schema(editor_view, section):
    schema = json.loads(schema_files()[schema_file_name(section)])
    jsonschema.validate(editor_view[section].data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_underlines_mistakes(editor_view):
    schema = json.loads(schema_files()[schema_file_name("agreements")])
    data = json.loads(json.dumps(editor_view["agreements"].data))
    data["rules"][0]["chanel"] = data["rules"][0].pop("channel")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any("chanel" in e.message for e in errors)
    times = json.loads(schema_files()[schema_file_name("times")])
    bad = json.loads(json.dumps(editor_view["times"].data, default=str))
    bad["times"]["evening_quiet_from"] = "25:00"
    assert list(jsonschema.Draft202012Validator(times).iter_errors(bad))


def test_schema_command_writes_files(tmp_path: Path, capsys):
    from helpers import run_cli

    code, out, _ = run_cli(capsys, "schema", "--output", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema_files())
