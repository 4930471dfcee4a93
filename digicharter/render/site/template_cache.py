"""Material's templates compiled once per process, and its 14,000 icons not listed in every build.

MkDocs makes a fresh Jinja environment for every build, and Digicharter
builds each language as a build of its own (and a live preview builds them
all again after each save), so each of the theme's ~50 templates was parsed
and compiled four times per build of the example: about half of the time
MkDocs spent on the pages. Jinja's bytecode cache hands a new environment
the code an earlier one compiled from the same file with the same source
(Jinja checks both), so a change to a template is still seen at once.

The cache is shared only by the theme environments :func:`use` is given,
which are all configured alike (:func:`.theme.escape_theme_values`), since
Jinja's compiled code depends on the environment's settings.

Each build also asks the theme's loader for every file it has, to copy the
theme's static files: Material ships some 14,000 icons in hidden folders
(``.icons/``), which MkDocs then drops again name by name. That walk took a
quarter of each language's build; :class:`ThemeLoader` does not go into
hidden folders, which gives MkDocs the same files.
"""

from __future__ import annotations

import os

import jinja2
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class _InMemory(BytecodeCache):
    """Compiled templates by Jinja's key (template name and file), kept for the life of the process."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)  # Jinja drops it itself if the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._compiled.clear()


_shared = _InMemory()
#: For the theme's environments as MkDocs makes them, before :func:`use` (e.g. the search plugin's own).
_plain = _InMemory()


def clear() -> None:
    """Forget every compiled template, as in a fresh process (tests)."""
    _shared.clear()
    _plain.clear()


def use(env) -> None:
    """Let a theme environment reuse (and add to) the templates compiled by the ones before it."""
    env.bytecode_cache = _shared


class ThemeLoader(jinja2.FileSystemLoader):
    """MkDocs' theme loader, listing no hidden files or folders.

    MkDocs lists the templates only to find the theme's static files, and
    leaves out every path with a part that starts with a dot.
    """

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath, followlinks=self.followlinks):
                dirnames[:] = [name for name in dirnames if not name.startswith(".")]
                folder = os.path.relpath(dirpath, searchpath).replace(os.path.sep, "/")
                for filename in filenames:
                    if not filename.startswith("."):
                        found.add(filename if folder == "." else f"{folder}/{filename}")
        return sorted(found)


def list_theme_quickly(theme) -> None:
    """Give every environment this MkDocs theme makes (for the pages, for the search plugin) a :class:`ThemeLoader`,
    and a cache of its own for the environments nobody configures further: Material's search plugin reads
    its words from the language partials with one, and compiled them again in every build."""
    if getattr(theme, "_digicharter_loader", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.loader = ThemeLoader(env.loader.searchpath)
        env.bytecode_cache = _plain
        return env

    theme.get_env = get_env
    theme._digicharter_loader = True
