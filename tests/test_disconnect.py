"""The right to disconnect (CAO XII): check reports the five themes and warns for one without agreements."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from digicharter.disconnect.coverage import THEMES


def check(charter: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "digicharter", "--lang", "en", "check", "--strict", str(charter)],
                          capture_output=True, text=True, timeout=120)


def test_the_example_covers_all_five_themes(loaded) -> None:
    done = check(Path("charter"))
    assert done.returncode == 0, done.stderr
    assert f"right to disconnect (CAO XII): {len(THEMES)} of {len(THEMES)} themes covered" in done.stdout
    listed = [line for line in done.stdout.splitlines() if line.startswith("  ")]
    assert len(listed) == len(THEMES)
    ids = {rule.id for rule in loaded.charter.all_rules()}
    for line in listed:
        agreements = line.split(": ", 1)[1].split(", ")
        assert agreements and set(agreements) <= ids, line
    assert "no agreement covers" not in done.stderr


def test_removing_the_tags_of_one_theme_warns(charter_copy: Path) -> None:
    for name in ("agreements.yaml", "protocol.yaml"):
        path = charter_copy / name
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"disconnect: \[([^\]]*)\]",
                      lambda m: "disconnect: [" + ", ".join(t for t in m.group(1).split(", ") if t != "social_media") + "]",
                      text)
        path.write_text(text, encoding="utf-8")
    done = check(charter_copy)
    assert done.returncode == 0  # a warning, not an error: the school decides
    assert "4 of 5 themes covered" in done.stdout
    assert "social media: none" in done.stdout
    warning = next(line for line in done.stderr.splitlines() if "no agreement covers" in line)
    assert "agreements.yaml" in warning and "'social_media'" in warning and "warning:" in warning


def _page_text(path: Path) -> str:
    import html as html_module

    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))).split())


def test_the_quality_page_shows_the_same_overview(built_site: Path, loaded) -> None:
    from digicharter.disconnect.coverage import coverage
    from digicharter.view import views

    for view in views(loaded.charter):
        page = built_site / ("" if view.is_default else f"{view.code}/") / "quality.html"
        text = _page_text(page)
        words = loaded.charter.site.labels.disconnect
        overview = text[text.index(view.raw(words.heading)):]
        for item in coverage(loaded.charter.all_rules()):
            theme = view.raw(getattr(words, item.theme))
            assert theme in overview
            shown = overview[overview.index(theme):]
            for rule in item.agreements:
                assert " ".join(view.text(rule.short or rule.text, "plain").split()) in shown, (item.theme, rule.id)
