"""AQUAINT-round conventions (issue #4), on sentences written for these tests: a deadline or earliest day
ahead, a month-day that dates the noun it modifies, and 'last <month> <day>' as one date."""

from __future__ import annotations

import pytest
from test_times_conventions import found as found_at  # same directory: pytest puts it on sys.path

MON = "2013-03-18"  # a Monday


def found(text: str, published: str | None = MON) -> list[tuple[str, str | None, str]]:
    return found_at(text, published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deadline given in a present or present-perfect clause still runs: the coming day
        ("The city has given the tenants until 10 a.m. Thursday to leave the building.",
         [("10 a.m. Thursday", "2013-03-21T10:00", "time")]),
        ("The shop stays closed until Friday.", [("Friday", "2013-03-22", "date")]),
        ("The board has until noon Friday to decide.", [("noon Friday", "2013-03-22T12:00", "time")]),
        # the earliest day of something not yet done lies ahead
        ("The crew could be ready to sail as soon as Thursday, the captain said.",
         [("Thursday", "2013-03-21", "date")]),
        ("The ship could reach port as early as Friday.", [("Friday", "2013-03-22", "date")]),
        ("The vote could come as soon as April 2.", [("April 2", "2013-04-02", "date")]),
        # ... but a clause in the past tells of days gone by
        ("The trouble began as early as Thursday, witnesses said.", [("Thursday", "2013-03-14", "date")]),
        ("Until Thursday, the council had refused to comment.", [("Thursday", "2013-03-14", "date")]),
        ("The virus has been found as early as Friday in some flocks.", [("Friday", "2013-03-15", "date")]),
    ],
)
def test_edge_days_ahead(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a plan noun: the nearest such day, whatever tense the clause's verb is in
        ("The mayor offered no explanation for the Feb. 9 deadline, and nobody knows what comes next.", "2013-01-31",
         [("Feb. 9", "2013-02-09", "date")]),
        ("The Dec. 30 meeting was cancelled.", "2013-01-05", [("Dec. 30", "2012-12-30", "date")]),
        # far from the story, the verb's tense decides again
        ("He won the Nov. 3 election.", "2013-05-06", [("Nov. 3", "2012-11-03", "date")]),
        ("The Oct. 23 election will decide it.", "2013-05-06", [("Oct. 23", "2013-10-23", "date")]),
        # a done-event noun: the most recent such day, even in a present-perfect clause
        ("Detectives have hunted the driver since soon after the Nov. 4 shooting.", "2013-05-06",
         [("Nov. 4", "2012-11-04", "date")]),
        ("Officials said the Jan. 2 bombing killed four.", "2013-01-05", [("Jan. 2", "2013-01-02", "date")]),
    ],
)
def test_month_day_dates_its_noun(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The shop was robbed last Oct. 23 after dark.", [("last Oct. 23", "2012-10-23", "date")]),
        ("The vote is set for next June 5.", [("next June 5", "2013-06-05", "date")]),
        ("The plant closed last March 4.", [("last March 4", "2013-03-04", "date")]),
        # a written year wins; a percentage is no day
        ("The shop was robbed last Oct. 23, 2011 after dark.", [("Oct. 23, 2011", "2011-10-23", "date")]),
        ("Sales rose last May 2 percent.", [("last May", "2012-05", "date")]),
    ],
)
def test_last_month_day(text, expected):
    assert found(text) == expected


def test_last_month_day_without_publication_date():
    assert found("The shop was robbed last Oct. 23 after dark.", None) == [("last Oct. 23", "XXXX-10-23", "date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the week of <day>": the calendar week holding that day, one DATE
        ("The case may be heard the week of April 8, a lawyer said.", [("the week of April 8", "2013-W15", "date")]),
        ("The week of April 8, 2012 was busy.", [("The week of April 8, 2012", "2012-W14", "date")]),
    ],
)
def test_week_of_a_day(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that sets a deadline keeps it ahead even in the simple past
        ("The agency gave the family until Friday to answer.", [("Friday", "2013-03-22", "date")]),
        ("The court granted the firm until mid-April to submit more papers.", [("mid-April", "2013-04", "date")]),
        ("The union was given until noon Thursday to reply.", [("noon Thursday", "2013-03-21T12:00", "time")]),
        # not in the past perfect, nor after a verb that sets nothing
        ("The agency had given the family until Friday to answer.", [("Friday", "2013-03-15", "date")]),
        ("He stayed until Friday.", [("Friday", "2013-03-15", "date")]),
    ],
)
def test_deadline_granted(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan made in the past for a named weekday: the day of the planned event, ahead (PUB is a Monday)
        ("The union planned a large march in the city centre on Saturday.", [("Saturday", "2013-03-23", "date")]),
        ("Officials scheduled a briefing Thursday.", [("Thursday", "2013-03-21", "date")]),
        # a fronted day with an infinitive plan stays the past day
        ("On Wednesday, the council planned to pay the first claims.", [("Wednesday", "2013-03-13", "date")]),
    ],
)
def test_planned_event_day(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that same day": the day just named; after a month, some day of that month
        ("He left on Monday and was arrested that same day.",
         [("Monday", "2013-03-18", "date"), ("that same day", "2013-03-18", "date")]),
        ("The plant closed in March 2011 and reopened that very year.",
         [("March 2011", "2011-03", "date"), ("that very year", "2011", "date")]),
        ("He was shot last October. His office closed that same day.",
         [("last October", "2012-10", "date"), ("that same day", "2012-10-XX", "date")]),
        # a bare "that day" after a month may be generic: left alone
        ("In June he moved. That day it rained.", [("June", "2012-06", "date")]),
    ],
)
def test_that_same_day(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a term extended "through" a month runs ahead; a stretch "through" a month is told afterwards
        ("The bank has extended the firm credit through January.", "2013-05-06", [("January", "2014-01", "date")]),
        ("Sales have risen through March.", "2013-05-06", [("March", "2013-03", "date")]),
        # "high noon" is the idiom, no clock time
        ("For the club, high noon comes on Sunday.", MON, [("Sunday", "2013-03-24", "date")]),
        ("The vote is at noon Friday.", MON, [("noon Friday", "2013-03-22T12:00", "time")]),
    ],
)
def test_through_and_high_noon(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare month before a plan noun: the nearest such month, not the past one the verb suggests
        ("Officials cancelled the April summit.", [("April", "2013-04", "date")]),
        # before a done-event noun: the most recent one, even in a present-perfect clause
        ("The October bombing has shaken the town.", [("October", "2012-10", "date")]),
    ],
)
def test_month_dates_its_noun(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a line break after the full stop still ends a sentence: the scheduled present looks ahead
        ("The two leaders meet separately Thursday with the envoy.\n", [("Thursday", "2013-03-21", "date")]),
        # a singular noun before a plain verb form marks the past tense ('hurt'), not a schedule
        ("Weakness in big stocks hurt the index, which fell on Friday.\n", [("Friday", "2013-03-15", "date")]),
    ],
)
def test_scheduled_present_on_line_ends(text, expected):
    assert found(text) == expected
