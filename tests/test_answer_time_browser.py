"""The browser's answer-time twin agrees with the Python reference on every generated moment.

The vectors come from the reference (digicharter/schoolyear/answer_time.py):
every 37 minutes across weeks around the autumn holiday, Christmas, carnival and
both daylight-saving changes, the turn of the school year, plus seeded random
moments over two school years, for every kind of counted days. Chromium runs the
JavaScript file the website ships.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from digicharter.assets import TEMPLATES_DIR
from digicharter.schoolyear.answer_time import (
    AnswerRule, QuietRule, SchoolDays, answer_due, days_for_browser, is_quiet, read_from)

pytestmark = pytest.mark.browser

SCRIPT = TEMPLATES_DIR / "site" / "overrides" / "assets" / "javascripts" / "answer-time.js"
EPOCH = datetime(1970, 1, 1)
DAYS = SchoolDays(own_days_off=frozenset({date(2024, 11, 13), date(2025, 2, 5)}))
QUIET = QuietRule(evening_from=time(20, 0), day_start=time(8, 30))
RULES = [AnswerRule(hours, kind, time(8, 30), time(17, 0))
         for hours, kind in ((48, "school_days"), (24, "school_day"), (48, "weekdays"),
                             (48, "calendar_days"), (72, "calendar_days"), (1, "school_days"))]


def minutes(moment: datetime) -> int:
    return int((moment - EPOCH).total_seconds() // 60)


def send_moments() -> list[datetime]:
    moments: list[datetime] = []
    for start in (datetime(2024, 10, 21), datetime(2024, 12, 16), datetime(2025, 2, 24),
                  datetime(2025, 3, 27), datetime(2025, 10, 23), datetime(2025, 8, 25)):
        moment = start
        while moment < start + timedelta(days=16):
            moments.append(moment)
            moment += timedelta(minutes=37)
    rng = random.Random(20241025)
    moments += [datetime(2024, 9, 1) + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60 - 40 * 24 * 60))
                for _ in range(400)]
    return moments


def test_the_browser_agrees_with_the_reference_on_every_moment(browser) -> None:
    moments = send_moments()
    cases = []
    for index, sent in enumerate(moments):
        rule = RULES[index % len(RULES)]
        cases.append({"sent": minutes(sent), "rule": {"hours": rule.hours, "counted_in": rule.counted_in,
                                                      "day_start": "08:30", "sends_until": "17:00"},
                      "due": minutes(answer_due(sent, rule, DAYS)),
                      "quiet": is_quiet(sent, QUIET, DAYS), "read": minutes(read_from(sent, QUIET, DAYS))})
    page = browser.new_page()
    try:
        page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
        disagreements = page.evaluate(
            """([cases, days]) => {
                const A = window.DigicharterAnswerTime, cal = new A.Calendar(days);
                const quiet = {evening_from: "20:00", day_start: "08:30"};
                const wrong = [];
                for (const c of cases) {
                    const got = {due: A.answerDue(c.sent, c.rule, cal), quiet: A.isQuiet(c.sent, quiet, cal),
                                 read: A.readFrom(c.sent, quiet, cal)};
                    if (got.due !== c.due || got.quiet !== c.quiet || got.read !== c.read) wrong.push([c, got]);
                }
                return wrong;
            }""",
            [cases, days_for_browser(2024, 2026, DAYS)],
        )
    finally:
        page.close()
    assert len(cases) > 500
    assert disagreements == []


def test_the_schools_clock_is_read_in_brussels_whatever_the_devices_zone(browser) -> None:
    """Instants around both daylight-saving changes, read as Brussels wall-clock time."""
    brussels = ZoneInfo("Europe/Brussels")
    instants = [datetime(2024, 10, 27, 0, 0, tzinfo=timezone.utc) + timedelta(minutes=20 * n) for n in range(12)]
    instants += [datetime(2025, 3, 30, 0, 0, tzinfo=timezone.utc) + timedelta(minutes=20 * n) for n in range(12)]
    expected = [minutes(i.astimezone(brussels).replace(tzinfo=None)) for i in instants]
    context = browser.new_context(timezone_id="America/New_York")
    page = context.new_page()
    try:
        page.add_script_tag(content=SCRIPT.read_text(encoding="utf-8"))
        got = page.evaluate(
            "(ms) => ms.map(m => window.DigicharterAnswerTime.wallClockNow(new Date(m), 'Europe/Brussels'))",
            [int(i.timestamp() * 1000) for i in instants])
    finally:
        context.close()
    assert got == expected
