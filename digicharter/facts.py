"""References from texts to facts: ``{time.no_school_messages_after}``, ``{phone.school}`` …

A text names a fact instead of repeating it, so the fact lives in exactly one
place in the YAML. This module knows the reference syntax, which facts exist,
and how each fact is written in a language. It does not know about outputs:
each renderer decides whether a phone number becomes a link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from babel import Locale
from babel.dates import format_time
from babel.units import format_unit
from .i18n import _

if TYPE_CHECKING:
    from .schema import Charter

#: ``{kind}``, ``{kind.id}`` or ``{kind.id.part}``; ``{{`` writes a literal brace.
REFERENCE = re.compile(r"(?<!\{)\{([a-z_]+)(?:\.([a-z0-9_-]+))?(?:\.([a-z_]+))?\}(?!\})")
LOOSE_REFERENCE = re.compile(r"(?<!\{)\{([^{}\n]{1,80})\}(?!\})")

#: The parts a reference may name after the id, per kind.
PARTS: dict[str, tuple[str, ...]] = {
    "time": (),
    "period": ("start", "end"),
    "duration": ("counted_in", "amount"),
    "number": (),
    "phone": ("label",),
    "email": ("label",),
    "school": (),
    "teacher_email": (),
}

_UNIT_KEYS = {"hours": "duration-hour", "days": "duration-day", "weeks": "duration-week"}


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str | None
    part: str | None
    source: str


@dataclass(frozen=True)
class Fact:
    """A fact as written in one language, with a link target where it is a contact."""

    display: str
    href: str | None = None


def references_in(text: str) -> Iterator[Reference]:
    """Every ``{…}`` in a text, well-formed or not, so that typos are reported too."""
    for match in LOOSE_REFERENCE.finditer(text):
        strict = REFERENCE.fullmatch(match.group(0))
        if strict:
            yield Reference(strict.group(1), strict.group(2), strict.group(3), match.group(0))
        else:
            yield Reference("", None, None, match.group(0))


def ids_of(charter: "Charter", kind: str) -> list[str]:
    """The ids a reference of this kind may name (reading only the file that holds them)."""
    ids = {
        "time": lambda: list(charter.times.times),
        "period": lambda: list(charter.times.periods),
        "duration": lambda: list(charter.times.durations),
        "number": lambda: list(charter.times.numbers),
        "phone": lambda: [p.id for p in charter.school.phones],
        "email": lambda: [e.id for e in charter.school.emails],
        "school": lambda: ["name", "short_name", "town"],
        "teacher_email": lambda: [],
    }
    return ids[kind]()


def check_reference(charter: "Charter", ref: Reference) -> str | None:
    """Why this reference cannot be resolved, or None if it can."""
    from .loading.error_messages import did_you_mean

    if ref.kind not in PARTS:
        examples = "{time.…}, {period.…}, {duration.…}, {number.…}, {phone.…}, {email.…}, {school.name}, {teacher_email}"
        guess = did_you_mean(ref.kind, PARTS) if ref.kind else ""
        return _("unknown reference {reference}{did_you_mean}; a reference looks like {examples} "
                 "(write {{{{ and }}}} for a literal brace)").format(reference=ref.source, did_you_mean=guess, examples=examples)
    known = ids_of(charter, ref.kind)
    if ref.kind == "teacher_email":
        if ref.id:
            return _("{reference}: teacher_email takes no name; write {{teacher_email}}").format(reference=ref.source)
        return None
    if not ref.id:
        return _("{reference}: name which {kind}, e.g. {example}").format(
            reference=ref.source, kind=ref.kind, example=f"{{{ref.kind}.{known[0] if known else 'name'}}}")
    if ref.id not in known:
        return _("unknown {kind} '{id}' in {reference}{did_you_mean}").format(
            kind=ref.kind, id=ref.id, reference=ref.source, did_you_mean=did_you_mean(ref.id, known))
    if ref.part and ref.part not in PARTS[ref.kind]:
        allowed = ", ".join(PARTS[ref.kind]) or _("nothing")
        return _("{reference}: a {kind} has no part '{part}' (allowed: {allowed})").format(
            reference=ref.source, kind=ref.kind, part=ref.part, allowed=allowed)
    return None


def resolve(charter: "Charter", ref: Reference, language: str, locale: str, time_format: str) -> Fact:
    """Write one (valid) reference in a language."""
    default = charter.settings.default_language
    times = charter.times

    def clock(value) -> str:  # "8.30 u" never splits over two lines
        return unbreakable(format_time(value, time_format, locale=locale))

    if ref.kind == "time":
        return Fact(clock(times.times[ref.id]))
    if ref.kind == "period":
        period = times.periods[ref.id]
        if ref.part == "start":
            return Fact(clock(period.start))
        if ref.part == "end":
            return Fact(clock(period.end))
        pattern = times.period_pattern.resolve(language, default)
        return Fact(pattern.replace("{start}", clock(period.start)).replace("{end}", clock(period.end)))
    if ref.kind == "duration":
        duration = times.durations[ref.id]
        if ref.part == "counted_in":
            return Fact(getattr(times.day_kinds, duration.counted_in).resolve(language, default))
        if ref.part == "amount":
            return Fact(str(duration.amount))
        return Fact(unbreakable(_format_duration(duration.amount, _UNIT_KEYS[duration.unit], locale)))
    if ref.kind == "number":
        return Fact(str(times.numbers[ref.id]))
    if ref.kind == "phone":
        phone = next(p for p in charter.school.phones if p.id == ref.id)
        if ref.part == "label":
            return Fact(phone.label.resolve(language, default))
        scheme = "sms" if phone.prefer_sms else "tel"
        return Fact(phone.number.written, f"{scheme}:{phone.number.e164}")
    if ref.kind == "email":
        email = next(e for e in charter.school.emails if e.id == ref.id)
        if ref.part == "label":
            return Fact(email.label.resolve(language, default))
        return Fact(email.address, f"mailto:{email.address}")
    if ref.kind == "school":
        value = getattr(charter.school, ref.id)
        return Fact(value if isinstance(value, str) else value.resolve(language, default))
    if ref.kind == "teacher_email":
        pattern = charter.school.teacher_email
        return Fact(f"{pattern.local_part.resolve(language, default)}@{pattern.domain}")
    raise AssertionError(f"unchecked reference {ref.source}")


def unbreakable(value: str) -> str:
    """A time with its unit or an amount with its unit ("8.30 u", "48 uur") as one unit a line never breaks.

    The spaces become no-break spaces (U+00A0), which every output keeps
    together: the website on a phone, the bookmark and the slides.
    """
    return value.replace(" ", "\u00a0")


def _format_duration(amount: int, unit: str, locale: str) -> str:
    """``48 hours`` / ``48 uur``: CLDR's long form, or its short form where a locale's data lacks the long one.

    (CLDR leaves Dutch's long hour pattern to inheritance that Babel does not
    follow, so asking for "long" would give ``48 duration-hour``.)
    """
    patterns = Locale.parse(locale)._data["unit_patterns"].get(unit, {})
    length = "long" if "other" in patterns.get("long", {}) else "short"
    return format_unit(amount, unit, length=length, locale=locale)
