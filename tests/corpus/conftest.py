"""Corpus fixtures: a small folder of inputs (good, bad and duplicate) written for these tests."""

from __future__ import annotations

import io

import orjson
import pytest
from corpus_helpers import article

from newsevents.pipeline import stage


@stage("test_boom")
def _boom(doc):  # noqa: ANN001, ANN202 - a stage that raises on one document, to prove neighbours survive
    if "EXPLODE" in doc.text:
        raise ValueError("boom on purpose")
    return doc


@pytest.fixture()
def corpus_dir(tmp_path):
    """7 good docs (3 txt, 2 JSONL, 1 CSV row, 1 HTML) and 5 bad inputs, plus 1 duplicate."""
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    for i in range(3):
        (d / f"a{i}.txt").write_text(article(i), encoding="utf-8")
    (d / "sub" / "dup.txt").write_text(article(0), encoding="utf-8")  # duplicate of a0.txt
    (d / "zero.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    lines = [
        orjson.dumps({"id": "j1", "text": article(3), "published": "2024-05-02", "source": "Test Wire"}),
        b"{not json",
        orjson.dumps({"id": "j2", "text": article(4) + " EXPLODE", "published": "2024-05-03"}),
        orjson.dumps({"id": "j3", "text": article(5), "url": "http://example.org/j3"}),
    ]
    (d / "dump.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    buf = io.StringIO()
    buf.write("id,published,source,text\n")
    buf.write(f'c1,2024-05-04,Paper,"{article(6)}"\n')
    (d / "table.csv").write_text(buf.getvalue(), encoding="utf-8")
    (d / "page.html").write_text(
        "<html><head><title>Storm closes port</title></head><body><article><h1>Storm closes port</h1>"
        f"<p>{article(7)}</p><p>Harbour officials said ferries would resume on Wednesday if the wind drops.</p>"
        "</article></body></html>", encoding="utf-8")
    return d
