"""Twelfth-round conventions (issue #4), on sentences written for these tests: precision. Uses
of time words that TimeBank 1.2 and AQUAINT both leave unmarked (a generic "today's", a
sentence-opening "Now," that turns the argument) are no time expressions; the temporal uses
next to them stay."""

from __future__ import annotations

import pytest
from test_times_conventions import found as found_at  # same directory: pytest puts it on sys.path

WED = "2024-06-12"  # a Wednesday in ISO week 24


def found(text: str, published: str | None = WED) -> list[tuple[str, str | None, str]]:
    return found_at(text, published)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a generic "today's" (nowadays) is no time of the story
        ("In today's world, few farmers keep horses.", WED, []),
        ("Today's teenagers text more than they talk.", WED, []),
        ("The case matters to today's voters.", WED, []),
        # ... while the story's own day stays a date, possessive or not
        ("Today's vote was postponed.", WED, [("Today", "2024-06-12", "date")]),
        ("The mayor spoke today.", WED, [("today", "2024-06-12", "date")]),
        # the same for a generic "tomorrow": the times to come, not the day after the story
        ("The school trains the leaders of tomorrow.", WED, []),
        ("Tomorrow's consumers will pay more.", WED, []),
        ("As of tomorrow, fares rise.", WED, [("tomorrow", "2024-06-13", "date")]),
        ("The offer lapses at the end of tomorrow.", WED, [("tomorrow", "2024-06-13", "date")]),
        ("Tomorrow's session opens at nine.", WED, [("Tomorrow", "2024-06-13", "date")]),
        # "Now," opening a sentence is a discourse marker, not the present
        ("Now, the mayor says, the plan looks doomed.", WED, []),
        ("The firm lost money last year. Now , after the sale, it is smaller.", WED,
         [("last year", "2023", "date")]),
        ('He was calm. "Now, we wait," he said.', WED, []),
        # "now" inside the clause, "right now", "for now" and "now" without a comma stay PRESENT_REF
        ("Prices are high now, traders say.", WED, [("now", "PRESENT_REF", "date")]),
        ("Now the factory employs 300 people.", WED, [("Now", "PRESENT_REF", "date")]),
        ("Right now, prices are high.", WED, [("Right now", "PRESENT_REF", "date")]),
        ("For now, the plan stands.", WED, [("now", "PRESENT_REF", "date")]),
        ("The bridge, closed since May, is now open.", WED,
         [("May", "2024-05", "date"), ("now", "PRESENT_REF", "date")]),
    ],
)
def test_twelfth_round_conventions(text: str, published: str | None, expected: list) -> None:
    assert found(text, published) == expected
