"""`newsevents bench events`: PLOVER types, actors, targets and event places against public gold data.

Sets (read in place from `--data`, never copied):
- plover_gsr: one coded sentence per record, PLOVER 0.5b1 types mapped to the 16 with
  `events/data/plover05_to_16.tsv`. No official split, so records are split by the parity of sha1(id):
  even = dev (used while writing the lexicons), odd = test (reported here as the headline figures).
- petrarch_validation: CAMEO codes mapped to PLOVER through CAMEO2PLOVER (longest code prefix); same
  sha1 split; PETR2_GSR (real wire sentences) and the unit-test records (fictional actors) apart.
- event_location: which toponym is the place of the marked verb's event (Halterman's RELABEL gold);
  same sha1 split on `_id`.
- the Guatemala example's gold events (../shared/examples).

Baselines run in the same pass: for types, the majority class and "first trigger word" (the lexicon without
the parse); for places, the first and the nearest toponym in the sentence.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import click

from .common import data_option, emit, json_option, require

PIPE = ("entities", "places", "times", "quotes", "events")


def split_of(key: str) -> str:
    """Deterministic dev/test split for sets that ship without one."""
    return "dev" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _norm(s: str | None) -> str:
    return unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower().strip()


def _f1(gold: list[str], pred: list[str | None], lab: str) -> float:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
    p_ = tp / (tp + fp) if tp + fp else 0.0
    r_ = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * p_ * r_ / (p_ + r_), 4) if p_ + r_ else 0.0


def macro_f1(gold: list[str], pred: list[str | None]) -> float:
    """Mean F1 over the types present in the gold (a missed record counts against its type)."""
    labels = sorted(set(gold))
    return round(sum(_f1(gold, pred, lab) for lab in labels) / len(labels), 4) if labels else 0.0


def accuracy(gold: list[str], pred: list[str | None]) -> float:
    return round(sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold), 4) if gold else 0.0


def primary_event(doc: Any) -> Any | None:
    """The event a one-sentence record is about: the trigger nearest the root of the parse."""
    if not doc.events:
        return None
    from ..events.extract import _light_head

    sp = doc.nlp

    def depth(ev: Any) -> tuple[int, int]:
        span = sp.char_span(ev.start, ev.end, alignment_mode="expand")
        tok = span.root if span is not None else sp[0]
        if tok.pos_ != "VERB" and tok.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"}:
            tok = tok.head  # an event noun counts from its light verb ("staged demonstrations")
        elif tok.pos_ != "VERB" and _light_head(tok) is not None:
            tok = _light_head(tok)  # "went on strike"
        d = 0
        while tok.head.i != tok.i and d < 50:
            tok, d = tok.head, d + 1
        return d, ev.start

    return min(doc.events, key=depth)


def first_trigger_baseline(doc: Any) -> str | None:
    """Baseline: the type of the first word in the sentence that the trigger lexicon knows, no parse."""
    from ..events.extract import find_trigger

    for tok in doc.nlp:
        hit = find_trigger(tok)
        if hit is not None:
            return hit[0].type
    return None


LANGUAGE_OVERRIDES = [0]


def _run(texts: list[str]) -> tuple[list[Any], float]:
    """Run the pipeline; a gold sentence that ingest's quick language guess turns away (short sentences with
    few function words) is run as a bare Document instead, and counted in `ingest_language_overrides`."""
    from ..ingest import InputError
    from ..pipeline import doc_id, extract_many, get_stage
    from ..schema import Document

    t0 = time.perf_counter()
    docs = list(extract_many(({"text": t} for t in texts), pipeline=PIPE, batch_size=32))
    for n, d in enumerate(docs):
        if isinstance(d, InputError) and "English" in str(d):
            from ..nlp import parse

            doc = Document(id=doc_id(texts[n]), text=texts[n])
            doc._nlp = parse(doc.text)
            for name in PIPE:
                doc = get_stage(name)(doc)
            docs[n] = doc
            LANGUAGE_OVERRIDES[0] += 1
    return docs, time.perf_counter() - t0


def _actor_match(ref: Any, country: str | None, gold: list[dict]) -> bool:
    if not gold:
        return False
    for g in gold:
        text, code = _norm(g.get("actorText")), (g.get("code") or "").upper()
        if ref is not None and text and (text in _norm(ref.name) or (_norm(ref.name) and _norm(ref.name) in text)):
            return True
        if country and code and code[:3] == country:
            return True
    return False


def bench_plover(root: Path, limit: int | None, split: str) -> dict:
    recs = json.loads((root / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    recs = [r for r in recs if r.get("event") and r.get("text")]
    mapping = _plover_map()
    recs = [r for r in recs if split == "all" or split_of(r["id"]) == split][:limit]
    docs, seconds = _run([r["text"] for r in recs])
    gold, pred, base = [], [], []
    actor_hits = actor_n = target_hits = target_n = 0
    for r, d in zip(recs, docs, strict=True):
        g = mapping.get(r["event"], r["event"])
        gold.append(g)
        if isinstance(d, Exception):
            pred.append(None)
            base.append(None)
            continue
        ev = primary_event(d)
        pred.append(ev.type if ev else None)
        base.append(first_trigger_baseline(d))
        src = r.get("source") if isinstance(r.get("source"), list) else []
        tgt = r.get("target") if isinstance(r.get("target"), list) else []
        if src:
            actor_n += 1
            actor_hits += bool(ev) and _actor_match(ev.actor, ev.attrs.get("actor_country"), src)
        if tgt:
            target_n += 1
            target_hits += bool(ev) and _actor_match(ev.target, ev.attrs.get("target_country"), tgt)
    majority = Counter(gold).most_common(1)[0][0] if gold else None
    return {
        "split": split,
        "records": len(recs),
        "type_accuracy": accuracy(gold, pred),
        "type_macro_f1": macro_f1(gold, pred),
        "actor_acc": round(actor_hits / actor_n, 4) if actor_n else None,
        "actor_n": actor_n,
        "target_acc": round(target_hits / target_n, 4) if target_n else None,
        "target_n": target_n,
        "no_event": sum(p is None for p in pred),
        "baseline_first_trigger": {"type_accuracy": accuracy(gold, base), "type_macro_f1": macro_f1(gold, base)},
        "baseline_majority": {"label": majority, "type_accuracy": accuracy(gold, [majority] * len(gold)),
                              "type_macro_f1": macro_f1(gold, [majority] * len(gold))},
        "per_type_f1": {t: _f1(gold, pred, t) for t in sorted(set(gold))},
        "docs_per_s": round(len(recs) / seconds, 1) if seconds else None,
    }


def _plover_map() -> dict[str, str]:
    from ..events.lexicon import DATA, read_tsv

    return {r[0]: r[1] for r in read_tsv(DATA / "plover05_to_16.tsv")}


def _cameo2plover(path: Path) -> dict[str, str]:
    table = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if m:
            table[m.group(1)] = m.group(2)
    return table


def _cameo_type(code: str, table: dict[str, str]) -> str | None:
    code = code.strip()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


def _petrarch_records(path: Path) -> list[tuple[str, str, list[str]]]:
    text = path.read_text(encoding="utf-8", errors="replace")
    out = []
    for chunk in text.split("<Sentence ")[1:]:
        sid = re.search(r'id="([^"]+)"', chunk)
        body = re.search(r"<Text>(.*?)</Text>", chunk, re.S)
        codes = re.findall(r'eventcode="([0-9]+)"', chunk.split("<Text>")[0])
        if sid and body and codes:
            out.append((sid.group(1), " ".join(body.group(1).split()), codes))
    return out


def bench_petrarch(root: Path, cameo_table: Path, limit: int | None, split: str) -> dict:
    table = _cameo2plover(cameo_table)
    result = {}
    for name, fname in (("petr2_gsr", "PETR2_GSR_validation.xml"), ("unit_tests", "PETR.UnitTest.records.xml")):
        recs = [r for r in _petrarch_records(root / fname) if split == "all" or split_of(r[0]) == split][:limit]
        golds = [[t for t in (_cameo_type(c, table) for c in r[2]) if t] for r in recs]
        keep = [i for i, g in enumerate(golds) if g]
        recs, golds = [recs[i] for i in keep], [golds[i] for i in keep]
        docs, _ = _run([r[1] for r in recs])
        pred = []
        for d in docs:
            ev = None if isinstance(d, Exception) else primary_event(d)
            pred.append(ev.type if ev else None)
        first = [g[0] for g in golds]
        any_ok = [p if p in g else g[0] + "?" for p, g in zip(pred, golds, strict=True)]
        result[name] = {
            "records": len(recs),
            "type_accuracy_any_coding": round(sum(p in g for p, g in zip(pred, golds, strict=True)) / len(recs), 4)
            if recs else None,
            "type_macro_f1": macro_f1(first, [a if not a.endswith("?") else a for a in any_ok]),
        }
    return result


def _loc_span(rec: dict, span: dict) -> tuple[int, int]:
    toks = rec.get("tokens") or []
    ts, te = span.get("token_start"), span.get("token_end")
    if ts is not None and te is not None and 0 <= ts < len(toks) and 0 <= te < len(toks):
        return toks[ts]["start"], toks[te]["end"]
    return span["start"], span["end"]


def _overlaps(span: tuple[int, int] | None, golds: list[tuple[int, int]]) -> bool:
    return span is not None and any(span[0] < ge and gs < span[1] for gs, ge in golds)


def bench_event_location(root: Path, limit: int | None, split: str) -> dict:
    from ..events.extract import _event_place
    from ..events.resolve import build_index

    recs = []
    for line in (root / "gold_RELABEL_subset.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        spans = r.get("spans") or []
        verbs = [s for s in spans if s.get("label") == "VERB"]
        if not verbs or not r.get("text"):
            continue
        if split != "all" and split_of(str(r.get("_id") or r.get("_task_hash"))) != split:
            continue
        recs.append((r, _loc_span(r, verbs[0]), [_loc_span(r, s) for s in spans if s.get("label") == "LOCATION"]))
    recs = recs[:limit]
    docs, _ = _run([r[0]["text"] for r in recs])
    with_loc = hit = first_hit = near_hit = 0
    without = none_ok = 0
    for (_rec, (vs, ve), locs), d in zip(recs, docs, strict=True):
        if isinstance(d, Exception):
            continue
        idx = build_index(d)
        span = d.nlp.char_span(vs, ve, alignment_mode="expand")
        if span is None:
            continue
        pred_tok = span.root
        ev = next((e for e in d.events if e.start < ve and vs < e.end), None)
        place = ev.place if ev is not None else _event_place(d, idx, pred_tok, set())[0]
        got = (place.start, place.end) if place and place.start is not None else None
        cands = sorted((p.item.start, p.item.end) for p in idx.places)
        if locs:
            with_loc += 1
            hit += _overlaps(got, locs)
            first_hit += _overlaps(cands[0] if cands else None, locs)
            near_hit += _overlaps(min(cands, key=lambda c: abs(c[0] - vs)) if cands else None, locs)
        else:
            without += 1
            none_ok += got is None
    return {
        "split": split,
        "records": len(recs),
        "with_location": with_loc,
        "event_place_acc": round(hit / with_loc, 4) if with_loc else None,
        "baseline_first_place_acc": round(first_hit / with_loc, 4) if with_loc else None,
        "baseline_nearest_place_acc": round(near_hit / with_loc, 4) if with_loc else None,
        "no_location_records": without,
        "no_location_correctly_empty": round(none_ok / without, 4) if without else None,
    }


def bench_guatemala(examples: Path) -> dict:
    import newsevents

    text = (examples / "guatemala.txt").read_text(encoding="utf-8")
    gold = json.loads((examples / "guatemala.gold.json").read_text(encoding="utf-8"))
    t0 = time.perf_counter()
    doc = newsevents.extract(text, published=gold.get("published"))
    seconds = time.perf_counter() - t0

    def ref_ok(ref: Any, names: list[str]) -> bool:
        if not names:
            return True
        if ref is None:
            return False
        hay = [_norm(ref.name), _norm(doc.text[ref.start : ref.end]) if ref.start is not None else ""]
        return any(_norm(n) in h or (h and h in _norm(n)) for n in names for h in hay)

    found = required = place_ok = place_n = date_ok = date_n = 0
    missing = []
    for g in gold["events"]:
        match = [e for e in doc.events if e.type in g["types"] and ref_ok(e.actor, g["actor"]) and ref_ok(e.target, g["target"])]
        if not g.get("optional"):
            required += 1
            found += bool(match)
            if not match:
                missing.append(g["types"][0])
        if match and g.get("place"):
            place_n += 1
            names = [g["place"]] + g.get("alt_places", [])
            place_ok += any(e.place and any(_norm(n) in _norm(e.place.name) for n in names) for e in match)
        if match and g.get("date"):
            date_n += 1
            date_ok += any(e.date == g["date"] for e in match)
    journey = next((j for j in doc.journeys if _norm(gold["journey"]["person"]) in _norm(j.person.name)), None)
    stops = [_norm(s.name) for s in journey.stops] if journey else []
    return {
        "required_events_found": f"{found}/{required}",
        "missing": missing,
        "place_ok": f"{place_ok}/{place_n}",
        "date_ok": f"{date_ok}/{date_n}",
        "journey_stops": stops,
        "journey_exact": stops == [_norm(s) for s in gold["journey"]["stops"]],
        "journey_certainty": [journey and s.certainty for s in journey.stops] if journey else [],
        "historical_events": [e.text for e in doc.events if e.historical],
        "seconds": round(seconds, 3),
    }


def stage_speed(examples: Path, samples: Path) -> dict:
    """Milliseconds the events and journeys stages add per document (parse and other stages excluded)."""
    import newsevents

    from ..events import run as events_run
    from ..journeys import run as journeys_run

    texts = [p.read_text(encoding="utf-8") for p in sorted(samples.glob("*.txt"))]
    if (examples / "guatemala.txt").exists():
        texts.append((examples / "guatemala.txt").read_text(encoding="utf-8"))
    from ..nlp import parse

    docs = [newsevents.extract(t, pipeline=("entities", "places", "times", "quotes")) for t in texts]
    words = sum(len(d.text.split()) for d in docs)
    for d in docs:  # warm the lexicons
        events_run(d)
    stage = parse_s = 0.0
    for _ in range(3):
        for d in docs:
            t0 = time.perf_counter()
            parse(d.text)
            t1 = time.perf_counter()
            c = d.model_copy()  # a fresh document object: nothing cached from the previous round
            c._nlp = d.nlp
            journeys_run(events_run(c))
            stage += time.perf_counter() - t1
            parse_s += t1 - t0
    n = 3 * max(len(docs), 1)
    return {
        "docs": len(docs),
        "words_per_doc": round(words / max(len(docs), 1)),
        "events_journeys_ms_per_doc": round(stage * 1000 / n, 2),
        "spacy_parse_ms_per_doc": round(parse_s * 1000 / n, 2),
        "events_journeys_share_of_parse": round(stage / parse_s, 3) if parse_s else None,
    }


@click.command()
@data_option
@json_option
@click.option("--limit", type=int, default=None, help="At most this many records per set (quick runs).")
@click.option("--split", type=click.Choice(["test", "dev", "all"]), default="test", show_default=True,
              help="Which half of the sha1 split to score (dev is for development).")
@click.option("--sets", default="plover,petrarch,event_location,guatemala,speed", show_default=True,
              help="Comma-separated subset of: plover, petrarch, event_location, guatemala, speed.")
def command(data: str, as_json: bool, limit: int | None, split: str, sets: str) -> None:
    """PLOVER event types, actor/target and event place against gold, with baselines in the same run."""
    root = Path(data)
    require(root, "eval data folder")
    want = {s.strip() for s in sets.split(",") if s.strip()}
    out: dict[str, Any] = {"split": split}
    if "plover" in want:
        out["plover_gsr"] = bench_plover(require(root / "plover_gsr", "plover_gsr"), limit, split)
    if "petrarch" in want:
        out["petrarch"] = bench_petrarch(
            require(root / "petrarch_validation", "petrarch_validation"),
            require(root / "plover_gsr" / "CAMEO2PLOVER-2021.txt", "CAMEO2PLOVER table"), limit, split,
        )
    if "event_location" in want:
        out["event_location"] = bench_event_location(require(root / "event_location", "event_location"), limit, split)
    examples = root.parent / "examples"
    if "guatemala" in want and (examples / "guatemala.txt").exists():
        out["guatemala"] = bench_guatemala(examples)
    if "speed" in want:
        out["speed"] = stage_speed(examples, Path(__file__).resolve().parents[3] / "samples")
    pg = out.get("plover_gsr", {})
    out["type_macro_f1"] = pg.get("type_macro_f1")
    out["actor_acc"] = pg.get("actor_acc")
    out["target_acc"] = pg.get("target_acc")
    out["event_place_acc"] = out.get("event_location", {}).get("event_place_acc")
    out["docs_per_s"] = pg.get("docs_per_s")
    out["ingest_language_overrides"] = LANGUAGE_OVERRIDES[0]
    emit(out)
