"""`bench times` on tiny data sets written here (the real ones are only measured, never tested on)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsevents.bench.times import Timex, command, load_te3, score_te3, score_when

TML = """<?xml version="1.0" ?><TimeML>
<DOCID>demo</DOCID>
<DCT><TIMEX3 functionInDocument="CREATION_TIME" tid="t0" type="DATE" value="2024-06-12">June 12, 2024</TIMEX3></DCT>
<TEXT>
The port reopened on <TIMEX3 tid="t1" type="DATE" value="2024-06-11">Tuesday</TIMEX3> after a strike that lasted <TIMEX3 tid="t2" type="DURATION" value="P3W">three weeks</TIMEX3>, officials &amp; unions said.
Talks resume <TIMEX3 tid="t3" type="DATE" value="2024-W25">next week</TIMEX3>.
</TEXT></TimeML>
"""


def _data(tmp_path):
    te3 = tmp_path / "te3_platinum"
    te3.mkdir()
    (te3 / "demo.tml").write_text(TML, encoding="utf-8")
    gm = tmp_path / "giveme5w1h_gold" / "data"
    gm.mkdir(parents=True)
    art = {
        "title": "Port reopens", "description": "", "date_publish": "2024-06-12 10:00:00",
        "text": "The port reopened on Tuesday after a long strike.",
        "fiveWoneH": {"when": {"annotated": [{"text": "Tuesday", "parsed": "2024-06-11 00:00:00", "coderPhraseCount": 3}]}},
    }
    (gm / "a.json").write_text(json.dumps(art), encoding="utf-8")
    return tmp_path


def test_te3_loader_strips_tags_and_keeps_offsets(tmp_path):
    (doc,) = load_te3(_data(tmp_path) / "te3_platinum")
    assert doc.dct == "2024-06-12"
    assert [doc.text[g.start : g.end] for g in doc.gold] == ["Tuesday", "three weeks", "next week"]
    assert "officials & unions" in doc.text and "<" not in doc.text


def test_scores_perfect_and_empty(tmp_path):
    (doc,) = load_te3(_data(tmp_path) / "te3_platinum")
    perfect = score_te3([doc], [list(doc.gold)], 1.0)
    assert perfect["value_f1"] == perfect["span_f1_strict"] == perfect["type_accuracy"] == 1.0
    empty = score_te3([doc], [[]], 1.0)
    assert empty["value_f1"] == empty["span_f1_relaxed"] == 0.0
    wrong = [Timex(g.start, g.end, "1999", g.type) for g in doc.gold]
    scored = score_te3([doc], [wrong], 1.0)
    assert scored["span_f1_relaxed"] == 1.0 and scored["value_f1"] == 0.0
    offset = [Timex(0, 3, "2024-06-11T20:10-05:00", "time")]
    gold_time = type(doc)("x", "abc", "2024-06-12", [Timex(0, 3, "2024-06-11T20:10", "time")])
    assert score_te3([gold_time], [offset], 1.0)["value_f1"] == 1.0


def test_when_scoring_needs_the_right_day():
    from newsevents.bench.times import EvalDoc

    doc = EvalDoc("x", "on Tuesday", "2024-06-12", when=[(3, 10, "2024-06-11")])
    assert score_when([doc], [[Timex(3, 10, "2024-06-11", "date")]], 1.0)["date_accuracy"] == 1.0
    assert score_when([doc], [[Timex(3, 10, "2024-06-04", "date")]], 1.0)["date_accuracy"] == 0.0


def test_command_prints_one_json_with_headline_keys(tmp_path):
    res = CliRunner().invoke(command, ["--data", str(_data(tmp_path)), "--no-peers", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert {"value_f1", "span_f1_relaxed", "docs_per_s"} <= set(out)
    assert out["te3_platinum"]["gold"] == 3
    assert out["value_f1"] == 1.0
    assert out["giveme5w1h_when"]["newsevents"]["date_accuracy"] == 1.0


def test_missing_data_is_one_line_error(tmp_path):
    res = CliRunner().invoke(command, ["--data", str(tmp_path / "nope"), "--no-peers"])
    assert res.exit_code == 2
    assert "not found" in res.output and "Traceback" not in res.output


def test_unknown_set_is_a_usage_error(tmp_path):
    res = CliRunner().invoke(command, ["--data", str(tmp_path), "--sets", "bogus"])
    assert res.exit_code != 0 and "unknown set" in res.output


def test_dateparser_peer_is_scored_in_the_same_shape(tmp_path):
    import pytest

    pytest.importorskip("dateparser")
    from newsevents.bench.times import run_dateparser

    docs = load_te3(_data(tmp_path) / "te3_platinum")
    preds, seconds = run_dateparser(docs)
    scored = score_te3(docs, preds, seconds)
    assert {"value_f1", "span_f1_relaxed", "docs_per_s"} <= set(scored)
    for p in preds[0]:  # offsets found back in the text
        assert docs[0].text[p.start : p.end]


def test_a_timeml_folder_of_ones_own_is_scored_like_te3(tmp_path):
    data = _data(tmp_path)
    own = tmp_path / "own"
    own.mkdir()
    (own / "a.tml").write_text(TML, encoding="utf-8")
    res = CliRunner().invoke(
        command, ["--data", str(data), "--sets", "giveme5w1h", "--no-peers", "--timeml", str(own), "--json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["timeml"]["gold"] == 3 and out["timeml"]["newsevents"]["value_f1"] == 1.0
    assert "te3_platinum" not in out


def test_a_timeml_folder_without_documents_is_one_line_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    res = CliRunner().invoke(command, ["--data", str(_data(tmp_path)), "--no-peers", "--timeml", str(empty)])
    assert res.exit_code != 0 and "no TimeML documents" in res.output and "Traceback" not in res.output


def test_unreadable_timeml_files_are_named_not_dropped(tmp_path):
    own = tmp_path / "own"
    own.mkdir()
    (own / "a.tml").write_text(TML, encoding="utf-8")
    (own / "b.tml").write_bytes(b"\xff\xfe\x00binary\x9c")
    (own / "c.tml").write_text(TML.replace("</TIMEX3>.\n</TEXT>", ".\n</TEXT>"), encoding="utf-8")
    problems: list[str] = []
    docs = load_te3(own, problems=problems)
    assert len(docs) == 2
    assert any(p.startswith("b.tml: not readable") for p in problems)
    assert any(p.startswith("c.tml: a TIMEX3") for p in problems)
    res = CliRunner().invoke(
        command, ["--data", str(_data(tmp_path)), "--sets", "giveme5w1h", "--no-peers", "--timeml", str(own)]
    )
    assert res.exit_code == 0 and "Traceback" not in res.output
    assert "b.tml: not readable" in res.output
