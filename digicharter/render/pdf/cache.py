"""Reuse an earlier build's PDFs when nothing that goes into them changed.

Laying out PDFs is most of a build's time, and most edits to a charter touch
one output or one language: a rule on the website only, a slide's English
text. Each output hashes the HTML it would give WeasyPrint (which holds every
text, colour, icon and font reference), together with WeasyPrint's version,
Digicharter's renderer code and the build's date. If a previous build wrote
PDFs from exactly that, they are copied instead of laid out again — the very
same bytes, so reproducibility is untouched. Only PDFs that passed their fit
checks are ever stored.

The cache lives next to the output folder (``.site-cache/``) and keeps only
what the last build used.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ...reproducible import source_date_epoch


#: Raised whenever PDFs stored by earlier versions must never be reused, whatever else the key says.
#: 2: PDFs are written with the fetcher that serves only our own files and with no embedded files;
#: an entry from before could hold a file a hostile charter had embedded.
CACHE_VERSION = 2


@lru_cache(maxsize=1)
def _code_stamp() -> str:
    """What else decides a PDF's bytes: the renderers' source and the versions of WeasyPrint and its helpers.

    A change in any of them invalidates every entry.
    """
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(f"digicharter-pdf-cache={CACHE_VERSION};".encode())
    for package in ("weasyprint", "pydyf", "fonttools", "tinycss2", "cssselect2", "tinyhtml5", "pillow", "pypdf"):
        try:
            digest.update(f"{package}={version(package)};".encode())
        except PackageNotFoundError:
            digest.update(f"{package}=?;".encode())
    # Pango lays out the text; whether HarfBuzz's subsetter is there decides how fonts are subset.
    digest.update(f"pango={_pango_version()};hb-subset={_loadable(_HARFBUZZ_SUBSET)};".encode())
    # Every renderer's code (the handout's imposition, the bookmark's finishing … not only this package's).
    for source in sorted(Path(__file__).parent.parent.rglob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


#: The names WeasyPrint tries for these libraries, in its order (weasyprint/text/ffi.py).
_PANGO = ("libpango-1.0-0", "pango-1.0-0", "pango-1.0", "libpango-1.0.so.0", "libpango-1.0.dylib", "libpango-1.0-0.dll")
_HARFBUZZ_SUBSET = ("libharfbuzz-subset-0", "harfbuzz-subset", "harfbuzz-subset-0.0", "libharfbuzz-subset.so.0",
                    "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


@lru_cache(maxsize=1)
def _ffi():
    import cffi

    ffi = cffi.FFI()
    ffi.cdef("int pango_version (void);")
    return ffi


def _library(names: tuple[str, ...]):
    """The first of these shared libraries that loads, found as WeasyPrint finds it (cffi's dlopen), else None.

    Asked without WeasyPrint: importing it takes half a second, and a build whose PDFs are all reused
    never needs it otherwise.
    """
    ffi = _ffi()
    for name in names:
        try:
            return ffi.dlopen(name, ffi.RTLD_NOW)
        except OSError:
            continue
    return None


def _pango_version() -> int | None:
    pango = _library(_PANGO)
    return int(pango.pango_version()) if pango is not None else None


def _loadable(names: tuple[str, ...]) -> bool:
    return _library(names) is not None


@dataclass
class PdfCache:
    """A folder of PDFs by the hash of their input; ``root=None`` caches nothing."""

    root: Path | None = None
    hits: list[str] = field(default_factory=list)

    def key(self, *documents: str) -> str:
        digest = hashlib.sha256(_code_stamp().encode())
        digest.update(str(source_date_epoch()).encode())
        for document in documents:
            digest.update(len(document).to_bytes(8, "big"))
            digest.update(document.encode("utf-8"))
        return digest.hexdigest()[:32]

    def holds_nothing(self) -> bool:
        """No PDF can come from this cache (none, or nothing stored yet): every PDF will be laid out."""
        return self.root is None or not self.root.is_dir() or not any(self.root.iterdir())

    def restore(self, key: str, targets: dict[str, Path]) -> bool:
        """Copy the cached files named in ``targets`` into place; False (and nothing copied) on a miss."""
        if self.root is None:
            return False
        entry = self.root / key
        if not all((entry / name).is_file() for name in targets):
            return False
        for name, target in targets.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry / name, target)
        os.utime(entry)  # used by this build: kept by prune()
        self.hits.append(key)
        return True

    def store(self, key: str, files: dict[str, Path]) -> None:
        """Keep copies of freshly written (and checked) files under ``key``."""
        if self.root is None:
            return
        entry = self.root / key
        partial = self.root / f".{key}.{os.getpid()}"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        for name, source in files.items():
            shutil.copyfile(source, partial / name)
        try:
            partial.rename(entry)  # atomic: a parallel worker never sees half an entry
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)  # the same entry was stored meanwhile

    def prune(self, since: float) -> None:
        """Forget entries the build that started at ``since`` did not use."""
        if self.root is None or not self.root.is_dir():
            return
        for entry in self.root.iterdir():
            if entry.stat().st_mtime < since:
                shutil.rmtree(entry, ignore_errors=True)


def no_cache() -> PdfCache:
    return PdfCache(None)


def cache_next_to(out_dir: Path) -> PdfCache:
    """The cache for builds into ``out_dir``, unless ``DIGICHARTER_NO_CACHE`` is set."""
    if os.environ.get("DIGICHARTER_NO_CACHE"):
        return no_cache()
    return PdfCache(out_dir.parent / f".{out_dir.name}-cache")

