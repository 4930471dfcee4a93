"""Checks of slides.yaml against the rest of the charter: the outline names what exists, slides get short texts.

A slide shows agreements in their short form, so an outline item that lists an
agreement without a ``short`` text is an error here, at the line in slides.yaml
— not a surprise while the director is presenting.
"""

from __future__ import annotations

from ..loading.error_messages import did_you_mean
from ..schema import SECTION_FILES, Charter
from ..schema.slides import PARENTS_ROLE, OutlineEntry
from ..i18n import _
from .context import CheckContext

#: Which outline items may name agreements.
TAKES_AGREEMENTS = ("reach", "channel", "protocol", "parents")


def check(charter: Charter, ctx: CheckContext) -> None:
    with ctx.checking("slides"):
        _check(charter, ctx)


def _check(charter: Charter, ctx: CheckContext) -> None:
    outline = charter.slides.outline
    if outline is None:
        _check_parents_slide(charter, ctx, None, ("labels",))
        return
    for index, entry in enumerate(outline):
        _check_entry(charter, ctx, index, entry)


def _check_entry(charter: Charter, ctx: CheckContext, index: int, entry: OutlineEntry) -> None:
    here = ("outline", index)
    show = entry.show
    channels = [c.id for c in charter.channels.channels]
    sections = [s.id for s in charter.protocol.sections]

    if show == "channel":
        if entry.channel is None:
            ctx.error("slides", here, _("a 'show: channel' item needs 'channel:', the id of one of: {channels}").format(channels=", ".join(channels)))
        elif entry.channel not in channels:
            ctx.error(
                "slides",
                here + ("channel",),
                _("unknown channel '{value}'{did_you_mean} (the channels are in {file})").format(
                    value=entry.channel, did_you_mean=did_you_mean(entry.channel, channels), file="channels.yaml"),
            )
    elif entry.channel is not None:
        ctx.error("slides", here + ("channel",), _("'{key}' belongs to '{kind}' items, not to 'show: {show}'").format(key="channel", kind="show: channel", show=show))

    if entry.section is not None:
        if show != "protocol":
            ctx.error("slides", here + ("section",), _("'{key}' belongs to '{kind}' items, not to 'show: {show}'").format(key="section", kind="show: protocol", show=show))
        elif entry.section not in sections:
            ctx.error(
                "slides",
                here + ("section",),
                _("unknown protocol section '{value}'{did_you_mean} (the sections are in protocol.yaml: {sections})").format(
                    value=entry.section, did_you_mean=did_you_mean(entry.section, sections), sections=", ".join(sections)),
            )

    if show == "text":
        if entry.heading is None:
            ctx.error("slides", here, _("a 'show: text' slide needs a 'heading:'"))
    else:
        for key in ("text", "points"):
            if getattr(entry, key):
                ctx.error("slides", here + (key,), _("'{key}' belongs to '{kind}' items, not to 'show: {show}'").format(key=key, kind="show: text", show=show))

    if entry.agreements is not None:
        _check_agreements(charter, ctx, index, entry)
    elif show == "parents":
        _check_parents_slide(charter, ctx, index, here)


def _check_agreements(charter: Charter, ctx: CheckContext, index: int, entry: OutlineEntry) -> None:
    here = ("outline", index, "agreements")
    show = entry.show
    if show not in TAKES_AGREEMENTS:
        allowed = ", ".join(f"'show: {kind}'" for kind in TAKES_AGREEMENTS)
        ctx.error("slides", here, _("a 'show: {show}' slide shows no agreements; 'agreements' belongs to {allowed}").format(show=show, allowed=allowed))
        return
    if show == "protocol" and entry.section is None:
        ctx.error(
            "slides",
            here,
            _("name the protocol section these agreements go on with 'section:' ({sections}), or leave 'agreements' out").format(
                sections=", ".join(s.id for s in charter.protocol.sections)),
        )
        return
    located = {
        rule.id: (section, i, rule)
        for section, rules in charter.rule_sources()
        for i, rule in enumerate(rules)
    }
    for j, agreement_id in enumerate(entry.agreements or []):
        if agreement_id not in located:
            ctx.error(
                "slides",
                here + (j,),
                _("unknown agreement '{id}'{did_you_mean} (the agreements are in agreements.yaml and protocol.yaml)").format(
                    id=agreement_id, did_you_mean=did_you_mean(agreement_id, located)),
            )
            continue
        section, i, rule = located[agreement_id]
        line = ctx.files[section].mark_for(("rules", i)).line
        where = _("{file} line {line}").format(file=SECTION_FILES[section], line=line)
        if rule.short is None:
            ctx.error(
                "slides",
                here + (j,),
                _("the agreement '{id}' has no short text, and a slide shows agreements in their short form: "
                  "add 'short:' to it ({where})").format(id=agreement_id, where=where),
            )
        if show == "channel" and entry.channel is not None and rule.channel != entry.channel:
            ctx.error(
                "slides",
                here + (j,),
                _("the agreement '{id}' belongs to the channel '{channel}', not to '{other}' ({where})").format(
                    id=agreement_id, channel=rule.channel, other=entry.channel, where=where),
            )
        if show == "protocol" and getattr(rule, "section", None) != entry.section:
            ctx.error(
                "slides",
                here + (j,),
                _("the agreement '{id}' is not a rule of the protocol section '{section}' ({where})").format(
                    id=agreement_id, section=entry.section, where=where),
            )


def _check_parents_slide(charter: Charter, ctx: CheckContext, index: int | None, path: tuple) -> None:
    """Warn when the standard 'what we ask of parents' slide would come out empty."""
    rules = charter.all_rules()
    if any(rule.binds == [PARENTS_ROLE] and rule.short is not None for rule in rules):
        return
    where = _("the standard outline") if index is None else _("slide {number} of the outline").format(number=index + 1)
    ctx.warning(
        "slides",
        path,
        _("the 'what we ask of parents' slide ({where}) would be empty: no agreement binds only '{role}' and "
          "has a short text; give the slide a list 'agreements: [...]' in an outline").format(where=where, role=PARENTS_ROLE),
    )
