"""Thirteenth-round conventions (issue #4), on sentences written for these tests: values. A count of
days, weeks, hours or minutes "later"/"earlier" standing alone is a length (TimeML marks "three days"
and leaves "later" as its signal; TimeBank 1.2 and AQUAINT mark every such case so), while years keep
the dates of earnings comparisons and a clock time above still counts a TIME."""

from __future__ import annotations

import pytest
from test_times_conventions import found as found_at  # same directory: pytest puts it on sys.path

WED = "2024-06-12"  # a Wednesday in ISO week 24


def found(text: str, published: str | None = WED) -> list[tuple[str, str | None, str]]:
    return found_at(text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a day, week, hour or minute count "later"/"earlier" is a length, "later" outside it
        ("The dam was inspected on May 2. Three days later, it burst.", WED,
         [("May 2", "2024-05-02", "date"), ("Three days", "P3D", "duration")]),
        ("A day earlier, the river had risen a foot.", WED, [("A day", "P1D", "duration")]),
        ("The mayor resigned; two weeks later the council voted.", WED, [("two weeks", "P2W", "duration")]),
        ("The fire started in the kitchen. Just over an hour later, the roof fell in.", WED,
         [("Just over an hour", "PT1H", "duration")]),
        ("The gates opened. Ten minutes later, the hall was full.", WED, [("Ten minutes", "PT10M", "duration")]),
        # no publication date changes nothing: a length needs none
        ("Three days later, it burst.", None, [("Three days", "P3D", "duration")]),
        # a compared period keeps its date ("claims fell from a week earlier": the week before)
        ("Jobless claims fell by 5,000 from a week earlier.", WED, [("a week earlier", "2024-W23", "date")]),
        ("Prices were 3% higher than a day earlier.", WED, [("a day earlier", "2024-06-11", "date")]),
        # years keep their dates: the comparison period, or the year counted from the one named
        ("He was elected in 2009 and re-elected four years later.", WED,
         [("2009", "2009", "date"), ("four years later", "2013", "date")]),
        ("Profit rose in the second quarter, from $3 million a year earlier.", WED,
         [("the second quarter", "2024-Q2", "date"), ("a year earlier", "2023-Q2", "date")]),
        # a clock time above still makes "later" a clock time
        ("The ferry left at 11 p.m. and sank two hours later.", WED,
         [("11 p.m.", "2024-06-12T23:00", "time"), ("two hours later", "2024-06-13T01:00", "time")]),
        # a month after "said in" dates the reporting verb, also when the parser hangs it on the
        # "would" clause after it (it used to read as next year's, or this year's still ahead)
        ("The company said in January it would cut 500 jobs.", WED, [("January", "2024-01", "date")]),
        ("The firm said in September it would sell the unit.", WED, [("September", "2023-09", "date")]),
        ("The firm says it will sell the unit in September.", WED, [("September", "2024-09", "date")]),
        ("A merger announced in February would create a giant.", WED, [("February", "2024-02", "date")]),
        # "the quarter ended <day>": the calendar quarter most of its three months fall in
        ("Sales rose in the quarter ended July 31.", WED,
         [("the quarter", "2023-Q2", "date"), ("July 31", "2023-07-31", "date")]),
        ("Net rose in the quarter ended Sept. 30.", WED,
         [("the quarter", "2023-Q3", "date"), ("Sept. 30", "2023-09-30", "date")]),
        ("Net fell in the quarter ended Jan. 31.", WED,
         [("the quarter", "2023-Q4", "date"), ("Jan. 31", "2024-01-31", "date")]),
        ("Net fell in the quarter ended July 1, 2022.", WED,
         [("the quarter", "2022-Q2", "date"), ("July 1, 2022", "2022-07-01", "date")]),
        ("Net fell in the quarter ended July 31.", None,
         [("the quarter", "XXXX-Q2", "date"), ("July 31", "XXXX-07-31", "date")]),
        # a half of a named year is a half-year, as a half of "next year" already was
        ("Sales rose in the first half of 2019.", WED, [("the first half of 2019", "2019-H1", "date")]),
        ("The plant opens in the second half of 2025.", WED, [("the second half of 2025", "2025-H2", "date")]),
        ("Demand stays weak through the first two quarters of 2025.", WED,
         [("the first two quarters of 2025", "2025-H1", "date")]),
        ("Growth slowed in late 2019.", WED, [("late 2019", "2019", "date")]),
        # a season "of last/this/next year" is that year's season (it was only "last year")
        ("Prices fell in the spring of last year.", WED, [("the spring of last year", "2023-SP", "date")]),
        ("The plant opens in the summer of next year.", WED, [("the summer of next year", "2025-SU", "date")]),
        ("Prices fell in the spring of last year.", None, [("the spring of last year", "XXXX-SP", "date")]),
        # ... not before a possessive year, whose "fall" is no season
        ("The fall of last year's cabinet was swift.", WED, [("last year", "2023", "date")]),
        # a part of "the summer" ("the end of the summer") is the season, one DATE as "the end of the
        # year" is (it used to be nothing: "the summer" after "of" reads as "the fall of the regime")
        ("Work will be finished by the end of the summer.", WED, [("the end of the summer", "2024-SU", "date")]),
        ("The deal collapsed at the height of the summer.", "2024-03-12",
         [("the height of the summer", "2023-SU", "date")]),
        ("He wrote of the end of the fall of Rome.", WED, []),
        # "the spring break", "the summer Olympics": a season naming something else is no time
        ("Students return to school after the spring break.", WED, []),
        ("Sales rise in the summer months.", WED, [("the summer", "2024-SU", "date")]),
        ("Prices rose in the spring.", WED, [("the spring", "2024-SP", "date")]),
        # a day range across two months: each end its own date (the first used to be the month alone)
        ("The board met April 30-May 1.", WED, [("April 30", "2024-04-30", "date"), ("May 1", "2024-05-01", "date")]),
        ("The board meets Oct. 30-Nov. 1.", WED, [("Oct. 30", "2024-10-30", "date"), ("Nov. 1", "2024-11-01", "date")]),
        ("The fair runs June 28 to July 2, 2022.", WED,
         [("June 28", "2022-06-28", "date"), ("July 2, 2022", "2022-07-02", "date")]),
        ("The talks ran Dec. 30-Jan. 2, 2022.", WED,
         [("Dec. 30", "2021-12-30", "date"), ("Jan. 2, 2022", "2022-01-02", "date")]),
        ("The board meets April 30-May 1.", None, [("April 30", "XXXX-04-30", "date"), ("May 1", "XXXX-05-01", "date")]),
        # a scheduled present looks ahead for coordinated days as for one ("runs Nov. 5" already did)
        ("The summit runs Nov. 5-7.", WED, [("Nov. 5", "2024-11-05", "date"), ("7", "2024-11-07", "date")]),
        ("The fair ran Nov. 5-7.", WED, [("Nov. 5", "2023-11-05", "date"), ("7", "2023-11-07", "date")]),
        # "Sept. 2012" is that month (it came out as the year alone: "Sept" was read without its
        # period), and an abbreviation without a period before a year is a month too
        ("Rain fell in Sept. 2012.", WED, [("Sept. 2012", "2012-09", "date")]),
        ("Sales rose in Sept. and Oct.", WED, [("Sept.", "2023-09", "date"), ("Oct.", "2023-10", "date")]),
        ("He was born in Feb 1960.", WED, [("Feb 1960", "1960-02", "date")]),
        # a clock time before a part of day ("at 11:30 last night") is one TIME on that day, past noon
        # when the part of day says so (it was a morning clock on the story's day and the night apart)
        ("He called at 11:30 last night.", WED, [("11:30 last night", "2024-06-11T23:30", "time")]),
        ("She landed at 8:15 this morning.", WED, [("8:15 this morning", "2024-06-12T08:15", "time")]),
        ("The vote is at 9:30 tonight.", WED, [("9:30 tonight", "2024-06-12T21:30", "time")]),
        ("He spoke at 10:45 p.m. on Friday night.", WED, [("10:45 p.m. on Friday night", "2024-06-07T22:45", "time")]),
        # "will ... in five years": a point that far ahead, at the unit's granularity; not in a past
        # or present clause, and not after "within" or "for"
        ("The bonds will be redeemed in five years.", WED, [("five years", "2029", "date")]),
        ("Talks will resume in two weeks.", WED, [("two weeks", "2024-W26", "date")]),
        ("He will finish in three days.", WED, [("three days", "2024-06-15", "date")]),
        ("Prices doubled in five years.", WED, [("five years", "P5Y", "duration")]),
        ("The firm will decide within two weeks.", WED, [("two weeks", "P2W", "duration")]),
        ("Talks will resume in two weeks.", None, [("two weeks", "P2W", "duration")]),
        # a month range naming a calendar quarter or half before "quarter"/"period" is that quarter
        ("Profit rose in the October-December quarter.", WED, [("October-December quarter", "2023-Q4", "date")]),
        ("Growth slowed in the January-June period.", "2024-09-12", [("January-June period", "2024-H1", "date")]),
        ("The October-December quarter of 2021 was weak.", WED,
         [("October-December quarter", "2021-Q4", "date"), ("2021", "2021", "date")]),
        # "the December quarter": the calendar quarter ending that month
        ("Profit rose in the December quarter.", WED, [("December quarter", "2023-Q4", "date")]),
        ("Profit rose in the September 2022 quarter.", WED, [("September 2022 quarter", "2022-Q3", "date")]),
        ("Profit rose in the January quarter.", WED, [("January", "2024-01", "date")]),
        # ... not another range, nor one said with "to"
        ("Sales rose in the October-November period.", WED,
         [("October", "2023-10", "date"), ("November", "2023-11", "date")]),
        ("Sales rose from October to December.", WED, [("October", "2023-10", "date"), ("December", "2023-12", "date")]),
        # "than" compares amounts, as before
        ("The harvest came a week earlier than usual.", WED, [("a week", "P1W", "duration")]),
    ],
)
def test_thirteenth_round_conventions(text: str, published: str | None, expected: list) -> None:
    assert found(text, published) == expected


