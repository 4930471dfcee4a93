"""Read one charter YAML file into plain data, remembering where every value stood.

Why not ``yaml.safe_load``?

* It forgets line numbers, and every message to the editor must name a line.
* It follows YAML 1.1: an unquoted ``17:00`` becomes the number 1020, ``no``
  becomes False and a phone number ``0497381759`` loses its leading zero.
  Here only ``true``/``false``/``null`` are given meaning; every other plain
  scalar stays the text the editor typed, and the typed model decides what it
  is (pydantic turns ``"48"`` into 48 where a number is expected).
* It silently keeps the last of two equal keys, and it expands YAML aliases
  without limit ("billion laughs").

So we let PyYAML build the node tree (never objects) and convert the nodes
ourselves. The tree is built by our own composer (:class:`_CountingComposer`),
which counts the values and the depth as it goes and stops at the limit: a
file of a million values costs what its first 50,000 cost, not a tree of a
million nodes. The events come from libyaml where PyYAML was built with it (it
gives the same marks, many times faster), else from PyYAML's own parser; a
file libyaml refuses is read again by PyYAML's parser, whose complaints our
advice (:func:`_syntax_advice`) knows.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml: its own parser does the same, slower
    CParser = None

from ..errors import Problem
from ..escaping import first_control
from ..i18n import _

#: A path into the data: mapping keys and sequence indexes.
DataPath = tuple[str | int, ...]

MAX_VALUES = 50_000
MAX_DEPTH = 60
MAX_BYTES = 2_000_000

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")

_STD = "tag:yaml.org,2002:"
#: Tags PyYAML's resolver gives plain scalars; any other tag was typed by hand.
_IMPLICIT_TAGS = frozenset(f"{_STD}{name}" for name in ("null", "bool", "int", "float", "timestamp", "value", "merge"))


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class LoadedFile:
    """The data of one YAML file and the place of every value in it."""

    path: Path
    shown_as: str
    data: Any
    marks: dict[DataPath, Mark] = field(default_factory=dict)

    def mark_for(self, path: DataPath) -> Mark:
        """The mark of ``path``, or of its nearest ancestor that has one.

        A *missing* key has no mark of its own; the mapping that lacks it does.
        """
        for end in range(len(path), -1, -1):
            mark = self.marks.get(tuple(path[:end]))
            if mark is not None:
                return mark
        return Mark(1, 1)


class YamlProblem(Exception):
    """The file cannot be read as YAML at all; carries the one problem found."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


class _CountingComposer(Composer):
    """PyYAML's composer, stopping as soon as a file has too many values or too deep a nesting.

    PyYAML composes the whole tree before anyone can count it: a flow list
    ``[a, a, …]`` of 1.99 MB took 24 s and 660 MB to reach a limit that its
    first 50,000 values already break. Counted here, node by node, the cost
    ends at the limit. Mapping keys are not counted (as in :class:`_Builder`),
    aliases are (once each; their expansion is counted by the builder).
    """

    def __init__(self, shown_as: str) -> None:
        super().__init__()
        self.shown_as = shown_as
        self.values = 0
        self.depth = 0

    def _stop(self, message: str) -> YamlProblem:
        mark = _to_mark(self.peek_event().start_mark)
        return YamlProblem(Problem(self.shown_as, mark.line, mark.column, "", message))

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if not (isinstance(parent, yaml.MappingNode) and index is None):
            self.values += 1
            if self.values > MAX_VALUES:
                raise self._stop(too_many_values())
        if self.depth > MAX_DEPTH:
            raise self._stop(too_deep())
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _PureLoader(_CountingComposer, Reader, Scanner, Parser, Resolver):
    """PyYAML's own reader, scanner and parser (pure Python) under the counting composer."""

    def __init__(self, text: str, shown_as: str) -> None:
        Reader.__init__(self, text)
        Scanner.__init__(self)
        Parser.__init__(self)
        _CountingComposer.__init__(self, shown_as)
        Resolver.__init__(self)


if CParser is not None:

    class _FastLoader(_CountingComposer, CParser, Resolver):  # type: ignore[misc, valid-type]
        """libyaml's parser (C) under the counting composer: the same events and marks, many times faster."""

        def __init__(self, text: str, shown_as: str) -> None:
            CParser.__init__(self, text)
            _CountingComposer.__init__(self, shown_as)
            Resolver.__init__(self)

    _LOADERS: tuple[type, ...] = (_FastLoader, _PureLoader)
else:
    _LOADERS = (_PureLoader,)


def too_many_values() -> str:
    """The message for a file with more values than any charter needs."""
    return _("this file holds too many values (more than {limit} texts, numbers and list items); "
             "a charter file needs far fewer: remove what was pasted or repeated by mistake").format(limit=MAX_VALUES)


def too_deep() -> str:
    return _("the data is nested too deeply (more than {limit} levels)").format(limit=MAX_DEPTH)


