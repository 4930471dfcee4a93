"""Hostile and broken charters: `digicharter check` ends with success or a clear error, never a traceback.

Hypothesis mutates the example charter: removes and renames keys, swaps values
for wrong types, huge and empty strings, control characters and right-to-left
text, deep nesting, alias bombs and bytes that are not UTF-8. Whatever it
makes, the checker must answer 0 (valid) or 1 with every problem located, and
do so quickly (Hypothesis' deadline catches a hang or a blow-up).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CHARTER, copy_charter
from digicharter.cli import main
from digicharter.loading.yaml_loader import load_yaml_file
from digicharter.schema import SECTION_FILES

FILES = list(SECTION_FILES.values())
ORIGINAL = {name: load_yaml_file(CHARTER / name, name).data for name in FILES}

odd_text = st.sampled_from(
    [
        "",
        " ",
        "x" * 200_000,
        "\u202eevil\u202c",
        "مرحبا بالعالم",
        "\x00\x07\x1b[31m",
        "{time.nope}",
        "{",
        "}}{{",
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "25:00",
        "17:00",
        "-1",
        "🙂" * 50,
    ]
)
odd_value = st.one_of(
    odd_text,
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.lists(odd_text, max_size=3),
    st.dictionaries(odd_text, odd_text, max_size=3),
    st.recursive(st.none(), lambda inner: st.lists(inner, min_size=1, max_size=1), max_leaves=40),
)


def _paths(data: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, path + (index,))
    return found


def _parent(data: Any, path: tuple) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_charter(draw) -> tuple[str, bytes]:
    """One charter file, changed in one hostile way; returns its name and new bytes."""
    name = draw(st.sampled_from(FILES))
    kind = draw(st.sampled_from(["delete", "rename", "replace", "raw"]))
    if kind == "raw":
        text = (CHARTER / name).read_bytes()
        raw = draw(
            st.sampled_from(
                [
                    b"\xff\xfe broken",
                    b"\t",
                    b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                    b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                    b"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
                    b"[" * 3000,
                    b"!!python/object/apply:os.system ['true']",
                    b": : :",
                    b"\x00",
                    b"---\n---\n",
                    b"",
                ]
            )
        )
        position = draw(st.integers(min_value=0, max_value=len(text)))
        if draw(st.booleans()):
            return name, text[:position] + raw + text[position:]
        return name, raw
    data = yaml.safe_load(yaml.safe_dump(ORIGINAL[name]))
    paths = [p for p in _paths(data) if p]
    path = draw(st.sampled_from(paths))
    parent = _parent(data, path)
    if kind == "delete":
        del parent[path[-1]]
    elif kind == "rename" and isinstance(parent, dict):
        parent[draw(odd_text.filter(lambda t: t not in parent))] = parent.pop(path[-1])
    else:
        parent[path[-1]] = draw(odd_value)
    return name, yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass")


LOCATED = re.compile(r"^\S+\.yaml(:\d+:\d+)?: ", re.M)


@settings(
    max_examples=150,
    deadline=5000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(change=mutated_charter(), strict=st.booleans())
def test_check_never_crashes(change, strict, capsys):
    name, content = change
    with tempfile.TemporaryDirectory() as tmp:
        charter = Path(tmp) / "charter"
        copy_charter(charter)
        (charter / name).write_bytes(content)
        code = main(["check", str(charter)] + (["--strict"] if strict else []))
        captured = capsys.readouterr()
    assert code in (0, 1), captured.err
    assert "Traceback" not in captured.err
    if code == 1:
        problems = [line for line in captured.err.splitlines() if not line.startswith(("warning", " "))][:-1]
        assert problems, captured.err
        for line in problems:
            assert LOCATED.match(line), f"problem without file and line: {line!r}"
