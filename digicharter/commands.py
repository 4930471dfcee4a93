"""The output commands (build, serve, bookmark, slides), kept apart from the CLI's core."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

from .i18n import _


def cmd_build(args: argparse.Namespace) -> int:
    from .build import build

    build(args.charter_dir, args.output, quiet=args.quiet)
    return 0


def cmd_only(step_name: str) -> Callable[[argparse.Namespace], int]:
    """``digicharter bookmark`` / ``slides``: one output, into its place under the output folder."""

    def run(args: argparse.Namespace) -> int:
        from .build import build
        from .steps import output_steps

        # Built like the full build (fresh folder, swapped in), but keep the rest of site/.
        step = dict(output_steps())[step_name]

        def keep_existing(ctx) -> None:
            import shutil

            out = args.output.resolve()
            if out.is_dir():
                shutil.copytree(out, ctx.staging, dirs_exist_ok=True)

        build(args.charter_dir, args.output, quiet=args.quiet, steps=[("existing", keep_existing), (step_name, step)])
        return 0

    return run


def cmd_bookmark(args: argparse.Namespace) -> int:
    """The school's bookmark into site/, or with --classes a sheet per class into the private folder."""
    if not args.classes:
        return cmd_only("bookmark")(args)
    from .classes.bookmarks import build_class_bookmarks

    classes_file = args.classes_file or args.charter_dir / "classes.yaml"
    written = build_class_bookmarks(args.charter_dir, classes_file, args.private_output, args.output, quiet=args.quiet)
    if not args.quiet:
        print(_("wrote {count} class bookmark files into {folder}/ (private: do not publish them)").format(
            count=len(written), folder=args.private_output))
    return 0


def register(sub, charter_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    def common(parser: argparse.ArgumentParser) -> None:
        charter_arg(parser)
        parser.add_argument("--output", "-o", type=Path, default=Path("site"), help=_("the output folder (default: site/)"))
        parser.add_argument("--quiet", "-q", action="store_true", help=_("print nothing but errors"))

    build = sub.add_parser("build", help=_("check the charter strictly and build every output into site/"))
    common(build)
    build.set_defaults(func=cmd_build)

    bookmark = sub.add_parser("bookmark", help=_("build only the agenda bookmark PDFs (into site/downloads/)"))
    common(bookmark)
    bookmark.add_argument("--classes", action="store_true",
                          help=_("make a personal bookmark sheet per class from classes.yaml, into a private folder"))
    bookmark.add_argument("--classes-file", type=Path, default=None, metavar="FILE",
                          help=_("the classes (default: classes.yaml in the charter folder)"))
    bookmark.add_argument("--private-output", type=Path, default=Path("class-bookmarks"), metavar="FOLDER",
                          help=_("where class bookmarks go, outside the website (default: class-bookmarks/)"))
    bookmark.set_defaults(func=cmd_bookmark)

    slides = sub.add_parser("slides", help=_("build only the info-evening slides (into site/slides/ and site/downloads/)"))
    common(slides)
    slides.set_defaults(func=cmd_only("slides"))

    serve = sub.add_parser("serve", help=_("preview the website, the bookmark and the slides; saving a charter file rebuilds them and reloads the browser"))
    charter_arg(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help=_("address to serve on (default: 127.0.0.1:8000)"))
    serve.set_defaults(func=cmd_serve)


def cmd_serve(args: argparse.Namespace) -> int:
    """``digicharter serve``: the address is checked (and tried) before the charter is read and the site built."""
    from .dev_addr import check_dev_addr
    from .render.site.preview import serve

    check_dev_addr(args.dev_addr)
    return serve(args.charter_dir, args.dev_addr)
