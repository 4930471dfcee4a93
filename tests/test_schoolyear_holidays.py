"""The computed holidays against the calendars the Flemish Department of Education published.

The expected dates are copied from the published school-year calendars
(onderwijs.vlaanderen.be, "Schoolvakanties"), not from our own output: four
school years that between them hit every branch of the rules (1 November on a
Monday, Tuesday, Wednesday and Friday; 25 December on a weekday, a Saturday
and a Sunday; Easter in March, early April and after 15 April).
"""

from __future__ import annotations

from datetime import date

import pytest

from digicharter.schoolyear import holidays as hol

D = date
PUBLISHED = {
    2021: {
        "autumn": (D(2021, 11, 1), D(2021, 11, 7)),
        "armistice": (D(2021, 11, 11), D(2021, 11, 11)),
        "christmas": (D(2021, 12, 27), D(2022, 1, 9)),
        "carnival": (D(2022, 2, 28), D(2022, 3, 6)),
        "easter": (D(2022, 4, 4), D(2022, 4, 17)),
        "easter_monday": (D(2022, 4, 18), D(2022, 4, 18)),
        "labour_day": (D(2022, 5, 1), D(2022, 5, 1)),
        "ascension": (D(2022, 5, 26), D(2022, 5, 27)),
        "whit_monday": (D(2022, 6, 6), D(2022, 6, 6)),
        "summer": (D(2022, 7, 1), D(2022, 8, 31)),
    },
    2022: {
        "autumn": (D(2022, 10, 31), D(2022, 11, 6)),
        "armistice": (D(2022, 11, 11), D(2022, 11, 11)),
        "christmas": (D(2022, 12, 26), D(2023, 1, 8)),
        "carnival": (D(2023, 2, 20), D(2023, 2, 26)),
        "easter": (D(2023, 4, 3), D(2023, 4, 16)),
        "easter_monday": (D(2023, 4, 10), D(2023, 4, 10)),
        "labour_day": (D(2023, 5, 1), D(2023, 5, 1)),
        "ascension": (D(2023, 5, 18), D(2023, 5, 19)),
        "whit_monday": (D(2023, 5, 29), D(2023, 5, 29)),
        "summer": (D(2023, 7, 1), D(2023, 8, 31)),
    },
    2023: {
        "autumn": (D(2023, 10, 30), D(2023, 11, 5)),
        "armistice": (D(2023, 11, 11), D(2023, 11, 11)),
        "christmas": (D(2023, 12, 25), D(2024, 1, 7)),
        "carnival": (D(2024, 2, 12), D(2024, 2, 18)),
        "easter": (D(2024, 4, 1), D(2024, 4, 14)),
        "easter_monday": (D(2024, 4, 1), D(2024, 4, 1)),
        "labour_day": (D(2024, 5, 1), D(2024, 5, 1)),
        "ascension": (D(2024, 5, 9), D(2024, 5, 10)),
        "whit_monday": (D(2024, 5, 20), D(2024, 5, 20)),
        "summer": (D(2024, 7, 1), D(2024, 8, 31)),
    },
    2024: {
        "autumn": (D(2024, 10, 28), D(2024, 11, 3)),
        "armistice": (D(2024, 11, 11), D(2024, 11, 11)),
        "christmas": (D(2024, 12, 23), D(2025, 1, 5)),
        "carnival": (D(2025, 3, 3), D(2025, 3, 9)),
        "easter": (D(2025, 4, 7), D(2025, 4, 20)),
        "easter_monday": (D(2025, 4, 21), D(2025, 4, 21)),
        "labour_day": (D(2025, 5, 1), D(2025, 5, 1)),
        "ascension": (D(2025, 5, 29), D(2025, 5, 30)),
        "whit_monday": (D(2025, 6, 9), D(2025, 6, 9)),
        "summer": (D(2025, 7, 1), D(2025, 8, 31)),
    },
}


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_holidays_match_the_published_calendar(year: int) -> None:
    computed = {holiday.key: (holiday.first, holiday.last) for holiday in hol.holidays(year)}
    assert computed == PUBLISHED[year]


@pytest.mark.parametrize("year", range(2000, 2100))
def test_every_year_has_its_holidays_in_order_and_in_its_school_year(year: int) -> None:
    found = hol.holidays(year)
    assert [h.first for h in found] == sorted(h.first for h in found)
    for holiday in found:
        assert date(year, 9, 1) <= holiday.first <= holiday.last <= date(year + 1, 8, 31)
        assert hol.school_year_of(holiday.first) == year
    periods = {h.key: h for h in found}
    for key, length in (("autumn", 7), ("christmas", 14), ("carnival", 7), ("easter", 14)):
        assert len(periods[key].days()) == length
        assert periods[key].first.weekday() == 0, key  # every holiday period starts on a Monday


def test_a_day_in_the_holiday_and_one_just_after() -> None:
    assert hol.is_holiday(date(2024, 11, 3))
    assert not hol.is_holiday(date(2024, 11, 4))
    assert hol.is_holiday(date(2025, 8, 31))
    assert not hol.is_holiday(date(2025, 9, 1))
