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
from ..schema.base import SAME
from ..i18n import N_, _
from .context import CheckContext, SectionMissing
from .walk import texts

Check = Callable[[Charter, CheckContext], None]


def _unique(ctx: CheckContext, section: str, items: Callable[[], Iterable[tuple[tuple, str]]], what: str) -> None:
    seen: dict[str, tuple] = {}
    with ctx.checking(section):
        for path, value in items():
            if value in seen:
                first = ctx.files[section].mark_for(seen[value])
                ctx.error(section, path, _("the {what} '{value}' is used twice (first on line {line}); ids must be unique").format(
                    what=_(what), value=value, line=first.line))
            else:
                seen[value] = path


#: What a reference names, and where those are written: "unknown channel 'x' (the channels are in channels.yaml)".
_UNKNOWN = {
    "channel": N_("unknown channel '{value}'{did_you_mean} (the channels are in {file})"),
    "role": N_("unknown role '{value}'{did_you_mean} (the roles are in {file})"),
    "OK code": N_("unknown OK code '{value}'{did_you_mean} (the OK codes are in {file})"),
    "protocol section": N_("unknown protocol section '{value}'{did_you_mean} (the protocol sections are in {file})"),
    "period": N_("unknown period '{value}'{did_you_mean} (the periods are in {file})"),
    "time": N_("unknown time '{value}'{did_you_mean} (the times are under times: in {file})"),
}


def _exists(ctx: CheckContext, section: str, path: tuple, value: str, known: list[str], what: str, where: str) -> None:
    if value not in known:
        ctx.error(section, path, _(_UNKNOWN[what]).format(value=value, did_you_mean=did_you_mean(value, known), file=where))


def check_languages(charter: Charter, ctx: CheckContext) -> None:
    for section in SECTION_FILES:
        _check_text_languages(charter, ctx, section)
    if not _valid(charter, "settings"):
        return
    settings = charter.settings
    codes = [lang.code for lang in settings.languages]
    _unique(ctx, "settings", lambda: ((("languages", i, "code"), c) for i, c in enumerate(codes)), N_("language code"))
    for i, language in enumerate(settings.languages):
        _check_locale(ctx, i, language.locale, language.time_format)
    if settings.default_language not in codes:
        ctx.error(
            "settings",
            ("default_language",),
            _("the default language '{language}' is not among the languages ({codes}){did_you_mean}").format(
                language=settings.default_language, codes=", ".join(codes),
                did_you_mean=did_you_mean(settings.default_language, codes)),
        )


def _check_text_languages(charter: Charter, ctx: CheckContext, section: str) -> None:
    """Every language a text of ``section`` is written in is declared in charter.yaml."""
    with ctx.checking(section):
        codes = [lang.code for lang in charter.settings.languages]
        for path, text in texts(getattr(charter, section)):
            for code, _value in text.values:
                if code and code != SAME and code not in codes:
                    ctx.error(
                        section,
                        path + (code,),
                        _("the language '{code}' is not declared in charter.yaml (languages: {codes}){did_you_mean}").format(
                            code=code, codes=", ".join(codes), did_you_mean=did_you_mean(code, codes)),
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
            _("unknown locale '{locale}': expected a language and country as CLDR knows them, e.g. nl_BE, fr_BE, en_GB").format(
                locale=locale),
        )
        return
    try:
        sample = format_time(time(17, 5), time_format, locale=locale)
    except Exception:  # Babel raises several kinds for a malformed pattern
        sample = ""
    if not ("17" in sample or "5" in sample) or "{" in sample:
        ctx.error(
            "settings", ("languages", index, "time_format"),
            _("the time format '{format}' does not write a time: expected a CLDR pattern such as "
              "\"HH:mm\" (17:05) or \"H.mm 'u'\" (17.05 u)").format(format=time_format),
        )


