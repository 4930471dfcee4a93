"""Read and check ``classes.yaml`` like every charter file: all problems at once, at file:line."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pydantic import ValidationError

from ..errors import CharterError, Problem, display_path
from ..i18n import _
from ..loading.error_messages import did_you_mean, problems_from_validation
from ..loading.places import describe_place
from ..loading.yaml_loader import YamlProblem, load_yaml_file
from ..schema import Charter
from .model import Classes

_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")


def load_classes(path: Path, charter: Charter) -> Classes:
    """The classes, checked against the charter (channels, the e-mail pattern); raise with every problem."""
    shown = display_path(path)
    if not path.is_file():
        raise CharterError([Problem(shown, 0, 0, "", _("this file is missing: write the classes in {file} "
                                                        "(see the README, 'Class bookmarks')").format(file=path.name))])
    try:
        loaded = load_yaml_file(path, shown)
    except YamlProblem as exc:
        raise CharterError([exc.problem]) from None
    except OSError as exc:
        raise CharterError([Problem(shown, 0, 0, "", _("cannot read this file: {reason}").format(reason=exc.strerror))]) from None
    try:
        classes = Classes.model_validate(loaded.data)
    except ValidationError as exc:
        raise CharterError(problems_from_validation(exc, Classes, "classes", {"classes": loaded})) from None
    problems = []
    channels = [c.id for c in charter.channels.channels]
    seen: dict[str, int] = {}
    for i, school_class in enumerate(classes.classes):
        if school_class.id in seen:
            mark = loaded.mark_for(("classes", i, "id"))
            problems.append(Problem(shown, mark.line, mark.column, describe_place(loaded, ("classes", i, "id")), _(
                "the class id '{id}' is used twice (first on line {line}); ids must be unique").format(
                    id=school_class.id, line=seen[school_class.id])))
        seen.setdefault(school_class.id, loaded.mark_for(("classes", i, "id")).line)
        for channel, code in school_class.follow.items():
            mark = loaded.mark_for(("classes", i, "follow", channel))
            place = describe_place(loaded, ("classes", i, "follow", channel))
            if channel not in channels:
                problems.append(Problem(shown, mark.line, mark.column, place, _(
                    "unknown channel '{value}'{did_you_mean} (the channels are in {file})").format(
                        value=channel, did_you_mean=did_you_mean(channel, channels), file="channels.yaml")))
            if not _CODE.match(code):
                problems.append(Problem(shown, mark.line, mark.column, place, _(
                    "a class code is letters, digits, '-', '.' or '_' (at most 40), received '{code}'").format(
                        code=code[:40])))
    if problems:
        raise CharterError(problems)
    return classes


def pattern_address(name: str, domain: str) -> str:
    """firstname.lastname@domain from a teacher's name: lower case, accents and spaces dropped.

    "Ann De Sair" → ann.desair@…, "Zoë Van den Broeck" → zoe.vandenbroeck@… (the first word is the
    first name, the rest the last name, as Flemish schools write addresses).
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_name)
    first, rest = words[0], "".join(words[1:])
    return f"{first}.{rest}@{domain}" if rest else f"{first}@{domain}"
