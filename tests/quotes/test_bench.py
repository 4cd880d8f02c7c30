"""The PolNeAR quotes benchmark: BRAT reading, matching and scoring, on a tiny synthetic set."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsevents.bench.quotes import Gold, Pred, Scorer, command, read_ann

TEXT = (
    'The mayor said the bridge would reopen in May.\n\n'
    '"We are ready for the storm," the fire chief told reporters.\n\n'
    "Residents fear the worst.\n"
)


def _write_set(root: Path) -> None:
    base = root / "polnear" / "dev"
    (base / "text").mkdir(parents=True)
    (base / "attributions").mkdir(parents=True)
    (base / "text" / "doc_a.txt").write_text(TEXT, encoding="utf-8")

    def off(s: str) -> tuple[int, int]:
        i = TEXT.index(s)
        return i, i + len(s)

    rows, n = [], 0
    for src, cue, content in [
        ("The mayor", "said", "the bridge would reopen in May"),
        ("the fire chief", "told", '"We are ready for the storm,"'),
        ("Residents", "fear", "the worst"),
    ]:
        ids = []
        for label, s in (("Source", src), ("Cue", cue), ("Content", content)):
            n += 1
            a, b = off(s)
            rows.append(f"T{n}\t{label} {a} {b}\t{s}")
            ids.append(f"{label}:T{n}")
        rows.append(f"E{n}\tAttribution:T{n} " + " ".join(ids))
    (base / "attributions" / "doc_a_abcd.ann").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_read_ann_kinds(tmp_path: Path) -> None:
    _write_set(tmp_path)
    golds = read_ann(tmp_path / "polnear/dev/attributions/doc_a_abcd.ann", TEXT)
    assert [g.kind for g in golds] == ["indirect", "direct", "indirect"]
    assert TEXT[golds[0].source[0][0] : golds[0].source[0][1]] == "The mayor"


def test_scorer_counts_and_ignores_other_attributions() -> None:
    text = "aaaa bbbb cccc dddd"
    gold = [Gold(content=[(0, 9)], source=[(10, 14)], cue=[])]
    other = [Gold(content=[(15, 19)], source=[], cue=[])]
    preds = [Pred(content=[(0, 9)], kind="indirect", speaker=[(10, 14)]),
             Pred(content=[(15, 19)], kind="indirect"),  # matches a non-speech gold: ignored
             Pred(content=[(10, 14)], kind="indirect")]  # matches nothing: a false positive
    sc = Scorer()
    sc.doc(text, preds, gold, other)
    r = sc.report()
    assert (r["gold"], r["pred"]) == (1, 2)
    assert r["content_r"] == 1.0 and r["content_p"] == 0.5 and r["speaker_acc"] == 1.0


def test_command_on_synthetic_set(tmp_path: Path) -> None:
    _write_set(tmp_path)
    res = CliRunner().invoke(command, ["--data", str(tmp_path), "--no-textacy", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["docs"] == 1 and out["speech"]["gold"] == 2 and out["all"]["gold"] == 3
    assert out["content_f1"] == 1.0 and out["speaker_acc"] == 1.0


def test_missing_data_is_one_line_error(tmp_path: Path) -> None:
    res = CliRunner().invoke(command, ["--data", str(tmp_path / "nope"), "--no-textacy"])
    assert res.exit_code != 0
    assert "Traceback" not in res.output and "not found" in res.output
