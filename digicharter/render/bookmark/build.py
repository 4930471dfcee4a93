"""The agenda bookmark: per language a strip for a print shop and an A4 sheet teachers print.

Order of work, per build:

1. every language's strip (front and back, bleed, crop marks) is laid out once
   and measured (:mod:`.strip`): one language whose faces do not fit stops the
   build before anything is written, naming the language, the face, the line
   and how many millimetres too long (:mod:`.fit`);
2. the strip is written;
3. the print sheet — as many strips as fit side by side, the backs mirrored
   for long-edge duplex (:mod:`.layout`) — receives copies of the strip's
   laid-out faces (:mod:`.sheet`) and is written.

The sheet's copies are the strip's own boxes, so the sheet is tagged for
screen readers just like the strip (imposing the strip's PDF page onto the
sheet would lose its structure tree) and shows exactly what was measured.
"""

from __future__ import annotations

from pathlib import Path

from ...i18n import _
from ...build_context import BuildContext
from ...errors import OutputError
from ...outputs import bookmark_pdf, bookmark_sheet_pdf
from ...view import LanguageView
from .content import Face, faces
from .html import sheet_html, strip_html
from .layout import sheet_layout
from .sheet import write_sheet
from .strip import lay_out_strip
from ..pdf.writing import write_pdf

PT_PER_MM = 72 / 25.4


def build_bookmarks(ctx: BuildContext) -> None:
    """Write ``outputs.bookmark_pdf`` and ``outputs.bookmark_sheet_pdf`` for every language, or nothing."""
    content = {view.code: faces(view) for view in ctx.views}
    targets = {
        view.code: {"strip.pdf": ctx.staging / bookmark_pdf(view), "sheet.pdf": ctx.staging / bookmark_sheet_pdf(view)}
        for view in ctx.views
    }
    keys = {view.code: _cache_key(ctx, view, content[view.code]) for view in ctx.views}
    # A language whose bookmark was built before from exactly the same input is copied, not laid out again.
    pending = [view for view in ctx.views if not ctx.pdf_cache.restore(keys[view.code], targets[view.code])]
    problems = []
    strips = {}
    for view in pending:
        try:
            strips[view.code] = lay_out_strip(view, content[view.code], ctx.charter_dir)
        except OutputError as exc:
            problems.append(str(exc))
    if problems:
        raise OutputError("\n".join(problems))
    for view in pending:
        write_strip(view, strips[view.code], targets[view.code]["strip.pdf"])
        write_sheet(view, content[view.code], strips[view.code], targets[view.code]["sheet.pdf"])
        ctx.pdf_cache.store(keys[view.code], targets[view.code])
    for view in ctx.views:
        text = _("    bookmark ({code}) → {strip}, {sheet}") if view in pending else _("    bookmark ({code}) → {strip}, {sheet} (unchanged, reused)")
        ctx.say(text.format(code=view.code, strip=bookmark_pdf(view), sheet=bookmark_sheet_pdf(view)))


def _cache_key(ctx: BuildContext, view: LanguageView, face_list: list[Face]) -> str:
    """Everything WeasyPrint gets for this language's bookmark: the strip's and the sheet's HTML."""
    bookmark = view.charter.bookmark
    layout = sheet_layout(bookmark.size, bookmark.sheet)
    return ctx.pdf_cache.key(strip_html(view, face_list), sheet_html(view, face_list, layout))


def write_strip(view: LanguageView, document, target: Path) -> Path:
    """The bookmark for a print shop: front and back of one strip, with bleed and crop marks.

    ``document`` is the strip as :func:`.strip.lay_out_strip` laid it out and measured it.
    """
    bleed_pt = view.charter.bookmark.size.bleed_mm * PT_PER_MM

    def real_bleed_box(_document, pdf) -> None:
        # WeasyPrint puts the BleedBox at most 10 pt past the trim; a print shop wants the real bleed.
        for obj in pdf.objects:
            if isinstance(obj, dict) and obj.get("Type") == "/Page" and "TrimBox" in obj:
                left, top, right, bottom = obj["TrimBox"]
                obj["BleedBox"] = type(obj["TrimBox"])(
                    [left - bleed_pt, top - bleed_pt, right + bleed_pt, bottom + bleed_pt]
                )

    write_pdf(document, target, finisher=real_bleed_box)
    return target

