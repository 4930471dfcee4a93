"""Checks of bookmark.yaml against the rest of the charter.

Every id a line names must exist, every agreement on the bookmark needs a
``short`` text (the bookmark prints nothing else of it), every icon must be a
known Material Design icon, and the strip must fit on the print sheet. Each
problem points at the line in bookmark.yaml that causes it.
"""

from __future__ import annotations

from ..assets import icon_exists
from ..loading.error_messages import did_you_mean
from ..render.bookmark_layout import columns_and_rows
from ..schema import SECTION_FILES, Charter
from .context import CheckContext


def check(charter: Charter, ctx: CheckContext) -> None:
    _check_lines(charter, ctx)
    _check_sheet(charter, ctx)


def _check_lines(charter: Charter, ctx: CheckContext) -> None:
    agreements = {}
    for section in ("agreements", "protocol"):
        for index, rule in enumerate(getattr(charter, section).rules):
            agreements.setdefault(rule.id, (section, index, rule))
    phones = [p.id for p in charter.school.phones]
    emails = [e.id for e in charter.school.emails]
    seen: dict[tuple[str, str], int] = {}
    for face_name in ("front", "back"):
        face = getattr(charter.bookmark, face_name)
        for s, section in enumerate(face.sections):
            where = (face_name, "sections", s)
            _icon(ctx, where + ("icon",), section.icon)
            for k, item in enumerate(section.items):
                path = where + ("items", k)
                _icon(ctx, path + ("icon",), item.icon)
                if item.agreement is not None:
                    _agreement(ctx, path + ("agreement",), item.agreement, agreements)
                    kind, ref = "agreement", item.agreement
                elif item.phone is not None:
                    _known(ctx, path + ("phone",), item.phone, phones, "phone number", "school.yaml under phones")
                    kind, ref = "phone", item.phone
                else:
                    assert item.email is not None
                    _known(ctx, path + ("email",), item.email, emails, "e-mail address", "school.yaml under emails")
                    kind, ref = "email", item.email
                first = seen.setdefault((kind, ref), ctx.files["bookmark"].mark_for(path + (kind,)).line)
                line = ctx.files["bookmark"].mark_for(path + (kind,)).line
                if first != line:
                    ctx.warning("bookmark", path + (kind,), f"the {kind} '{ref}' is on the bookmark twice (first on line {first})")


def _agreement(ctx: CheckContext, path: tuple, ref: str, agreements: dict) -> None:
    if ref not in agreements:
        ctx.error(
            "bookmark",
            path,
            f"unknown agreement '{ref}'{did_you_mean(ref, agreements)} "
            "(the agreements are in agreements.yaml and protocol.yaml)",
        )
        return
    section, index, rule = agreements[ref]
    if rule.short is None:
        mark = ctx.files[section].mark_for(("rules", index, "id"))
        ctx.error(
            "bookmark",
            path,
            f"the agreement '{ref}' has no short text, and the bookmark prints only short texts: add "
            f"'short:' to it in {SECTION_FILES[section]} (line {mark.line}), or take it off the bookmark",
        )


def _known(ctx: CheckContext, path: tuple, ref: str, known: list[str], what: str, where: str) -> None:
    if ref not in known:
        ctx.error("bookmark", path, f"unknown {what} '{ref}'{did_you_mean(ref, known)} (the ids are in {where})")


def _icon(ctx: CheckContext, path: tuple, name: str | None) -> None:
    if name is not None and not icon_exists(name):
        ctx.error(
            "bookmark",
            path,
            f"unknown icon '{name}': expected the name of a Material Design icon, e.g. phone, email, weather-night",
        )


def _check_sheet(charter: Charter, ctx: CheckContext) -> None:
    size, sheet = charter.bookmark.size, charter.bookmark.sheet
    columns, rows = columns_and_rows(size, sheet)
    if columns < 1:
        ctx.error(
            "bookmark",
            ("size", "width_mm"),
            f"a {size.width_mm:g} mm wide bookmark with {size.bleed_mm:g} mm bleed does not fit across the "
            f"{sheet.width_mm:g} mm print sheet inside its {sheet.margin_mm:g} mm margins"
            + (f" and {abs(sheet.offset_mm):g} mm offset" if sheet.offset_mm else "")
            + ": make the bookmark narrower or the sheet's margins smaller",
        )
    if rows < 1:
        ctx.error(
            "bookmark",
            ("size", "height_mm"),
            f"a {size.height_mm:g} mm tall bookmark with {size.bleed_mm:g} mm bleed does not fit on the "
            f"{sheet.height_mm:g} mm print sheet inside its {sheet.margin_mm:g} mm margins: make it shorter",
        )
    if 2 * size.margin_mm >= size.width_mm - 10:
        ctx.error(
            "bookmark",
            ("size", "margin_mm"),
            f"margins of {size.margin_mm:g} mm leave less than 10 mm for text on a {size.width_mm:g} mm wide bookmark",
        )
