"""Who and where a phrase denotes: actors, pronouns, nominals, places and times near a predicate.

Shared by the events and journeys stages. Everything works on the spaCy parse already in `doc.nlp` and
on what earlier stages wrote (entities, places, times, quotes); nothing is parsed twice.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..schema import Document, Entity, Place, Ref, Time
from .lexicon import CERTAINTY_RANK, country_of_name, lexicon

SUBJ = {"nsubj", "nsubjpass", "csubj"}
CLAUSE = {"ccomp", "xcomp", "advcl", "relcl", "parataxis", "csubj", "acl", "pcomp"}
FEMALE = {"she", "her", "hers", "herself", "mother", "woman", "girl", "daughter", "wife", "sister", "grandmother"}
MALE = {"he", "him", "his", "himself", "father", "man", "boy", "son", "husband", "brother", "grandfather"}
PERSON_NOUNS = FEMALE | MALE | {"national", "migrant", "person", "child", "nurse", "teacher", "victim", "refugee"}
GROUP_PRONOUNS = {"they", "them", "their", "theirs"}
THING_PRONOUNS = {"it", "its"}
MEMORY_SECTORS = {"military", "police", "government", "labour", "rebels", "judiciary", "legislature", "IGO", "NGO"}
RELATIVE = {"who", "which", "that", "whom", "whose"}
HISTORICAL_ADV = {"originally", "formerly", "once", "initially"}
SPEECH = {"say", "tell", "announce", "state", "declare", "add", "report", "confirm", "claim", "write", "note",
          "explain", "tweet", "quote", "insist", "maintain", "allege", "warn", "reiterate", "conclude"}
OBJECT_CONTROL = {"urge", "ask", "beg", "plead", "implore", "let", "allow", "force", "order", "call",
                  "invite", "press", "pressure", "instruct", "help", "persuade", "encourage", "tell", "appeal"}


_PARA = re.compile(r"\n\s*\n|\n(?=\S)")


@dataclass
class Located:
    """A place or time with the token that heads it (and, for places, its syntactic role, computed once)."""

    item: Any
    tok: Any  # spaCy Token
    origin: bool = False
    locative: bool = False


@dataclass
class DocIndex:
    """Per-document lookups built once, so each predicate costs only a few dictionary hits."""

    doc: Document
    starts: list[int]
    places: list[Located] = field(default_factory=list)
    times: list[Located] = field(default_factory=list)
    subjects: list[tuple[int, str, str | None]] = field(default_factory=list)  # (token i, entity id, gender)
    memory: list[tuple[int, str, Ref, str | None]] | None = None
    paragraphs: list[int] = field(default_factory=list)  # char offsets where paragraphs start
    genders: dict[str, str] = field(default_factory=dict)
    para: list[int] = field(default_factory=list)  # paragraph number of each token
    ent_tok: list[Entity | None] = field(default_factory=list)
    cache: dict[str, Any] = field(default_factory=dict)

    bounds: list[tuple[int, int]] = field(default_factory=list)

    def sent_bounds(self, tok: Any) -> tuple[int, int]:
        """Token range of the sentence, clipped to the paragraph: the parser sometimes runs across a blank line."""
        return self.bounds[tok.i]

    @property
    def sector_memory(self) -> list[tuple[int, str, Ref, str | None]]:
        """Built on first use: most documents never need to resolve "the soldier" or "officers"."""
        return self.memory_before(1 << 62)

    def memory_before(self, i: int) -> list[tuple[int, str, Ref, str | None]]:
        """The sector memory, complete for every token before `i` (later entries may still be missing).

        Each entry depends only on its own noun phrase, so the scan stops where the question does:
        events come in text order and most never look past the last one."""
        if self.memory is None:
            self.memory = []
            self.cache["memory_todo"] = _memory_candidates(self)
            self.cache["memory_pos"] = 0
        todo, pos = self.cache["memory_todo"], self.cache["memory_pos"]
        while pos < len(todo) and todo[pos] < i:
            _remember(self, todo[pos])
            pos += 1
        self.cache["memory_pos"] = pos
        return self.memory

    def entity_of(self, tok: Any) -> Entity | None:
        """The tightest entity mention covering a token (what `Document.entity_at` gives, in O(1))."""
        return self.ent_tok[tok.i] if tok.i < len(self.ent_tok) else None

    def entity(self, entity_id: str | None) -> Entity | None:
        """`Document.entity` from a dict built on first use (the document's method scans the list)."""
        by_id = self.cache.get("entity_by_id")
        if by_id is None:
            by_id = self.cache["entity_by_id"] = {}
            for ent in self.doc.entities:
                by_id.setdefault(ent.id, ent)
        return by_id.get(entity_id)  # type: ignore[arg-type]

    def same_block(self, a: Any, b: Any) -> bool:
        return self.para[a.i] == self.para[b.i]

    def token_at(self, char: int) -> Any:
        i = max(0, bisect.bisect_right(self.starts, char) - 1)
        return self.doc.nlp[i]

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self.paragraphs, char) - 1


