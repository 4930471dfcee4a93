"""Messages in the editor's language, every problem of a charter in one run.

* every message in the code is in the Dutch catalog, translated, not fuzzy, with the same placeholders;
* no message is built before it is translated (no f-string into a message call);
* the mistakes a secretary makes come out in Dutch, with file, line and the item's own id;
* the language follows --lang, then the environment, then the charter's default language;
* six mistakes in six files, one of them not even YAML, give six messages in one run.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from conftest import CHARTER, PROJECT
from helpers import line_of, replace_in, run_cli

from digicharter import i18n

PACKAGE = PROJECT / "digicharter"
LANGUAGES = [code for code in i18n.available() if code != i18n.SOURCE_LANGUAGE]


def extracted() -> dict[str | tuple[str, ...], str]:
    """Every message in the code, as ``pybabel extract`` (babel.cfg) finds it, with where it is."""
    found = {}
    keywords = {"_": None, "ngettext": (1, 2), "N_": None}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.setdefault(message, f"digicharter/{filename}:{lineno}")
    return found


def fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name is not None}


def test_nl_and_en_are_available():
    assert {"en", "nl"} <= set(i18n.available())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    path = PACKAGE / "locale" / language / "LC_MESSAGES" / "digicharter.po"
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    messages = extracted()
    assert len(messages) > 150  # the extraction itself works
    problems = []
    for message, where in messages.items():
        key = message[0] if isinstance(message, tuple) else message
        entry = catalog.get(key)
        if entry is None:
            problems.append(f"{where}: not in the catalog (run scripts/messages.sh): {message!r}")
            continue
        translations = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(translations):
            problems.append(f"{where}: not translated{' (fuzzy)' if entry.fuzzy else ''}: {message!r}")
            continue
        originals = message if isinstance(message, tuple) else (message,)
        for translation in translations:
            # A translation may leave a placeholder out (Dutch names no column), never add one.
            if not fields(translation) <= fields(originals[-1]):
                problems.append(f"{where}: unknown placeholder in {translation!r} (the original has {fields(originals[-1])})")
            if "{message}" in originals[-1] and "{message}" not in translation:
                problems.append(f"{where}: the translation drops the message itself: {translation!r}")
    assert not problems, "\n".join(problems)


#: Calls whose text reaches the user; their message must come from _() / ngettext, formatted afterwards.
MESSAGE_CALLS = {"error", "warning", "Problem", "DigicharterError", "OutputError", "YamlProblem", "fail", "say", "Abort"}


def test_messages_are_translated_before_they_are_formatted():
    """An f-string (or a bare English sentence) handed to a message call escapes the catalog."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext", "N_"):
                if any(isinstance(arg, ast.JoinedStr) for arg in node.args):
                    offenders.append(f"{path.relative_to(PROJECT)}:{node.lineno}: _() of an f-string")
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in MESSAGE_CALLS:
                continue
            for arg in node.args:
                if isinstance(arg, ast.JoinedStr):  # words in an f-string, not just figures like "  site   1.20 s"
                    words = " ".join(part.value for part in arg.values if isinstance(part, ast.Constant))
                    untranslated = bool(re.search(r"[A-Za-z]{2,}", words))
                else:
                    untranslated = isinstance(arg, ast.Constant) and isinstance(arg.value, str) and " " in arg.value.strip()
                if untranslated:
                    offenders.append(f"{path.relative_to(PROJECT)}:{node.lineno}: {name}() of an untranslated text")
    assert not offenders, "\n".join(offenders)


def dutch_check(capsys, charter: Path, *extra: str) -> str:
    code, out, err = run_cli(capsys, "--lang", "nl", "check", str(charter), *extra)
    assert code == 1, err
    assert "Traceback" not in err
    return err


def dutch_line(err: str, file: str, line: int) -> str:
    """The Dutch message at file and line: 'charter/x.yaml regel N, …'."""
    found = [text for text in err.splitlines() if text.split(" regel ")[0].endswith(file) and f" regel {line}" in text]
    assert found, f"nothing at {file} regel {line}:\n{err}"
    return " ".join(found)


def test_dutch_unknown_channel_names_file_line_and_agreement(capsys, charter_copy):
    path = charter_copy / "protocol.yaml"
    line = replace_in(path, "    section: school_team\n    channel: smartschool", "    section: school_team\n    channel: smartschol") + 1
    err = dutch_check(capsys, charter_copy)
    message = dutch_line(err, "protocol.yaml", line)
    assert f"protocol.yaml regel {line}, afspraak 'smartschool-no-messages-after', channel: onbekend kanaal 'smartschol'" in message
    assert "bedoel je 'smartschool'?" in message
    assert "rules[" not in err and "problemen gevonden" in err.splitlines()[-1] or "probleem gevonden" in err


