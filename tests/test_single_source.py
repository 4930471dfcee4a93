"""One fact, one place: changing a value in the YAML changes every text that mentions it."""

from __future__ import annotations

from digicharter.loading.charter_loader import load_charter
from digicharter.schema import SECTION_FILES
from digicharter.validation.walk import texts
from digicharter.view import views

from helpers import replace_in


def rendered(charter) -> dict[tuple, str]:
    """Every text of the charter in every language and output mode."""
    out = {}
    for view in views(charter):
        for section in SECTION_FILES:
            for path, text in texts(getattr(charter, section)):
                for mode in ("plain", "markdown", "html"):
                    out[(view.code, section, path, mode)] = view.text(text, mode)
    return out


def test_changing_a_time_changes_every_text_that_mentions_it(charter_copy):
    before = rendered(load_charter(charter_copy, strict=True).charter)
    mentions = {k for k, v in before.items() if "20.00\u00a0u" in v or "20:00" in v}
    # The evening quiet time appears in several agreements and short texts, in both languages.
    assert len({(k[0], k[1], k[2]) for k in mentions}) >= 4
    assert {k[0] for k in mentions} == {"nl", "en"}

    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 19:00")
    after = rendered(load_charter(charter_copy, strict=True).charter)

    for key in mentions:
        assert "20.00\u00a0u" not in after[key] and "20:00" not in after[key], key
        assert "19.00\u00a0u" in after[key] or "19:00" in after[key], key
    # …and nothing else changed.
    for key in before.keys() - mentions:
        assert before[key] == after[key], key


def test_changing_a_phone_number_changes_text_and_link(charter_copy):
    replace_in(charter_copy / "school.yaml", 'number: "0497 381 759"', 'number: "0470 12 34 56"')
    charter = load_charter(charter_copy, strict=True).charter
    texts_after = rendered(charter)
    joined = "\n".join(texts_after.values())
    assert "0497 381 759" not in joined and "+32497381759" not in joined
    assert "0470 12 34 56" in joined
    # The director's mobile is an SMS number: linked as sms:, in Markdown and in HTML.
    assert "[0470 12 34 56](sms:+32470123456)" in joined
    assert '<a href="sms:+32470123456">0470 12 34 56</a>' in joined


def test_times_follow_each_languages_format(loaded):
    nl, en = views(loaded.charter)[:2]
    rule = nl.agreement("smartschool-no-messages-after")
    assert "17.00\u00a0u" in nl.text(rule.text, "plain")  # one unit: no line breaks inside
    assert "17:00" in en.text(rule.text, "plain")
    # Every language writes the time with its own format (French "17 h 00", Arabic "17:00").
    import datetime

    from babel.dates import format_time

    for view in views(loaded.charter):
        written = " ".join(format_time(datetime.time(17, 0), view.language.time_format, locale=view.language.locale).split())
        assert view.fallback_language(rule.text) or written in " ".join(view.text(rule.text, "plain").split()), view.code
    answer = nl.agreement("email-answer-time")
    assert "48\u00a0uur op weekdagen" in nl.text(answer.text, "plain")
    assert "48\u00a0hours on weekdays" in en.text(answer.text, "plain")