def test_a_count_later_still_dates_its_clause() -> None:
    """The length "three days" is what find_times gives, but events and quotes still get the day it
    counts to from the last day named in the paragraph ("earlier" with none: from the story's day)."""
    import newsevents
    from newsevents.times import date_of, governing

    def day_of(text: str, word: str, inherit: bool = False) -> str | None:
        doc = newsevents.extract(text, published=WED, pipeline=["times"])
        at = text.index(word)
        return date_of(doc, at, at + len(word), inherit=inherit)

    assert day_of("Rebels seized the airport on May 2. Three days later, troops retook it.", "retook") == "2024-05-05"
    assert day_of("Rebels seized the airport on May 2. A week later, troops retook it.", "retook") == "2024-05-09"
    assert day_of("A day earlier, police had arrested two men.", "arrested") == "2024-06-11"
    assert day_of("The ferry left on Monday. Two hours later, it sank.", "sank") == "2024-06-10"
    # no day named before it in the paragraph, or a comparison of amounts: nothing to count from
    assert day_of("Rebels seized the airport on May 2.\n\nThree days later, troops retook it.", "retook") is None
    text = "The harvest came a week earlier than usual."
    doc = newsevents.extract(text, published=WED, pipeline=["times"])
    assert governing(doc, 0, len(text)) is None