def compose(text: str, shown_as: str) -> list[yaml.Node]:
    """The root node of the YAML document in ``text`` (and of a second one, if there is one, to refuse it).

    Raises :class:`YamlProblem` at the limits, and PyYAML's own errors for a
    file that is not YAML; those always come from PyYAML's parser, so that
    their words are the ones :func:`_syntax_problem` turns into advice.
    """
    for loader_class in _LOADERS:
        loader = loader_class(text, shown_as)
        try:
            nodes = []
            while len(nodes) < 2 and loader.check_node():  # a second document is refused: no need for a third
                nodes.append(loader.get_node())
            return nodes
        except (yaml.YAMLError, UnicodeError):
            if loader_class is _PureLoader:
                raise
        finally:
            loader.dispose()
    raise AssertionError("the pure-Python loader always answers")


def read_limited(path: Path, shown_as: str) -> bytes:
    """The bytes of ``path``, refused by their size before reading if there are too many.

    The size is asked of the opened file (``fstat``), so a 4 GiB file costs
    nothing; and no more than the limit is read, should the file grow or not
    know its size.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        raw = handle.read(MAX_BYTES + 1) if size <= MAX_BYTES else b""
    if size > MAX_BYTES or len(raw) > MAX_BYTES:
        raise YamlProblem(
            Problem(shown_as, 1, 1, "", _("this file is {size} bytes; a charter file may be at most {limit}").format(
                size=max(size, len(raw)), limit=MAX_BYTES))
        )
    return raw


def _to_mark(node_mark: yaml.Mark | None) -> Mark:
    if node_mark is None:
        return Mark(1, 1)
    return Mark(node_mark.line + 1, node_mark.column + 1)


def decode(raw: bytes, shown_as: str) -> str:
    """Decode UTF-8 (with or without BOM); name the line of the first bad byte."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlProblem(
            Problem(
                shown_as,
                line,
                column,
                "",
                _("this file is not UTF-8 text (byte 0x{byte} cannot be read); "
                  "save it again as 'UTF-8' in your editor").format(byte=f"{raw[exc.start]:02x}"),
            )
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml_file(path: Path, shown_as: str, *, typed_numbers: bool = False) -> LoadedFile:
    """Load one YAML file, or raise :class:`YamlProblem` naming file and line.

    ``typed_numbers`` resolves plain numbers as numbers (YAML 1.2 core schema),
    which is what an editor's language server does; the build leaves them as
    text for the model to convert.
    """
    raw = read_limited(path, shown_as)
    text = decode(raw, shown_as)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlProblem(Problem(shown_as, line, 1, "", _("this file contains a NUL character: it is not a text file")))
    try:
        nodes = compose(text, shown_as)
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(_syntax_problem(exc, shown_as)) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a control character
        line = text[: exc.position].count("\n") + 1
        column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        raise YamlProblem(
            Problem(
                shown_as, line, column, "",
                _("this file contains the invisible control character U+{code}, which YAML does not "
                  "allow; delete it (it often comes along when text is pasted from another program)").format(
                    code=f"{exc.character:04X}"),
            )
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(shown_as, 1, 1, "", _("this is not valid YAML: {problem}").format(problem=exc))) from None
    except RecursionError:
        raise YamlProblem(Problem(shown_as, 1, 1, "", too_deep())) from None
    if len(nodes) > 1:
        second = nodes[1].start_mark
        raise YamlProblem(
            Problem(shown_as, second.line + 1, 1, "", _("this file holds more than one YAML document ('---'); keep one"))
        )
    loaded = LoadedFile(path=path, shown_as=shown_as, data=None)
    if nodes:
        builder = _Builder(loaded, typed_numbers)
        loaded.data = builder.build(nodes[0], (), 0)
        loaded.marks.setdefault((), _to_mark(nodes[0].start_mark))
    return loaded


