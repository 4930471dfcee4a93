"""Each bookmark face and each slide is laid out by WeasyPrint once per build.

The fit checks measure the very layout that is written: the strip is the
bookmark's fit check and the print sheet is made of the strip's laid-out
faces; the deck is the slides' fit check and the notes handout shows the
deck's own pages. Every document WeasyPrint gets goes through
``pdf.writing.html_document``, so counting what passes there counts layouts.
"""

from __future__ import annotations

import re

import pytest
from conftest import CHARTER

from digicharter.loading.charter_loader import load_charter
from digicharter.render.slides.build import build_deck
from digicharter.view import views

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def documents(weasyprint_build):
    """Every HTML WeasyPrint laid out for the example's bookmark and slides (no PDF cache), and the charter."""
    return weasyprint_build.documents, load_charter(CHARTER, strict=True).charter


def test_every_bookmark_face_is_laid_out_once(documents) -> None:
    seen, charter = documents
    for view in views(charter):
        mine = [html for html in seen if f'<html lang="{view.code}"' in html]
        for face in ("front", "back"):
            laid_out = [html for html in mine if f'class="face face-{face}"' in html]
            assert len(laid_out) == 1, f"{view.code}: the {face} face was laid out {len(laid_out)} times"
            assert f'id="strip-{face}"' in laid_out[0], "the strip's layout is the one measured and printed"


def test_every_slide_is_laid_out_once(documents) -> None:
    seen, charter = documents
    for view in views(charter):
        mine = [html for html in seen if f'<html lang="{view.code}"' in html]
        for slide in build_deck(view):
            laid_out = [html for html in mine if re.search(rf'class="slide slide--{slide.kind}[^"]*"\s+id="{slide.key}"', html)
                        or f'id="{slide.key}-start"' in html]
            assert len(laid_out) == 1, f"{view.code}: slide {slide.key} was laid out {len(laid_out)} times"
        frames = [html for html in mine if 'class="thumb-slot"' in html]
        assert frames and all('class="slide ' not in html for html in frames), "the handout lays out no slide again"