class Cols:
    """String columns of the parse, read once with `Doc.to_array`.

    Why: a whole-document scan through spaCy Token objects costs a Python object and several string
    look-ups per token per scan; these lists let the scans pick their few candidates first and only
    then touch Tokens. `head` holds absolute token indices (a root is its own head).
    """

    __slots__ = ("text", "lower", "lemma", "pos", "tag", "dep", "ent_type", "head", "idx")

    def __init__(self, sp: Any) -> None:
        import numpy as np
        from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, ORTH, POS, TAG

        arr = sp.to_array([ORTH, LOWER, LEMMA, POS, TAG, DEP, ENT_TYPE, HEAD, IDX])
        strings = sp.vocab.strings
        # Each distinct hash is looked up once; the columns are then plain list indexing.
        uniq, inv = np.unique(arr[:, :7], return_inverse=True)
        table = [strings[h] if h else "" for h in uniq.tolist()]
        inv = inv.reshape(len(arr), 7) if len(arr) else inv.reshape(0, 7)
        cols = [list(map(table.__getitem__, inv[:, j].tolist())) for j in range(7)]
        self.text, self.lower = cols[0], cols[1]
        self.lemma = [w.lower() for w in cols[2]]  # what `tok.lemma_.lower()` gives
        self.pos, self.tag, self.dep, self.ent_type = cols[3], cols[4], cols[5], cols[6]
        heads = arr[:, 7].astype("int64")
        self.head = (heads + np.arange(len(heads))).tolist()
        self.idx = arr[:, 8].tolist()


_COLS: tuple[Any, Cols | None] = (None, None)


def cols(sp: Any) -> Cols:
    """The columns of a parsed Doc, built once per document.

    Kept for the last document only (events, then journeys, read them), not in `sp.user_data`: a corpus
    batch keeps its parses alive, and per-document lists there would grow what the garbage collector
    walks. The slot is one tuple, swapped whole, so a second thread can only cause a rebuild."""
    global _COLS
    key, c = _COLS
    if key is not sp or c is None or len(c.lower) != len(sp):
        c = Cols(sp)
        _COLS = (sp, c)
    return c


_LAST: list[Any] = [None, None]  # (key, index): the events and journeys stages share one index per document


def build_index(doc: Document) -> DocIndex:
    key = (id(doc), id(doc.nlp), len(doc.entities), len(doc.places), len(doc.times), len(doc.quotes))
    if _LAST[0] == key and _LAST[1] is not None and _LAST[1].doc is doc:
        return _LAST[1]
    idx = _build_index(doc)
    _LAST[0], _LAST[1] = key, idx
    return idx


