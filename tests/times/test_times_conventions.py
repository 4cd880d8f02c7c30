"""TIDES 2005 / TimeML 1.2.1 conventions on sentences written for these tests: the expected values are
what the guidelines prescribe (not what the stage happened to output), checked before the rules existed."""

from __future__ import annotations

import pytest

from newsevents.nlp import get_nlp
from newsevents.times import find_times

PUB = "2013-03-20"  # a Wednesday


def found(text: str, published: str | None = PUB) -> list[tuple[str, str | None, str]]:
    return [(t.text, t.value, t.type) for t in find_times(text, published, get_nlp()(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # modifiers stay inside, the value is the period they modify (the mod is not a value)
        ("The plant closed in mid-March.", [("mid-March", "2013-03", "date")]),
        ("Sales slumped in late 2012.", [("late 2012", "2012", "date")]),
        ("The law takes effect early next year.", [("early next year", "2014", "date")]),
        ("Payments are due by the end of the month.", [("the end of the month", "2013-03", "date")]),
        ("Talks resumed in the first week of April.", [("the first week of April", "2012-W14", "date")]),
        ("Growth should pick up in the second half of the decade.",
         [("the second half of the decade", "201", "date")]),
        ("Costs will fall in the first half of the year.", [("the first half of the year", "2013-H1", "date")]),
        ("Profit rose in 2013's first quarter.", [("2013's first quarter", "2013-Q1", "date")]),
        ("Profit fell in the latest quarter.", [("the latest quarter", "2012-Q4", "date")]),
        ("The strike ended in late summer.", [("late summer", "2012-SU", "date")]),
        ("Lawmakers will return in the fall.", [("the fall", "2013-FA", "date")]),
        # "the year ended ...": twelve months up to that date, a duration (TimeBank's annotation)
        ("Results for the year ended December 31, 2012 were weak.",
         [("the year", "P1Y", "duration"), ("December 31, 2012", "2012-12-31", "date")]),
        ("Revenue rose in the fiscal year ended June 30.",
         [("the fiscal year", "P1Y", "duration"), ("June 30", "2012-06-30", "date")]),
        ("The attack occurred around 10 p.m. local time.",
         [("around 10 p.m. local time", "2013-03-20T22:00", "time")]),
    ],
)
def test_modified_points(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each end of a range is its own expression
        ("The firm grew fast in 1990-91.", [("1990", "1990", "date"), ("91", "1991", "date")]),
        ("He served as mayor in 2010-2012.", [("2010", "2010", "date"), ("2012", "2012", "date")]),
        ("Rain fell between March and May.", [("March", "2013-03", "date"), ("May", "2013-05", "date")]),
        ("The survey ran from March to May 2011.", [("March", "2011-03", "date"), ("May 2011", "2011-05", "date")]),
        ("The winter ran from November to February.",
         [("November", "2012-11", "date"), ("February", "2013-02", "date")]),
        ("Prices doubled from 2010 to 2012.", [("2010", "2010", "date"), ("2012", "2012", "date")]),
        ("The summit runs March 21-23.", [("March 21", "2013-03-21", "date"), ("23", "2013-03-23", "date")]),
        ("He met May and Hammond.", []),
        ("The group includes April and May Smith.", []),
        ("The code 1999-04 failed.", []),
        ("He wrote the 1999-00 budget.", [("1999", "1999", "date"), ("00", "2000", "date")]),
    ],
)
def test_ranges(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present, with the preposition outside the extent
        ("At the moment, the talks are stalled.", [("the moment", "PRESENT_REF", "date")]),
        ("For the moment, the plan is on hold.", [("the moment", "PRESENT_REF", "date")]),
        ("It is raining now, and the roads are currently closed.",
         [("now", "PRESENT_REF", "date"), ("currently", "PRESENT_REF", "date")]),
        ("These days, few people write letters.", [("These days", "PRESENT_REF", "date")]),
        ("Prices have fallen in recent years.", [("recent years", "PXY", "duration")]),
        # full-unit durations and the night before the story's day
        ("The meeting lasted all day.", [("all day", "P1D", "duration")]),
        ("The talks lasted an hour and a half.", [("an hour and a half", "PT1H30M", "duration")]),
        ("He spent a year and a half abroad.", [("a year and a half", "P1Y6M", "duration")]),
        ("She spent the whole week in Paris.", [("the whole week", "P1W", "duration")]),
        ("The town flooded overnight.", [("overnight", "2013-03-19TNI", "time")]),
        ("The fire broke out in the early hours.", [("the early hours", "2013-03-20TMO", "time")]),
        ("The attack came in the early hours of Sunday.", [("the early hours of Sunday", "2013-03-17TMO", "time")]),
        ("The blast happened in the early afternoon.", [("the early afternoon", "2013-03-20TAF", "time")]),
        ("They arrived mid-afternoon on Monday.", [("mid-afternoon on Monday", "2013-03-18TAF", "time")]),
        ("He left on the morning of March 3.", [("the morning of March 3", "2013-03-03TMO", "time")]),
        ("The talks continued into the night.", [("the night", "2013-03-20TNI", "time")]),
        ("Stocks fell at year-end.", [("year-end", "2012", "date")]),
        ("Officials plan to finish by year's end.", [("year's end", "2013", "date")]),
        # frequencies as adverbs are sets
        ("The magazine is published weekly.", [("weekly", "P1W", "set")]),
        ("Rents are paid monthly.", [("monthly", "P1M", "set")]),
        ("The ferry sails daily.", [("daily", "P1D", "set")]),
    ],
)
def test_vague_and_frequency(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # non-markables: adjectives of status ("former"; "current" and "recent" are marked since the
        # sixth round), frequencies of occasions, "time" as an occasion, non-quantifiable durations,
        # and times inside proper names
        "The former minister spoke.",
        "The current account deficit widened.",
        "He was swept away by the current.",
        "The most recent poll shows a tie.",
        "She came twice.",
        "It was the first time he had voted.",
        "He waited a while before answering.",
        "It took a long time.",
        "At the moment he arrived, shots rang out.",
        "They booked an overnight stay.",
        "The daily newspaper folded.",
        "The weekly magazine closed.",
        "He makes his daily rounds by the river.",
        "The Good Friday Agreement ended the conflict.",
        "The Monday Club met.",
        "The Sunday Times reported it.",
        "The now-defunct firm closed.",
        # the false positives
        "The 6-year-old boy ran.",
        "A nine-minute video went viral.",
        "May said she would resign.",
        "They drove the 1,500 miles home.",
    ],
)
def test_not_markable(text):
    assert found(text) == []


