"""Prove that every face fits the bookmark before anything is printed.

WeasyPrint drops text that does not fit a fixed-height box without a word. So
the faces are first laid out *flowing freely*, one per page of the strip's
size, with a marker at the start and at the end of each face and after each
line: if the end marker lands on a later page than the start, the face does
not fit, and the first line whose marker moved on is the one that runs over.
Only then, to say by how many millimetres, the face is laid out once more on
a page tall enough for everything and measured.

Words too long to wrap (an address …) would run past the cut edge instead:
every line of text is also checked to stay inside its box.

The build lays the strip out first and measures that (:mod:`.strip`,
:func:`placed_problem`): the check here runs when the strip shows a face that
does not fit, to say which line runs over and by how much.

A face of a thousand lines would take WeasyPrint minutes to lay out, only to
be refused. A face that does not fit with its first lines (each cut short)
does not fit with all of them either, so the check first lays out every face
cut to more than its page could ever hold (:func:`probe`); only if a cut face
fits after all is the whole face laid out. Messages name the worst few
problems and count the others.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from markupsafe import Markup, escape

from ...i18n import _, ngettext
from ...errors import OutputError
from ...loading.charter_loader import read_files
from ...outputs import site_url
from ...schema.charter import SECTION_FILES
from ...view import LanguageView
from .content import Face, Line, Section
from .html import fit_html
from ..pdf.writing import anchor_pages, render

PX_PER_MM = 96 / 25.4
#: Layout rounding WeasyPrint may leave between two boxes that touch (mm).
TOLERANCE_MM = 0.05
#: No line of text on the bookmark is less tall or a character less wide than this (mm): what a face could hold.
MIN_LINE_MM = 2.0
MIN_CHARACTER_MM = 1.0
#: How many too-wide lines a message names; the others are counted.
SHOWN = 3


@dataclass(frozen=True)
class Spill:
    """A face that does not fit: by how much, which line runs over, the last that fits, the tallest."""

    face: Face
    overflow_mm: float
    first_over: Line | None
    last_fitting: Line | None
    tallest: Line | None
    tallest_mm: float = 0.0
    lines: int = 0
    """How many lines the face has, when more than a face could ever hold (it was checked cut short)."""
    fitting: int = 0
    """How many of them fit, then."""
    at_least: bool = False
    """The face was checked cut short: ``overflow_mm`` is what the cut face lacks, the whole one lacks more."""


def probe(view: LanguageView, faces: list[Face]) -> tuple[list[Face], dict[str, str]]:
    """The faces cut to more lines and characters than the strip could ever show, and why each cut one was cut.

    The reason is "lines" when the face has more lines than could ever fit, else "text".

    Both are counted over the whole face: once the lines so far hold more text
    than the face could, the rest is left out and the last line cut short.
    """
    size = view.charter.bookmark.size
    most_lines = int(size.height_mm / MIN_LINE_MM) + 1
    most_characters = most_lines * int(size.width_mm / MIN_CHARACTER_MM)
    probed: list[Face] = []
    cut: dict[str, str] = {}
    for face in faces:
        lines_left, characters_left = most_lines, most_characters
        sections = []
        for section in face.sections:
            lines = []
            for line in section.lines:
                if lines_left <= 0 or characters_left <= 0:
                    break
                lines.append(_short_line(line, characters_left))
                lines_left -= 1
                characters_left -= len(line.plain) + len(line.label or "")
            sections.append(replace(section, lines=lines) if lines != section.lines else section)
        if sections != face.sections:
            cut[face.name] = "lines" if len(face.lines) > most_lines else "text"
            face = replace(face, sections=sections, lines=[line for section in sections for line in section.lines])
        probed.append(face)
    return probed, cut


def _short_line(line: Line, most: int) -> Line:
    """The line with at most ``most`` characters of text (as plain text: a cut through a tag must not break the HTML)."""
    if len(line.plain) <= most and len(line.label or "") <= most:
        return line
    label = Markup(escape(line.label.striptags()[:most])) if line.label else line.label
    return replace(line, text=Markup(escape(Markup(line.text).striptags()[:most])), label=label)


def check_fit(view: LanguageView, faces: list[Face], charter_dir: Path | None = None,
              measured: dict[str, float] | None = None) -> None:
    """Raise :class:`OutputError` if a face of the bookmark does not fit, naming language, face, line and size.

    ``measured`` holds, by face name, how many millimetres the laid-out strip
    shows the face's text running into its foot (:func:`strip_overflow`): what
    is printed decides, so that is the figure the message gives.
    """
    measured = measured or {}
    height = view.charter.bookmark.size.height_mm
    probed, cut = probe(view, faces)
    document = render(fit_html(view, probed, height))
    pages = anchor_pages(document)
    too_long = [(face, probe_face) for face, probe_face in zip(faces, probed)
                if pages[f"{face.name}-end"] != pages[face.name]]
    if too_long:
        raise OutputError(_message(view, [_spill(view, face, probe_face, pages, cut.get(face.name), measured.get(face.name))
                                          for face, probe_face in too_long], charter_dir))
    if cut:  # a cut face fits after all (no face of this size should): lay out the whole faces to decide
        document = render(fit_html(view, faces, height))
        pages = anchor_pages(document)
        too_long = [(face, face) for face in faces if pages[f"{face.name}-end"] != pages[face.name]]
        if too_long:
            raise OutputError(_message(view, [_spill(view, face, face, pages, None, measured.get(face.name))
                                              for face, _same in too_long], charter_dir))
    too_wide = too_wide_problems(view, [(face, page._page_box, 0.0) for face, page in zip(faces, document.pages)],
                                 charter_dir)
    if too_wide:
        raise OutputError("\n".join(too_wide))


def _spill(view: LanguageView, face: Face, laid_out: Face, pages: dict[str, int], cut: str | None,
           measured: float | None = None) -> Spill:
    """Which line of ``face`` ran onto the next page (and which was the last to stay), and by how much.

    ``laid_out`` is the face as it was laid out: ``face`` itself, or cut short by :func:`probe` (``cut`` says why).
    """
    start = pages[face.name]
    first_over = last_fitting = None
    fitting = 0
    for s, section in enumerate(laid_out.sections):
        for k, line in enumerate(section.lines):
            if pages[f"{face.name}-line-{s}-{k}"] == start:
                last_fitting = line
                fitting += 1
            elif first_over is None:
                first_over = line
    overflow, heights = _measure(view, laid_out, None if cut else measured)
    tallest = max(heights, key=lambda item: item[1], default=(None, 0.0))
    many = len(face.lines) if cut == "lines" else 0
    return Spill(face, overflow, first_over, last_fitting, tallest[0], tallest[1], many, fitting, cut is not None)


def _measure(view: LanguageView, face: Face, measured: float | None = None) -> tuple[float, list[tuple[Line, float]]]:
    """How much taller than the strip the face is, and how tall each line is.

    Measured with the face laid out alone on a page tall enough for all of it,
    unless the strip has ``measured`` it already.
    """
    height = view.charter.bookmark.size.height_mm
    tall = render(fit_html(view, [face], height * 20))
    anchors = tall.pages[0].anchors
    heights = [
        (line, (anchors[f"{face.name}-item-{s}-{k}"][3] - anchors[f"{face.name}-item-{s}-{k}"][1]) / PX_PER_MM)
        for s, section in enumerate(face.sections)
        for k, line in enumerate(section.lines)
        if f"{face.name}-item-{s}-{k}" in anchors  # (a face cut by probe() always fits on the tall page)
    ]
    box = anchors[face.name]
    if measured is not None:  # the strip was laid out: what it needs decides
        tall_mm = box[3] / PX_PER_MM - max(box[1] / PX_PER_MM, 0) - height
        return _strip_needs(view, face, max(tall_mm, measured if measured != float("inf") else 0.0)), heights
    measured = box[3] / PX_PER_MM - max(box[1] / PX_PER_MM, 0)
    if measured > height:
        return measured - height, heights
    # WeasyPrint's page breaking may ask a little more room than the box it lays out; find the
    # page height at which the face fits, to a tenth of a millimetre.
    low, high = height, height + 40
    while high - low > 0.1:
        middle = (low + high) / 2
        pages = anchor_pages(render(fit_html(view, [face], middle)))
        low, high = (low, middle) if pages[f"{face.name}-end"] == pages[face.name] else (middle, high)
    return high - height, heights


def _strip_needs(view: LanguageView, face: Face, overflow_mm: float) -> float:
    """How much taller the strip must be for ``face`` to fit, to a tenth of a millimetre.

    Found on the strip's own layout (the one printed), made taller: the
    free-flowing layout and the strip's fixed one differ by a few millimetres
    (the strip's foot sits in the face's last room), so ``overflow_mm``, what
    either measured, is only where the search starts.
    """
    from .html import strip_html

    def fits(height_mm: float) -> bool:
        document = render(strip_html(view, [face], height_mm))
        return strip_overflow(document, [("strip-", face.name)])[face.name] <= TOLERANCE_MM

    height = view.charter.bookmark.size.height_mm
    low, high = height, height + overflow_mm + 1
    for _attempt in range(4):
        if fits(high):
            break
        low, high = high, high + overflow_mm + 10
    while high - low > 0.1:
        middle = (low + high) / 2
        low, high = (low, middle) if fits(middle) else (middle, high)
    return high - height


def too_wide_problems(view: LanguageView, placed: list[tuple[Face, object, float]], charter_dir: Path | None) -> list[str]:
    """Lines of text that stick out of their box or past the safe margin: a word too long to wrap.

    WeasyPrint lets such a word (an address, a web link …) run on past the edge
    of its box, where the cutter would take it off. ``placed`` holds each face
    with the laid-out box it is in and the x (px) of the face's left edge. The
    messages name the worst few and count the others.
    """
    from weasyprint.formatting_structure import boxes

    size = view.charter.bookmark.size
    problems = []

    def walk(box, right_limit: float, face: Face) -> None:
        if isinstance(box, boxes.LineBox):
            texts = [child for child in box.descendants() if isinstance(child, boxes.TextBox)]
            right = max((child.position_x + child.width for child in texts), default=0)
            over = (right - right_limit) / PX_PER_MM
            if over > TOLERANCE_MM:
                words = "".join(child.text for child in texts)
                problems.append(_too_wide_message(view, face, words, over, charter_dir))
            return
        if isinstance(box, boxes.BlockContainerBox) and not isinstance(box, boxes.PageBox):
            right_limit = min(right_limit, box.content_box_x() + box.width)
        for child in getattr(box, "children", []):
            walk(child, right_limit, face)

    for face, box, left in placed:
        walk(box, left + (size.width_mm - size.margin_mm) * PX_PER_MM, face)
    if len(problems) > SHOWN:
        rest = len(problems) - SHOWN
        problems = problems[:SHOWN] + [ngettext("… and {count} more line that is too wide.",
                                                "… and {count} more lines that are too wide.", rest).format(count=rest)]
    return problems


def _too_wide_message(view: LanguageView, face: Face, words: str, over_mm: float, charter_dir: Path | None) -> str:
    words = words.replace("\u200b", "").replace("\u00a0", " ").strip()
    owner = next((line for line in face.lines if words and words in line.plain.replace("\u00a0", " ")), None)
    if owner is not None:
        what = _(" in {line}").format(line=owner.describe())
        fix = _("Shorten {text}, or put a space in it where a line may break.").format(text=_where(view, owner, charter_dir))
    else:
        what, fix = "", _("Shorten {text}.").format(text=_other_owner(view, words))
    return _(
        "the bookmark in {language} ({code}) does not fit: on its {face} face, “{words}”{line} is {over} mm too wide "
        "for its place. {fix}"
    ).format(language=view.language.name, code=view.code, face=_face(face.name), words=words, line=what,
             over=f"{over_mm:.1f}", fix=fix)


def _face(name: str) -> str:
    return {"front": _("front"), "back": _("back")}.get(name, name)


def _other_owner(view: LanguageView, words: str) -> str:
    """Where words that are not a line come from: a label, the school's name or the website address."""
    labels = view.charter.bookmark.labels
    for name in type(labels).model_fields:
        if words in view.text(getattr(labels, name), "plain"):
            return _("the label '{name}' ({code}) in {file}").format(name=name, code=view.code, file=SECTION_FILES["bookmark"])
    school = view.charter.school
    if words in school.name or words in school.short_name:
        return _("the school's name or short_name in {file}").format(file=SECTION_FILES["school"])
    if words in site_url(view):
        return _("the website address (site_url in {file}), printed under the QR code").format(file=SECTION_FILES["settings"])
    return _("the text")


