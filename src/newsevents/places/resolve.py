"""Detection and disambiguation of place mentions (the work behind `newsevents.places.run`)."""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..schema import Document, Place
from .gazetteer import FEATURE_PRIOR, Candidate, distance_km, get, norm

_DEMONYMS = Path(__file__).resolve().parents[1] / "data" / "demonyms.tsv"
_PLACE_LABELS = {"GPE", "LOC"}
_HOST_LABELS = {"ORG", "FAC"}  # places nested in these names are kept as context
_SKIP_LABELS = {"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART",
                "LAW", "LANGUAGE", "EVENT", "PRODUCT"}
_BIG_FEATURES = {"country", "admin1", "continent"}
# words that start a place-like capitalised run but are not places ("North" alone, "New" alone ...)
_STOP = {"north", "south", "east", "west", "new", "san", "santa", "st", "saint", "lake", "mount", "fort",
         "port", "the", "central", "union", "university", "city", "county", "state", "river", "street", "road",
         "avenue", "park", "center", "centre", "hall", "church", "school", "hospital", "police", "court",
         "mobile", "reading", "split", "nice", "mission", "independence", "liberty", "victoria", "march", "may",
         "june", "july", "august", "april", "january", "christmas", "easter", "friday", "sunday", "monday",
         "tuesday", "wednesday", "thursday", "saturday", "god", "lord", "jesus", "bible", "internet", "web",
         "president", "governor", "mayor", "senator", "sheriff", "chief", "officer", "deputy", "judge",
         "many", "most", "man", "best", "early", "late", "hope", "ball", "bay", "beach", "bar", "ville",
         "republic", "kingdom", "federal", "national", "american", "english", "french", "german"}


def prior(c: Candidate) -> float:
    """What a name means with no context: bigger places and bigger kinds of place first."""
    return math.log10(c.population + 100) * 0.8 + FEATURE_PRIOR.get(c.feature, 0.0) + (0.0 if c.primary else -3.0)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    with _DEMONYMS.open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t")
        for r in rows:
            out[norm(r["demonym"])] = r["country_code"]
            if r.get("plural"):
                out[norm(r["plural"])] = r["country_code"]
    return out


@dataclass
class Mention:
    start: int
    end: int
    text: str
    key: str
    cands: tuple[Candidate, ...]
    role: str = "mention"
    how: str = "ner"
    within: tuple[Candidate, ...] = ()  # "Del Rio, Texas": the qualifier's readings
    best: Candidate | None = None
    score: float = 0.0
    margin: float = 0.0
    notes: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------- detection


def _clean(text: str) -> tuple[int, str]:
    """Strip a leading article and trailing possessive; return (offset shift, text)."""
    shift = 0
    m = re.match(r"(?i)the\s+", text)
    if m:
        shift, text = m.end(), text[m.end():]
    text = re.sub(r"(?:'s|\u2019s|'|\u2019)$", "", text).rstrip(" ,;:")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]
    return shift, text


@lru_cache(maxsize=4096)
def _fuzzy(key: str) -> tuple[tuple[Candidate, ...], str]:
    """One-edit variants of an unknown name (typos like "Cuidad"); only well-known places qualify."""
    g = get()
    letters = "abcdefghijklmnopqrstuvwxyz"
    variants = set()
    for i in range(len(key)):
        variants.add(key[:i] + key[i + 1:])
        if i + 1 < len(key):
            variants.add(key[:i] + key[i + 1] + key[i] + key[i + 2:])
        for ch in letters:
            variants.add(key[:i] + ch + key[i + 1:])
    for i in range(len(key) + 1):
        for ch in letters:
            variants.add(key[:i] + ch + key[i:])
    variants.discard(key)
    found: list[Candidate] = []
    vs = list(variants)
    for i in range(0, len(vs), 500):
        chunk = vs[i:i + 500]
        rows = g.con.execute(
            "SELECT p.id, p.gid, p.name, p.cc, p.a1code, p.admin1, p.lat, p.lon, p.feature, p.pop, max(a.prim) "
            f"FROM alias a JOIN place p ON p.id = a.pid WHERE a.key IN ({','.join('?' * len(chunk))}) GROUP BY p.id",
            chunk,
        ).fetchall()
        found += [Candidate(*r[:10], primary=bool(r[10])) for r in rows]
    found = [c for c in found if c.primary and (c.population >= 50_000 or c.feature in _BIG_FEATURES)]
    if not found:
        return (), ""
    best = max(found, key=prior)
    return tuple(c for c in found if c.name == best.name), best.name


