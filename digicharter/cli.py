"""The ``digicharter`` command: a thin layer that parses arguments and reports.

User mistakes (:class:`~digicharter.errors.DigicharterError`) print their
problems and exit 1; anything else is a bug and says so, exit 2.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

from . import __version__, i18n
from .i18n import _, ngettext
from .errors import CharterError, DigicharterError
from .escaping import terminal_text
from .os_errors import is_user_os_error, os_error_message

DEFAULT_CHARTER = Path("charter")


def _charter_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "charter_dir", nargs="?", type=Path, default=DEFAULT_CHARTER, metavar="CHARTER_DIR",
        help=_("the folder with the charter's YAML files (default: charter/)"),
    )


def _print_warnings(warnings) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)  # str(Problem) shows control characters escaped


def cmd_check(args: argparse.Namespace) -> int:
    from .loading.charter_loader import load_charter

    result = load_charter(args.charter_dir, strict=args.strict)
    _print_warnings(result.warnings)
    languages = ", ".join(lang.code for lang in result.charter.settings.languages)
    rules = len(result.charter.all_rules())
    count = len(result.warnings)
    if count:
        text = ngettext(
            "{folder}: the charter is valid ({agreements} agreements, languages {languages}, {count} warning)",
            "{folder}: the charter is valid ({agreements} agreements, languages {languages}, {count} warnings)",
            count,
        )
    else:
        text = _("{folder}: the charter is valid ({agreements} agreements, languages {languages})")
    print(text.format(folder=args.charter_dir, agreements=rules, languages=languages, count=count))
    _print_progress(result)
    _print_disconnect(result)
    return 0


def _print_disconnect(result) -> None:
    """Which of the five right-to-disconnect themes (CAO XII) the agreements cover, and with which."""
    from .disconnect.coverage import THEME_NAMES, coverage

    found = coverage(result.charter.all_rules())
    covered = sum(1 for item in found if item.agreements)
    print(_("right to disconnect (CAO XII): {covered} of {total} themes covered").format(covered=covered, total=len(found)))
    for item in found:
        ids = ", ".join(rule.id for rule in item.agreements) or _("none")
        print("  " + _("{name}: {agreements}").format(name=_(THEME_NAMES[item.theme]), agreements=ids))


def _print_progress(result) -> None:
    """One line per translated language: how much of it is done, as a whole and per output."""
    from .translation.progress import progress

    for item in progress(result):
        parts = ", ".join(
            _("{output} {done} of {texts} ({percent} %)").format(
                output=_(output), done=count.done_texts, texts=count.texts, percent=count.percent)
            for output, count in sorted(item.outputs.items()))
        if item.total.done_texts == item.total.texts:
            line = _("{name} ({code}): all {texts} texts translated")
        elif item.complete:
            line = _("{name} ({code}): {done} of {texts} texts translated ({percent} % of the words): {outputs}")
        else:
            line = _("{name} ({code}), translation in progress: {done} of {texts} texts translated "
                     "({percent} % of the words): {outputs}")
        print(line.format(name=item.name, code=item.code, done=item.total.done_texts, texts=item.total.texts,
                          percent=item.total.percent, outputs=parts))


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema_export import schema_files, write_schemas

    if str(args.output) == "-":
        for name, text in schema_files(args.charter_dir).items():
            print(f"// {name}\n{text}")
        return 0
    if not args.charter_dir.is_dir():
        raise DigicharterError(_("the charter folder {folder} does not exist").format(folder=args.charter_dir))
    output = args.output or args.charter_dir / "schema"
    written = write_schemas(output, args.charter_dir)
    for path in written:
        print(_("wrote {path}").format(path=path))
    if not written:
        print(_("the schemas in {folder} are up to date").format(folder=output))
    return 0


def cmd_translations(args: argparse.Namespace) -> int:
    from .translation.export import export_translations

    path, counts = export_translations(args.charter_dir, args.language)
    print(_("wrote {path}: {done} translated, {outdated} outdated, {new} still to translate").format(
        path=path, **counts))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digicharter",
        description=_("Publish a school's communication charter (YAML) as a website, an agenda bookmark and slides."),
    )
    parser.add_argument("--version", action="version", version=f"digicharter {__version__}")
    parser.add_argument(
        "--lang", choices=i18n.available(), metavar="LANG",
        help=_("the language of the messages: {languages} (default: from LANGUAGE, LC_ALL, LC_MESSAGES or LANG, "
               "else the charter's default language)").format(languages=", ".join(i18n.available())),
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = sub.add_parser("check", help=_("validate the charter and report every problem"))
    _charter_arg(check)
    check.add_argument("--strict", action="store_true", help=_("treat missing translations as errors"))
    check.set_defaults(func=cmd_check)

    schema = sub.add_parser("schema", help=_("write the JSON Schemas editors use, with the charter's own ids"))
    _charter_arg(schema)
    schema.add_argument(
        "--output", "-o", type=Path,
        help=_("write one .schema.json per charter file into this folder (default: CHARTER_DIR/schema; - prints them)"))
    schema.set_defaults(func=cmd_schema)

    translations = sub.add_parser(
        "translations", help=_("write or update the translation file (PO) of one language for a translator"))
    translations.add_argument("language", metavar="LANGUAGE", help=_("the language code, e.g. fr"))
    _charter_arg(translations)
    translations.set_defaults(func=cmd_translations)

    from .commands import register
    from .new_charter import register as register_new

    register(sub, _charter_arg)
    register_new(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # The language first, so that --help speaks it too.
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    i18n.setup(early.parse_known_args(argv)[0].lang)
    parser = build_parser()
    args = parser.parse_args(argv)
    i18n.setup(args.lang)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except CharterError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)  # str(Problem) shows control characters escaped
        errors = sum(1 for p in exc.problems if p.severity == "error")
        print(ngettext("{count} problem found; nothing was built or changed.",
                       "{count} problems found; nothing was built or changed.", errors).format(count=errors), file=sys.stderr)
        return 1
    except DigicharterError as exc:
        print(terminal_text(_("error: {message}").format(message=exc)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return 130
    except OSError as exc:  # a full disk, a read-only folder, a port in use …: the user's to fix
        if not is_user_os_error(exc):
            return _internal_error()
        print(_("error: {message}").format(message=os_error_message(exc)), file=sys.stderr)
        return 1
    except Exception:  # an InternalError or any other bug
        return _internal_error()


def _internal_error() -> int:
    """A bug: say so, ask for a report, and show the traceback that the report needs (exit 2)."""
    print(_("internal error: this is a bug in Digicharter, not in your charter."), file=sys.stderr)
    print(_("Please report it with the text below.") + "\n", file=sys.stderr)
    traceback.print_exc()
    return 2


if __name__ == "__main__":
    sys.exit(main())
