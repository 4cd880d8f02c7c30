"""Eleventh-round conventions (issue #4), on sentences written for these tests: everyday wire-news
phrasings that came out wrong (a night named with "overnight", a plan told in the past tense, a
scheduled present with a month and day). Each is one expression with one value (TIDES)."""

from __future__ import annotations

import pytest
from test_times_conventions import found as found_at  # same directory: pytest puts it on sys.path

WED = "2024-06-12"  # a Wednesday in ISO week 24


def found(text: str, published: str | None = WED) -> list[tuple[str, str | None, str]]:
    return found_at(text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # "overnight" + a weekday is that day's night, one TIME (like "Monday night")
        ("Heavy rain fell overnight Monday, forecasters said.", WED, [("overnight Monday", "2024-06-10TNI", "time")]),
        ("Crews worked overnight on Monday to clear the line.", WED, [("overnight on Monday", "2024-06-10TNI", "time")]),
        ("Road crews will work overnight Friday.", WED, [("overnight Friday", "2024-06-14TNI", "time")]),
        # "overnight into Tuesday" is the night before Tuesday; "Sunday into Monday" the night of Sunday
        ("Snow piled up overnight into Tuesday.", WED, [("overnight into Tuesday", "2024-06-10TNI", "time")]),
        ("The river crested overnight Sunday into Monday.", WED,
         [("overnight Sunday into Monday", "2024-06-09TNI", "time")]),
        # "through the night" told in the past with no day named is the night just gone, like "overnight"
        ("Crews fought the blaze through the night.", WED, [("the night", "2024-06-11TNI", "time")]),
        ("Crews will fight the blaze through the night.", WED, [("the night", "2024-06-12TNI", "time")]),
        # "the following morning" with no day before: counted from the story's day, like "the next day"
        # (TimeML anchors it to the document time)
        ("The ferry will sail the following morning.", WED, [("the following morning", "2024-06-13TMO", "time")]),
        ("The ferry sailed the next morning.", WED, [("the next morning", "2024-06-13TMO", "time")]),
        ("The ferry docked on Monday and sailed the next morning.", WED,
         [("Monday", "2024-06-10", "date"), ("the next morning", "2024-06-11TMO", "time")]),
        # a bare "overnight" is still the night before the story's day
        ("Snow piled up overnight.", WED, [("overnight", "2024-06-11TNI", "time")]),
        # "the early morning hours of Sunday" is one TIME, the morning of that day (like "the early hours of")
        ("The fire broke out in the early morning hours of Sunday.", WED,
         [("the early morning hours of Sunday", "2024-06-09TMO", "time")]),
        ("The fire broke out in the early morning hours.", WED, [("the early morning hours", "2024-06-12TMO", "time")]),
        # "most of the week", "much of the year": the period named, as after "the first eight months of"
        ("Rain fell for most of the week.", WED, [("the week", "2024-W24", "date")]),
        ("Fares rose for much of the year.", WED, [("the year", "2024", "date")]),
        # "this weekend" told in the past early in the week is the weekend just gone
        ("Storms flooded roads this weekend.", "2024-06-10", [("this weekend", "2024-W23-WE", "date")]),
        ("Storms flooded roads this weekend.", "2024-06-09", [("this weekend", "2024-W23-WE", "date")]),
        ("More storms are forecast this weekend.", "2024-06-10", [("this weekend", "2024-W24-WE", "date")]),
        # a plan told in the past names its own day, on either side of the story: the nearest one
        ("The rent payment was due June 30, the landlord said.", WED, [("June 30", "2024-06-30", "date")]),
        ("The ferry was scheduled to sail on June 2 but stayed in port.", WED, [("June 2", "2024-06-02", "date")]),
        ("The recount was scheduled for June 2.", WED, [("June 2", "2024-06-02", "date")]),
        ("The ruling was expected on June 28.", WED, [("June 28", "2024-06-28", "date")]),
        ("Talks were due to resume on June 20.", WED, [("June 20", "2024-06-20", "date")]),
        ("The strike was set for July 8.", WED, [("July 8", "2024-07-08", "date")]),
        # what "is due" lies ahead
        ("Local elections are due in February.", "2024-10-16", [("February", "2025-02", "date")]),
        ("The next payment is due Jan. 2.", "2024-10-16", [("Jan. 2", "2025-01-02", "date")]),
        # a day something was set or scheduled for is the nearest one too
        ("The judge set a hearing for July 9.", WED, [("July 9", "2024-07-09", "date")]),
        ("The judge set a hearing for June 3.", WED, [("June 3", "2024-06-03", "date")]),
        # ... and so is a weekday a plan told in the past names
        ("Talks were due to resume Tuesday.", WED, [("Tuesday", "2024-06-11", "date")]),
        ("Officials said the recount was scheduled for Friday.", WED, [("Friday", "2024-06-14", "date")]),
        ("The talks had been due to resume Friday.", WED, [("Friday", "2024-06-07", "date")]),
        # a plan already gone (past perfect) and a done event stay past
        ("The lease had been due to run out on June 2.", WED, [("June 2", "2024-06-02", "date")]),
        ("The ferry sailed on June 30.", WED, [("June 30", "2023-06-30", "date")]),
        # a scheduled present with a month and day looks ahead, as a weekday does
        ("Voters go to the polls on Nov. 5.", "2024-01-15", [("Nov. 5", "2024-11-05", "date")]),
        ("Voters will go to the polls on Nov. 5.", "2024-01-15", [("Nov. 5", "2024-11-05", "date")]),
        ("The retrial opens Dec. 2.", "2024-01-15", [("Dec. 2", "2024-12-02", "date")]),
        ("Bus fares rise from April 1.", "2024-10-16", [("April 1", "2025-04-01", "date")]),
        ("The index is up 5 percent since Nov. 5.", "2024-10-16", [("Nov. 5", "2023-11-05", "date")]),
        # ... unless the day went by less than a month before (a story written a little late)
        ("The offer expires Oct. 1.", "2024-10-16", [("Oct. 1", "2024-10-01", "date")]),
        # ... but not a day a change is counted from
        ("The index is up 5 percent since Nov. 5.", "2024-01-15", [("Nov. 5", "2023-11-05", "date")]),
        ("Voters went to the polls on Nov. 5.", "2024-01-15", [("Nov. 5", "2023-11-05", "date")]),
        # an arranged occasion the clause's past verb happened at, or a change counts from, is over
        ("The mayor lost in the Nov. 6 election.", "2024-10-16", [("Nov. 6", "2023-11-06", "date")]),
        ("Fares have risen since the Nov. 6 vote.", "2024-10-16", [("Nov. 6", "2023-11-06", "date")]),
        ("The mayor will campaign before the Nov. 6 election.", "2024-10-16", [("Nov. 6", "2024-11-06", "date")]),
        ("Nobody explained the Nov. 6 deadline.", "2024-10-16", [("Nov. 6", "2024-11-06", "date")]),
        # no verb above the month in the parse ("cut" read as an adjective): the sentence's past tags decide
        ("In January, the firm cut jobs.", "2024-10-16", [("January", "2024-01", "date")]),
        ("In January, the firm will cut jobs.", "2024-10-16", [("January", "2025-01", "date")]),
        # "(for) the coming months" is the time ahead (FUTURE_REF), as "in the coming months" already was;
        # "for the next months" stays a stretch counted from now
        ("Ferry fares stay frozen for the coming months.", WED, [("the coming months", "FUTURE_REF", "date")]),
        ("That is bad news for coming quarters.", WED, [("coming quarters", "FUTURE_REF", "date")]),
        ("Ferry fares stay frozen for the next months.", WED, [("the next months", "PXM", "duration")]),
    ],
)
def test_eleventh_round_conventions(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock time and its conversion in brackets take the day named right after them
        ("The ballot opens at 10 a.m. EDT (1400 GMT) on Thursday.",
         [("10 a.m. EDT", "2024-06-13T10:00-04:00", "time"), ("1400 GMT", "2024-06-13T14:00+00:00", "time"),
          ("Thursday", "2024-06-13", "date")]),
        ("The quake hit at 9 p.m. local time (1800 GMT) Monday.",
         [("9 p.m. local time", "2024-06-10T21:00", "time"), ("1800 GMT", "2024-06-10T18:00+00:00", "time"),
          ("Monday", "2024-06-10", "date")]),
        # "noon" and "midnight" take a zone like clock times do
        ("Trading will stop at noon ET Friday.", [("noon ET Friday", "2024-06-14T12:00-04:00", "time")]),
        ("The gates shut at midnight EDT.", [("midnight EDT", "2024-06-12T24:00-04:00", "time")]),
        # a sentence ending in "a.m." is still a scheduled present ("is due Friday at 8:30 a.m."), also
        # when the parser ends the sentence at "a.m." before the day
        ("The rent is due Friday at 8:30 a.m.", [("Friday at 8:30 a.m.", "2024-06-14T08:30", "time")]),
        ("The rent is due at 8:30 a.m. Eastern time Friday.",
         [("8:30 a.m. Eastern time Friday", "2024-06-14T08:30-04:00", "time")]),
        ("The ferry sailed Friday at 9 a.m.", [("Friday at 9 a.m.", "2024-06-07T09:00", "time")]),
        # "two hours later" after a clock time is a clock time, counted across midnight if need be
        ("The ferry left at 11 p.m. and sank two hours later.",
         [("11 p.m.", "2024-06-12T23:00", "time"), ("two hours later", "2024-06-13T01:00", "time")]),
        ("The ferry left at 9:40 a.m. Forty minutes later, it sank.",
         [("9:40 a.m.", "2024-06-12T09:40", "time"), ("Forty minutes later", "2024-06-12T10:20", "time")]),
        # after a day only, a length (thirteenth round: TimeML marks "two hours", "later" its signal)
        ("The ferry left on Monday. Two hours later, it sank.",
         [("Monday", "2024-06-10", "date"), ("Two hours", "PT2H", "duration")]),
        # with no day after them, the story's day
        ("The ballot opens at 10 a.m. (0800 GMT).",
         [("10 a.m.", "2024-06-12T10:00", "time"), ("0800 GMT", "2024-06-12T08:00+00:00", "time")]),
    ],
)
def test_eleventh_round_clock_conversion_then_day(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day something is awaited lies ahead of the story (or is the day just before it)
        ("Talks dragged on ahead of Friday's deadline.", WED, [("Friday", "2024-06-14", "date")]),
        ("Traders await Thursday's inflation figures.", WED, [("Thursday", "2024-06-13", "date")]),
        ("Crews worked late ahead of a vote Thursday.", WED, [("Thursday", "2024-06-13", "date")]),
        ("Talks dragged on ahead of Friday's deadline.", "2024-06-15", [("Friday", "2024-06-14", "date")]),
        # without it, a past clause keeps its weekday behind
        ("The mill missed Friday's deadline.", WED, [("Friday", "2024-06-07", "date")]),
        # a weekday naming an arranged occasion ("the Thursday deadline") is the nearest such day; a past
        # clause reaches no further ahead than the next day
        ("Council agreed a budget just before the Thursday deadline.", WED, [("Thursday", "2024-06-13", "date")]),
        ("The council missed the Friday deadline.", WED, [("Friday", "2024-06-07", "date")]),
        ("The Monday hearing was short.", WED, [("Monday", "2024-06-10", "date")]),
        ("Without the Friday deadline, nothing moves.", WED, [("Friday", "2024-06-14", "date")]),
        ("Thursday's deadline looms.", WED, [("Thursday", "2024-06-13", "date")]),
        ("Friday's vote showed a split.", WED, [("Friday", "2024-06-07", "date")]),
        # a present "reports" with a noun object is a scheduled event; "reports that ..." is not
        ("The bakery chain reports earnings Thursday.", WED, [("Thursday", "2024-06-13", "date")]),
        ("The paper reports that the mill closed Tuesday.", WED, [("Tuesday", "2024-06-11", "date")]),
    ],
)
def test_eleventh_round_awaited_weekday(text, published, expected):
    assert found(text, published) == expected


