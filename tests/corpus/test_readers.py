"""Readers turn every kind of input into records, and every bad input into an error record."""

from __future__ import annotations

import io

from newsevents.corpus.readers import count_records, read_records


def test_folder_yields_records_and_errors(corpus_dir):
    recs = list(read_records([str(corpus_dir)]))
    good = [r for r in recs if r.error is None]
    bad = {r.locator.split("/")[-1]: r for r in recs if r.error is not None}
    assert len(good) == 10  # 3 txt, the duplicate, the binary file (refused when decoded), 3 JSONL, CSV, HTML
    assert "zero.txt" in bad and bad["zero.txt"].kind == "empty"
    assert "dump.jsonl:2" in bad and bad["dump.jsonl:2"].kind == "parse"
    j1 = next(r for r in good if r.locator.endswith("dump.jsonl:1"))
    assert (j1.ext_id, j1.published, j1.source) == ("j1", "2024-05-02", "Test Wire")
    c1 = next(r for r in good if r.locator.endswith("table.csv:2"))
    assert c1.ext_id == "c1" and c1.published == "2024-05-04"
    assert next(r for r in good if r.locator.endswith("page.html")).html is True


def test_glob_and_missing_paths(corpus_dir):
    recs = list(read_records([str(corpus_dir / "a*.txt"), str(corpus_dir / "nope.txt"), str(corpus_dir / "z*.md")]))
    assert sum(r.error is None for r in recs) == 3
    errs = [r.error for r in recs if r.error]
    assert any("no such file" in e for e in errs) and any("glob matches no file" in e for e in errs)


def test_count_records_matches_reader(corpus_dir):
    assert count_records([str(corpus_dir)]) == len(list(read_records([str(corpus_dir)])))


def test_warc_reader(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        page = b"<html><body><article><p>Police in Lyon arrested ten people on Monday.</p></article></body></html>"
        for uri, ctype, body in [("http://ex.org/a", "text/html; charset=utf-8", page),
                                 ("http://ex.org/logo.png", "image/png", b"\x89PNG...."),
                                 ("http://ex.org/empty", "text/html", b"  ")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            w.write_record(w.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))
    recs = list(read_records([str(path)]))
    assert [r.url for r in recs if r.error is None] == ["http://ex.org/a"]  # the image is not an article
    assert recs[0].html is True and b"Lyon" in recs[0].data
    assert any(r.kind == "empty" for r in recs)


def test_broken_warc_is_an_error_not_a_crash(tmp_path):
    p = tmp_path / "bad.warc"
    p.write_bytes(b"this is not a warc file at all\n" * 10)
    recs = list(read_records([str(p)]))
    assert recs and all(r.error for r in recs)


def test_json_file_of_articles(tmp_path):
    import orjson

    (tmp_path / "list.json").write_bytes(orjson.dumps([{"text": "Police in Lyon arrested ten people.", "id": "a"},
                                                       {"title": "no text here"}]))
    (tmp_path / "bad.json").write_bytes(b"{oops")
    recs = list(read_records([str(tmp_path)]))
    assert [r.ext_id for r in recs if r.error is None] == ["a"]
    assert sorted(r.kind for r in recs if r.error) == ["parse", "parse"]
