"""The CLI as a person uses it: exit codes, one-line errors, JSON on stdout only."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ne_paths import EXAMPLES, SAMPLES


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsevents.cli", *args], input=stdin, capture_output=True, timeout=300)


def test_extract_json_on_example():
    p = run("extract", str(EXAMPLES / "guatemala.txt"), "--published", "2019-07-28")
    assert p.returncode == 0, p.stderr
    doc = json.loads(p.stdout)
    assert doc["schema_version"] and doc["published"] == "2019-07-28"
    for key in ("entities", "places", "times", "quotes", "events", "journeys"):
        assert isinstance(doc[key], list)


def test_extract_text_summary_from_stdin():
    p = run("extract", "-", "--format", "text", stdin=(SAMPLES / "nairobi-protest.txt").read_bytes())
    assert p.returncode == 0, p.stderr
    out = p.stdout.decode()
    assert "ENTITIES" in out and "Wilson Sossion" in out


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"\x00\x01\x02\xff" * 100, "binary"),
        ("Le ministre a dit que les n\u00e9gociations avec le syndicat reprendraient lundi apr\u00e8s-midi.".encode(), "English"),
    ],
)
def test_bad_input_one_line_error(tmp_path, content, message):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    p = run("extract", str(f))
    assert p.returncode != 0
    err = p.stderr.decode().strip()
    assert message in err and "Traceback" not in err and len(err.splitlines()) == 1
    assert p.stdout == b""


def test_missing_file_and_huge_file(tmp_path):
    p = run("extract", str(tmp_path / "nope.txt"))
    assert p.returncode != 0 and "no such file" in p.stderr.decode() and "Traceback" not in p.stderr.decode()
    big = tmp_path / "big.txt"
    big.write_bytes(b"The council met again. " * 300_000)
    p = run("extract", str(big))
    assert p.returncode != 0 and "limit" in p.stderr.decode() and "Traceback" not in p.stderr.decode()


def test_non_utf8_is_decoded(tmp_path):
    f = tmp_path / "latin1.txt"
    f.write_bytes("The mayor of S\u00e3o Paulo said on Monday that the caf\u00e9 in the old town would reopen for the people.".encode("cp1252"))
    p = run("extract", str(f), "--published", "2024-01-10")
    assert p.returncode == 0, p.stderr
    assert "S\u00e3o Paulo" in json.loads(p.stdout)["text"]


def test_schema_file_matches_model():
    from ne_paths import ROOT
    from newsevents.schema import json_schema

    on_disk = json.loads((ROOT / "schema" / "document.schema.json").read_text())
    assert on_disk == json_schema(), "run `newsevents schema > schema/document.schema.json`"
