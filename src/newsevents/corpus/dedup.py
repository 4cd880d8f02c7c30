"""Same event, many reports: cluster events across documents into `event_clusters`.

GDELT counted one kidnapping hundreds of times because every report became a new event. Here two
events are linked when they could be the same happening and read alike:

- hard constraints: dates within `window_days` (the event's date, else the document's publication
  date); places not in different countries and, when both are pinned to a town, not more than
  `max_km` apart;
- a score: TF-IDF cosine of the event sentences (crudely stemmed), plus bonuses for the same PLOVER
  type, overlapping actor/target names and the same place;
- linked events are merged transitively (union-find). A cluster keeps every report: document,
  source, publication date and certainty stay on each member row.

Why a date-sorted sweep: candidate pairs are only compared inside the date window, so the cost grows
with the number of events per window, not with the square of the corpus.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from ..store import Store

_WORD = re.compile(r"[^\W\d_]{3,}")
STOP = frozenset(
    """the and for that with from this have has had was were are its his her their they them said says say
    after before about into over under than then there when where which while who whom whose will would
    could should also been being not but all any some more most other such only own same very can just
    told according officials official police spokesman spokeswoman statement reporters news agency
    monday tuesday wednesday thursday friday saturday sunday january february march april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    on in at of to a an by as""".split()
)
# feature types too big to pin an event (places stage / GeoNames codes); everything else is a "town"
_AREA_FEATURES = frozenset({"country", "admin1", "region", "continent", "ocean", "sea", "PCLI", "ADM1", "CONT", "RGN"})
_WIDE = frozenset({"country", "continent", "ocean", "sea", "PCLI", "CONT"})


@dataclass
class Config:
    window_days: int = 1
    max_km: float = 50.0  # two towns further apart are two places
    max_area_km: float = 200.0  # ... and a region this far from a town or region is another place
    threshold: float = 0.3  # tuned on the train split of the dedup set (`newsevents bench dedup`)
    type_bonus: float = 0.15
    actor_bonus: float = 0.15
    place_bonus: float = 0.15
    cross_type_min: float = 0.5  # different types link only when the sentences are this alike
    cross_type_min_lead: float = 0.2  # ... or, for two lead events pinned to one place, this alike


@dataclass
class Item:
    """One event as the clusterer sees it; `key` is (doc_id, event_idx)."""

    key: tuple[str, int]
    type: str | None
    day: int | None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    point: bool = False
    wide: bool = False
    region: bool = False  # a first-level region (state, province): two different ones are two places
    place: str | None = None
    actors: frozenset[str] = frozenset()
    words: Counter = field(default_factory=Counter)
    lead: bool = False


def stem(word: str) -> str:
    """Crude prefix stemming: kidnapped/kidnapping/kidnap and arrested/arrests agree."""
    w = word.lower()
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    return w[:7]


def tokens(text: str | None) -> list[str]:
    return [stem(w) for w in _WORD.findall(text or "") if w.lower() not in STOP]


def day_number(value: str | None) -> int | None:
    if not value or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def make_item(row: dict) -> Item:
    """Build from an events row joined with its document (keys as in the store)."""
    day = day_number(row.get("date")) or day_number(row.get("published"))
    names = " ".join(n for n in (row.get("actor"), row.get("target")) if n)
    return Item(
        key=(row["doc_id"], int(row["idx"])), type=row.get("type"), day=day,
        country=(row.get("country_code") or None), lat=row.get("lat"), lon=row.get("lon"),
        point=row.get("lat") is not None and row.get("feature") not in _AREA_FEATURES,
        wide=row.get("feature") in _WIDE, region=row.get("feature") in ("admin1", "ADM1"),
        place=(row.get("place") or "").lower() or None,
        actors=frozenset(tokens(names)), words=Counter(tokens(row.get("sentence"))),
    )


def km(a: Item, b: Item) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


class _UF:
    def __init__(self, n: int) -> None:
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def _idf(items: Sequence[Item]) -> dict[str, float]:
    df: Counter = Counter()
    for it in items:
        df.update(set(it.words))
    n = max(1, len(items))
    return {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}


def _vec(it: Item, idf: dict[str, float]) -> tuple[dict[str, float], float]:
    v = {w: c * idf.get(w, 1.0) for w, c in it.words.items()}
    return v, math.sqrt(sum(x * x for x in v.values())) or 1.0


def compatible(a: Item, b: Item, cfg: Config) -> bool:
    if a.day is None or b.day is None or abs(a.day - b.day) > cfg.window_days:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.region and b.region and a.place and b.place and a.place != b.place:
        return False
    if a.lat is not None and b.lat is not None and not (a.wide or b.wide):
        if km(a, b) > (cfg.max_km if a.point and b.point else cfg.max_area_km):
            return False
    return True


def score(a: Item, b: Item, va: tuple, vb: tuple, cfg: Config) -> float:
    (da, na), (db, nb) = va, vb
    small, big = (da, db) if len(da) < len(db) else (db, da)
    cos = sum(x * big.get(w, 0.0) for w, x in small.items()) / (na * nb)
    s = cos
    same_place = bool((a.place and a.place == b.place) or (
        a.point and b.point and a.lat is not None and b.lat is not None and km(a, b) <= cfg.max_km / 2))
    if a.type and a.type == b.type:
        s += cfg.type_bonus
    elif a.lead and b.lead:
        # two leads, same day: the extractor may type one report's event differently from another's
        if cos < (cfg.cross_type_min_lead if same_place else cfg.cross_type_min):
            return 0.0
    elif cos < cfg.cross_type_min:
        return 0.0
    if a.actors and b.actors and a.actors & b.actors:
        s += cfg.actor_bonus
    if same_place:
        s += cfg.place_bonus
    return s


def cluster(items: Sequence[Item], cfg: Config | None = None) -> list[int]:
    """A cluster label (index of its first member) for every item."""
    cfg = cfg or Config()
    idf = _idf(items)
    vecs = [_vec(it, idf) for it in items]
    uf = _UF(len(items))
    order = sorted((i for i, it in enumerate(items) if it.day is not None), key=lambda i: items[i].day)  # type: ignore[arg-type, return-value]
    lo = 0
    for pos, i in enumerate(order):
        a = items[i]
        while items[order[lo]].day < a.day - cfg.window_days:  # type: ignore[operator]
            lo += 1
        for j in order[lo:pos]:
            b = items[j]
            if compatible(a, b, cfg) and score(a, b, vecs[i], vecs[j], cfg) >= cfg.threshold:
                uf.union(i, j)
    return [uf.find(i) for i in range(len(items))]


def baseline(items: Sequence[Item]) -> list[int]:
    """Key-based dedup (GDELT-style): same type, same day and same country or place name."""
    first: dict[tuple, int] = {}
    out = []
    for i, it in enumerate(items):
        k = (it.type, it.day, it.country or it.place)
        out.append(first.setdefault(k, i) if it.day is not None and it.type else i)
    return out


_LEAD_END = re.compile(r"[.!?][\"\u201d\u2019']?(?:\s|$)")


def lead_end(text: str, headline_end: int) -> int:
    """End of the lead: the headline plus the first sentence of the body."""
    m = _LEAD_END.search(text, headline_end + 1)
    return m.end() if m else len(text)


def doc_items(doc: dict, events: list[dict], places: list[dict]) -> list[Item]:
    """Items for one document's events, with the context a lone event row lacks.

    An event without a place borrows the first resolved place inside its sentence (else the
    document's dateline/lead place), so "same day, another town" can still be told apart; an event in
    the lead also carries the lead's words, because the lead is where reports of one event agree.
    """
    text = doc["text"]
    hl_end = len(doc["headline"]) if doc.get("headline") and text.startswith(doc["headline"]) else 0
    lead = lead_end(text, hl_end)
    lead_words = Counter(tokens(text[:lead]))
    resolved = [p for p in places if p.get("lat") is not None]
    lead_place = next((p for p in resolved if p["start"] < lead and p.get("feature") not in _AREA_FEATURES), None)
    out = []
    for e in events:
        row = dict(e)
        row["published"] = doc.get("published")
        ss, se = e["sentence_start"], e["sentence_end"]
        row["sentence"] = text[ss:se]
        if row.get("place"):
            row["feature"] = next((p.get("feature") for p in resolved if p.get("name") == row["place"]), None)
        inside = [p for p in resolved if ss <= p["start"] < se]
        town = next((p for p in inside if p.get("feature") not in _AREA_FEATURES), None)
        if row.get("lat") is None:
            pick = town or (inside[0] if inside else None) or lead_place
        elif row.get("feature") in _AREA_FEATURES and town is not None and (
                not row.get("country_code") or row.get("country_code") == town.get("country_code")):
            pick = town  # "Nigeria" when the sentence names a town in Nigeria: the town is the better pin
        else:
            pick = None
        if pick is not None:
            row.update(place=pick.get("name"), lat=pick["lat"], lon=pick["lon"], country_code=pick.get("country_code"),
                       feature=pick.get("feature"))
        it = make_item(row)
        if e["start"] < lead:
            it.words.update({w: 1 for w in lead_words})  # lead words, once each
            it.lead = True
        out.append(it)
    return out


def store_items(store: Store) -> tuple[list[Item], list[dict]]:
    """Every event in the store as an Item, with its event row (same order)."""
    docs = {d["id"]: d for d in store.iter_rows("SELECT id, text, headline, published, source FROM documents")}
    places: dict[str, list[dict]] = {}
    for p in store.iter_rows('SELECT doc_id, "start", "end", name, lat, lon, country_code, feature FROM places '
                             "ORDER BY doc_id, idx"):
        places.setdefault(p["doc_id"], []).append(p)
    events: dict[str, list[dict]] = {}
    for e in store.iter_rows('SELECT doc_id, idx, type, date, actor, target, place, lat, lon, country_code, "start", '
                             "sentence_start, sentence_end, certainty FROM events ORDER BY doc_id, idx"):
        events.setdefault(e["doc_id"], []).append(e)
    items: list[Item] = []
    rows: list[dict] = []
    for did in sorted(events):
        d = docs.get(did)
        if d is None:
            continue
        items.extend(doc_items(d, events[did], places.get(did, [])))
        rows.extend({**e, "published": d.get("published"), "source": d.get("source")} for e in events[did])
    return items, rows


def cluster_store(store: Store, cfg: Config | None = None) -> int:
    """Recompute `event_clusters` over the whole store; returns the number of multi-report clusters."""
    items, rows = store_items(store)
    labels = cluster(items, cfg)
    sizes = Counter(labels)
    ids: dict[int, str] = {}
    out = []
    for r, lab in zip(rows, labels, strict=True):
        if lab not in ids:
            first = rows[lab]
            ids[lab] = "c" + hashlib.sha1(f"{first['doc_id']}:{first['idx']}".encode()).hexdigest()[:12]
        out.append((ids[lab], r["doc_id"], int(r["idx"]), r["type"], r["date"] or r["published"], r["place"],
                    r["country_code"], r["actor"], r["target"], r["source"], r["published"], r["certainty"],
                    sizes[lab]))
    store.replace_clusters(out)
    return sum(1 for n in sizes.values() if n > 1)


def pairwise_prf(gold: Iterable[str], pred: Iterable[object]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of a clustering against gold labels (one per item)."""
    g, p = list(gold), list(pred)
    tp = fp = fn = 0
    for i in range(len(g)):
        for j in range(i + 1, len(g)):
            same_g, same_p = g[i] == g[j], p[i] == p[j]
            tp += same_g and same_p
            fp += same_p and not same_g
            fn += same_g and not same_p
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4), "gold_pairs": tp + fn,
            "predicted_pairs": tp + fp}
