"""What the bookmark and the slides share when they make PDFs with WeasyPrint.

* one font, embedded from the same files the website serves (:mod:`.fonts`);
* reproducible bytes: WeasyPrint stamps the time (and its font subsets vary)
  unless ``SOURCE_DATE_EPOCH`` is set, so we set it for the duration of a write;
* tagged PDF/UA output with title, language and author for screen readers;
* one way in: every document is parsed by :func:`html_document`, whose URL
  fetcher (:mod:`.fetcher`) serves only our own files, and written by
  :func:`write_pdf`, which never lets a file be embedded in the PDF;
* overflow detection: WeasyPrint silently drops text that does not fit a
  fixed-height box, so outputs lay content out in free-flowing pages and ask
  :func:`anchor_pages` on which page a start and an end marker landed.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Callable

from ...errors import InternalError
from ...reproducible import source_date, source_date_epoch


def html_document(html: str, base_url: str | None = None):
    """A WeasyPrint document from our HTML that can fetch nothing but Digicharter's own files."""
    import weasyprint

    from .fetcher import OwnFilesFetcher

    return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=OwnFilesFetcher())


def render(html: str, base_url: str | None = None):
    """Lay out our HTML with WeasyPrint; a request for anything but our own files is a bug and stops it."""
    from weasyprint.urls import FatalURLFetchingError

    try:
        return html_document(html, base_url).render()
    except FatalURLFetchingError as exc:  # a BaseException: keep it from escaping as one
        raise InternalError(f"WeasyPrint was refused a resource: {exc.__cause__ or exc}") from exc


def reproducible():
    """Set SOURCE_DATE_EPOCH (unless the caller did) while a PDF is written."""
    return source_date(str(source_date_epoch()))


def anchor_pages(document) -> dict[str, int]:
    """Anchor id → index of the page it landed on, for a rendered WeasyPrint document."""
    pages: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            pages.setdefault(anchor, index)
    return pages


def write_pdf(document, target: Path, *, finisher: Callable | None = None) -> None:
    """Write a rendered document as a tagged, reproducible PDF (PDF/UA-1) with no file embedded in it.

    ``finisher(document, pdf)`` may adjust the PDF objects before they are
    written, e.g. the bookmark sets its pages' BleedBox to the real bleed.

    WeasyPrint embeds the target of every ``<a rel=attachment>`` and
    ``<link rel=attachment>`` (and of its ``attachments`` option) as a file in
    the PDF. Our templates write none, and the fetcher would refuse to read
    one; on top of that they are dropped from the laid-out document here, and
    the finished PDF is checked to hold no embedded file and no file
    attachment annotation before a byte of it is written.
    """
    from weasyprint.urls import FatalURLFetchingError

    without_attachments(document)

    def finish(doc, pdf) -> None:
        if finisher is not None:
            finisher(doc, pdf)
        right_to_left_ligatures_in_visual_order(pdf)
        embedded = embedded_files(pdf)
        if embedded:
            raise InternalError(f"a PDF would have embedded files: {embedded}")

    target.parent.mkdir(parents=True, exist_ok=True)
    with reproducible():
        try:
            document.write_pdf(
                target, pdf_variant="pdf/ua-1", pdf_tags=True, custom_metadata=True, attachments=None, finisher=finish
            )
        except (FatalURLFetchingError, InternalError) as exc:
            target.unlink(missing_ok=True)  # WeasyPrint opened it before the check: leave nothing behind
            if isinstance(exc, InternalError):
                raise
            raise InternalError(f"WeasyPrint was refused a resource: {exc.__cause__ or exc}") from exc


_CMAP_ENTRY = re.compile(rb"^<([0-9a-f]+)> <((?:[0-9a-f]{4})+)>$")


def right_to_left_ligatures_in_visual_order(pdf) -> None:
    """Write what a right-to-left ligature stands for in the order its glyph is drawn, so extracted text reads as typed.

    A PDF holds right-to-left text in visual order, and text extractors
    (poppler's pdftotext, search and copy in viewers) turn each right-to-left
    run around as a whole. WeasyPrint maps one glyph that stands for several
    letters, such as Arabic's lam-alef "لا", to those letters in reading
    order, so turning the run around swapped them: "الأولياء" came out as
    "األولياء". Such a glyph's letters are written reversed in the font's
    ToUnicode map, as every other glyph of the run is.
    """
    import pydyf

    for obj in pdf.objects:
        if not isinstance(obj, pydyf.Stream) or b"begincmap" not in obj.stream[:8]:
            continue
        for index, line in enumerate(obj.stream):
            match = _CMAP_ENTRY.match(line) if isinstance(line, bytes) else None
            if match is None or len(match.group(2)) <= 4:
                continue
            text = bytes.fromhex(match.group(2).decode("ascii")).decode("utf-16-be")
            if all(unicodedata.bidirectional(c) in ("R", "AL", "NSM") for c in text):
                reversed_hex = "".join(c.encode("utf-16-be").hex() for c in reversed(text)).encode("ascii")
                obj.stream[index] = b"<" + match.group(1) + b"> <" + reversed_hex + b">"


def without_attachments(document) -> None:
    """Drop what would make WeasyPrint embed a file: attachments in the metadata, attachment links on pages."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


def embedded_files(pdf) -> list[str]:
    """The embedded files, file specifications and file attachment annotations among a pydyf PDF's objects."""
    import pydyf

    found = []
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Stream):
            obj = obj.extra
        if not isinstance(obj, dict):
            continue
        kind = (str(obj.get("Type", "")), str(obj.get("Subtype", "")))
        if kind[0] in ("/EmbeddedFile", "/Filespec") or kind[1] == "/FileAttachment" or "EmbeddedFiles" in obj:
            found.append("/".join(k for k in kind if k) or "EmbeddedFiles")
    names = pdf.catalog.get("Names")
    if isinstance(names, dict) and "EmbeddedFiles" in names:
        found.append("catalog /Names /EmbeddedFiles")
    return found
