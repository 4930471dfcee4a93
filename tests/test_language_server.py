"""The editor knows the charter: the real yaml-language-server, driven over LSP with the schemas Digicharter writes.

What a secretary sees while typing in VS Code (its YAML extension runs this
same server): no warnings on the shipped charter, the charter's own channels
offered after ``channel:``, and a wrong channel, a wrong time and a misspelt
key underlined with a message in words, not a regular expression.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import CHARTER
from lsp_client import SERVER, LanguageServer

from digicharter.schema import SECTION_FILES
from digicharter.schema_export import write_schemas

pytestmark = pytest.mark.skipif(not SERVER.is_file() or shutil.which("node") is None,
                                reason="yaml-language-server is not installed (scripts/setup.sh runs npm ci)")

#: What a message must not look like: a regular expression the secretary cannot read.
REGEX = re.compile(r"\^|\$\"|\[[a-z0-9]-|\\[sd]|\{\d,\d*\}")


@pytest.fixture(scope="module")
def charter(tmp_path_factory) -> Path:
    """A copy of the shipped charter with the schemas `digicharter schema` writes for it."""
    folder = tmp_path_factory.mktemp("editor") / "charter"
    shutil.copytree(CHARTER, folder, ignore=shutil.ignore_patterns("schema"))
    write_schemas(folder / "schema", folder)
    return folder


@pytest.fixture(scope="module")
def server(charter):
    with LanguageServer(charter) as running:
        yield running


def typed(server: LanguageServer, charter: Path, name: str, old: str, new: str) -> tuple[list[dict], int]:
    """The diagnostics after replacing ``old`` by ``new`` in ``name`` (as an unsaved document), and the edited line (0-based)."""
    text = (charter / name).read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    line = text[: text.index(old)].count("\n")
    typed.count += 1
    document = charter / f"typing-{typed.count}-{name}"  # a new document next to the real one: same relative schema
    try:
        return server.open(document, text.replace(old, new, 1)), line
    finally:
        server.close(document)


typed.count = 0


def on_line(diagnostics: list[dict], line: int) -> list[str]:
    return [d["message"] for d in diagnostics if d["range"]["start"]["line"] == line]


@pytest.mark.parametrize("name", list(SECTION_FILES.values()))
def test_shipped_charter_has_no_diagnostics(server, charter, name):
    text = (charter / name).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=schema/")
    diagnostics = server.open(charter / name, text)
    assert diagnostics == []


def test_completion_after_channel_offers_the_charters_channels(server, charter):
    text = (charter / "agreements.yaml").read_text(encoding="utf-8")
    old = "    channel: phone\n"
    line = text[: text.index(old)].count("\n")
    document = charter / "completing-agreements.yaml"
    server.open(document, text.replace(old, "    channel: \n", 1))
    labels = {item["label"] for item in server.completion(document, line, len("    channel: "))}
    server.close(document)
    channels = {c["id"] for c in _yaml(charter / "channels.yaml")["channels"]}
    assert channels <= labels, f"missing: {channels - labels}"
    assert "e-mail" not in labels


def test_completion_of_keys_inserts_no_null(server, charter):
    """A new key is a place to type, not 'short: null'."""
    text = "# yaml-language-server: $schema=schema/agreements.schema.json\nrules:\n  - id: new\n    channel: phone\n    text: t\n    \n"
    document = charter / "completing-keys.yaml"
    server.open(document, text)
    items = server.completion(document, 5, 4)
    server.close(document)
    inserted = {item["label"]: item.get("insertText") or item.get("textEdit", {}).get("newText", "") for item in items}
    assert {"short", "note", "items", "binds", "ok"} <= set(inserted)
    assert not [label for label, text in inserted.items() if "null" in text], inserted


def test_snippets_for_a_new_agreement_and_channel(server, charter):
    for name, key, label in (("agreements.yaml", "rules:", "Nieuwe afspraak"), ("channels.yaml", "channels:", "Nieuw kanaal")):
        text = (charter / name).read_text(encoding="utf-8")
        line = text[: text.index(key + "\n")].count("\n")
        document = charter / f"snippet-{name}"
        lines = text.splitlines()
        lines.insert(line + 1, "  - ")
        server.open(document, "\n".join(lines) + "\n")
        items = server.completion(document, line + 1, 4)
        server.close(document)
        snippets = [item for item in items if item["label"] == label]
        assert snippets, sorted(item["label"] for item in items)
        body = snippets[0].get("insertText") or snippets[0]["textEdit"]["newText"]
        assert "null" not in body
        assert body.lstrip().startswith("id: ")


def test_hover_shows_what_the_field_is_for_in_dutch_and_english(server, charter):
    text = (charter / "agreements.yaml").read_text(encoding="utf-8")
    line = text[: text.index("    short:\n")].count("\n")
    document = charter / "hovering.yaml"
    server.open(document, text)
    shown = server.hover(document, line, 6)
    server.close(document)
    assert "bladwijzer" in shown and "bookmark" in shown, shown
    assert "per language code" not in shown


def test_unknown_channel_is_flagged_in_words(server, charter):
    diagnostics, line = typed(server, charter, "agreements.yaml", "    channel: phone\n", "    channel: e-mail\n")
    messages = on_line(diagnostics, line)
    assert messages, diagnostics
    assert "Onbekend kanaal" in messages[0] and "Unknown channel" in messages[0]
    assert "email" in messages[0]  # the channel meant is among those offered
    assert not REGEX.search(messages[0]), messages[0]


@pytest.mark.parametrize("old, new", [
    ("  evening_quiet_from: 20:00", "  evening_quiet_from: 25:00"),
    ("    start: 08:30", "    start: 25:00"),
])
def test_impossible_time_is_flagged_in_words(server, charter, old, new):
    diagnostics, line = typed(server, charter, "times.yaml", old, new)
    messages = on_line(diagnostics, line)
    assert messages, diagnostics
    assert "17:00" in messages[0] and "00–23" in messages[0]
    assert not REGEX.search(messages[0]), messages[0]


def test_misspelt_key_is_flagged(server, charter):
    diagnostics, line = typed(server, charter, "agreements.yaml", "    channel: phone\n", "    chanel: phone\n")
    messages = on_line(diagnostics, line)
    assert any("chanel" in m for m in messages), diagnostics
    assert not any(REGEX.search(m) for m in messages)


def _yaml(path: Path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))
