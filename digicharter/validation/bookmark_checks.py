"""Checks of bookmark.yaml against the rest of the charter.

Every id a line names must exist, every agreement on the bookmark needs a
``short`` text (the bookmark prints nothing else of it), every icon must be a
known Material Design icon, and the strip must fit on the print sheet. Each
problem points at the line in bookmark.yaml that causes it.
"""

from __future__ import annotations

from ..assets import icon_exists
from ..loading.error_messages import did_you_mean
from ..render.bookmark.layout import columns_and_rows
from ..schema import SECTION_FILES, Charter
from ..i18n import N_, _
from .context import CheckContext


def check(charter: Charter, ctx: CheckContext) -> None:
    with ctx.checking("bookmark"):
        _check_lines(charter, ctx)
    with ctx.checking("bookmark"):
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
                elif item.events is not None:
                    calendar = charter.calendar
                    if calendar is None or not any(e.kind == item.events for e in calendar.events):
                        ctx.error("bookmark", path + ("events",), _(
                            "the bookmark shows the '{kind}' events, but calendar.yaml has none: add them under events: "
                            "in calendar.yaml, or remove this line").format(kind=item.events))
                    kind, ref = "events", item.events
                elif item.phone is not None:
                    _known(ctx, path + ("phone",), item.phone, phones, N_("unknown phone number '{id}'{did_you_mean} (the ids are in school.yaml under phones)"))
                    kind, ref = "phone", item.phone
                else:
                    assert item.email is not None
                    _known(ctx, path + ("email",), item.email, emails, N_("unknown e-mail address '{id}'{did_you_mean} (the ids are in school.yaml under emails)"))
                    kind, ref = "email", item.email
                first = seen.setdefault((kind, ref), ctx.files["bookmark"].mark_for(path + (kind,)).line)
                line = ctx.files["bookmark"].mark_for(path + (kind,)).line
                if first != line:
                    ctx.warning("bookmark", path + (kind,), _("'{id}' is on the bookmark twice (first on line {line})").format(
                        id=ref, line=first))


def _agreement(ctx: CheckContext, path: tuple, ref: str, agreements: dict) -> None:
    if ref not in agreements:
        ctx.error(
            "bookmark",
            path,
            _("unknown agreement '{id}'{did_you_mean} (the agreements are in agreements.yaml and protocol.yaml)").format(
                id=ref, did_you_mean=did_you_mean(ref, agreements)),
        )
        return
    section, index, rule = agreements[ref]
    if rule.short is None:
        mark = ctx.files[section].mark_for(("rules", index, "id"))
        ctx.error(
            "bookmark",
            path,
            _("the agreement '{id}' has no short text, and the bookmark prints only short texts: add "
              "'short:' to it in {file} (line {line}), or take it off the bookmark").format(
                id=ref, file=SECTION_FILES[section], line=mark.line),
        )


def _known(ctx: CheckContext, path: tuple, ref: str, known: list[str], message: str) -> None:
    if ref not in known:
        ctx.error("bookmark", path, _(message).format(id=ref, did_you_mean=did_you_mean(ref, known)))


def _icon(ctx: CheckContext, path: tuple, name: str | None) -> None:
    if name is not None and not icon_exists(name):
        ctx.error(
            "bookmark",
            path,
            _("unknown icon '{icon}': expected the name of a Material Design icon, e.g. phone, email, weather-night").format(
                icon=name),
        )


def _check_sheet(charter: Charter, ctx: CheckContext) -> None:
    size, sheet = charter.bookmark.size, charter.bookmark.sheet
    columns, rows = columns_and_rows(size, sheet)
    if columns < 1:
        ctx.error(
            "bookmark",
            ("size", "width_mm"),
            (_("a {width} mm wide bookmark with {bleed} mm bleed does not fit across the {sheet} mm print sheet "
               "inside its {margin} mm margins and {offset} mm offset: make the bookmark narrower or the sheet's margins smaller")
             if sheet.offset_mm else
             _("a {width} mm wide bookmark with {bleed} mm bleed does not fit across the {sheet} mm print sheet "
               "inside its {margin} mm margins: make the bookmark narrower or the sheet's margins smaller")).format(
                width=f"{size.width_mm:g}", bleed=f"{size.bleed_mm:g}", sheet=f"{sheet.width_mm:g}",
                margin=f"{sheet.margin_mm:g}", offset=f"{abs(sheet.offset_mm):g}"),
        )
    if rows < 1:
        ctx.error(
            "bookmark",
            ("size", "height_mm"),
            _("a {height} mm tall bookmark with {bleed} mm bleed does not fit on the {sheet} mm print sheet "
              "inside its {margin} mm margins: make it shorter").format(
                height=f"{size.height_mm:g}", bleed=f"{size.bleed_mm:g}", sheet=f"{sheet.height_mm:g}",
                margin=f"{sheet.margin_mm:g}"),
        )
    if 2 * size.margin_mm >= size.width_mm - 10:
        ctx.error(
            "bookmark",
            ("size", "margin_mm"),
            _("margins of {margin} mm leave less than 10 mm for text on a {width} mm wide bookmark").format(
                margin=f"{size.margin_mm:g}", width=f"{size.width_mm:g}"),
        )
