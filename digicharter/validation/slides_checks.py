"""Checks of slides.yaml against the rest of the charter: the outline names what exists, slides get short texts.

A slide shows agreements in their short form, so an outline item that lists an
agreement without a ``short`` text is an error here, at the line in slides.yaml
— not a surprise while the director is presenting.
"""

from __future__ import annotations

from ..loading.error_messages import did_you_mean
from ..schema import SECTION_FILES, Charter
from ..schema.slides import PARENTS_ROLE, OutlineEntry
from .context import CheckContext

#: Which outline items may name agreements.
TAKES_AGREEMENTS = ("reach", "channel", "protocol", "parents")


def check(charter: Charter, ctx: CheckContext) -> None:
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
            ctx.error("slides", here, f"a 'show: channel' item needs 'channel:', the id of one of: {', '.join(channels)}")
        elif entry.channel not in channels:
            ctx.error(
                "slides",
                here + ("channel",),
                f"unknown channel '{entry.channel}'{did_you_mean(entry.channel, channels)} (the channels are in channels.yaml)",
            )
    elif entry.channel is not None:
        ctx.error("slides", here + ("channel",), f"'channel' belongs to 'show: channel' items, not to 'show: {show}'")

    if entry.section is not None:
        if show != "protocol":
            ctx.error("slides", here + ("section",), f"'section' belongs to 'show: protocol' items, not to 'show: {show}'")
        elif entry.section not in sections:
            ctx.error(
                "slides",
                here + ("section",),
                f"unknown protocol section '{entry.section}'{did_you_mean(entry.section, sections)} "
                f"(the sections are in protocol.yaml: {', '.join(sections)})",
            )

    if show == "text":
        if entry.heading is None:
            ctx.error("slides", here, "a 'show: text' slide needs a 'heading:'")
    else:
        for key in ("text", "points"):
            if getattr(entry, key):
                ctx.error("slides", here + (key,), f"'{key}' belongs to 'show: text' slides, not to 'show: {show}'")

    if entry.agreements is not None:
        _check_agreements(charter, ctx, index, entry)
    elif show == "parents":
        _check_parents_slide(charter, ctx, index, here)


def _check_agreements(charter: Charter, ctx: CheckContext, index: int, entry: OutlineEntry) -> None:
    here = ("outline", index, "agreements")
    show = entry.show
    if show not in TAKES_AGREEMENTS:
        allowed = ", ".join(f"'show: {kind}'" for kind in TAKES_AGREEMENTS)
        ctx.error("slides", here, f"a 'show: {show}' slide shows no agreements; 'agreements' belongs to {allowed}")
        return
    if show == "protocol" and entry.section is None:
        ctx.error(
            "slides",
            here,
            "name the protocol section these agreements go on with 'section:' "
            f"({', '.join(s.id for s in charter.protocol.sections)}), or leave 'agreements' out",
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
                f"unknown agreement '{agreement_id}'{did_you_mean(agreement_id, located)} "
                "(the agreements are in agreements.yaml and protocol.yaml)",
            )
            continue
        section, i, rule = located[agreement_id]
        line = ctx.files[section].mark_for(("rules", i)).line
        where = f"{SECTION_FILES[section]} line {line}"
        if rule.short is None:
            ctx.error(
                "slides",
                here + (j,),
                f"the agreement '{agreement_id}' has no short text, and a slide shows agreements in their short form: "
                f"add 'short:' to it ({where})",
            )
        if show == "channel" and entry.channel is not None and rule.channel != entry.channel:
            ctx.error(
                "slides",
                here + (j,),
                f"the agreement '{agreement_id}' belongs to the channel '{rule.channel}', not to '{entry.channel}' ({where})",
            )
        if show == "protocol" and getattr(rule, "section", None) != entry.section:
            ctx.error(
                "slides",
                here + (j,),
                f"the agreement '{agreement_id}' is not a rule of the protocol section '{entry.section}' ({where})",
            )


def _check_parents_slide(charter: Charter, ctx: CheckContext, index: int | None, path: tuple) -> None:
    """Warn when the standard 'what we ask of parents' slide would come out empty."""
    rules = charter.all_rules()
    if any(rule.binds == [PARENTS_ROLE] and rule.short is not None for rule in rules):
        return
    where = "the standard outline" if index is None else f"outline[{index}]"
    ctx.warning(
        "slides",
        path,
        f"the 'what we ask of parents' slide ({where}) would be empty: no agreement binds only '{PARENTS_ROLE}' and "
        "has a short text; give the slide a list 'agreements: [...]' in an outline",
    )
