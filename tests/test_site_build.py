"""Building the website from a changed charter: changes show up, other outputs stay, a new language needs no code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import PROJECT
from digicharter.build import BuildContext, build
from digicharter.loading.charter_loader import load_charter
from digicharter.render.site.build import build_site
from digicharter.view import views

from helpers import replace_in
from test_site_files import Page


def build_website(charter_dir: Path, root: Path) -> Path:
    out = root / "site"
    build(charter_dir, out, site_src=root / "site_src", quiet=True, steps=[("website", build_site)])
    return out


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_a_change_in_the_charter_shows_up_on_the_pages(charter_copy, tmp_path):
    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 19:30")
    replace_in(charter_copy / "school.yaml", 'number: "011 621 613"', 'number: "011 23 45 67"')
    replace_in(charter_copy / "channels.yaml", "name: {nl: Infoavonden, en: Info evenings}",
               "name: {nl: Ouderavonden, en: Parent evenings}")
    site = build_website(charter_copy, tmp_path)

    phone_nl, phone_en = text_of(site / "phone.html"), text_of(site / "en" / "phone.html")
    assert "19.30\u00a0u" in phone_nl and "20.00\u00a0u" not in phone_nl  # a time never breaks from its unit
    assert "19:30" in phone_en and "20:00" not in phone_en
    for root in (site, site / "en"):
        links = dict(Page(root / "index.html").links)
        assert links.get("tel:+3211234567") == "011 23 45 67"
        assert "tel:+3211621613" not in links
    assert " ".join(Page(site / "en" / "info_evenings.html").h1.split()) == "Parent evenings"
    assert "Ouderavonden" in [text for _, text in Page(site / "index.html").links]
    # The generated Markdown follows as well: nothing in site_src/ is typed by hand.
    assert "19.30\u00a0u" in text_of(tmp_path / "site_src" / "nl" / "phone.md")


def test_a_removed_channel_loses_its_page(charter_copy, tmp_path):
    site_src = tmp_path / "site_src"
    build_website(charter_copy, tmp_path)
    assert (site_src / "en" / "facebook.md").is_file()
    text = text_of(charter_copy / "channels.yaml")
    start = text.index("  - id: facebook")
    end = text.index("  - id: info_evenings")
    (charter_copy / "channels.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    agreements = text_of(charter_copy / "agreements.yaml")
    start = agreements.index("  # ------------------------------------------------------------------ Facebook")
    end = agreements.index("  # ------------------------------------------------------------------ Gimme")
    (charter_copy / "agreements.yaml").write_text(agreements[:start] + agreements[end:], encoding="utf-8")
    site = build_website(charter_copy, tmp_path)
    assert not (site / "facebook.html").exists() and not (site / "en" / "facebook.html").exists()
    assert not (site_src / "en" / "facebook.md").exists()


def test_the_website_leaves_other_outputs_in_place(tmp_path):
    """MkDocs empties the folder it builds into; the website step must not empty the staging folder."""
    from conftest import CHARTER

    def earlier_output(ctx: BuildContext) -> None:
        (ctx.staging / "downloads").mkdir()
        (ctx.staging / "downloads" / "already-there.pdf").write_bytes(b"%PDF")
        (ctx.staging / "en" / "slides").mkdir(parents=True)
        (ctx.staging / "en" / "slides" / "index.html").write_text("deck")

    out = tmp_path / "site"
    build(CHARTER, out, site_src=tmp_path / "site_src", quiet=True,
          steps=[("earlier", earlier_output), ("website", build_site)])
    assert (out / "downloads" / "already-there.pdf").read_bytes() == b"%PDF"
    assert (out / "en" / "slides" / "index.html").read_text() == "deck"
    assert (out / "en" / "index.html").is_file() and (out / "index.html").is_file()


def test_a_further_language_is_data_not_code(charter_copy, tmp_path):
    """Declaring French in charter.yaml gives /fr/ with French theme words; untranslated texts fall back."""
    replace_in(
        charter_copy / "charter.yaml",
        '    time_format: "HH:mm"\n',
        '    time_format: "HH:mm"\n  - code: fr\n    name: Français\n    locale: fr_BE\n    time_format: "HH:mm"\n',
    )
    result = load_charter(charter_copy, strict=False)
    assert result.warnings, "French texts are missing: warnings, not errors, outside --strict"
    language_views = views(result.charter)
    staging, work = tmp_path / "staging", tmp_path / "work"
    staging.mkdir()
    work.mkdir()
    ctx = BuildContext(result.charter, language_views, charter_copy, staging, work, tmp_path / "site_src", quiet=True)
    build_site(ctx)

    french = Page(staging / "fr" / "phone.html")
    assert french.lang == "fr"
    assert sorted(a["hreflang"] for a in french.alternates) == ["en", "fr", "nl"]
    assert "Français" in [text for _, text in Page(staging / "phone.html").links]
    html = text_of(staging / "fr" / "index.html")
    assert "Aller au contenu" in html  # the theme's own French words
    search = text_of(staging / "fr" / "search" / "search_index.json")
    assert '"lang":["fr"]' in search.replace(" ", "")


def test_mkdocs_build_works_straight_from_a_project_folder(charter_copy, tmp_path):
    """`mkdocs build` with the project's mkdocs.yml reads charter/, writes site_src/ and builds every language."""
    project = charter_copy.parent
    (project / "mkdocs.yml").write_text(text_of(PROJECT / "mkdocs.yml"), encoding="utf-8")
    (project / "templates").symlink_to(PROJECT / "templates")
    (project / "digicharter").symlink_to(PROJECT / "digicharter")
    replace_in(charter_copy / "quality.yaml", "Leerkrachten moeten zelf", "Leraren moeten zelf")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    assert Page(out / "index.html").lang == "nl"
    assert Page(out / "en" / "index.html").lang == "en"
    assert "Leraren moeten zelf" in text_of(out / "quality.html")
    assert (project / "site_src" / "nl" / "quality.md").is_file()


