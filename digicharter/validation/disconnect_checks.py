"""A warning for each right-to-disconnect theme (CAO XII) that no agreement covers."""

from __future__ import annotations

from ..disconnect.coverage import THEME_NAMES, coverage
from ..i18n import _
from ..schema import Charter
from .context import CheckContext


def check(charter: Charter, ctx: CheckContext) -> None:
    with ctx.checking("agreements"), ctx.checking("protocol"):
        for item in coverage(charter.all_rules()):
            if not item.agreements:
                ctx.warning("agreements", (), _(
                    "no agreement covers the right-to-disconnect theme '{theme}' ({name}, CAO XII): add "
                    "'disconnect: [{theme}]' to the agreements that put it into practice, or write one").format(
                        theme=item.theme, name=_(THEME_NAMES[item.theme])))
