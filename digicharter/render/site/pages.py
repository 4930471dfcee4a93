"""The website's pages as plain Markdown, one folder per language, rendered from ``templates/site/pages/``.

This is the engine-neutral half of the website: standard Markdown with YAML
front matter, plus ``attr_list``/``md_in_html`` (classes and anchors), which
every MkDocs-compatible engine reads. Which pages exist, what they are called
and in what order the menu lists them is decided here, from the charter; the
words come from the charter through :class:`~digicharter.view.LanguageView`.

Every language gets the same page files (``phone.md`` in every language), so
that a page's translation is always at the same place under the language's
folder: that is what keeps the language switcher on the same page.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from ... import escaping, outputs
from . import answer_now
from ...escaping import markdown_text
from ...assets import TEMPLATES_DIR
from ...facts import Reference
from ...markup import one_line, paragraphs
from ...schema import Charter
from ...schema.agreements import Agreement
from ...schema.base import Text
from ...view import LanguageView

PAGES_DIR = TEMPLATES_DIR / "site" / "pages"

#: The file names of the site's own pages; a channel's page is named after its id.
HOME, PROTOCOL, QUALITY, DOWNLOADS = "index.md", "protocol.md", "quality.md", "downloads.md"


@dataclass(frozen=True)
class Page:
    """One page: its file (the same in every language), its menu title and its template."""

    file: str
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class NavSection:
    """A group of pages in the menu, e.g. the channels."""

    title: str
    pages: list[Page]


NavEntry = Page | NavSection


def channel_file(channel_id: str) -> str:
    return f"{channel_id}.md"


def navigation(view: LanguageView) -> list[NavEntry]:
    """Every page of the site in menu order: home, the channels, the protocol, the quality card, downloads."""
    charter, labels = view.charter, view.charter.site.labels
    channels = [
        Page(channel_file(c.id), view.raw(c.name), "channel.md.j2", {"channel": c}) for c in view.channels
    ]
    return [
        Page(HOME, view.raw(labels.home), "home.md.j2"),
        NavSection(view.raw(labels.channels), channels),
        Page(PROTOCOL, view.raw(charter.protocol.title), "protocol.md.j2"),
        Page(QUALITY, view.raw(charter.quality.title), "quality.md.j2"),
        Page(DOWNLOADS, view.raw(labels.downloads), "downloads.md.j2"),
    ]


def pages(view: LanguageView) -> list[Page]:
    """The pages of :func:`navigation`, flat."""
    flat: list[Page] = []
    for entry in navigation(view):
        flat.extend(entry.pages if isinstance(entry, NavSection) else [entry])
    return flat


# --------------------------------------------------------------------------- Markdown helpers

_BLOCK_START = re.compile(r"^(\s*)([#>+\-*=]|\d+[.)])(\s)")


def _block_safe(markdown: str) -> str:
    """Keep a charter sentence a sentence: one that starts like '- ', '# ' or '2. ' is not a list or heading."""
    return _BLOCK_START.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", markdown)


# --------------------------------------------------------------------------- what the pages show


@dataclass(frozen=True)
class Contact:
    """A phone number or address on the home page, ready to show."""

    kind: str
    """phone, sms, email or teacher: picks the icon."""
    label: str
    display: str
    """Markdown: the number or address as the charter writes it (an address may break after its @)."""
    href: str | None
    note: str


@dataclass(frozen=True)
class Download:
    title: str
    description: str
    href: str
    is_pdf: bool
    kind: str
    """Which icon the entry gets: pdf, slides, pptx or calendar."""


class PageHelpers:
    """What the templates ask about the charter, in one language; every answer is Markdown or plain text."""

    def __init__(self, view: LanguageView):
        self.view = view
        self.charter: Charter = view.charter
        self.labels = view.charter.site.labels

    # texts -----------------------------------------------------------------

    def md(self, text: Text | None) -> str:
        """Inline Markdown on one line (for list items, table cells, headings)."""
        return one_line(self.view.text(text, "markdown"))

    def paras(self, text: Text | None) -> str:
        """Block Markdown: the text's paragraphs, separated by blank lines."""
        return "\n\n".join(_block_safe(one_line(p)) for p in paragraphs(self.view.text(text, "markdown")))

    def plain(self, text: Text | None) -> str:
        return one_line(self.view.text(text, "plain"))

    def html(self, text: Text | None) -> str:
        return self.view.text(text, "html")

    # links -----------------------------------------------------------------

    def agreement_link(self, rule: Agreement) -> str:
        """Where an agreement is explained in full: on its channel's page."""
        return f"{channel_file(rule.channel)}#{rule.id}"

    def ok_link(self, code: str) -> str:
        return f"{QUALITY}#{ok_anchor(code)}"

    def site_file(self, path_in_site: str) -> str:
        """A link from a page of this language to a file at ``path_in_site`` (relative to site/)."""
        here = outputs.language_prefix(self.view).rstrip("/") or "."
        relative = posixpath.relpath(path_in_site, here)
        return relative + "/" if path_in_site.endswith("/") and not relative.endswith("/") else relative

    # lookups ---------------------------------------------------------------

    def channel_name(self, channel_id: str) -> str:
        return markdown_text(self.view.raw(self.view.channel(channel_id).name))

    def roles(self, rule: Agreement) -> str:
        return self.view.join(markdown_text(self.view.role_name(role)) for role in rule.binds)

    @property
    def colon(self) -> str:
        """Between a label and its value, as the page's language writes it (French: "Pour qui : …")."""
        return self.view.separator()

    def rules_in_section(self, section_id: str) -> list[Agreement]:
        return [rule for rule in self.charter.protocol.rules if rule.section == section_id]

    def answer_times(self) -> list[Agreement]:
        return [self.view.agreement(rule_id) for rule_id in self.charter.site.home.answer_times]

    # computed in the browser (see site_answer_now) ---------------------------

    def duration_of(self, rule: Agreement) -> str | None:
        """The response time whose "answer by" line this agreement gets, if the charter has a calendar."""
        return answer_now.duration_of(rule) if answer_now.shows_answer_times(self.view) else None

    def answer_now_block(self, rules: list[Agreement]) -> str:
        """Once per page with a response time: the quiet-time line, carrying the data for the page's script.

        The quiet-time line is a polite live region, empty until the script
        fills it: it changes only when a quiet time starts or ends while the
        page is open, which is worth saying to a screen reader user. The
        "answer by" lines are not live: they change every minute.
        """
        if not any(self.duration_of(rule) for rule in rules):
            return ""
        return f'<p class="dc-quiet-now" role="status" data-answer="{answer_now.answer_data_attribute(self.view)}"></p>'

    def expectations(self):
        return self.charter.framework.expectations

    def steps_serving(self, code: str) -> list[str]:
        """The PDCA steps (plan, do, check, act) that serve an OK expectation."""
        pdca = self.charter.quality.pdca
        return [step for step in PDCA_STEPS if code in getattr(pdca, step).ok]

    def contacts(self) -> list[Contact]:
        view, school = self.view, self.charter.school
        found: list[Contact] = []
        for phone in school.phones:
            fact = view.fact(Reference("phone", phone.id, None, ""))
            notes = []
            if phone.hours:
                period = view.fact(Reference("period", phone.hours, None, ""))
                notes.append(f"{view.raw(self.labels.reachable)}{view.separator()}{view.isolated(period.display)}")
            if phone.prefer_sms:
                notes.append(view.raw(self.labels.send_sms))
            kind = "sms" if phone.prefer_sms else "phone"
            found.append(Contact(kind, view.raw(phone.label), markdown_text(fact.display), fact.href, " · ".join(notes)))
        for email in school.emails:
            fact = view.fact(Reference("email", email.id, None, ""))
            found.append(Contact("email", view.raw(email.label), _address(fact.display), fact.href, view.raw(email.purpose)))
        teacher = view.fact(Reference("teacher_email", None, None, ""))
        found.append(Contact("teacher", view.raw(self.labels.teacher_email), _address(teacher.display), None, ""))
        return found

    def disconnect(self) -> list[tuple[str, list]]:
        """The five right-to-disconnect themes (CAO XII) in this language, each with its agreements."""
        from ...disconnect.coverage import coverage

        words = self.labels.disconnect
        return [(self.html(getattr(words, item.theme)), list(item.agreements))
                for item in coverage(self.view.all_agreements)]

    def downloads(self) -> list[Download]:
        view, words = self.view, self.labels.download
        entries = [
            (words.bookmark_sheet, outputs.bookmark_sheet_pdf(view), "pdf"),
            (words.slides, outputs.slides_deck_page(view), "slides"),
            (words.slides_pdf, outputs.slides_pdf(view), "pdf"),
            (words.slides_notes_pdf, outputs.slides_notes_pdf(view), "pdf"),
            (words.bookmark, outputs.bookmark_pdf(view), "pdf"),
            (words.slides_pptx, outputs.slides_pptx(view), "pptx"),
        ]
        if view.charter.calendar is not None:
            entries.append((words.calendar, outputs.calendar_ics(view), "calendar"))
        return [
            Download(self.html(text.title), self.html(text.description), self.site_file(path), kind == "pdf", kind)
            for text, path, kind in entries
        ]