def test_without_publication_date_ranges_and_weeks_stay_partial():
    assert found("Rain fell between March and May.", None) == [
        ("March", "XXXX-03", "date"), ("May", "XXXX-05", "date")
    ]
    assert found("The town flooded overnight.", None) == [("overnight", None, "time")]


def test_election_day_only_near_a_us_general_election():
    assert found("Voters went to the polls on Election Day. On election night, crowds gathered.", "2016-11-10") == [
        ("Election Day", "2016-11-08", "date"), ("election night", "2016-11-08TNI", "time")
    ]
    assert found("Voters went to the polls on election day.", "2013-03-20") == []


def test_a_dateline_before_a_capitalised_word_is_no_name():
    assert found("Updated Tue, March 22, 2016 Daily Motoring ranks the vans.")[0][1] == "2016-03-22"


def test_later_before_a_clause_is_a_length():
    # thirteenth round: "a week later" is the length "a week", "later" its signal (TimeML; TimeBank and
    # AQUAINT mark every such day/week/hour count so); only "a year later" still counts a date
    text = "The letters were found on Oct. 28. The mayor said a week later that she had seen them."
    assert found(text)[1] == ("a week", "P1W", "duration")
    assert found("The season started a month earlier than usual.") == [("a month", "P1M", "duration")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Profit rose in the fourth quarter. Sales rose 5% from the same period last year.",
         [("the fourth quarter", "2012-Q4", "date"), ("the same period last year", "2011-Q4", "date")]),
        ("Armistice Day was marked across the country.", [("Armistice Day", "2012-11-11", "date")]),
        ("Crowds marched on May Day.", [("May Day", "2012-05-01", "date")]),
    ],
)
def test_same_period_and_more_holidays(text, expected):
    assert found(text) == expected


def test_an_infinitive_after_a_noun_looks_forward():
    # published on a Sunday: "last Sunday" is a week back, the interview airs today
    text = "The letter was sent last Sunday. In an interview to be broadcast on Sunday, he spoke."
    assert [t[1] for t in found(text, "2016-11-13")] == ["2016-11-06", "2016-11-13"]


# Fourth round: written from the TIDES 2005 / TimeML rules before the code.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural unit with no number is a duration of vague length, wherever it stands
        ("The war has lasted decades.", [("decades", "PXDE", "duration")]),
        ("It took years to rebuild the bridge.", [("years", "PXY", "duration")]),
        ("After years of fighting, peace came.", [("years", "PXY", "duration")]),
        ("He spent months in hospital.", [("months", "PXM", "duration")]),
        ("They waited hours for help.", [("hours", "PTXH", "duration")]),
        ("Talks could take weeks.", [("weeks", "PXW", "duration")]),
        # "couple" counts two; the determiner is inside the extent
        ("Prices rose over the last couple of days.", [("the last couple of days", "P2D", "duration")]),
        ("Earnings fell in the nine months ended Sept. 30.",
         [("the nine months", "P9M", "duration"), ("Sept. 30", "2012-09-30", "date")]),
        ("The talks lasted a couple of weeks.", [("a couple of weeks", "P2W", "duration")]),
    ],
)
def test_vague_and_counted_durations(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The store keeps long opening hours.",
        "In his early days as mayor he was popular.",
        "The years of the boom are over.",
        "The couple of dancers bowed.",
    ],
)
def test_plural_units_that_are_no_duration(text):
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # coordinated days of one month: each day is its own date, the year is shared
        ("The talks were held on April 2 and 3.",
         [("April 2", "2012-04-02", "date"), ("3", "2012-04-03", "date")]),
        ("The votes were counted on May 5 and 6, 2012.",
         [("May 5", "2012-05-05", "date"), ("6, 2012", "2012-05-06", "date")]),
        ("Flights resume on June 10 or 11.",
         [("June 10", "2013-06-10", "date"), ("11", "2013-06-11", "date")]),
        ("He met them on March 3 and 5 others later.", [("March 3", "2013-03-03", "date")]),
    ],
)
def test_coordinated_days(text, expected):
    assert found(text) == expected