DUTCH_CASES = [
    # (file, old, new, line offset, fragments)
    ("times.yaml", "\n    start: 08:30", "\n\tstart: 08:30", 1, ["springt in met tabs", "spaties"]),
    ("protocol.yaml", "    channel: smartschool\n    binds: [everyone]\n    ok: [BL3]",
     "    chanel: smartschool\n    binds: [everyone]\n    ok: [BL3]", 0, ["afspraak '", "onbekende sleutel 'chanel'", "bedoel je 'channel'"]),
    ("times.yaml", "    amount: 24", "    amount: veel", 0, ["hier hoort een geheel getal", "er staat 'veel'"]),
    ("times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00", 0, ["'25:00' is geen uur"]),
    ("school.yaml", "address: administratie@deboomhutlozen.be", "address: administratie@deboomhutlozen", 0,
     ["e-mailadres '", "is geen geldig e-mailadres"]),
    ("school.yaml", 'number: "011 621 613"', 'number: "011 621"', 0, ["telefoonnummer '", "'011 621' is geen geldig telefoonnummer"]),
    ("agreements.yaml", "- id: agenda-parents-sign", "- id: agenda-dates", 0, ["afspraak 'agenda-dates'", "komt twee keer voor"]),
    ("agreements.yaml", "    binds: [secretariat]", "    binds: [secretariaat]", 0, ["rol 'secretariaat'", "onbekende rol 'secretariaat'"]),
    ("quality.yaml", "    ok: [K2]", "    ok: [K7]", 0, ["OK-code 'K7'", "onbekende OK-code 'K7'"]),
    ("times.yaml", "  task_deadline: 15:30", "  task_deadline: 15:30\n  task_deadline: 16:00", 1, ["'task_deadline' staat hier twee keer"]),
    ("agreements.yaml", "{time.evening_quiet_from} nemen", "{time.evening_quiet} nemen", -1,
     ["afspraak '", "onbekende naam 'evening_quiet'", "bedoel je 'evening_quiet_from'"]),
    ("charter.yaml", "locale: en_GB", "locale: xx_XX", 0, ["taal 'en'", "onbekende locale 'xx_XX'"]),
    ("bookmark.yaml", "  width_mm: 55 ", "  width_mm: 200 ", 0, ["hier hoort een getal van hoogstens", "er staat '200'"]),
]


@pytest.mark.parametrize("file, old, new, offset, fragments", DUTCH_CASES, ids=[f"{c[0]}:{c[2].strip()[:24]}" for c in DUTCH_CASES])
def test_mistakes_are_reported_in_dutch(capsys, charter_copy, file, old, new, offset, fragments):
    line = replace_in(charter_copy / file, old, new) + offset
    err = dutch_check(capsys, charter_copy)
    message = dutch_line(err, file, line)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    assert "expected" not in err and "received" not in err  # no English left in the sentence


def test_missing_required_key_in_dutch(capsys, charter_copy):
    line = replace_in(charter_copy / "channels.yaml", "    icon: whatsapp\n", "") - 2
    message = dutch_line(dutch_check(capsys, charter_copy), "channels.yaml", line)
    assert "kanaal 'whatsapp'" in message and "de verplichte sleutel 'icon' ontbreekt" in message


def test_missing_translation_in_dutch(capsys, charter_copy):
    path = charter_copy / "framework.yaml"
    line = line_of(path, "      en: The school works in a participatory") - 2
    replace_in(path, "      en: The school works in a participatory and responsive way.\n", "")
    message = dutch_line(dutch_check(capsys, charter_copy, "--strict"), "framework.yaml", line)
    assert "verwachting '" in message and "er ontbreekt een vertaling in English (en)" in message


@pytest.mark.parametrize(
    "yaml_line, advice",
    [
        ("  evening_quiet_from: Let op: 20:00", "zet deze tekst tussen aanhalingstekens: hij bevat ': '"),
        ("   evening_quiet_from: 20:00", "de inspringing klopt niet"),
        ("  evening_quiet_from: *20:00*", "moet tussen aanhalingstekens staan"),
        ("  evening_quiet_from: @20:00", "kan niet beginnen met '@'"),
    ],
)
def test_yaml_syntax_errors_become_plain_advice(capsys, charter_copy, yaml_line, advice):
    line = replace_in(charter_copy / "times.yaml", "  evening_quiet_from: 20:00", yaml_line)
    err = dutch_check(capsys, charter_copy)
    message = dutch_line(err, "times.yaml", line)
    assert advice in message
    assert "<block" not in err and "scanning" not in err  # none of PyYAML's own words