def _build_index(doc: Document) -> DocIndex:
    sp = doc.nlp
    cc = cols(sp)
    idx = DocIndex(doc=doc, starts=list(cc.idx))
    places: list[Place] = [p for p in doc.places if p.role == "mention"]  # not datelines, not demonyms
    idx.places = [Located(p, _head(sp, idx, p.start, p.end)) for p in places]
    # Names the places stage did not resolve still say where something happened: keep them, without coordinates.
    for e in sp.ents:
        if e.label_ in {"GPE", "LOC", "FAC"} and not any(p.start < e.end_char and e.start_char < p.end for p in doc.places):
            idx.places.append(Located(Place(start=e.start_char, end=e.end_char, text=e.text, name=e.text,
                                            reason="spaCy entity, not geocoded"), e.root))
    idx.places.sort(key=lambda x: x.item.start)
    idx.times = [Located(t, _head(sp, idx, t.start, t.end)) for t in doc.times if t.value]
    idx.paragraphs = [0] + [m.end() for m in _PARA.finditer(doc.text)]
    idx.para = [bisect.bisect_right(idx.paragraphs, t) - 1 for t in idx.starts]
    idx.bounds = [(0, 0)] * len(sp)
    for sent in sp.sents:
        lo = sent.start
        while lo < sent.end:
            hi = lo + 1
            while hi < sent.end and idx.para[hi] == idx.para[lo]:
                hi += 1
            for i in range(lo, hi):
                idx.bounds[i] = (lo, hi)
            lo = hi
    for x in idx.places:
        x.origin, x.locative = is_origin(x.tok), is_locative(x.tok)
    idx.ent_tok = [None] * len(sp)
    best = [1 << 30] * len(sp)
    for ent in doc.entities:
        if ent.gender:
            idx.genders[ent.id] = ent.gender
        for m in ent.mentions:
            lo = max(0, bisect.bisect_right(idx.starts, m.start) - 1)
            hi = bisect.bisect_left(idx.starts, m.end)
            for i in range(lo, min(hi, len(sp))):
                if m.end - m.start < best[i] and cc.idx[i] < m.end and m.start < cc.idx[i] + len(cc.text[i]):
                    best[i], idx.ent_tok[i] = m.end - m.start, ent
    _salience(idx)
    return idx


def _head(sp: Any, idx: DocIndex, start: int, end: int) -> Any:
    span = sp.char_span(start, end, alignment_mode="expand")
    if span is not None and len(span):
        return span.root
    return idx.token_at(start)


def _salience(idx: DocIndex) -> None:
    """Walk the subjects in order, resolving "she"/"the mother" to the last person who was a subject."""
    sp = idx.doc.nlp
    cc = cols(sp)
    lemma, head = cc.lemma, cc.head
    for i, dep in enumerate(cc.dep):
        if dep not in SUBJ:
            continue
        if lemma[head[i]] in SPEECH:
            continue  # a speaker is rarely who "she" or "the mother" points back to
        ent = idx.ent_tok[i]
        low = cc.lower[i]
        if ent is None and low not in FEMALE and low not in MALE and low not in PERSON_NOUNS:
            continue
        tok = sp[i]
        if ent is not None and ent.type == "PERSON":
            gender = idx.genders.get(ent.id)
            idx.subjects.append((tok.i, ent.id, gender))
        elif low in FEMALE | MALE or (low in PERSON_NOUNS and _definite(tok)):
            gender = "female" if low in FEMALE else "male" if low in MALE else None
            eid = _last_subject(idx, tok.i, gender)
            if eid:
                if gender and eid not in idx.genders:
                    idx.genders[eid] = gender
                idx.subjects.append((tok.i, eid, idx.genders.get(eid)))


def _definite(tok: Any) -> bool:
    return any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "that", "her", "his"} for c in tok.children) or any(
        c.dep_ == "amod" for c in tok.children
    ) and any(c.lower_ == "the" for c in tok.children)


def _last_subject(idx: DocIndex, before: int, gender: str | None) -> str | None:
    for i, eid, g in reversed(idx.subjects):
        if i >= before:
            continue
        known = idx.genders.get(eid) or g
        if gender and known and known != gender:
            continue
        return eid
    return None




