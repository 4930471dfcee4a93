"""Prove that every face fits the bookmark before anything is printed.

WeasyPrint drops text that does not fit a fixed-height box without a word. So
the faces are first laid out *flowing freely*, one per page of the strip's
size, with a marker at the start and at the end of each face: if the end
marker lands on a later page than the start, the face does not fit. Only
then, to say which line is too much and by how many millimetres, the face is
laid out once more on a page tall enough for everything, and the marker after
each line is measured against the strip's height.

The finished strip and sheet are checked again from their own layout
(:func:`check_placed`): the text must end above the foot on every copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError
from ..loading.charter_loader import read_files
from ..schema.charter import SECTION_FILES
from ..view import LanguageView
from .bookmark_content import Face, Line
from .bookmark_html import fit_html
from .pdf import anchor_pages

PX_PER_MM = 96 / 25.4
#: Layout rounding WeasyPrint may leave between two boxes that touch (mm).
TOLERANCE_MM = 0.05


@dataclass(frozen=True)
class Spill:
    """A face that does not fit: by how much, which line runs over and which is the last that fits."""

    face: Face
    overflow_mm: float
    first_over: Line | None
    last_fitting: Line | None


def check_fit(view: LanguageView, faces: list[Face], charter_dir: Path | None = None) -> None:
    """Raise :class:`OutputError` if a face of the bookmark does not fit, naming language, face, line and size."""
    import weasyprint

    height = view.charter.bookmark.size.height_mm
    document = weasyprint.HTML(string=fit_html(view, faces, height)).render()
    pages = anchor_pages(document)
    too_long = [face for face in faces if pages[f"{face.name}-end"] != pages[face.name]]
    if too_long:
        raise OutputError(_message(view, [_measure(view, faces, face) for face in too_long], charter_dir))
    too_wide = _too_wide(view, faces, document)
    if too_wide:
        raise OutputError("\n".join(too_wide))


def _too_wide(view: LanguageView, faces: list[Face], document) -> list[str]:
    """Lines of text that stick out past the safe margin: a word (an address …) too long to wrap.

    WeasyPrint lets such a word run on past the edge, where the cutter would take it off.
    """
    from weasyprint.formatting_structure import boxes

    size = view.charter.bookmark.size
    right_limit = (size.width_mm - size.margin_mm + TOLERANCE_MM) * PX_PER_MM
    problems = []
    for face, page in zip(faces, document.pages):
        for line in page._page_box.descendants():
            if not isinstance(line, boxes.LineBox):
                continue
            texts = [box for box in line.descendants() if isinstance(box, boxes.TextBox)]
            right = max((box.position_x + box.width for box in texts), default=0)
            if right > right_limit:
                words = "".join(box.text for box in texts).replace("\u200b", "").replace("\u00a0", " ").strip()
                owner = next((item for item in face.lines if words and words in item.plain.replace("\u00a0", " ")), None)
                what = owner.describe() if owner else f"“{words}”"
                problems.append(
                    f"the bookmark in {view.language.name} ({view.code}) does not fit: on its {face.name} face, "
                    f"“{words}” in {what} is {(right - right_limit) / PX_PER_MM:.1f} mm too wide to stay "
                    f"{size.margin_mm:g} mm from the edge. Shorten {_where(view, owner, None) if owner else 'it'}, "
                    "or put a space in it where a line may break."
                )
    return problems


def _measure(view: LanguageView, faces: list[Face], face: Face) -> Spill:
    """Lay the faces out on very tall pages and see where each line of ``face`` ends."""
    import weasyprint

    height = view.charter.bookmark.size.height_mm
    tall = weasyprint.HTML(string=fit_html(view, faces, height * 20)).render()
    positions: dict[str, tuple[float, float]] = {}
    for page in tall.pages:
        for anchor, box in page.anchors.items():
            positions.setdefault(anchor, (box[1] / PX_PER_MM, box[3] / PX_PER_MM))
    face_top = positions[face.name][0]
    end = positions[f"{face.name}-end"][1] - face_top
    first_over = last_fitting = None
    for s, section in enumerate(face.sections):
        for k, line in enumerate(section.lines):
            bottom = positions[f"{face.name}-line-{s}-{k}"][1] - face_top
            if bottom <= height + TOLERANCE_MM:
                last_fitting = line
            elif first_over is None:
                first_over = line
    return Spill(face, max(end - height, 0.1), first_over, last_fitting)


def _message(view: LanguageView, spills: list[Spill], charter_dir: Path | None) -> str:
    language = f"{view.language.name} ({view.code})"
    parts = []
    for spill in spills:
        text = (
            f"the bookmark in {language} does not fit: its {spill.face.name} face is {spill.overflow_mm:.1f} mm "
            f"too long for {view.charter.bookmark.size.height_mm:g} mm."
        )
        if spill.first_over is not None:
            text += f" It runs over at {spill.first_over.describe()}"
            text += f"; the last line that fits is {spill.last_fitting.describe()}." if spill.last_fitting else "."
            text += f" Shorten {_where(view, spill.first_over, charter_dir)}"
        else:
            text += " All lines fit, but not the foot under them. Shorten"
            text += f" {_where(view, spill.face.lines[-1], charter_dir)}" if spill.face.lines else " a heading"
        text += f", or move a line to the other face in {SECTION_FILES['bookmark']}."
        parts.append(text)
    return "\n".join(parts)


def _where(view: LanguageView, line: Line, charter_dir: Path | None) -> str:
    """The text to shorten, with its file and line when the charter folder is known."""
    if line.kind == "agreement":
        what = f"the {view.code} short text of agreement '{line.ref}'"
        for section in ("agreements", "protocol"):
            rules = getattr(view.charter, section).rules
            index = next((i for i, rule in enumerate(rules) if rule.id == line.ref), None)
            if index is not None:
                return f"{what} ({_location(charter_dir, section, ('rules', index, 'short', view.code))})"
        return what
    collection = "phones" if line.kind == "phone" else "emails"
    items = getattr(view.charter.school, collection)
    index = next(i for i, item in enumerate(items) if item.id == line.ref)
    field = "short" if line.kind == "phone" and items[index].short is not None else "label"
    return f"the {view.code} {field} of {line.kind} '{line.ref}' ({_location(charter_dir, 'school', (collection, index, field, view.code))})"


def _location(charter_dir: Path | None, section: str, path: tuple) -> str:
    name = SECTION_FILES[section]
    if charter_dir is None:
        return name
    try:
        loaded = read_files(charter_dir)[section]
    except Exception:  # the charter was valid a moment ago; a location is a courtesy, never a new failure
        return name
    return f"{loaded.shown_as}:{loaded.mark_for(path).line}"


def check_placed(view: LanguageView, document, copies: list[tuple[str, str]], what: str) -> None:
    """On a finished strip or sheet, every face's text must end above its foot (a second line of defence).

    ``copies`` lists (id prefix, face name) of every face placed in ``document``.
    The fit check has already passed, so this fails only if the fixed layout
    differs from the flowing one — a bug, but one that must never print cut text.
    """
    positions: dict[str, tuple[int, tuple[float, ...]]] = {}
    for index, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            positions.setdefault(anchor, (index, box))
    for prefix, name in copies:
        start_page, _ = positions[f"{prefix}{name}"]
        end_page, end = positions[f"{prefix}{name}-body-end"]
        foot_page, foot = positions[f"{prefix}{name}-foot"]
        over = (end[3] - foot[1]) / PX_PER_MM
        if not start_page == end_page == foot_page or over > TOLERANCE_MM:
            raise OutputError(
                f"the bookmark {what} in {view.language.name} ({view.code}): the {name} face's text runs "
                f"{max(over, 0):.1f} mm into its foot; shorten a line on the {name} face in {SECTION_FILES['bookmark']}"
            )
