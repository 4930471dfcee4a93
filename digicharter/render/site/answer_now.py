"""What the website's "if you send now" lines need: the school's days, the rules, the words, per page language.

The computation itself runs in the parent's browser (``answer-time.js``, the
twin of :mod:`digicharter.schoolyear.answer_time`), because "now" is the moment
the page is read, not the moment it was built. This module hands it only data,
embedded in the page itself (an attribute of the quiet-time line) so that it
works offline and from ``file://``:

- the days without school of the school year in ``calendar.yaml`` and the next
  one, computed here once (the browser never computes a holiday rule);
- each response time of ``times.yaml`` as hours with the kind of days it counts,
  and the clock from ``calendar.yaml``'s ``answer_clock``;
- the sentences in the page's language, and the language's time pattern as
  Babel tokenises it, so that 8.30 u reads the same as everywhere else.

A page shows the lines only when the charter has a calendar (without it the
school's own days off are unknown, and a computed date could be wrong).
"""

from __future__ import annotations

import json
from datetime import time

from babel.dates import tokenize_pattern

from ...escaping import html_attr
from ...facts import Reference, references_in
from ...schema.agreements import Agreement
from ...schoolyear.answer_time import days_for_browser
from ...schoolyear.entries import school_days
from ...schoolyear.zone import SCHOOL_ZONE_NAME
from ...view import LanguageView, text_in

#: Hours per unit of a duration: a day counts as 24 counted hours, a week as seven such days.
_HOURS = {"hours": 1, "days": 24, "weeks": 7 * 24}


def duration_of(rule: Agreement) -> str | None:
    """The one response time an agreement states (``{duration.NAME}`` in its texts), else None.

    An agreement naming two durations says two things at once; no single
    "answer by" moment belongs to it, so it gets none.
    """
    names = {ref.id for text in (rule.text, rule.short) if text is not None
             for _, value in text.values for ref in references_in(value) if ref.kind == "duration" and ref.id}
    return names.pop() if len(names) == 1 else None


def shows_answer_times(view: LanguageView) -> bool:
    return view.charter.calendar is not None


def _clock(value: time) -> str:
    return f"{value:%H:%M}"


def _time_tokens(pattern: str) -> list[list]:
    """The time pattern as [kind, value] pairs: ["field", "H", 1] or ["chars", "."]; the browser only fills them in."""
    tokens: list[list] = []
    for kind, value in tokenize_pattern(pattern):
        tokens.append(["field", value[0], value[1]] if kind == "field" else ["chars", value])
    return tokens


def _bcp47(locale: str) -> str:
    return locale.replace("_", "-")


def answer_data(view: LanguageView) -> dict:
    """Everything the page's script needs, as JSON-able data (see the module's docstring)."""
    charter = view.charter
    calendar = charter.calendar
    assert calendar is not None
    clock = calendar.answer_clock
    times = charter.times.times
    day_start, sends_until, quiet_from = (times[clock.school_day_starts], times[clock.sends_until],
                                          times[clock.quiet_from])
    labels = charter.site.labels.answer_now

    def pattern(text) -> str:
        return text_in(text, view.code, charter.settings.default_language)

    rules = {
        name: {"hours": duration.amount * _HOURS[duration.unit], "counted_in": duration.counted_in,
               "day_start": _clock(day_start), "sends_until": _clock(sends_until)}
        for name, duration in charter.times.durations.items()
    }
    evening = view.isolated(view.fact(Reference("time", clock.quiet_from, None, "")).display)
    return {
        "zone": SCHOOL_ZONE_NAME,
        "locale": _bcp47(view.language.locale),
        "time": _time_tokens(view.language.time_format),
        "days": days_for_browser(calendar.school_year, calendar.school_year + 1, school_days(calendar)),
        "quiet": {"evening_from": _clock(quiet_from), "day_start": _clock(day_start)},
        "rules": rules,
        "labels": {  # patterns with their own fill-ins (checked as such), not prose with references
            "due": pattern(labels.due),
            "quiet": pattern(labels.quiet).replace("{evening}", evening),
            "moment": pattern(labels.moment),
        },
    }


def answer_data_attribute(view: LanguageView) -> str:
    """The data as the value of an HTML attribute (JSON, every character escaped for the attribute).

    An attribute rather than a ``<script>`` block: the generated pages stay plain
    Markdown with no script in them, for any engine.
    """
    return str(html_attr(json.dumps(answer_data(view), ensure_ascii=False, sort_keys=True)))