def test_coordinated_days_without_publication_date_stay_partial():
    assert found("The talks were held on April 2 and 3.", None) == [
        ("April 2", "XXXX-04-02", "date"), ("3", "XXXX-04-03", "date")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "last" as a verb is outside the extent
        ("The trial will last several weeks.", [("several weeks", "PXW", "duration")]),
        ("The drought could last two years.", [("two years", "P2Y", "duration")]),
        ("The talks may last weeks.", [("weeks", "PXW", "duration")]),
        ("Prices rose in the last two years.", [("the last two years", "P2Y", "duration")]),
        # a quarter of a fiscal year is one expression, in the fiscal year
        ("The company lost money in the third quarter of fiscal 1990.",
         [("the third quarter of fiscal 1990", "1990-Q3", "date")]),
        # mid-year: the year, with its modifier inside
        ("The company expects to finish the work by mid-year.", [("mid-year", "2013", "date")]),
        ("Sales slowed at midyear.", [("midyear", "2012", "date")]),
    ],
)
def test_verbs_fiscal_quarters_and_mid_year(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fiscal years are written as plain years, as TimeBank (TE3's training data) and HeidelTime do
        ("Profit will rise in the current fiscal year.", [("the current fiscal year", "2013", "date")]),
        ("Profit fell last fiscal year.", [("last fiscal year", "2012", "date")]),
        ("Profit rose in fiscal year 2012.", [("fiscal year 2012", "2012", "date")]),
        ("Profit rose in the 2012 fiscal year.", [("the 2012 fiscal year", "2012", "date")]),
        ("Profit rose in the fiscal first quarter.", [("the fiscal first quarter", "2013-Q1", "date")]),
        # a year's part named with a possessive is one expression
        ("Profit rose in this year's first quarter.", [("this year's first quarter", "2013-Q1", "date")]),
        ("Profit rose in last year's fourth quarter.", [("last year's fourth quarter", "2012-Q4", "date")]),
        ("The plant will open in the second half of next year.",
         [("the second half of next year", "2014-H2", "date")]),
        ("Sales fell in the first half of last year.", [("the first half of last year", "2012-H1", "date")]),
    ],
)
def test_fiscal_years_and_parts_of_named_years(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the week before": that unit, one back from the time just named (else from the story's day)
        ("The bridge was closed on March 3. Another car had crashed there the week before.",
         [("March 3", "2013-03-03", "date"), ("the week before", "2013-W08", "date")]),
        ("He won the title in 2009, having lost the year before.",
         [("2009", "2009", "date"), ("the year before", "2008", "date")]),
        ("She arrived on Friday, having flown in the night before.",
         [("Friday", "2013-03-15", "date"), ("the night before", "2013-03-14TNI", "time")]),
        ("The team had lost the day before.", [("the day before", "2013-03-19", "date")]),
        ("The year before, prices fell.", [("The year before", "2012", "date")]),
        # a part of the day named with its day is one expression
        ("Looters struck the depot during the early hours of Thursday morning.",
         [("the early hours of Thursday morning", "2013-03-14TMO", "time")]),
    ],
)
def test_the_unit_before_and_parts_of_named_days(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday coordinated with the one before it continues from that day
        ("Snow is expected Tuesday and Wednesday.", PUB,
         [("Tuesday", "2013-03-26", "date"), ("Wednesday", "2013-03-27", "date")]),
        ("The talks ran from Monday to Wednesday.", "2013-03-19",
         [("Monday", "2013-03-18", "date"), ("Wednesday", "2013-03-20", "date")]),
        ("Voting took place on Saturday and Sunday.", PUB,
         [("Saturday", "2013-03-16", "date"), ("Sunday", "2013-03-17", "date")]),
        # plural weekdays and weekends are sets
        ("The office is closed on Sundays.", PUB, [("Sundays", "XXXX-WXX-7", "set")]),
        ("The market opens on weekends.", PUB, [("weekends", "XXXX-WXX-WE", "set")]),
    ],
)
def test_coordinated_weekdays_and_plural_weekdays(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said earlier today that he would resign.", [("earlier today", "2013-03-20", "date")]),
        ("The vote is later today.", [("later today", "2013-03-20", "date")]),
        ("The treaty was signed on the Fourth of July.", [("the Fourth of July", "2012-07-04", "date")]),
    ],
)
def test_modified_today_and_the_fourth_of_july(text, expected):
    assert found(text) == expected


def test_us_zone_abbreviations_take_the_offset_of_that_day():
    assert found("The polls close at 8 p.m. ET.") == [("8 p.m. ET", "2013-03-20T20:00-04:00", "time")]
    assert found("Voting ended at 7 p.m. Eastern time on Nov. 6, 2012.") == [
        ("7 p.m. Eastern time on Nov. 6, 2012", "2012-11-06T19:00-05:00", "time")
    ]
    assert found("The polls close at 8 p.m. ET.", None) == [("8 p.m. ET", "XXXX-XX-XXT20:00", "time")]


@pytest.mark.parametrize(
    "text",
    [
        # a singular unit after a count is a compound modifier, like the "nine-minute"
        "He praised the 90 minute meeting.",
        "They held a two minute silence.",
        "It is a 20 minute drive.",
        # a capitalised unit after a number is a title
        "The singer told 60 Minutes about it.",
    ],
)
def test_compound_counts_and_titles_are_not_durations(text):
    assert found(text) == []


