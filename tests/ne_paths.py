"""Paths the tests share (a module with a unique name: sub-folders have conftest.py files of their own)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # ../shared beside the checkout, read-only
EXAMPLES = SHARED / "examples"
EVAL = SHARED / "eval"
SAMPLES = ROOT / "samples"
