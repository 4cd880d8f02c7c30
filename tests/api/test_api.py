"""The JSON API over a store built the way users build one (the bundled samples through
`newsevents.extract` and `Store.write`, plus one hostile article): filters, provenance, limits, safety.

Fixtures live in this module, not in a conftest.py: other test folders import the root conftest by
name, and a second `conftest` module would shadow it."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newsevents.api.app import create_app, loopback_hosts  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = (
    "Dock workers protest over unpaid wages\n\n"
    "HAMBURG, March 3 (Newsevents Wire) - Dock workers in Hamburg protested on Monday over unpaid wages. "
    "A banner read <script>window.__pwned = 1</script> and a leaflet showed "
    '<img src=x onerror="window.__pwned = 2"> beside the union logo.\n\n'
    '"We want our money," union leader Anna Berger said.\n'
)


def sample_items() -> list[dict]:
    published = {}
    for line in (ROOT / "samples" / "published.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, date = line.split("\t")[:2]
            published[name] = date
    return [
        {"text": p.read_text(encoding="utf-8"), "published": published.get(p.name), "source": p.stem}
        for p in sorted((ROOT / "samples").glob("*.txt"))
    ]


def build_store(path: Path, extra: list[dict] = ()) -> Path:
    import newsevents
    from newsevents.store import open_store

    docs = [newsevents.extract(i["text"], published=i.get("published"), source=i.get("source"), html=i.get("html"))
            for i in [*sample_items(), *extra]]
    with open_store(path) as st:
        st.write(docs)
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    extra = [{"text": HOSTILE, "published": "2024-03-04", "source": "hostile", "html": False}]
    return build_store(tmp_path_factory.mktemp("api") / "samples.duckdb", extra)


@pytest.fixture(scope="module")
def store(store_path):
    from newsevents.store import open_store

    st = open_store(store_path, read_only=True)
    yield st
    st.close()


@pytest.fixture(scope="module")
def client(store):
    app = create_app(store, max_rows=200, max_body=20_000)
    with TestClient(app) as c:
        yield c
    app.close()


def rows(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()["rows"]


def test_every_list_endpoint_answers_with_a_page(client):
    for path in ("/api/events", "/api/places", "/api/quotes", "/api/documents", "/api/journeys"):
        body = client.get(path, params={"limit": 5}).json()
        assert set(body) >= {"rows", "count", "limit", "offset", "truncated", "next_offset"}
        assert body["count"] == len(body["rows"]) <= 5
    assert len(rows(client, "/api/documents", limit=50)) == 5  # four samples + the hostile article


def test_items_point_back_into_their_document_text(client):
    docs = {d["id"]: client.get(f"/api/documents/{d['id']}").json() for d in rows(client, "/api/documents")}
    checked = 0
    for path in ("/api/events", "/api/places", "/api/quotes"):
        for r in rows(client, path, limit=200):
            assert docs[r["doc_id"]]["text"][r["start"] : r["end"]] == r["text"]
            checked += 1
    assert checked > 20


def test_event_filters_narrow_the_rows(client):
    everything = rows(client, "/api/events", limit=200)
    assert everything
    some_type = everything[0]["type"]
    typed = rows(client, "/api/events", type=some_type.lower(), limit=200)
    assert typed and all(r["type"] == some_type for r in typed)
    assert len(typed) <= len(everything)

    dates = sorted((r["date"] or r["published"])[:10] for r in everything)
    early = rows(client, "/api/events", date_to=dates[0], limit=200)
    assert early and len(early) < len(everything)
    assert all((r["date"] or r["published"])[:10] <= dates[0] for r in early)

    located = [r for r in everything if r["lat"] is not None]
    assert located
    lat, lon = located[0]["lat"], located[0]["lon"]
    boxed = rows(client, "/api/events", bbox=f"{lon - 1},{lat - 1},{lon + 1},{lat + 1}", limit=200)
    assert boxed and all(abs(r["lat"] - lat) <= 1 and abs(r["lon"] - lon) <= 1 for r in boxed)


def test_mode_and_record_lookups(client):
    everything = rows(client, "/api/events", limit=200)
    with_mode = [r for r in everything if r["mode"]]
    if with_mode:
        m = with_mode[0]["mode"]
        got = rows(client, "/api/events", mode=m, limit=200)
        assert got and all(r["mode"] == m for r in got)
    assert rows(client, "/api/events", mode="no-such-mode") == []
    one = everything[-1]
    got = rows(client, "/api/events", doc=one["doc_id"], idx=one["idx"])
    assert [(r["doc_id"], r["idx"]) for r in got] == [(one["doc_id"], one["idx"])]


def test_quote_search_and_speaker(client):
    quotes = rows(client, "/api/quotes", limit=200)
    assert quotes
    word = max(quotes[0]["text"].split(), key=len).strip('.,"')
    hits = rows(client, "/api/quotes", q=word)
    assert hits and all(word.lower() in h["text"].lower() for h in hits)
    named = [q for q in quotes if q["speaker"]]
    assert named
    by = rows(client, "/api/quotes", speaker=named[0]["speaker"])
    assert by and all(named[0]["speaker"].lower() in (q["speaker"] or "").lower() for q in by)


def test_document_view_and_missing_document(client):
    d = rows(client, "/api/documents")[0]
    full = client.get(f"/api/documents/{d['id']}").json()
    assert full["id"] == d["id"] and full["text"]
    r = client.get("/api/documents/does-not-exist")
    assert r.status_code == 404 and r.json() == {"detail": "no such document"}


def test_bad_parameters_are_one_line_errors(client):
    for params, status in [
        ({"limit": 100_000}, 422), ({"limit": 0}, 422), ({"bbox": "1,2,3"}, 400), ({"bbox": "10,0,0,5"}, 400),
        ({"date_from": "yesterday"}, 422), ({"country": "USA"}, 422), ({"near": "a,b,c"}, 400),
        ({"q": "x" * 500}, 422),
    ]:
        r = client.get("/api/events", params=params)
        assert r.status_code == status, (params, r.text)
        assert isinstance(r.json()["detail"], str) and "Traceback" not in r.text


def test_oversized_query_string_is_refused(client):
    r = client.get("/api/events?" + "&".join(f"q{i}=x" for i in range(2000)))
    assert r.status_code == 414


def test_sql_metacharacters_are_data(client):
    for hostile in ("' OR 1=1 --", "%'; DROP TABLE events; --", '"; SELECT 1'):
        assert rows(client, "/api/events", actor=hostile) == []
        assert rows(client, "/api/quotes", q=hostile) == []
    assert rows(client, "/api/events", limit=1)  # the table is still there


def test_body_limit_and_extract(client):
    r = client.post("/api/extract", content=b"{" + b" " * 30_000 + b"}", headers={"content-type": "application/json"})
    assert r.status_code == 413
    r = client.post("/api/extract", json={"text": "x", "url": "http://example.org/"})
    assert r.status_code == 422  # there is no URL field: nothing is ever fetched
    r = client.post("/api/extract", json={"text": "Police in Lagos arrested ten protesters on Monday.",
                                          "published": "2024-05-06"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["published"] == "2024-05-06" and doc["text"].startswith("Police in Lagos")


def test_security_headers_and_offline_docs(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert page.headers["x-content-type-options"] == "nosniff"
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn." not in docs
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/places", "/api/quotes", "/api/documents", "/api/journeys", "/api/extract"} <= set(spec["paths"])


def test_foreign_host_header_is_refused(store):
    app = create_app(store, allowed_hosts=loopback_hosts("127.0.0.1"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/documents").status_code == 200
        assert c.get("/api/documents", headers={"host": "attacker.example:8000"}).status_code == 400
    app.close()
    assert loopback_hosts("0.0.0.0") is None


def test_answers_are_cached_for_a_read_only_store(client):
    before = client.get("/api/health").json()["cache"]
    a = client.get("/api/events", params={"limit": 7, "offset": 1})
    b = client.get("/api/events", params={"limit": 7, "offset": 1})
    after = client.get("/api/health").json()["cache"]
    assert a.content == b.content and b.headers["content-security-policy"]
    assert after["hits"] >= before["hits"] + 1
    # errors are not cached
    for _ in range(2):
        assert client.get("/api/documents/not-there").status_code == 404
    assert client.get("/api/health").json()["cache"]["entries"] == after["entries"]


def test_cache_can_be_turned_off(store):
    app = create_app(store, cache_bytes=0)
    with TestClient(app) as c:
        assert c.get("/api/events", params={"limit": 3}).status_code == 200
        assert c.get("/api/health").json()["cache"] is None
    app.close()


def test_serve_rejects_a_missing_store(tmp_path):
    from click.testing import CliRunner

    from newsevents.cli import cli

    res = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "nope.duckdb")])
    assert res.exit_code == 2
    assert "no such store" in res.output and "Traceback" not in res.output


def test_an_empty_store_serves_empty_pages(tmp_path):
    from newsevents.store import open_store

    path = tmp_path / "empty.duckdb"
    open_store(path).close()
    st = open_store(path, read_only=True)
    app = create_app(st)
    with TestClient(app) as c:
        for p in ("/api/events", "/api/places", "/api/quotes", "/api/documents", "/api/journeys"):
            body = c.get(p).json()
            assert body["rows"] == [] and body["truncated"] is False
        assert c.get("/").status_code == 200
    app.close()
    st.close()
