"""The package's modules import each other one way: no cycle, and each imports on its own.

The graph is read from the source (every ``import`` and ``from … import``,
inside functions too, except under ``if TYPE_CHECKING:``), so a cycle hidden
behind a late import is found as well. Every module is then imported in a
process of its own (forked from one that imported the libraries): a module
that only works once another one was imported first fails there. The
schema's modules are tried with nothing of the package imported; the others
with the schema imported (its models take most of the time of an import).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT

PACKAGE = PROJECT / "digicharter"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(name: str) -> str | None:
    """The package module ``name`` is, or the package module it lies in (``a.b.c`` → ``a.b`` when c is a name)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str) -> set[str]:
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for other in child.orelse:
                    visit(other)
                continue
            if isinstance(child, ast.Import):
                found.update(filter(None, (_resolve(alias.name) for alias in child.names)))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")
                    base = base[: len(base) - child.level + 1]
                    source = ".".join(base + ([child.module] if child.module else []))
                else:
                    source = child.module or ""
                for alias in child.names:  # ``from . import engine`` names a module
                    target = _resolve(f"{source}.{alias.name}") if f"{source}.{alias.name}" in MODULES else _resolve(source)
                    if target:
                        found.add(target)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(module)
    # A module's own package (its __init__) is imported with it anyway; not an edge of its own.
    return {m for m in found if not module.startswith(m + ".")}


def cycles() -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    graph = {m: imports_of(m) for m in MODULES}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10_000)
    for module in graph:
        if module not in index:
            strong(module)
    return found


def test_the_graph_is_read_from_the_source():
    """The reader itself finds edges it must find (else an empty graph would pass)."""
    assert "digicharter.build_context" in imports_of("digicharter.render.bookmark.build")
    assert "digicharter.render.site.pages" in imports_of("digicharter.render.site.settings")  # from . import pages
    assert "digicharter.render.site.zensical_engine" in imports_of("digicharter.render.site.engine")
    assert len(MODULES) > 50


def test_no_import_cycle():
    assert cycles() == []


#: Imported once by the parent of the processes below, which each import one module of ours: the
#: libraries take most of an interpreter's start, and no module of the package comes in with them.
LIBRARIES = ("yaml", "pydantic", "babel", "jinja2", "markupsafe", "markdown_it", "mkdocs", "material", "weasyprint",
             "pypdf", "pydyf", "segno", "icalendar", "polib", "pptx", "phonenumbers", "email_validator", "dateutil")

_IMPORT_EACH = """
import importlib, json, os, sys, traceback
for library in sys.argv[1].split(","):
    importlib.import_module(library)
assert not any(name == "digicharter" or name.startswith("digicharter.") for name in sys.modules)


def each(modules):
    failed = []
    for module in modules:
        pid = os.fork()
        if pid == 0:  # a child of its own
            try:
                importlib.import_module(module)
            except BaseException:
                traceback.print_exc()
                sys.stderr.flush()
                os._exit(1)
            os._exit(0)
        if os.waitpid(pid, 0)[1] != 0:
            failed.append(module)
    return failed


schema = [m for m in sys.argv[2].split(",") if m == "digicharter" or m.startswith(("digicharter.schema", "digicharter.__"))]
failed = each(schema)  # the schema's modules with none of the package imported
importlib.import_module(sys.argv[3])
failed += each(m for m in sys.argv[2].split(",") if m not in schema)
print(json.dumps(failed))
"""

#: Imported before the rest of the modules are tried (after its own were tried alone): building the schema's
#: pydantic models takes most of a module's import (about 0.8 s), and nearly every module needs them.
SCHEMA = "digicharter.schema"


def test_every_module_imports_on_its_own():
    importable = sorted(m for m in MODULES if not m.endswith(".__main__"))  # that one runs the program
    done = subprocess.run([sys.executable, "-c", _IMPORT_EACH, ",".join(LIBRARIES), ",".join(importable), SCHEMA],
                          capture_output=True, text=True, cwd=PROJECT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout) == [], done.stderr[-4000:]
