"""Checks of site.yaml against the rest of the charter, and of what the website needs from other files.

* every agreement the home page names exists and has a short text;
* no channel id takes the address of one of the website's own pages;
* the theme words site.yaml replaces are words the theme has, and a language the
  theme does not speak is pointed out (its menus would be English);
* the school's primary colour keeps white text (the header) and links readable.
"""

from __future__ import annotations

from ..loading.error_messages import did_you_mean
from ..schema import Charter
from ..i18n import N_, _
from .context import CheckContext

#: Pages the website itself has, by file name; a channel page is named after its channel id.
RESERVED_PAGE_NAMES = ("index", "protocol", "quality", "downloads", "404", "search", "sitemap", "assets")

#: WCAG 2 AA: the least contrast for normal-size text.
MIN_TEXT_CONTRAST = 4.5


def check(charter: Charter, ctx: CheckContext) -> None:
    with ctx.checking("site"):
        _check_answer_times(charter, ctx)
    with ctx.checking("channels"):
        _check_channel_ids(charter, ctx)
    with ctx.checking("site"):
        _check_theme_labels(charter, ctx)
    with ctx.checking("settings"):
        _check_theme_languages(charter, ctx)
    with ctx.checking("school"):
        _check_colours(charter, ctx)


def _check_answer_times(charter: Charter, ctx: CheckContext) -> None:
    rules = {rule.id: rule for rule in charter.all_rules()}
    for i, rule_id in enumerate(charter.site.home.answer_times):
        path = ("home", "answer_times", i)
        rule = rules.get(rule_id)
        if rule is None:
            ctx.error(
                "site", path,
                _("unknown agreement '{id}'{did_you_mean} (the agreements are in agreements.yaml and protocol.yaml)").format(
                    id=rule_id, did_you_mean=did_you_mean(rule_id, rules)),
            )
        elif rule.short is None:
            ctx.error(
                "site", path,
                _("the agreement '{id}' has no short text, which the home page shows: "
                  "add 'short:' to it in agreements.yaml or protocol.yaml").format(id=rule_id),
            )


def _check_channel_ids(charter: Charter, ctx: CheckContext) -> None:
    for i, channel in enumerate(charter.channels.channels):
        if channel.id in RESERVED_PAGE_NAMES:
            ctx.error(
                "channels", ("channels", i, "id"),
                _("the channel id '{id}' is the name of one of the website's own pages ({pages}); choose another id").format(
                    id=channel.id, pages=", ".join(RESERVED_PAGE_NAMES)),
            )


def _check_theme_labels(charter: Charter, ctx: CheckContext) -> None:
    from ..render.site.theme import theme_label_keys

    known = theme_label_keys()
    for key in charter.site.theme_labels:
        if key not in known:
            ctx.error(
                "site", ("theme_labels", key),
                _("the theme has no word '{key}'{did_you_mean} "
                  "(its words are named like search.placeholder, action.skip, select.language)").format(
                    key=key, did_you_mean=did_you_mean(key, known)),
            )


def _check_theme_languages(charter: Charter, ctx: CheckContext) -> None:
    from ..render.site.theme import has_translations

    for i, language in enumerate(charter.settings.languages):
        if has_translations(language.code):
            continue
        missing = [key for key in ("search.placeholder", "select.language", "action.skip")
                   if key not in charter.site.theme_labels or charter.site.theme_labels[key].get(
                       language.code, charter.settings.default_language) is None]
        if missing:
            ctx.warning(
                "settings", ("languages", i, "code"),
                _("the website's theme has no words in '{code}': its menus and search box show in English "
                  "unless site.yaml's theme_labels translates them (e.g. {keys})").format(
                    code=language.code, keys=", ".join(missing)),
            )


def _check_colours(charter: Charter, ctx: CheckContext) -> None:
    from ..render.site.theme import contrast

    colours = charter.school.colours
    for against, what in (("#ffffff", N_("the white text of the website's header")), (colours.background, N_("the page background"))):
        ratio = contrast(colours.primary, against)
        if ratio < MIN_TEXT_CONTRAST:
            ctx.error(
                "school", ("colours", "primary"),
                _("the primary colour {colour} gives a contrast of only {ratio}:1 with {what}; "
                  "the website needs at least {minimum}:1 so that everyone can read it — choose a darker colour").format(
                    colour=colours.primary, ratio=f"{ratio:.1f}", what=_(what), minimum=MIN_TEXT_CONTRAST),
            )
            return
