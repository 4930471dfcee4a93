"""The agenda bookmark as built: page sizes, both faces' text in every language, a proper PDF, a working QR code.

Expected sizes and texts come from the charter model (bookmark.yaml and what it
names), never from the output; the PDFs are read back with pypdf, pdfplumber
and poppler, the QR code with zbarimg from a rendering of the page.
"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from digicharter import outputs
from digicharter.assets import PDF_ARABIC_FONT_FAMILY
from digicharter.render.bookmark.layout import sheet_layout
from digicharter.view import LanguageView, views
from helpers import reads_in, time_phrases

PT_PER_MM = 72 / 25.4


def normal(text: str) -> str:
    """Text without whitespace, break hints or direction marks: lines break differently on the strip than in the YAML."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    return re.sub(r"\s+", "", text)


def pdf_text(path: Path, page: int, box: tuple[float, float, float, float] | None = None) -> str:
    """The text of one page (from 0), or of a box on it in points, as poppler's pdftotext reads it.

    pdftotext puts right-to-left runs back in reading order (pdfplumber gives them as drawn,
    right to left), so an Arabic text is found as it was typed.
    """
    import subprocess

    area = []
    if box is not None:
        x0, top, x1, bottom = box
        area = ["-x", f"{x0:.0f}", "-y", f"{top:.0f}", "-W", f"{x1 - x0:.0f}", "-H", f"{bottom - top:.0f}"]
    done = subprocess.run(["pdftotext", "-r", "72", "-f", str(page + 1), "-l", str(page + 1), *area, str(path), "-"],
                          capture_output=True, text=True, check=True)
    return done.stdout


def page_texts(path: Path) -> list[str]:
    return [normal(pdf_text(path, index)) for index in range(len(pypdf.PdfReader(path).pages))]


def mm(points: float) -> float:
    return points / PT_PER_MM


@pytest.fixture(scope="module")
def languages(loaded) -> list[LanguageView]:
    return views(loaded.charter)


def test_strip_is_two_pages_of_the_bookmark_size_with_bleed_and_room_for_crop_marks(built_site, languages):
    for view in languages:
        size = view.charter.bookmark.size
        reader = pypdf.PdfReader(built_site / outputs.bookmark_pdf(view))
        assert len(reader.pages) == 2, f"{view.code}: a strip has a front and a back"
        for page in reader.pages:
            trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
            assert mm(float(trim.width)) == pytest.approx(size.width_mm, abs=0.05)
            assert mm(float(trim.height)) == pytest.approx(size.height_mm, abs=0.05)
            assert mm(float(bleed.width) - float(trim.width)) == pytest.approx(2 * size.bleed_mm, abs=0.05)
            assert mm(float(bleed.height) - float(trim.height)) == pytest.approx(2 * size.bleed_mm, abs=0.05)
            # The crop marks sit outside the bleed: the page reaches further than the bleed box.
            assert float(media.width) > float(bleed.width) + 5 * PT_PER_MM
            assert float(media.height) > float(bleed.height) + 5 * PT_PER_MM


def test_strip_has_crop_marks_on_the_trim_lines_outside_the_bleed(built_site, languages):
    for view in languages:
        page = pypdf.PdfReader(built_site / outputs.bookmark_pdf(view)).pages[0]
        trim, bleed, media = page.trimbox, page.bleedbox, page.mediabox
        with pdfplumber.open(built_site / outputs.bookmark_pdf(view)) as pdf:
            lines = pdf.pages[0].lines
        # pdfplumber keeps PDF x coordinates but counts y from the media box's bottom edge.
        vertical = [(e["x0"], e["y0"] + float(media.bottom), e["y1"] + float(media.bottom)) for e in lines if e["x0"] == e["x1"]]
        horizontal = [(e["y0"] + float(media.bottom), e["x0"], e["x1"]) for e in lines if e["y0"] == e["y1"]]

        def marked(marks, at: float, low: float, high: float) -> int:
            """Marks on the line ``at`` that stay clear of the bleed interval (low, high)."""
            return sum(1 for pos, a, b in marks if abs(pos - at) < 0.5 and (b <= low or a >= high))

        for x in (float(trim.left), float(trim.right)):
            assert marked(vertical, x, float(bleed.bottom), float(bleed.top)) == 2, f"{view.code}: x={x}"
        for y in (float(trim.bottom), float(trim.top)):
            assert marked(horizontal, y, float(bleed.left), float(bleed.right)) == 2, f"{view.code}: y={y}"


