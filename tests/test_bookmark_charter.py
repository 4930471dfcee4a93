"""bookmark.yaml decides what goes where, and the rest of the charter supplies every fact on it.

One changed copy of the example charter is built (bookmark only) and read
back: a line moved to the other face moves there, a new phone number replaces
the old one everywhere, a smaller strip gives smaller pages, and an offset
sheet still puts every back behind its front.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from digicharter import outputs
from digicharter.build import build
from digicharter.loading.charter_loader import load_charter
from digicharter.render.bookmark.build import build_bookmarks
from digicharter.view import LanguageView, views

from helpers import replace_in

PT_PER_MM = 72 / 25.4
OFFSET_MM = 8
HEIGHT_MM = 200


def normal(text: str) -> str:
    return re.sub(r"[\s\u200b]+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> tuple[Path, list[LanguageView]]:
    """The example charter with a line moved, a phone number changed, a shorter strip, an offset sheet; built."""
    import shutil

    from conftest import CHARTER, copy_charter

    root = tmp_path_factory.mktemp("changed")
    charter = root / "charter"
    copy_charter(charter)
    bookmark = charter / "bookmark.yaml"
    # Make room on the back (the dates of calendar.yaml go), then move 'email-teacher' from the front
    # to the end of the back's second section.
    from test_school_calendar import DATES_SECTION

    replace_in(bookmark, DATES_SECTION, "")
    replace_in(bookmark, "        - agreement: email-teacher\n", "")
    replace_in(bookmark, "        - agreement: smartschool-disagreement\n", "        - agreement: smartschool-disagreement\n        - agreement: email-teacher\n")
    replace_in(bookmark, "  height_mm: 205", f"  height_mm: {HEIGHT_MM}")
    replace_in(bookmark, "  offset_mm: 0", f"  offset_mm: {OFFSET_MM}")
    replace_in(charter / "school.yaml", 'number: "0497 381 759"', 'number: "0470 12 34 56"')
    site = root / "site"
    build(charter, site, site_src=root / "site_src", quiet=True, steps=[("bookmark", build_bookmarks)])
    return site, views(load_charter(charter, strict=True).charter)


def texts(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [normal(page.extract_text() or "") for page in pdf.pages]


def test_a_line_moved_in_the_yaml_moves_to_the_other_face(changed):
    site, languages = changed
    for view in languages:
        short = normal(view.text(view.agreement("email-teacher").short, "plain"))
        front, back = texts(site / outputs.bookmark_pdf(view))
        assert short in back and short not in front, view.code


def test_a_changed_phone_number_is_changed_on_both_faces(changed):
    site, languages = changed
    for view in languages:
        for path in (outputs.bookmark_pdf(view), outputs.bookmark_sheet_pdf(view)):
            joined = "".join(texts(site / path))
            assert normal("0470 12 34 56") in joined and normal("0497 381 759") not in joined, path
        links = [
            annotation.get_object()["/A"]["/URI"]
            for page in pypdf.PdfReader(site / outputs.bookmark_pdf(view)).pages
            for annotation in page.get("/Annots", [])
        ]
        assert "sms:+32470123456" in links, links


def test_the_strip_takes_the_size_from_the_yaml(changed):
    site, languages = changed
    for view in languages:
        for page in pypdf.PdfReader(site / outputs.bookmark_pdf(view)).pages:
            assert float(page.trimbox.height) / PT_PER_MM == pytest.approx(HEIGHT_MM, abs=0.05)


def test_an_offset_sheet_still_puts_every_back_behind_its_front(changed):
    site, languages = changed
    view = languages[0]
    name = view.charter.school.name
    with pdfplumber.open(site / outputs.bookmark_sheet_pdf(view)) as pdf:
        width = float(pdf.pages[0].width)
        front = sorted((h["x0"] + h["x1"]) / 2 for h in pdf.pages[0].search(name))
        back = sorted((h["x0"] + h["x1"]) / 2 for h in pdf.pages[1].search(name))
    assert len(front) == len(back) >= 2
    # The strips sit right of centre on the front …
    assert (front[0] + front[-1]) / 2 - width / 2 == pytest.approx(OFFSET_MM * PT_PER_MM, abs=0.3)
    # … so on the back, seen from the back, they sit left of centre: exactly behind their fronts.
    assert sorted(width - x for x in back) == pytest.approx(front, abs=0.3)
    assert back != pytest.approx(front, abs=1)


def test_no_fact_is_typed_in_the_bookmarks_yaml_or_templates(loaded):
    """Numbers, addresses and times live in school.yaml and times.yaml; the bookmark only names them."""
    from conftest import CHARTER, PROJECT

    charter = loaded.charter
    facts = [p.number.written for p in charter.school.phones] + [e.address for e in charter.school.emails]
    facts += [t.strftime("%H:%M") for t in charter.times.times.values()]
    facts += [t.strftime(f) for p in charter.times.periods.values() for t in (p.start, p.end) for f in ("%H:%M", "%-H.%M")]
    facts += [charter.school.name, str(charter.settings.site_url).split("://")[1].rstrip("/")]
    sources = [CHARTER / "bookmark.yaml", *sorted((PROJECT / "templates" / "bookmark").iterdir())]
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for fact in facts:
            assert fact not in text, f"{source.name} types {fact!r}; name it instead"