def test_a_month_with_no_tense_is_the_nearest_one():
    # a November story: "January" with no verb tense is the coming one, "June" the past one
    assert found("The team prepares for the handover of power in January.", "2016-11-10") == [
        ("January", "2017-01", "date")
    ]
    assert found("The vote in June to leave shocked markets.", "2016-11-10") == [("June", "2016-06", "date")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dawn and dusk are parts of the day (TIMEX3 MO / EV), joined with a day next to them
        ("Troops attacked at dawn on Monday.", [("dawn on Monday", "2013-03-18TMO", "time")]),
        ("Police raided the house before dawn.", [("dawn", "2013-03-20TMO", "time")]),
        ("The curfew starts at dusk.", [("dusk", "2013-03-20TEV", "time")]),
        ("A dawn raid shocked the town.", []),
    ],
)
def test_dawn_and_dusk(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a range of amounts: each end is its own duration, the first borrows the unit
        ("The project will take two to three years.", [("two", "P2Y", "duration"), ("three years", "P3Y", "duration")]),
        ("Repairs take 3-4 weeks.", [("3", "P3W", "duration"), ("4 weeks", "P4W", "duration")]),
        ("He was jailed for between five and ten years.",
         [("five", "P5Y", "duration"), ("ten years", "P10Y", "duration")]),
        ("The flight takes about six or seven hours.",
         [("about six", "PT6H", "duration"), ("seven hours", "PT7H", "duration")]),
        ("It is a 15 to 20 minute drive.", []),
        ("He spent two and a half years abroad.", [("two and a half years", "P2Y6M", "duration")]),
    ],
)
def test_ranges_of_amounts(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the future as "the weeks ahead" / "the months to come", like "the coming months"
        ("Talks will continue in the weeks ahead.", [("the weeks ahead", "FUTURE_REF", "date")]),
        ("Prices will rise in the months to come.", [("the months to come", "FUTURE_REF", "date")]),
        # the determiner of a counted or vague duration is inside
        ("Prices rose these past few weeks.", [("these past few weeks", "PXW", "duration")]),
        # a bare season after a preposition, on the side the tense points to
        ("The plant will reopen in spring.", [("spring", "2013-SP", "date")]),
        ("Crops failed in summer.", [("summer", "2012-SU", "date")]),
        ("He played in Summer Lake.", []),
    ],
)
def test_future_stretches_and_bare_seasons(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Protests erupted this past weekend.", [("this past weekend", "2013-W11-WE", "date")]),
        ("The vote is this coming week.", [("this coming week", "2013-W13", "date")]),
        ("Sales fell this past year.", [("this past year", "2012", "date")]),
    ],
)
def test_this_past_and_this_coming(text, expected):
    assert found(text) == expected