def test_sheet_is_a4_with_fronts_then_backs(built_site, languages):
    for view in languages:
        sheet = view.charter.bookmark.sheet
        reader = pypdf.PdfReader(built_site / outputs.bookmark_sheet_pdf(view))
        assert len(reader.pages) == 2, f"{view.code}: one page of fronts, one of backs"
        for page in reader.pages:
            assert mm(float(page.mediabox.width)) == pytest.approx(sheet.width_mm, abs=0.05)
            assert mm(float(page.mediabox.height)) == pytest.approx(sheet.height_mm, abs=0.05)
        texts = page_texts(built_site / outputs.bookmark_sheet_pdf(view))
        tagline = normal(view.text(view.charter.bookmark.labels.tagline, "plain"))
        caption = normal(view.text(view.charter.bookmark.labels.qr_caption, "plain"))
        assert tagline in texts[0] and caption not in texts[0]
        assert caption in texts[1] and tagline not in texts[1]


def strip_centres(page, school_name: str) -> list[float]:
    """The horizontal centre of every strip on a sheet page: the school's name is centred at each strip's foot."""
    return sorted((hit["x0"] + hit["x1"]) / 2 for hit in page.search(school_name))


def test_sheet_holds_as_many_strips_as_fit_backs_behind_their_fronts(built_site, languages):
    for view in languages:
        charter = view.charter
        size, sheet = charter.bookmark.size, charter.bookmark.sheet
        with pdfplumber.open(built_site / outputs.bookmark_sheet_pdf(view)) as pdf:
            front = strip_centres(pdf.pages[0], charter.school.name)
            back = strip_centres(pdf.pages[1], charter.school.name)
            width = float(pdf.pages[0].width)
            cut_xs = sorted({round(r["x0"] + r["width"] / 2, 1) for r in pdf.pages[0].rects if 0 < r["width"] < 0.5})
        usable = sheet.width_mm - 2 * sheet.margin_mm - 2 * size.bleed_mm
        expected = int((usable + sheet.gap_mm) // (size.width_mm + sheet.gap_mm))
        assert len(front) == len(back) == expected >= 1, f"{view.code}: {len(front)} fronts, {len(back)} backs"
        pitch = (size.width_mm + sheet.gap_mm) * PT_PER_MM
        assert [b - a for a, b in zip(front, front[1:])] == pytest.approx([pitch] * (expected - 1), abs=0.2)
        # Long-edge duplex turns the paper over around its vertical axis: a back lies at the mirrored place.
        assert sorted(width - x for x in back) == pytest.approx(front, abs=0.2)
        # Thin cut marks at both edges of every strip.
        for centre in front:
            for edge in (centre - size.width_mm * PT_PER_MM / 2, centre + size.width_mm * PT_PER_MM / 2):
                assert any(abs(x - edge) < 0.3 for x in cut_xs), f"{view.code}: no cut mark at x={edge:.1f} ({cut_xs})"


def expected_face_texts(view: LanguageView, face_name: str) -> list[str]:
    """Every word the charter puts on a face: headings, the chosen agreements' short texts, the contacts."""
    charter = view.charter
    face = getattr(charter.bookmark, face_name)
    out = []
    for section in face.sections:
        out.append(view.text(section.heading, "plain"))
        for item in section.items:
            if item.agreement:
                out.append(view.text(view.agreement(item.agreement).short, "plain"))
            elif item.phone:
                phone = next(p for p in charter.school.phones if p.id == item.phone)
                out += [view.raw(phone.short or phone.label), phone.number.written]
                if phone.hours:
                    out.append(_period(view, phone.hours))
            elif item.events:
                from digicharter.schoolyear.event_lines import dates_line

                out.append(dates_line(view, [e for e in charter.calendar.events if e.kind == item.events]))
            else:
                email = next(e for e in charter.school.emails if e.id == item.email)
                out += [view.raw(email.label), email.address]
    return out


def _period(view: LanguageView, period_id: str) -> str:
    from digicharter.facts import Reference

    return view.fact(Reference("period", period_id, None, f"{{period.{period_id}}}")).display


def face_texts(built_site: Path, view: LanguageView) -> list[tuple[str, str, str]]:
    """(where, face name, text) of every face in the strip and of every copy on the sheet."""
    out = []
    for index, text in enumerate(page_texts(built_site / outputs.bookmark_pdf(view))):
        out.append(("strip", ("front", "back")[index], text))
    layout = sheet_layout(view.charter.bookmark.size, view.charter.bookmark.sheet)
    sheet = built_site / outputs.bookmark_sheet_pdf(view)
    for page, side, placements in ((0, "front", layout.front), (1, "back", layout.back)):
        for number, placement in enumerate(placements):
            trim = placement.trim
            box = tuple(v * PT_PER_MM for v in (trim.x, trim.y, trim.right, trim.bottom))
            out.append((f"sheet copy {number + 1}", side, normal(pdf_text(sheet, page, box))))
    return out


def test_every_chosen_agreement_and_contact_is_on_its_face_in_every_language(built_site, languages):
    for view in languages:
        charter = view.charter
        labels = charter.bookmark.labels
        faces = face_texts(built_site, view)
        assert len(faces) == 2 + 2 * len(sheet_layout(charter.bookmark.size, charter.bookmark.sheet).front)
        for where, face, text in faces:
            expected = expected_face_texts(view, face) + [
                view.text(labels.title, "plain"), charter.school.short_name, charter.school.name
            ]
            expected += (
                [view.text(labels.tagline, "plain")]
                if face == "front"
                else [view.text(labels.qr_caption, "plain"), outputs.site_url(view).split("://")[1].rstrip("/")]
            )
            for words in expected:
                # Case-blind: the stylesheet may set contact labels and the school's name in capitals.
                assert reads_in(words, text, view.direction), f"{view.code} {where}: {words!r} is not on the {face}"


def test_the_other_language_is_not_on_the_bookmark(built_site, languages):
    first, second = languages[0], languages[1]
    pages = page_texts(built_site / outputs.bookmark_pdf(first))
    for face in ("front", "back"):
        for text in expected_face_texts(second, face):
            if normal(text) not in "".join(normal(t) for t in expected_face_texts(first, face)):
                assert normal(text) not in "".join(pages), f"{first.code} bookmark shows {second.code} text {text!r}"


def test_fonts_embedded_tagged_with_title_language_and_author(built_site, languages):
    for view in languages:
        labels = view.charter.bookmark.labels
        for path, title in (
            (outputs.bookmark_pdf(view), labels.document_title),
            (outputs.bookmark_sheet_pdf(view), labels.sheet_title),
        ):
            reader = pypdf.PdfReader(built_site / path)
            root = reader.trailer["/Root"]
            assert bool(root["/MarkInfo"]["/Marked"]), f"{path}: not a tagged PDF"
            assert "/StructTreeRoot" in root, f"{path}: no structure tree"
            assert root["/Lang"] == view.code
            assert reader.metadata.title == view.text(title, "plain")
            assert reader.metadata.author == view.charter.school.name
            fonts = {}
            for page in reader.pages:
                for font in page["/Resources"]["/Font"].values():
                    font = font.get_object()
                    descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
                    descriptor = descendant["/FontDescriptor"].get_object()
                    fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert fonts and all(fonts.values()), f"{path}: fonts not embedded: {fonts}"
            # Atkinson Hyperlegible has no Arabic letters: in a PDF those come from our own DejaVu Sans.
            ours = [name for name in fonts if "Atkinson" in name or PDF_ARABIC_FONT_FAMILY.replace(" ", "-") in name]
            assert ours == list(fonts), f"{path}: a font that is not ours: {sorted(fonts)}"


def test_every_pdf_draws_with_our_own_fonts_and_arabic_with_dejavu(built_site, languages):
    """pdffonts (poppler) on every PDF of the build: Atkinson Hyperlegible in each, Arabic in DejaVu Sans, nothing else.

    The website draws Arabic with Noto Sans Arabic; in a PDF its glyphs (a dotless shape shared by many
    letters, plus dots) would make pdftotext read other letters than the ones typed. DejaVu Sans comes
    from our own files under a name of its own, never from the system's fonts.
    """
    pdfs = sorted(built_site.rglob("*.pdf"))
    assert len(pdfs) >= 4 * len(languages) and any("-ar" in pdf.stem for pdf in pdfs)
    dejavu = PDF_ARABIC_FONT_FAMILY.replace(" ", "-")
    for pdf in pdfs:
        lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        names = [line.split()[0].split("+", 1)[-1] for line in lines]
        assert any(name.startswith("Atkinson-Hyperlegible") for name in names), (pdf.name, names)
        assert all(name.startswith(("Atkinson-Hyperlegible", dejavu)) for name in names), (pdf.name, names)
        assert any(name.startswith(dejavu) for name in names) == ("-ar" in pdf.stem), (pdf.name, names)


def test_times_phone_numbers_and_french_punctuation_never_break_inside_in_any_pdf(built_site, loaded, languages):
    """Every PDF of every language, read back by pdftotext line by line: a time or duration with its unit
    ("8.30 u", "48 uur") and a phone number ("011 621 613") never run over two lines, and a ":", ";", "?" or
    "!" never starts a line (French sets it after a narrow no-break space, which must hold it to its word).

    The phrases come from the model (times.yaml and the school's phones, as each language writes them).
    """
    phrases = time_phrases(loaded)
    seen = 0
    for view in languages:
        wanted = [*phrases[view.code], *(phone.number.written for phone in view.charter.school.phones)]
        assert len(wanted) > 3, view.code
        for path in (outputs.bookmark_pdf(view), outputs.bookmark_sheet_pdf(view), outputs.slides_pdf(view),
                     outputs.slides_notes_pdf(view)):
            text = subprocess.run(["pdftotext", str(built_site / path), "-"], capture_output=True, text=True,
                                  check=True).stdout.replace("\u00a0", " ").replace("\u202f", " ")
            for phrase in wanted:
                tokens = [re.escape(token) for token in phrase.replace("\u00a0", " ").replace("\u202f", " ").split()]
                found = [m.group(0) for m in re.finditer(r"(?<![\w.])" + r"[ \n]+".join(tokens) + r"(?![\w])", text)]
                seen += len(found)
                assert not [m for m in found if "\n" in m], (path, phrase)
            starts = [line for line in text.splitlines() if line.strip()[:1] in (":", ";", "?", "!")]
            assert starts == [], (path, starts[:3])
    assert seen > 10 * len(languages)  # the phrases were found at all: the check looked at them


def test_qr_code_on_the_back_has_alternative_text(built_site, languages):
    for view in languages:
        reader = pypdf.PdfReader(built_site / outputs.bookmark_pdf(view))
        figures = []

        def walk(node) -> None:
            node = node.get_object()
            if isinstance(node, dict):
                if node.get("/S") == "/Figure":
                    figures.append(str(node.get("/Alt", "")))
                kids = node.get("/K")
                for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
                    if not isinstance(kid, int):
                        walk(kid)

        walk(reader.trailer["/Root"]["/StructTreeRoot"])
        assert figures == [view.text(view.charter.bookmark.labels.qr_alt, "plain")]


def test_no_text_smaller_than_7_pt(built_site, languages):
    for view in languages:
        for path in (outputs.bookmark_pdf(view), outputs.bookmark_sheet_pdf(view)):
            with pdfplumber.open(built_site / path) as pdf:
                sizes = [char["size"] for page in pdf.pages for char in page.chars if char["text"].strip()]
                assert sizes and min(sizes) >= 7 - 0.01, f"{path}: text at {min(sizes):.2f} pt"


def decoded_qr_codes(pdf: Path, page: int, work: Path) -> list[str]:
    prefix = work / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), str(pdf), str(prefix)], check=True)
    image = next(work.glob(f"{prefix.name}*.png"))
    done = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    assert done.returncode == 0, f"no QR code found on {pdf.name} page {page}: {done.stderr}"
    return done.stdout.split()


def test_qr_codes_open_the_site_in_the_bookmarks_language(built_site, languages, tmp_path):
    for view in languages:
        url = outputs.site_url(view)
        layout = sheet_layout(view.charter.bookmark.size, view.charter.bookmark.sheet)
        on_sheet = decoded_qr_codes(built_site / outputs.bookmark_sheet_pdf(view), 2, tmp_path)
        assert on_sheet == [url] * len(layout.back), f"{view.code}: {on_sheet}"
        assert decoded_qr_codes(built_site / outputs.bookmark_pdf(view), 2, tmp_path) == [url]
    assert len({outputs.site_url(v) for v in languages}) == len(languages)
