"""The editable deck: read back with python-pptx, converted by LibreOffice, compared with the slide PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Emu

from digicharter.render.pptx.deck import notes_text, plain
from digicharter.render.slides.outline import build_deck
from digicharter.view import views

pytestmark = pytest.mark.slow


def _pages(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout for n in range(1, count + 1)]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _slide_text(slide) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


@pytest.mark.parametrize("index", [0, 1])
def test_every_slide_and_its_notes_read_back(built_site: Path, loaded, index: int, tmp_path: Path) -> None:
    view = views(loaded.charter)[index]
    deck = build_deck(view)
    presentation = Presentation(str(built_site / "downloads" / f"digicharter-slides-{view.code}.pptx"))
    assert (Emu(presentation.slide_width) / Emu(presentation.slide_height)) == pytest.approx(16 / 9, rel=1e-3)
    assert len(presentation.slides) == len(deck)
    for expected, slide in zip(deck, presentation.slides):
        text = _slide_text(slide)
        assert plain(expected.heading) in text
        for point in expected.content.get("points", []):
            assert plain(point.html) in text, (expected.key, plain(point.html))
        assert slide.notes_slide.notes_text_frame.text == notes_text(expected.notes)
        if expected.notes:
            assert notes_text(expected.notes).strip()
    closing = presentation.slides[-1]
    pictures = [shape for shape in closing.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    decoded = []
    for number, picture in enumerate(pictures):
        image = tmp_path / f"qr-{number}.png"
        image.write_bytes(picture.image.blob)
        done = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
        decoded.append(done.stdout.strip())
    # The website's code, and the calendar's (the example has calendar.yaml), each scannable.
    assert decoded == [deck[-1].content["url"], deck[-1].content["calendar_url"]]
    assert deck[-1].content["calendar_url"].endswith(f"/calendar/{view.code}.ics")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Impress is installed by scripts/setup.sh")
@pytest.mark.parametrize("code", ["nl", "en"])
def test_libreoffice_shows_the_same_words_on_every_slide_as_the_pdf(built_site: Path, code: str, tmp_path: Path) -> None:
    downloads = built_site / "downloads"
    converted = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(downloads / f"digicharter-slides-{code}.pptx")],
        capture_output=True, text=True, timeout=240)
    assert converted.returncode == 0, converted.stderr
    impress = _pages(tmp_path / f"digicharter-slides-{code}.pdf")
    weasyprint = _pages(downloads / f"digicharter-slides-{code}.pdf")
    assert len(impress) == len(weasyprint)
    for number, (ours, theirs) in enumerate(zip(weasyprint, impress), start=1):
        assert _words(theirs) == _words(ours), f"slide {number}"
