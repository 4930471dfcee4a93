"""The MkDocs hook named in mkdocs.yml: what lets ``mkdocs build`` and ``mkdocs serve`` build the charter's website.

MkDocs loads this file by its path, as a fresh module each time it reads
mkdocs.yml; the work (and the state a live preview keeps between rebuilds,
such as the last charter without mistakes) lives in the package modules
:mod:`digicharter.render.site.engine`, :mod:`digicharter.render.site.events` and
:mod:`digicharter.render.site.preview`, imported once.
"""

from digicharter.render.site.events import (  # noqa: F401 - MkDocs looks these up
    on_config, on_env, on_files, on_page_context, on_post_page, on_post_template)
from digicharter.render.site.preview import on_post_build, on_serve, on_shutdown, on_startup  # noqa: F401