def _one_edit(a: str, b: str) -> bool:
    """Damerau distance exactly one (substitution, insertion, deletion or adjacent swap)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])
    return a[i + 1:] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1:]


def _lookup_span(text: str) -> tuple[str, tuple[Candidate, ...]]:
    key = norm(text)
    return key, get().lookup(key) if key else ()


def _qualifier(doc: Document, end: int) -> tuple[int, int, tuple[Candidate, ...]] | None:
    """', Texas' / ', N.M.' / ', Mexico' right after a name: the state or country that contains it."""
    text = doc.text
    m = re.match(r",\s+((?:[A-Z][A-Za-z.]*\.?)(?:\s+[A-Z][A-Za-z.]*)?)", text[end:end + 40])
    if not m:
        return None
    for cand_text in (m.group(1), m.group(1).split()[0]):
        cand_text = cand_text.rstrip(",")
        key = norm(cand_text)
        cands = tuple(c for c in get().lookup(key) if c.primary and c.feature in ("admin1", "country"))
        if cands:
            s = end + m.start(1)
            return s, s + len(cand_text), cands
    return None


def detect(doc: Document) -> tuple[list[Mention], Counter, Counter]:
    """Place mentions, plus country context from demonyms (by ISO2) and organisation names."""
    sp = doc.nlp
    g = get()
    dem = demonyms()
    mentions: list[Mention] = []
    demonym_cc: Counter = Counter()
    taken = [False] * (len(doc.text) + 1)

    def claim(s: int, e: int) -> bool:
        if any(taken[s:e]):
            return False
        for i in range(s, e):
            taken[i] = True
        return True

    def add(s: int, e: int, role: str, how: str) -> Mention | None:
        shift, text = _clean(doc.text[s:e])
        s += shift
        e = s + len(text)
        if e <= s or not claim(s, e):
            return None
        key, cands = _lookup_span(text)
        m = Mention(s, e, text, key, cands, role=role, how=how)
        q = _qualifier(doc, e)
        if q and any(_inside(c, w) for c in cands for w in q[2]):
            m.within = q[2]
        mentions.append(m)
        return m

    ents = list(sp.ents)
    deferred: list = []
    dl = doc.dateline
    for ent in ents:
        label = ent.label_
        cc = dem.get(norm(ent.text))
        if cc and label in ("NORP", "ORG", "PERSON"):
            demonym_cc[cc] += 1
            continue
        if label == "NORP":
            continue
        s, e = ent.start_char, ent.end_char
        if label in _PLACE_LABELS:
            text = doc.text[s:e]
            # "Del Rio, Texas" as one entity: the city and its state are two mentions
            if "," in text:
                head = text.split(",")[0]
                add(s, s + len(head), "mention", "ner")
                rest_s = s + text.index(",") + 1
                rest_s += len(doc.text[rest_s:e]) - len(doc.text[rest_s:e].lstrip())
                add(rest_s, e, "mention", "ner")
                continue
            role = "dateline" if dl and dl.start <= s < dl.end else "mention"
            add(s, e, role, "ner")
        elif label in _HOST_LABELS and len(ent) > 1:
            _nested(doc, ent, add)
        elif label == "PERSON" and len(ent) <= 3:
            _person_place(doc, ent, add, deferred)

    # capitalised runs NER missed
    for tok_run in _runs(sp):
        _gazetteer_match(doc, tok_run, add, g)

    if deferred:
        _misspelt_people(doc, deferred, mentions, add)
    for m in mentions:
        if not m.cands and m.how == "ner" and len(m.key) >= 5:
            cands, fixed = _fuzzy(m.key)
            if cands:
                m.cands = cands
                m.notes.append(f"spelling corrected to {fixed}")
        if m.cands and dl and dl.start <= m.start < dl.end:
            m.role = "dateline"
    mentions.sort(key=lambda m: m.start)
    return mentions, demonym_cc, Counter()


_LOCATIVE = {"in", "from", "to", "at", "near", "into", "through", "across", "outside", "toward", "towards"}


def _person_place(doc: Document, ent, add, deferred: list) -> None:
    """NER calls some towns people ("Ciudad Juarez"); a known place after a locative word, before ", Texas",
    or a big multi-word city name is taken back as a place."""
    s, e = ent.start_char, ent.end_char
    key, cands = _lookup_span(ent.text)
    prev = ent.doc[ent.start - 1].lower_ if ent.start > 0 else ""
    locative = prev in _LOCATIVE
    q = _qualifier(doc, e)
    if q and any(_inside(c, w) for c in cands for w in q[2]):
        add(s, e, "mention", "pattern")
        return
    big = [c for c in cands if c.primary and (c.feature in _BIG_FEATURES or c.population >= 100_000)]
    if big and (locative or len(ent) >= 2):
        m = add(s, e, "mention", "pattern")
        if m:
            m.cands = tuple(big)
        return
    if not cands and len(ent) >= 2 and len(key) >= 6:
        deferred.append((ent, locative))


def _misspelt_people(doc: Document, deferred: list, mentions: list[Mention], add) -> None:
    """A two-word "person" one typo away from a big place is that place when the text says "in ..." or
    names the place correctly elsewhere ("Cuidad Juarez" beside "Ciudad Juarez")."""
    known = {norm(c.name): c for m in mentions for c in m.cands if c.primary and " " in c.name}
    for ent, locative in deferred:
        key = norm(ent.text)
        near = [c for k, c in known.items() if _one_edit(key, k)]
        if near:
            fixed_cands, fixed = tuple(near[:1]), near[0].name
        elif locative:
            fixed_cands, fixed = _fuzzy(key)
        else:
            continue
        if fixed_cands and len(fixed.split()) >= 2:
            m = add(ent.start_char, ent.end_char, "mention", "pattern")
            if m:
                m.cands = fixed_cands
                m.notes.append(f"spelling corrected to {fixed}")


def _nested(doc: Document, ent, add) -> None:
    """'El Paso Police Department', 'University of Texas': the longest place name inside the name."""
    toks = [t for t in ent]
    n = len(toks)
    for size in range(min(4, n - 1), 0, -1):
        for i in range(0, n - size + 1):
            span = toks[i:i + size]
            if not all(t.text[:1].isupper() for t in span) or span[0].lower_ in _STOP:
                continue
            text = doc.text[span[0].idx:span[-1].idx + len(span[-1].text)]
            cands = get().lookup(norm(text))
            if any(c.primary and (c.feature in _BIG_FEATURES or c.population >= 20_000) for c in cands):
                add(span[0].idx, span[-1].idx + len(span[-1].text), "context", "organisation")
                return


def _runs(sp) -> list[list]:
    """Runs of capitalised proper-noun tokens outside any entity."""
    runs, cur = [], []
    for t in sp:
        if t.ent_type_ == "" and t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha:
            cur.append(t)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


def _gazetteer_match(doc: Document, run: list, add, g) -> None:
    i = 0
    while i < len(run):
        matched = False
        for size in range(min(4, len(run) - i), 0, -1):
            span = run[i:i + size]
            if size == 1 and span[0].lower_ in _STOP:
                continue
            s, e = span[0].idx, span[-1].idx + len(span[-1].text)
            if e - s < 4:
                continue
            cands = g.lookup(norm(doc.text[s:e]))
            q = _qualifier(doc, e)
            ok = [c for c in cands if c.primary and (
                c.feature in ("country", "admin1") or c.population >= 100_000
                or (size >= 2 and c.feature not in ("city", "admin2"))
                or (q and c.feature == "city" and any(c.country_code == w.country_code for w in q[2])))]
            if ok:
                m = add(s, e, "mention", "gazetteer")
                if m:
                    m.cands = tuple(ok)
                i += size
                matched = True
                break
        if not matched:
            i += 1


# ----------------------------------------------------------------------------------------------- resolution


@dataclass
class Context:
    cc: Counter
    a1: Counter
    anchors: list[tuple[float, float]]
    own: dict[str, tuple[Counter, Counter]] = field(default_factory=dict)  # what each name itself added

    @property
    def total(self) -> int:
        return sum(self.cc.values())


def _score(m: Mention, c: Candidate, ctx: Context, doc: Document) -> float:
    """A name's own mentions do not count as its context (or "Washington" would vote for the state)."""
    s = prior(c)
    own_cc, own_a1 = ctx.own.get(m.key, (_EMPTY, _EMPTY))
    if c.feature == "admin1" and _city_twin(c) and not _says_state(doc, m):
        s -= 4.0  # "Washington", "New York": the big city unless the text says "state"
    n_cc = ctx.cc[c.country_code] - own_cc[c.country_code] if c.country_code else 0
    if n_cc > 0:
        s += 1.5 + min(2.0, 0.5 * n_cc)
    n_a1 = ctx.a1[(c.country_code, c.admin1_code)] - own_a1[(c.country_code, c.admin1_code)] if c.admin1_code else 0
    if n_a1 > 0:
        s += 1.5 + min(1.5, 0.5 * n_a1)
    if m.within:
        if any(_inside(c, w) for w in m.within):
            s += 8.0
        else:
            s -= 3.0
    if c.feature in ("city", "admin2") and c.country_code and n_cc <= 0 and ctx.total >= 3:
        s -= 2.0  # a town in a country the story never mentions
    if ctx.anchors and c.lat is not None and c.feature not in _BIG_FEATURES:
        d = min(distance_km(c.lat, c.lon, a, b) for a, b in ctx.anchors)
        local = c.feature in ("city", "admin2")
        if d < (50 if local else 600):
            s += 2.0
        elif d < (250 if local else 1200):
            s += 1.0
    return s


