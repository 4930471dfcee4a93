"""Mistakes in bookmark.yaml are reported by 'digicharter check' at file:line, with what to do."""

from __future__ import annotations

from helpers import line_of, locations, replace_in, run_cli


def check(capsys, charter_dir) -> tuple[int, list[tuple[str, int, str]]]:
    code, _out, err = run_cli(capsys, "check", "--strict", str(charter_dir))
    return code, locations(err)


def test_unknown_agreement_phone_email_and_icon_with_did_you_mean(charter_copy, capsys):
    bookmark = charter_copy / "bookmark.yaml"
    agreement_line = replace_in(bookmark, "- agreement: quiet-hours", "- agreement: quiet-hour")
    phone_line = replace_in(bookmark, "- phone: school", "- phone: schol")
    icon_line = replace_in(bookmark, "icon: weather-night", "icon: weather-nite")
    code, found = check(capsys, charter_copy)
    assert code == 1
    messages = {line: message for name, line, message in found if name == "bookmark.yaml"}
    assert "unknown agreement 'quiet-hour' — did you mean 'quiet-hours'?" in messages[agreement_line]
    assert "unknown phone number 'schol' — did you mean 'school'?" in messages[phone_line]
    assert "unknown icon 'weather-nite'" in messages[icon_line]


def test_an_agreement_without_short_text_on_the_bookmark_is_an_error(charter_copy, capsys):
    # agenda-dates has a full text but no short one.
    line = replace_in(charter_copy / "bookmark.yaml", "- agreement: agenda-parents-sign", "- agreement: agenda-dates")
    code, found = check(capsys, charter_copy)
    assert code == 1
    agreement_line = line_of(charter_copy / "agreements.yaml", "id: agenda-dates")
    assert [(name, at) for name, at, _ in found] == [("bookmark.yaml", line)]
    message = found[0][2]
    assert "'agenda-dates' has no short text" in message and f"agreements.yaml (line {agreement_line})" in message


def test_a_line_names_exactly_one_thing(charter_copy, capsys):
    line = replace_in(
        charter_copy / "bookmark.yaml", "        - phone: school\n", "        - phone: school\n          email: director\n"
    )
    code, found = check(capsys, charter_copy)
    assert code == 1
    assert any(
        name == "bookmark.yaml" and at == line and "exactly one of agreement, phone, email or events" in message
        for name, at, message in found
    ), found


def test_a_strip_wider_than_the_sheet_is_an_error(charter_copy, capsys):
    line = replace_in(charter_copy / "bookmark.yaml", "  width_mm: 55 ", "  width_mm: 115 ")
    replace_in(charter_copy / "bookmark.yaml", "  width_mm: 210", "  width_mm: 120")
    code, found = check(capsys, charter_copy)
    assert code == 1
    assert any(name == "bookmark.yaml" and at == line and "does not fit across" in m for name, at, m in found), found


def test_the_same_line_twice_is_a_warning(charter_copy, capsys):
    line = replace_in(
        charter_copy / "bookmark.yaml",
        "        - agreement: quiet-hours\n",
        "        - agreement: quiet-hours\n        - agreement: quiet-hours\n",
    )
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 0, err
    assert any(
        name == "bookmark.yaml" and at == line + 1 and "twice" in message and f"line {line}" in message
        for name, at, message in locations(err)
    ), err
