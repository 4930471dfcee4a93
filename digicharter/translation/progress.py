"""How far each language's translation is, in texts and words, per output.

A school publishes a language before it is complete (``complete: false`` in
charter.yaml); ``check`` then says how much is left, so the school can decide
when to hand the bookmark out in that language while the quality page waits.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..loading.charter_loader import LoadResult
from ..schema import SECTION_FILES
from .entries import text_entries


@dataclass
class Count:
    texts: int = 0
    words: int = 0
    done_texts: int = 0
    done_words: int = 0

    def add(self, words: int, done: bool) -> None:
        self.texts += 1
        self.words += words
        if done:
            self.done_texts += 1
            self.done_words += words

    @property
    def percent(self) -> int:
        return 100 if not self.words else int(100 * self.done_words / self.words)


@dataclass
class Progress:
    """One language: the whole and per output (website, bookmark, slides)."""

    code: str
    name: str
    complete: bool
    total: Count = field(default_factory=Count)
    outputs: dict[str, Count] = field(default_factory=dict)


def progress(result: LoadResult) -> list[Progress]:
    """The progress of every language but the default one, in charter.yaml's order."""
    charter = result.charter
    default = charter.settings.default_language
    sections = {name: getattr(charter, name) for name in SECTION_FILES}
    entries = list(text_entries(sections, result.files, default))
    found = []
    for language in charter.settings.languages:
        if language.code == default:
            continue
        item = Progress(language.code, language.name, language.complete)
        for entry in entries:
            done = entry.text.get(language.code, default) is not None
            words = len(entry.source.split())
            item.total.add(words, done)
            for output in entry.outputs:
                item.outputs.setdefault(output, Count()).add(words, done)
        found.append(item)
    return found
