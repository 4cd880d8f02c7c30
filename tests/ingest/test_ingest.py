from __future__ import annotations

import pytest

from newsevents.ingest import InputError, decode, find_dateline, guess_language, prepare


def test_headline_and_dateline_with_source():
    text = "Storm floods coastal towns in the north\n\nMANILA (Newsevents Wire) - Heavy rain flooded towns on Monday, officials said."
    doc = prepare(text)
    assert doc.headline and doc.headline.text == "Storm floods coastal towns in the north"
    assert doc.dateline and doc.dateline.place == "Manila" and doc.dateline.source == "Newsevents Wire"
    assert text[doc.dateline.start : doc.dateline.end] == doc.dateline.text
    assert doc.published is None  # never today


def test_dateline_with_date_resolves_year_from_published():
    dl = find_dateline("ROME, June 3 - The talks ended.", 0, "2024-06-05")
    assert dl and dl.place == "Rome" and dl.date == "2024-06-03"
    dl = find_dateline("ROME, June 3 - The talks ended.", 0, None)
    assert dl and dl.date == "XXXX-06-03"


def test_no_dateline_in_ordinary_sentence():
    assert find_dateline("The minister said on Monday - in Rome - that it was over.", 0, None) is None


def test_published_date_validated():
    with pytest.raises(InputError):
        prepare("A short English sentence about the weather in the city.", published="28/07/2019")


def test_html_is_stripped_and_metadata_read():
    html = (
        "<html><head><title>Bridge reopens after repairs</title>"
        '<meta property="article:published_time" content="2023-05-02T10:00:00Z"></head>'
        "<body><nav>Home | World | Sport</nav><article><h1>Bridge reopens after repairs</h1>"
        "<p>The old bridge over the river reopened on Tuesday after two years of repairs, the city said.</p>"
        "<p>Engineers said the work was finished ahead of schedule and under budget for the council.</p>"
        "</article><footer>Copyright</footer><script>alert(1)</script></body></html>"
    )
    doc = prepare(html)
    assert "reopened on Tuesday" in doc.text
    assert "alert(1)" not in doc.text and "Home | World" not in doc.text
    assert doc.published == "2023-05-02"


def test_encodings_and_binary():
    latin = "The mayor of S\u00e3o Paulo said the caf\u00e9 would reopen on Monday for the people of the town.".encode("latin-1")
    assert "S\u00e3o Paulo" in decode(latin)
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02\x03binary\x00" * 50)
    with pytest.raises(InputError, match="empty"):
        decode(b"   \n\t ")
    with pytest.raises(InputError, match="limit"):
        decode(b"word " * (2 * 1024 * 1024))


def test_language_guess():
    assert guess_language("The minister said that the talks with the union would resume on Monday.") == "en"
    assert guess_language("El ministro dijo que las conversaciones con el sindicato se reanudarían el lunes por la tarde.") != "en"
    with pytest.raises(InputError, match="English"):
        prepare("El ministro dijo que las conversaciones con el sindicato se reanudarían el lunes por la tarde.")
