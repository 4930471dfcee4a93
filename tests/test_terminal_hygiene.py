"""Terminal and output hygiene: no control character from a charter reaches a terminal or a published file.

* A value echoed in a message has its control characters and bidi overrides
  shown escaped (``\\x1b[2J`` would otherwise clear the editor's screen).
* YAML's own escapes (``"\\0"``, ``"\\e"``, ``"\\ud800"``) are refused at
  file:line for every value of every charter file, so NUL and ESC never get
  as far as a published page.
* A phone ``number`` holds a phone number and nothing else.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from pydantic import TypeAdapter, ValidationError

from conftest import CHARTER
from digicharter.errors import Problem
from digicharter.loading.yaml_loader import LoadedFile, YamlProblem, _Builder, _MarkLoader, load_yaml_file
from digicharter.schema import SECTION_FILES
from digicharter.schema.base import Phone
from helpers import line_of, replace_in

#: What YAML escapes can put into a text, and what a terminal or a browser would make of them.
ESCAPES = ["\x1b[2J", "\x00", "\ud800", "\x9b31m", "\x07", "\r"]


def digicharter(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "LANGUAGE": "en", "DIGICHARTER_JOBS": "1", **(env or {})}
    return subprocess.run([sys.executable, "-m", "digicharter", *args], cwd=cwd, env=environment,
                          capture_output=True, timeout=300)


def assert_clean_terminal(stderr: bytes) -> str:
    """The bytes a terminal would receive hold no control character but newlines (and no bidi override)."""
    text = stderr.decode("utf-8")
    assert "Traceback" not in text
    for char in text:
        assert char in "\n\t" or not (ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F), repr(char)
        assert char not in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", repr(char)
    return text


# --------------------------------------------------------------------------- messages


@pytest.mark.parametrize("line, path", [(3, "agreement 'x'"), (3, ""), (0, "agreement 'x'"), (0, "")])
@pytest.mark.parametrize("severity", ["error", "warning", "note"])
def test_every_shape_of_problem_shows_control_characters_escaped(line: int, path: str, severity: str):
    problem = Problem("charter/x\x1b]0;title\x07.yaml", line, 1, path + "\u202e", "unknown channel '\x1b[2J\u202eloohcs'",
                      severity)
    shown = str(problem)
    assert "\\x1b[2J" in shown and "\\u202e" in shown and "\\x1b]0;title\\x07" in shown
    assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown


def test_an_escape_sequence_in_a_file_name_does_not_reach_the_terminal(charter_copy: Path):
    (charter_copy / "\x1b[2Jextra.yaml").write_text("a: b\n", encoding="utf-8")
    done = digicharter("check", "charter", cwd=charter_copy.parent)
    assert done.returncode == 1
    text = assert_clean_terminal(done.stderr)
    assert "charter/\\x1b[2Jextra.yaml: unknown charter file" in text


def test_a_bidi_override_in_a_value_is_shown_escaped_in_the_message(charter_copy: Path):
    line = replace_in(charter_copy / "agreements.yaml", "channel: phone", "channel: ph\u202eone")
    done = digicharter("check", "charter", cwd=charter_copy.parent)
    assert done.returncode == 1
    text = assert_clean_terminal(done.stderr)
    assert f"charter/agreements.yaml:{line}:" in text and "ph\\u202eone" in text


def test_a_setting_echoed_in_a_message_is_shown_escaped(tmp_path: Path):
    done = digicharter("build", str(CHARTER), "--output", str(tmp_path / "site"), cwd=tmp_path,
                       env={"SOURCE_DATE_EPOCH": "\x1b[2J"})
    assert done.returncode == 1
    assert "received '\\x1b[2J'" in assert_clean_terminal(done.stderr)
    done = digicharter("serve", str(CHARTER), "--dev-addr", "\x1b[2J:80", cwd=tmp_path)
    assert done.returncode == 1
    assert "--dev-addr '\\x1b[2J:80'" in assert_clean_terminal(done.stderr)


# --------------------------------------------------------------------------- YAML escapes, every value


def _scalars(node: yaml.Node) -> Iterator[yaml.ScalarNode]:
    """Every scalar of a node tree: the keys and the values."""
    if isinstance(node, yaml.ScalarNode):
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _scalars(child)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(key)
            yield from _scalars(value)


def test_every_key_and_value_of_every_charter_file_is_checked_for_control_characters():
    """The check sits where every scalar is converted: each key and value of the example charter, with each
    escape in turn, is refused at its own line and column (the node tree is composed once per file)."""
    tried = 0
    for name in SECTION_FILES.values():
        text = (CHARTER / name).read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=_MarkLoader)
        for number, node in enumerate(_scalars(root)):
            original = node.value
            node.value = ESCAPES[number % len(ESCAPES)] + original
            try:
                with pytest.raises(YamlProblem) as caught:
                    _Builder(LoadedFile(CHARTER / name, name, None), False).build(root, (), 0)
            finally:
                node.value = original
            problem = caught.value.problem
            assert (problem.line, problem.column) == (node.start_mark.line + 1, node.start_mark.column + 1), str(problem)
            tried += 1
    assert tried > 1000  # the example charter's keys and texts, not a handful
    print(f"{tried} keys and values, each refused at its line")


@pytest.mark.parametrize("name", list(SECTION_FILES.values()))
def test_a_yaml_escape_written_in_the_file_is_refused_at_its_line(tmp_path: Path, name: str):
    """The same through PyYAML's own reading of the escapes: the first text of each file, written as \\e, \\0 …"""
    data = load_yaml_file(CHARTER / name, name).data
    path = next(_strings(data))
    for payload in ESCAPES:
        text = yaml.safe_dump(_with(data, path, payload + "x"), allow_unicode=True, width=1_000_000)
        (tmp_path / name).write_bytes(text.encode("utf-8"))
        escaped = yaml.safe_dump(payload + "x").strip()[:3]  # how YAML writes it, e.g. "\e
        with pytest.raises(YamlProblem) as caught:
            load_yaml_file(tmp_path / name, name)
        problem = caught.value.problem
        assert problem.line == text[: text.index(escaped)].count("\n") + 1, (payload, str(problem))
        assert "U+" in problem.message or "surrogate" in problem.message


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))
    elif isinstance(data, str):
        yield path


