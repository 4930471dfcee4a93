"""Material's templates compiled once per process, not once per language and per rebuild.

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
"""

from __future__ import annotations

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


def use(env) -> None:
    """Let a theme environment reuse (and add to) the templates compiled by the ones before it."""
    env.bytecode_cache = _shared