_EMPTY: Counter = Counter()


def _inside(c: Candidate, w: Candidate) -> bool:
    if w.feature == "country":
        return c.country_code == w.country_code and c.feature != "country"
    return c.country_code == w.country_code and c.admin1_code == w.admin1_code and c.feature != "admin1"


@lru_cache(maxsize=4096)
def _city_twin(c: Candidate) -> bool:
    return any(x.feature == "city" and x.primary and x.population >= 500_000 and x.country_code == c.country_code
               for x in get().lookup(norm(c.name)))


def _says_state(doc: Document, m: Mention) -> bool:
    around = doc.text[max(0, m.start - 12):m.end + 8].lower()
    return "state" in around


def _context(mentions: list[Mention], demonym_cc: Counter, doc: Document, resolved: bool) -> Context:
    cc: Counter = Counter(demonym_cc)
    a1: Counter = Counter()
    anchors: list[tuple[float, float]] = []
    own: dict[str, tuple[Counter, Counter]] = {}
    for m in mentions:
        weight = 3 if m.role == "dateline" else 1
        before_cc, before_a1 = cc.copy(), a1.copy()
        _add_context(m, resolved, weight, cc, a1, anchors)
        mine = own.setdefault(m.key, (Counter(), Counter()))
        mine[0].update(cc - before_cc)
        mine[1].update(a1 - before_a1)
    return Context(cc, a1, anchors, own)


