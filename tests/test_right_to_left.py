"""Right-to-left languages: the direction comes from CLDR, and facts keep their own order inside them."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from digicharter.loading.charter_loader import load_charter
from digicharter.view import views

ARABIC = """  - code: ar
    name: العربية
    locale: ar
    time_format: "HH:mm"
    complete: false
"""


@pytest.fixture
def with_arabic(charter_copy: Path):
    settings = charter_copy / "charter.yaml"
    text = settings.read_text(encoding="utf-8")
    settings.write_text(text.replace("\n# Plain texts", ARABIC + "\n# Plain texts", 1), encoding="utf-8")
    return load_charter(charter_copy, strict=True).charter


def test_the_direction_of_each_language_comes_from_its_locale(with_arabic) -> None:
    assert {view.code: view.direction for view in views(with_arabic)} == {"nl": "ltr", "en": "ltr", "ar": "rtl"}


def test_numbers_and_addresses_stay_left_to_right_in_arabic_text(with_arabic) -> None:
    arabic = next(view for view in views(with_arabic) if view.code == "ar")
    dutch = views(with_arabic)[0]
    checked = 0
    for rule in with_arabic.all_rules():
        if rule.short is None or "{" not in rule.short.resolve("nl", "nl"):
            continue
        shown = arabic.text(rule.short, "plain")
        for fact in ("011 621 613", "0497 381 759", "directie@deboomhutlozen.be"):
            if fact in shown:
                checked += 1
                assert f"\u2066{fact}\u2069" in shown, shown
        assert "\u2066" not in dutch.text(rule.short, "plain")
    assert checked >= 3
    # Isolates are our own, balanced, and nothing else of the bidi controls gets in.
    for rule in with_arabic.all_rules():
        shown = arabic.text(rule.text, "html")
        assert shown.count("\u2066") == shown.count("\u2069")
        assert not [c for c in shown if unicodedata.bidirectional(c) in ("LRE", "RLE", "LRO", "RLO", "PDF")]
