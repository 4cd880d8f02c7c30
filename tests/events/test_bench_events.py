"""The events benchmark's scoring helpers: split, mapping and F1 behave as documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.bench.events import _cameo_type, _plover_map, accuracy, macro_f1, split_of


def test_split_is_deterministic_and_balanced():
    keys = [f"PLOVER-GSR01-X-{i:04d}" for i in range(400)]
    first = [split_of(k) for k in keys]
    assert first == [split_of(k) for k in keys]
    assert 150 < first.count("dev") < 250


def test_old_plover_types_map_to_the_sixteen():
    m = _plover_map()
    assert m["DEMAND"] == "REQUEST" and m["DISAPPROVE"] == "ACCUSE" and m["FIGHT"] == "ASSAULT"


def test_cameo_codes_use_the_longest_prefix():
    table = {"17": "COERCE", "173": "COERCE", "18": "ASSAULT", "190": "ASSAULT", "163": "COERCE", "16": "SANCTION"}
    assert _cameo_type("1631", table) == "COERCE"
    assert _cameo_type("166", table) == "SANCTION"
    assert _cameo_type("99", table) is None


def test_macro_f1_and_accuracy():
    gold = ["A", "A", "B", "B"]
    assert macro_f1(gold, gold) == 1.0
    assert accuracy(gold, ["A", "B", "B", None]) == 0.5
    assert macro_f1(gold, ["A", "A", "A", "A"]) == pytest.approx((2 / 3 + 0) / 2, abs=1e-3)


def test_bench_command_reports_a_clear_error_for_a_missing_folder(tmp_path: Path):
    from click.testing import CliRunner

    from newsevents.bench.events import command

    result = CliRunner().invoke(command, ["--data", str(tmp_path / "missing"), "--json"])
    assert result.exit_code == 2
