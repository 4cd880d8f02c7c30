"""Shared fixtures: the third-party example is read from ../shared, never copied here."""

from __future__ import annotations

import json

import pytest

from ne_paths import EXAMPLES


@pytest.fixture(scope="session")
def guatemala_text() -> str:
    path = EXAMPLES / "guatemala.txt"
    if not path.exists():
        pytest.skip("../shared/examples is not here")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def guatemala_gold() -> dict:
    return json.loads((EXAMPLES / "guatemala.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def guatemala_doc(guatemala_text, guatemala_gold):
    import newsevents

    return newsevents.extract(guatemala_text, published=guatemala_gold["published"])


@pytest.fixture(scope="session")
def guatemala_doc_undated(guatemala_text):
    import newsevents

    return newsevents.extract(guatemala_text)
