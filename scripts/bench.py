#!/usr/bin/env python3
"""Measure Digicharter's speed next to the bare tools, in one run, and print each target with its ratio.

    .venv/bin/python scripts/bench.py            # everything (several minutes)
    .venv/bin/python scripts/bench.py --quick    # fewer runs
    .venv/bin/python scripts/bench.py --refusals # only the cost of refusing what is too big (4)

Every figure is measured here, side by side, on this machine (medians of
several runs), and every target is a ratio against a bare tool doing the same
job in the same run (or, for what has no bare tool, a time a person notices):

* cold ``digicharter build`` (every output, every language, no PDF reused)
  ≤ 2.5 × bare ``mkdocs build`` of the same generated pages, per language in
  a row, without our hooks; with ``engine: zensical`` ≤ 1.0 × that bare build;
* nothing changed ≤ 1.0 × the same bare ``mkdocs build``; one agreement text
  changed: only what shows it is built again (the PDFs of an agreement that is
  not on the bookmark or the slides are reused);
* the slides, HTML + PDF of every language ≤ 0.5 × the CPU marp-cli spends on
  HTML + PDF of the same decks (the bench writes a Marp version of each deck
  itself and runs marp-cli, installed once into ``.bench-tools/``, with
  Debian's Chromium);
* ``digicharter check --strict`` ≤ 0.25 s;
* the live preview: a website page updated < 1 s after a save, the bookmark
  PDF < 3 s;
* growth stays linear: 10 × the agreements cost at most 10 × the time,
  6 languages at most 6/4 × the example's 4.

A table at the end repeats every target with its measured value. This is a
benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any, Callable

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from digicharter.loading.yaml_loader import load_yaml_file  # noqa: E402

VENV_BIN = Path(sys.executable).parent
#: Languages a synthetic charter adds to the example's (their texts are the English ones; Digicharter has no
#: default words in them, so they are published as in progress).
EXTRA_LANGUAGES = [
    {"code": "de", "complete": False, "name": "Deutsch", "locale": "de_BE", "time_format": "HH:mm"},
    {"code": "es", "complete": False, "name": "Español", "locale": "es_ES", "time_format": "H:mm"},
    {"code": "it", "complete": False, "name": "Italiano", "locale": "it_IT", "time_format": "HH:mm"},
    {"code": "pl", "complete": False, "name": "Polski", "locale": "pl_PL", "time_format": "HH:mm"},
]
#: marp-cli, the bare tool the slides are measured against (installed into .bench-tools/ on first use).
MARP_CLI = "@marp-team/marp-cli@4.5.1"
BENCH_TOOLS = PROJECT / ".bench-tools"


# --------------------------------------------------------------------------- timing


def median_of(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(*command: str | Path, cwd: Path = PROJECT, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def cpu_of(action: Callable[[], Any]) -> float:
    """CPU seconds (user + system) the child processes of ``action`` spent, their own children included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    action()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def digicharter_build(charter: Path, out: Path, *, cached: bool = False) -> None:
    """The real command, as a school runs it (its pages go to its own work folder next to ``out``).

    ``cached=False`` is a cold build: no PDF is reused from an earlier one.
    """
    run(VENV_BIN / "digicharter", "build", charter, "--output", out, "--quiet", env={} if cached else {"DIGICHARTER_NO_CACHE": "1"})


def website_only(charter: Path, out: Path) -> None:
    """``digicharter build`` with the website as its only step (a new process, as the command is)."""
    run(VENV_BIN / "python", "-c",
        "import sys; from pathlib import Path; from digicharter.build import build; "
        "from digicharter.steps import output_steps; "
        "build(Path(sys.argv[1]), Path(sys.argv[2]), quiet=True, "
        "steps=[step for step in output_steps() if step[0] == 'website'])", charter, out)


# --------------------------------------------------------------------------- synthetic charters


def _read(path: Path) -> Any:
    return load_yaml_file(path, path.name, typed_numbers=True).data


def _write(path: Path, data: Any) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _add_languages(node: Any, codes: list[str]) -> Any:
    """Give every translated text the extra languages (the English text stands in)."""
    if isinstance(node, dict):
        if "en" in node and all(isinstance(v, str) for v in node.values()):
            return {**node, **{code: node["en"] for code in codes}}
        return {key: _add_languages(value, codes) for key, value in node.items()}
    if isinstance(node, list):
        return [_add_languages(item, codes) for item in node]
    return node