def _memory_candidates(idx: DocIndex) -> list[int]:
    """Noun phrases whose head has a sector and whose modifiers name who they are ("Kenyan police")."""
    sp = idx.doc.nlp
    cc = cols(sp)
    sectors = lexicon().sectors
    n = len(sp)
    out = []
    for i, pos in enumerate(cc.pos):
        if pos not in {"NOUN", "PROPN"} or cc.dep[i] == "compound":
            continue
        ent = idx.ent_tok[i]
        if ent is None:
            if sectors.get(cc.lemma[i]) not in MEMORY_SECTORS:
                continue
        elif ent.type not in {"ORG", "GPE", "NORP"} or (i + 1 < n and idx.ent_tok[i + 1] is ent):
            continue  # one look per organisation or country name, at its last word
        out.append(i)
    return out


def _remember(idx: DocIndex, i: int) -> None:
    tok = idx.doc.nlp[i]
    ref, sector, country = describe(idx, tok, use_memory=False)
    ent = idx.entity(ref.entity) if ref.entity else None
    if ent is not None and (ent.type == "PERSON" or (ent.type == "GPE" and not country_of_name(ent.name))):
        return  # only organisations, countries and "Kenyan police"-like groups are remembered
    if sector in MEMORY_SECTORS and (ref.entity or country):
        idx.memory.append((tok.i, sector, ref, country))


def np_span(tok: Any) -> tuple[int, int]:
    """Character span of a noun phrase: its left modifiers up to the head (and "of X"), no clauses."""
    left = tok.left_edge
    end_tok = tok
    for c in tok.rights:
        if c.dep_ in {"compound", "flat", "appos"} and c.pos_ == "PROPN":
            end_tok = c
        elif c.dep_ == "prep" and c.lower_ in {"of", "in"} and c.i == tok.i + 1:
            end_tok = c.right_edge
    start = left.idx
    if left.lower_ in {"the", "a", "an"} and left.i < tok.i:
        start = left.nbor().idx
    return start, end_tok.idx + len(end_tok.text)


def sector_of(tok: Any, ent: Entity | None) -> str | None:
    lex = lexicon()
    if ent is not None:
        if ent.type == "GPE":
            return "government"
        for word in ent.name.replace("-", " ").split():
            s = lex.sectors.get(word.lower())
            if s:
                return s
        for title in ent.titles:
            s = lex.sectors.get(title.lower().split()[-1])
            if s:
                return s
        if ent.type == "PERSON":
            for c in tok.children:
                if c.dep_ in {"compound", "appos"} and c.lemma_.lower() in lex.sectors:
                    return lex.sectors[c.lemma_.lower()]
            for lemma in cols(tok.doc).lemma[max(0, tok.left_edge.i - 3) : tok.i]:
                if lemma in lex.sectors:
                    return lex.sectors[lemma]
            return None
    for c in tok.children:
        if c.dep_ == "compound" and c.lemma_.lower() in lex.sectors:
            return lex.sectors[c.lemma_.lower()]
    return lex.sectors.get(tok.lemma_.lower()) or lex.sectors.get(tok.lower_)


def _entity_country(idx: DocIndex, ent: Entity) -> tuple[bool, str | None]:
    """(True, ISO3 or None) when the entity itself settles `country_of`; (False, None) to read the phrase."""
    lex = lexicon()
    if ent.type in {"GPE", "NORP"}:
        iso3 = country_of_name(ent.name)
        if iso3:
            return True, iso3
        for p in idx.places:
            if any(p.item.start < m.end and m.start < p.item.end for m in ent.mentions) and p.item.country_code:
                return True, lex.iso2_to_iso3.get(p.item.country_code)
    if ent.nationality:
        return True, lex.iso2_to_iso3.get(ent.nationality)
    for word in ent.name.split():
        iso3 = country_of_name(word) if word[:1].isupper() else None
        if iso3:
            return True, iso3
    return False, None