def test_an_impossible_second_day_keeps_the_first():
    assert found("Results came on Feb. 28 and 29, 2013.") == [("Feb. 28", "2013-02-28", "date")]
    assert found("It happened on Feb. 30 and 31.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # fifth round: each end of a clock range is its own TIME, on the second end's clock half and day
        ("The museum opens from 1 to 3 p.m. on Sunday.",
         [("1", "2013-03-24T13:00", "time"), ("3 p.m. on Sunday", "2013-03-24T15:00", "time")]),
        ("Polls stay open between 9 and 11 a.m.",
         [("9", "2013-03-20T09:00", "time"), ("11 a.m.", "2013-03-20T11:00", "time")]),
        ("The clinic is staffed from 11 to 1 p.m.",
         [("11", "2013-03-20T11:00", "time"), ("1 p.m.", "2013-03-20T13:00", "time")]),
        ("The side won 2 to 3 p.m. crowds cheered.", []),
        # TIDES: midnight closes the day it is named with (T24:00)
        ("The ferry sank at midnight on Tuesday.", [("midnight on Tuesday", "2013-03-19T24:00", "time")]),
        # a modal before a bare verb looks ahead: the coming quarter, the coming weekday
        ("Margins should widen in the second quarter.", [("the second quarter", "2013-Q2", "date")]),
        ("Margins narrowed in the second quarter.", [("the second quarter", "2012-Q2", "date")]),
        ("The envoy may fly home on Monday.", [("Monday", "2013-03-25", "date")]),
        ("The envoy should have flown home on Monday.", [("Monday", "2013-03-18", "date")]),
    ],
)
def test_clock_ranges_midnight_and_modals(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "that time" after a preposition is the time just named (TIDES: anaphoric, the antecedent's value)
        ("The mill shut in 2004. By that time, most workers had left.",
         [("2004", "2004", "date"), ("that time", "2004", "date")]),
        ("The mill shut in 2004. That time of year is quiet.", [("2004", "2004", "date")]),
        ("Until that time, nobody complained.", []),
        # a bare day of the month: the month last named, else the story's month on the tense's side
        ("The walkout started on the 4th.", [("the 4th", "2013-03-04", "date")]),
        ("The walkout started on the 27th.", [("the 27th", "2013-02-27", "date")]),
        ("The walkout will end on the 1st.", [("the 1st", "2013-04-01", "date")]),
        ("The mill shut in June 2004. The owner left on the 9th.",
         [("June 2004", "2004-06", "date"), ("the 9th", "2004-06-09", "date")]),
        ("She works on the 4th floor.", []),
        ("The mill shut in June 2004.\n\nThe walkout started on the 4th.",
         [("June 2004", "2004-06", "date"), ("the 4th", "2013-03-04", "date")]),
        ("He holed a long putt on the 16th.", []),
    ],
)
def test_that_time_and_bare_days_of_the_month(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the decade" is the decade last named in the paragraph, else the one holding the story's date
        ("The port expanded in 2006. During the decade, traffic tripled.",
         [("2006", "2006", "date"), ("the decade", "200", "date")]),
        ("Fares will keep rising over the decade.", [("the decade", "201", "date")]),
        # "the following Monday", "the previous Friday": counted from the day last named
        ("The dam burst on March 3. The following Tuesday, the valley flooded.",
         [("March 3", "2013-03-03", "date"), ("The following Tuesday", "2013-03-05", "date")]),
        ("The dam burst on March 3. Engineers had warned the previous Thursday.",
         [("March 3", "2013-03-03", "date"), ("the previous Thursday", "2013-02-28", "date")]),
        # a date something is put off to is still ahead, whatever the tense of "postponed"
        ("The trial was postponed until May 6.", [("May 6", "2013-05-06", "date")]),
        ("The session was adjourned until Tuesday.", [("Tuesday", "2013-03-26", "date")]),
        ("The siege lasted until Tuesday.", [("Tuesday", "2013-03-19", "date")]),
    ],
)
def test_the_decade_following_weekdays_and_postponed_dates(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a past narrative set in an earlier year: its relative periods count from the time it told
        ("The bank failed in April 2009. That winter, depositors queued.",
         [("April 2009", "2009-04", "date"), ("That winter", "2009-WI", "date")]),
        ("The bank failed in April 2009. By the end of the year, depositors were paid.",
         [("April 2009", "2009-04", "date"), ("the end of the year", "2009", "date")]),
        ("The bank failed in April 2009. The bank will reopen by the end of the year.",
         [("April 2009", "2009-04", "date"), ("the end of the year", "2013", "date")]),
        ("The bank failed in April 2009. Its owner was jailed the next year.",
         [("April 2009", "2009-04", "date"), ("the next year", "2010", "date")]),
        ("The bank failed in 2009. Its owner was jailed in October.",
         [("2009", "2009", "date"), ("October", "2009-10", "date")]),
        # ... but not from the edge of a span, nor when the last time named is the story's own
        ("The bank traded from 2001 to 2009. Its owner was jailed in October.",
         [("2001", "2001", "date"), ("2009", "2009", "date"), ("October", "2012-10", "date")]),
        ("The bank failed in 2009. On March 4, its owner spoke. He had been jailed in October.",
         [("2009", "2009", "date"), ("March 4", "2013-03-04", "date"), ("October", "2012-10", "date")]),
    ],
)
def test_a_past_narrative_keeps_its_year(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tense that dates a weekday: the reporting verb right before it, "is to", "has until"
        ("The insurer said Tuesday it will raise premiums.", [("Tuesday", "2013-03-19", "date")]),
        ("The insurer said it will raise premiums on Tuesday.", [("Tuesday", "2013-03-26", "date")]),
        ("The envoy is to land on Saturday.", [("Saturday", "2013-03-23", "date")]),
        ("The envoy has until Saturday to reply.", [("Saturday", "2013-03-23", "date")]),
        ("The envoy had until Saturday to reply.", [("Saturday", "2013-03-16", "date")]),
    ],
)
def test_the_verb_that_dates_a_weekday(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison "from a year ago" is the period just named, a year back
        ("Margins widened in the fourth quarter from a year ago.",
         [("the fourth quarter", "2012-Q4", "date"), ("a year ago", "2011-Q4", "date")]),
        ("Exports in January were higher than a year ago.",
         [("January", "2013-01", "date"), ("a year ago", "2012-01", "date")]),
        ("The mayor was elected a year ago.", [("a year ago", "2012", "date")]),
        # "the year-ago quarter" with none named: the quarter just reported, a year back
        ("Margins were thinner in the year-ago quarter, analysts said.", [("the year-ago quarter", "2011-Q4", "date")]),
    ],
)
def test_a_year_ago_in_comparisons(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a generic "today" (nowadays) is no time of the story: TimeML's annotators leave it unmarked
        # (twelfth round; it was PRESENT_REF, as TIDES writes it); the day itself stays a date
        ("Today's pupils write fewer letters.", []),
        ("By today's standards, the ship was small.", []),
        ("Today's hearing was brief.", [("Today", "2013-03-20", "date")]),
        ("The bill is debated in today's session.", [("today", "2013-03-20", "date")]),
    ],
)
def test_generic_today(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clock hour with its part of the day, or with "o'clock", is one TIME
        ("The blast came at 7:45 in the morning.", [("7:45 in the morning", "2013-03-20T07:45", "time")]),
        ("The blast came at 4 o'clock in the afternoon.",
         [("4 o'clock in the afternoon", "2013-03-20T16:00", "time")]),
        ("The blast came at 10 at night.", [("10 at night", "2013-03-20T22:00", "time")]),
        ("The blast came at about 8 o'clock.", [("about 8 o'clock", "2013-03-20T08:00", "time")]),
        ("The side won 2 in the morning session.", []),
        # "earlier Tuesday", "later Tuesday" (AP style): the modifier is inside, the day is Tuesday
        ("The court ruled earlier Tuesday.", [("earlier Tuesday", "2013-03-19", "date")]),
    ],
)
def test_clock_hours_with_their_part_of_day(text, expected):
    assert found(text) == expected