def _message(view: LanguageView, spills: list[Spill], charter_dir: Path | None) -> str:
    language = f"{view.language.name} ({view.code})"
    parts = []
    for spill in spills:
        over = spill.overflow_mm
        height = f"{view.charter.bookmark.size.height_mm:g}"
        if spill.lines:
            text = _("the bookmark in {language} does not fit: its {face} face has {lines} lines, and only about {fitting} "
                     "fit on its {height} mm.").format(language=language, face=_face(spill.face.name), lines=spill.lines,
                                                     fitting=spill.fitting, height=height)
            text += " " + _("Remove lines from this face, or move some to the other face, in {file}.").format(
                file=SECTION_FILES["bookmark"])
            parts.append(text)
            continue
        if spill.at_least:
            text = _("the bookmark in {language} does not fit: its {face} face is more than {over} mm too long for its "
                     "{height} mm.").format(language=language, face=_face(spill.face.name), over=f"{over:.0f}", height=height)
        else:
            text = _("the bookmark in {language} does not fit: its {face} face is {over} mm too long for its {height} mm.").format(
                language=language, face=_face(spill.face.name), over=f"{over:.1f}", height=height)
        if spill.first_over is not None and spill.last_fitting:
            text += " " + _("It runs over at {line}; the last line that fits is {last}.").format(
                line=spill.first_over.describe(), last=spill.last_fitting.describe())
        elif spill.first_over is not None:
            text += " " + _("It runs over at {line}.").format(line=spill.first_over.describe())
        elif spill.face.qr:
            text += " " + _("Its lines fit, but leave no room for the foot under them (the QR code and the school's name).")
        else:
            text += " " + _("Its lines fit, but leave no room for the foot under them (the school's name).")
        tallest = spill.tallest
        if tallest is not None and (spill.first_over is None or tallest is spill.first_over):
            text += " " + _("Shorten {text} by about {mm} mm,").format(text=_where(view, tallest, charter_dir), mm=f"{max(over, 1):.0f}")
        elif tallest is not None:
            longest = _where(view, tallest, charter_dir)[:-1] + ", " + _("{mm} mm tall").format(mm=f"{spill.tallest_mm:.0f}") + ")"
            text += " " + _("Make {mm} mm of room: shorten the longest line on this face, {longest}, or {other},").format(
                mm=f"{over:.0f}", longest=longest, other=_where(view, spill.first_over, charter_dir))
        text += " " + _("or move a line to the other face in {file}.").format(file=SECTION_FILES["bookmark"])
        parts.append(text)
    return "\n".join(parts)


