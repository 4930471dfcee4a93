"""The print sheet's geometry: as many strips as fit, inside the printable area, backs behind their fronts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from digicharter.render.bookmark.layout import sheet_layout
from digicharter.schema.bookmark import PrintSheet, StripSize

EPS = 1e-6

sizes = st.builds(
    StripSize,
    width_mm=st.floats(30, 100),
    height_mm=st.floats(80, 280),
    bleed_mm=st.floats(0, 6),
    margin_mm=st.floats(2, 6),
)
sheets = st.builds(
    PrintSheet,
    width_mm=st.sampled_from([210.0, 297.0, 216.0]),
    height_mm=st.sampled_from([297.0, 420.0, 279.0]),
    margin_mm=st.floats(0, 12),
    gap_mm=st.floats(0, 12),
    offset_mm=st.floats(-15, 15),
)


def test_three_55_mm_strips_on_a4():
    layout = sheet_layout(StripSize(), PrintSheet())
    assert (layout.columns, layout.rows) == (3, 1)
    assert [round(p.trim.width, 6) for p in layout.front] == [55.0] * 3


@given(sizes, sheets)
@settings(max_examples=300, deadline=None)
def test_strips_fit_inside_the_printable_area_without_overlap_and_no_more_would(size, sheet):
    columns_rows = _fits(size, sheet)
    if columns_rows is None:
        return
    layout = sheet_layout(size, sheet)
    for side in (layout.front, layout.back):
        for placement in side:
            paint = placement.paint
            assert paint.x >= sheet.margin_mm - EPS and paint.right <= sheet.width_mm - sheet.margin_mm + EPS
            assert paint.y >= sheet.margin_mm - EPS and paint.bottom <= sheet.height_mm - sheet.margin_mm + EPS
        for i, a in enumerate(side):
            for b in side[i + 1 :]:
                overlap_x = min(a.trim.right, b.trim.right) - max(a.trim.x, b.trim.x)
                overlap_y = min(a.trim.bottom, b.trim.bottom) - max(a.trim.y, b.trim.y)
                assert overlap_x <= EPS or overlap_y <= EPS, "two strips overlap"
                # What one strip may paint (its bleed) never reaches into its neighbour's cut-out.
                paint_x = min(a.paint.right, b.trim.right) - max(a.paint.x, b.trim.x)
                paint_y = min(a.paint.bottom, b.trim.bottom) - max(a.paint.y, b.trim.y)
                assert paint_x <= EPS or paint_y <= EPS, "a strip's bleed covers its neighbour"
    # As many as fit: one more column (or row) would leave the printable area.
    usable_w = sheet.width_mm - 2 * sheet.margin_mm - 2 * size.bleed_mm - 2 * abs(sheet.offset_mm)
    assert (layout.columns + 1) * size.width_mm + layout.columns * sheet.gap_mm > usable_w - EPS
    usable_h = sheet.height_mm - 2 * sheet.margin_mm - 2 * size.bleed_mm
    assert (layout.rows + 1) * size.height_mm + layout.rows * sheet.gap_mm > usable_h - EPS


@given(sizes, sheets)
@settings(max_examples=300, deadline=None)
def test_each_back_lies_behind_its_front_after_a_long_edge_flip(size, sheet):
    if _fits(size, sheet) is None:
        return
    layout = sheet_layout(size, sheet)
    assert len(layout.front) == len(layout.back) == layout.columns * layout.rows
    for front, back in zip(layout.front, layout.back):
        # Turning the paper over around its vertical axis maps x to (width − x).
        assert abs((sheet.width_mm - back.trim.right) - front.trim.x) < EPS
        assert abs(back.trim.y - front.trim.y) < EPS
        assert abs(back.trim.width - front.trim.width) < EPS


@given(sizes, sheets)
@settings(max_examples=200, deadline=None)
def test_cut_marks_lie_on_the_cut_lines_in_the_margin(size, sheet):
    if _fits(size, sheet) is None:
        return
    layout = sheet_layout(size, sheet)
    xs = [v for p in layout.front for v in (p.trim.x, p.trim.right)]
    ys = [v for p in layout.front for v in (p.trim.y, p.trim.bottom)]
    for mark in layout.cut_marks:
        assert sheet.margin_mm - EPS <= min(mark.x1, mark.x2) and max(mark.x1, mark.x2) <= sheet.width_mm - sheet.margin_mm + EPS
        assert sheet.margin_mm - EPS <= min(mark.y1, mark.y2) and max(mark.y1, mark.y2) <= sheet.height_mm - sheet.margin_mm + EPS
        if mark.x1 == mark.x2:
            assert any(abs(mark.x1 - x) < 1e-3 for x in xs)
        else:
            assert any(abs(mark.y1 - y) < 1e-3 for y in ys)
        for placement in layout.front:  # never across a strip
            paint = placement.paint
            inside_x = paint.x + EPS < max(mark.x1, mark.x2) and min(mark.x1, mark.x2) < paint.right - EPS
            inside_y = paint.y + EPS < max(mark.y1, mark.y2) and min(mark.y1, mark.y2) < paint.bottom - EPS
            assert not (inside_x and inside_y)


def _fits(size: StripSize, sheet: PrintSheet):
    from digicharter.render.bookmark.layout import columns_and_rows

    columns, rows = columns_and_rows(size, sheet)
    return (columns, rows) if columns >= 1 and rows >= 1 else None
