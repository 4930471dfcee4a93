"""The info-evening slides as PDFs: 16:9 pages, one per slide, every slide's text in every language, the notes.

Expected texts are taken from the charter model (never copied from the output),
and looked for in the text pdfplumber reads back from the built PDFs.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pytest

from digicharter import outputs
from digicharter.view import LanguageView, views
from helpers import reads_in


def normal(text: str) -> str:
    """Text without whitespace or direction marks and with ligatures undone: lines break differently in a PDF."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", "", text)


def plain(view: LanguageView, text) -> str:
    if view.direction == "rtl":  # its words are looked for one by one (RightToLeftPage)
        return " ".join(view.text(text, "plain").split())
    return normal(view.text(text, "plain"))


#: The example's right-to-left languages (their PDFs are read with pdftotext).
RTL_CODES: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def languages(loaded) -> list[LanguageView]:
    global RTL_CODES
    RTL_CODES = tuple(view.code for view in views(loaded.charter) if view.direction == "rtl")
    return views(loaded.charter)


class RightToLeftPage(str):
    """A page's text read right to left: a text is on it when each of its words is (:func:`helpers.reads_in`)."""

    def __contains__(self, text: str) -> bool:
        return reads_in(text, self, "rtl")


def page_texts(path: Path) -> list[str]:
    """Each page's text; a right-to-left deck's as poppler reads it back in reading order (pdfplumber keeps
    the drawing order, right to left)."""
    with pdfplumber.open(path) as pdf:
        if not str(path).endswith(tuple(f"-{code}.pdf" for code in RTL_CODES)):
            return [normal(page.extract_text(use_text_flow=True) or "") for page in pdf.pages]
        count = len(pdf.pages)
    return [RightToLeftPage(normal(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                                                  capture_output=True, text=True, check=True).stdout))
            for n in range(1, count + 1)]


def expected_slide_count(charter) -> int:
    """The standard outline, counted from the charter: title, vision, reach, channels, protocol parts, parents, PDCA,
    the dates of calendar.yaml (when it has events), questions."""
    dates = 1 if charter.calendar is not None and charter.calendar.events else 0
    return 3 + len(charter.channels.channels) + len(charter.protocol.sections) + 3 + dates


def test_deck_pdf_is_16_9_with_one_page_per_slide(built_site, languages):
    for view in languages:
        path = built_site / outputs.slides_pdf(view)
        with pdfplumber.open(path) as pdf:
            sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
            assert sizes == {(960, 540)}, f"{view.code}: pages must be 1280 × 720 px (960 × 540 pt), got {sizes}"
            assert len(pdf.pages) == expected_slide_count(view.charter), view.code


def test_every_slide_shows_its_text_in_its_language(built_site, languages):
    for view in languages:
        charter = view.charter
        pages = page_texts(built_site / outputs.slides_pdf(view))
        labels = charter.slides.labels

        def page_with(text: str) -> int:
            hits = [i for i, page in enumerate(pages) if text in page]
            assert hits, f"{view.code}: {text!r} is on no slide"
            return hits[0]

        assert plain(view, charter.settings.title) in pages[0]
        assert normal(charter.school.name) in pages[0]
        assert plain(view, labels.vision) in pages[1] and plain(view, charter.quality.vision[0]) in pages[1]
        reach = pages[2]
        assert plain(view, labels.reach) in reach
        for phone in charter.school.phones:
            assert normal(phone.number.written) in reach
        for channel in charter.channels.channels:
            page = page_with(plain(view, channel.purpose))
            assert plain(view, channel.name) in pages[page]
            for rule in charter.agreements.rules:
                if rule.channel == channel.id and rule.short is not None:
                    assert plain(view, rule.short) in pages[page], f"{view.code}: {rule.id} not on the {channel.id} slide"
        protocol_channel = next(c for c in charter.channels.channels if c.id == charter.protocol.channel)
        protocol_channel = page_with(plain(view, protocol_channel.purpose))
        for offset, section in enumerate(charter.protocol.sections, start=1):
            page = pages[protocol_channel + offset]
            assert plain(view, section.title) in page, "the protocol's slides follow its channel's slide"
            for rule in charter.protocol.rules:
                if rule.section == section.id and rule.short is not None:
                    assert plain(view, rule.short) in page
        parents = pages[page_with(plain(view, labels.parents))]
        for rule in [*charter.agreements.rules, *charter.protocol.rules]:
            if rule.binds == ["parents"] and rule.short is not None:
                assert plain(view, rule.short) in parents
        pdca = pages[page_with(plain(view, labels.pdca))]
        for step in ("plan", "do", "check", "act"):
            assert plain(view, getattr(view.charter.quality.pdca, step).name) in pdca
            for item in getattr(charter.quality.pdca, step).items:
                assert plain(view, item) in pdca
        closing = pages[-1]
        assert plain(view, labels.questions) in closing
        assert outputs.site_url(view).removeprefix("https://").rstrip("/") in closing


def test_other_language_does_not_leak(built_site, languages):
    """A slide in English shows no Dutch label, and the other way round."""
    for view in languages:
        text = " ".join(page_texts(built_site / outputs.slides_pdf(view)))
        for other in languages:
            if other.code != view.code:
                assert plain(other, other.charter.slides.labels.parents) not in text