def _with(data: Any, path: tuple, value: str) -> Any:
    copy = yaml.safe_load(yaml.safe_dump(data))
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return copy


def test_a_yaml_escape_in_a_key_is_refused_too(tmp_path: Path):
    target = tmp_path / "x.yaml"
    target.write_text('a:\n  "b\\e[2J": c\n', encoding="utf-8")
    with pytest.raises(YamlProblem) as caught:
        load_yaml_file(target, "x.yaml")
    assert caught.value.problem.line == 2 and "U+001B" in caught.value.problem.message


def test_tabs_and_newlines_written_as_escapes_are_still_text(tmp_path: Path):
    target = tmp_path / "x.yaml"
    target.write_text('a: "one\\ttwo\\nthree"\n', encoding="utf-8")
    assert load_yaml_file(target, "x.yaml").data == {"a": "one\ttwo\nthree"}


def test_a_build_with_nul_or_esc_in_the_school_name_publishes_nothing(charter_copy: Path, tmp_path: Path):
    school = charter_copy / "school.yaml"
    text = school.read_text(encoding="utf-8")
    start = text.index("\nname:") + 1
    end = text.index("\n", start)
    school.write_text(text[:start] + 'name: "De Boomhut\\0\\e[2J"' + text[end:], encoding="utf-8")
    line = line_of(school, "De Boomhut\\0")
    done = digicharter("build", "charter", "--output", str(tmp_path / "site"), cwd=charter_copy.parent)
    assert done.returncode == 1
    stderr = assert_clean_terminal(done.stderr)
    assert f"charter/school.yaml:{line}:" in stderr and "U+0000" in stderr
    assert not (tmp_path / "site").exists()


# --------------------------------------------------------------------------- phone numbers


def test_a_sentence_around_a_phone_number_is_refused_at_its_line(charter_copy: Path):
    line = replace_in(charter_copy / "school.yaml", 'number: "0497 381 759"',
                      'number: "Bel ons niet, mail liever! 0497 381 759"')
    done = digicharter("check", "charter", cwd=charter_copy.parent)
    assert done.returncode == 1
    stderr = assert_clean_terminal(done.stderr)
    assert f"charter/school.yaml:{line}:" in stderr and "is not only a phone number" in stderr


@pytest.mark.parametrize("written", ["011 62 16 13", "+32 11 62 16 13", "(011) 62 16 13", "011/62.16.13", "0497-38-17-59"])
def test_the_ways_people_write_a_phone_number_are_accepted(written: str):
    assert TypeAdapter(Phone).validate_python(written).written == written


@pytest.mark.parametrize("written", ["Bel 011 62 16 13", "011 62 16 13 (niet na 17u)", "011 62 16 13\u202e",
                                     "32+ 11 62 16 13", "tel:011621613", "011 62 16 13 <b>"])
def test_anything_else_around_the_number_is_refused(written: str):
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(Phone).validate_python(written)
    assert caught.value.errors()[0]["type"] == "phone_characters"