def country_of(idx: DocIndex, tok: Any, ent: Entity | None) -> str | None:
    """ISO3 of the country an actor belongs to, from the entity or a demonym/country modifier."""
    if ent is not None:
        known = idx.cache.setdefault("entity_country", {})
        if id(ent) not in known:  # the entity's own answer does not depend on the token: one look per entity
            known[id(ent)] = _entity_country(idx, ent)
        decided, iso3 = known[id(ent)]
        if decided:
            return iso3
    lo = tok.left_edge.i
    cc = cols(tok.doc)
    text, pos, ent_type = cc.text, cc.pos, cc.ent_type
    for i in range(max(lo, tok.i - 6), tok.i + 1):
        if pos[i] in {"PROPN", "ADJ", "NOUN"} or ent_type[i] in {"NORP", "GPE"}:
            p = i - 1
            if i > 0 and text[p][:1].isupper() and pos[p] in {"PROPN", "ADJ"} and p >= lo:
                iso3 = country_of_name(f"{text[p]} {text[i]}")
                if iso3:
                    return iso3
                if country_of_name(text[p]) is None:
                    continue  # "Central American", "Latin American": a region, not a country
            iso3 = country_of_name(text[i])
            if iso3:
                return iso3
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "in", "from"}:
            for pobj in c.children:
                iso3 = country_of_name(pobj.text) if pobj.pos_ == "PROPN" else None
                if iso3:
                    return iso3
    return None


def describe(idx: DocIndex, tok: Any, use_memory: bool = True) -> tuple[Ref, str | None, str | None]:
    """A Ref for the phrase headed by `tok`, with its sector and country (ISO3) when known."""
    doc = idx.doc
    if tok.lower_ in RELATIVE and tok.dep_ in SUBJ | {"dobj", "poss"}:
        clause = tok.head if tok.dep_ != "poss" else tok.head.head
        if clause.dep_ == "relcl":
            tok = clause.head
    if tok.pos_ == "PRON" and tok.lower_ in GROUP_PRONOUNS | THING_PRONOUNS | FEMALE | MALE:
        speaker = _speaker_of_clause(tok)
        if speaker is not None:  # "Hungary said it will support ...": "it" is the one who said so
            return describe(idx, speaker, use_memory)
    ent = idx.entity_of(tok)
    on_head = ent is not None  # the tightest mention over this very token: `_overlaps_head` holds
    low = tok.lower_
    if ent is None and tok.pos_ == "PRON":
        ent = _pronoun(idx, tok)
    elif ent is None and low in PERSON_NOUNS and _definite(tok):
        eid = _last_subject(idx, tok.i, "female" if low in FEMALE else "male" if low in MALE else None)
        ent = idx.entity(eid) if eid else None
    start, end = np_span(tok)
    text = doc.text[start:end]
    if ent is not None and not on_head:
        on_head = _overlaps_head(ent, tok)
    if ent is not None and (ent.type in {"PERSON", "ORG"} or on_head):
        sector = sector_of(tok, ent) if on_head else sector_of(tok, None) or sector_of(tok, ent)
        return Ref(entity=ent.id, name=ent.name, start=start, end=end), sector, country_of(idx, tok, ent)
    # A description: look for a name among its modifiers ("a Mexican National Guard soldier", "Mexico's government")
    mod_ent = None
    for i in range(tok.left_edge.i, tok.i):
        e = idx.ent_tok[i]
        if e is not None and (mod_ent is None or (e.type == "ORG" and mod_ent.type != "ORG")):
            mod_ent = e
    sector = sector_of(tok, None)
    country = country_of(idx, tok, mod_ent)
    if mod_ent is not None and mod_ent.type == "ORG":
        return Ref(entity=mod_ent.id, name=mod_ent.name, start=start, end=end), sector or sector_of(tok, mod_ent), country
    if mod_ent is not None and mod_ent.type == "GPE" and sector == "government":
        return Ref(entity=mod_ent.id, name=text, start=start, end=end), sector, country
    for c in tok.children:  # "the government in Minsk"
        if c.dep_ == "prep" and c.lower_ in {"in", "of"}:
            for pobj in c.children:
                e = idx.entity_of(pobj)
                if e is not None and e.type == "GPE":
                    return Ref(entity=e.id, name=text, start=start, end=end), sector, country or country_of(idx, pobj, e)
    if use_memory and mod_ent is None and _anaphoric(tok) and tok.pos_ == "NOUN":
        named = _named_antecedent(idx, tok)  # "the union" -> Kenya National Union of Teachers
        if named is not None:
            return Ref(entity=named.id, name=named.name, start=start, end=end), sector or sector_of(tok, named), (
                country or country_of(idx, tok, named))
    if use_memory and sector and not country and mod_ent is None and _anaphoric(tok):
        for i, sec, ref, ctry in reversed(idx.memory_before(tok.i)):
            if i < tok.i and sec == sector and i != tok.i:
                return Ref(entity=ref.entity, name=ref.name, start=start, end=end), sector, ctry
    if mod_ent is not None and mod_ent.type == "PERSON":
        return Ref(entity=None, name=text, start=start, end=end), sector, country
    return Ref(entity=None, name=text, start=start, end=end), sector, country


