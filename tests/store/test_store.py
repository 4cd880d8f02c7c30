"""Store and query behaviour on hand-built documents (no NLP needed, so these run fast)."""

from __future__ import annotations

import pytest
from store_helpers import make_doc

from newsevents.store import ErrorRecord, StoreError, open_store
from newsevents.store import query as Q


@pytest.fixture(params=["duckdb", "postgresql"])
def store(request, tmp_path):
    """Every store test runs on both back ends: they must behave the same."""
    if request.param == "duckdb":
        st = open_store(tmp_path / "t.duckdb")
    else:
        from newsevents.store.testing import fresh_pg_store

        st = fresh_pg_store(pytest)
    yield st
    st.close()


def test_write_is_idempotent_and_counts_rows(store):
    d1 = make_doc("Amina marched in Nairobi on Monday with thousands of others.")
    d2 = make_doc("Amina spoke to reporters in Nairobi after the march ended.", published="2024-03-05")
    assert store.write([d1, d2, d1]) == 2
    assert store.write([d1]) == 0  # already there: nothing new, nothing duplicated
    c = store.counts()
    assert c["documents"] == 2 and c["events"] == 2 and c["mentions"] == 2 and c["journeys"] == 4


def test_errors_are_keyed_by_input(store):
    store.record_error("a.jsonl:3", "corrupt JSONL line", kind="parse")
    store.write([], [ErrorRecord("a.jsonl:3", "corrupt JSONL line", "parse"), ErrorRecord("b.txt", "empty", "empty")])
    assert store.counts()["errors"] == 2
    assert [e["kind"] for e in Q.query_errors(store)] == ["parse", "empty"]


def test_query_filters(store):
    store.write([make_doc("Amina marched in Nairobi on Monday with thousands of others."),
                 make_doc("Amina spoke to reporters in Nairobi after the march ended.", published="2024-03-09")])
    assert len(Q.query_events(store, type="protest")) == 2
    assert len(Q.query_events(store, actor="odhiambo", country="ke")) == 2
    assert Q.query_events(store, country="FR") == []
    assert len(Q.query_events(store, date_from="2024-03-05")) == 1
    assert len(Q.query_events(store, near=(-1.3, 36.8, 10))) == 2
    assert Q.query_events(store, near=(48.85, 2.35, 500)) == []  # Paris is far from Nairobi
    assert len(Q.query_events(store, bbox=(36, -2, 37, -1))) == 2
    assert len(Q.query_events(store, certainty="reported", speaker="amina")) == 2
    assert len(Q.query_events(store, limit=1)) == 1
    assert len(Q.query_quotes(store, speaker="Amina")) == 2
    assert len(Q.query_places(store, country="KE", q="nairo")) == 2
    js = Q.query_journeys(store, person="amina")
    assert len(js) == 2 and [s["name"] for s in js[0]["stops"]] == ["Nairobi", "Mombasa"]
    docs = Q.query_documents(store)
    assert len(docs) == 2
    full = Q.get_document(store, docs[0]["id"])
    assert full["events"][0]["type"] == "PROTEST"
    assert Q.get_document(store, "nope") is None
    assert Q.stats(store)["events_by_type"] == {"PROTEST": 2}


def test_bad_store_path_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path)  # a directory
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing.duckdb", read_only=True)
