"""`newsevents bench entities`: PERSON / ORG / LOC-GPE detection and canonical names, next to bare spaCy.

Data (read in place from --data):
- gum_news: GUM's Wikinews documents. Gold named mentions are person/organization/place mentions that
  carry a Wikipedia identity (GUM links named entities only). Canonical-name accuracy: for each such
  mention that the system found, does the name of the entity it belongs to equal the Wikipedia title?
  Bare spaCy has no entities, so its name for a mention is the mention text itself.
- re3d: Dstl's conflict-news set; Person / Organisation / Location spans.
Both systems read the same spaCy parse, so the comparison isolates what the entities stage adds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import click

from .common import Timer, data_option, emit, json_option, match_spans, prf, require

TYPES = ("PERSON", "ORG", "LOC")
_SPACY_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
_GUM_MAP = {"person": "PERSON", "organization": "ORG", "place": "LOC"}
_RE3D_MAP = {"Person": "PERSON", "Organisation": "ORG", "Location": "LOC"}


# ------------------------------------------------------------------ readers

def read_gum(folder: Path) -> list[dict]:
    """Rebuild each GUM news text from CoNLL-U and collect its linked entity mentions with offsets."""
    docs = []
    for path in sorted((folder / "dep").glob("GUM_news_*.conllu")):
        text_parts: list[str] = []
        pos = 0
        open_stack: dict[str, list[tuple[int, str, str]]] = {}
        mentions: list[dict] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newpar"):
                if text_parts:
                    text_parts.append("\n\n")
                    pos += 2
                continue
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            form, misc = cols[1], cols[9]
            start = pos
            text_parts.append(form)
            pos += len(form)
            end = pos
            ent = next((f[len("Entity="):] for f in misc.split("|") if f.startswith("Entity=")), None)
            if ent:
                _gum_brackets(ent, start, end, open_stack, mentions)
            if "SpaceAfter=No" not in misc:
                text_parts.append(" ")
                pos += 1
        docs.append({"id": path.stem, "text": "".join(text_parts), "mentions": mentions})
    return docs


def _gum_brackets(val: str, start: int, end: int, stack: dict, out: list[dict]) -> None:
    i = 0
    while i < len(val):
        if val[i] == "(":
            j = i + 1
            while j < len(val) and val[j] not in "()":
                j += 1
            fields = val[i + 1 : j].split("-")
            eid = fields[0]
            etype = fields[1] if len(fields) > 1 else ""
            identity = "-".join(fields[7:]) if len(fields) > 7 else ""
            if j < len(val) and val[j] == ")":
                out.append({"start": start, "end": end, "type": etype, "identity": identity, "eid": eid})
                j += 1
            else:
                stack.setdefault(eid, []).append((start, etype, identity))
            i = j
        else:
            m = re.match(r"(\d+)\)", val[i:])
            if m:
                eid = m.group(1)
                if stack.get(eid):
                    s, etype, identity = stack[eid].pop()
                    out.append({"start": s, "end": end, "type": etype, "identity": identity, "eid": eid})
                i += m.end()
            else:
                i += 1


def read_re3d(folder: Path) -> list[dict]:
    docs: dict[str, dict] = {}
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        for line in (sub / "documents.json").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                d = json.loads(line)
                docs[d["_id"]] = {"id": d["_id"], "text": d["text"], "mentions": []}
        for line in (sub / "entities.json").read_text(encoding="utf-8-sig").splitlines():
            if not line.strip():
                continue
            e = json.loads(line)
            if e["documentId"] in docs and e["type"] in _RE3D_MAP and e.get("confidence", 1) >= 0.5:
                docs[e["documentId"]]["mentions"].append({"start": e["begin"], "end": e["end"], "type": e["type"]})
    return list(docs.values())


# ------------------------------------------------------------------ scoring

def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.replace("_", " ")).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9 ]", "", name.lower()).strip()


def _score(docs: list[dict], gold_map: dict[str, str], gold_filter, names: bool) -> dict:
    from ..ingest import prepare
    from ..nlp import get_nlp
    from ..pipeline import get_stage

    nlp = get_nlp()
    stage = get_stage("entities")
    counts = {sys: {t: {"strict": [0, 0, 0], "overlap": [0, 0, 0]} for t in TYPES} for sys in ("newsevents", "spacy")}
    name_hits = {"newsevents": [0, 0], "spacy": [0, 0]}
    t_spacy, t_stage = Timer(), Timer()
    n_words = 0
    for d in docs:
        text = d["text"]
        with t_spacy:
            parsed = nlp(text)
        n_words += len(text.split())
        doc = prepare(text, html=False) if text.strip() else None
        if doc is None:
            continue
        # prepare() may normalise line breaks; the readers produce \n only, so offsets agree
        doc._nlp = parsed
        with t_stage:
            doc = stage(doc)
        gold = [(m["start"], m["end"], gold_map[m["type"]]) for m in d["mentions"] if gold_filter(m)]
        ours = [(m.start, m.end, _SPACY_MAP[e.type]) for e in doc.entities if e.type in _SPACY_MAP for m in e.mentions if m.kind == "name"]
        base = [(e.start_char, e.end_char, _SPACY_MAP[e.label_]) for e in parsed.ents if e.label_ in _SPACY_MAP]
        for sys_name, pred in (("newsevents", ours), ("spacy", base)):
            for t in TYPES:
                g = [x for x in gold if x[2] == t]
                p = [x for x in pred if x[2] == t]
                for mode in ("strict", "overlap"):
                    tp, fp, fn = match_spans(g, p, overlap=mode == "overlap")
                    c = counts[sys_name][t][mode]
                    c[0] += tp
                    c[1] += fp
                    c[2] += fn
        if names:
            _name_accuracy(d, doc, parsed, name_hits)
    result: dict = {}
    for sys_name in counts:
        res = {}
        for mode in ("strict", "overlap"):
            per = {t: prf(*counts[sys_name][t][mode]) for t in TYPES}
            tot = [sum(counts[sys_name][t][mode][k] for t in TYPES) for k in range(3)]
            res[mode] = {"per_type": per, "micro": prf(*tot)}
        if names:
            hit, n = name_hits[sys_name]
            res["canonical_name_acc"] = round(hit / n, 4) if n else None
            res["canonical_name_n"] = n
        result[sys_name] = res
    result["docs"] = len(docs)
    result["words"] = n_words
    result["spacy_seconds"] = round(t_spacy.seconds, 3)
    result["entities_stage_seconds"] = round(t_stage.seconds, 3)
    return result


def _name_accuracy(d: dict, doc, parsed, hits: dict) -> None:
    for m in d["mentions"]:
        if m["type"] not in ("person", "organization", "place") or not m["identity"]:
            continue
        want = _norm(m["identity"])
        ent = None
        for e in doc.entities:
            if any(x.kind == "name" and x.start < m["end"] and m["start"] < x.end for x in e.mentions):
                ent = e
                break
        base = next((e for e in parsed.ents if e.start_char < m["end"] and m["start"] < e.end_char), None)
        if ent is not None:
            hits["newsevents"][1] += 1
            hits["newsevents"][0] += _norm(ent.name) == want
        if base is not None:
            hits["spacy"][1] += 1
            hits["spacy"][0] += _norm(re.sub(r"^the ", "", base.text, flags=re.I)) == want


@click.command("entities")
@data_option
@json_option
@click.option("--limit", type=int, default=0, help="Use only the first N documents of each set (0: all).")
def command(data: str, as_json: bool, limit: int) -> None:
    """Entity detection (PERSON, ORG, LOC/GPE) and canonical names on gum_news and re3d, vs bare spaCy."""
    root = Path(data)
    gum = read_gum(require(root / "gum_news", "gum_news"))
    re3d = read_re3d(require(root / "re3d", "re3d"))
    if limit:
        gum, re3d = gum[:limit], re3d[:limit]
    out = {
        "gum_news": _score(gum, _GUM_MAP, lambda m: m["type"] in _GUM_MAP and bool(m["identity"]), names=True),
        "re3d": _score(re3d, _RE3D_MAP, lambda m: m["type"] in _RE3D_MAP, names=False),
    }
    from ..nlp import get_nlp

    out["model"] = get_nlp().meta.get("name")
    summary = {}
    for sys_name in ("newsevents", "spacy"):
        summary[sys_name] = {
            f"{ds}_{t}_f1": out[ds][sys_name]["overlap"]["per_type"][t]["f1"] for ds in ("gum_news", "re3d") for t in TYPES
        }
        summary[sys_name]["gum_canonical_name_acc"] = out["gum_news"][sys_name]["canonical_name_acc"]
    out["summary"] = summary
    emit(out)