def _syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str) -> Problem:
    """PyYAML's complaint as advice: what is wrong on which line, and what to do about it."""
    problem = exc.problem or ""
    context = exc.context or ""
    advice, at_context = _syntax_advice(problem, context)
    mark = (exc.context_mark if at_context else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if advice is None:
        advice = _("this is not valid YAML ({problem}); check the indentation and the quotes on this line").format(
            problem=f"{problem} {context}".strip() or "?")
    return Problem(shown_as, line, column, "", _("YAML syntax error: {advice}").format(advice=advice))


def _syntax_advice(problem: str, context: str) -> tuple[str | None, bool]:
    """Plain advice for the usual YAML mistakes, and whether the context mark (where it began) is the place."""
    if "'\\t'" in problem:
        return _("this line is indented with tabs, and YAML allows only spaces: indent with spaces"), False
    if "mapping values are not allowed" in problem:
        return _("put this text between quotes: it contains ': ' (e.g. text: \"Let op: dit\")"), False
    if "could not find expected ':'" in problem:
        return _(
            "a key on this line has no ':' after it, or the line is not indented like the ones around it; "
            "a text that goes on over several lines must be indented further than its key"
        ), True
    if "while scanning a quoted scalar" in context:
        return _("a quote opened on this line (' or \") is never closed: close it at the end of the text"), True
    if "found undefined alias" in problem or "while scanning an alias" in context or "while scanning an anchor" in context:
        return _(
            "a text that starts with '*' or '&' must be put between quotes (e.g. text: \"*Let op* …\")"
        ), False
    if "that cannot start any token" in problem:
        character = problem.split("'")[1] if problem.count("'") >= 2 else "?"
        return _("a text cannot start with '{character}': put the whole text between quotes").format(
            character=character), False
    if "expected <block end>" in problem and "'<scalar>'" in problem:
        return _(
            "after a text between quotes nothing else may follow on the line: put the whole text between quotes"
        ), False
    if "expected <block end>" in problem or "expected <block mapping start>" in problem:
        return _(
            "the indentation is not right: this line is indented more or less than the lines it belongs with; "
            "keys at the same level must start in the same column"
        ), False
    if "while parsing a flow sequence" in context or "while parsing a flow mapping" in context:
        return _(
            "a list in [ ] or a mapping in { } that starts on this line is not closed, or a value in it contains "
            "',' or ':': close it, or put that value between quotes"
        ), True
    if "found duplicate anchor" in problem:
        return _("the anchor '&…' is defined twice; give each anchor its own name"), False
    return None, False


class _Builder:
    """Turn a node tree into dicts, lists and scalars, recording marks."""

    def __init__(self, loaded: LoadedFile, typed_numbers: bool):
        self.loaded = loaded
        self.typed_numbers = typed_numbers
        self.count = 0

    def fail(self, node: yaml.Node, message: str) -> YamlProblem:
        mark = _to_mark(node.start_mark)
        return YamlProblem(Problem(self.loaded.shown_as, mark.line, mark.column, "", message))

    def build(self, node: yaml.Node, path: DataPath, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.fail(
                node,
                _("this file expands to more than {limit} values; "
                  "YAML anchors and aliases ('&' and '*') must not repeat data this much").format(limit=MAX_VALUES),
            )
        if depth > MAX_DEPTH:
            raise self.fail(node, too_deep())
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag not in (f"{_STD}seq",):
                raise self.fail(node, _("unsupported YAML tag '{tag}'; remove it").format(tag=node.tag))
            items = []
            for index, child in enumerate(node.value):
                self.loaded.marks[path + (index,)] = _to_mark(child.start_mark)
                items.append(self.build(child, path + (index,), depth + 1))
            return items
        return self._scalar(node)

    def _mapping(self, node: yaml.MappingNode, path: DataPath, depth: int) -> dict[str, Any]:
        if node.tag not in (f"{_STD}map",):
            raise self.fail(node, _("unsupported YAML tag '{tag}'; remove it").format(tag=node.tag))
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, _("a key must be a plain word, not a list or mapping"))
            if key_node.tag == f"{_STD}merge":
                raise self.fail(key_node, _("YAML merge keys ('<<') are not supported; write the values out"))
            self.refuse_controls(key_node)
            key = str(key_node.value)
            key_mark = _to_mark(key_node.start_mark)
            if key in result:
                first = self.loaded.marks[path + (key,)]
                raise self.fail(
                    key_node,
                    _("the key '{key}' appears twice in this mapping (first on line {line}); keep one").format(
                        key=key, line=first.line),
                )
            self.loaded.marks[path + (key,)] = key_mark
            result[key] = self.build(value_node, path + (key,), depth + 1)
        return result

    def refuse_controls(self, node: yaml.ScalarNode) -> None:
        """Reject a control character or half a surrogate pair that a YAML escape put into a text.

        YAML refuses them typed raw, but between double quotes ``"\\0"``, ``"\\e"``
        or ``"\\ud800"`` writes them anyway. None belongs in a charter: NUL and ESC
        would reach the published pages and the terminal, and a lone surrogate
        cannot even be written as UTF-8 (the build would crash on it).
        """
        found = first_control(node.value)
        if found is None:
            return
        code = f"{ord(found):04X}"
        if 0xD800 <= ord(found) <= 0xDFFF:
            message = _("this text contains '\\u{code}', half of a pair that only together make one character "
                        "(a surrogate); write the character itself instead, e.g. the emoji or letter you meant").format(
                code=code.lower())
        else:
            message = _("this text contains the invisible control character U+{code} (written as an escape such as "
                        "\\0, \\e or \\x1b between double quotes); delete it").format(code=code)
        raise self.fail(node, message)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        self.refuse_controls(node)
        value = node.value
        tag = node.tag
        if tag != f"{_STD}str" and tag not in _IMPLICIT_TAGS:
            raise self.fail(node, _("unsupported YAML tag '{tag}'; remove it").format(tag=tag))
        if tag == f"{_STD}str" or node.style in ("'", '"', "|", ">"):
            return value
        if _NULL.match(value):
            return None
        if _TRUE.match(value):
            return True
        if _FALSE.match(value):
            return False
        if self.typed_numbers:
            if _INT.match(value):
                return int(value)
            if _FLOAT.match(value):
                return float(value)
        return value
