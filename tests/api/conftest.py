"""A store built the way users build one: the bundled samples through `newsevents.extract` and
`Store.write`, plus one hostile article whose text carries markup that must stay text."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = (
    "Dock workers protest over unpaid wages\n\n"
    "HAMBURG, March 3 (Newsevents Wire) - Dock workers in Hamburg protested on Monday over unpaid wages. "
    "A banner read <script>window.__pwned = 1</script> and a leaflet showed "
    '<img src=x onerror="window.__pwned = 2"> beside the union logo.\n\n'
    '"We want our money," union leader Anna Berger said.\n'
)


def sample_items() -> list[dict]:
    published = {}
    for line in (ROOT / "samples" / "published.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, date = line.split("\t")[:2]
            published[name] = date
    return [
        {"text": p.read_text(encoding="utf-8"), "published": published.get(p.name), "source": p.stem}
        for p in sorted((ROOT / "samples").glob("*.txt"))
    ]


def build_store(path: Path, extra: list[dict] = ()) -> Path:
    import newsevents
    from newsevents.store import open_store

    docs = [newsevents.extract(i["text"], published=i.get("published"), source=i.get("source"), html=i.get("html"))
            for i in [*sample_items(), *extra]]
    with open_store(path) as st:
        st.write(docs)
    return path


@pytest.fixture(scope="session")
def store_path(tmp_path_factory) -> Path:
    extra = [{"text": HOSTILE, "published": "2024-03-04", "source": "hostile", "html": False}]
    return build_store(tmp_path_factory.mktemp("api") / "samples.duckdb", extra)
