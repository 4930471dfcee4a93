"""``digicharter new FOLDER``: a small, complete charter to start from, anywhere on disk.

A school should begin from something that already builds, not from an empty
folder and a list of required keys. The starter files (``digicharter/starter/``)
hold a few channels and agreements in Dutch, English and French, with Dutch
comments that explain every file and field; the outputs' own words come from
Digicharter's defaults (:mod:`digicharter.loading.defaults`), so the files
stay short. Every value the user gives is checked before anything is written,
and the result is checked strictly once written: ``new`` never leaves a charter
that ``build`` refuses.
"""

from __future__ import annotations

import argparse
import re
from datetime import date
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from .errors import CharterError, DigicharterError, InternalError
from .escaping import yaml_string
from .i18n import _

STARTER_DIR = Path(__file__).resolve().parent / "starter"


@dataclass(frozen=True)
class LanguageInfo:
    code: str
    name: str
    locale: str
    time_format: str


#: The languages the starter texts (and Digicharter's default words) are written in, in the templates' order.
LANGUAGES: dict[str, LanguageInfo] = {
    "nl": LanguageInfo("nl", "Nederlands", "nl_BE", "H.mm 'u'"),
    "en": LanguageInfo("en", "English", "en_GB", "HH:mm"),
    "fr": LanguageInfo("fr", "Français", "fr_BE", "HH:mm"),
}

DEFAULT_SCHOOL = "Onze school"
DEFAULT_LANGUAGES = ("nl", "en")
DEFAULT_SITE_URL = "https://www.onzeschool.be/"

_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass(frozen=True)
class Answers:
    """What the new charter is made of: the school's name, its languages (default first) and the website's address."""

    school_name: str
    languages: tuple[str, ...]
    site_url: str


def parse_languages(value: str) -> tuple[str, ...]:
    """``"nl,en"`` → ``("nl", "en")``; only languages Digicharter has words for."""
    codes = tuple(dict.fromkeys(code.strip().lower() for code in value.split(",") if code.strip()))
    if not codes:
        raise DigicharterError(_("give at least one language, e.g. --languages nl,en"))
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown:
        raise DigicharterError(
            _("a new charter can be made in {languages}, not in '{code}'; start with these and add another "
              "language later in charter.yaml ('digicharter check' then lists every text to translate)").format(
                languages=", ".join(LANGUAGES), code=unknown[0])
        )
    return codes


