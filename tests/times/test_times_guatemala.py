"""The project's founding example: its four times must resolve, and stay unresolved without a date."""

from __future__ import annotations

import re

import pytest

import newsevents


@pytest.fixture(scope="module")
def dated(guatemala_text, guatemala_gold):
    return newsevents.extract(guatemala_text, published=guatemala_gold["published"], pipeline=["times"])


@pytest.fixture(scope="module")
def undated(guatemala_text):
    return newsevents.extract(guatemala_text, pipeline=["times"])


def _covering(doc, mention: str):
    at = doc.text.find(mention)
    assert at >= 0, mention
    return [t for t in doc.times if t.start < at + len(mention) and at < t.end]


def test_all_gold_times_resolve(dated, guatemala_gold):
    assert guatemala_gold["published"] == "2019-07-28"
    for item in guatemala_gold["times"]:
        hits = _covering(dated, item["mention"])
        assert hits, f"no time over {item['mention']!r}"
        assert any((t.value or "")[:10] == item["value"] for t in hits), (item, [(t.text, t.value) for t in hits])


def test_offsets_point_at_the_text(dated):
    assert dated.times
    for t in dated.times:
        assert dated.text[t.start : t.end] == t.text
    assert [t.id for t in dated.times] == [f"t{i}" for i in range(len(dated.times))]


def test_monday_clock_time_is_one_time_on_that_monday(dated):
    (t,) = _covering(dated, "8:10 p.m.")
    assert t.type == "time"
    assert t.value.startswith("2019-07-22T20:10")
    assert "Monday" in t.text


def test_no_publication_date_means_no_resolved_date(undated):
    (last_monday,) = _covering(undated, "Last Monday")
    assert last_monday.value is None or not re.match(r"\d{4}", last_monday.value)
    for t in undated.times:
        assert not (t.value or "").startswith(("2019", "20")), (t.text, t.value)
    (june,) = _covering(undated, "June 7")
    assert june.value == "XXXX-06-07"


@pytest.mark.parametrize("phrase", ["6-year-old", "nine-minute", "daily rounds", "1,500 miles"])
def test_news_false_positives_are_not_times(dated, phrase):
    assert _covering(dated, phrase) == []
