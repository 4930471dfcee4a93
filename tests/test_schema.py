"""The JSON Schemas editors use: in sync with the model and the charter, described in Dutch and English, true to the
shipped charter, and every reference field listing the charter's own ids (cases generated from the model)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import CHARTER
from digicharter.loading.charter_loader import read_files
from digicharter.schema import SECTION_FILES
from digicharter import schema_docs
from digicharter.schema.refs import REF_KEY
from digicharter.schema_export import PATTERN_MESSAGES, schema_file_name, schema_files, schema_texts

SCHEMA_DIR = CHARTER / "schema"


def test_committed_schemas_match_the_model():
    for name, text in schema_files(CHARTER).items():
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
    for name, text in schema_files(CHARTER).items():
        schema = json.loads(text)
        undescribed = [path for path, prop in _properties(schema) if not prop.get("description")]
        assert not undescribed, f"{name}: fields without description: {undescribed}"


@pytest.fixture(scope="module")
def editor_view():
    """The charter as an editor's YAML 1.2 language server reads it (numbers are numbers)."""
    return read_files(CHARTER, typed_numbers=True)


@pytest.mark.parametrize("section", list(SECTION_FILES))
def test_shipped_charter_validates_against_exported_schema(editor_view, section):
    schema = json.loads(schema_files(CHARTER)[schema_file_name(section)])
    jsonschema.validate(editor_view[section].data, schema, cls=jsonschema.Draft202012Validator)


def test_schema_underlines_mistakes(editor_view):
    schema = json.loads(schema_files(CHARTER)[schema_file_name("agreements")])
    data = json.loads(json.dumps(editor_view["agreements"].data))
    data["rules"][0]["chanel"] = data["rules"][0].pop("channel")
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert any("chanel" in e.message for e in errors)
    times = json.loads(schema_files(CHARTER)[schema_file_name("times")])
    bad = json.loads(json.dumps(editor_view["times"].data, default=str))
    bad["times"]["evening_quiet_from"] = "25:00"
    assert list(jsonschema.Draft202012Validator(times).iter_errors(bad))


def test_schema_command_writes_files(tmp_path: Path, capsys):
    from helpers import run_cli

    code, out, _ = run_cli(capsys, "schema", str(CHARTER), "--output", str(tmp_path))
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(schema_files(CHARTER))
    code, out, _ = run_cli(capsys, "schema", str(CHARTER), "--output", str(tmp_path))
    assert code == 0 and "up to date" in out  # nothing rewritten: the live preview must not see an edit


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for item in node:
            yield from _nodes(item)


def _plain_schemas():
    from digicharter.schema_export import plain_schema, section_model

    return {section: plain_schema(section_model(section)) for section in SECTION_FILES}


def test_every_reference_field_lists_the_charters_ids(editor_view):
    """Every field marked Ref(...) in the model becomes an enum of ids the shipped charter defines."""
    written = {section: json.loads(schema_files(CHARTER)[schema_file_name(section)]) for section in SECTION_FILES}
    marked = 0
    for section, plain in _plain_schemas().items():
        kinds = [node[REF_KEY] for node in _nodes(plain) if REF_KEY in node]
        marked += len(kinds)
        schema = written[section]
        assert REF_KEY not in json.dumps(schema)
        enums = [node for node in _nodes(schema) if "enum" in node and "errorMessage" in node]
        for kind in set(kinds) - {"icons"}:
            assert enums, f"{section}: no enum for {kind}"
        if "icons" in kinds:
            assert "phone" in schema["$defs"]["IconNames"]["enum"]
    assert marked >= 20
    agreements = written["agreements"]["$defs"]["Agreement"]["properties"]
    assert agreements["channel"]["enum"] == [c["id"] for c in editor_view["channels"].data["channels"]]
    assert agreements["binds"]["items"]["enum"] == [r["id"] for r in editor_view["school"].data["roles"]]
    assert agreements["ok"]["items"]["enum"] == [e["code"] for e in editor_view["framework"].data["expectations"]]


def test_every_pattern_has_a_message_in_words():
    for name, text in schema_files(CHARTER).items():
        for node in _nodes(json.loads(text)):
            if "pattern" in node:
                assert node.get("patternErrorMessage"), f"{name}: {node['pattern']} has no message"
                assert "^" not in node["patternErrorMessage"]
    assert all(PATTERN_MESSAGES.values())


@pytest.mark.parametrize("language", [code for code in schema_docs.languages() if code != "en"])
def test_every_help_text_is_translated(language):
    missing = [text for text in sorted(schema_texts()) if not schema_docs.translate(text, language)]
    assert not missing, f"not in {schema_docs.catalog_path(language)} (run scripts/messages.sh): {missing}"


def test_descriptions_in_dutch_and_english():
    schema = json.loads(schema_files(CHARTER)["agreements.schema.json"])
    short = schema["$defs"]["Agreement"]["properties"]["short"]
    assert short["markdownDescription"].startswith("**nl** · Een korte vorm")
    assert "**en** · A short form" in short["markdownDescription"]
    assert "default" not in short


def test_a_charter_with_a_broken_file_still_gets_schemas(charter_copy):
    """Ids of the files that parse are listed; a field whose ids are in the broken file takes any id."""
    (charter_copy / "channels.yaml").write_text("channels: [\n", encoding="utf-8")
    written = json.loads(schema_files(charter_copy)["agreements.schema.json"])
    rule = written["$defs"]["Agreement"]["properties"]
    assert "enum" not in rule["channel"] and rule["channel"]["patternErrorMessage"]
    assert "parents" in rule["binds"]["items"]["enum"]


def test_build_refreshes_the_schemas_with_a_new_channel(charter_copy, tmp_path):
    from helpers import replace_in

    replace_in(charter_copy / "channels.yaml", "  - id: gimme\n", "  - id: gimmie\n")
    from digicharter.build import build
    from digicharter.errors import DigicharterError

    with pytest.raises(DigicharterError):  # agreements still name 'gimme': the build fails, the schemas are new
        build(charter_copy, tmp_path / "site", quiet=True)
    written = json.loads((charter_copy / "schema" / "agreements.schema.json").read_text(encoding="utf-8"))
    assert "gimmie" in written["$defs"]["Agreement"]["properties"]["channel"]["enum"]
