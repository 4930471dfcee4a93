"""What WeasyPrint may read while it lays out our PDFs: Digicharter's own files, nothing else.

WeasyPrint is a browser engine: left to its default fetcher it follows any
``file://``, ``http://`` or ``ftp://`` address in the HTML it is given — an
image, a stylesheet, a font, an ``<a rel=attachment>`` it embeds in the PDF.
The HTML we give it carries charter texts, and a charter is untrusted input.
Escaping keeps those texts from becoming markup; this fetcher makes sure that,
should markup ever slip through, it still cannot read a local file, embed it,
or call out to the network (WeasyPrint's "Security" documentation: *access to
local files*, *infinite requests*).

It serves:

* files under the folders Digicharter ships its PDF assets from (templates,
  the font package, the icon set) and ``.ttf`` files in the font cache
  (:func:`digicharter.render.pdf.fonts.truetype_copy`) — judged by the *resolved*
  path, so neither ``..`` nor a symbolic link leads out of them; only regular
  files, and only up to :data:`MAX_FILE_BYTES` (``/dev/zero`` is refused);
* ``data:`` URIs of the image types we generate ourselves (the icons and slide
  backgrounds as SVG), up to :data:`MAX_DATA_BYTES`. Their content is inline,
  and anything an SVG in them references passes through this same fetcher.

Everything else — other ``file://`` paths, ``http(s)://``, ``ftp://``, any
address a charter names — is refused. A refusal stops the rendering
(``fail_on_errors``): the HTML asked for something we never put there, which
is a bug, and a PDF is better not written than written with a hole in it.
"""

from __future__ import annotations

import base64
import mimetypes
import os
import stat
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from ...assets import FONT_DIRS, ICON_DIR, TEMPLATES_DIR
from .fonts import font_cache_dir

#: The largest file we serve: our biggest asset (a decompressed font) is well under 1 MB.
MAX_FILE_BYTES = 8 * 1024 * 1024
#: The largest data: URI we serve (an icon or a slide background is a few kilobytes).
MAX_DATA_BYTES = 1024 * 1024
#: How many resources one document may fetch: ours needs about a dozen.
MAX_FETCHES = 500
#: The data: media types we generate.
DATA_TYPES = frozenset({"image/svg+xml"})


class RefusedURL(ValueError):
    """WeasyPrint asked for something that is not one of our own files."""


def asset_roots() -> tuple[Path, ...]:
    """The folders whose files WeasyPrint may read, resolved (any symbolic link in them followed)."""
    return tuple(Path(os.path.realpath(root)) for root in (TEMPLATES_DIR, *FONT_DIRS, ICON_DIR))


def _inside(path: Path, root: Path) -> bool:
    return path == root or path.is_relative_to(root)


def allowed_file(path: str) -> Path | None:
    """The resolved file ``path`` names if WeasyPrint may read it, else None."""
    real = Path(os.path.realpath(path))
    allowed = any(_inside(real, root) for root in asset_roots())
    if not allowed and real.suffix == ".ttf":
        allowed = _inside(real, Path(os.path.realpath(font_cache_dir())))
    if not allowed:
        return None
    try:
        info = os.stat(real)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
        return None
    return real


class OwnFilesFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves Digicharter's own files and refuses everything else.

    One instance per document: it counts what that document fetched.
    """

    def __init__(self) -> None:
        # The protocols and redirects are refused by fetch() below as well; saying so here too means a
        # change in WeasyPrint's base class cannot quietly open them again.
        super().__init__(timeout=5, allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True)
        self.fetched: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if len(self.fetched) >= MAX_FETCHES:
            raise RefusedURL(f"more than {MAX_FETCHES} resources requested")
        self.fetched.append(url[:200])
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return _data(url)
        if scheme == "file":
            return _file(url)
        raise RefusedURL(f"not one of Digicharter's own files: {url[:200]!r}")


def _file(url: str) -> URLFetcherResponse:
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise RefusedURL(f"a file on another host: {url[:200]!r}")
    path = url2pathname(unquote(parts.path))
    real = allowed_file(path)
    if real is None:
        raise RefusedURL(f"not one of Digicharter's own files: {url[:200]!r}")
    with open(real, "rb") as file:
        body = file.read(MAX_FILE_BYTES + 1)
    if len(body) > MAX_FILE_BYTES:
        raise RefusedURL(f"file too large: {url[:200]!r}")
    media_type = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
    return URLFetcherResponse(real.as_uri(), body, {"Content-Type": media_type})


def _data(url: str) -> URLFetcherResponse:
    if len(url) > MAX_DATA_BYTES * 2:
        raise RefusedURL("data: URI too large")
    header, sep, payload = url[len("data:"):].partition(",")
    if not sep:
        raise RefusedURL("data: URI without data")
    params = [p.strip().lower() for p in header.split(";")]
    media_type, is_base64 = params[0], "base64" in params[1:]
    if media_type not in DATA_TYPES:
        raise RefusedURL(f"data: URI of a type we do not generate: {media_type[:60]!r}")
    body = base64.b64decode(payload, validate=True) if is_base64 else unquote_to_bytes(payload)
    if len(body) > MAX_DATA_BYTES:
        raise RefusedURL("data: URI too large")
    return URLFetcherResponse(url, body, {"Content-Type": media_type})