def test_mkdocs_build_reports_a_charter_mistake_clearly(charter_copy, tmp_path):
    project = charter_copy.parent
    (project / "mkdocs.yml").write_text(text_of(PROJECT / "mkdocs.yml"), encoding="utf-8")
    (project / "templates").symlink_to(PROJECT / "templates")
    (project / "digicharter").symlink_to(PROJECT / "digicharter")
    line = replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(tmp_path / "out")],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120,
    )
    assert done.returncode != 0
    assert f"times.yaml:{line}:" in done.stderr and "is not a time of day" in done.stderr
    assert "Traceback" not in done.stderr


def test_two_builds_give_identical_websites(tmp_path):
    from conftest import CHARTER

    def files(site: Path) -> dict[str, bytes]:
        return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}

    first = build_website(CHARTER, tmp_path / "one")
    second = build_website(CHARTER, tmp_path / "two")
    assert files(first) == files(second)


def test_a_language_the_theme_does_not_speak_is_pointed_out(charter_copy, capsys):
    from helpers import run_cli

    line = replace_in(
        charter_copy / "charter.yaml",
        '    time_format: "HH:mm"\n',
        '    time_format: "HH:mm"\n  - code: li\n    name: Limburgs\n    locale: nl_BE\n',
    ) + 1
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 0
    assert f"charter.yaml:{line}:" in err and "theme has no words in 'li'" in err


def test_each_theme_template_is_compiled_once_for_all_languages(charter_copy, tmp_path, monkeypatch):
    """MkDocs makes a fresh theme environment per language: the compiled templates carry over between them."""
    import jinja2

    from digicharter.render.site import pages as site_pages
    from digicharter.render.site import template_cache

    template_cache.clear()  # as in a fresh process
    site_pages._environment.cache_clear()
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, *args, **kwargs):
        compiled.append(filename or "")
        return original(self, source, name, filename, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    build_website(charter_copy, tmp_path)
    languages = len(views(load_charter(charter_copy, strict=False).charter))
    assert languages >= 2
    assert any(filename.endswith("material/templates/base.html") for filename in compiled)
    # Material's search plugin reads the language partials with an environment of its own (not configured
    # as the pages' one): those are compiled once for it and once for the pages, whatever the languages.
    partials = [filename for filename in compiled
                if "/partials/languages/" in filename or filename.endswith("partials/language.html")]
    assert partials
    again = sorted({filename for filename in compiled if compiled.count(filename) > (2 if filename in partials else 1)})
    assert not again, f"compiled again for another language: {again}"
    assert any(filename.endswith(".md.j2") for filename in compiled), "the page templates are counted too"


def test_a_changed_theme_template_is_compiled_again(tmp_path):
    """The shared compiled templates are keyed by file and source: an edited template (live preview) shows at once."""
    import jinja2

    from digicharter.render.site import template_cache

    (tmp_path / "page.html").write_text("first {{ value }}", encoding="utf-8")

    def render() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path))
        template_cache.use(env)
        return env.get_template("page.html").render(value=1)

    assert render() == "first 1"
    assert render() == "first 1"
    (tmp_path / "page.html").write_text("second {{ value }}", encoding="utf-8")
    assert render() == "second 1"


def test_the_theme_loader_gives_mkdocs_the_same_static_files_without_listing_the_icons(tmp_path):
    """MkDocs lists every theme file to copy the static ones: ours skips the hidden icon folders and gives the same files."""
    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from digicharter.render.site.template_cache import ThemeLoader

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))

    def static_files(loader: type[jinja2.FileSystemLoader]) -> list[str]:
        env = config.theme.get_env()
        env.loader = loader(env.loader.searchpath)
        files = Files([])
        files.add_files_from_theme(env, config)
        return sorted(file.src_uri for file in files)

    assert static_files(ThemeLoader) == static_files(jinja2.FileSystemLoader)
    assert any(name.endswith(".css") for name in static_files(ThemeLoader))
    listed = ThemeLoader(config.theme.dirs).list_templates()
    assert "base.html" in listed and not any(part.startswith(".") for name in listed for part in name.split("/"))
    assert len(jinja2.FileSystemLoader(config.theme.dirs).list_templates()) > 10 * len(listed)