def check_school_name(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise DigicharterError(_("the school's name is empty; give it with --school-name, e.g. --school-name \"Basisschool De Boomhut\""))
    return name


def check_site_url(value: str) -> str:
    """An http(s) address with a host name that can also serve as the e-mail domain of the starter's addresses."""
    url = value.strip()
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not _DOMAIN.match(host):
        raise DigicharterError(
            _("'{url}' is not a website address: write it like https://www.onzeschool.be/").format(url=value)
        )
    return url if url.endswith("/") or parts.path not in ("", "/") else url.rstrip("/") + "/"


def mail_domain(site_url: str) -> str:
    """The starter's e-mail domain: the website's host without ``www.`` (the school changes it in school.yaml)."""
    host = (urlsplit(site_url).hostname or "").lower()
    return host[4:] if host.startswith("www.") and host.count(".") > 1 else host


def gather(args: argparse.Namespace, ask: Callable[[str], str] | None) -> Answers:
    """The options given, asked for when ``ask`` is set (a terminal), else the defaults (and say which)."""

    def value(given: str | None, question: str, default: str, check: Callable[[str], object]) -> str:
        if given is not None:
            return given
        if ask is None:
            print(_("{question}: {default} (the default; change it later in the charter)").format(
                question=question, default=default))
            return default
        while True:
            answer = ask(_("{question} [{default}]: ").format(question=question, default=default)).strip() or default
            try:
                check(answer)
            except DigicharterError as exc:
                print(exc)
                continue
            return answer

    name = value(args.school_name, _("The school's name"), DEFAULT_SCHOOL, check_school_name)
    languages = value(args.languages, _("Languages, the default language first"), ",".join(DEFAULT_LANGUAGES), parse_languages)
    site_url = value(args.site_url, _("The website's address"), DEFAULT_SITE_URL, check_site_url)
    return Answers(check_school_name(name), parse_languages(languages), check_site_url(site_url))


def refuse_non_empty(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise DigicharterError(_("{folder} exists and is not a folder; choose the name of a new or empty folder").format(folder=folder))
    if folder.is_dir() and any(folder.iterdir()):
        raise DigicharterError(
            _("{folder} is not empty; a new charter is written only into a new or empty folder, "
              "so that nothing of yours is overwritten").format(folder=folder)
        )


def render_files(answers: Answers) -> dict[str, str]:
    """File name → text of every charter file, in the chosen languages."""
    from .schema import SECTION_FILES

    def text(*per_language: str) -> str:
        """One starter text in every chosen language: a plain text for one language, else {nl: …, en: …}."""
        by_code = dict(zip(LANGUAGES, per_language, strict=True))
        chosen = [(code, by_code[code]) for code in answers.languages]
        if len(chosen) == 1:
            return yaml_string(chosen[0][1])
        return "{" + ", ".join(f"{code}: {yaml_string(value)}" for code, value in chosen) + "}"

    # Imported here: the CLI imports this module to register `new`, and `check` should not pay for Jinja.
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    from .schoolyear.holidays import school_year_of

    env = Environment(loader=FileSystemLoader(STARTER_DIR), undefined=StrictUndefined, keep_trailing_newline=True)
    context = {
        "t": text,
        "yaml": yaml_string,
        "school_name": answers.school_name,
        "languages": [LANGUAGES[code] for code in answers.languages],
        "default_language": answers.languages[0],
        "site_url": answers.site_url,
        "domain": mail_domain(answers.site_url),
        "school_year": school_year_of(date.today()),
    }
    return {name: env.get_template(f"{name}.j2").render(context) for name in SECTION_FILES.values()}


def create(folder: Path, answers: Answers) -> list[Path]:
    """Write the charter files and their schemas into ``folder`` (new or empty); check the result strictly."""
    from .loading.charter_loader import load_charter
    from .schema_export import write_schemas

    refuse_non_empty(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name, text in render_files(answers).items():
            path = folder / name
            path.write_text(text, encoding="utf-8")
            written.append(path)
        written += write_schemas(folder / "schema", folder)  # the schemas know the new charter's ids
    except OSError as exc:
        raise DigicharterError(_("cannot write the new charter into {folder}: {reason}").format(
            folder=folder, reason=exc.strerror or exc)) from None
    try:
        load_charter(folder, strict=True)
    except CharterError as exc:  # the inputs were checked above: a starter that does not pass is our bug
        raise InternalError("the new charter does not pass its own check:\n" + "\n".join(map(str, exc.problems))) from None
    return written


def cmd_new(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    refuse_non_empty(folder)  # before any question: do not ask for answers that cannot be used
    answers = gather(args, input if sys.stdin.isatty() else None)
    written = create(folder, answers)
    print(_("wrote a new charter into {folder} ({count} files, languages {languages})").format(
        folder=folder, count=len(written), languages=", ".join(answers.languages)))
    print(_("next: edit the files (each one explains itself), then run 'digicharter check {folder}' "
            "and 'digicharter build {folder}'").format(folder=folder))
    return 0


def register(sub) -> None:
    new = sub.add_parser("new", help=_("write a small, working charter into a new folder, to start from"))
    new.add_argument("folder", type=Path, metavar="FOLDER", help=_("the folder to create (it must be new or empty)"))
    new.add_argument("--school-name", help=_("the school's name (default: asked, or '{default}')").format(default=DEFAULT_SCHOOL))
    new.add_argument(
        "--languages",
        help=_("the languages, the default language first, from {languages} (default: asked, or {default})").format(
            languages=", ".join(LANGUAGES), default=",".join(DEFAULT_LANGUAGES)),
    )
    new.add_argument("--site-url", help=_("the website's address (default: asked, or {default})").format(default=DEFAULT_SITE_URL))
    new.set_defaults(func=cmd_new)
