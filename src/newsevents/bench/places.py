"""`newsevents bench places`: toponym detection and geocoding on LGL, GeoWebNews and GeoVirus.

Figures, per set and combined (micro-averaged over gold toponyms):
- `detect_r`: share of gold toponyms (with coordinates) that a prediction overlaps;
- `detect_p`: share of predictions that overlap an annotated toponym (any annotated place, also those
  without coordinates and, in GeoWebNews, metonymic ones: they are places, just not scored for distance);
- `acc161_given_detected`: of detected gold toponyms, the share whose prediction is within 161 km;
- `e2e_acc161`: gold toponyms detected AND resolved within 161 km (Mordecai 3 reports 58.6% on this);
- `docs_per_s`: documents per CPU-second of the places step alone, on text already parsed by spaCy
  (CPU time, not wall time, so that other work on a shared machine does not count against it; the
  spaCy parse of the same documents is reported as `spacy_parse_words_per_s` for scale).
GeoWebNews gold: literal toponyms with coordinates (Literal, Literal_Modifier, Mixed, Embedded_Literal,
Coercion). GeoVirus offsets are shifted by +1 (see its MANIFEST); they are corrected here.

Demonyms and region adjectives ("Sudanese", "African") come out of the stage as `role="context"`, not as
place mentions. Whether they count as predictions follows each set's annotation (`ADJECTIVAL`): LGL
annotates them as toponyms with the country's coordinates, GeoWebNews annotates them (adjectival
modifiers as Literal_Modifier / Non_Literal_Modifier, people nouns as Demonym, the types its MANIFEST
lists), so there they count (a GeoWebNews Demonym annotation is a correct detection, though it has no
coordinates to score); GeoVirus annotates only location names (none of the 309 toponyms of its
development slice is a demonym or adjective, while 31 such words stand unannotated in the same
articles), so there they are not predictions at all.

`baseline` is measured in the same run on the same parse: spaCy GPE/LOC entities, each resolved to the
highest-population gazetteer entry with that name.

None of the sets has a train/dev split. `--split dev` is the development slice (the first 20% of each
set's articles); `--split heldout` is the rest, untouched while developing; `--split all` is everything.
"""

from __future__ import annotations

import gc
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import click

from .common import data_option, emit, json_option, require

_GWN_LITERAL = {"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"}
_GWN_NOT_PLACE = {"Non_Toponym", "Language", "Homonym"}  # (Demonym: annotated, see ADJECTIVAL)
SETS = ("lgl", "geowebnews", "geovirus")
# does the set annotate demonyms and adjectival toponyms? (module docstring: the evidence for each)
ADJECTIVAL = {"lgl": True, "geowebnews": True, "geovirus": False}


