"""Ninth-round conventions (issue #4), on sentences written for these tests: 'the day' right before
a weekday is no second time ('all through the day Sunday' is one time, Sunday)."""

from __future__ import annotations

import pytest
from test_times_conventions import found as found_at  # same directory: pytest puts it on sys.path

FRI = "2013-03-22"  # a Friday


def found(text: str, published: str | None = FRI) -> list[tuple[str, str | None, str]]:
    return found_at(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the day" with the weekday right after it: one time, the weekday's
        ("The keepers were busy all through the day Sunday.", [("Sunday", "2013-03-17", "date")]),
        ("The ferry ran all through the day on Thursday.", [("Thursday", "2013-03-21", "date")]),
        # without one, "the day" is the day the story is on
        ("The keepers were busy all through the day.", [("the day", "2013-03-22", "date")]),
        ("The seals were fed late in the day.", [("the day", "2013-03-22", "date")]),
        ("The ferry was cancelled earlier in the day.", [("the day", "2013-03-22", "date")]),
    ],
)
def test_ninth_round_conventions(text, expected):
    assert found(text) == expected


def test_the_day_before_a_weekday_without_publication_date():
    """No publication date: the weekday stays unresolved, and still only one time is found."""
    got = found("The keepers were busy all through the day Sunday.", None)
    assert [(t, ty) for t, _, ty in got] == [("Sunday", "date")]
    assert got[0][1] is None or got[0][1].startswith("XXXX")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal day of an event said to be now is the day the story is on (TIDES); the subject
        # "today" stays its own expression
        ("In the harbour town, today is the fifth day of the dock strike.",
         [("today", "2013-03-22", "date"), ("the fifth day", "2013-03-22", "date")]),
        ("Workers say it's the sixth day without pay.", [("the sixth day", "2013-03-22", "date")]),
        ("It is the 11th straight day of rain, forecasters said.", [("the 11th straight day", "2013-03-22", "date")]),
        # told in the past, or with no copula, it is no date of its own
        ("It was the sixth day without pay.", []),
        ("The vigil marked the sixth day without pay.", []),
    ],
)
def test_ninth_round_ordinal_day_now(text, expected):
    assert found(text) == expected


def test_ordinal_day_now_without_publication_date():
    """No publication date: the day is found but stays unresolved (never today's date)."""
    got = found("Workers say it's the sixth day without pay.", None)
    assert [(t, ty) for t, _, ty in got] == [("the sixth day", "date")]
    assert got[0][1] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural part of a weekday is every such one (TIDES: a SET), as "on Sundays" is
        ("The ferry sails on Sunday mornings.", [("Sunday mornings", "XXXX-WXX-7TMO", "set")]),
        # a pair shares the part of the day: both weekdays are SETs
        ("The bakery opens late on Friday and Saturday evenings.",
         [("Friday", "XXXX-WXX-5TEV", "set"), ("Saturday evenings", "XXXX-WXX-6TEV", "set")]),
        # one night is one time
        ("The ferry sailed on Tuesday night.", [("Tuesday night", "2013-03-19TNI", "time")]),
    ],
)
def test_ninth_round_weekday_part_sets(text, expected):
    assert found(text) == expected


def test_year_before_a_singular_period_is_that_year():
    """'the 2011 quarter' names the period of that year, not a count of 2011 quarters: after a reported
    quarter it is that quarter a year back, alone the year; '2000 days' stays a count."""
    assert found("Its third-quarter profit rose. Net income reached $3 million in the 2012 quarter.", "2013-10-30") == [
        ("third-quarter", "2013-Q3", "date"), ("the 2012 quarter", "2012-Q3", "date")]
    assert found("The mill netted $2 million in the 2011 quarter.") == [("the 2011 quarter", "2011", "date")]
    assert found("The archive holds 2000 days of records.") == [("2000 days", "P2000D", "duration")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a year after "pre-"/"post-" is the year a period starts or ends at: one DATE with its prefix,
        # even before a plural noun (which would make a bare number a count)
        ("The post-1989 reforms were slow.", [("post-1989", "1989", "date")]),
        ("Output is back at pre-2008 levels.", [("pre-2008", "2008", "date")]),
        # not a year: the prefix on a word, or a number too far ahead
        ("The post-war order held.", []),
        ("The pre-9999 codes failed.", []),
    ],
)
def test_ninth_round_pre_post_year(text, expected):
    assert found(text) == expected
