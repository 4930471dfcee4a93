"""The A4 print sheet made from the strip's own layout: each face is laid out once, then placed on it.

WeasyPrint lays out only the sheet itself (its cut marks, the printing hint and
an empty slot for every copy); each slot then receives a copy of the strip's
laid-out face, moved to its place (:mod:`.boxes`). What is printed on the sheet
is therefore exactly what the fit check measured on the strip, word for word
and line for line; the copies stay tagged like the strip, for screen readers.
The slots' parents clip each copy to its paint area, as on the strip.
"""

from __future__ import annotations

from pathlib import Path

from ...view import LanguageView
from ..pdf.writing import render, write_pdf
from .boxes import box_with_id, moved_copy
from .content import Face
from .html import sheet_html
from .layout import sheet_layout
from .strip import PREFIX

#: The id of a copy's slot in sheet.html.j2: ``slot-``, the side and the copy's number.
SLOT = "slot-{side}-{index}"


def write_sheet(view: LanguageView, faces: list[Face], strip, target: Path) -> Path:
    """The A4 sheet: fronts on page 1, backs on page 2 mirrored for long-edge duplex, thin cut marks.

    ``strip`` is the strip's laid-out document (:func:`.strip.lay_out_strip`) for these ``faces``.
    """
    from weasyprint.document import Page

    bookmark = view.charter.bookmark
    layout = sheet_layout(bookmark.size, bookmark.sheet)
    document = render(sheet_html(view, faces, layout))
    laid_out = {face.name: box_with_id(page._page_box, PREFIX + face.name) for face, page in zip(faces, strip.pages)}
    for page, (side, placements) in zip(document.pages, (("front", layout.front), ("back", layout.back))):
        face = laid_out[side]
        for index in range(len(placements)):
            slot = box_with_id(page._page_box, SLOT.format(side=side, index=index))
            slot.children = [moved_copy(face, slot.content_box_x() - face.position_x, slot.content_box_y() - face.position_y)]
    # A page gathers its links, anchors and transforms from its boxes: gather them again, with the copies in.
    document.pages[:] = [Page(page._page_box) for page in document.pages]
    write_pdf(document, target)
    return target