def _f(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def read_lgl(folder: Path) -> list[dict]:
    root = ET.parse(require(folder / "lgl.xml", "LGL lgl.xml")).getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold, spans = [], []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            spans.append((s, e))
            tag = t.find("gaztag")
            lat = _f(tag.findtext("lat")) if tag is not None else None
            lon = _f(tag.findtext("lon")) if tag is not None else None
            if lat is not None and lon is not None:
                gold.append((s, e, lat, lon))
        docs.append({"text": text, "gold": gold, "spans": spans})
    return docs


def read_gwn(folder: Path) -> list[dict]:
    root = ET.parse(require(folder / "GWN.xml", "GeoWebNews GWN.xml")).getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold, spans = [], []
        for t in art.iter("toponym"):
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            kind, nonloc = t.findtext("type"), t.findtext("nonLocational")
            if nonloc == "No" and kind not in _GWN_NOT_PLACE:
                spans.append((s, e))
            lat, lon = _f(t.findtext("latitude")), _f(t.findtext("longitude"))
            if kind in _GWN_LITERAL and nonloc == "No" and lat is not None and lon is not None:
                gold.append((s, e, lat, lon))
        docs.append({"text": text, "gold": gold, "spans": spans})
    return docs


def read_geovirus(folder: Path) -> list[dict]:
    root = ET.parse(require(folder / "GeoVirus.xml", "GeoVirus GeoVirus.xml")).getroot()
    docs = []
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold, spans = [], []
        for loc in art.iter("location"):
            s, e = int(loc.findtext("start")) - 1, int(loc.findtext("end")) - 1  # MANIFEST: shifted by +1
            spans.append((s, e))
            lat, lon = _f(loc.findtext("lat")), _f(loc.findtext("lon"))
            if lat is not None and lon is not None:
                gold.append((s, e, lat, lon))
        docs.append({"text": text, "gold": gold, "spans": spans})
    return docs


READERS: dict[str, Callable[[Path], list[dict]]] = {"lgl": read_lgl, "geowebnews": read_gwn, "geovirus": read_geovirus}


def split_docs(docs: list[dict], split: str) -> list[dict]:
    cut = max(1, len(docs) // 5)
    return {"dev": docs[:cut], "heldout": docs[cut:], "all": docs}[split]


# ------------------------------------------------------------------ systems


def baseline_places(doc) -> list[tuple[int, int, float | None, float | None]]:
    """spaCy GPE/LOC + the highest-population gazetteer entry with that name."""
    from ..places.gazetteer import get, norm

    g = get()
    out = []
    for ent in doc.nlp.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        text = re.sub(r"^(?i:the)\s+", "", ent.text)
        cands = [c for c in g.lookup(norm(text)) if c.lat is not None]
        best = max(cands, key=lambda c: c.population) if cands else None
        out.append((ent.start_char, ent.end_char, best.lat if best else None, best.lon if best else None))
    return out


def system_places(doc, adjectival: bool = True) -> list[tuple[int, int, float | None, float | None]]:
    """Every place the stage emits, whatever its role; demonyms and region adjectives only where the
    set annotates them."""
    from ..places import run
    from ..places.resolve import is_context_word

    run(doc)
    return [(p.start, p.end, p.lat, p.lon) for p in doc.places if adjectival or not is_context_word(p)]


# ------------------------------------------------------------------ scoring


def score_doc(gold: list[tuple], spans: list[tuple], pred: list[tuple], tally: dict) -> None:
    from ..places.gazetteer import distance_km

    used = [False] * len(pred)
    for gs, ge, glat, glon in gold:
        best = None
        for i, (ps, pe, _, _) in enumerate(pred):
            if used[i] or not (ps < ge and gs < pe):
                continue
            if best is None or (ps, pe) == (gs, ge):
                best = i
        if best is None:
            continue
        used[best] = True
        tally["detected"] += 1
        _, _, plat, plon = pred[best]
        if plat is not None and distance_km(plat, plon, glat, glon) <= 161.0:
            tally["within161"] += 1
    tally["gold"] += len(gold)
    tally["pred"] += len(pred)
    tally["pred_ok"] += sum(1 for ps, pe, _, _ in pred if any(ps < e and s < pe for s, e in spans))


def figures(t: dict, seconds: float, n_docs: int) -> dict:
    def r(x: float) -> float:
        return round(x, 4)

    return {
        "e2e_acc161": r(t["within161"] / t["gold"]) if t["gold"] else 0.0,
        "detect_p": r(t["pred_ok"] / t["pred"]) if t["pred"] else 0.0,
        "detect_r": r(t["detected"] / t["gold"]) if t["gold"] else 0.0,
        "acc161_given_detected": r(t["within161"] / t["detected"]) if t["detected"] else 0.0,
        "docs_per_s": round(n_docs / seconds, 1) if seconds else 0.0,
        "gold": t["gold"], "predicted": t["pred"], "detected": t["detected"], "within161": t["within161"],
        "docs": n_docs,
    }


def _new() -> dict:
    return {"gold": 0, "pred": 0, "pred_ok": 0, "detected": 0, "within161": 0}


@click.command()
@data_option
@json_option
@click.option("--split", type=click.Choice(["dev", "heldout", "all"]), default="all", show_default=True,
              help="dev = first 20% of each set (used while developing); heldout = the rest.")
@click.option("--sets", default=",".join(SETS), show_default=True, help="Comma-separated subset of sets.")
@click.option("--limit", type=int, default=0, help="At most this many documents per set (0 = no limit).")
def command(data: str, as_json: bool, split: str, sets: str, limit: int) -> None:
    """Places: detection P/R, accuracy within 161 km, end to end, speed; with the naive baseline."""
    from ..ingest import find_dateline
    from ..nlp import get_nlp
    from ..places.gazetteer import get
    from ..schema import Document

    root = Path(data)
    names = [s.strip() for s in sets.split(",") if s.strip()]
    bad = [s for s in names if s not in READERS]
    if bad:
        raise click.BadParameter(f"unknown set(s) {', '.join(bad)}; known: {', '.join(SETS)}", param_hint="--sets")
    get()  # build or open the gazetteer before timing anything
    from ..pipeline import get_stage

    entities_stage = get_stage("entities")
    nlp = get_nlp()
    result: dict = {"split": split, "sets": {}, "baseline": {"sets": {}}}
    totals = {"sys": [_new(), 0.0, 0], "base": [_new(), 0.0, 0]}
    held = {"sys": [_new(), 0.0, 0], "base": [_new(), 0.0, 0]}  # with --split all: the part not developed on
    t_parse = 0.0
    n_words = 0
    for name in names:
        every = READERS[name](require(root / name, f"eval set {name}"))
        docs = split_docs(every, split)
        first_heldout = len(split_docs(every, "dev")) if split == "all" else len(docs) + 1
        if limit:
            docs = docs[:limit]
        t0 = time.process_time()
        parsed = list(nlp.pipe((d["text"] for d in docs), batch_size=16))
        t_parse += time.process_time() - t0
        n_words += sum(len(p) for p in parsed)
        # the parsed set lives on for the whole bench (a pipeline streams it): move it and the model out of
        # the collector's view, so that a full collection over them is not charged to whichever step is timed
        gc.collect()
        gc.freeze()
        for key, fn in (("sys", system_places), ("base", baseline_places)):
            tally, secs = _new(), 0.0
            for i, (d, sp) in enumerate(zip(docs, parsed, strict=True)):
                doc = Document(text=d["text"], dateline=find_dateline(d["text"], 0, None))
                doc._nlp = sp
                if key == "sys":  # as in the pipeline, places read the entities stage's repairs (untimed)
                    entities_stage(doc)
                t0 = time.process_time()
                pred = fn(doc, ADJECTIVAL[name]) if key == "sys" else fn(doc)
                secs += time.process_time() - t0
                score_doc(d["gold"], d["spans"], pred, tally)
                if i >= first_heldout:
                    score_doc(d["gold"], d["spans"], pred, held[key][0])
                    held[key][2] += 1
            fig = figures(tally, secs, len(docs))
            (result["sets"] if key == "sys" else result["baseline"]["sets"])[name] = fig
            tot = totals[key]
            for k in tally:
                tot[0][k] += tally[k]
            tot[1] += secs
            tot[2] += len(docs)
    gc.unfreeze()  # the sets parsed above may be collected again
    result["combined"] = figures(*totals["sys"])
    result["baseline"]["combined"] = figures(*totals["base"])
    if split == "all":
        result["heldout_combined"] = {k: v for k, v in figures(*held["sys"]).items() if k != "docs_per_s"}
        result["baseline"]["heldout_combined"] = {
            k: v for k, v in figures(*held["base"]).items() if k != "docs_per_s"}
    result["spacy_parse_words_per_s"] = round(n_words / t_parse, 1) if t_parse else 0.0
    result["notes"] = ("system = entities + places stages, as in the pipeline; docs_per_s counts the places step only "
                       "(spaCy parse and entities excluded; the parsed set is gc-frozen before timing); match = character "
                       "overlap; baseline = spaCy GPE/LOC + highest-population gazetteer entry")
    emit(result)
