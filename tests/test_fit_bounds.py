"""A charter far too big for a slide or the bookmark is refused quickly, with a short message.

A thousand extra agreements used to take WeasyPrint more than ten minutes to
lay out before the build said that a slide does not fit, in a message of
25 KB. The time is measured by scripts/bench.py --refusals; these tests check
that the message is right, names what to do, and stays short.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from digicharter.render.slides.fit import SHOWN_IDS

from helpers import run_cli

EXTRA = 1000


def add_agreements(charter_dir: Path, count: int, *, short_en: str = "Extra agreement {i}") -> list[str]:
    """``count`` agreements on the phone channel that bind parents, each with a short text; returns their ids."""
    ids = [f"extra-{i}" for i in range(count)]
    text = "".join(
        f"\n  - id: {id_}\n    channel: phone\n    binds: [parents]\n"
        f'    text: {{nl: "Extra afspraak {i}.", en: "Extra agreement {i}."}}\n'
        f'    short: {{nl: "Extra afspraak {i}", en: "{short_en.format(i=i)}"}}\n'
        for i, id_ in enumerate(ids)
    )
    with (charter_dir / "agreements.yaml").open("a", encoding="utf-8") as out:
        out.write(text)
    return ids


@pytest.fixture
def one_process(monkeypatch):
    monkeypatch.setenv("DIGICHARTER_JOBS", "1")


def test_a_thousand_agreements_on_a_slide_are_refused_with_a_short_message(capsys, charter_copy, tmp_path, one_process):
    add_agreements(charter_copy, EXTRA)
    code, _out, err = run_cli(capsys, "slides", str(charter_copy), "--output", str(tmp_path / "site"), "--quiet")
    assert code == 1 and "Traceback" not in err
    phone = re.search(r"slide (\d+) 'Phone' \(English, en\) does not fit on its page: it shows (\d+) lines, "
                      r"and only about (\d+) fit on one slide", err)
    assert phone, err
    assert int(phone.group(2)) > EXTRA and 0 < int(phone.group(3)) < 20
    assert "'Telefoon' (Nederlands, nl) does not fit" in err
    # The advice names a few agreements and counts the others, instead of listing a thousand ids.
    assert re.search(rf"phone-school, [a-z-]+, [a-z-]+ and {int(phone.group(2)) - SHOWN_IDS} more", err), err
    assert "extra-999" not in err
    # Two slides in two languages do not fit: the worst three are described, the fourth is counted.
    assert err.count("does not fit on its page") == 3 and "… and 1 more slide that does not fit either." in err
    assert len(err) < 2500, f"{len(err)} characters"
    assert not (tmp_path / "site").exists()


def put_on_front(charter_dir: Path, ids: list[str]) -> None:
    """Put these agreements first on the bookmark's front."""
    bookmark = charter_dir / "bookmark.yaml"
    text = bookmark.read_text(encoding="utf-8")
    first_item = re.search(r"\n( +)- (phone|agreement|email): [a-z_-]+\n", text)
    assert first_item
    items = "".join(f"\n{first_item.group(1)}- agreement: {id_}" for id_ in ids)
    bookmark.write_text(text[: first_item.start()] + items + text[first_item.start():], encoding="utf-8")


def test_a_thousand_lines_on_the_bookmark_are_refused_with_a_short_message(capsys, charter_copy, tmp_path, one_process):
    put_on_front(charter_copy, add_agreements(charter_copy, EXTRA))
    code, _out, err = run_cli(capsys, "bookmark", str(charter_copy), "--output", str(tmp_path / "site"), "--quiet")
    assert code == 1 and "Traceback" not in err
    for language in ("Nederlands (nl)", "English (en)"):
        found = re.search(rf"the bookmark in {re.escape(language)} does not fit: its (\w+) face has (\d+) lines, "
                          r"and only about (\d+) fit on its 205 mm\. Remove lines", err)
        assert found, err
        assert int(found.group(2)) > EXTRA and 0 < int(found.group(3)) < 60
    assert len(err) < 1500, f"{len(err)} characters"


def test_more_text_than_a_face_could_hold_is_refused_as_more_than_too_long(capsys, charter_copy, tmp_path, one_process):
    """Two English lines of 4,000 characters (each within the limit of a text): checked cut short, 'more than'."""
    from digicharter.schema.base import MAX_TEXT_CHARS

    words = "every single day of the week, "
    long_text = (words * (4000 // len(words)))[:4000].strip()
    assert len(long_text) < MAX_TEXT_CHARS
    ids = add_agreements(charter_copy, 2, short_en=long_text)
    put_on_front(charter_copy, ids)
    code, _out, err = run_cli(capsys, "bookmark", str(charter_copy), "--output", str(tmp_path / "site"), "--quiet")
    assert code == 1 and "Traceback" not in err
    assert re.search(r"the bookmark in English \(en\) does not fit: its front face is more than \d+ mm too long", err), err
    assert "extra-0" in err and "agreements.yaml:" in err
    assert "Nederlands" not in err, "the Dutch lines are short and fit"
    assert len(err) < 1500
