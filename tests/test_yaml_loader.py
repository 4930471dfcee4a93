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


# --------------------------------------------------------------------------- limits before the cost


@pytest.fixture(params=["libyaml", "pure-python"])
def each_parser(request, monkeypatch):
    """Run a test with libyaml's parser (when PyYAML has it) and with PyYAML's own."""
    from digicharter.loading import yaml_loader

    if request.param == "pure-python":
        monkeypatch.setattr(yaml_loader, "_LOADERS", (yaml_loader._PureLoader,))
    elif yaml_loader.CParser is None:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


def test_a_huge_file_is_refused_by_its_size_without_reading_it(tmp_path, monkeypatch):
    """A 4 GiB (sparse) file: the size is asked of the open file, and not one byte of it is read."""
    import builtins

    path = tmp_path / "x.yaml"
    with open(path, "wb") as handle:
        handle.truncate(4 * 1024**3)
    reads: list[int] = []
    real_open = builtins.open

    def counting_open(file, mode="r", *args, **kwargs):
        handle = real_open(file, mode, *args, **kwargs)
        if str(file) == str(path):
            real_read = handle.read
            handle.read = lambda size=-1: reads.append(size) or real_read(size)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(builtins, "open", counting_open)
    with pytest.raises(YamlProblem) as info:
        load_yaml_file(path, "charter/x.yaml")
    message = str(info.value)
    assert message.startswith("charter/x.yaml:1:1:") and "4294967296 bytes" in message and "at most 2000000" in message
    assert reads == [], "the file was read before its size was checked"


def test_a_file_just_over_the_limit_is_refused(tmp_path):
    from digicharter.loading.yaml_loader import MAX_BYTES

    message = problem(tmp_path, "x: " + "a" * (MAX_BYTES - 2) + "\n")
    assert f"{MAX_BYTES + 2} bytes" in message


def test_a_long_flow_list_stops_at_the_limit_and_says_too_many_values(tmp_path, each_parser):
    """A 1.99 MB ``x: [a,a,…]`` (a million values) is refused where the 50,001st value starts, not for anchors."""
    from digicharter.loading.yaml_loader import MAX_VALUES

    message = problem(tmp_path, "x: [" + ",".join(["a"] * 995_000) + "]\n")
    # The file's mapping and the list are values 1 and 2 ("x" is a key): the 50,001st is the 49,999th "a".
    assert message.startswith(f"charter/x.yaml:1:{5 + 2 * (MAX_VALUES - 2)}: "), message
    assert "too many values" in message and f"more than {MAX_VALUES}" in message
    assert "anchor" not in message and "alias" not in message
    assert len(message) < 300, message


def test_many_block_lines_stop_at_the_limit_too(tmp_path, each_parser):
    message = problem(tmp_path, "x:\n" + "  - a\n" * 60_000)
    assert message.startswith("charter/x.yaml:50000:5: ") and "too many values" in message


def test_keys_are_not_counted_as_values(tmp_path, each_parser):
    """A mapping of 30,000 keys has 30,001 values: under the limit (keys name values, they are not values)."""
    data = load(tmp_path, "".join(f"k{i}: v\n" for i in range(30_000))).data
    assert len(data) == 30_000


def test_both_parsers_agree_on_data_and_marks(tmp_path, monkeypatch):
    """libyaml and PyYAML's parser give the same data and the same line marks for every charter file."""
    from conftest import CHARTER
    from digicharter.loading import yaml_loader

    for path in sorted(CHARTER.glob("*.yaml")):
        fast = load_yaml_file(path, path.name)
        with monkeypatch.context() as patched:
            patched.setattr(yaml_loader, "_LOADERS", (yaml_loader._PureLoader,))
            pure = load_yaml_file(path, path.name)
        assert (fast.data, fast.marks) == (pure.data, pure.marks), path.name


def test_yaml_mistakes_get_the_same_advice_with_libyaml(tmp_path, each_parser):
    """libyaml words its errors differently: the file is read again by PyYAML's parser for the advice."""
    assert "x.yaml:2:" in problem(tmp_path, "a: 1\nb: Let op: dit\n") and "between quotes" in problem(tmp_path, "a: 1\nb: Let op: dit\n")
    assert "tabs" in problem(tmp_path, "a:\n\tb: 1\n")
    assert "control character U+0007" in problem(tmp_path, "a: b\x07\n")


def test_deep_nesting_stops_at_the_limit(tmp_path, each_parser):
    from digicharter.loading.yaml_loader import MAX_DEPTH

    message = problem(tmp_path, "x: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert "nested too deeply" in message and f"more than {MAX_DEPTH}" in message