def _named_antecedent(idx: DocIndex, tok: Any) -> Entity | None:
    """The last organisation named before `tok` whose name has the same head word ("the Guard", "the union")."""
    word = tok.lemma_.lower()
    best = None
    words = idx.cache.get("org_words")
    if words is None:  # each organisation's name words, split once per document
        words = idx.cache["org_words"] = [
            (ent, {w.lower().rstrip("s") for w in ent.name.split()} | {w.lower() for w in ent.name.split()})
            for ent in idx.doc.entities if ent.type in {"ORG", "NORP"}
        ]
    for ent, names in words:
        if word not in names:
            continue
        for m in ent.mentions:
            if m.end <= tok.idx and (best is None or m.end > best[0]):
                best = (m.end, ent)
    return best[1] if best else None


def _anaphoric(tok: Any) -> bool:
    """ "the soldier", "these officers", bare "Officers": a description that points back, not "several migrants"."""
    dets = [c for c in tok.children if c.dep_ in {"det", "amod", "nummod", "quantmod", "poss"}]
    if not dets:
        return tok.tag_ in {"NNS", "NNPS"}
    return all(c.dep_ == "det" and c.lower_ in {"the", "this", "these", "those", "that"} for c in dets)


def _overlaps_head(ent: Entity, tok: Any) -> bool:
    s, e = tok.idx, tok.idx + len(tok.text)
    return any(m.start < e and s < m.end for m in ent.mentions)


def _speaker_of_clause(tok: Any) -> Any | None:
    """The subject of the speech verb whose reported clause `tok` is the subject of."""
    if tok.dep_ not in SUBJ and tok.dep_ != "poss":
        return None
    verb = tok.head if tok.dep_ in SUBJ else tok.head.head
    for _ in range(3):
        if verb.dep_ in {"ccomp", "xcomp", "conj"} and verb.head.i != verb.i:
            head = verb.head
            if head.lemma_.lower() in SPEECH or head.lemma_.lower() in {"say", "announce", "confirm", "vow", "warn"}:
                subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                if subj is not None and subj.pos_ != "PRON":
                    return subj
                return None
            verb = head
            continue
        return None
    return None


def _pronoun(idx: DocIndex, tok: Any) -> Entity | None:
    doc = idx.doc
    low = tok.lower_
    if low in FEMALE | MALE:
        eid = _last_subject(idx, tok.i, "female" if low in FEMALE else "male")
        return idx.entity(eid) if eid else None
    if low in GROUP_PRONOUNS | THING_PRONOUNS:
        best = None
        for ent in doc.entities:
            if ent.type not in {"ORG", "GPE", "NORP"}:
                continue
            for m in ent.mentions:
                if m.end <= tok.idx and (best is None or m.end > best[0]) and tok.idx - m.end < 400:
                    best = (m.end, ent)
        return best[1] if best else None
    return None


# ---------------------------------------------------------------- clause structure


