"""Each class of mistake a secretary can make gives exit 1 and file:line, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CHARTER
from helpers import line_of, locations, replace_in, run_cli


def assert_reported(capsys, charter: Path, file: str, line: int, *fragments: str, strict: bool = False) -> str:
    args = ["check", str(charter)] + (["--strict"] if strict else [])
    code, out, err = run_cli(capsys, *args)
    assert code == 1, f"expected exit 1, got {code}; stderr:\n{err}"
    assert "Traceback" not in err + out
    found = [(f, ln, msg) for f, ln, msg in locations(err) if f == file and ln == line]
    assert found, f"no problem reported at {file}:{line}; stderr:\n{err}"
    message = " ".join(msg for _, _, msg in found)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message!r}"
    return err


def test_shipped_charter_is_valid(capsys):
    code, out, err = run_cli(capsys, "check", str(CHARTER), "--strict")
    assert code == 0, err
    assert "valid" in out
    assert err == ""  # no warnings either: every text is translated


def test_tab_indentation_is_a_syntax_error_with_hint(capsys, charter_copy):
    path = charter_copy / "times.yaml"
    line = replace_in(path, "\n    start: 08:30", "\n\tstart: 08:30") + 1
    assert_reported(capsys, charter_copy, "times.yaml", line, "YAML syntax error", "tabs")


def test_unknown_key_suggests_the_right_one(capsys, charter_copy):
    path = charter_copy / "protocol.yaml"
    line = replace_in(path, "    channel: smartschool\n    binds: [everyone]\n    ok: [BL3]", "    chanel: smartschool\n    binds: [everyone]\n    ok: [BL3]")
    assert_reported(capsys, charter_copy, "protocol.yaml", line, "unknown key 'chanel'", "did you mean 'channel'")


def test_wrong_type_says_expected_and_received(capsys, charter_copy):
    path = charter_copy / "times.yaml"
    line = replace_in(path, "    amount: 24", "    amount: veel")
    assert_reported(capsys, charter_copy, "times.yaml", line, "expected a whole number", "received 'veel'")


def test_list_instead_of_text(capsys, charter_copy):
    path = charter_copy / "framework.yaml"
    line = replace_in(path, "  - code: K3\n    text:", "  - code: K3\n    text: [a, b]\n    old_text:") + 1
    err = assert_reported(capsys, charter_copy, "framework.yaml", line, "expected a text", "received a list")
    assert "unknown key 'old_text'" in err  # all problems at once


def test_missing_required_field(capsys, charter_copy):
    path = charter_copy / "channels.yaml"
    line = replace_in(path, "    icon: whatsapp\n", "")
    # The missing key is reported at the channel it is missing from (the line of '- id: whatsapp').
    assert_reported(capsys, charter_copy, "channels.yaml", line - 2, "required key 'icon' is missing")


def test_missing_translation_fails_only_under_strict(capsys, charter_copy):
    path = charter_copy / "framework.yaml"
    line = line_of(path, "      en: The school works in a participatory")
    replace_in(path, "      en: The school works in a participatory and responsive way.\n", "")
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 0
    assert f"framework.yaml:{line - 2}" in err and "warning: " in err and "English (en)" in err
    assert_reported(capsys, charter_copy, "framework.yaml", line - 2, "missing translation into English (en)", strict=True)


def test_unknown_channel(capsys, charter_copy):
    path = charter_copy / "protocol.yaml"
    line = replace_in(path, "    section: school_team\n    channel: smartschool", "    section: school_team\n    channel: smartschol") + 1
    assert_reported(
        capsys, charter_copy, "protocol.yaml", line, "agreement 'smartschool-no-messages-after', channel: unknown channel 'smartschol'", "did you mean 'smartschool'?"
    )


def test_unknown_ok_code(capsys, charter_copy):
    path = charter_copy / "quality.yaml"
    line = replace_in(path, "    ok: [K2]", "    ok: [K7]")
    assert_reported(capsys, charter_copy, "quality.yaml", line, "unknown OK code 'K7'")


def test_unknown_reference_in_a_text(capsys, charter_copy):
    path = charter_copy / "agreements.yaml"
    line = replace_in(path, "{time.evening_quiet_from} nemen", "{time.evening_quiet} nemen")
    assert_reported(
        capsys, charter_copy, "agreements.yaml", line - 1, "unknown time 'evening_quiet'", "did you mean 'evening_quiet_from'"
    )


def test_impossible_time(capsys, charter_copy):
    path = charter_copy / "times.yaml"
    line = replace_in(path, "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    assert_reported(capsys, charter_copy, "times.yaml", line, "'25:00' is not a time of day")


def test_invalid_email(capsys, charter_copy):
    path = charter_copy / "school.yaml"
    line = replace_in(path, "address: administratie@deboomhutlozen.be", "address: administratie@deboomhutlozen")
    assert_reported(capsys, charter_copy, "school.yaml", line, "is not a valid e-mail address")


def test_invalid_phone_number(capsys, charter_copy):
    path = charter_copy / "school.yaml"
    line = replace_in(path, 'number: "011 621 613"', 'number: "011 621"')
    assert_reported(capsys, charter_copy, "school.yaml", line, "'011 621' is not a valid phone number")


def test_duplicate_id(capsys, charter_copy):
    path = charter_copy / "agreements.yaml"
    first = line_of(path, "- id: agenda-dates")
    line = replace_in(path, "- id: agenda-parents-sign", "- id: agenda-dates")
    assert_reported(capsys, charter_copy, "agreements.yaml", line, "'agenda-dates' is used twice", f"line {first}")


def test_duplicate_key_in_a_mapping(capsys, charter_copy):
    path = charter_copy / "times.yaml"
    line = replace_in(path, "  task_deadline: 15:30", "  task_deadline: 15:30\n  task_deadline: 16:00") + 1
    assert_reported(capsys, charter_copy, "times.yaml", line, "'task_deadline' appears twice")


def test_file_that_is_not_utf8(capsys, charter_copy):
    path = charter_copy / "framework.yaml"
    raw = path.read_bytes().replace("Referentiekader".encode(), "Referentiekader \xe9".encode("latin-1"), 1)
    path.write_bytes(raw)
    line = raw[: raw.index(b"\xe9")].count(b"\n") + 1
    assert_reported(capsys, charter_copy, "framework.yaml", line, "not UTF-8")


def test_windows_line_endings_and_bom_load_fine(capsys, charter_copy):
    for path in charter_copy.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    code, out, err = run_cli(capsys, "check", str(charter_copy), "--strict")
    assert code == 0, err


def test_errors_in_several_files_are_reported_together(capsys, charter_copy):
    replace_in(charter_copy / "times.yaml", "task_deadline: 15:30", "task_deadline: 15:75")
    replace_in(charter_copy / "school.yaml", "  primary:", "  primry:")
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1
    files = {f for f, _, _ in locations(err)}
    assert {"times.yaml", "school.yaml"} <= files


def test_unknown_or_missing_file(capsys, charter_copy):
    (charter_copy / "protocol.yaml").rename(charter_copy / "protocl.yaml")
    code, out, err = run_cli(capsys, "check", str(charter_copy))
    assert code == 1
    assert "protocl.yaml" in err and "did you mean 'protocol.yaml'" in err
    assert "protocol.yaml" in err and "missing" in err


def test_missing_charter_folder(capsys, tmp_path):
    code, out, err = run_cli(capsys, "check", str(tmp_path / "nowhere"))
    assert code == 1 and "does not exist" in err and "Traceback" not in err


def test_real_command_exit_status(charter_copy):
    replace_in(charter_copy / "times.yaml", "evening_quiet_from: 20:00", "evening_quiet_from: 25:00")
    done = subprocess.run(
        [sys.executable, "-m", "digicharter", "check", str(charter_copy)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 1
    assert "times.yaml:" in done.stderr and "Traceback" not in done.stderr


def test_internal_bug_is_reported_as_such(capsys, monkeypatch):
    import digicharter.loading.charter_loader as loader

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(loader, "load_charter", broken)
    code, out, err = run_cli(capsys, "check", str(CHARTER))
    assert code == 2
    assert "internal error" in err and "bug in Digicharter" in err


@pytest.mark.parametrize("value", ["17:00", "17.00", "9:05"])
def test_unquoted_times_mean_times(capsys, charter_copy, value):
    """PyYAML (YAML 1.1) reads 17:00 as 1020; the charter must read it as 17:00."""
    from digicharter.loading.charter_loader import load_charter

    replace_in(charter_copy / "times.yaml", "no_school_messages_after: 17:00", f"no_school_messages_after: {value}")
    charter = load_charter(charter_copy, strict=True).charter
    hours, minutes = (int(x) for x in value.replace(".", ":").split(":"))
    assert charter.times.times["no_school_messages_after"].hour == hours
    assert charter.times.times["no_school_messages_after"].minute == minutes


def test_unknown_locale(capsys, charter_copy):
    line = replace_in(charter_copy / "charter.yaml", "locale: en_GB", "locale: xx_XX")
    assert_reported(capsys, charter_copy, "charter.yaml", line, "unknown locale 'xx_XX'")


def test_time_format_that_writes_no_time(capsys, charter_copy):
    line = replace_in(charter_copy / "charter.yaml", 'time_format: "HH:mm"', 'time_format: "{x}"')
    assert_reported(capsys, charter_copy, "charter.yaml", line, "does not write a time")


def test_number_out_of_range_says_the_limit(capsys, charter_copy):
    line = replace_in(charter_copy / "bookmark.yaml", "  width_mm: 55 ", "  width_mm: 200 ")
    assert_reported(capsys, charter_copy, "bookmark.yaml", line, "expected a number of at most", "received '200'")


def test_reference_inside_a_pattern_is_refused(capsys, charter_copy):
    line = replace_in(charter_copy / "times.yaml", '"{start} tot {end}"', '"{start} tot {end} {time.nope}"')
    assert_reported(capsys, charter_copy, "times.yaml", line, "a pattern takes only {start} and {end}")


def test_answer_line_without_its_moment_is_refused(capsys, charter_copy):
    """The website's computed line needs {moment}: a sentence without it would promise nothing."""
    site = charter_copy / "site.yaml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace("\nlabels:\n", '\nlabels:\n  answer_now:\n    due: {en: "Send now and wait."}\n', 1),
                    encoding="utf-8")
    line = text[: text.index("\nlabels:\n")].count("\n") + 4
    assert_reported(capsys, charter_copy, "site.yaml", line, "the pattern must contain {moment}")
