"""Calendar vocabulary, loaded once from `data/words.tsv` (a data file, not code, so it can be audited)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PATH = Path(__file__).with_name("data") / "words.tsv"


@lru_cache(maxsize=1)
def words() -> dict[str, dict[str, str]]:
    """kind -> {lower-cased word: code}."""
    table: dict[str, dict[str, str]] = {}
    lines = [ln for ln in _PATH.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for ln in lines[1:]:  # header
        word, kind, code = ln.split("\t")
        key = word if kind in ("tz", "tzzone") else word.lower()
        table.setdefault(kind, {})[key] = code
    return table


def months() -> dict[str, int]:
    return {w: int(c) for w, c in words()["month"].items()}


def weekdays() -> dict[str, int]:
    return {w: int(c) for w, c in words()["weekday"].items()}


def numbers() -> dict[str, str]:
    return words()["number"]


def ordinals() -> dict[str, int]:
    return {w: int(c) for w, c in words()["ordinal"].items()}


def units() -> dict[str, str]:
    return words()["unit"]


def seasons() -> dict[str, str]:
    return words()["season"]


def parts_of_day() -> dict[str, str]:
    return words()["partofday"]


def tz_offsets() -> dict[str, int]:
    """Abbreviation -> minutes east of UTC."""
    return {w: int(c) for w, c in words()["tz"].items()}


def tz_zones() -> dict[str, str]:
    """Abbreviation -> IANA zone, for US zone names whose UTC offset depends on the date."""
    return dict(words().get("tzzone", {}))


@lru_cache(maxsize=1)
def dated_nouns() -> dict[str, str]:
    """Noun -> 'plan' or 'done', from `data/dated_nouns.tsv`: how a month-day before it resolves."""
    path = _PATH.with_name("dated_nouns.tsv")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return dict(ln.split("\t") for ln in lines[1:])
