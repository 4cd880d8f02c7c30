"""Detection and normalisation on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.nlp import get_nlp
from newsevents.times import find_times
from newsevents.times.rules import resolve_month_day, resolve_weekday


def times(text: str, published: str | None):
    return find_times(text, published, get_nlp()(text))


def one(text: str, published: str | None = "2024-06-12"):
    found = times(text, published)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def test_weekday_is_past_by_default_and_same_day_counts():
    sunday = date(2019, 7, 28)
    assert resolve_weekday(sunday, 6, None, None) == date(2019, 7, 27)  # "On Saturday" in a Sunday story
    assert resolve_weekday(date(2013, 3, 22), 5, None, "past") == date(2013, 3, 22)  # Friday in a Friday story
    assert resolve_weekday(sunday, 1, "last", None) == date(2019, 7, 22)
    assert resolve_weekday(sunday, 4, None, "future") == date(2019, 8, 1)
    assert resolve_weekday(date(2019, 7, 22), 1, "last", None) == date(2019, 7, 15)


def test_month_day_year_follows_the_story():
    assert resolve_month_day(date(2019, 7, 28), 6, 7, None) == date(2019, 6, 7)
    assert resolve_month_day(date(2020, 1, 5), 12, 20, None) == date(2019, 12, 20)
    assert resolve_month_day(date(2019, 12, 20), 1, 10, "future") == date(2020, 1, 10)


@pytest.mark.parametrize(
    ("text", "span", "value", "typ"),
    [
        ("Officials met on Tuesday to discuss it.", "Tuesday", "2024-06-11", "date"),
        ("Crews will return on Thursday, the Red Cross said.", "Thursday", "2024-06-13", "date"),
        ("The strike began last Wednesday in the capital.", "last Wednesday", "2024-06-05", "date"),
        ("The deal was signed on June 3, 2019 in Rome.", "June 3, 2019", "2019-06-03", "date"),
        ("The agency reported it yesterday.", "yesterday", "2024-06-11", "date"),
        ("Prices fell sharply last year.", "last year", "2023", "date"),
        ("Sales rose earlier this month.", "earlier this month", "2024-06", "date"),
        ("The firm was founded five years ago.", "five years ago", "2019", "date"),
        ("Results are due next week.", "next week", "2024-W25", "date"),
        ("Growth was strong in the 1990s.", "the 1990s", "199", "date"),
        ("Protesters gathered over the weekend near the port.", "the weekend", "2024-W23-WE", "date"),
        ("The siege lasted three weeks.", "three weeks", "P3W", "duration"),
        ("He spoke for about 20 minutes.", "about 20 minutes", "PT20M", "duration"),
        ("Fighting went on for years.", "years", "PXY", "duration"),
        ("The council meets every Monday.", "every Monday", "XXXX-WXX-1", "set"),
        ("The ferry runs twice a day.", "twice a day", "P1D", "set"),
        ("Guards are paid $40 a day.", "a day", "P1D", "set"),
        ("Rebels attacked late Tuesday night.", "late Tuesday night", "2024-06-11TNI", "time"),
        ("The vote ended at 9:30 p.m. EDT.", "9:30 p.m. EDT", "2024-06-12T21:30-04:00", "time"),
        ("Output rose in the first quarter of 2013.", "the first quarter of 2013", "2013-Q1", "date"),
        ("Markets are closed now.", "now", "PRESENT_REF", "date"),
    ],
)
def test_expressions(text, span, value, typ):
    t = one(text)
    assert (t.text, t.value, t.type) == (span, value, typ)


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May spoke to reporters.",
        "The 6-year-old girl was found safe.",
        "They walked 1,500 miles north.",
        "After a nine-minute delay the train left.",
        "He makes his daily rounds by the river.",
        "Police detained 2000 people.",
        "The men were 40 years old.",
    ],
)
def test_false_positives(text):
    assert times(text, "2024-06-12") == []


def test_second_weekday_mention_is_the_same_day_and_anchored():
    found = times("Last Monday a storm hit the coast. Power was cut on Monday night.", "2024-06-10")
    first, second = found
    assert first.value == "2024-06-03"
    assert second.value == "2024-06-03TNI"
    assert second.anchor == first.id


def test_that_day_leans_on_the_previous_date():
    found = times("The rally took place on March 3. Police made arrests that day.", "2024-06-12")
    assert found[1].value == "2024-03-03" and found[1].anchor == found[0].id


def test_anchor_kinds():
    found = times("On June 3, 2019 and on Friday the talks went on.", "2024-06-12")
    assert [t.anchor for t in found] == ["absolute", "publication"]


def test_without_publication_date_relative_stays_partial():
    found = times("On Saturday and on June 7 and yesterday and last year it rained.", None)
    assert [t.value for t in found] == ["XXXX-WXX-6", "XXXX-06-07", None, None]
    assert all(t.anchor is None for t in found)


def test_works_without_a_parse():
    (t,) = find_times("The deal was signed on Saturday.", "2019-07-28")
    assert t.value == "2019-07-27"


def test_later_counts_from_the_previous_date():
    found = times("He was elected in 1999 and re-elected four years later.", "2013-03-21")
    assert [t.value for t in found] == ["1999", "2003"]
    assert found[1].anchor == found[0].id


def test_later_with_nothing_before_stays_unresolved():
    (t,) = times("Four years later, he left.", "2013-03-21")
    assert t.value is None


def test_amount_before_a_reference_is_a_duration():
    (t,) = times("The season started a month earlier than usual.", "2013-03-21")
    assert (t.text, t.value, t.type) == ("a month", "P1M", "duration")


def test_a_participle_takes_the_tense_of_its_clause():
    (t,) = times("The bar said it would represent those arrested in court on Tuesday.", "2024-03-04")
    assert t.value == "2024-03-05"
    (t,) = times("The men arrested on Tuesday were released.", "2024-03-04")
    assert t.value == "2024-02-27"


def test_rates_and_as_many():
    found = times("The strike costs $2 million a day, the third in as many months.", "2024-03-04")
    assert [(t.text, t.type) for t in found] == [("a day", "set")]


# ---------------------------------------------------------------- TimeML conventions (own sentences)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a month with "this/last year" is one expression
        ("In January this year the plan was dropped.", "2013-03-20", [("January this year", "2013-01")]),
        ("But in June last year the talks collapsed.", "2013-03-20", [("June last year", "2012-06")]),
        # a quarter or half after the current one, in a past clause, is last year's
        ("Profit rose in the fourth quarter.", "2013-03-20", [("the fourth quarter", "2012-Q4")]),
        ("Sales fell in the first quarter.", "2013-05-20", [("the first quarter", "2013-Q1")]),
        ("Analysts expect the slump to continue into the fourth quarter.", "2013-03-20",
         [("the fourth quarter", "2013-Q4")]),
        ("The plant will reopen in the first half.", "2013-08-20", [("the first half", "2014-H1")]),
        # "the year", "the quarter": the period the story is about
        ("Profit rose in the fourth quarter. Sales in the quarter fell.", "2013-03-20",
         [("the fourth quarter", "2012-Q4"), ("the quarter", "2012-Q4")]),
        ("The firm expects a loss for the year.", "2013-03-20", [("the year", "2013")]),
        ("Earnings rose 5% in the quarter.", "2013-03-20", [("the quarter", "2012-Q4")]),
        ("In 1999 he moved. Later in the year he left.", "2013-03-20", [("1999", "1999"), ("the year", "1999")]),
        # vague amounts after "in"; "the past week" is the week before this one (TimeBank's DATE)
        ("It is the worst crisis in decades.", "2013-03-20", [("decades", "PXDE")]),
        ("Prices rose over the past week.", "2013-03-20", [("the past week", "2013-W11")]),
        # "the next day" with no day before it counts from the story's day
        ("He died the next day.", "2013-03-20", [("the next day", "2013-03-21")]),
    ],
)
def test_timeml_conventions(text, published, expected):
    assert [(t.text, t.value) for t in times(text, published)] == expected


def test_a_part_of_the_story_day():
    found = times("The blast on Tuesday happened in the morning. He left on the night of March 3.", "2013-03-20")
    assert [(t.text, t.value) for t in found] == [
        # TIDES extents include a postmodifying phrase: "the night of March 3" is one TIME
        ("Tuesday", "2013-03-19"), ("the morning", "2013-03-19TMO"), ("the night of March 3", "2013-03-03TNI")
    ]


def test_the_day_is_the_story_day():
    found = times("The rally on Monday was calm, but later in the day clashes broke out.", "2013-03-20")
    assert [(t.text, t.value) for t in found] == [("Monday", "2013-03-18"), ("the day", "2013-03-18")]
    assert found[1].anchor == found[0].id


@pytest.mark.parametrize(
    "text",
    ["The film was named movie of the year.", "Back in the day, it was different."],
)
def test_the_year_needs_a_temporal_preposition(text):
    assert times(text, "2013-03-20") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Revenue climbed in the quarter ended Sept. 30, reaching $7 million.",
         [("the quarter", "2012-Q3"), ("Sept. 30", "2012-09-30")]),
        ("Growth will slow in coming quarters.", [("coming quarters", "FUTURE_REF")]),
        ("Iraq offered access for no more than sixty days.", [("no more than sixty days", "P60D")]),
        ("Over the years, the town grew.", [("the years", "PXY")]),
        ("He will meet the envoy later this afternoon.", [("later this afternoon", "2013-03-20TAF")]),
        ("It has done so for almost a hundred years.", [("almost a hundred years", "P100Y")]),
        ("Sales rose for three straight quarters.", [("three straight quarters", "P9M")]),
        ("A quarter of the vote went to him and three quarters of them stayed.", []),
    ],
)
def test_more_timeml_conventions(text, expected):
    assert [(t.text, t.value) for t in times(text, "2013-03-20")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the fourth quarter, from $3 million a year earlier.",
         [("the fourth quarter", "2012-Q4"), ("a year earlier", "2011-Q4")]),
        ("Exports rose 3% in February from a year earlier.", [("February", "2013-02"), ("a year earlier", "2012-02")]),
        ("Profit fell in the fourth quarter from the year-ago quarter.",
         [("the fourth quarter", "2012-Q4"), ("the year-ago quarter", "2011-Q4")]),
        ("Voting will start at noon and end at 7 p.m. on Sunday.",
         [("noon", "2013-03-20T12:00"), ("7 p.m. on Sunday", "2013-03-24T19:00")]),
    ],
)
def test_comparisons_and_conjoined_future(text, expected):
    assert [(t.text, t.value) for t in times(text, "2013-03-20")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The summit runs March 21-23.", [("March 21", "2013-03-21"), ("23", "2013-03-23")]),
        ("The firm was founded in the 1800s.", [("the 1800s", "18")]),
        ("Growth was strong in the 1990s.", [("the 1990s", "199")]),
        ("The bank closed on Fri March 22, 2013.", [("Fri March 22, 2013", "2013-03-22")]),
        ("The Sun reported it.", []),
    ],
)
def test_ranges_centuries_abbreviations(text, expected):
    assert [(t.text, t.value) for t in times(text, "2013-03-20")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The pope will celebrate Easter in Rome.", [("Easter", "2013-03-31")]),
        ("Shops closed on Good Friday 2012.", [("Good Friday 2012", "2012-04-06")]),
        ("Crowds gathered for St. Patrick's Day.", [("St. Patrick's Day", "2013-03-17")]),
        ("They met on Thanksgiving.", [("Thanksgiving", "2012-11-22")]),
        ("He visited Easter Island and lit the Christmas tree.", []),
    ],
)
def test_holidays(text, expected):
    assert [(t.text, t.value) for t in times(text, "2013-03-20")] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The summit opens Tuesday in Brussels.", "2013-03-26"),  # scheduled present: coming
        ("They are meeting Friday to discuss the plan.", "2013-03-22"),
        ("Officials say Tuesday that the plan failed.", "2013-03-19"),  # reporting verb: that day
        ("Gunman kills five in attack Tuesday", "2013-03-19"),  # headline present narrates the past
        ("Tuesday's crash is the worst in years.", "2013-03-19"),
        ("The strike began Tuesday.", "2013-03-19"),
    ],
)
def test_present_tense_weekdays(text, value):
    assert times(text, "2013-03-20")[0].value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February was the coldest month on record.", [("February", "2013-02")]),
        ("April Ryan asked a question.", []),
        ("Theresa May spoke.", []),
    ],
)
def test_bare_month_as_subject(text, expected):
    assert [(t.text, t.value) for t in times(text, "2013-03-20")] == expected


def test_the_following_year_counts_from_the_year_named():
    found = times("He was elected in 1999. The following year he resigned.", "2013-03-20")
    assert [(t.text, t.value) for t in found] == [("1999", "1999"), ("The following year", "2000")]
    assert found[1].anchor == found[0].id
