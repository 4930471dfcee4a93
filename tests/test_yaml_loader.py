"""The YAML reader: line marks, YAML 1.2-style scalars, and refusal of dangerous input."""

from __future__ import annotations

from pathlib import Path

import pytest

from digicharter.loading.yaml_loader import YamlProblem, load_yaml_file


def load(tmp_path: Path, text: str | bytes, **kwargs):
    path = tmp_path / "x.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return load_yaml_file(path, "charter/x.yaml", **kwargs)


def problem(tmp_path: Path, text: str | bytes) -> str:
    with pytest.raises(YamlProblem) as info:
        load(tmp_path, text)
    return str(info.value)


def test_yaml_11_surprises_stay_what_was_typed(tmp_path):
    data = load(tmp_path, "time: 17:00\nanswer: no\ncountry: NO\nphone: 0497381759\nmonth: 08\nflag: true\nempty:\n").data
    assert data == {
        "time": "17:00",
        "answer": "no",
        "country": "NO",
        "phone": "0497381759",
        "month": "08",
        "flag": True,
        "empty": None,
    }


def test_numbers_typed_for_editors_view(tmp_path):
    data = load(tmp_path, "amount: 48\ntime: 17:00\nratio: 1.5\n", typed_numbers=True).data
    assert data == {"amount": 48, "time": "17:00", "ratio": 1.5}


def test_marks_point_at_keys_and_items(tmp_path):
    loaded = load(tmp_path, "rules:\n  - id: a\n    channel: phone\n  - id: b\n    channel: mail\n")
    assert (loaded.marks[("rules", 1, "channel")].line, loaded.marks[("rules", 1, "channel")].column) == (5, 5)
    assert loaded.marks[("rules", 1)].line == 4
    # A missing key is located at the mapping that lacks it.
    assert loaded.mark_for(("rules", 0, "text")).line == 2


def test_duplicate_keys_are_refused(tmp_path):
    assert "x.yaml:3:1" in problem(tmp_path, "a: 1\nb: 2\na: 3\n") and "first on line 1" in problem(tmp_path, "a: 1\nb: 2\na: 3\n")


def test_object_construction_tags_are_refused(tmp_path):
    assert "unsupported YAML tag" in problem(tmp_path, 'x: !!python/object/apply:os.system ["echo hi"]\n')
    assert "unsupported YAML tag" in problem(tmp_path, 'x: !!python/object:os.system "echo hi"\n')
    assert "unsupported YAML tag" in problem(tmp_path, "x: !custom 3\n")


def test_alias_bomb_is_stopped(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for name, prev in zip("bcdefg", "abcdef"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    assert "anchors and aliases" in problem(tmp_path, "\n".join(lines) + "\n")


def test_deep_nesting_is_stopped(tmp_path):
    assert "nested too deeply" in problem(tmp_path, "x: " + "[" * 5000 + "]" * 5000 + "\n")


def test_bom_and_crlf(tmp_path):
    loaded = load(tmp_path, b"\xef\xbb\xbfa: 1\r\nb:\r\n  c: 17:00\r\n")
    assert loaded.data == {"a": "1", "b": {"c": "17:00"}}
    assert loaded.marks[("b", "c")].line == 3


def test_not_utf8_names_the_line(tmp_path):
    message = problem(tmp_path, b"a: 1\nb: caf\xe9\n")
    assert "x.yaml:2:7" in message and "not UTF-8" in message


def test_several_documents_are_refused(tmp_path):
    assert "more than one YAML document" in problem(tmp_path, "a: 1\n---\nb: 2\n")


def test_control_characters_are_a_clear_error(tmp_path):
    message = problem(tmp_path, "a: 1\nb: \x07bell\n")
    assert "x.yaml:2:4:" in message and "control character U+0007" in message
