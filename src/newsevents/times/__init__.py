"""Times stage: every date and time in the text, resolved against the publication date.

`run` fills `Document.times` with TIMEX3-style `Time`s (ids t0, t1, ... in text order; `anchor` is
"publication", "absolute" or the id of the earlier time it was resolved from). `governing` gives the
time expression that dates a sentence or clause, for the events and quotes stages.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..pipeline import stage
from ..schema import Document, Time
from . import rules
from .normalise import Resolver, merge_times, pod_of_day

__all__ = ["date_of", "find_times", "governing", "run"]

_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d$")


def _dct(published: str | None) -> date | None:
    """The publication date, or None when there is none to count from: unparseable, or so near the
    ends of the calendar (year 1, year 9999) that 'yesterday' or 'next week' would fall off it."""
    if not published:
        return None
    try:
        d = date.fromisoformat(published[:10])
    except ValueError:
        return None
    return d if 100 <= d.year <= 9899 else None


def find_times(text: str, published: str | None = None, nlp_doc: Any = None) -> list[Time]:
    """Detect and normalise time expressions in `text`; `nlp_doc` (spaCy Doc of the same text) adds
    tense and entity checks, and is optional so the function also works on bare strings."""
    dct = _dct(published)
    norms = Resolver(text, dct, nlp_doc).run(rules.select(rules.candidates(text)))
    pod_of_day(text, norms)
    norms = merge_times(text, norms)
    for n in norms:  # "from 1 to 3 p.m. on Sunday": the first end is on the day the second was joined to
        day = n.pair.merged_into if n.pair is not None else None
        if day is not None and day.value and n.value and "T" in day.value:
            n.value = day.value.split("T")[0] + n.value[n.value.index("T") :]
            n.anchor, n.ref = day.anchor, day.ref
    ids: dict[int, str] = {}
    out: list[Time] = []
    for k, n in enumerate(norms):
        ids[id(n)] = f"t{k}"
    for k, n in enumerate(norms):
        anchor = n.anchor
        if anchor == "prev":
            ref = n.ref
            while ref is not None and id(ref) not in ids and ref.merged_into is not None:
                ref = ref.merged_into
            anchor = ids.get(id(ref)) if ref is not None else None
            anchor = anchor or ("publication" if dct else None)
        out.append(
            Time(start=n.start, end=n.end, text=text[n.start : n.end], value=n.value, type=n.type,
                 granularity=n.granularity, anchor=anchor, id=f"t{k}")
        )
    return out


def _add_timezones(doc: Document) -> None:
    """Give clock times the UTC offset of the place the sentence (or the dateline) puts them in."""
    clocks = [t for t in doc.times if t.value and _CLOCK.match(t.value)]
    if not clocks or not doc.places:
        return
    from .tz import precision, utc_offset, zone_for

    for t in clocks:
        lo, hi = _sentence_bounds(doc, t.start)
        local = [p for p in doc.places if lo <= p.start < hi and p.role != "context"]
        local.sort(key=lambda p: (precision(p), abs(p.start - t.start)))  # nearest city first
        pool = local + [p for p in doc.places if p.role == "dateline"]
        for p in pool:
            zone = zone_for(p)
            off = utc_offset(zone, t.value) if zone else None
            if off:
                t.value += off
                break


def _sentence_bounds(doc: Document, pos: int) -> tuple[int, int]:
    if doc.nlp is not None:
        tok = doc.nlp.char_span(pos, pos + 1, alignment_mode="expand")
        if tok is not None and len(tok):
            s = tok[0].sent
            return s.start_char, s.end_char
    lo = max(doc.text.rfind(". ", 0, pos), doc.text.rfind("\n", 0, pos)) + 1
    hi = doc.text.find("\n", pos)
    return lo, (hi if hi >= 0 else len(doc.text))


@stage("times")
def run(doc: Document) -> Document:
    doc.times = find_times(doc.text, doc.published, doc.nlp)
    _add_timezones(doc)
    return doc


def _resolved(t: Time) -> bool:
    return bool(t.value) and t.type in ("date", "time") and not t.value.endswith("_REF")


_COUNT = re.compile(r"P(?:(\d+)([DW])|T(\d+)[HM])")
_LATER = re.compile(r"\s+(later|earlier)\b(?!\s+than\b)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _counted(doc: Document, t: Time) -> Time | None:
    """'Three days later, troops entered': TimeML marks the length ("three days", `P3D`), but the
    clause it opens still happened on a day, the one that far from the last day named before it in
    the paragraph (an "earlier" with none: from the publication date). A dated stand-in for
    `governing`, so events and quotes keep the day the earlier rounds' DATE value gave them."""
    m = _COUNT.fullmatch(t.value or "")
    later = _LATER.match(doc.text, t.end) if m else None
    if later is None:
        return None
    days = int(m.group(1)) * (7 if m.group(2) == "W" else 1) if m.group(1) else 0  # hours: the same day
    sign = 1 if later.group(1) == "later" else -1
    para = doc.text.rfind("\n\n", 0, t.start)
    base = None
    for u in doc.times:
        if u.start >= t.start:
            break
        if u.start > para and _resolved(u) and _DAY.match(u.value or ""):
            base = date.fromisoformat(u.value[:10])
    if base is None and sign < 0:
        base = _dct(doc.published)
    if base is None:
        return None
    try:
        day = date.fromordinal(base.toordinal() + sign * days)
    except (ValueError, OverflowError):
        return None
    return t.model_copy(update={"type": "date", "value": day.isoformat(), "granularity": "day"})


