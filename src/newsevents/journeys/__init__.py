"""Journeys stage: who moved where, in order, each step geocoded and with the certainty of its report.

Built from movement language in the parse ("travelled from X to Y", "crossed into", "reached", "was taken
to", "hopes to continue to") and the places stage's coordinates. A step told with no place ("she made her
move", "crossed the river") passes its certainty on to the next named stop, so "allegedly crossed" is not
lost when the place only comes in a later sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..events.lexicon import CERTAINTY_RANK, lexicon, read_tsv
from ..events.resolve import (
    PERSON_NOUNS,
    DocIndex,
    Located,
    attach,
    build_index,
    certainty_of,
    clause_tokens,
    cols,
    describe,
    in_quote,
    is_locative,
    is_origin,
    max_certainty,
    subject_of,
    time_date,
)
from ..pipeline import stage
from ..schema import Document, Journey, Ref, Stop

DATA = Path(__file__).parent / "data"
GROUP_NOUNS = {"migrant", "refugee", "group", "family", "passenger", "people", "asylum-seeker", "seeker", "child",
               "children", "survivor", "evacuee", "worker", "pilgrim", "caravan", "traveller", "traveler"}
DEST_PREPS = {"to", "into", "toward", "towards", "for", "onto"}
VIA_PREPS = {"through", "via", "across", "past"}
AT_PREPS = {"in", "at", "near", "outside", "inside"}


@lru_cache(maxsize=1)
def movement() -> dict[str, str]:
    return {r[0]: r[1] for r in read_tsv(DATA / "movement.tsv")}


@dataclass
class Step:
    key: str
    person: Ref
    order: tuple[int, int]
    place: Any | None  # Located or a synthetic Located for "the capital"
    role: str  # origin | stop
    certainty: str
    date: str | None
    text_tok: Any


def _kind(tok: Any) -> str | None:
    mv = movement()
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB":
        for c in tok.children:
            if c.dep_ == "prt" and f"{lemma}_{c.lower_}" in mv:
                return mv[f"{lemma}_{c.lower_}"]
        kind = mv.get(lemma)
        if kind == "carry" and not any(c.dep_ in {"auxpass", "dobj"} for c in tok.children):
            return None
        if kind == "hold" and not any(c.dep_ == "auxpass" for c in tok.children):
            return None
        return kind
    if tok.pos_ == "NOUN" and lemma == "move" and tok.dep_ == "dobj" and tok.head.lemma_.lower() == "make":
        return "vague"
    return None


def _traveller(idx: DocIndex, tok: Any, kind: str | None = None) -> tuple[str, Ref] | None:
    pred = tok.head if tok.pos_ == "NOUN" else tok
    subj, _passive = subject_of(pred)
    if kind == "carry" and not _passive:  # "the vessel brought 212 migrants ashore": the object travels
        subj = next((c for c in pred.children if c.dep_ == "dobj"), None)
    if subj is None:
        return None
    ref, sector, _country = describe(idx, subj)
    ent = idx.entity(ref.entity) if ref.entity else None
    if ent is not None:
        if ent.type != "PERSON":
            return None
        return ent.id, ref
    if subj.pos_ == "PRON":
        return None  # a pronoun nobody could be found for
    if subj.lemma_.lower() in GROUP_NOUNS or (sector in {"migrants/refugees", "civilians"} and subj.tag_ == "NNS"):
        return "group", Ref(name=ref.name, start=ref.start, end=ref.end)  # "212 migrants", "the group", "they"
    if subj.lemma_.lower() in PERSON_NOUNS or sector in {"migrants/refugees", "civilians"}:
        return subj.lemma_.lower(), Ref(name=ref.name, start=ref.start, end=ref.end)
    return None


def _places_of(idx: DocIndex, tok: Any, kind: str) -> list[tuple[Located, str]]:
    """Places in the movement's own clause, with their role (origin or stop)."""
    lo, hi = idx.sent_bounds(tok)
    by_tok = {x.tok.i: x for x in idx.places if lo <= x.tok.i < hi}
    pred = tok.head if tok.pos_ == "NOUN" else tok
    out = []
    for t in clause_tokens(pred):
        x = by_tok.get(t.i)
        if x is None or (t.dep_ == "appos" and t.head.i in by_tok):
            continue  # "Austin, Texas": the state only qualifies the city
        if t.dep_ in {"nmod", "compound", "amod", "poss"}:
            continue  # "(U.S.) Border Patrol", "Mexico's government": a modifier, not a stop
        if is_origin(t):
            out.append((x, "origin"))
        elif kind == "leave" and t.dep_ == "dobj":
            out.append((x, "origin"))
        elif t.dep_ == "dobj" and kind in {"arrive", "move"}:
            out.append((x, "stop"))
        elif is_locative(t):
            out.append((x, "stop"))
    for t in clause_tokens(pred):  # "to the capital": the capital of the country we are in
        if t.lower_ == "capital" and t.dep_ == "pobj" and t.head.lower_ in DEST_PREPS:
            out.append((Located(None, t), "capital"))
    return sorted(out, key=lambda p: (p[1] != "origin", p[0].tok.i))


