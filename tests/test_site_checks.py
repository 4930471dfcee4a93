"""Mistakes in site.yaml (and in what the website needs from other files) are reported at their line."""

from __future__ import annotations

from helpers import line_of, replace_in
from test_check_errors import assert_reported


def test_unknown_answer_time_agreement_suggests_the_right_one(capsys, charter_copy):
    line = replace_in(charter_copy / "site.yaml", "    - email-answer-time\n", "    - email-answer-tim\n")
    assert_reported(capsys, charter_copy, "site.yaml", line, "unknown agreement 'email-answer-tim'",
                    "did you mean 'email-answer-time'")


def test_answer_time_agreement_needs_a_short_text(capsys, charter_copy):
    line = replace_in(charter_copy / "site.yaml", "    - quiet-hours\n", "    - quiet-hours\n    - agenda-dates\n") + 1
    assert_reported(capsys, charter_copy, "site.yaml", line, "'agenda-dates' has no short text", "add 'short:'")


def test_a_label_left_out_takes_digicharters_word(charter_copy):
    from digicharter.loading.charter_loader import load_charter
    from digicharter.loading.defaults import words

    replace_in(charter_copy / "site.yaml", "  vision: {nl: Onze visie, en: Our vision}\n", "")
    vision = load_charter(charter_copy, strict=True).charter.site.labels.vision
    assert vision.get("nl", "nl") == words("nl")["site"]["labels"]["vision"]
    assert vision.get("en", "nl") == words("en")["site"]["labels"]["vision"]


def test_unknown_theme_word_suggests_the_right_one(capsys, charter_copy):
    line = replace_in(charter_copy / "site.yaml", "  search.placeholder:", "  search.placeholdr:")
    assert_reported(capsys, charter_copy, "site.yaml", line, "no word 'search.placeholdr'",
                    "did you mean 'search.placeholder'")


def test_a_pale_primary_colour_is_refused(capsys, charter_copy):
    line = replace_in(charter_copy / "school.yaml", 'primary: "#1f5c3a"', 'primary: "#8fd4a8"')
    assert_reported(capsys, charter_copy, "school.yaml", line, "contrast of only", "choose a darker colour")


def test_a_channel_cannot_take_a_page_name(capsys, charter_copy):
    replace_in(charter_copy / "agreements.yaml", "channel: whatsapp", "channel: downloads")
    line = replace_in(charter_copy / "channels.yaml", "  - id: whatsapp", "  - id: downloads")
    assert_reported(capsys, charter_copy, "channels.yaml", line, "'downloads' is the name of one of the website's own pages")
