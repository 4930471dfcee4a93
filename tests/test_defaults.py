"""Digicharter's default words and ``digicharter new``: labels are optional, a school's own words win."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from digicharter.loading.charter_loader import load_charter
from digicharter.loading.defaults import SECTIONS, languages, words
from digicharter.new_charter import LANGUAGES
from digicharter.schema import SECTION_FILES, Charter
from digicharter.schema_export import section_schema
from digicharter.validation.context import section_model
from helpers import run_cli


def _label_paths(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every label of a labels model, nested ones as paths (from the model, so a new label is covered at once)."""
    paths = set()
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            paths |= _label_paths(annotation, prefix + (name,))
        else:
            paths.add(prefix + (name,))
    return paths


def _leaf_paths(data: dict, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    paths = set()
    for key, value in data.items():
        paths |= _leaf_paths(value, prefix + (key,)) if isinstance(value, dict) else {prefix + (key,)}
    return paths


@pytest.mark.parametrize("code", ["nl", "en", "fr"])
@pytest.mark.parametrize("section", SECTIONS)
def test_every_label_has_a_default_in_dutch_english_and_french(section: str, code: str):
    assert code in languages()
    labels_model = typing.get_type_hints(section_model(section))["labels"]
    given = words(code)[section]["labels"]
    assert _leaf_paths(given) == _label_paths(labels_model)
    assert all(isinstance(value, str) and value.strip() for value in _flatten(given))


def _flatten(data: dict) -> list:
    return [v for value in data.values() for v in (_flatten(value) if isinstance(value, dict) else [value])]


def test_the_editors_schema_asks_for_no_label():
    for section in SECTIONS:
        schema = section_schema(section)
        assert "labels" not in schema.get("required", [])
        for name, definition in schema["$defs"].items():
            if "Labels" in name or name == "DownloadText":
                assert "required" not in definition, name


def _drop_labels(charter: Path) -> None:
    for name in ("site.yaml", "bookmark.yaml", "slides.yaml"):
        path = charter / name
        text = re.sub(r"^labels:\n(?:(?:  .*|)\n)*", "", path.read_text(encoding="utf-8"), flags=re.M)
        assert "\nlabels:" not in text
        path.write_text(text, encoding="utf-8")


def test_without_labels_the_defaults_are_used_and_a_label_written_wins(charter_copy: Path):
    _drop_labels(charter_copy)
    with (charter_copy / "site.yaml").open("a", encoding="utf-8") as handle:
        handle.write("labels:\n  home: {nl: Welkom}\n  download:\n    pdf: Pdf-bestand\n")
    charter = load_charter(charter_copy, strict=True).charter
    labels = charter.site.labels
    assert labels.home.get("nl", "nl") == "Welkom"
    assert labels.home.get("en", "nl") == "Home"  # not written in English: the default stays
    assert labels.download.pdf.get("nl", "nl") == "Pdf-bestand"  # a plain text is in the default language
    assert labels.download.pdf.get("en", "nl") == "PDF"
    assert charter.slides.labels.handout.get("nl", "nl") == "Sprekersnotities"
    assert charter.bookmark.labels.qr_caption.get("en", "nl") == "Read all our agreements at"


def test_a_language_without_defaults_names_each_missing_label_with_file_and_line(charter_copy: Path, capsys):
    _drop_labels(charter_copy)
    settings = charter_copy / "charter.yaml"
    text = settings.read_text(encoding="utf-8").replace(
        "  - code: en\n", "  - code: de\n    name: Deutsch\n    locale: de_DE\n  - code: en\n")
    settings.write_text(text, encoding="utf-8")
    code, _out, err = run_cli(capsys, "check", "--strict", str(charter_copy))
    assert code == 1
    assert re.search(r"site\.yaml:\d+:\d+: labels\.home: missing translation into Deutsch \(de\)", err)
    assert re.search(r"slides\.yaml:\d+:\d+: labels\.keys: missing translation into Deutsch \(de\)", err)
    assert re.search(r"bookmark\.yaml:\d+:\d+: labels\.qr_caption: missing translation into Deutsch \(de\)", err)
    assert "labels.home: missing translation into Nederlands" not in err


@pytest.mark.parametrize("chosen", ["nl", "fr", "en,nl", "nl,en,fr"])
def test_new_writes_a_charter_that_passes_check_strict(tmp_path: Path, capsys, chosen: str):
    folder = tmp_path / "charter"
    code, out, err = run_cli(capsys, "new", str(folder), "--school-name", 'GO! "De Regenboog" & co',
                             "--languages", chosen, "--site-url", "https://regenboog.be")
    assert code == 0, err
    names = sorted(p.name for p in folder.glob("*.yaml"))
    assert names == sorted(SECTION_FILES.values())
    for name in names:
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=schema/{name.replace('.yaml', '.schema.json')}\n")
        assert (folder / "schema" / name.replace(".yaml", ".schema.json")).is_file()
    charter = load_charter(folder, strict=True).charter
    assert charter.school.name == 'GO! "De Regenboog" & co'
    assert [lang.code for lang in charter.settings.languages] == chosen.split(",")
    assert str(charter.settings.site_url) == "https://regenboog.be/"
    assert charter.school.emails[0].address == "info@regenboog.be"


def test_new_without_a_terminal_uses_the_defaults_and_says_so(tmp_path: Path, capsys):
    code, out, _err = run_cli(capsys, "new", str(tmp_path / "c"))
    assert code == 0
    assert "Onze school" in out and "nl,en" in out
    assert load_charter(tmp_path / "c", strict=True).charter.settings.default_language == "nl"


@pytest.mark.parametrize(
    "option, value, says",
    [("--languages", "nl,de", "not in 'de'"), ("--site-url", "www.school", "is not a website address"),
     ("--school-name", "  ", "name is empty")],
)
def test_new_refuses_a_wrong_option_and_writes_nothing(tmp_path: Path, capsys, option: str, value: str, says: str):
    code, _out, err = run_cli(capsys, "new", str(tmp_path / "c"), option, value)
    assert code == 1 and says in err
    assert not (tmp_path / "c").exists() or not any((tmp_path / "c").iterdir())


def test_new_asks_in_a_terminal(tmp_path: Path, capsys, monkeypatch):
    answers = iter(["Basisschool Klavertje", "fr,nl", "ftp://x", "https://klavertje.be/"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: next(answers))
    code, out, _err = run_cli(capsys, "new", str(tmp_path / "c"))
    assert code == 0
    assert "is not a website address" in out  # asked again
    charter = load_charter(tmp_path / "c", strict=True).charter
    assert charter.school.name == "Basisschool Klavertje" and charter.settings.default_language == "fr"


def test_new_offers_the_languages_that_have_defaults():
    assert set(LANGUAGES) <= set(languages())
