"""Event clustering: same event across reports links; another day or another town does not."""

from __future__ import annotations

from collections import Counter

from newsevents.corpus.dedup import Config, Item, cluster, cluster_store, day_number, pairwise_prf, tokens
from newsevents.pipeline import doc_id
from newsevents.schema import Document, Event, EventPlace, Ref, SentenceSpan
from newsevents.store import open_store
from newsevents.store import query as Q


def item(k: int, day: str, lat: float, lon: float, text: str, type_: str = "ASSAULT", cc: str = "NG") -> Item:
    return Item(key=(f"d{k}", 0), type=type_, day=day_number(day), country=cc, lat=lat, lon=lon, point=True,
                place=None, actors=frozenset(tokens("gunmen")), words=Counter(tokens(text)), lead=True)


def test_same_event_links_and_near_misses_do_not():
    items = [
        item(0, "2024-03-07", 10.52, 7.44, "Gunmen kidnapped twenty pupils from a school in Kuriga"),
        item(1, "2024-03-08", 10.52, 7.44, "Twenty schoolchildren were abducted by gunmen from the Kuriga school"),
        item(2, "2024-05-23", 10.52, 7.44, "Gunmen kidnapped villagers in Kuriga"),  # same place, weeks later
        item(3, "2024-03-07", 12.17, 6.66, "Gunmen kidnapped traders on a highway"),  # same day, far away
        item(4, "2024-03-07", 48.85, 2.35, "Gunmen kidnapped pupils from a school", cc="FR"),  # other country
    ]
    labels = cluster(items, Config())
    assert labels[0] == labels[1]
    assert len({labels[0], labels[2], labels[3], labels[4]}) == 4


def test_pairwise_prf():
    r = pairwise_prf(["a", "a", "a", "b"], [1, 1, 2, 2])
    assert r["gold_pairs"] == 3 and r["predicted_pairs"] == 2
    assert (r["precision"], r["recall"]) == (0.5, round(1 / 3, 4))


def _doc(text: str, published: str, source: str) -> Document:
    s = text.index("kidnapped")
    d = Document(id=doc_id(text), text=text, published=published, source=source)
    d.events = [Event(start=s, end=s + 9, text="kidnapped", type="ASSAULT", actor=Ref(name="gunmen"),
                      place=EventPlace(name="Kuriga", lat=10.52, lon=7.44, country_code="NG"), date="2024-03-07",
                      sentence=SentenceSpan(start=0, end=len(text)), certainty="reported")]
    return d


def test_cluster_store_keeps_every_report(tmp_path):
    with open_store(tmp_path / "c.duckdb") as st:
        st.write([
            _doc("Gunmen kidnapped 20 pupils from a school in Kuriga on Thursday.", "2024-03-07", "Wire A"),
            _doc("Armed gunmen kidnapped twenty pupils at a Kuriga school on Thursday, police said.", "2024-03-08", "Wire B"),
        ])
        assert cluster_store(st) == 1
        clusters = Q.query_clusters(st)
        assert len(clusters) == 1 and clusters[0]["size"] == 2
        assert {r["source"] for r in clusters[0]["reports"]} == {"Wire A", "Wire B"}
        assert all(r["certainty"] == "reported" for r in clusters[0]["reports"])
        ev = Q.query_events(st, cluster=clusters[0]["cluster_id"])
        assert len(ev) == 2