def subject_of(tok: Any) -> tuple[Any | None, bool]:
    """The subject of a predicate and whether the clause is passive, inherited through conj/xcomp/relcl."""
    seen = 0
    cur = tok
    while cur is not None and seen < 6:
        seen += 1
        for c in cur.children:
            if c.dep_ in {"nsubj", "csubj"}:
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if cur.dep_ == "relcl":
            return cur.head, any(c.dep_ == "auxpass" for c in cur.children)
        if cur.dep_ == "conj" and cur.head.pos_ in {"VERB", "AUX"}:
            passive = any(c.dep_ == "auxpass" for c in cur.children)
            subj, p2 = subject_of(cur.head)
            return subj, passive or (p2 and not any(c.dep_ == "aux" for c in cur.children))
        if cur.dep_ == "acomp" and cur.head.i != cur.i:  # "France is ready to contribute"
            cur = cur.head
            continue
        if cur.dep_ in {"xcomp", "advcl"} and cur.head.pos_ in {"VERB", "AUX", "ADJ"}:
            head = cur.head
            if cur.dep_ == "xcomp" and head.lemma_.lower() in OBJECT_CONTROL:
                for c in head.children:
                    if c.dep_ in {"dobj", "dative"}:
                        return c, False
            cur = head
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":  # "before reaching Libya"
            cur = cur.head.head
            continue
        if cur.dep_ == "acl" and cur.tag_ == "VBN":
            return cur.head, True
        if cur.dep_ == "acl":
            return cur.head, False
        break
    return None, False


def objects_of(tok: Any) -> list[Any]:
    """Direct and prepositional objects that could be a target, nearest first."""
    out = []
    for c in tok.children:
        if c.dep_ in {"dobj", "dative", "attr", "oprd"}:
            out.append(c)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"against", "on", "with", "to", "at", "from", "into", "upon", "toward", "towards", "over", "of"}:
            out.extend(p for p in c.children if p.dep_ == "pobj")
        if c.dep_ == "agent":
            continue
    return out


def agent_of(tok: Any) -> Any | None:
    for c in tok.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def clause_tokens(head: Any, skip: Any | None = None) -> list[Any]:
    """Tokens under `head` reachable without entering another clause (or the `skip` branch)."""
    out, stack = [], [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if skip is not None and c.i == skip.i:
                continue
            if c.dep_ in CLAUSE or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}):
                continue
            stack.append(c)
    return out


def ancestors_clause(tok: Any, idx: DocIndex | None = None) -> list[Any]:
    """The chain of predicate heads above `tok` up to the sentence root (conj, xcomp, advcl, relcl, ccomp)."""
    out = []
    cur = tok
    for _ in range(12):
        if cur.dep_ == "ROOT" or cur.head.i == cur.i or (idx is not None and not idx.same_block(cur, cur.head)):
            break
        cur = cur.head
        out.append(cur)
    return out


def attach(
    idx: DocIndex, items: list[Located], trigger: Any, blocked: set[int], origins: bool = True
) -> Located | None:
    """The place/time that belongs to the predicate: in its own clause first, then up the clause chain.

    The climb stops at a reported or relative clause: "X told reporters in Rome that Y happened" does not
    put Y in Rome. A "where" clause takes the place it hangs from ("the port of X, where they were stopped").
    """
    if not items:
        return None
    lo, hi = idx.sent_bounds(trigger)
    local = [
        x for x in items if lo <= x.tok.i < hi and x.tok.i not in blocked and (origins or not is_origin(x.tok))
    ]
    if not local:
        return None
    by_tok = {x.tok.i: x for x in local}
    prev = None
    cur = trigger
    for _ in range(8):
        toks = clause_tokens(cur, skip=prev)
        found = [by_tok[t.i] for t in toks if t.i in by_tok]
        if found:
            return min(found, key=lambda x: (_depth(x.tok, cur), x.tok.i))
        if cur.dep_ == "relcl" and any(c.lower_ == "where" for c in cur.children) and cur.head.i in by_tok:
            return by_tok[cur.head.i]
        if cur.dep_ in {"ROOT", "ccomp", "parataxis", "relcl"} or cur.head.i == cur.i or not idx.same_block(cur, cur.head):
            break
        prev, cur = cur, cur.head
    return None


def _depth(tok: Any, top: Any) -> int:
    d = 0
    while tok.i != top.i and tok.head.i != tok.i and d < 40:
        tok = tok.head
        d += 1
    return d


