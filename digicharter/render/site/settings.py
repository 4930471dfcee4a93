"""One language's website settings, for any engine: what the charter says about the site in that language.

The pages are engine-neutral Markdown (:mod:`.pages`); these are the rest of
what an engine needs to build one language: its name, address, language,
menu, search language, the links between translations and the values the
templates in ``templates/site/overrides/`` print. Each engine adapter
(:mod:`.mkdocs_engine`, :mod:`.zensical_engine`) writes them in its own form:
onto MkDocs' loaded config, or into a configuration file for Zensical.

Values are plain strings, except those that are already HTML (``Markup``):
each engine escapes the plain ones for the context it prints them in.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ... import outputs
from ...view import LanguageView
from . import pages as site_pages
from . import theme as site_theme


@dataclass(frozen=True)
class LanguageSettings:
    """What one language's website is, beyond its pages."""

    site_name: str
    site_description: str
    site_url: str
    copyright: str
    theme_language: str
    direction: str
    search: site_theme.SearchSettings
    nav: list
    extra: dict[str, Any]


def relative(target: str, here: str) -> str:
    """A link from the file ``here`` to ``target``, both relative to site/."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def alternates(job) -> list[dict[str, str]]:
    """Every language, with ``root``: its root folder relative to this language's root (``""``, ``"en/"``,
    ``"../"`` …), from which the templates reach the page they are drawing in that language
    (``root ~ page.url``), in any engine."""
    here = outputs.language_prefix(job.view) + "index.html"
    return [
        {
            "name": other.language.name,
            "lang": other.code,
            "root": relative(outputs.language_prefix(other) + "index.html", here).removesuffix("index.html"),
        }
        for other in job.views
    ]


def nav(view: LanguageView) -> list:
    """The menu in MkDocs' form (``[{title: file}, {section: [{title: file}, …]}]``), which Zensical reads too."""
    entries = []
    for entry in site_pages.navigation(view):
        if isinstance(entry, site_pages.NavSection):
            entries.append({entry.title: [{page.title: page.file} for page in entry.pages]})
        else:
            entries.append({entry.title: entry.file})
    return entries


def language_settings(job) -> LanguageSettings:
    """Everything the charter says about ``job.view``'s website (see :class:`.job.Job`)."""
    view, charter = job.view, job.charter
    labels = charter.site.labels
    home_here = outputs.language_prefix(view) + "index.html"
    extra: dict[str, Any] = {}
    if len(job.views) > 1:
        extra["alternate"] = alternates(job)
    extra["digicharter"] = {
        "code": view.code,
        "theme_language": site_theme.theme_language(view),
        "labels": site_theme.theme_labels(view),
        # Problems are text that the template prints as it is: escaped here, once, for every engine.
        "problems": [Markup.escape(problem) for problem in [
            *job.problems_in.get(view.code, job.problems),
            *job.output_problems.get(view.code, ()), *job.output_problems.get("*", ())]],
        "sitemap_alternates": [{"lang": other.code, "root": job.language_url(other)} for other in job.views],
        # Already HTML (LanguageView's html mode escapes the text and keeps only its own markup).
        "preview_problem": Markup(view.text(labels.preview_problem, "html")),
        "not_found": [
            {
                "lang": other.code,
                "title": Markup(other.text(labels.not_found_title, "html")),
                "text": Markup(other.text(labels.not_found_text, "html")),
                "back_home": Markup(other.text(labels.back_home, "html")),
                "home": relative(outputs.language_prefix(other) + "index.html", home_here),
            }
            for other in [view, *[v for v in job.views if v.code != view.code]]
        ],
    }
    return LanguageSettings(
        site_name=view.raw(charter.settings.short_title or charter.settings.title),
        site_description=view.text(charter.settings.description, "plain"),
        site_url=job.language_url(view),
        copyright=charter.school.name,
        theme_language=site_theme.theme_language(view),
        direction=view.direction,
        search=site_theme.search_settings(view),
        nav=nav(view),
        extra=extra,
    )
