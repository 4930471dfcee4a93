"""Translators' PO files: exported, filled in by another tool, read back, outdated when the source changes.

Digicharter writes and reads PO with polib; here Babel's PO reader and writer
play the translator's editor, and GNU gettext's ``msgfmt --check`` (what
Poedit and Weblate run too) must accept every file we write, so what we write
is read by two independent parsers.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from digicharter import i18n
from digicharter.errors import CharterError
from digicharter.i18n import _
from digicharter.loading.charter_loader import load_charter
from digicharter.schema import SECTION_FILES
from digicharter.validation.translations import language_neutral
from digicharter.validation.walk import texts
from digicharter.view import views

FRENCH = """  - code: fr
    name: Français
    locale: fr_BE
    time_format: "HH:mm"
"""


def translated(source: str) -> str:
    """A stand-in translation of the same length that keeps the {references}: case swapped outside braces."""
    return re.sub(r"[^{}]+(?=\{|$)|(?<=\})[^{}]+", lambda m: m.group(0).swapcase(), source)


def with_french(charter: Path) -> Path:
    settings = charter / "charter.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("\n# Plain texts", FRENCH + "\n# Plain texts", 1), encoding="utf-8")
    return charter


def export(charter: Path, language: str = "fr") -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "digicharter", "--lang", "en", "translations", language, str(charter)],
                          capture_output=True, text=True, timeout=120)
    written = charter / "translations" / f"{language}.po"
    if done.returncode == 0:
        checked = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(written)], capture_output=True, text=True)
        assert checked.returncode == 0, checked.stderr
    return done


def read(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def translate_all(path: Path) -> None:
    """What a translator does in a PO editor: fill in every msgstr, save."""
    catalog = read(path)
    for message in catalog:
        if message.id:
            message.string = translated(message.id)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)


def nl_texts(charter) -> list[str]:
    found = []
    for section in SECTION_FILES:
        for _path, text in texts(getattr(charter, section)):
            source = text.get("nl", "nl")
            # Not for translators: a text made of references only, or one written once for all ({same: …}).
            if source is not None and not text.same and not (len(text.values) == 1 and language_neutral(source)):
                found.append(source)
    return found


def test_every_text_is_exported_with_its_place_and_read_back_after_translation(charter_copy: Path, loaded) -> None:
    with_french(charter_copy)
    done = export(charter_copy)
    assert done.returncode == 0, done.stderr
    path = charter_copy / "translations" / "fr.po"
    po = [message for message in read(path) if message.id]
    assert sorted(message.id for message in po) == sorted(nl_texts(loaded.charter))
    with i18n.using("nl"):  # the comments speak the charter's default language
        appears_on = _("appears on: {outputs}").split("{")[0]
        outputs = {_(name) for name in ("website", "bookmark", "slides")}
    for message in po:
        assert message.context.split(" | ")[0] in SECTION_FILES.values()
        (file, line), = message.locations
        assert (charter_copy / file).read_text(encoding="utf-8").splitlines()[int(line) - 1].strip()
        where = next(c for c in message.auto_comments if c.startswith(appears_on))
        assert set(where[len(appears_on):].split(", ")) <= outputs
    # Only the interface words come filled in: Digicharter ships them in French.
    prefilled = {message.context.split(" | ")[0] for message in po if message.string}
    assert prefilled == {"site.yaml", "bookmark.yaml", "slides.yaml", "calendar.yaml"}
    assert len({message.context for message in po}) == len(po), "every context names one text"

    translate_all(path)
    charter = load_charter(charter_copy, strict=True).charter
    french = next(view for view in views(charter) if view.code == "fr")
    for rule in charter.all_rules():
        assert rule.text.get("fr", "nl") == translated(rule.text.get("nl", "nl"))
    assert french.raw(charter.settings.title) == translated(charter.settings.title.get("nl", "nl"))


def test_a_changed_source_marks_its_translation_outdated(charter_copy: Path) -> None:
    with_french(charter_copy)
    assert export(charter_copy).returncode == 0
    path = charter_copy / "translations" / "fr.po"
    translate_all(path)
    catalog = read(path)
    target = next(m for m in catalog if m.id and m.context.startswith("agreements.yaml") and m.context.endswith(", text"))
    target.user_comments = ["checked with the parents' association"]
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0)
    old_source = target.id
    agreements = charter_copy / "agreements.yaml"
    source_line = next(line for line in agreements.read_text(encoding="utf-8").splitlines()
                       if old_source[:40] in line)
    agreements.write_text(agreements.read_text(encoding="utf-8").replace(
        source_line, source_line.replace(old_source[:40], old_source[:40] + " (nieuw)"), 1), encoding="utf-8")

    result = load_charter(charter_copy, strict=False)
    outdated = [w for w in result.warnings if "outdated" in w.message]
    assert len(outdated) == 1 and outdated[0].file.endswith("agreements.yaml") and outdated[0].line > 0
    assert "fr.po line" in outdated[0].message
    with pytest.raises(CharterError) as failed:
        load_charter(charter_copy, strict=True)
    assert any("missing translation into Français" in p.message for p in failed.value.problems)

    done = export(charter_copy)
    assert "1 outdated" in done.stdout, done.stdout
    entry = next(m for m in read(path) if m.context == target.context)
    assert entry.fuzzy and entry.string == translated(old_source)
    assert entry.user_comments[0] == "checked with the parents' association"  # Babel adds the '#|' lines
    # Babel's reader skips a previous msgid over several lines; GNU gettext reads it (and writes it on one line).
    fuzzy = subprocess.run(["msgattrib", "--only-fuzzy", "--no-wrap", str(path)], capture_output=True, text=True,
                           check=True).stdout
    assert f'#| msgid "{old_source}"' in fuzzy and fuzzy.count("#, fuzzy") == 1


def test_a_removed_text_becomes_obsolete_and_a_broken_file_is_named(charter_copy: Path) -> None:
    with_french(charter_copy)
    assert export(charter_copy).returncode == 0
    path = charter_copy / "translations" / "fr.po"
    translate_all(path)
    text = path.read_text(encoding="utf-8").replace('msgctxt "school.yaml | role \'everyone\', name"',
                                                   'msgctxt "school.yaml | role \'gone\', name"')
    path.write_text(text, encoding="utf-8")
    assert export(charter_copy).returncode == 0
    obsolete = read(path).obsolete.values()
    assert [m.context for m in obsolete] == ["school.yaml | role 'gone', name"]

    path.write_text('msgid "a"\nmsgstr "b"\nthis is not PO\n', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "digicharter", "--lang", "en", "check", str(charter_copy)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "fr.po" in done.stderr and "not valid PO" in done.stderr


def test_the_default_language_and_an_undeclared_one_are_refused_plainly(charter_copy: Path) -> None:
    for language, expected in (("nl", "default language"), ("ar", "has no language 'ar'")):
        done = export(charter_copy, language)
        assert done.returncode == 1 and expected in done.stderr and "Traceback" not in done.stderr


# --------------------------------------------------------------------------- names typed once


def test_a_name_typed_once_is_the_same_in_every_language_and_never_asked_for(charter_copy: Path) -> None:
    """``{same: Smartschool}`` (the example's channel names): shown in every language, no translation asked, not in the PO file."""
    with_french(charter_copy)
    loaded = load_charter(charter_copy)  # French declared, nothing translated: every text needs it but these
    charter = loaded.charter
    names = {c.id: c.name for c in charter.channels.channels if c.name.same}
    assert names, "the example writes some channel names once"
    said = [str(w) for w in loaded.warnings]
    assert any("channel 'phone', name" in w for w in said), said[:3]  # a name typed per language is asked for
    assert not [w for w in said for cid in names if f"channel '{cid}', name" in w]
    for view in views(charter):
        for channel_id, name in names.items():
            assert view.text(name, "plain") == name.values[0][1], (view.code, channel_id)
            assert view.fallback_language(name) is None  # not marked as another language's text
    done = export(charter_copy)
    assert done.returncode == 0, done.stderr
    sources = {m.id for m in read(charter_copy / "translations" / "fr.po") if m.id}
    assert not sources & {name.values[0][1] for name in names.values()}


def test_same_next_to_a_translation_is_refused_at_its_line(charter_copy: Path) -> None:
    channels = charter_copy / "channels.yaml"
    text = channels.read_text(encoding="utf-8")
    assert "    name: {same: Gimme}" in text
    channels.write_text(text.replace("    name: {same: Gimme}", "    name: {same: Gimme, en: Gimme app}"), encoding="utf-8")
    line = text[: text.index("    name: {same: Gimme}")].count("\n") + 1
    with pytest.raises(CharterError) as refused:
        load_charter(charter_copy, strict=True)
    said = str(refused.value)
    assert f"channels.yaml:{line}" in said and "'same:' is the one text for every language" in said, said


def test_a_translation_with_a_unicode_line_separator_is_read_every_time(tmp_path: Path) -> None:
    """Text pasted from a word processor may hold U+2028: it is part of the translation, not a line break."""
    from digicharter.translation.po_files import read_translations

    po = tmp_path / "fr.po"
    po.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgctxt "protocol.yaml | rule \'p-1\' | text"\nmsgid "Goede dag"\nmsgstr "Bonne\u2028journée"\n',
                  encoding="utf-8")
    for _ in range(2):  # parsed, then from the cache
        found, problems = read_translations(po)
        assert problems == []
        assert found["protocol.yaml | rule 'p-1' | text"].string == "Bonne\u2028journée"
    po.write_text(po.read_text(encoding="utf-8").replace("journée", "soirée"), encoding="utf-8")
    assert read_translations(po)[0]["protocol.yaml | rule 'p-1' | text"].string == "Bonne\u2028soirée"