def synthetic_charter(target: Path, *, factor: int = 1, languages: int = 0, new_channels: bool = True) -> Path:
    """The example charter with ``factor`` times the agreements and (if more than it has) ``languages`` languages.

    ``new_channels``: the extra agreements go into extra channels (copies of the
    real ones), so there are more pages and slides, each of its real size.
    Otherwise they join the real channels without a short text: the channel
    pages grow, the bookmark and the slides stay as they are.
    """
    shutil.copytree(PROJECT / "charter", target)
    if factor > 1 or languages:
        _typed_languages_only(target)
    if factor > 1:
        channels = _read(target / "channels.yaml")
        agreements = _read(target / "agreements.yaml")
        originals_c, originals_a = list(channels["channels"]), list(agreements["rules"])
        for copy in range(2, factor + 1):
            if new_channels:
                for channel in originals_c:
                    channels["channels"].append({**channel, "id": f"{channel['id']}-{copy}"})
            for rule in originals_a:
                extra = {
                    **rule,
                    "id": f"{rule['id']}-{copy}",
                    # The "what we ask of parents" slide lists the real ones only (it has one page).
                    "binds": [role for role in rule.get("binds", []) if role != "parents"],
                }
                if new_channels:
                    extra["channel"] = f"{rule['channel']}-{copy}"
                else:
                    extra.pop("short", None)
                agreements["rules"].append(extra)
        _write(target / "channels.yaml", channels)
        _write(target / "agreements.yaml", agreements)
    base = len(_read(target / "charter.yaml")["languages"])
    if languages > base:
        extra_languages = EXTRA_LANGUAGES[: languages - base]
        codes = [lang["code"] for lang in extra_languages]
        for path in target.glob("*.yaml"):
            data = _add_languages(_read(path), codes)
            if path.name == "charter.yaml":
                data["languages"] += extra_languages
            _write(path, data)
    return target


def _typed_languages_only(target: Path) -> None:
    """Keep the languages typed in the YAML (nl, en): copied agreements have no translation in a translator's PO file."""
    data = _read(target / "charter.yaml")
    typed = [lang for lang in data["languages"] if lang["code"] in ("nl", "en")]
    text = (target / "charter.yaml").read_text(encoding="utf-8")
    for lang in data["languages"]:
        if lang not in typed:
            start = text.index(f"  - code: {lang['code']}\n")
            end = text.find("\n  - code: ", start + 1)
            end = text.index("\n\n", start) if end == -1 or end > text.index("\n\n", start) else end
            text = text[:start] + text[end + 1:]
    (target / "charter.yaml").write_text(text, encoding="utf-8")
    shutil.rmtree(target / "translations", ignore_errors=True)


# --------------------------------------------------------------------------- the bare tools


def bare_mkdocs(site_src: Path, work: Path) -> float:
    """``mkdocs build`` per language over the already generated pages, one after the other (no hook)."""
    config = yaml.safe_load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)  # the bare engine: plain Material over the generated pages
    config["theme"].pop("custom_dir", None)
    total = 0.0
    for language in sorted(p.name for p in site_src.iterdir() if p.is_dir()):
        lang_config = {**config, "docs_dir": str(site_src / language), "site_dir": str(work / f"bare-{language}")}
        lang_config["theme"] = {**config["theme"], "language": language}
        lang_config["extra_css"] = []
        config_file = work / f"mkdocs-{language}.yml"
        config_file.write_text(yaml.safe_dump(lang_config), encoding="utf-8")
        started = time.perf_counter()
        run(VENV_BIN / "mkdocs", "build", "--quiet", "-f", config_file)
        total += time.perf_counter() - started
    return total


def bare_weasyprint(html_dir: Path) -> float:
    """WeasyPrint rendering the already generated HTML (bookmark strip and sheet, slides, handout) to PDF.

    In this process, one document after the other, with WeasyPrint already imported. It reads the
    fonts through the same fetcher as a build (our own files only), so the ratio compares like with like.
    """
    files = sorted(html_dir.glob("*.html"))
    if not files:
        return float("nan")
    from digicharter.render.pdf.writing import html_document

    started = time.perf_counter()
    for file in files:
        html_document(file.read_text(encoding="utf-8"), base_url=str(PROJECT)).write_pdf(file.with_suffix(".pdf"))
    return time.perf_counter() - started