def test_language_follows_option_then_environment_then_charter(capsys, charter_copy, monkeypatch):
    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)

    def check(*options: str) -> str:
        i18n.reset()
        code, out, err = run_cli(capsys, *options, "check", str(charter_copy))
        assert code == 1
        return err

    dutch, english = "is geen uur", "is not a time of day"
    monkeypatch.setenv("LANG", "nl_BE.UTF-8")
    assert dutch in check()
    assert english in check("--lang", "en")
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")  # LC_ALL comes before LANG
    assert english in check()
    monkeypatch.setenv("LANGUAGE", "nl:en")  # and LANGUAGE before both
    assert dutch in check()
    for name in ("LANGUAGE", "LC_ALL"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")  # no choice: the charter's default language (nl)
    assert dutch in check()
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")  # no catalog: the charter's default language too
    assert dutch in check()
    replace_in(charter_copy / "charter.yaml", "default_language: nl", "default_language: en")
    monkeypatch.setenv("LANG", "C")
    err = check()
    assert english in err and dutch not in err


def test_six_mistakes_in_six_files_in_one_run(capsys, charter_copy):
    """A file that is not even YAML hides nothing in the others; only what needs it is skipped, and that is said."""
    mistakes = {
        "channels.yaml": replace_in(charter_copy / "channels.yaml", "  - id: phone\n", "  - id: phone\n   broken: [\n"),
        "times.yaml": replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00"),
        "agreements.yaml": replace_in(charter_copy / "agreements.yaml", "- id: agenda-parents-sign", "- id: agenda-dates"),
        "quality.yaml": replace_in(charter_copy / "quality.yaml", "    ok: [K2]", "    ok: [K7]"),
        "school.yaml": replace_in(
            charter_copy / "school.yaml", "address: administratie@deboomhutlozen.be", "address: administratie@deboomhutlozen"
        ),
        "framework.yaml": line_of(charter_copy / "framework.yaml", "      en: The school works in a participatory") - 2,
    }
    replace_in(charter_copy / "framework.yaml", "      en: The school works in a participatory and responsive way.\n", "")
    mistakes["channels.yaml"] += 1
    code, out, err = run_cli(capsys, "check", "--strict", str(charter_copy))
    assert code == 1 and "Traceback" not in err
    from helpers import locations

    located = locations(err)
    for file, line in mistakes.items():
        assert any(f == file and ln == line for f, ln, _m in located), f"nothing at {file}:{line}:\n{err}"
    errors = [text for text in located if "note: " not in text[2] and "warning: " not in text[2]]
    assert len(errors) == 6, err
    assert "6 problems found" in err
    # channels.yaml could not be read: the channels the agreements name were not checked, and that is said.
    assert "unknown channel" not in err
    note = next(text for text in err.splitlines() if "note: " in text and "channels.yaml could not be read" in text)
    assert "agreements.yaml" in note and "protocol.yaml" in note


def test_preview_banner_speaks_each_pages_language(charter_copy):
    """The live preview lists the problems in the language of the page the banner is on."""
    from digicharter.render.site.preview import _problems_per_language

    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    last = SimpleNamespace(views=[SimpleNamespace(code="nl"), SimpleNamespace(code="en")])
    found = _problems_per_language(charter_copy, last)
    assert len(found["nl"]) == len(found["en"]) == 1
    assert "regel" in found["nl"][0] and "is geen uur" in found["nl"][0]
    assert "is not a time of day" in found["en"][0]
    assert i18n.current() == "en"  # the terminal's language is untouched


def test_shipped_charter_checks_clean_in_dutch(capsys):
    code, out, err = run_cli(capsys, "--lang", "nl", "check", str(CHARTER), "--strict")
    assert code == 0, err
    assert "het charter is in orde" in out


@pytest.mark.parametrize("how", ["unreadable", "invalid"])
@pytest.mark.parametrize("name", sorted(p.name for p in CHARTER.glob("*.yaml")))
def test_any_one_broken_file_leaves_the_others_checked(capsys, charter_copy, name, how):
    """Break one file (not YAML, or YAML the model refuses) and plant a mistake elsewhere: both are reported."""
    path = charter_copy / name
    path.write_text("key: [unclosed\n" if how == "unreadable" else "unknown_key: 1\n", encoding="utf-8")
    other = "times.yaml" if name != "times.yaml" else "school.yaml"
    if other == "times.yaml":
        line = replace_in(charter_copy / other, "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    else:
        line = replace_in(charter_copy / other, "address: administratie@deboomhutlozen.be", "address: nowhere")
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1, err
    assert "Traceback" not in err and "internal error" not in err
    from helpers import locations

    located = {(f, ln) for f, ln, _m in locations(err)}
    assert (other, line) in located, err
    assert any(f == name for f, _ln in located), err