def _add_context(m: Mention, resolved: bool, weight: int, cc: Counter, a1: Counter, anchors: list) -> None:
    if resolved:
        c = m.best
        if c is None or m.margin < 1.0:
            return
        if c.country_code:
            cc[c.country_code] += weight
        if c.admin1_code:
            a1[(c.country_code, c.admin1_code)] += weight
        if c.lat is not None and c.feature in ("city", "admin2"):
            anchors.append((c.lat, c.lon))
    else:
        # unambiguous big names: countries and states named by their own name
        big = [c for c in m.cands if c.primary and c.feature in ("country", "admin1")]
        if len(big) == 1:
            cc[big[0].country_code] += weight
            if big[0].feature == "admin1":
                a1[(big[0].country_code, big[0].admin1_code)] += weight
        for w in m.within:
            cc[w.country_code] += 1
            if w.feature == "admin1":
                a1[(w.country_code, w.admin1_code)] += 1


def _resolve(mentions: list[Mention], ctx: Context, doc: Document) -> None:
    for m in mentions:
        if not m.cands:
            continue
        scored = sorted(((_score(m, c, ctx, doc), c) for c in m.cands), key=lambda x: -x[0])
        m.score, m.best = scored[0]
        m.margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0


def _consistent(mentions: list[Mention]) -> None:
    """One name, one place: unqualified repeats take the reading of the best-supported mention."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.best is not None:
            groups[m.key].append(m)
    for ms in groups.values():
        if len(ms) < 2:
            continue
        lead = max(ms, key=lambda m: (bool(m.within), m.margin))
        for m in ms:
            if m is not lead and not m.within and m.best != lead.best and lead.best in m.cands:
                m.best = lead.best
                m.notes.append("same name as an earlier reading")


def geoparse(doc: Document) -> tuple[list[Place], list[str]]:
    mentions, demonym_cc, _ = detect(doc)
    ctx = _context(mentions, demonym_cc, doc, resolved=False)
    _resolve(mentions, ctx, doc)
    ctx2 = _context(mentions, demonym_cc, doc, resolved=True)
    ctx2.cc.update(ctx.cc)
    ctx2.a1.update(ctx.a1)
    for k, (occ, oa1) in ctx.own.items():
        mine = ctx2.own.setdefault(k, (Counter(), Counter()))
        mine[0].update(occ)
        mine[1].update(oa1)
    _resolve(mentions, ctx2, doc)
    _consistent(mentions)
    places = [_to_place(m, demonym_cc) for m in mentions]
    return places, _focus(places)


def _to_place(m: Mention, demonym_cc: Counter) -> Place:
    c = m.best
    if c is None:
        return Place(start=m.start, end=m.end, text=m.text, name=m.text, confidence=0.1, role=m.role,
                     reason=f"{m.how}: not in the gazetteer; kept without coordinates")
    conf = round(min(0.99, 0.5 + 0.1 * m.margin), 2)
    why = [m.how]
    if m.within:
        why.append(f"qualified by {m.within[0].name}")
    why.append(f"{c.feature}, pop {c.population:,}" if c.population else c.feature)
    if len(m.cands) > 1:
        why.append(f"best of {len(m.cands)} readings by {m.margin:.1f}")
    why += m.notes
    return Place(
        start=m.start, end=m.end, text=m.text, name=c.name, country_code=c.country_code, lat=c.lat, lon=c.lon,
        geonames_id=c.geonames_id, admin1=c.admin1, feature=c.feature, confidence=conf, reason="; ".join(why),
        role=m.role,
    )


def _focus(places: list[Place]) -> list[str]:
    """Where the story happens: the dateline, then the most-mentioned places below country level."""
    score: Counter = Counter()
    for p in places:
        if p.name is None or p.lat is None:
            continue
        w = 3.0 if p.role == "dateline" else (0.3 if p.role == "context" else 1.0)
        if p.feature in ("country", "continent", "region"):
            w *= 0.6
        score[p.name] += w
    return [name for name, _ in score.most_common(3)]


def nearest_place(doc: Document, start: int, end: int) -> Place | None:
    """The place governing a clause: one inside [start, end), else the last one before it in the same
    sentence, else the closest earlier place in the text, else the dateline, else the first focus place."""
    located = [p for p in doc.places if p.lat is not None and p.role != "context"]
    inside = [p for p in located if start <= p.start < end]
    if inside:
        return min(inside, key=lambda p: (p.feature in ("country", "continent"), p.start))
    sent_start = 0
    if doc.nlp is not None:
        span = doc.nlp.char_span(start, max(start + 1, min(end, len(doc.text))), alignment_mode="expand")
        if span is not None:
            sent_start = span.sent.start_char
    before = [p for p in located if p.end <= start]
    same = [p for p in before if p.start >= sent_start]
    if same:
        return same[-1]
    if before:
        return before[-1]
    datelined = [p for p in located if p.role == "dateline"]
    if datelined:
        return datelined[0]
    return located[0] if located else None