# --------------------------------------------------------------------------- live preview


#: Seconds between two saves of a bookmark text: an editor reads the result before saving again. By then
#: the background build of the save before (the slides after the bookmark: about 8 s on two cores) is over
#: and its spare worker has loaded the renderers, as in a normal editing session.
PREVIEW_PAUSE = 15.0


def preview_latency(work: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from saving times.yaml to the served page showing the new time; then from saving a bookmark
    text to the served bookmark PDF showing it (built in the background, the other languages reused), each
    save :data:`PREVIEW_PAUSE` seconds after the one before."""
    import socket

    charter = synthetic_charter(work / "preview-charter")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [str(VENV_BIN / "digicharter"), "serve", str(charter), "--dev-addr", f"127.0.0.1:{port}"],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/en/smartschool.html"
    try:
        if not _wait_for(url, lambda page: "17:00" in page, timeout=120):
            raise SystemExit("the preview server did not start")
        results = []
        for minute in range(runs):
            new = f"17:{minute + 10:02d}"
            times = charter / "times.yaml"
            text = times.read_text(encoding="utf-8")
            old = next(line for line in text.splitlines() if line.strip().startswith("no_school_messages_after:"))
            started = time.perf_counter()
            times.write_text(text.replace(old, f"  no_school_messages_after: {new}"), encoding="utf-8")
            if _wait_for(url, lambda page: new in page, timeout=60):
                results.append(time.perf_counter() - started)
        pdf_url = f"http://127.0.0.1:{port}/downloads/digicharter-bookmark-en.pdf"
        agreements = charter / "agreements.yaml"
        old_text, pdf_results = "Quiet times: evenings from", []
        for run_number in range(runs):
            new_text = f"Quiet times {run_number}: evenings from"
            time.sleep(PREVIEW_PAUSE)  # the outputs of the save before are still being built: the editor reads first
            text = agreements.read_text(encoding="utf-8")
            started = time.perf_counter()
            agreements.write_text(text.replace(old_text, new_text), encoding="utf-8")
            if _wait_for_pdf(pdf_url, new_text, timeout=300):
                pdf_results.append(time.perf_counter() - started)
            old_text = new_text
        return results, pdf_results
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for(url: str, ready: Callable[[str], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return True
        except OSError:
            pass
        time.sleep(0.02)
    return False


def _wait_for_pdf(url: str, needle: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                text = subprocess.run(["pdftotext", "-", "-"], input=response.read(), capture_output=True).stdout
                if needle in " ".join(text.decode("utf-8", "replace").split()):
                    return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


# --------------------------------------------------------------------------- marp-cli, the slides' bare tool


def marp_binary() -> Path:
    """marp-cli from .bench-tools/, installed there from the npm registry the first time."""
    binary = BENCH_TOOLS / "node_modules" / ".bin" / "marp"
    if not binary.exists():
        BENCH_TOOLS.mkdir(exist_ok=True)
        print(f"   (installing {MARP_CLI} into {BENCH_TOOLS.relative_to(PROJECT)}/ once)")
        run("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", BENCH_TOOLS, MARP_CLI)
    return binary


def marp_decks(charter: Path, target: Path) -> list[Path]:
    """A Marp Markdown version of every language's deck: the same slides, headings, texts and lines."""
    from markupsafe import Markup

    from digicharter.loading.charter_loader import load_charter
    from digicharter.render.slides.outline import build_deck
    from digicharter.view import views

    def plain(value: Any) -> str:
        return " ".join(Markup(str(value)).striptags().split())

    target.mkdir(parents=True, exist_ok=True)
    decks = []
    for view in views(load_charter(charter, strict=True).charter):
        parts = [f"---\nmarp: true\nlang: {view.code}\npaginate: true\nfooter: {json.dumps(view.code)}\n---"]
        for slide in build_deck(view):
            lines = [f"# {plain(slide.heading)}"]
            for key, value in slide.content.items():
                if key == "points":
                    lines += [f"- {plain(point.html)}" for point in value or []]
                elif isinstance(value, Markup):
                    lines.append(plain(value))
                elif isinstance(value, list):
                    lines += [f"- {plain(item)}" for item in value if plain(item)]
            parts.append("\n\n".join(line for line in lines if line.strip("-# ")))
        deck = target / f"deck-{view.code}.md"
        deck.write_text("\n\n---\n\n".join(parts) + "\n", encoding="utf-8")
        decks.append(deck)
    return decks


def marp_cpu(decks: list[Path], chromium: str) -> float:
    """CPU seconds marp-cli (and the Chromium it drives) spends on HTML and PDF of every deck."""
    marp = marp_binary()
    env = {"CHROME_PATH": chromium}

    def both() -> None:
        for deck in decks:
            run(marp, deck, "-o", deck.with_suffix(".html"), env=env)
            run(marp, deck, "--pdf", "--browser-path", chromium, "-o", deck.with_suffix(".pdf"), env=env)

    return cpu_of(both)


# --------------------------------------------------------------------------- targets


class Targets:
    """Each target with its measured value, printed together at the end."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, float, float, str, str]] = []

    def add(self, name: str, value: float, limit: float, unit: str, against: str) -> None:
        self.rows.append((name, value, limit, unit, against))
        mark = "ok  " if value <= limit else "OVER"
        print(f"   → {mark} {name}: {value:.2f}{unit} (target ≤ {limit:g}{unit}{', ' + against if against else ''})")

    def show(self) -> None:
        print("\ntargets (measured in this run)")
        print(f"   {'':4} {'what':<58} {'measured':>9} {'target':>8}  against")
        for name, value, limit, unit, against in self.rows:
            mark = "ok" if value <= limit else "OVER"
            print(f"   {mark:<4} {name:<58} {value:8.2f}{unit:<1} {'≤ ' + format(limit, 'g') + unit:>8}  {against}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs")
    parser.add_argument("--refusals", action="store_true", help="only the cost of refusing what is too big")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    if args.refusals:
        refusals(runs)
        return

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    targets = Targets()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; medians of {runs} runs")
    with tempfile.TemporaryDirectory(prefix="digicharter-bench-") as tmp:
        work = Path(tmp)
        charter = synthetic_charter(work / "example")
        languages = len(_read(charter / "charter.yaml")["languages"])
        site_src = work / "site_src"
        _export_pages(charter, site_src)

        print(f"\n1. the example charter ({languages} languages, every output)")
        cold_cpu: list[float] = []
        full = median_of(runs, lambda: cold_cpu.append(cpu_of(lambda: digicharter_build(charter, work / "site"))))
        digicharter_build(charter, work / "site-warm", cached=True)
        warm = median_of(runs, lambda: digicharter_build(charter, work / "site-warm", cached=True))
        mkdocs_cpu: list[float] = []
        mkdocs_wall: list[float] = []
        for _ in range(runs):
            mkdocs_cpu.append(cpu_of(lambda: mkdocs_wall.append(bare_mkdocs(site_src, work))))
        mkdocs = statistics.median(mkdocs_wall)
        html_dir = work / "pdf-html"
        _export_pdf_html(charter, html_dir)
        weasy = statistics.median(bare_weasyprint(html_dir) for _ in range(runs))
        one_core = median_of(runs, lambda: run(VENV_BIN / "digicharter", "build", charter, "--output", work / "site-1",
                                                "--quiet", env={"DIGICHARTER_NO_CACHE": "1", "DIGICHARTER_JOBS": "1"}))
        print(f"   digicharter build, cold (no PDF reused)       {full:7.2f} s wall, {statistics.median(cold_cpu):6.2f} s CPU")
        print(f"     the same in one process (DIGICHARTER_JOBS=1)  {one_core:5.2f} s")
        print(f"   digicharter build, charter unchanged          {warm:7.2f} s   (PDFs reused)")
        print(f"   bare mkdocs build, languages in a row         {mkdocs:7.2f} s wall, {statistics.median(mkdocs_cpu):6.2f} s CPU")
        print(f"   bare WeasyPrint, the bookmark and slide HTML   {weasy:6.2f} s   (one process, for comparison)")
        print(f"   CPU ratio cold build / bare mkdocs            {statistics.median(cold_cpu) / statistics.median(mkdocs_cpu):7.2f}")
        targets.add("cold build / bare mkdocs build (wall)", full / mkdocs, 2.5, "×", "bare mkdocs, same pages")
        targets.add("nothing changed / bare mkdocs build (wall)", warm / mkdocs, 1.0, "×", "bare mkdocs, same pages")
        zensical_charter = synthetic_charter(work / "zensical")
        with (zensical_charter / "site.yaml").open("a", encoding="utf-8") as site_yaml:
            site_yaml.write("\nengine: zensical\n")
        zensical = median_of(runs, lambda: digicharter_build(zensical_charter, work / "site-zensical"))
        print(f"   digicharter build, cold, engine: zensical     {zensical:7.2f} s wall")
        targets.add("cold build, Zensical engine / bare mkdocs build (wall)", zensical / mkdocs, 1.0, "×",
                    "bare mkdocs, same pages")
        # The website alone (checking, pages, engine), as a command: what the engine choice changes.
        for label, source in (("mkdocs", charter), ("zensical", zensical_charter)):
            alone = median_of(runs, lambda: website_only(source, work / f"website-{label}"))
            print(f"   the website alone, engine: {label:<9}          {alone:7.2f} s wall ({alone / mkdocs:.2f}× bare mkdocs)")

        print("\n   one agreement's English text changed (its full text, then its short one)")
        changed = synthetic_charter(work / "changed")
        digicharter_build(changed, work / "site-changed", cached=True)
        needless = 0
        for label, old, new in (
            ("full text", "en: For privacy reasons, teachers can", "en: For privacy, teachers can"),
            ("short text", 'en: "School: {phone.school}, every day', 'en: "School {phone.school}, every day'),
        ):
            source = next(path for path in changed.glob("*.yaml") if old in path.read_text(encoding="utf-8"))
            source.write_text(source.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
            started = time.perf_counter()
            output = run(VENV_BIN / "digicharter", "--lang", "en", "build", changed, "--output", work / "site-changed")
            seconds = time.perf_counter() - started
            shown = " ".join(new.split(": ", 1)[1].strip('"').split("{")[0].split()[:3])
            again, useless = [], []
            for line in output.splitlines():
                line = line.strip()
                # "bookmark (en) → …" and "slides (en): …" say what was built; "bookmark (en)  0.52 s" is a timing.
                if re.match(r"^(bookmark|slides) \(\w+\)(:| →)", line) and "reused" not in line:
                    output_name, code = line.split(" (")[0], line.split("(")[1].split(")")[0]
                    again.append(f"{output_name} ({code})")
                    files = ([f"digicharter-bookmark-{code}.pdf"] if output_name == "bookmark"
                             else [f"digicharter-slides-{code}.pdf", f"digicharter-slides-notes-{code}.pdf"])
                    texts = " ".join(subprocess.run(["pdftotext", str(work / "site-changed" / "downloads" / f), "-"],
                                                    capture_output=True, text=True).stdout for f in files)
                    if shown not in " ".join(texts.split()):
                        useless.append(f"{output_name} ({code})")
            needless += len(useless)
            print(f"   {label + ' changed:':<20} {seconds:5.2f} s; laid out again: {', '.join(again) or 'nothing'}"
                  f"{'; of which not showing it: ' + ', '.join(useless) if useless else ''}")
        targets.add("PDFs laid out again that do not show the changed text", needless, 0, "", "only what shows it")

        print("\n2. the slides (HTML + PDF of every language) next to marp-cli on the same decks")
        slides_cpu = statistics.median(cpu_of(lambda: run(VENV_BIN / "digicharter", "slides", charter, "--output",
                                                              work / "site-slides", "--quiet",
                                                              env={"DIGICHARTER_NO_CACHE": "1"})) for _ in range(runs))
        if chromium is None:
            print("   marp-cli not measured: Chromium is not installed (scripts/setup.sh installs it)")
        else:
            decks = marp_decks(charter, work / "marp")
            marp = statistics.median(marp_cpu(decks, chromium) for _ in range(runs))
            print(f"   digicharter slides (also PowerPoint, handout)  {slides_cpu:6.2f} s CPU")
            print(f"   marp-cli, HTML + PDF of the same {len(decks)} decks     {marp:6.2f} s CPU (Chromium included)")
            targets.add("slides CPU / marp-cli CPU", slides_cpu / marp, 0.5, "×", "marp-cli HTML + PDF, same decks")

        print("\n3. checking")
        check = median_of(runs, lambda: run(VENV_BIN / "digicharter", "check", "--strict", charter))
        python = median_of(runs, lambda: run(sys.executable, "-c", "pass"))
        print(f"   digicharter check --strict                    {check:7.2f} s   (the interpreter alone starts in {python:.2f} s)")
        targets.add("check --strict", check, 0.25, " s", "")

        print("\n4. live preview")
        latencies, pdf_latencies = preview_latency(work, runs)
        page = statistics.median(latencies) if latencies else float("inf")
        pdf = statistics.median(pdf_latencies) if pdf_latencies else float("inf")
        print(f"   save times.yaml → page served with the new time: median {page:.2f} s over {len(latencies)} saves")
        print(f"   save a bookmark text → served PDF shows it:      median {pdf:.2f} s over {len(pdf_latencies)} saves")
        targets.add("preview: page updated after a save", page, 1.0, " s", "")
        targets.add("preview: bookmark PDF updated after a save", pdf, 3.0, " s", "")

        print("\n5. growth, cold builds (on the example's two typed languages: a copied agreement has no PO translation)")
        typed = synthetic_charter(work / "typed", factor=1, languages=2)
        languages = 2
        base = median_of(runs, lambda: digicharter_build(typed, work / "site-g1"))
        scaled = synthetic_charter(work / "x10", factor=10, new_channels=False)
        agreements = len(_read(scaled / "agreements.yaml")["rules"]) + len(_read(scaled / "protocol.yaml")["rules"])
        ten = median_of(runs, lambda: digicharter_build(scaled, work / "site-x10"))
        print(f"   {agreements} agreements (10 × those of agreements.yaml) {ten:7.2f} s, the example {base:.2f} s")
        targets.add("10 × the agreements: time / (10 × the example's)", ten / (10 * base), 1.0, "×", "linear growth")
        six = synthetic_charter(work / "l6", languages=6)
        six_time = median_of(runs, lambda: digicharter_build(six, work / "site-l6"))
        print(f"   6 languages                                   {six_time:7.2f} s, the example ({languages}) {base:.2f} s")
        targets.add(f"6 languages: time / (6/{languages} × the example's)", six_time / (6 / languages * base), 1.0, "×",
                    "linear growth")
    targets.show()


def _export_pages(charter: Path, target: Path) -> None:
    """The Markdown pages a build generates (in its own work folder), for the bare MkDocs build."""
    from digicharter.loading.charter_loader import load_charter
    from digicharter.render.site.pages import generate
    from digicharter.view import views

    generate(views(load_charter(charter, strict=True).charter), target)


# --------------------------------------------------------------------------- refusals


def measured(command: list[str | Path], *, expect: int, env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Seconds and peak memory (RSS, MB, of the process and its workers) of a command, and its error output."""
    started = time.perf_counter()
    process = subprocess.Popen([str(c) for c in command], cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, **(env or {})})
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != expect:
        raise SystemExit(f"expected exit {expect}, got {process.returncode}: {' '.join(map(str, command))}\n{err}")
    return seconds, usage.ru_maxrss / 1024, err