def check_ids(charter: Charter, ctx: CheckContext) -> None:
    _unique(ctx, "school", lambda: ((("roles", i, "id"), r.id) for i, r in enumerate(charter.school.roles)), N_("role id"))
    _unique(ctx, "school", lambda: ((("phones", i, "id"), p.id) for i, p in enumerate(charter.school.phones)), N_("phone id"))
    _unique(ctx, "school", lambda: ((("emails", i, "id"), e.id) for i, e in enumerate(charter.school.emails)), N_("e-mail id"))
    _unique(ctx, "channels", lambda: ((("channels", i, "id"), c.id) for i, c in enumerate(charter.channels.channels)),
            N_("channel id"))
    _unique(ctx, "protocol", lambda: ((("sections", i, "id"), s.id) for i, s in enumerate(charter.protocol.sections)),
            N_("section id"))
    _unique(
        ctx, "framework",
        lambda: ((("expectations", i, "code"), e.code) for i, e in enumerate(charter.framework.expectations)), N_("code"),
    )
    # Quality-card agreements and protocol rules share one namespace: the bookmark and slides name either.
    seen: dict[str, tuple[str, int]] = {}
    for section in ("agreements", "protocol"):
        with ctx.checking(section):
            for i, rule in enumerate(getattr(charter, section).rules):
                if rule.id in seen:
                    first_section, first_index = seen[rule.id]
                    first = ctx.files[first_section].mark_for(("rules", first_index, "id"))
                    ctx.error(
                        section,
                        ("rules", i, "id"),
                        _("the agreement id '{id}' is used twice (first in {file} on line {line}); ids must be unique").format(
                            id=rule.id, file=SECTION_FILES[first_section], line=first.line),
                    )
                else:
                    seen[rule.id] = (section, i)


def check_rule_references(charter: Charter, ctx: CheckContext) -> None:
    for section in ("agreements", "protocol"):
        if not _valid(charter, section):
            continue
        rules = list(enumerate(getattr(charter, section).rules))
        with ctx.checking(section):
            channels = [c.id for c in charter.channels.channels]
            for i, rule in rules:
                _exists(ctx, section, ("rules", i, "channel"), rule.channel, channels, "channel", "channels.yaml")
        with ctx.checking(section):
            roles = [r.id for r in charter.school.roles]
            for i, rule in rules:
                for j, role in enumerate(rule.binds):
                    _exists(ctx, section, ("rules", i, "binds", j), role, roles, "role", "school.yaml")
        with ctx.checking(section):
            codes = [e.code for e in charter.framework.expectations]
            for i, rule in rules:
                for j, code in enumerate(rule.ok):
                    _exists(ctx, section, ("rules", i, "ok", j), code, codes, "OK code", "framework.yaml")
        if section == "protocol":
            sections = [s.id for s in charter.protocol.sections]
            for i, rule in rules:
                _exists(ctx, section, ("rules", i, "section"), rule.section, sections, "protocol section", "protocol.yaml")
    with ctx.checking("protocol"):
        protocol = charter.protocol
        _exists(ctx, "protocol", ("channel",), protocol.channel, [c.id for c in charter.channels.channels], "channel",
                "channels.yaml")
    with ctx.checking("protocol"):
        roles = [r.id for r in charter.school.roles]
        for i, part in enumerate(charter.protocol.sections):
            _exists(ctx, "protocol", ("sections", i, "audience"), part.audience, roles, "role", "school.yaml")
    with ctx.checking("quality"):
        quality = charter.quality
        codes = [e.code for e in charter.framework.expectations]
        for step in ("plan", "do", "check", "act"):
            for j, code in enumerate(getattr(quality.pdca, step).ok):
                _exists(ctx, "quality", ("pdca", step, "ok", j), code, codes, "OK code", "framework.yaml")
        for j, code in enumerate(quality.ok):
            _exists(ctx, "quality", ("ok", j), code, codes, "OK code", "framework.yaml")
    with ctx.checking("school"):
        phones = charter.school.phones
        periods = list(charter.times.periods)
        for i, phone in enumerate(phones):
            if phone.hours is not None:
                _exists(ctx, "school", ("phones", i, "hours"), phone.hours, periods, "period", "times.yaml")
    with ctx.checking("calendar"):
        calendar = charter.calendar
        if calendar is not None:
            times = list(charter.times.times)
            for key in type(calendar.answer_clock).model_fields:
                _exists(ctx, "calendar", ("answer_clock", key), getattr(calendar.answer_clock, key), times, "time",
                        "times.yaml")
            _check_school_year(calendar, ctx)


