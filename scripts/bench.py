#!/usr/bin/env python3
"""Measure Digicharter's speed and print the figures (medians of several runs).

    .venv/bin/python scripts/bench.py            # everything (a few minutes)
    .venv/bin/python scripts/bench.py --quick    # fewer runs, no 100x charter
    .venv/bin/python scripts/bench.py --refusals # only the cost of refusing what is too big (4)

What it measures:

1. the full ``digicharter build`` of the example charter (all outputs, both
   languages) next to the bare tools doing the unavoidable part: ``mkdocs
   build`` over the already generated ``site_src/`` per language, and
   WeasyPrint rendering the already generated bookmark and slide HTML;
2. scale: synthetic charters with 10x and 100x the agreements, and with 2 and
   6 languages, so that the growth per agreement and per language shows;
3. live preview: from saving a YAML file to the regenerated page being served,
   and from saving a bookmark text to the served bookmark PDF showing it, next
   to ``digicharter bookmark`` building that PDF alone;
4. refusals: seconds and peak memory until the error for what is too big (a
   4 GiB file, a 1.99 MB flow list, a thousand agreements on a slide and on
   the bookmark), next to a bare tool on the same input or a normal build.

This is a benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
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
EXTRA_LANGUAGES = [
    {"code": "fr", "name": "Français", "locale": "fr_BE", "time_format": "HH:mm"},
    {"code": "de", "name": "Deutsch", "locale": "de_BE", "time_format": "HH:mm"},
    {"code": "es", "name": "Español", "locale": "es_ES", "time_format": "H:mm"},
    {"code": "it", "name": "Italiano", "locale": "it_IT", "time_format": "HH:mm"},
]


# --------------------------------------------------------------------------- timing


def median_of(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run(*command: str | Path, cwd: Path = PROJECT, env: dict[str, str] | None = None) -> None:
    done = subprocess.run([str(c) for c in command], cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(map(str, command))}\n{done.stdout}\n{done.stderr}")


def digicharter_build(charter: Path, out: Path, *, cached: bool = False) -> None:
    """The real command, as a school runs it (its pages go to its own work folder next to ``out``).

    ``cached=False`` is a cold build: no PDF is reused from an earlier one.
    """
    run(VENV_BIN / "digicharter", "build", charter, "--output", out, "--quiet", env={} if cached else {"DIGICHARTER_NO_CACHE": "1"})


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


def synthetic_charter(target: Path, *, factor: int = 1, languages: int = 2, new_channels: bool = True) -> Path:
    """The example charter with ``factor`` times the agreements and ``languages`` languages.

    ``new_channels``: the extra agreements go into extra channels (copies of the
    real ones), so there are more pages and slides, each of its real size.
    Otherwise they join the real channels without a short text: the channel
    pages grow, the bookmark and the slides stay as they are.
    """
    shutil.copytree(PROJECT / "charter", target)
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
    if languages > 2:
        extra_languages = EXTRA_LANGUAGES[: languages - 2]
        codes = [lang["code"] for lang in extra_languages]
        for path in target.glob("*.yaml"):
            data = _add_languages(_read(path), codes)
            if path.name == "charter.yaml":
                data["languages"] += extra_languages
            _write(path, data)
    return target


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


def preview_latency(work: Path, runs: int) -> tuple[list[float], list[float]]:
    """Seconds from saving times.yaml to the served page showing the new time; then from saving a bookmark
    text to the served bookmark PDF showing it (built in the background, the other language reused)."""
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


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs per median (default 5)")
    parser.add_argument("--quick", action="store_true", help="3 runs, no 100x charter")
    parser.add_argument("--refusals", action="store_true", help="only the cost of refusing what is too big")
    args = parser.parse_args()
    runs = 3 if args.quick else args.runs
    if args.refusals:
        refusals(runs)
        return

    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="digicharter-bench-") as tmp:
        work = Path(tmp)
        charter = synthetic_charter(work / "example")
        site_src = work / "site_src"
        _export_pages(charter, site_src)

        full = median_of(runs, lambda: digicharter_build(charter, work / "site"))
        digicharter_build(charter, work / "site-warm", cached=True)
        warm = median_of(runs, lambda: digicharter_build(charter, work / "site-warm", cached=True))
        mkdocs = statistics.median(bare_mkdocs(site_src, work) for _ in range(runs))
        html_dir = work / "pdf-html"
        _export_pdf_html(charter, html_dir)
        weasy = statistics.median(bare_weasyprint(html_dir) for _ in range(runs))
        one_core = median_of(runs, lambda: run(VENV_BIN / "digicharter", "build", charter, "--output", work / "site-1",
                                                "--quiet", env={"DIGICHARTER_NO_CACHE": "1", "DIGICHARTER_JOBS": "1"}))
        print("\n1. example charter (2 languages, all outputs), median of", runs, "runs")
        print(f"   digicharter build, cold (no PDF reused)   {full:7.2f} s")
        print(f"     the same on one core (DIGICHARTER_JOBS=1) {one_core:5.2f} s")
        print(f"   digicharter build, charter unchanged      {warm:7.2f} s   (PDFs reused)")
        print(f"   bare mkdocs build, languages in a row     {mkdocs:7.2f} s")
        print(f"   bare WeasyPrint, bookmark + slide HTML    {weasy:7.2f} s   (one core)")
        print(f"   ratio cold build / bare mkdocs            {full / mkdocs:7.2f}")
        print(f"   ratio warm build / bare mkdocs            {warm / mkdocs:7.2f}")
        print(f"   ratio cold build / (bare mkdocs + WeasyPrint)  {full / (mkdocs + weasy):5.2f}")

        print("\n2. scale, cold builds (median of", runs, "runs; 100x: 1 run)")
        print("   agreements  where                       languages   build      per agreement")
        factors = [1, 10] if args.quick else [1, 10, 100]
        for new_channels, where in ((False, "in the 10 real channels"), (True, "in copies of the channels")):
            for factor in factors:
                if factor == 1 and new_channels:
                    continue
                scaled = synthetic_charter(work / f"x{factor}-{new_channels}", factor=factor, new_channels=new_channels)
                agreements = len(_read(scaled / "agreements.yaml")["rules"]) + len(_read(scaled / "protocol.yaml")["rules"])
                n = 1 if factor >= 100 else runs
                seconds = median_of(n, lambda: digicharter_build(scaled, work / f"site-x{factor}-{new_channels}"))
                print(f"   {agreements:10d}  {where:<26}  {2:9d}  {seconds:7.2f} s  {1000 * seconds / agreements:8.1f} ms")
        for languages in (2, 6):
            scaled = synthetic_charter(work / f"l{languages}", languages=languages)
            seconds = median_of(runs, lambda: digicharter_build(scaled, work / f"site-l{languages}"))
            print(f"   {'(example)':>10}  {'':<26}  {languages:9d}  {seconds:7.2f} s  {seconds / languages:7.2f} s per language")

        print("\n3. live preview: save times.yaml → page served with the new time")
        latencies, pdf_latencies = preview_latency(work, runs)
        if latencies:
            print(f"   median {statistics.median(latencies):.2f} s, max {max(latencies):.2f} s over {len(latencies)} saves")
        else:
            print("   the preview never showed the change")
        bookmark_alone = median_of(runs, lambda: run(VENV_BIN / "digicharter", "bookmark", charter, "--output",
                                                     work / "site-bookmark", "--quiet", env={"DIGICHARTER_NO_CACHE": "1"}))
        print("   save a bookmark text → served bookmark PDF with the new text")
        if pdf_latencies:
            median = statistics.median(pdf_latencies)
            print(f"   median {median:.2f} s, max {max(pdf_latencies):.2f} s over {len(pdf_latencies)} saves")
            print(f"   digicharter bookmark alone (cold)         {bookmark_alone:7.2f} s")
            print(f"   ratio preview PDF / digicharter bookmark  {median / bookmark_alone:7.2f}")
        else:
            print("   the preview never served the new bookmark")


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
    from digicharter.render.slides import deck_info
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