def _add_agreements(charter: Path, count: int, *, on_bookmark: bool = False) -> None:
    """``count`` agreements on the phone channel, each with a short text (on the phone slide and the parents' slide)."""
    ids = [f"extra-{i}" for i in range(count)]
    with (charter / "agreements.yaml").open("a", encoding="utf-8") as out:
        for i, id_ in enumerate(ids):
            out.write(f"\n  - id: {id_}\n    channel: phone\n    binds: [parents]\n"
                      f'    text: {{nl: "Extra afspraak {i}.", en: "Extra agreement {i}."}}\n'
                      f'    short: {{nl: "Extra afspraak {i}", en: "Extra agreement {i}"}}\n')
    if on_bookmark:
        data = _read(charter / "bookmark.yaml")
        data["front"]["sections"][0]["items"] += [{"agreement": id_} for id_ in ids]
        _write(charter / "bookmark.yaml", data)


def refusals(runs: int) -> None:
    """4. What a too-big charter costs until the error, next to a bare tool on the same input or a normal build.

    A ratio near or below 1 means refusing costs no more than the normal work:
    the limits are checked before the cost, not after.
    """
    digicharter = VENV_BIN / "digicharter"
    one_core = {"DIGICHARTER_JOBS": "1", "DIGICHARTER_NO_CACHE": "1", "LANGUAGE": "en"}
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; one process (DIGICHARTER_JOBS=1), median of {runs} runs")
    print("\n4. refusals: until the error        seconds   peak MB    bare tool on the same input                 seconds   peak MB   ratio s   ratio MB")
    with tempfile.TemporaryDirectory(prefix="digicharter-refusals-") as tmp:
        work = Path(tmp)

        def row(label: str, ours: list[tuple[float, float, str]], bare_label: str, bare: list[tuple[float, float, str]]) -> None:
            seconds, mb = statistics.median(o[0] for o in ours), statistics.median(o[1] for o in ours)
            bare_s, bare_mb = statistics.median(b[0] for b in bare), statistics.median(b[1] for b in bare)
            message = ours[0][2].strip()
            print(f"   {label:<32} {seconds:8.2f} {mb:9.0f}    {bare_label:<42} {bare_s:8.2f} {bare_mb:9.0f}"
                  f"  {seconds / bare_s:8.2f}  {mb / bare_mb:8.2f}")
            print(f"   {'':<32} message: {len(message)} characters, {len(message.splitlines())} lines")

        normal = synthetic_charter(work / "normal")
        sparse = synthetic_charter(work / "sparse")
        with open(sparse / "times.yaml", "r+b") as handle:
            handle.truncate(4 * 1024**3)  # sparse: 4 GiB that take no disk space
        ours = [measured([digicharter, "check", sparse], expect=1, env=one_core) for _ in range(runs)]
        bare = [measured([digicharter, "check", normal], expect=0, env=one_core) for _ in range(runs)]
        row("4 GiB sparse times.yaml (check)", ours, "digicharter check, example charter", bare)

        flow = synthetic_charter(work / "flow")
        (flow / "times.yaml").write_text("x: [" + ",".join(["a"] * 995_000) + "]\n", encoding="utf-8")
        ours = [measured([digicharter, "check", flow], expect=1, env=one_core) for _ in range(runs)]
        load = f"import yaml; yaml.load(open({str(flow / 'times.yaml')!r}, 'rb'), Loader=yaml.CSafeLoader)"
        bare = [measured([sys.executable, "-c", load], expect=0) for _ in range(runs)]
        row("1.99 MB flow list (check)", ours, "PyYAML CSafeLoader reading the whole file", bare)

        slides = synthetic_charter(work / "slides")
        _add_agreements(slides, 1000)
        ours = [measured([digicharter, "slides", slides, "--output", work / "out-slides", "--quiet"], expect=1, env=one_core)
                for _ in range(runs)]
        bare = [measured([digicharter, "slides", normal, "--output", work / "out-normal", "--quiet"], expect=0, env=one_core)
                for _ in range(runs)]
        row("1,000 agreements on a slide", ours, "digicharter slides, example charter (builds)", bare)

        bookmark = synthetic_charter(work / "bookmark")
        _add_agreements(bookmark, 1000, on_bookmark=True)
        ours = [measured([digicharter, "bookmark", bookmark, "--output", work / "out-bookmark", "--quiet"], expect=1,
                         env=one_core) for _ in range(runs)]
        bare = [measured([digicharter, "bookmark", normal, "--output", work / "out-normal-b", "--quiet"], expect=0,
                         env=one_core) for _ in range(runs)]
        row("1,000 lines on the bookmark", ours, "digicharter bookmark, example charter (builds)", bare)


