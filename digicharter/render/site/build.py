"""The website parents read: every page generated from the charter, in every language, built by the site's engine.

Two steps, kept apart on purpose:

1. :mod:`.site_pages` renders ``templates/site/pages/`` into plain Markdown,
   one folder per language (engine-neutral, never edited by hand): for
   ``digicharter build`` in the build's own work folder, so that two builds
   never read each other's pages; for the live preview in ``site_src/``;
2. :mod:`.engine` builds each language with the engine ``site.yaml`` names
   (MkDocs + Material, or Zensical) into its own scratch folder and moves it
   into place: the default language at the root of the site, every other
   language under ``<code>/``.

``digicharter serve`` (and ``mkdocs serve``) run the same two steps again
whenever a file in ``charter/`` is saved.
"""

from __future__ import annotations

from ...i18n import _
from ... import outputs
from ...fsutil import move_into
from . import engine as site_engine
from . import pages as site_pages


def build_site(ctx) -> None:
    """The website step of ``digicharter build`` (see :class:`digicharter.build_context.BuildContext`)."""
    site_pages.generate(ctx.views, ctx.site_src)
    for view in ctx.views:
        job = site_engine.Job(charter=ctx.charter, views=ctx.every_view, view=view, site_src=ctx.site_src)
        scratch = ctx.work_dir / f"site-{view.code}"
        site_engine.build_language(job, scratch, ctx.work_dir / f"engine-{view.code}")
        move_into(scratch, ctx.staging / outputs.language_prefix(view))
        ctx.say(_("    website ({code}) → {folder}").format(code=view.code, folder=outputs.language_prefix(view) or "/"))
