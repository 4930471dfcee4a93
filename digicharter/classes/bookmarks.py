"""``digicharter bookmark --classes``: one print sheet per class, all its strips personalised, and one PDF for all.

The class's own section (its teachers, their addresses, the codes to follow
it, a part-time teacher's days) goes first on the front; the rest is the
school's bookmark. Every class goes through the same fit check as the
school's bookmark, so a name too long to fit stops the run naming the class.
Everything is written into a private folder, which may not lie inside the
website's output: class codes and teachers' addresses are not public.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from babel.dates import get_day_names
from markupsafe import Markup
from pypdf import PdfWriter

from ..errors import DigicharterError, OutputError
from ..escaping import html_attr, html_text
from ..i18n import _
from ..loading.charter_loader import load_charter
from ..render.bookmark.sheet import write_sheet
from ..render.bookmark.content import EMAIL_ICON, Face, Line, Section, faces, typeset
from ..render.bookmark.strip import lay_out_strip
from ..view import LanguageView, views
from .loading import load_classes, pattern_address
from .model import WEEKDAYS, SchoolClass

CLASS_ICON = "account-group"
TEACHER_ICON = "account"


def teacher_address(view: LanguageView, teacher) -> str:
    """The teacher's own address, or the school's pattern applied to the name."""
    return teacher.email or pattern_address(teacher.name, view.charter.school.teacher_email.domain)


def class_section(view: LanguageView, school_class: SchoolClass) -> Section:
    labels = view.charter.bookmark.labels
    days = get_day_names("abbreviated", locale=view.language.locale)
    lines: list[Line] = []
    for teacher in school_class.teachers:
        text = teacher.name
        if teacher.days:
            names = ", ".join(days[WEEKDAYS.index(day)] for day in teacher.days)
            text += f" ({view.raw(labels.at_school)}: {names})"
        lines.append(Line("class", school_class.id, typeset(str(html_text(text))), TEACHER_ICON, plain=text))
        address = teacher_address(view, teacher)
        lines.append(Line("class", school_class.id,
                          Markup(f'<a href="mailto:{html_attr(address)}" dir="ltr">{typeset(str(html_text(address)))}</a>'),
                          EMAIL_ICON, plain=address))
    for channel_id, code in school_class.follow.items():
        channel = view.channel(channel_id)
        text = f"{view.raw(channel.name)} {view.raw(labels.class_code)}: {code}"
        lines.append(Line("class", school_class.id, typeset(str(html_text(text))), channel.icon, plain=text))
    heading = html_text(f"{view.raw(labels.your_class)}: {school_class.name}")
    return Section(heading=heading, icon=CLASS_ICON, show_icons=True, lines=lines)


def class_faces(view: LanguageView, school_class: SchoolClass) -> list[Face]:
    """The school's faces with the class's section at the top of the face bookmark.yaml names.

    The lines ``class_bookmark.leave_out`` names are left out of that face to
    make room; a section left empty goes too.
    """
    where = view.charter.bookmark.class_bookmark
    personal = []
    for face in faces(view):
        if face.name == where.face:
            kept = [replace(s, lines=[line for line in s.lines if line.ref not in where.leave_out]) for s in face.sections]
            kept = [s for s in kept if s.lines]
            section = class_section(view, school_class)
            sections = [section, *kept]
            face = replace(face, sections=sections, lines=[line for s in sections for line in s.lines])
        personal.append(face)
    return personal


def refuse_public_output(private: Path, public: Path) -> None:
    private, public = private.resolve(), public.resolve()
    if private == public or public in private.parents or private in public.parents:
        raise DigicharterError(_(
            "class bookmarks hold class codes and teachers' addresses, which are not public: {folder} is or holds "
            "the website's folder {site}; choose a folder outside it, e.g. --private-output class-bookmarks").format(
                folder=private, site=public))


def build_class_bookmarks(charter_dir: Path, classes_file: Path, out_dir: Path, site_dir: Path,
                          quiet: bool = False) -> list[Path]:
    """Check every class in every language, then write ``out_dir/<language>/<class>.pdf`` and ``all-classes.pdf``."""
    refuse_public_output(out_dir, site_dir)
    charter = load_charter(charter_dir, strict=True).charter
    classes = load_classes(classes_file, charter).classes
    languages = views(charter)
    personal = {(view.code, c.id): class_faces(view, c) for view in languages for c in classes}
    problems = []
    strips = {}
    for view in languages:
        for school_class in classes:
            try:
                strips[(view.code, school_class.id)] = lay_out_strip(view, personal[(view.code, school_class.id)], charter_dir)
            except OutputError as exc:
                problems.append(_("class '{id}' ({name}): {problem}").format(
                    id=school_class.id, name=school_class.name, problem=exc))
    if problems:
        raise OutputError("\n".join(problems))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-new-", dir=out_dir.parent))
    written = []
    try:
        for view in languages:
            folder = staging / view.code
            folder.mkdir()
            combined = PdfWriter()
            for school_class in classes:
                key = (view.code, school_class.id)
                target = write_sheet(view, personal[key], strips[key], folder / f"{school_class.id}.pdf")
                combined.append(str(target))
                written.append(out_dir / view.code / target.name)
                if not quiet:
                    print(_("    class bookmark ({code}) → {file}").format(code=view.code, file=f"{view.code}/{target.name}"))
            combined.add_metadata({"/Title": _("Class bookmarks, all classes ({code})").format(code=view.code)})
            with (folder / "all-classes.pdf").open("wb") as handle:
                combined.write(handle)
            written.append(out_dir / view.code / "all-classes.pdf")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return written
