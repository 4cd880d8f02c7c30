"""`newsevents run`: summary, exit status and one-line errors."""

from __future__ import annotations

import json

from click.testing import CliRunner

from newsevents.corpus.cli import run


def _run(*args: str):
    return CliRunner().invoke(run, list(args))


def test_run_reports_errors_in_summary_and_exit_code(corpus_dir, tmp_path):
    store = str(tmp_path / "s.duckdb")
    r = _run(str(corpus_dir), "--store", store, "--workers", "1", "--pipeline", "entities,test_boom", "--json",
             "--no-progress")
    assert r.exit_code == 1  # finished, but some inputs went to the errors table
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    assert summary["written"] == 7 and summary["errors"] == 5
    assert summary["error_kinds"] == {"empty": 1, "decode": 1, "parse": 1, "stage": 1, "duplicate": 1}
    assert summary["rows"]["documents"] == 7 and summary["rows"]["errors"] == 5


def test_clean_run_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text("Police in Lyon arrested ten people on Monday after a protest, officials said.")
    r = _run(str(tmp_path / "a.txt"), "--store", str(tmp_path / "s.duckdb"), "--workers", "1",
             "--pipeline", "entities", "--no-progress")
    assert r.exit_code == 0, r.output


def test_unusable_store_and_stage_are_one_line_errors(tmp_path):
    r = _run(str(tmp_path), "--store", str(tmp_path), "--workers", "1", "--pipeline", "entities")
    assert r.exit_code == 2 and "is a directory" in r.output and "Traceback" not in r.output
    r = _run(str(tmp_path), "--store", str(tmp_path / "s.duckdb"), "--pipeline", "nosuchstage")
    assert r.exit_code == 2 and "unknown stage" in r.output
    r = _run(str(tmp_path), "--store", "postgresql://nobody@127.0.0.1:1/none")
    assert r.exit_code == 2 and "cannot connect to PostgreSQL" in r.output