def _capital(idx: DocIndex, country: str | None, tok: Any) -> Any | None:
    from ..schema import Place

    if not country:
        return None
    name = lexicon().capitals.get(country)
    if not name:
        return None
    lat = lon = None
    for p in idx.doc.places:  # coordinates only from the places stage (the dateline often names the capital)
        if p.lat is not None and _norm_name(p.name or p.text) == _norm_name(name):
            lat, lon = p.lat, p.lon
            break
    return Place(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, name=name, country_code=country,
                 lat=lat, lon=lon, reason="capital of the previous stop's country")


WISH = {"hope", "want", "try", "attempt", "plan", "intend", "seek", "wish", "let", "allow", "beg", "ask", "aim"}
WISH_FORMS = {"hopes", "hoped", "hoping", "tries", "tried", "wants", "wanted", "plans", "planned"}  # sm lemmatizer slips
BLOCKERS = {"stop", "prevent", "bar", "block", "ban", "forbid", "keep", "refuse", "deny"}


def _blocked(tok: Any) -> bool:
    """ "stopped them from entering the U.S.": a movement that did not happen."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from":
        return tok.head.head.lemma_.lower() in BLOCKERS
    return False


def _norm_name(s: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _hypothetical(tok: Any) -> bool:
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            return False
        if cur.dep_ in {"xcomp", "ccomp"} and (cur.head.lemma_.lower() in WISH or cur.head.lower_ in WISH_FORMS):
            return True
        cur = cur.head
    return False


def _home_origin(idx: DocIndex, key: str) -> Located | None:
    """ "Amina Yusuf, a nurse from Khartoum": where the person is from starts the journey."""
    ent = idx.entity(key)
    if ent is None:
        return None
    by_tok = {x.tok.i: x for x in idx.places}
    for m in ent.mentions[:3]:
        head = idx.token_at(m.start)
        while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
            head = head.head
        for c in head.children:
            if c.dep_ == "appos":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "from":
                        for o in p.children:
                            if o.i in by_tok:
                                return by_tok[o.i]
    return None


def extract_journeys(doc: Document) -> list[Journey]:
    sp = doc.nlp
    if sp is None or not len(sp):
        return []
    idx = build_index(doc)
    steps: list[Step] = []
    words = {w for key in movement() for w in key.split("_")} | {"move"}
    cc = cols(sp)  # pick the movement words from the columns; only they become Token objects
    for i in [i for i, (lemma, low) in enumerate(zip(cc.lemma, cc.lower, strict=True)) if lemma in words or low in words]:
        tok = sp[i]
        kind = _kind(tok)
        if kind is None or _blocked(tok):
            continue
        who = _traveller(idx, tok, kind)
        if who is None:
            continue
        key, ref = who
        certainty, negated, _hist, _cues = certainty_of(idx, tok.head if tok.pos_ == "NOUN" else tok)
        if negated:
            continue
        if _hypothetical(tok):
            certainty = max_certainty(certainty, "hypothetical")
        if in_quote(doc, tok.idx) is not None:
            certainty = max_certainty(certainty, "reported")
        tloc = attach(idx, idx.times, tok, set())
        date = time_date(tloc.item) if tloc else None
        places = _places_of(idx, tok, kind)
        if not places and kind in {"vague", "move", "arrive"}:
            steps.append(Step(key, ref, (tok.i, 0), None, "pending", certainty, date, tok))
        for n, (loc, role) in enumerate(places):
            steps.append(Step(key, ref, (tok.i, n), loc, role, certainty, date, tok))
    journeys = []
    for key in dict.fromkeys(s.key for s in steps):
        mine = [s for s in steps if s.key == key]
        stops = _stops(idx, key, mine)
        real = [s for s in stops if s.certainty != "hypothetical"]
        if not real:
            continue
        ent = idx.entity(key)
        person = Ref(entity=ent.id, name=ent.name) if ent is not None else mine[0].person
        journeys.append(Journey(person=person, stops=stops))
    return journeys


def _stops(idx: DocIndex, key: str, steps: list[Step]) -> list[Stop]:
    stops: list[Stop] = []
    pending: str | None = None
    home = _home_origin(idx, key)
    if home is not None:
        stops.append(_stop(home.item, "asserted", None))
    for s in sorted(steps, key=lambda s: s.order):
        if s.place is None:
            if s.certainty != "hypothetical":  # a wish to move is not a move
                pending = max_certainty(pending or "asserted", s.certainty)
            continue
        place = s.place.item
        if place is None:  # "the capital"
            prev_cc = stops[-1].country_code if stops else None
            place = _capital(idx, prev_cc, s.place.tok)
            if place is None:
                continue
        cert = s.certainty
        if pending is not None and s.role != "origin" and cert != "hypothetical":
            cert = max_certainty(cert, pending)
            pending = None
        stop = _stop(place, cert, s.date)
        same = next((x for x in stops if _same(x, stop)), None)
        if same is not None:
            if CERTAINTY_RANK.get(stop.certainty, 0) < CERTAINTY_RANK.get(same.certainty, 0) and same.certainty == "hypothetical":
                same.certainty = stop.certainty
            same.date = same.date or stop.date
            continue
        stops.append(stop)
    real_cc = {x.country_code for x in stops if x.certainty != "hypothetical"}
    stops = [
        x for x in stops
        if not (x.certainty == "hypothetical" and x.country_code in real_cc and _is_country(x.name))
    ]
    for i, x in enumerate(stops):
        x.role = "origin" if i == 0 and len(stops) > 1 else "destination" if i == len(stops) - 1 else "waypoint"
    return stops


def _is_country(name: str) -> bool:
    from ..events.lexicon import country_of_name

    return country_of_name(name) is not None


def _same(a: Stop, b: Stop) -> bool:
    if a.name == b.name:
        return True
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        return a.country_code == b.country_code and abs(a.lat - b.lat) < 0.01 and abs(a.lon - b.lon) < 0.01
    return False


def _stop(place: Any, certainty: str, date: str | None) -> Stop:
    return Stop(
        name=place.name or place.text,
        lat=place.lat,
        lon=place.lon,
        date=date,
        start=place.start,
        end=place.end,
        text=place.text,
        certainty=certainty,
        country_code=place.country_code,
    )


@stage("journeys")
def run(doc: Document) -> Document:
    if doc.nlp is None:
        doc.warnings.append("journeys: no parse (doc.nlp is None); no journeys extracted")
        return doc
    doc.journeys = extract_journeys(doc)
    return doc


__all__ = ["extract_journeys", "run"]
