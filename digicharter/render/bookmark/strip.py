"""The strip laid out once: that one layout is both the proof that every face fits and what is printed.

WeasyPrint drops text that does not fit a fixed-height box without a word, so
the finished strip is measured (:func:`.fit.placed_problem`): on every face
the text must end on the face's page, above its foot. Only when that fails, or
when a face is so long that laying it out would take minutes, does the slower
check of :mod:`.fit` run, to say which line runs over and by how many
millimetres. Every line of text is also checked to stay inside its box on
this same layout (a word too long to wrap runs past the cut edge instead).
"""

from __future__ import annotations

from pathlib import Path

from ...errors import OutputError
from ...view import LanguageView
from ..pdf.writing import render
from .boxes import box_with_id
from .content import Face
from .fit import check_fit, placed_problem, probe, strip_overflow, too_wide_problems
from .html import strip_html

#: The id prefix of the faces in strip.html.j2.
PREFIX = "strip-"


def lay_out_strip(view: LanguageView, faces: list[Face], charter_dir: Path | None = None):
    """The strip's WeasyPrint document, once every face is known to fit; else :class:`OutputError` in words."""
    _probed, cut = probe(view, faces)
    if cut:  # more lines or text than the strip could ever show: refused without laying all of it out
        check_fit(view, faces, charter_dir)
    document = render(strip_html(view, faces))
    copies = [(PREFIX, face.name) for face in faces]
    problem = placed_problem(view, document, copies, "strip")
    if problem is not None:
        check_fit(view, faces, charter_dir, strip_overflow(document, copies))  # names the line and the millimetres
        raise OutputError(problem)
    placed = []
    for face, page in zip(faces, document.pages):
        box = box_with_id(page._page_box, PREFIX + face.name)
        placed.append((face, box, box.border_box_x()))
    problems = too_wide_problems(view, placed, charter_dir)
    if problems:
        raise OutputError("\n".join(problems))
    return document
