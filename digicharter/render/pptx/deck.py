"""Write the deck as a .pptx with python-pptx: real text boxes, the school's colours, speaker notes.

The director adjusts a slide in PowerPoint or LibreOffice Impress before the
info evening, so every word is a text box in the deck's font (not a picture
of text), the notes are PowerPoint notes, and the QR code is an image. The
slides come from the same :func:`~digicharter.render.slides.outline.build_deck`
as the HTML deck and the PDF, so the three cannot disagree.

python-pptx escapes what it writes for XML; control characters, which XML
cannot hold at all, are removed at our boundary (:mod:`digicharter.escaping`).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

import segno
from markupsafe import Markup
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Inches, Pt

from ...assets import FONT_FAMILY
from ...escaping import without_controls
from ..slides.outline import Note, Point, Slide

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.6)


def plain(value: Any) -> str:
    """Slide text as plain text: tags gone, entities decoded, control characters removed."""
    if value is None:
        return ""
    return without_controls(Markup(value).striptags() if isinstance(value, Markup) else str(value))


def _bullet(paragraph, colour: RGBColor) -> None:
    """A real bullet (PowerPoint's own, so the director can change it), hanging in front of the text."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(Inches(0.35 * paragraph.level)))
    properties.set("indent", str(-Inches(0.3)))
    colour_element = properties.makeelement(qn("a:buClr"), {})
    colour_element.append(colour_element.makeelement(qn("a:srgbClr"), {"val": str(colour)}))
    properties.append(colour_element)
    properties.append(properties.makeelement(qn("a:buChar"), {"char": "•"}))


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


class _Writer:
    def __init__(self, colours, footer: str):
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDTH, HEIGHT
        self.layout = self.presentation.slide_layouts[6]  # blank: every box is ours
        self.primary = _rgb(colours.primary)
        self.accent = _rgb(colours.accent)
        self.background = _rgb(colours.background)
        self.footer = footer

    def text_box(self, slide, left, top, width, height, paragraphs: Iterable[tuple[str, int, bool, RGBColor, int]]):
        """A text box; each paragraph is (text, size in pt, bold, colour, level)."""
        box = slide.shapes.add_textbox(left, top, width, height)
        frame = box.text_frame
        frame.word_wrap = True
        first = True
        for text, size, bold, colour, level in paragraphs:
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            paragraph.level = level
            if level:
                _bullet(paragraph, colour)
            run = paragraph.add_run()
            run.text = text
            run.font.name = FONT_FAMILY
            run.font.size = Pt(size)
            run.font.bold = bold
            run.font.color.rgb = colour
            paragraph.space_after = Pt(size * 0.35)
        return box

    def fill(self, slide, colour: RGBColor) -> None:
        background = slide.background.fill
        background.solid()
        background.fore_color.rgb = colour

    def add(self, deck_slide: Slide) -> None:
        slide = self.presentation.slides.add_slide(self.layout)
        content = deck_slide.content
        heading = plain(deck_slide.heading)
        ink = RGBColor(0x1A, 0x1A, 0x1A)
        if deck_slide.kind == "title":
            self.fill(slide, self.primary)
            self.text_box(slide, MARGIN, Inches(1.8), WIDTH - 2 * MARGIN, Inches(4), [
                (plain(content.get("occasion")).upper(), 20, True, self.background, 0),
                (heading, 44, True, self.background, 0),
                (plain(content.get("school")), 24, False, self.background, 0),
            ])
        elif deck_slide.kind == "questions":
            self.fill(slide, self.primary)
            lines = [(heading, 40, True, self.background, 0)]
            lines += [(f"{plain(p['label'])} {plain(p['number'])}", 20, False, self.background, 0)
                      for p in content.get("phones", [])]
            lines += [(f"{plain(e['label'])} {plain(e['address'])}", 20, False, self.background, 0)
                      for e in content.get("emails", [])]
            self.text_box(slide, MARGIN, MARGIN, Inches(8), HEIGHT - 2 * MARGIN, lines)
            self.qr(slide, content["url"], Inches(9.4), Inches(1.4), Inches(3.4))
            self.text_box(slide, Inches(9.2), Inches(5.4), Inches(3.6), Inches(1.4), [
                (plain(content.get("website")), 16, True, self.background, 0),
                (content["url"].split("://", 1)[-1].rstrip("/"), 14, False, self.background, 0),
            ])
            if content.get("calendar_url"):  # under the contacts: the school year to subscribe to
                self.qr(slide, content["calendar_url"], MARGIN, Inches(5.0), Inches(1.9))
                self.text_box(slide, MARGIN + Inches(2.1), Inches(5.5), Inches(5.6), Inches(1.0), [
                    (plain(content.get("calendar")), 18, True, self.background, 0)])
        else:
            self.text_box(slide, MARGIN, Inches(0.45), WIDTH - 2 * MARGIN, Inches(1.1),
                          [(heading, 32, True, self.primary, 0)])
            self.text_box(slide, MARGIN, Inches(1.6), WIDTH - 2 * MARGIN, Inches(5.2), self.body(deck_slide, ink))
            self.text_box(slide, MARGIN, Inches(6.9), WIDTH - 2 * MARGIN, Inches(0.4), [
                (f"{self.footer}    {deck_slide.number} / {deck_slide.total}", 11, False, self.accent, 0)])
        slide.notes_slide.notes_text_frame.text = notes_text(deck_slide.notes)

    def body(self, deck_slide: Slide, ink: RGBColor) -> list[tuple[str, int, bool, RGBColor, int]]:
        """The slide's content as paragraphs, in the order the HTML deck shows it."""
        content = deck_slide.content
        lines: list[tuple[str, int, bool, RGBColor, int]] = []
        for key in ("kicker", "lead"):
            if content.get(key):
                lines.append((plain(content[key]), 22, key == "kicker", self.accent, 0))
        if deck_slide.kind == "vision":
            lines.append((plain(content.get("source")), 16, False, self.accent, 0))
        if deck_slide.kind == "reach":
            lines.append((plain(content.get("call")), 18, True, self.accent, 0))
            for phone in content.get("phones", []):
                extra = f" ({plain(phone['hours'])})" if phone.get("hours") else ""
                lines.append((f"{plain(phone['label'])}: {plain(phone['number'])}{extra}", 18, False, ink, 1))
            lines += [(plain(p.html), 18, False, ink, 1) for p in content.get("points", [])]
            lines.append((plain(content.get("write")), 18, True, self.accent, 0))
            for email in content.get("emails", []):
                lines.append((f"{plain(email['label'])}: {plain(email['address'])}", 18, False, ink, 1))
                if email.get("purpose"):
                    lines.append((plain(email["purpose"]), 14, False, ink, 2))
            teacher = content.get("teacher")
            if teacher:
                lines.append((f"{plain(teacher['label'])}: {plain(teacher['address'])}", 18, False, ink, 1))
            return lines
        if deck_slide.kind == "pdca":
            for step in content.get("steps", []):
                lines.append((plain(step["label"]), 18, True, self.primary, 0))
                lines += [(plain(text), 15, False, ink, 1) for text in step["texts"]]
            return lines
        points: list[Point] = content.get("points", [])
        lines += [(plain(point.html), 22 if len(points) <= 4 else 18, False, ink, 1) for point in points]
        return lines

    def qr(self, slide, url: str, left: int, top: int, size: int) -> None:
        image = io.BytesIO()
        segno.make(url, error="m", micro=False).save(image, kind="png", scale=12, border=4, dark="#000000",
                                                     light="#ffffff")
        image.seek(0)
        slide.shapes.add_picture(image, left, top, size, size)

    def save(self, path: Path, title: str, author: str, stamp: int) -> None:
        """Write the file with every date from ``stamp`` (SOURCE_DATE_EPOCH), so a build is reproducible."""
        moment = datetime.fromtimestamp(stamp, tz=timezone.utc).replace(tzinfo=None)
        properties = self.presentation.core_properties
        properties.title, properties.author = _property(title), _property(author)
        properties.last_modified_by = "Digicharter"
        properties.created = properties.modified = moment
        properties.revision = 1
        buffer = io.BytesIO()
        self.presentation.save(buffer)
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
                zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():  # python-pptx dates each part now: give them the build's moment
                fixed = zipfile.ZipInfo(info.filename, date_time=moment.timetuple()[:6])
                fixed.compress_type = zipfile.ZIP_DEFLATED
                target.writestr(fixed, source.read(info.filename))


def notes_text(notes: list[Note]) -> str:
    """Speaker notes as plain paragraphs: caption, paragraphs, a bulleted list, remarks."""
    blocks = []
    for note in notes:
        lines = [plain(note.caption)] if note.caption else []
        lines += [plain(p) for p in note.paragraphs]
        lines += ["• " + plain(item) for item in note.items]
        lines += [plain(p) for p in note.after]
        blocks.append("\n".join(line for line in lines if line))
    return "\n\n".join(block for block in blocks if block)


def write_pptx(slides: list[Slide], path: Path, *, colours, footer: str, title: str, author: str, stamp: int) -> None:
    """The deck in one language as ``path`` (.pptx, 16:9)."""
    writer = _Writer(colours, footer)
    for slide in slides:
        writer.add(slide)
    writer.save(path, title, author, stamp)


#: The Office file format's limit on a document property (python-pptx refuses a longer one).
PROPERTY_LIMIT = 255


def _property(value: str) -> str:
    """A document property (title, author) as Office can hold it: a long school name is shortened, not an error."""
    value = without_controls(value)
    return value if len(value) <= PROPERTY_LIMIT else value[: PROPERTY_LIMIT - 1].rstrip() + "…"