def test_text_is_readable_from_the_back_of_the_room(built_site, languages):
    """Every character on every slide is at least 24 px (18 pt on a 1280 × 720 px page)."""
    for view in languages:
        with pdfplumber.open(built_site / outputs.slides_pdf(view)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                sizes = [c["size"] for c in page.chars if c["text"].strip()]
                assert sizes, f"slide {number} ({view.code}) has no text"
                assert min(sizes) >= 18 - 0.01, f"slide {number} ({view.code}) has text of {min(sizes):.1f} pt"


def test_notes_handout_has_every_slide_and_the_full_texts(built_site, languages):
    for view in languages:
        charter = view.charter
        path = built_site / outputs.slides_notes_pdf(view)
        with pdfplumber.open(path) as pdf:
            assert {(round(p.width), round(p.height)) for p in pdf.pages} == {(595, 842)}, "A4 portrait"
        text = "".join(page_texts(path))
        if view.direction == "rtl":
            text = RightToLeftPage(text)
        slide_word = plain(view, charter.slides.labels.slide)
        total = expected_slide_count(charter)
        for number in range(1, total + 1):
            assert normal(f"{slide_word} {number} / {total}") in text
        # Speaker notes come from the full texts: every agreement and protocol rule, the vision, the protocol's intro.
        for rule in [*charter.agreements.rules, *charter.protocol.rules]:
            assert plain(view, rule.text) in text, f"{view.code}: the full text of {rule.id} is not in the notes"
            for item in rule.items:
                assert plain(view, item) in text
        for paragraph in [*charter.quality.vision, *charter.protocol.intro]:
            assert plain(view, paragraph) in text


def test_the_handout_shows_each_slide_as_the_decks_own_page(built_site, languages):
    """The handout's thumbnails are the deck's pages themselves (the deck is laid out once): slide N's words
    sit inside its frame above its notes, and the thumbnail is an artifact that names no id of the deck's tags."""
    import re

    from pypdf import PdfReader

    for view in languages:
        deck = PdfReader(built_site / outputs.slides_pdf(view))
        handout_path = built_site / outputs.slides_notes_pdf(view)
        handout = PdfReader(handout_path)
        forms = {}
        for number, page in enumerate(handout.pages):
            content = page.get_contents().get_data()
            for name in re.findall(rb"/Artifact BMC q [-\d. ]+ cm /(DigicharterSlide\d+) Do Q EMC", content):
                form = page["/Resources"]["/XObject"]["/" + name.decode()].get_object()
                forms[int(name[len("DigicharterSlide"):])] = (number, form.get_data())
        assert sorted(forms) == list(range(len(deck.pages))), f"{view.code}: one thumbnail per slide"
        with pdfplumber.open(built_site / outputs.slides_pdf(view)) as deck_pdf:
            deck_words = [page.extract_words() for page in deck_pdf.pages]
        with pdfplumber.open(handout_path) as pdf:
            for index, deck_page in enumerate(deck.pages):
                number, drawn = forms[index]
                assert b"MCID" not in drawn and drawn == re.sub(
                    rb"/[A-Za-z0-9_.]+\s*<<[^<>]*>>\s*BDC", b"/Span BMC", deck_page.get_contents().get_data()
                )
                # The slide's own words are drawn inside the frame on the handout page that holds its notes.
                page = pdf.pages[number]
                frame = next(r for r in page.rects if r["width"] > 400 and r["height"] > 200)
                inside = page.crop((frame["x0"], frame["top"], frame["x1"], frame["bottom"]))
                def words(found) -> set[str]:  # Arabic's vowel marks sit differently at half size: letters only
                    return {normal(w["text"]) for w in found if not any(unicodedata.category(c) == "Mn" for c in w["text"])}

                slide_words = words(deck_words[index])
                assert slide_words and slide_words <= words(inside.extract_words()), \
                    f"{view.code}: slide {index + 1}"


def test_facts_on_the_slides_are_written_in_the_decks_language(built_site, languages):
    """Office hours and the teacher's address pattern follow each deck's language (they used to show in Dutch)."""
    from digicharter.schema.base import SAME, Text

    for view in languages:
        text = "".join(page_texts(built_site / outputs.slides_pdf(view)))
        facts = [f"{{period.{phone.hours}}}" for phone in view.charter.school.phones if phone.hours] + ["{teacher_email}"]
        for fact in facts:
            written = " ".join(view.raw(Text(((SAME, fact),))).split())
            assert reads_in(written, text, view.direction), f"{view.code}: {fact} is not written as {written!r} on the slides"


def test_pdfs_are_tagged_and_titled(built_site, languages):
    from pypdf import PdfReader

    for view in languages:
        titles = {
            outputs.slides_pdf(view): plain(view, view.charter.settings.title),
            outputs.slides_notes_pdf(view): plain(view, view.charter.slides.labels.handout),
        }
        for path, title in titles.items():
            reader = PdfReader(built_site / path)
            root = reader.trailer["/Root"]
            assert "/StructTreeRoot" in root, f"{path} is not tagged"
            assert str(root.get("/Lang")) == view.code
            assert normal(title) in normal(reader.metadata.title or "")


def test_closing_slide_qr_codes_open_the_website_and_the_calendar(built_site, languages, tmp_path):
    """The QR codes on the last slide, rendered as a projector would show them, scan to the site in that
    language and (the example has calendar.yaml) to that language's calendar to subscribe to, a file the build wrote."""
    import subprocess

    for view in languages:
        pdf = built_site / outputs.slides_pdf(view)
        total = expected_slide_count(view.charter)
        prefix = tmp_path / f"closing-{view.code}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "72", "-f", str(total), "-l", str(total), "-singlefile", str(pdf), str(prefix)],
            check=True,
        )
        scanned = subprocess.run(
            ["zbarimg", "--quiet", "--raw", f"{prefix}.png"], capture_output=True, text=True, check=True
        ).stdout.split()
        calendar = outputs.absolute_url(view, outputs.calendar_ics(view))
        assert sorted(scanned) == sorted([outputs.site_url(view), calendar])
        assert (built_site / outputs.calendar_ics(view)).read_bytes().startswith(b"BEGIN:VCALENDAR")
