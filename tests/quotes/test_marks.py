"""Quote-mark pairing: tolerant of odd, curly, single and unbalanced marks."""

from __future__ import annotations

import pytest

from newsevents.quotes.marks import find_segments


def inner(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


def test_straight_and_curly_pairs() -> None:
    assert inner('He said "we will win" and “they will lose” today.') == ["we will win", "they will lose"]


def test_curly_marks_used_the_wrong_way_round() -> None:
    assert inner("”It is over,” she said.") == ["It is over,"]


def test_single_marks_but_not_apostrophes() -> None:
    text = "The mayor's aide said: ‘We will rebuild the bridge by spring.’ The workers' union agreed."
    assert inner(text) == ["We will rebuild the bridge by spring."]


def test_nested_single_inside_double_stays_one_quote() -> None:
    text = "\"They shouted 'go home now' at us,\" she said."
    assert inner(text) == ["They shouted 'go home now' at us,"]


def test_multi_paragraph_quote_continues() -> None:
    text = '"The first paragraph opens.\n\n"The second one closes," he said.'
    segs = find_segments(text)
    assert [text[s.start : s.end] for s in segs] == ["The first paragraph opens.", "The second one closes,"]
    assert segs[0].close_mark is None and segs[1].continues


@pytest.mark.parametrize(
    "text",
    ['"', '""', 'a " b', '" " "', "“ ” ”", "'", "it's '", 'He said "never', '"a"b"c"d"e', "\n\n\"\n'\n"],
)
def test_odd_or_unbalanced_marks_never_raise(text: str) -> None:
    for s in find_segments(text):
        assert 0 <= s.start <= s.end <= len(text)
