"""Tenth-round conventions (issue #4), on sentences written for these tests: everyday news phrases
that name a weekday inside a given week ("Tuesday of last week") or a unit two steps away ("the week
before last") are one expression with one value (TIDES), as "the day before yesterday" already was."""

from __future__ import annotations

import pytest
from test_times_conventions import found as found_at  # same directory: pytest puts it on sys.path

WED = "2019-06-12"  # a Wednesday in ISO week 24


def found(text: str, published: str | None = WED) -> list[tuple[str, str | None, str]]:
    return found_at(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a weekday inside the week named: not the nearest such weekday (yesterday would be Tuesday)
        ("The ferry strike began on Tuesday of last week.", [("Tuesday of last week", "2019-06-04", "date")]),
        ("The inquiry reports on Monday of next week.", [("Monday of next week", "2019-06-17", "date")]),
        ("Ballots are counted on Friday of this week.", [("Friday of this week", "2019-06-14", "date")]),
        ("The ferry strike began on Tuesday last week.", [("Tuesday last week", "2019-06-04", "date")]),
        ("The inquiry reports Monday next week.", [("Monday next week", "2019-06-17", "date")]),
        # a possessive week is a week of its own ("said Tuesday [that] last week's vote ...")
        ("Officials said Tuesday last week's vote was void.",
         [("Tuesday", "2019-06-11", "date"), ("last week", "2019-W23", "date")]),
        # two units from the publication date
        ("The orchard was sold the week before last.", [("the week before last", "2019-W22", "date")]),
        ("Rents rose in the month before last.", [("the month before last", "2019-04", "date")]),
        ("The bridge closed the year before last.", [("the year before last", "2017", "date")]),
        ("The county fair returns the year after next.", [("the year after next", "2021", "date")]),
        ("Hikers were stranded the weekend before last.", [("the weekend before last", "2019-W22-WE", "date")]),
        ("Thieves struck the night before last.", [("the night before last", "2019-06-10TNI", "time")]),
        # the ordinary forms are unchanged
        ("The ferry strike began on Tuesday.", [("Tuesday", "2019-06-11", "date")]),
        ("The ferry strike began last week.", [("last week", "2019-W23", "date")]),
        ("The ferry strike began the week before.", [("the week before", None, "date")]),
    ],
)
def test_tenth_round_conventions(text, expected):
    got = found(text)
    if expected and expected[0][1] is None:  # an anaphoric phrase: only its extent and type are fixed here
        assert [(t, ty) for t, _, ty in got] == [(t, ty) for t, _, ty in expected]
    else:
        assert got == expected


def test_tenth_round_without_publication_date():
    """No publication date: found, never resolved against today."""
    got = found("The ferry strike began on Tuesday of last week.", None)
    assert [(t, ty) for t, _, ty in got] == [("Tuesday of last week", "date")]
    assert got[0][1] is None or got[0][1].startswith("XXXX")
    got = found("The bridge closed the year before last.", None)
    assert got == [("the year before last", None, "date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an anniversary phrase names the day (week, month) that far back, not the whole year
        ("A year ago today, the levee failed.", [("A year ago today", "2018-06-12", "date")]),
        ("The mill shut ten years ago this month.", [("ten years ago this month", "2009-06", "date")]),
        ("Two years ago this week the levee failed.", [("Two years ago this week", "2017-W24", "date")]),
        # without the anchor, the year; a new sentence's "Today" is its own date
        ("The mill shut ten years ago.", [("ten years ago", "2009", "date")]),
        ("The mill shut two years ago. Today it reopened.",
         [("two years ago", "2017", "date"), ("Today", "2019-06-12", "date")]),
        # a length counted from a date stays a duration and a date (TimeML splits it from its anchor)
        ("The vote is two weeks from today.", [("two weeks", "P2W", "duration"), ("today", "2019-06-12", "date")]),
    ],
)
def test_tenth_round_ago_anchored(text, expected):
    assert found(text) == expected


def test_ago_today_on_a_leap_day_and_without_publication_date():
    """A year back from 29 February is the 28th; with no publication date nothing is resolved."""
    assert found("A year ago today, the levee failed.", "2024-02-29") == [("A year ago today", "2023-02-28", "date")]
    assert found("A year ago today, the levee failed.", None) == [("A year ago today", None, "date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day a change takes effect lies ahead, unless the clause it opens tells the past
        ("Starting Monday, bus fares rise.", [("Monday", "2019-06-17", "date")]),
        ("Beginning Friday, the aquarium is closed.", [("Friday", "2019-06-14", "date")]),
        ("Starting on Monday, the tunnel will close.", [("Monday", "2019-06-17", "date")]),
        ("Beginning Monday, bus fares rose.", [("Monday", "2019-06-10", "date")]),
        ("Starting Monday, bus fares had risen.", [("Monday", "2019-06-10", "date")]),
        # a past clause without "starting" stays past
        ("Bus fares rose Monday.", [("Monday", "2019-06-10", "date")]),
    ],
)
def test_tenth_round_starting_weekday(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rule that "takes effect" / "goes into effect" / "comes into force" on a date starts then:
        # the date lies ahead, as after "effective" and "payable"
        ("The smoking ban takes effect on Jan. 1.", [("Jan. 1", "2020-01-01", "date")]),
        ("The new speed limit goes into effect Jan. 1.", [("Jan. 1", "2020-01-01", "date")]),
        ("The levy comes into force in January.", [("January", "2020-01", "date")]),
        ("The smoking ban takes effect on New Year's Day.", [("New Year's Day", "2020-01-01", "date")]),
        # told in the past, it started then
        ("The smoking ban took effect Jan. 1.", [("Jan. 1", "2019-01-01", "date")]),
        ("The levy came into force in January.", [("January", "2019-01", "date")]),
    ],
)
def test_tenth_round_takes_effect(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare day of the month is in the month the story is in (TIDES: the month is implicit); only
        # a past clause moves a day still ahead back to the month before
        ("Nominations close on the 28th.", [("the 28th", "2019-06-28", "date")]),
        ("The water bill is due by the 20th.", [("the 20th", "2019-06-20", "date")]),
        ("Nominations closed on the 28th.", [("the 28th", "2019-05-28", "date")]),
        ("Nominations will close on the 3rd.", [("the 3rd", "2019-07-03", "date")]),
    ],
)
def test_tenth_round_day_of_month(text, expected):
    assert found(text) == expected