# Sixth round: patterns found by diffing against HeidelTime on development texts (Giveme5W1H, PolNeAR
# train, re3d); the expected values are written from the TIDES 2005 / TimeML rules, not copied from
# either system's output.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive day dates its noun, not the infinitive above it (a Sunday story: the Tuesday before)
        ("Officials called the lawsuit a bid to overturn Tuesday's vote.", [("Tuesday", "2013-03-19", "date")]),
        ("The panel booked an interview to be aired on Friday.", [("Friday", "2013-03-22", "date")]),
        # "daily" before its noun is an adjective (no SET), after a verb a frequency
        ("Get daily updates by text.", []),
        ("The tablets are taken daily.", [("daily", "P1D", "set")]),
        # "current" and "recent" before a noun refer to the present and the past (TIDES 2005); the noun
        # stays outside
        ("Current rules allow it.", [("Current", "PRESENT_REF", "date")]),
        ("The recent attacks shocked the town.", [("recent", "PAST_REF", "date")]),
        # counted decades and centuries keep their TIDES units (as the vague "decades" PXDE)
        ("It was the worst slump in a decade.", [("a decade", "P1DE", "duration")]),
        ("The feud lasted three decades.", [("three decades", "P3DE", "duration")]),
        ("The club has not won in more than a century.", [("more than a century", "P1CE", "duration")]),
        ("Prices rose over the past decade.", [("the past decade", "200", "date")]),
        # a year before a singular noun or an election noun is a date, not a count; "May's office" is the name
        ("Money poured into the open 2012 mayoral race.", [("2012", "2012", "date")]),
        ("Turnout collapsed after the 2008 primaries in most states.", [("2008", "2008", "date")]),
        ("Nearly 2000 people came.", []),
        ("Nobody from May's office replied.", []),
        # a bare past participle right before its day reports a done event; "scheduled for" looks ahead
        ("The takeover unveiled Monday would double the bank's size.", [("Monday", "2013-03-18", "date")]),
        ("A tally posted Sunday shows turnout falling.", [("Sunday", "2013-03-17", "date")]),
        ("The hearing scheduled for Monday will be short.", [("Monday", "2013-03-25", "date")]),
        # a later past "Friday" does not reuse a Friday resolved ahead of the story
        ("The vote will be held on Friday. The ballots were printed Friday.",
         [("Friday", "2013-03-22", "date"), ("Friday", "2013-03-15", "date")]),
        # the newspaper is no date
        ("A photographer for USA TODAY Sports took the picture.", []),
        ("The figures were first reported by USA Today.", []),
        # "the dawn of" a period is a beginning, not a part of a day
        ("Historians call it the dawn of a new age.", []),
    ],
)
def test_sixth_round_false_positives_and_tense(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # with no tense, a season named in December is the nearest one (only winter carries next
        # January's year)
        ("A study released over the summer by the agency is often cited.", "2012-12-10",
         [("the summer", "2012-SU", "date")]),
        # a wish or a condition looks ahead ("want to run in November", "if he is the nominee in
        # November"); a past wish does not
        ("The nurses do not want to strike in November.", PUB, [("November", "2013-11", "date")]),
        ("The bridge reopens if the inspection is complete in November.", PUB, [("November", "2013-11", "date")]),
        ("They wanted to leave in November.", PUB, [("November", "2012-11", "date")]),
        # "between now and January": the stretch runs ahead of the story
        ("Talks continue between now and January.", PUB,
         [("now", "PRESENT_REF", "date"), ("January", "2014-01", "date")]),
        # typographic apostrophes read as the straight ones: "they\u2019ll" looks ahead, "should\u2019ve" back
        ("They\u2019ll sign the deal on Friday.", PUB, [("Friday", "2013-03-22", "date")]),
        ("It should\u2019ve opened on Friday.", PUB, [("Friday", "2013-03-15", "date")]),
        # "the past few nights": a counted stretch (no unit we can write), not "the past" (PAST_REF)
        ("The team has lost the past three games.", PUB, []),
        ("Such things happened in the past.", PUB, [("the past", "PAST_REF", "date")]),
        # a house number is no year; a decade may carry an apostrophe
        ("The guests arrived at 1600 Maple Avenue.", PUB, []),
        ("He studied law in the 1970\u2019s.", PUB, [("the 1970\u2019s", "197", "date")]),
        # day-first ranges: each day its own date, month and year shared ("5-6 April 2016", "11-13 Dec.")
        ("The envoy toured the region from 8-9 April 2011.", PUB,
         [("8", "2011-04-08", "date"), ("9 April 2011", "2011-04-09", "date")]),
        ("Drills were held between 4-6 Feb. near the coast.", PUB,
         [("4", "2013-02-04", "date"), ("6 Feb.", "2013-02-06", "date")]),
        ("The home side won 3-2 June 5.", PUB, [("June 5", "2012-06-05", "date")]),
        # a bare clock time in a past clause is not on a day ahead of the story; in a future one it is
        ("The mayor takes office on May 2. Her bus arrived at 9 p.m.", PUB,
         [("May 2", "2013-05-02", "date"), ("9 p.m.", "2013-03-20T21:00", "time")]),
        ("The mayor takes office on May 2. The oath starts at 9 a.m.", PUB,
         [("May 2", "2013-05-02", "date"), ("9 a.m.", "2013-05-02T09:00", "time")]),
        # a clock time past midnight after a night named is on the next day
        ("The vote ran late on Tuesday night. The count ended at 1:15 a.m.", PUB,
         [("Tuesday night", "2013-03-19TNI", "time"), ("1:15 a.m.", "2013-03-20T01:15", "time")]),
        ("The vote ran late on Tuesday night. The count ended at 11:15 p.m.", PUB,
         [("Tuesday night", "2013-03-19TNI", "time"), ("11:15 p.m.", "2013-03-19T23:15", "time")]),
        # coordinated stretches ahead are one FUTURE_REF, as "the weeks ahead" is
        ("Expect more rain during the days and weeks ahead.", PUB, [("the days and weeks ahead", "FUTURE_REF", "date")]),
        ("Both sides must meet over the coming weeks and months.", PUB,
         [("the coming weeks and months", "FUTURE_REF", "date")]),
        # a number with a thousands separator is one number
        ("The lighthouse has stood for 12,345 days.", PUB, []),
        # "into the spring": a season after any preposition of time
        ("The dispute could drag on into the spring.", PUB, [("the spring", "2013-SP", "date")]),
    ],
)
def test_seasons_and_months_with_no_tense(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a weekday written with its date is that date
        ("The paper said in a column on Saturday, March 23: the count was close.", PUB,
         [("Saturday, March 23", "2013-03-23", "date")]),
        # a list of days back in time is not a stretch ahead
        ("Remarks were made Tuesday and Monday by the envoy.", PUB,
         [("Tuesday", "2013-03-19", "date"), ("Monday", "2013-03-18", "date")]),
        # a plan told in the past perfect was for a day already gone
        ("The bid had been due to lapse Friday night.", PUB, [("Friday night", "2013-03-15TNI", "time")]),
        ("The vote had been scheduled to close at noon Monday.", PUB, [("noon Monday", "2013-03-18T12:00", "time")]),
        # the dates of a notice lie ahead of it, whatever tense announced it
        ("The board declared a dividend payable April 30 to holders of record April 12.", PUB,
         [("April 30", "2013-04-30", "date"), ("April 12", "2013-04-12", "date")]),
        # the quarter that just ended is the one reported, in any tense; one ahead of the verb is ahead
        ("The retailer will post third-quarter results next week.", "2013-10-28",
         [("third-quarter", "2013-Q3", "date"), ("next week", "2013-W45", "date")]),
        ("Sales should recover in the third quarter.", "2013-10-28", [("the third quarter", "2014-Q3", "date")]),
        # an earnings story compares its quarter with the same quarter a year back
        ("Profit rose in the second quarter. Net income was $4 million, up from $3 million a year ago. "
         "Revenue was $9 million, compared with $8 million a year earlier.", "2013-08-05",
         [("the second quarter", "2013-Q2", "date"), ("a year ago", "2012-Q2", "date"),
          ("a year earlier", "2012-Q2", "date")]),
        # with no quarter named, a year ago is the year
        ("Prices were lower a year ago.", PUB, [("a year ago", "2012", "date")]),
        # the reported quarter a year back, written as an adjective or with the year; the latest period
        ("Profit rose in the second quarter. It topped year-earlier profit of $3 million. "
         "In the year-ago second quarter sales fell. The 2012 period included a charge. "
         "The latest period had a gain.", "2013-08-05",
         [("the second quarter", "2013-Q2", "date"), ("year-earlier", "2012-Q2", "date"),
          ("the year-ago second quarter", "2012-Q2", "date"), ("The 2012 period", "2012-Q2", "date"),
          ("The latest period", "2013-Q2", "date")]),
        ("The year-ago results were restated.", PUB, [("year-ago", "2012", "date")]),
        # "last year" beside a figure compared, "the corresponding period last year", "last year's quarter"
        ("Profit rose in the second quarter. It earned $5 million against $3 million last year. Net was $2 "
         "million in the corresponding period last year. Last year's quarter brought flat sales.", "2013-08-05",
         [("the second quarter", "2013-Q2", "date"), ("last year", "2012-Q2", "date"),
          ("the corresponding period last year", "2012-Q2", "date"), ("Last year's quarter", "2012-Q2", "date")]),
        ("Profit rose in the second quarter. Last year the firm moved to Ohio.", "2013-08-05",
         [("the second quarter", "2013-Q2", "date"), ("Last year", "2012", "date")]),
        # "soon", "the near term": the future (TIDES FUTURE_REF); not the "as soon as" of a clause
        ("The budget will soon move into surplus.", PUB, [("soon", "FUTURE_REF", "date")]),
        ("As soon as the polls close, counting starts.", PUB, []),
        ("He left soon after the vote.", PUB, []),
        ("Prices will stay low in the near term.", PUB, [("the near term", "FUTURE_REF", "date")]),
        # a postponing verb looks ahead only for its own "until"/"for": "figures for January" are past
        ("The payroll numbers for January extended a streak of gains.", PUB, [("January", "2013-01", "date")]),
        # "will one day": the future, not a day-long duration
        ("The city will one day host the games.", PUB, [("one day", "FUTURE_REF", "date")]),
        ("The strike lasted one day.", PUB, [("one day", "P1D", "duration")]),
        # "the last half of 2012": the final half of that year
        ("Earnings for the last half of 2012 rose.", PUB, [("the last half of 2012", "2012-H2", "date")]),
        # a compound whose noun is itself a stretch of time names its length; other compounds stay out
        ("He served a one-year term.", PUB, [("a one-year term", "P1Y", "duration")]),
        ("Sales fell over a three-year period.", PUB, [("a three-year period", "P3Y", "duration")]),
        ("She watched a nine-minute video.", PUB, []),
        # "the full year": the year the story reports
        ("Sales for the full year rose 13%.", PUB, [("the full year", "2013", "date")]),
        # spoken years in transcripts; a count before its noun is no year
        ("In nineteen ninety-one he was convicted.", PUB, [("nineteen ninety-one", "1991", "date")]),
        ("Fears about the year two thousand grew.", PUB, [("the year two thousand", "2000", "date")]),
        ("They sold nineteen eighty-four copies.", PUB, []),
        ("One man died. January nineteen ninety-seven: a second bomb.", PUB,
         [("January nineteen ninety-seven", "1997-01", "date")]),
        # a weekday counted from another day does not fix the story's own weekday of that name
        ("The bank cut rates on March 5 after shares fell the previous Friday. The index dropped Friday.", PUB,
         [("March 5", "2013-03-05", "date"), ("the previous Friday", "2013-03-01", "date"),
          ("Friday", "2013-03-15", "date")]),
        # a forecast's year does not end the reported quarter's reach
        ("Profit fell in the third quarter. Sales should recover next year. Net was lower than in the "
         "year-earlier quarter.", "2013-10-28",
         [("the third quarter", "2013-Q3", "date"), ("next year", "2014", "date"),
          ("the year-earlier quarter", "2012-Q3", "date")]),
    ],
)
def test_seventh_round_timebank_conventions(text, published, expected):
    assert found(text, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a fraction written "N 1/2" belongs to the count; the "2" after "1/" is no count of its own
        ("The refugees waited 3 1/2 years for a ruling.", PUB, [("3 1/2 years", "P3Y6M", "duration")]),
        ("Bonds rose 1/2 point on the news.", PUB, []),
        # trading, business and working days are days (TimeBank; HeidelTime)
        ("Four trading days after the crash, the index had recovered.", PUB,
         [("Four trading days", "P4D", "duration")]),
        ("The bank must answer within ten business days.", PUB, [("ten business days", "P10D", "duration")]),
        ("The club switched to a calendar year.", PUB, []),
        # "or so" between the count and "ago" keeps one DATE
        ("The envoy arrived a week or so ago.", PUB, [("a week or so ago", "2013-W11", "date")]),
        # a season of a spoken year (broadcast transcripts)
        ("Gas was dear in the summer of nineteen eighty-eight.", PUB,
         [("the summer of nineteen eighty-eight", "1988-SU", "date")]),
        # "that quarter" is the quarter just named
        ("Profit rose in the second quarter. Costs in that quarter fell.", PUB,
         [("the second quarter", "2012-Q2", "date"), ("that quarter", "2012-Q2", "date")]),
        # a vague count "later" gives no date, only a vague length (TimeBank and HeidelTime: a DURATION)
        ("The chief quit in May 2012. A few weeks later, the board resigned.", PUB,
         [("May 2012", "2012-05", "date"), ("A few weeks", "PXW", "duration")]),
        ("Four years later, the mill reopened.", PUB, [("Four years later", None, "date")]),
        # the period a part of it is counted in, and the period a figure is quoted for, are DATEs
        ("Exports grew in the first eight months of the year.", PUB,
         [("the first eight months", "P8M", "duration"), ("the year", "2013", "date")]),
        ("The shares hit a low for the year of $3 in January.", PUB,
         [("the year", "2013", "date"), ("January", "2013-01", "date")]),
        ("Sales rose 4% in the quarter to $9 million.", "2013-10-28", [("the quarter", "2013-Q3", "date")]),
        ("It was the coldest day of the year.", PUB, []),
        ("Those were the darkest days of the year.", PUB, []),
        # "a <unit>" after a counted noun is a rate, a SET; after a year it is not
        ("The new route adds some 900 seats a week.", PUB, [("a week", "P1W", "set")]),
        ("Inmates get two meals a day.", PUB, [("a day", "P1D", "set")]),
        ("In 2011 a year of drought began.", PUB, [("2011", "2011", "date"), ("a year", "P1Y", "duration")]),
        # "weeks or months": one vague DURATION in the smaller unit named first
        ("The cleanup could go on for days or weeks.", PUB, [("days or weeks", "PXD", "duration")]),
        ("She recovered within weeks or months of the crash.", PUB, [("weeks or months", "PXW", "duration")]),
        # a programme's title in quotes or before its host's name is not a week
        ('The senator, speaking on NBC\'s "This Week," said the plan would fail.', PUB, []),
        ("The senator said on This Week With Jane Doe that taxes would rise.", PUB, []),
        ("Stocks Fall This Week as Fed Meets", PUB, [("This Week", "2013-W12", "date")]),
        # "the year ending tomorrow" is a year-long DURATION, as "the year ended June 30" is
        ("The brewer sees a loss for the year ending tomorrow.", PUB,
         [("the year", "P1Y", "duration"), ("tomorrow", "2013-03-21", "date")]),
        ("Crowds gathered during the year of the snake.", PUB, []),
        # in a quarter's first month, "the quarter" with no tense is the one just reported
        ("The insurer sees a gain in the quarter from an asset sale.", "2013-10-21",
         [("the quarter", "2013-Q3", "date")]),
        ("Analysts say margins will widen in the quarter.", "2013-10-21", [("the quarter", "2013-Q4", "date")]),
        ("The insurer sees a gain in the quarter from an asset sale.", "2013-12-02",
         [("the quarter", "2013-Q4", "date")]),
        # "the quarter a year ago": the reported quarter, a year back (one DATE)
        ("Net rose in the third quarter. For the quarter a year earlier, the bank lost $2 million.", PUB,
         [("the third quarter", "2012-Q3", "date"), ("the quarter a year earlier", "2011-Q3", "date")]),
        # "one day" before a bare verb is a wish for the future (TIDES FUTURE_REF), not a length
        ("Her family voiced the hope that she one day lead the party.", PUB, [("one day", "FUTURE_REF", "date")]),
        ("The strike lasted one day.", PUB, [("one day", "P1D", "duration")]),
        # "the record set on <date>": a past event (not the plan of "a vote set for May")
        ("The stock closed below its peak set on Nov. 2.", PUB, [("Nov. 2", "2012-11-02", "date")]),
        # "each July": every July, a SET (TIDES), not this year's July
        ("Pilgrims walk to the shrine each July.", PUB, [("each July", "XXXX-07", "set")]),
        # "the future of X" and "the future" as a subject are prospects, not the time ahead (TIDES)
        ("Delegates argued about the future of the alliance.", PUB, []),
        ("The future looks grim for the mill, she said.", PUB, []),
        ("Rates will climb in the future.", PUB, [("the future", "FUTURE_REF", "date")]),
        ("Farmers fret about the future.", PUB, [("the future", "FUTURE_REF", "date")]),
        # a copyright notice's year is no time the story speaks of
        ("Copyright 2012 Example Wire Service. All rights reserved.", PUB, []),
    ],
)
def test_eighth_round_conventions(text, published, expected):
    assert found(text, published) == expected


def test_fiscal_quarter_with_a_hyphen_reads_as_without():
    """'the fiscal-first quarter' is 'the fiscal first quarter' (financial copy writes both)."""
    spaced = found("Net fell in the fiscal first quarter, the firm said.")
    hyphen = found("Net fell in the fiscal-first quarter, the firm said.")
    assert spaced and [v for _, v, _ in hyphen] == [v for _, v, _ in spaced]
    assert hyphen[0][0] == "the fiscal-first quarter"