def _export_pdf_html(charter: Path, target: Path) -> None:
    """Write the HTML documents the bookmark and slides hand to WeasyPrint (strip, sheet, deck, handout)."""
    from digicharter.loading.charter_loader import load_charter
    from digicharter.render.bookmark.content import faces
    from digicharter.render.bookmark.html import sheet_html, strip_html
    from digicharter.render.bookmark.layout import sheet_layout
    from digicharter.render.slides.build import deck_info
    from digicharter.render.slides.outline import build_deck
    from digicharter.render.slides.templates import environment
    from digicharter.view import views

    target.mkdir(parents=True, exist_ok=True)
    model = load_charter(charter, strict=True).charter
    layout = sheet_layout(model.bookmark.size, model.bookmark.sheet)
    for view in views(model):
        face_list = faces(view)
        slides, deck = build_deck(view), deck_info(view)
        documents = {
            "bookmark-strip": strip_html(view, face_list),
            "bookmark-sheet": sheet_html(view, face_list, layout),
            "slides": environment().get_template("print.html.j2").render(slides=slides, deck=deck),
            "slides-notes": environment().get_template("handout.html.j2").render(slides=slides, deck=deck),
        }
        for name, html in documents.items():
            (target / f"{name}-{view.code}.html").write_text(html, encoding="utf-8")


if __name__ == "__main__":
    main()
