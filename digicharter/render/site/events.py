"""What MkDocs calls while it builds one language: the charter's words, files and escaping go in here.

:mod:`.hooks` (the file ``mkdocs.yml`` names) hands MkDocs these functions;
:mod:`.mkdocs_engine` keeps the job of each build, which these look up by the config.
Each does for MkDocs what the Zensical adapter (:mod:`.zensical_engine`) does
without hooks: settings, generated files, escaping, the page direction.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from . import mkdocs_engine as engine
from . import template_cache, theme
from .preview import standalone_job


@event_priority(100)  # before the search plugin, which reads the page language from the theme
def on_config(config):
    job = engine.current_job()
    if job is None:  # MkDocs was started by hand (mkdocs build / serve)
        job = standalone_job(config)
    engine.remember(config, job)
    engine.configure(config, job)
    return config


def on_files(files, config):
    from mkdocs.structure.files import File

    job = engine.job_of(config)
    for extra in theme.site_files(job.view):
        if extra.content is not None:
            files.append(File.generated(config, extra.dest, content=extra.content))
        else:
            files.append(File.generated(config, extra.dest, abs_src_path=str(extra.source)))
    return files


def on_env(env, config, files):
    """Escape every value the theme's templates print, unless it is already HTML.

    Material's templates print the site name, the page titles, the
    description, the copyright, the language names and the theme's words as
    they are: right for a site written by its own developers, not for a
    charter. Escaping at this one boundary covers every template of the
    theme, including the ones a new theme version adds; what is HTML on
    purpose (the page body, the table of contents) is marked so in
    :func:`on_page_context`.
    """
    theme.escape_theme_values(env)
    template_cache.use(env)  # after the settings above: the compiled code depends on them
    return env


def on_post_page(output, page, config):
    return theme.with_html_direction(output, engine.job_of(config).view)


def on_post_template(output_content, template_name, config):
    """The theme's 404 page (and any other page it renders from a template alone) gets its direction too."""
    if template_name.endswith(".html"):
        return theme.with_html_direction(output_content, engine.job_of(config).view)
    return output_content


def on_page_context(context, page, config, nav):
    """The page body and its headings are HTML already: the escaping of :func:`on_env` leaves them as they are."""
    theme.mark_page_html(page)
    return context