def _check_school_year(calendar, ctx: CheckContext) -> None:
    """Every date of calendar.yaml lies in its school year (1 September to 31 August)."""
    from datetime import date

    first, last = date(calendar.school_year, 9, 1), date(calendar.school_year + 1, 8, 31)
    dated = [(("days_off", i, key), getattr(d, key)) for i, d in enumerate(calendar.days_off) for key in ("date", "until")]
    dated += [(("events", i, "date"), e.date) for i, e in enumerate(calendar.events)]
    for path, day in dated:
        if day is not None and not first <= day <= last:
            ctx.error("calendar", path, _("{day} is not in the school year {first} to {last} (school_year: {year})").format(
                day=day.isoformat(), first=first.isoformat(), last=last.isoformat(), year=calendar.school_year))
    from ..schoolyear.holidays import holidays

    names = type(calendar.labels).model_fields
    for i, day_off in enumerate(calendar.days_off):
        for holiday in holidays(calendar.school_year):
            if holiday.first <= day_off.date <= holiday.last and holiday.key in names:
                ctx.warning("calendar", ("days_off", i, "date"), _(
                    "{day} is already a holiday ({holiday}, {first} to {last}): a day off then changes nothing; "
                    "check the date").format(day=day_off.date.isoformat(), holiday=getattr(calendar.labels, holiday.key).any(),
                                             first=holiday.first.isoformat(), last=holiday.last.isoformat()))


def _valid(charter: Charter, section: str) -> bool:
    try:
        getattr(charter, section)
    except SectionMissing:
        return False
    return True


#: Texts that are patterns with their own fill-ins rather than prose with references.
PATTERN_TEXTS: dict[tuple[str, tuple], tuple[str, ...]] = {
    ("times", ("period_pattern",)): ("{start}", "{end}"),
    ("site", ("labels", "answer_now", "due")): ("{moment}",),
    ("site", ("labels", "answer_now", "quiet")): ("{evening}", "{moment}"),
    ("site", ("labels", "answer_now", "moment")): ("{day}", "{hour}"),
}


def check_text_references(charter: Charter, ctx: CheckContext) -> None:
    for section in SECTION_FILES:
        with ctx.checking(section):
            _check_texts_of(charter, ctx, section)


def _check_texts_of(charter: Charter, ctx: CheckContext, section: str) -> None:
    for path, text in texts(getattr(charter, section)):
        fill_ins = PATTERN_TEXTS.get((section, path))
        if fill_ins is not None:
            for code, value in text.values:
                missing = [f for f in fill_ins if f not in value]
                if missing:
                    ctx.error(section, path + ((code,) if code else ()), _("the pattern must contain {fill_ins}").format(
                        fill_ins=_(" and ").join(missing)))
                rest = value
                for fill_in in fill_ins:
                    rest = rest.replace(fill_in, "")
                if "{" in rest.replace("{{", "") or "}" in rest.replace("}}", ""):
                    ctx.error(
                        section, path + ((code,) if code else ()),
                        _("a pattern takes only {fill_ins} (write {{{{ and }}}} for a literal brace)").format(
                            fill_ins=_(" and ").join(fill_ins)),
                    )
            continue
        for code, value in text.values:
            where = path + (code,) if code else path
            for ref in references_in(value):
                with ctx.checking(section):  # a fact from a broken file: only this reference is skipped
                    problem = check_reference(charter, ref)
                    if problem:
                        ctx.error(section, where, problem)
            problem = link_problem(value)
            if problem:
                ctx.error(section, where, problem)


def check_icons(charter: Charter, ctx: CheckContext) -> None:
    from ..assets import icon_exists

    with ctx.checking("channels"):
        channels = charter.channels.channels
    for i, channel in enumerate(channels if _valid(charter, "channels") else []):
        if not icon_exists(channel.icon):
            ctx.error(
                "channels",
                ("channels", i, "icon"),
                _("unknown icon '{icon}': expected the name of a Material Design icon, e.g. phone, email, notebook").format(
                    icon=channel.icon),
            )


def _output_checks() -> list[Check]:
    from . import bookmark_checks, disconnect_checks, site_checks, slides_checks

    return [site_checks.check, bookmark_checks.check, slides_checks.check, disconnect_checks.check]


#: The whole-charter checks, in the order they run; each output adds its own in <output>_checks.py.
CHECKS: list[Check] = [check_languages, check_ids, check_rule_references, check_text_references, check_icons, *_output_checks()]
