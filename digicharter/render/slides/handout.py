"""The notes handout shows each slide as the deck's own PDF page, drawn small: the deck is laid out once.

Laying the slides out a second time at half size for the handout cost more
than the whole deck (every frame, every flex box again). Instead WeasyPrint
lays out only the handout's own text, with an empty slot of the thumbnail's
size above each slide's notes; while WeasyPrint writes the handout, the
finished deck's page goes into its slot as a PDF form, scaled to fit. The
deck's objects are read with pypdf and handed to WeasyPrint's PDF writer
(pydyf), so the handout is written once, compressed like every other PDF.

The thumbnail is decoration (the handout says the same words next to it):
it is marked as an artifact, and the deck's own marked-content ids are taken
out of it, so the handout's structure tree, which screen readers read, is
exactly WeasyPrint's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PT_PER_PX = 0.75
#: A slot's anchor id in handout.html.j2: ``thumb-`` and the slide's key.
SLOT_PREFIX = "thumb-"
#: Marked content that names an id in the deck's structure tree (``/P <</MCID 3>> BDC``).
_TAGGED = re.compile(rb"/[A-Za-z0-9_.]+\s*<<[^<>]*>>\s*BDC")


@dataclass(frozen=True)
class Slot:
    """Where a slide's thumbnail goes: the handout page and the slot's box in CSS px from the page's top left."""

    page: int
    left: float
    top: float
    width: float
    height: float
    page_height: float


def slots(handout_document, keys: list[str]) -> list[Slot]:
    """The slot of each slide (in deck order) in a laid-out handout, from the slots' anchors."""
    found: dict[str, Slot] = {}
    for index, page in enumerate(handout_document.pages):
        for anchor, (x0, y0, x1, y1) in page.anchors.items():
            if anchor.startswith(SLOT_PREFIX) and anchor not in found:
                found[anchor] = Slot(index, x0, y0, x1 - x0, y1 - y0, page.height)
    return [found[SLOT_PREFIX + key] for key in keys]


def write_handout(document, deck_document, keys: list[str], deck_pdf: Path, target: Path) -> None:
    """Write the laid-out handout ``document`` with the slides (in the order of ``keys``) from ``deck_pdf``.

    ``deck_document`` is the deck as laid out for ``deck_pdf``: each slide's
    start anchor says which of its pages shows the slide.
    """
    from pypdf import PdfReader

    from ..pdf.writing import anchor_pages, write_pdf

    placed = slots(document, keys)
    pages = anchor_pages(deck_document)
    deck = PdfReader(deck_pdf)
    shown = [deck.pages[pages[f"{key}-start"]] for key in keys]
    write_pdf(document, target, finisher=lambda _document, pdf: _impose(pdf, shown, placed))


def _impose(pdf, shown: list, placed: list[Slot]) -> None:
    """Draw ``shown[i]`` (a deck page, pypdf) into ``placed[i]`` on the handout pages of ``pdf`` (pydyf, before it is written)."""
    import pydyf

    pages = [obj for obj in pdf.objects if isinstance(obj, dict) and obj.get("Type") == "/Page"]
    memo: dict[int, bytes] = {}
    drawn: dict[int, list[bytes]] = {}
    for number, (slot, page) in enumerate(zip(placed, shown)):
        box = page.mediabox
        form = pydyf.Stream(
            [_TAGGED.sub(b"/Span BMC", page.get_contents().get_data())],
            {
                "Type": "/XObject",
                "Subtype": "/Form",
                "BBox": pydyf.Array([float(box.left), float(box.bottom), float(box.right), float(box.top)]),
                "Resources": _converted(page["/Resources"], pdf, memo),
            },
            compress=True,
        )
        pdf.add_object(form)
        name = f"DigicharterSlide{number}"
        _xobjects(pdf, pages[slot.page])[name] = form.reference
        scale = min(slot.width / float(box.width), slot.height / float(box.height)) * PT_PER_PX
        x = slot.left * PT_PER_PX - float(box.left) * scale
        y = (slot.page_height - slot.top - slot.height) * PT_PER_PX - float(box.bottom) * scale
        drawn.setdefault(slot.page, []).append(
            f"/Artifact BMC q {scale:.6f} 0 0 {scale:.6f} {x:.4f} {y:.4f} cm /{name} Do Q EMC".encode("ascii")
        )
    for index, operations in drawn.items():
        # The page's own drawing goes inside q … Q: WeasyPrint leaves its coordinates turned upside down.
        before, after = pydyf.Stream([b"q"]), pydyf.Stream([b"Q", *operations], compress=True)
        pdf.add_object(before)
        pdf.add_object(after)
        pages[index]["Contents"] = pydyf.Array([before.reference, pages[index]["Contents"], after.reference])


def _xobjects(pdf, page) -> dict:
    """The page's /XObject resources as a dictionary we may add to (WeasyPrint shares one among pages)."""
    import pydyf

    resources = _resolved(pdf, page["Resources"])
    xobjects = resources.get("XObject")
    if xobjects is None:
        xobjects = resources["XObject"] = pydyf.Dictionary()
    return _resolved(pdf, xobjects)


def _resolved(pdf, value):
    """A pydyf object, given the object or its reference (``b"12 0 R"``)."""
    if isinstance(value, (bytes, str)):
        return pdf.objects[int(value.split()[0])]
    return value


def _converted(value, pdf, memo: dict[int, bytes]):
    """A pypdf object of the deck as pydyf gives it to the handout's PDF; each indirect object is added once."""
    import pydyf
    from pypdf import generic

    if isinstance(value, generic.IndirectObject):
        if value.idnum not in memo:
            target = value.get_object()
            if isinstance(target, generic.StreamObject):
                copy = pydyf.Stream([target._data], {})
                pdf.add_object(copy)
                memo[value.idnum] = copy.reference
                copy.extra.update({key[1:]: _converted(item, pdf, memo) for key, item in target.items() if key != "/Length"})
            elif isinstance(target, (generic.DictionaryObject, generic.ArrayObject)):
                copy = pydyf.Dictionary() if isinstance(target, generic.DictionaryObject) else pydyf.Array()
                pdf.add_object(copy)
                memo[value.idnum] = copy.reference
                if isinstance(copy, dict):
                    copy.update({key[1:]: _converted(item, pdf, memo) for key, item in target.items()})
                else:
                    copy.extend(_converted(item, pdf, memo) for item in target)
            else:
                memo[value.idnum] = _converted(target, pdf, memo)
        return memo[value.idnum]
    if isinstance(value, generic.StreamObject):
        return _converted(value.indirect_reference, pdf, memo)
    if isinstance(value, generic.DictionaryObject):
        return pydyf.Dictionary({key[1:]: _converted(item, pdf, memo) for key, item in value.items()})
    if isinstance(value, generic.ArrayObject):
        return pydyf.Array([_converted(item, pdf, memo) for item in value])
    if isinstance(value, generic.NameObject):
        return pydyf.name(str(value)[1:])
    if isinstance(value, generic.BooleanObject):
        return b"true" if value else b"false"
    if isinstance(value, generic.NullObject):
        return b"null"
    if isinstance(value, (generic.TextStringObject, generic.ByteStringObject)):
        raw = value.original_bytes if isinstance(value, generic.TextStringObject) else bytes(value)
        return b"<" + raw.hex().encode("ascii") + b">"
    if isinstance(value, generic.FloatObject):
        return float(value)
    if isinstance(value, generic.NumberObject):
        return int(value)
    from ...errors import InternalError

    raise InternalError(f"the deck's PDF holds an object the handout cannot copy: {type(value).__name__}")
