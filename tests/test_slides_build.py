"""Building the slides from a changed charter: an outline in slides.yaml, a slide that does not fit, outline mistakes."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import yaml

from conftest import PROJECT
from digicharter import outputs
from digicharter.loading.charter_loader import load_charter
from digicharter.view import views

from helpers import line_of, locations, run_cli


def squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_pages(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [squash(page.extract_text(use_text_flow=True) or "") for page in pdf.pages]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def append_outline(charter_dir: Path, outline: list[dict]) -> None:
    with (charter_dir / "slides.yaml").open("a", encoding="utf-8") as out:
        out.write("\n" + yaml.safe_dump({"outline": outline}, allow_unicode=True, sort_keys=False))


OUTLINE = [
    {"show": "title"},
    {
        "show": "text",
        "heading": {"nl": "Welkom op school", "en": "Welcome to school"},
        "text": {"nl": "Fijn dat jullie er zijn.", "en": "Glad you are here."},
        "points": [{"nl": "Koffie staat achteraan", "en": "Coffee is at the back"}],
        "notes": [{"nl": "Stel het team kort voor.", "en": "Briefly introduce the team."}],
    },
    {"show": "channel", "channel": "smartschool", "agreements": ["smartschool-respect", "smartschool-parents-daily"]},
    {"show": "parents", "agreements": ["agenda-parents-sign", "phone-absence-sms"]},
    {"show": "questions"},
]


def test_outline_in_slides_yaml_decides_the_slides(capsys, charter_copy, tmp_path):
    append_outline(charter_copy, OUTLINE)
    out = tmp_path / "site"
    code, _, err = run_cli(capsys, "slides", str(charter_copy), "--output", str(out), "--quiet")
    assert code == 0, err
    charter = load_charter(charter_copy, strict=True).charter
    rules = {r.id: r for r in [*charter.agreements.rules, *charter.protocol.rules]}
    for view in views(charter):
        pages = pdf_pages(out / outputs.slides_pdf(view))
        assert len(pages) == len(OUTLINE), "one page per outline item"
        welcome = pages[1]
        for text in (OUTLINE[1]["heading"], OUTLINE[1]["text"], OUTLINE[1]["points"][0]):
            assert squash(text[view.code]) in welcome
        assert squash(OUTLINE[1]["notes"][0][view.code]) not in welcome, "notes are not on the slide"
        smartschool = pages[2]
        shown = [squash(view.text(rules[i].short, "plain")) for i in OUTLINE[2]["agreements"]]
        assert all(s in smartschool for s in shown)
        assert smartschool.index(shown[0]) < smartschool.index(shown[1]), "in the order the outline gives"
        left_out = rules["smartschool-open-messages"]
        assert squash(view.text(left_out.short, "plain")) not in smartschool
        parents = pages[3]
        assert all(squash(view.text(rules[i].short, "plain")) in parents for i in OUTLINE[3]["agreements"])
        assert squash(view.text(rules["gimme-read-messages"].short, "plain")) not in parents
        notes = "".join(pdf_pages(out / outputs.slides_notes_pdf(view)))
        assert squash(OUTLINE[1]["notes"][0][view.code]) in notes
        deck = (out / outputs.slides_html(view) / "index.html").read_text(encoding="utf-8")
        assert deck.count('<aside class="notes">') == len(OUTLINE)


def test_a_slide_that_does_not_fit_fails_the_build_and_keeps_the_site(charter_copy, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the site parents see now", encoding="utf-8")
    before = snapshot(site)
    # Only the English short text grows: the message must name that language, the slide and what to do.
    slides_yaml = charter_copy / "agreements.yaml"
    text = slides_yaml.read_text(encoding="utf-8")
    long_short = "School: {phone.school}, " + "every single day of the week and also on many other days, " * 12
    marker = 'en: "School: {phone.school}, every day {period.office_hours}"'
    assert marker in text
    slides_yaml.write_text(text.replace(marker, f'en: "{long_short}"'), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "digicharter", "slides", str(charter_copy), "--output", str(site)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    message = done.stdout + done.stderr
    assert done.returncode == 1, message
    assert "Traceback" not in message
    assert "slide 4 'Phone' (English, en) does not fit" in message
    assert "What to do" in message and "the longest is 'phone-school'" in message
    assert "(Nederlands, nl)" not in message
    assert snapshot(site) == before, "the site parents see is unchanged"
    leftovers = sorted(p.name for p in tmp_path.iterdir() if p.name not in (".site.lock", ".site-cache"))
    assert leftovers == ["charter", "site"], "no half-built folder is left behind"


def test_outline_mistakes_are_reported_at_their_line(capsys, charter_copy):
    append_outline(
        charter_copy,
        [
            {"show": "channel", "channel": "smartscool"},
            {"show": "channel", "channel": "phone", "agreements": ["phone-school", "phone-teacher-number"]},
            {"show": "text"},
        ],
    )
    code, _, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1
    found = locations(err)
    slides_yaml = charter_copy / "slides.yaml"
    unknown = [f for f in found if "smartscool" in f[2]]
    assert unknown and unknown[0][:2] == ("slides.yaml", line_of(slides_yaml, "channel: smartscool"))
    assert "did you mean 'smartschool'" in unknown[0][2]
    short_problem = [f for f in found if "phone-teacher-number" in f[2]]
    assert short_problem and short_problem[0][1] == line_of(slides_yaml, "phone-teacher-number")
    assert "has no short text" in short_problem[0][2] and "agreements.yaml line" in short_problem[0][2]
    assert "needs a 'heading:'" in err


def test_the_example_outline_in_slides_yaml_is_valid(capsys, charter_copy):
    """slides.yaml shows, commented out, how to write an outline: that example must stay correct."""
    path = charter_copy / "slides.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("# outline:")
    example = "".join(line[2:] + "\n" for line in text[start:].splitlines())
    path.write_text(text[:start] + example, encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "--strict", str(charter_copy))
    assert code == 0, err
    outline = load_charter(charter_copy, strict=True).charter.slides.outline
    assert outline is not None and len(outline) >= 5