def _dated(doc: Document) -> list[Time]:
    """`doc.times` with each standalone "N days later" length replaced by the day it counts to."""
    out = []
    for t in doc.times:
        if t.type == "duration":
            c = _counted(doc, t)
            if c is not None:
                out.append(c)
                continue
        out.append(t)
    return out


def governing(doc: Document, start: int, end: int, inherit: bool = False) -> Time | None:
    """The date or time that governs the clause [start, end): of the dated expressions inside it,
    the one closest to the clause's syntactic root (fully resolved ones first).
    With `inherit`, a clause with none takes the latest dated expression earlier in its paragraph
    (narrative continuity: "Last Monday she crossed ... She was detained.")."""
    times = _dated(doc)
    inside = [t for t in times if start <= t.start and t.end <= end and _resolved(t)]
    if not inside and doc.nlp is not None:
        # a trigger word or a short span: the time attached to it, to its clause, or to a clause above
        found = _attached(doc, start, end)
        if found is not None:
            return found
    if not inside:
        if not inherit:
            return None
        para = doc.text.rfind("\n\n", 0, start)
        earlier = [t for t in times if para < t.start and t.end <= start and _resolved(t)]
        return earlier[-1] if earlier else None
    if len(inside) == 1:
        return inside[0]
    full = [t for t in inside if t.value and t.value[:1].isdigit()] or inside
    if len(full) == 1 or doc.nlp is None:
        return full[0]
    clause = doc.nlp.char_span(start, end, alignment_mode="expand")
    root = clause.root if clause is not None and len(clause) else None

    def depth(t: Time) -> int:
        span = doc.nlp.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or root is None:
            return 99
        tok, d = span.root, 0
        while tok.i != root.i and tok.head is not tok and d < 50:
            tok, d = tok.head, d + 1
        return d if tok.i == root.i else 99

    return min(full, key=lambda t: (depth(t), t.start))


def date_of(doc: Document, start: int, end: int, inherit: bool = False) -> str | None:
    """The calendar part of the governing time ("2019-07-22" from "2019-07-22T20:10-06:00"), for an
    Event/Quote `date`; None when nothing governs or the value is only partial ("XXXX-WXX-1")."""
    t = governing(doc, start, end, inherit=inherit)
    if t is None or not t.value or not t.value[:4].isdigit():
        return None
    return t.value.split("T")[0]


def _clause_verb(tok: Any) -> Any:
    """The verb heading the clause `tok` is in (a bare participle like "those arrested" is skipped)."""
    for _ in range(12):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            bare = tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBN", "VBG") and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children
            )
            if not bare:
                return tok
        if tok.head is tok:
            return tok
        tok = tok.head
    return tok


def _attached(doc: Document, start: int, end: int) -> Time | None:
    """For a span inside one sentence: a dated expression attached to the span's word itself ("the
    attack on Sunday"), else to its clause's verb, else to a verb above it ("crossed ... on Monday
    and was detained"). A time in a clause below it never governs it."""
    target = doc.nlp.char_span(start, end, alignment_mode="expand")
    if target is None or not len(target):
        return None
    tok = target.root
    sent = tok.sent
    verb = _clause_verb(tok)
    above = []
    v = verb
    for _ in range(12):
        above.append(v.i)
        if v.head is v:
            break
        v = _clause_verb(v.head)
    best: tuple[int, int, Time] | None = None
    for t in _dated(doc):
        if not _resolved(t) or not (sent.start_char <= t.start < sent.end_char):
            continue
        span = doc.nlp.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        chain, h = set(), head
        for _ in range(12):  # the words between the time and its clause verb
            chain.add(h.i)
            if h.pos_ in ("VERB", "AUX") and h.dep_ not in ("aux", "auxpass") or h.head is h:
                break
            h = h.head
        if tok.i in chain and tok.i != _clause_verb(head).i:
            rank = 0
        else:
            tv = _clause_verb(head).i
            if tv not in above:
                continue
            rank = 1 + above.index(tv)
        key = (rank, abs(t.start - start))
        if best is None or key < best[:2]:
            best = (key[0], key[1], t)
    return best[2] if best else None
