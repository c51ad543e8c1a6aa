"""syntax/dates: what the renderers print, the parsers read back; one comparable instant."""

from __future__ import annotations

import datetime as dt

import pytest

from briefkit.syntax.dates import display_date, instant, printed_date


@pytest.mark.parametrize("short", [False, True])
@pytest.mark.parametrize("day", [dt.date(2024, 2, 14), dt.date(1999, 12, 1), dt.date(2024, 5, 2)])
def test_printed_dates_read_back(day: dt.date, short: bool) -> None:
    assert printed_date(display_date(day, short=short)) == day


def test_display_date_forms() -> None:
    day = dt.date(2024, 2, 14)
    assert display_date(day) == "14 February 2024"
    assert display_date(day, short=True) == "14 Feb 2024"
    assert display_date(day, space="\u00a0") == "14\u00a0February\u00a02024"


def test_instant_orders_dates_naive_and_aware_times_together() -> None:
    east = dt.timezone(dt.timedelta(hours=5))
    values = [
        dt.datetime(2024, 3, 1, 4, 0, tzinfo=east),  # 23:00 UTC on 29 February
        dt.date(2024, 3, 1),
        dt.datetime(2024, 2, 29, 22, 0),
        dt.datetime(2024, 3, 1, 0, 30, tzinfo=dt.UTC),
    ]
    assert sorted(values, key=instant) == [values[2], values[0], values[1], values[3]]
    assert instant(values[0]) == dt.datetime(2024, 2, 29, 23, 0)
    assert instant(dt.date(2024, 3, 1)) == dt.datetime(2024, 3, 1)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2024-2-3", dt.date(2024, 2, 3)),
        (" 2  May   2024 ", dt.date(2024, 5, 2)),
        ("may 02, 2024", dt.date(2024, 5, 2)),
        ("Sep 4 2015", dt.date(2015, 9, 4)),
        ("Foo 2, 2024", None),
        ("30 February 2024", None),
        ("2 May 24", None),
        ("12024-01-01", None),
    ],
)
def test_printed_date_spellings_and_refusals(text: str, day: dt.date | None) -> None:
    """The shape test in front of ``strptime`` turns nothing away that it would read."""
    assert printed_date(text) == day