def test_eleventh_round_without_publication_date():
    """No publication date: the night is found, its day stays a weekday pattern, never today."""
    assert found("Snow piled up overnight into Tuesday.", None) == [
        ("overnight into Tuesday", "XXXX-WXX-1TNI", "time")
    ]
    assert found("Heavy rain fell overnight Monday.", None) == [("overnight Monday", "XXXX-WXX-1TNI", "time")]
    assert found("The rent payment was due June 30.", None) == [("June 30", "XXXX-06-30", "date")]
    assert found("Traders await Thursday's inflation figures.", None) == [("Thursday", "XXXX-WXX-4", "date")]


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31"])
def test_eleventh_round_publication_date_at_the_calendar_ends(published):
    """A publication date at the very ends of the calendar gives no traceback: relative expressions
    stay unresolved, as with no publication date, and written dates keep their values."""
    got = found("The ferry sailed yesterday and docks next week, on June 7, 2019.", published)
    assert got == [("yesterday", None, "date"), ("next week", None, "date"), ("June 7, 2019", "2019-06-07", "date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # US federal holidays fixed to a Monday (HeidelTime's holiday list has them too)
        ("Schools closed on Martin Luther King Jr. Day.", [("Martin Luther King Jr. Day", "2024-01-15", "date")]),
        ("Post offices closed for Presidents Day.", [("Presidents Day", "2024-02-19", "date")]),
        ("Banks will close on Columbus Day.", [("Columbus Day", "2024-10-14", "date")]),
        ("Banks close on Columbus Day 2025.", [("Columbus Day 2025", "2025-10-13", "date")]),
        # "New Year's" and "the New Year holiday" are January 1 (not the Lunar New Year, not a New Year message)
        ("Shops will close over New Year's.", [("New Year's", "2025-01-01", "date")]),
        ("Trains were packed over the New Year holiday.", [("New Year", "2024-01-01", "date")]),
        ("Shops shut for the Lunar New Year.", []),
        ("The mayor made New Year's resolutions.", []),
        # the name of a parade is no day
        ("The Columbus Day parade drew crowds.", []),
    ],
)
def test_eleventh_round_holidays(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a quarter or half century is 25 or 50 years, as "half a century" (P50Y) already was
        ("The dynasty ruled for a quarter-century.", WED, [("a quarter-century", "P25Y", "duration")]),
        ("The lighthouse stood for nearly a half century.", WED, [("nearly a half century", "P50Y", "duration")]),
        ("Over the past half-century, the town shrank.", WED, [("the past half-century", "P50Y", "duration")]),
        # "ago" makes it the year that far back
        ("The canal opened a quarter-century ago.", WED, [("a quarter-century ago", "1999", "date")]),
        ("The canal opened a quarter-century ago.", None, [("a quarter-century ago", None, "date")]),
        # an age is no time
        ("A quarter-century-old statute was repealed.", WED, []),
    ],
)
def test_eleventh_round_fraction_of_a_century(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a week or day of the month or year named is one DATE (as "the first week of April" already was)
        ("Talks resume in the first week of next month.", WED, [("the first week of next month", "2024-W27", "date")]),
        ("The fee is due on the last day of next month.", WED, [("the last day of next month", "2024-07-31", "date")]),
        ("The fee is due on the last day of next month.", "2024-12-16",
         [("the last day of next month", "2025-01-31", "date")]),
        ("The levy lapses on the last day of the year.", WED, [("the last day of the year", "2024-12-31", "date")]),
        ("The levy starts on the first day of next year.", WED, [("the first day of next year", "2025-01-01", "date")]),
        ("Talks resume in the first week of next month.", None, [("the first week of next month", None, "date")]),
    ],
)
def test_eleventh_round_week_or_day_of_a_period(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a half or quarter of a match is no calendar period
        ("The visitors scored twice in the second half.", []),
        ("The Rams took the lead in the first half of the game.", []),
        ("The quarterback was sacked in the fourth quarter.", []),
        # business use keeps its periods, also with "scored" or "goal"
        ("The bakery scored a record profit in the second quarter.", [("the second quarter", "2024-Q2", "date")]),
        ("Our goal is to break even in the fourth quarter.", [("the fourth quarter", "2024-Q4", "date")]),
        ("The visitors scored twice in the second half of last year.", [("the second half of last year", "2023-H2", "date")]),
    ],
)
def test_eleventh_round_game_periods(text, expected):
    assert found(text) == expected
