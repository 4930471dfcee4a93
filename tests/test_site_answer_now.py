"""The website says, in the reader's browser, when an answer is due and whether now is a quiet time.

Chromium opens the built example site with its clock set to chosen moments
(and its device in Tokyo, to prove the school's Brussels time is used). Every
line on every page is compared with the Python reference
(:mod:`digicharter.schoolyear.answer_time`) computed from the charter model,
and written with Babel from the language's own patterns, a second formatter
next to the browser's Intl.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date, format_time

from conftest import CHARTER
from digicharter.loading.charter_loader import load_charter
from digicharter.render.site.answer_now import duration_of
from digicharter.schoolyear.answer_time import AnswerRule, QuietRule, answer_due, is_quiet, read_from
from digicharter.schoolyear.entries import school_days
from digicharter.view import text_in, views

pytestmark = pytest.mark.browser

BRUSSELS = ZoneInfo("Europe/Brussels")

#: Moments in the school's wall-clock time, each a case the issue names or a turn of the calendar.
MOMENTS = {
    "Friday 19:30 before the autumn holiday": datetime(2026, 10, 30, 19, 30),
    "Friday 20:30 before the autumn holiday (quiet)": datetime(2026, 10, 30, 20, 30),
    "Wednesday 10:00": datetime(2026, 12, 2, 10, 0),
    "Wednesday 07:10, before the school day": datetime(2026, 12, 2, 7, 10),
    "31 August, evening (the school year ends)": datetime(2027, 8, 31, 21, 0),
    "Saturday night the clocks go back": datetime(2026, 10, 24, 23, 30),
    "Saturday night the clocks go forward": datetime(2027, 3, 27, 23, 30),
    "the day before Ascension Day, 16:00": datetime(2027, 5, 5, 16, 0),
}


@pytest.fixture(scope="module")
def charter():
    return load_charter(CHARTER).charter


def expected(charter, language: str, moment: datetime) -> dict:
    """What the page in ``language`` must say at ``moment``, by duration name, from the reference."""
    view = next(v for v in views(charter) if v.code == language)
    calendar = charter.calendar
    clock = calendar.answer_clock
    times = charter.times.times
    days = school_days(calendar)
    default = charter.settings.default_language
    labels = charter.site.labels.answer_now
    locale, pattern = view.language.locale, view.language.time_format

    def written(at: datetime) -> str:
        day = format_date(at.date(), "EEEE d MMMM", locale=locale)
        return text_in(labels.moment, language, default).replace("{day}", day).replace(
            "{hour}", format_time(at.time(), pattern, locale=locale))

    due = {}
    for name, duration in charter.times.durations.items():
        hours = duration.amount * {"hours": 1, "days": 24, "weeks": 168}[duration.unit]
        rule = AnswerRule(hours, duration.counted_in, times[clock.school_day_starts], times[clock.sends_until])
        at = answer_due(moment, rule, days)
        due[name] = (text_in(labels.due, language, default).replace("{moment}", written(at)), at)
    quiet = QuietRule(times[clock.quiet_from], times[clock.school_day_starts])
    quiet_line = ""
    if is_quiet(moment, quiet, days):
        evening = format_time(times[clock.quiet_from], pattern, locale=locale)
        quiet_line = (text_in(labels.quiet, language, default).replace("{evening}", evening)
                      .replace("{moment}", written(read_from(moment, quiet, days))))
    return {"due": due, "quiet": quiet_line}


def pages_with_lines(site: Path, folder: str) -> list[str]:
    root = site / folder if folder else site
    return sorted(str(p.relative_to(site)) for p in root.glob("*.html") if "dc-answer-now" in p.read_text(encoding="utf-8"))


def shown(page) -> dict:
    """Every computed line on the page: the visible "answer by" lines with their duration, and the quiet line."""
    return page.evaluate("""() => ({
        due: [...document.querySelectorAll('.dc-answer-now')].map(e => ({
            duration: e.dataset.duration, hidden: e.hidden, text: e.textContent.replace(/\\s+/g, ' ').trim(),
            datetime: e.querySelector('time') && e.querySelector('time').getAttribute('datetime')})),
        quiet: [...document.querySelectorAll('.dc-quiet-now')].map(e => ({
            role: e.getAttribute('role'), text: e.textContent.replace(/\\s+/g, ' ').trim()})),
    })""")


@pytest.fixture(scope="module")
def tokyo(browser):
    context = browser.new_context(timezone_id="Asia/Tokyo", locale="ja-JP")
    yield context
    context.close()


def open_at(context, url: str, moment: datetime):
    page = context.new_page()
    page.clock.set_fixed_time(moment.replace(tzinfo=BRUSSELS))
    page.goto(url)
    return page


def test_every_agreement_with_a_response_time_has_its_line(charter, website):
    """Generated from the model: each agreement naming one duration has a line on its channel's page, in every language."""
    from digicharter.render.site.pages import channel_file

    for view in views(charter):
        folder = "" if view.is_default else view.code
        for rule in view.all_agreements:
            name = duration_of(rule)
            html = (website / folder / channel_file(rule.channel).replace(".md", ".html")).read_text(encoding="utf-8")
            block = html[html.index(f'id="{rule.id}"'):]
            block = block[: block.index('class="dc-agreement"') if 'class="dc-agreement"' in block else len(block)]
            assert (f'data-duration="{name}"' in block) == (name is not None), (view.code, rule.id)
        home = (website / folder / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<p class="dc-quiet-now"[^>]* data-answer="\{', home), "the home page carries the data"


def check_page(context, url: str, moment: datetime, want: dict) -> None:
    page = open_at(context, url, moment)
    try:
        got = shown(page)
    finally:
        page.close()
    assert got["due"], url
    for line in got["due"]:
        text, at = want["due"][line["duration"]]
        assert not line["hidden"] and line["text"] == text, (url, line, text)
        assert line["datetime"] == at.strftime("%Y-%m-%dT%H:%M"), (url, line)
    assert [q["text"] for q in got["quiet"]] == [want["quiet"]], (url, got["quiet"], want["quiet"])
    assert {q["role"] for q in got["quiet"]} == {"status"}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_page_with_a_response_time_shows_its_lines(charter, website, website_server, tokyo, language):
    """Every page that has lines (home, protocol, channels), at a quiet moment: each line as the reference says."""
    moment = MOMENTS["Friday 20:30 before the autumn holiday (quiet)"]
    want = expected(charter, language, moment)
    folder = "" if language == charter.settings.default_language else language
    paths = pages_with_lines(website, folder)
    assert any(p.endswith("index.html") for p in paths) and len(paths) >= 3, paths
    for path in paths:
        check_page(tokyo, website_server + path, moment, want)


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("label", list(MOMENTS))
def test_the_home_page_agrees_with_the_reference_at_every_moment(charter, website_server, tokyo, language, label):
    moment = MOMENTS[label]
    home = "index.html" if language == charter.settings.default_language else f"{language}/index.html"
    check_page(tokyo, website_server + home, moment, expected(charter, language, moment))


def test_the_lines_work_from_a_file_opened_without_a_server(charter, website, tokyo):
    moment = MOMENTS["Friday 20:30 before the autumn holiday (quiet)"]
    want = expected(charter, "nl", moment)
    page = open_at(tokyo, (website / "index.html").as_uri(), moment)
    try:
        got = shown(page)
    finally:
        page.close()
    assert [line["text"] for line in got["due"]] == [want["due"][line["duration"]][0] for line in got["due"]]
    assert got["quiet"][0]["text"] == want["quiet"] != ""


def test_outside_the_school_years_it_knows_the_page_says_nothing(website, website_server, tokyo):
    """A site left online for years must not promise dates from a calendar it does not have."""
    page = open_at(tokyo, website_server + "en/index.html", datetime(2031, 1, 15, 10, 0))
    try:
        got = shown(page)
    finally:
        page.close()
    assert got["due"] and all(line["hidden"] for line in got["due"])
    assert [q["text"] for q in got["quiet"]] == [""]


def test_the_quiet_line_follows_the_clock_while_the_page_is_open(charter, website, website_server, tokyo):
    """At 19:59 it is not quiet; a minute later (the page still open) the live region says it is."""
    page = tokyo.new_page()
    try:
        page.clock.install(time=datetime(2026, 12, 2, 19, 59, tzinfo=BRUSSELS))
        page.goto(website_server + "en/index.html")
        assert shown(page)["quiet"][0]["text"] == ""
        page.clock.run_for("01:00")
        text = shown(page)["quiet"][0]["text"]
    finally:
        page.close()
    assert text == expected(charter, "en", datetime(2026, 12, 2, 20, 0))["quiet"] != ""


ARABIC = """  - code: ar
    name: العربية
    locale: ar
    time_format: "HH:mm"
    complete: false
"""
ARABIC_LABELS = """  answer_now:
    due: {ar: "إذا أرسلت الآن، فتوقع ذلك قبل {moment}."}
    quiet: {ar: "الآن وقت هادئ (في المساء من {evening}، وفي عطلة نهاية الأسبوع والعطل). ستُقرأ رسالتك ابتداءً من {moment}."}
    moment: {ar: "{day}، {hour}"}
"""


def test_the_lines_read_right_to_left_in_arabic(charter_copy, tmp_path, tokyo):
    """An Arabic page: its own sentences and day names, the line in the page's direction, the date isolated inside it."""
    from digicharter.build import build
    from digicharter.render.site.build import build_site

    settings = charter_copy / "charter.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("\n# Plain texts", ARABIC + "\n# Plain texts", 1),
                        encoding="utf-8")
    site_yaml = charter_copy / "site.yaml"
    text = site_yaml.read_text(encoding="utf-8")
    site_yaml.write_text(text.replace("\nlabels:\n", "\nlabels:\n" + ARABIC_LABELS, 1), encoding="utf-8")
    assert "إذا أرسلت" in site_yaml.read_text(encoding="utf-8")
    out = tmp_path / "site"
    build(charter_copy, out, site_src=tmp_path / "site_src", quiet=True, steps=[("website", build_site)])

    moment = MOMENTS["Friday 20:30 before the autumn holiday (quiet)"]
    page = open_at(tokyo, (out / "ar" / "index.html").as_uri(), moment)
    try:
        got = shown(page)
        styles = page.evaluate("""() => { const line = document.querySelector('.dc-answer-now'), time = line.querySelector('time');
            return {line: getComputedStyle(line).direction, time: getComputedStyle(time).unicodeBidi,
                    lang: document.documentElement.lang}; }""")
    finally:
        page.close()
    assert styles == {"line": "rtl", "time": "isolate", "lang": "ar"}
    wednesday = format_date(datetime(2026, 11, 4).date(), "EEEE", locale="ar")
    first = got["due"][0]
    assert not first["hidden"] and first["text"].startswith("إذا أرسلت الآن") and wednesday in first["text"], first
    assert got["quiet"][0]["text"].startswith("الآن وقت هادئ"), got["quiet"]
