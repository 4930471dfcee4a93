"""Checks across files: every id a text or rule names exists, and every id is unique.

Each check is a function ``check(charter, ctx)``; :data:`CHECKS` lists them so
that an output (bookmark, slides) can add the checks of its own section.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..facts import check_reference, references_in
from ..loading.error_messages import did_you_mean
from ..markup import link_problem
from ..schema import SECTION_FILES, Charter
from .context import CheckContext
from .walk import texts

Check = Callable[[Charter, CheckContext], None]


def _unique(ctx: CheckContext, section: str, items: Iterable[tuple[tuple, str]], what: str) -> None:
    seen: dict[str, tuple] = {}
    for path, value in items:
        if value in seen:
            first = ctx.files[section].mark_for(seen[value])
            ctx.error(section, path, f"the {what} '{value}' is used twice (first on line {first.line}); ids must be unique")
        else:
            seen[value] = path


def _exists(ctx: CheckContext, section: str, path: tuple, value: str, known: list[str], what: str, where: str) -> None:
    if value not in known:
        ctx.error(section, path, f"unknown {what} '{value}'{did_you_mean(value, known)} (the {what}s are in {where})")


def check_languages(charter: Charter, ctx: CheckContext) -> None:
    codes = [lang.code for lang in charter.settings.languages]
    _unique(ctx, "settings", ((("languages", i, "code"), c) for i, c in enumerate(codes)), "language code")
    for i, language in enumerate(charter.settings.languages):
        _check_locale(ctx, i, language.locale, language.time_format)
    if charter.settings.default_language not in codes:
        ctx.error(
            "settings",
            ("default_language",),
            f"the default language '{charter.settings.default_language}' is not among the languages "
            f"({', '.join(codes)}){did_you_mean(charter.settings.default_language, codes)}",
        )
    for section in SECTION_FILES:
        for path, text in texts(getattr(charter, section)):
            for code, _ in text.values:
                if code and code not in codes:
                    ctx.error(
                        section,
                        path + (code,),
                        f"the language '{code}' is not declared in charter.yaml (languages: {', '.join(codes)})"
                        f"{did_you_mean(code, codes)}",
                    )


def _check_locale(ctx: CheckContext, index: int, locale: str, time_format: str) -> None:
    """The locale must be one CLDR knows, and the time format must write a time with digits."""
    from datetime import time

    from babel import Locale, UnknownLocaleError
    from babel.dates import format_time

    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        ctx.error(
            "settings", ("languages", index, "locale"),
            f"unknown locale '{locale}': expected a language and country as CLDR knows them, e.g. nl_BE, fr_BE, en_GB",
        )
        return
    try:
        sample = format_time(time(17, 5), time_format, locale=locale)
    except Exception:  # Babel raises several kinds for a malformed pattern
        sample = ""
    if not ("17" in sample or "5" in sample) or "{" in sample:
        ctx.error(
            "settings", ("languages", index, "time_format"),
            f"the time format '{time_format}' does not write a time: expected a CLDR pattern such as "
            "\"HH:mm\" (17:05) or \"H.mm 'u'\" (17.05 u)",
        )


def check_ids(charter: Charter, ctx: CheckContext) -> None:
    school = charter.school
    _unique(ctx, "school", ((("roles", i, "id"), r.id) for i, r in enumerate(school.roles)), "role id")
    _unique(ctx, "school", ((("phones", i, "id"), p.id) for i, p in enumerate(school.phones)), "phone id")
    _unique(ctx, "school", ((("emails", i, "id"), e.id) for i, e in enumerate(school.emails)), "e-mail id")
    _unique(ctx, "channels", ((("channels", i, "id"), c.id) for i, c in enumerate(charter.channels.channels)), "channel id")
    _unique(ctx, "protocol", ((("sections", i, "id"), s.id) for i, s in enumerate(charter.protocol.sections)), "section id")
    _unique(
        ctx, "framework", ((("expectations", i, "code"), e.code) for i, e in enumerate(charter.framework.expectations)), "code"
    )
    # Quality-card agreements and protocol rules share one namespace: the bookmark and slides name either.
    seen: dict[str, tuple[str, int]] = {}
    for section, rules in charter.rule_sources():
        for i, rule in enumerate(rules):
            if rule.id in seen:
                first_section, first_index = seen[rule.id]
                first = ctx.files[first_section].mark_for(("rules", first_index, "id"))
                ctx.error(
                    section,
                    ("rules", i, "id"),
                    f"the agreement id '{rule.id}' is used twice (first in {SECTION_FILES[first_section]} "
                    f"on line {first.line}); ids must be unique",
                )
            else:
                seen[rule.id] = (section, i)


def check_rule_references(charter: Charter, ctx: CheckContext) -> None:
    channels = [c.id for c in charter.channels.channels]
    roles = [r.id for r in charter.school.roles]
    codes = [e.code for e in charter.framework.expectations]
    sections = [s.id for s in charter.protocol.sections]
    for section, rules in charter.rule_sources():
        for i, rule in enumerate(rules):
            _exists(ctx, section, ("rules", i, "channel"), rule.channel, channels, "channel", "channels.yaml")
            for j, role in enumerate(rule.binds):
                _exists(ctx, section, ("rules", i, "binds", j), role, roles, "role", "school.yaml")
            for j, code in enumerate(rule.ok):
                _exists(ctx, section, ("rules", i, "ok", j), code, codes, "OK code", "framework.yaml")
            if section == "protocol":
                _exists(ctx, section, ("rules", i, "section"), rule.section, sections, "protocol section", "protocol.yaml")
    _exists(ctx, "protocol", ("channel",), charter.protocol.channel, channels, "channel", "channels.yaml")
    for i, part in enumerate(charter.protocol.sections):
        _exists(ctx, "protocol", ("sections", i, "audience"), part.audience, roles, "role", "school.yaml")
    for step in ("plan", "do", "check", "act"):
        for j, code in enumerate(getattr(charter.quality.pdca, step).ok):
            _exists(ctx, "quality", ("pdca", step, "ok", j), code, codes, "OK code", "framework.yaml")
    for j, code in enumerate(charter.quality.ok):
        _exists(ctx, "quality", ("ok", j), code, codes, "OK code", "framework.yaml")
    periods = list(charter.times.periods)
    for i, phone in enumerate(charter.school.phones):
        if phone.hours is not None:
            _exists(ctx, "school", ("phones", i, "hours"), phone.hours, periods, "period", "times.yaml")


#: Texts that are patterns with their own fill-ins rather than prose with references.
PATTERN_TEXTS: dict[tuple[str, tuple], tuple[str, ...]] = {("times", ("period_pattern",)): ("{start}", "{end}")}


def check_text_references(charter: Charter, ctx: CheckContext) -> None:
    for section in SECTION_FILES:
        for path, text in texts(getattr(charter, section)):
            fill_ins = PATTERN_TEXTS.get((section, path))
            if fill_ins is not None:
                for code, value in text.values:
                    missing = [f for f in fill_ins if f not in value]
                    if missing:
                        ctx.error(section, path + ((code,) if code else ()), f"the pattern must contain {' and '.join(missing)}")
                    rest = value
                    for fill_in in fill_ins:
                        rest = rest.replace(fill_in, "")
                    if "{" in rest.replace("{{", "") or "}" in rest.replace("}}", ""):
                        ctx.error(
                            section, path + ((code,) if code else ()),
                            f"a pattern takes only {' and '.join(fill_ins)} (write {{{{ and }}}} for a literal brace)",
                        )
                continue
            for code, value in text.values:
                where = path + (code,) if code else path
                for ref in references_in(value):
                    problem = check_reference(charter, ref)
                    if problem:
                        ctx.error(section, where, problem)
                problem = link_problem(value)
                if problem:
                    ctx.error(section, where, problem)


def check_icons(charter: Charter, ctx: CheckContext) -> None:
    from ..assets import icon_exists

    for i, channel in enumerate(charter.channels.channels):
        if not icon_exists(channel.icon):
            ctx.error(
                "channels",
                ("channels", i, "icon"),
                f"unknown icon '{channel.icon}': expected the name of a Material Design icon, e.g. phone, email, notebook",
            )


def _output_checks() -> list[Check]:
    from . import bookmark_checks, site_checks, slides_checks

    return [site_checks.check, bookmark_checks.check, slides_checks.check]


#: The whole-charter checks, in the order they run; each output adds its own in <output>_checks.py.
CHECKS: list[Check] = [check_languages, check_ids, check_rule_references, check_text_references, check_icons, *_output_checks()]