def _address(address: str) -> str:
    """An e-mail address in Markdown that a narrow phone screen breaks after the @, not in the middle of a word."""
    local, _, domain = address.partition("@")
    return f"{markdown_text(local)}@<wbr>{markdown_text(domain)}" if domain else markdown_text(address)


#: The quality cycle's steps, in order; the field names of :class:`~digicharter.schema.quality.Pdca`.
PDCA_STEPS = ("plan", "do", "check", "act")


def ok_anchor(code: str) -> str:
    return f"ok-{code.lower()}"


# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """One environment for every language and every rebuild: each page template is compiled once per process
    (Jinja still reloads a template whose file changed, as in a live preview of edited templates)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(PAGES_DIR),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["yaml"] = escaping.yaml_string
    env.filters["mdesc"] = markdown_text
    env.filters["htmlattr"] = escaping.html_attr
    env.filters["ok_link"] = lambda code: f"[{markdown_text(code)}]({QUALITY}#{ok_anchor(code)})"
    return env


def render_page(view: LanguageView, page: Page, env: jinja2.Environment | None = None) -> str:
    env = env or _environment()
    helpers = PageHelpers(view)
    template = env.get_template(page.template)
    markdown = template.render(
        view=view,
        charter=view.charter,
        labels=helpers.labels,
        page=page,
        h=helpers,
        pdca_steps=PDCA_STEPS,
        ok_anchor=ok_anchor,
        files={"home": HOME, "protocol": PROTOCOL, "quality": QUALITY, "downloads": DOWNLOADS},
        channel_file=channel_file,
        **page.context,
    )
    return re.sub(r"\n{3,}", "\n\n", markdown)


def write_if_changed(path: Path, content: str) -> bool:
    """Write only what changed, so a live preview watching these files sees only real changes."""
    if path.is_file() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return True


def generate_language(view: LanguageView, target: Path) -> list[Path]:
    """Write this language's pages into ``target``; remove pages the charter no longer has."""
    env = _environment()
    written = []
    wanted = set()
    for page in pages(view):
        path = target / page.file
        wanted.add(path)
        if write_if_changed(path, render_page(view, page, env)):
            written.append(path)
    if target.is_dir():
        for stale in target.rglob("*.md"):
            if stale not in wanted:
                stale.unlink()
    return written


def generate(views: list[LanguageView], site_src: Path) -> list[Path]:
    """Every language's pages under ``site_src/<code>/``; returns the files that changed."""
    written = []
    for view in views:
        written.extend(generate_language(view, site_src / view.code))
    return written