def _where(view: LanguageView, line: Line, charter_dir: Path | None) -> str:
    """The text to shorten, with its file and line when the charter folder is known."""
    if line.kind == "events":
        return _("the names of the '{kind}' events in calendar.yaml").format(kind=line.ref)
    if line.kind == "class":
        return _("the class '{id}' in classes.yaml (a teacher's name, an address or a class code)").format(id=line.ref)
    if line.kind == "agreement":
        what = _("the short text ({code}) of agreement '{id}'").format(code=view.code, id=line.ref)
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
    kind = _("phone number") if line.kind == "phone" else _("e-mail address")
    return _("the {field} ({code}) of {kind} '{id}' ({place})").format(
        field=field, code=view.code, kind=kind, id=line.ref,
        place=_location(charter_dir, "school", (collection, index, field, view.code)))


def _location(charter_dir: Path | None, section: str, path: tuple) -> str:
    name = SECTION_FILES[section]
    if charter_dir is None:
        return name
    try:
        loaded = read_files(charter_dir)[section]
    except Exception:  # the charter was valid a moment ago; a location is a courtesy, never a new failure
        return name
    return _("{file}:{line}").format(file=loaded.shown_as, line=loaded.mark_for(path).line)


def strip_overflow(document, copies: list[tuple[str, str]]) -> dict[str, float]:
    """By face name: how many mm the face's text runs into its foot on a laid-out strip (infinite if it left the page).

    ``copies`` lists (id prefix, face name) of every face placed in ``document``.
    A face fits when its figure is at most :data:`TOLERANCE_MM`.
    """
    positions: dict[str, tuple[int, tuple[float, ...]]] = {}
    for index, page in enumerate(document.pages):
        for anchor, box in page.anchors.items():
            positions.setdefault(anchor, (index, box))
    found = {}
    for prefix, name in copies:
        start = positions.get(f"{prefix}{name}")
        end = positions.get(f"{prefix}{name}-body-end")
        foot = positions.get(f"{prefix}{name}-foot")
        if not (start and end and foot) or not start[0] == end[0] == foot[0]:
            found[name] = float("inf")
        else:
            found[name] = (end[1][3] - foot[1][1]) / PX_PER_MM
    return found


def placed_problem(view: LanguageView, document, copies: list[tuple[str, str]], what: str) -> str | None:
    """On a laid-out strip, every face's text must end on its page, above its foot; else what is wrong, in words."""
    for name, over in strip_overflow(document, copies).items():
        if over > TOLERANCE_MM:
            return _("the bookmark {what} in {language} ({code}): the {face} face's text runs {over} mm into its foot; "
                     "shorten a line on the {face} face in {file}").format(
                what=_(what), language=view.language.name, code=view.code, face=_face(name),
                over=f"{max(over, 0):.1f}" if over != float("inf") else "?", file=SECTION_FILES["bookmark"])
    return None
