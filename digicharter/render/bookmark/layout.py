"""Where the strips go on the print sheet, front and back (all lengths in millimetres).

A teacher prints the sheet double-sided, flipping on the long edge: the back
of the paper is the front turned over around its vertical axis. So the strip
whose front is the i-th from the left on the front page must have its back
at the mirrored place on the back page (``x' = paper width − x − strip width``),
or the backs would land behind the wrong fronts as soon as the block of
strips is not exactly centred.

Kept free of WeasyPrint and HTML so that the geometry is easy to read and test.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...schema.bookmark import PrintSheet, StripSize

#: Length of a cut mark and its distance from the bleed (mm).
CUT_MARK_LENGTH = 5.0
CUT_MARK_OFFSET = 1.5


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height


@dataclass(frozen=True)
class Placement:
    """One strip on one side of the sheet."""

    trim: Rect
    """Where the strip is cut out."""
    paint: Rect
    """What may be painted: the trim plus bleed, but never into a neighbour's trim."""


@dataclass(frozen=True)
class CutMark:
    """A thin line in the sheet's margin, from (x1, y1) to (x2, y2)."""

    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class SheetLayout:
    width: float
    height: float
    columns: int
    rows: int
    front: list[Placement]
    back: list[Placement]
    """``back[i]`` lies behind ``front[i]`` once the paper is turned over on its long edge."""
    cut_marks: list[CutMark]
    free_below: Rect
    """The paper below the cut marks, inside the printable margin (for printing instructions)."""


def fit_count(available: float, size: float, gap: float) -> int:
    """How many strips of ``size`` with ``gap`` between them fit in ``available``."""
    if available < size:
        return 0
    return int(math.floor((available + gap) / (size + gap) + 1e-9))


def columns_and_rows(size: StripSize, sheet: PrintSheet) -> tuple[int, int]:
    """How many strips fit across and down, keeping their outer bleed inside the printable area."""
    usable_width = sheet.width_mm - 2 * sheet.margin_mm - 2 * size.bleed_mm - 2 * abs(sheet.offset_mm)
    usable_height = sheet.height_mm - 2 * sheet.margin_mm - 2 * size.bleed_mm
    return fit_count(usable_width, size.width_mm, sheet.gap_mm), fit_count(usable_height, size.height_mm, sheet.gap_mm)


def sheet_layout(size: StripSize, sheet: PrintSheet) -> SheetLayout:
    """The strips' places on both sides, centred (plus the offset) on the paper."""
    columns, rows = columns_and_rows(size, sheet)
    if columns < 1 or rows < 1:
        raise ValueError("the strip does not fit on the sheet")  # bookmark_checks reports this first, in words
    w, h, gap, bleed = size.width_mm, size.height_mm, sheet.gap_mm, size.bleed_mm
    block_width = columns * w + (columns - 1) * gap
    block_height = rows * h + (rows - 1) * gap
    left = (sheet.width_mm - block_width) / 2 + sheet.offset_mm
    top = (sheet.height_mm - block_height) / 2
    inner = min(bleed, gap / 2)

    front: list[Placement] = []
    for row in range(rows):
        for column in range(columns):
            trim = Rect(left + column * (w + gap), top + row * (h + gap), w, h)
            front.append(Placement(trim, _paint(trim, column, row, columns, rows, bleed, inner)))
    back = [_mirrored(p, sheet.width_mm) for p in front]

    xs = sorted({round(x, 4) for p in front for x in (p.trim.x, p.trim.right)})
    ys = sorted({round(y, 4) for p in front for y in (p.trim.y, p.trim.bottom)})
    block = Rect(left, top, block_width, block_height)
    reach = bleed + CUT_MARK_OFFSET
    marks = [
        *(CutMark(x, block.y - reach - CUT_MARK_LENGTH, x, block.y - reach) for x in xs),
        *(CutMark(x, block.bottom + reach, x, block.bottom + reach + CUT_MARK_LENGTH) for x in xs),
        *(CutMark(block.x - reach - CUT_MARK_LENGTH, y, block.x - reach, y) for y in ys),
        *(CutMark(block.right + reach, y, block.right + reach + CUT_MARK_LENGTH, y) for y in ys),
    ]
    marks = [_clip_to_paper(mark, sheet) for mark in marks]
    below_top = block.bottom + reach + CUT_MARK_LENGTH + 2
    free_below = Rect(
        sheet.margin_mm, below_top, sheet.width_mm - 2 * sheet.margin_mm, sheet.height_mm - sheet.margin_mm - below_top
    )
    return SheetLayout(
        sheet.width_mm, sheet.height_mm, columns, rows, front, back, [m for m in marks if m is not None], free_below
    )


def _paint(trim: Rect, column: int, row: int, columns: int, rows: int, bleed: float, inner: float) -> Rect:
    left = bleed if column == 0 else inner
    right = bleed if column == columns - 1 else inner
    top = bleed if row == 0 else inner
    bottom = bleed if row == rows - 1 else inner
    return Rect(trim.x - left, trim.y - top, trim.width + left + right, trim.height + top + bottom)


def _mirrored(placement: Placement, paper_width: float) -> Placement:
    def flip(rect: Rect) -> Rect:
        return Rect(paper_width - rect.right, rect.y, rect.width, rect.height)

    return Placement(flip(placement.trim), flip(placement.paint))


def _clip_to_paper(mark: CutMark, sheet: PrintSheet) -> CutMark | None:
    """Shorten a cut mark to the printable area; drop it if nothing is left."""
    low_x, high_x = sheet.margin_mm, sheet.width_mm - sheet.margin_mm
    low_y, high_y = sheet.margin_mm, sheet.height_mm - sheet.margin_mm
    x1, x2 = sorted((max(low_x, min(high_x, mark.x1)), max(low_x, min(high_x, mark.x2))))
    y1, y2 = sorted((max(low_y, min(high_y, mark.y1)), max(low_y, min(high_y, mark.y2))))
    if (x2 - x1) + (y2 - y1) < 1.0:
        return None
    return CutMark(x1, y1, x2, y2)
