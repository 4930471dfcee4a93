"""QR codes as inline vector SVG (segno), so they print sharp at any size."""

from __future__ import annotations

import segno


def qr_svg(url: str, *, dark: str = "#000000", title: str | None = None) -> str:
    """An inline ``<svg>`` QR code for ``url``; it scales with its CSS width.

    Error correction 'M' survives a slightly worn bookmark; the quiet zone
    (border of 4 modules) is what phone cameras need to find the code.
    """
    code = segno.make(url, error="m", micro=False)
    return code.svg_inline(scale=1, border=4, dark=dark, light="#ffffff", omitsize=True, title=title, svgclass="qr")
