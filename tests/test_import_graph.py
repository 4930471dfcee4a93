"""The package's modules import each other one way: no cycle, and each imports on its own.

The graph is read from the source (every ``import`` and ``from … import``,
inside functions too, except under ``if TYPE_CHECKING:``), so a cycle hidden
behind a late import is found as well. Every module is then imported in a
fresh interpreter of its own: a module that only works once another one was
imported first fails there.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
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
    assert "digicharter.render.site.pages" in imports_of("digicharter.render.site.engine")
    assert len(MODULES) > 50


def test_no_import_cycle():
    assert cycles() == []


def test_every_module_imports_on_its_own():
    def load(module: str) -> tuple[str, int, str]:
        done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True,
                              cwd=PROJECT, timeout=120)
        return module, done.returncode, done.stderr[-600:]

    importable = sorted(m for m in MODULES if not m.endswith(".__main__"))  # that one runs the program
    with ThreadPoolExecutor(max_workers=4) as pool:
        failed = [(m, err) for m, code, err in pool.map(load, importable) if code != 0]
    assert failed == []