LOCATIVE = {"in", "at", "near", "to", "into", "outside", "inside", "across", "on", "around", "within", "through",
             "toward", "towards", "alongside", "along", "off", "onto", "between"}


def is_locative(tok: Any) -> bool:
    """True when a place is the object of a locative preposition ("in X", "to the city of X")."""
    cur = tok
    for _ in range(5):
        if cur.dep_ == "prep":
            if cur.lower_ == "of":
                cur = cur.head
                continue
            return cur.lower_ in LOCATIVE
        if cur.head.i == cur.i or cur.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
    return False


def is_event_object(tok: Any, pred: Any) -> bool:
    """ "captured the town of Huddur", "Grozny's streets are patrolled": the place is what the predicate acts on."""
    cur = tok
    for _ in range(5):
        if cur.dep_ in {"dobj", "nsubjpass"} and cur.head.i == pred.i:
            return True
        if cur.dep_ == "poss" and cur.head.lemma_.lower() in lexicon().sectors:
            return False  # "Mexico's government": the owner of an actor, not a place acted on
        if cur.dep_ in {"pobj"} and cur.head.lower_ == "of" or cur.dep_ in {"poss", "compound", "appos", "prep"}:
            cur = cur.head
            continue
        return False
    return False


def is_origin(tok: Any) -> bool:
    """True when a place is governed by "from" (where someone came from, not where something happened)."""
    cur = tok
    for _ in range(6):
        if cur.dep_ == "prep" and cur.lower_ == "from":
            return True
        if cur.head.i == cur.i or cur.pos_ in {"VERB", "AUX"}:
            return False
        cur = cur.head
    return False


# ---------------------------------------------------------------- certainty


def certainty_of(idx: DocIndex, trigger: Any, extra: list[Any] | None = None) -> tuple[str, bool, bool, list[str]]:
    """(certainty, negated, historical, cues) from adverbs, modals and governing verbs."""
    lex = lexicon().certainty
    rank, cues = 0, []
    negated = False
    historical = False
    chain = [trigger] + (extra or []) + ancestors_clause(trigger, idx)
    for depth, head in enumerate(chain):
        for c in head.children:
            low = c.lemma_.lower()
            if c.dep_ == "neg" and depth == 0:
                negated = True
            if c.dep_ in {"advmod", "aux", "mark", "amod", "npadvmod"} or (c.dep_ == "prep" and low == "according"):
                if low in HISTORICAL_ADV or (c.dep_ == "advmod" and low == "ago"):
                    historical = True
                cert = lex.get(low)
                if cert and not (cert == "hypothetical" and depth > 0 and c.dep_ == "aux"):
                    if cert == "hypothetical" and c.dep_ == "mark" and low not in {"if", "unless"}:
                        continue
                    rank = max(rank, CERTAINTY_RANK[cert])
                    cues.append(c.text)
        if depth > 0:
            low = head.lemma_.lower()
            cert = lex.get(low)
            if cert and head.pos_ == "VERB" and cert in {"alleged", "denied", "hypothetical", "hedged"}:
                rank = max(rank, CERTAINTY_RANK[cert])
                cues.append(head.text)
            if low in SPEECH and rank < CERTAINTY_RANK["reported"]:
                rank = CERTAINTY_RANK["reported"]
                cues.append(head.text)
    certainty = next(k for k, v in CERTAINTY_RANK.items() if v == rank)
    return certainty, negated, historical, cues


def max_certainty(a: str, b: str) -> str:
    return a if CERTAINTY_RANK.get(a, 0) >= CERTAINTY_RANK.get(b, 0) else b


def in_quote(doc: Document, start: int) -> Any | None:
    for q in doc.quotes:
        if q.start <= start < q.end:
            return q
    return None


def time_date(t: Time) -> str | None:
    """The calendar part of a time value; durations and sets are not an event's date."""
    v = t.value or ""
    if t.type in {"duration", "set"} or not v[:4].isdigit():
        return None
    return v[:10] if len(v) >= 10 and v[4] == "-" else v
