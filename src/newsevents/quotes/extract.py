"""Direct, indirect and mixed quotes with speaker, cue and addressee, from the spaCy parse.

Direct quotes come from quote-mark pairing (marks.py); each one looks for its cue verb in the frame
after its closing mark ("…," Novak said), before its opening mark (Novak said: "…"), in a
paragraph ending with a colon, or inherits the speaker of the quote it continues. Indirect quotes are
speech verbs with a clausal complement ("said he caught …"), a parenthetical cue at the end of the
sentence ("…, sources said") or "according to X". A clause that is only partly inside quote marks is
one mixed quote. Speakers are linked to entities through `Document.entity_at`; a pronoun the
coreference did not cover falls back to the nearest earlier person, and a speaker with no entity is
kept as a description ("Chilean foreign ministry representative").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..schema import Document, Entity, Quote, Ref, Span
from .lexicon import ADDRESSEE_VERBS, speech_lemmas
from .marks import Segment, find_segments

_SUBJ = ("nsubj", "nsubjpass", "csubj")
_NP_LEFT = {"compound", "det", "amod", "poss", "nmod", "nummod", "flat", "case", "quantmod", "advmod"}
_PRONOUNS = {"he": "male", "him": "male", "she": "female", "her": "female"}
_DETS = ("a ", "an ", "the ")
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"})
_END = {".", "!", "?"}
# cues that introduce a direct quote ('"…," he continued') but too often mean something else with a
# clause or object ("continue to fight", "post a win", "counter threats")
_DIRECT_ONLY = frozenset({"continue", "counter", "boast", "post", "snap", "muse", "wonder"})
# verbs whose direct object is not what was said ("told the BBC", "asked the court", "added a line")
_NO_OBJECT_CONTENT = frozenset({"say", "tell", "ask", "add", "inform", "remind", "assure", "reassure", "continue",
                                "answer", "write", "post", "tweet", "warn", "urge", "advise"})


@dataclass
class Attribution:
    cue: Any = None  # spaCy Token (or the "according" token)
    speaker: Any = None  # spaCy Token: head of the speaker phrase
    addressee: Any = None
    inherited: bool = False
    extra: dict = field(default_factory=dict)


def _span(doc: Document, a: int, b: int) -> Span:
    return Span(start=a, end=b, text=doc.text[a:b])


def _tok_end(t: Any) -> int:
    return t.idx + len(t.text)


class _Context:
    """Per-document lookups: which characters are quoted, paragraph bounds."""

    def __init__(self, doc: Document, segs: list[Segment]) -> None:
        self.doc = doc
        self.text = doc.text
        self.nlp = doc.nlp
        self.segs = segs
        self.quoted = [(s.open_mark, (s.close_mark + 1) if s.close_mark is not None else s.end) for s in segs]
        self.mask = bytearray(len(self.text) + 1)
        for a, b in self.quoted:
            self.mask[a:b] = b"\x01" * (b - a)
        from spacy.attrs import IDX, LEMMA, LOWER

        arr = self.nlp.to_array([IDX, LEMMA, LOWER])
        self.starts = arr[:, 0].tolist()
        strings = self.nlp.vocab.strings
        wanted = {strings.add(w) for w in (*speech_lemmas(), "according")}
        # only tokens whose lemma or form could be a cue are ever materialised
        self.cue_set: set[int] = set()
        self.candidates = [
            i for i, (lem, low) in enumerate(zip(arr[:, 1].tolist(), arr[:, 2].tolist(), strict=True))
            if lem in wanted or low in wanted
        ]
        self.cue_set = set(self.candidates)
        self.speech = speech_lemmas()
        self._ent_tok: list[Any] | None = None

    def entity_of(self, tok: Any) -> Any:
        """`Document.entity_at(tok.idx, end of tok)` for a token, from a per-token table built on first use:
        the document's method scans every mention of every entity on each call."""
        if self._ent_tok is None:
            n = len(self.starts)
            ent_tok: list[Any] = [None] * n
            best = [1 << 30] * n
            from spacy.attrs import LENGTH

            lengths = self.nlp.to_array([LENGTH]).reshape(-1).tolist() if n else []
            ends = [a + k for a, k in zip(self.starts, lengths, strict=True)]
            for ent in self.doc.entities:
                for m in ent.mentions:
                    size = m.end - m.start
                    lo = max(0, bisect_right(self.starts, m.start) - 1)
                    for i in range(lo, min(bisect_left(self.starts, m.end), n)):
                        # the same test and tie-break as `Document.entity_at`: tightest, first found
                        if size < best[i] and self.starts[i] < m.end and m.start < ends[i]:
                            best[i], ent_tok[i] = size, ent
            self._ent_tok = ent_tok
        return self._ent_tok[tok.i]

    def in_quote(self, pos: int) -> bool:
        return bool(self.mask[pos]) if 0 <= pos < len(self.mask) else False

    def para_bounds(self, pos: int) -> tuple[int, int]:
        a = self.text.rfind("\n", 0, pos) + 1
        b = self.text.find("\n", pos)
        return a, (len(self.text) if b < 0 else b)

    def is_cue(self, t: Any) -> bool:
        return t.lemma_.lower() in self.speech and t.pos_ in ("VERB", "AUX") and not self.in_quote(t.idx)

    def tok_at(self, pos: int) -> int:
        """Index of the token covering (or starting after) character `pos`."""
        i = bisect_left(self.starts, pos)
        if i < len(self.starts) and self.starts[i] == pos:
            return i
        return max(0, min(i - 1, len(self.starts) - 1))

    def tokens_between(self, a: int, b: int) -> list[Any]:
        i = bisect_left(self.starts, a)
        out = []
        while i < len(self.starts) and self.starts[i] < b:
            t = self.nlp[i]
            if _tok_end(t) <= b:
                out.append(t)
            i += 1
        return out


# --- speakers -------------------------------------------------------------------------------------


def _subject(cue: Any, ctx: _Context) -> Any:
    """The speaker head of a cue verb, with relative pronouns replaced by what they refer to."""
    s = _raw_subject(cue, ctx)
    if s is None:
        return None
    if s.ent_type_ == "TIME":  # "5:50 p.m. — Sanders conceding …": a live-blog stamp, not a speaker
        return None
    return s


def _raw_subject(cue: Any, ctx: _Context) -> Any:
    """The speaker head of a cue verb: its subject, an inverted subject, or the pobj of "according to"."""
    if cue.lower_ == "according":
        for c in cue.children:
            if c.lower_ == "to":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p
        return None
    v = cue
    para = ctx.para_bounds(cue.idx)
    for depth in range(3):
        for c in v.children:
            if c.dep_ in _SUBJ and not ctx.in_quote(c.idx):
                return c
        if depth == 0:  # a name right before the verb, whatever the parser made of it
            k = cue.i - 1
            while k >= 0 and cue.doc[k].dep_ in ("advmod", "aux", "neg") and cue.doc[k].pos_ != "PUNCT":
                k -= 1
            left = cue.doc[k] if k >= 0 else None
            if (
                left is not None
                and left.pos_ in ("PROPN", "NOUN", "PRON")
                and left.dep_ not in ("pobj", "dobj", "poss", "compound")
                and left.idx >= para[0]
                and not ctx.in_quote(left.idx)
            ):
                return left
        h = v.head
        if h is v or ctx.para_bounds(h.idx) != para:
            break
        if v.dep_ == "acl" and h.pos_ in ("NOUN", "PROPN") and depth == 0:  # "calls saying …"
            return h
        if v.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep"):  # "After saying …, the man …"
            v = h
            continue
        break
    if cue.lemma_.lower() not in ADDRESSEE_VERBS:  # "said Novak" parsed without nsubj
        for c in cue.rights:
            if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "nsubj") and c.pos_ in ("PROPN", "NOUN", "PRON"):
                if not ctx.in_quote(c.idx) and c.ent_type_ not in _NOT_SPEAKERS:
                    return c
    # "Kasich offered the man a job, then says he'll …": the nearest subject earlier in the sentence
    sent_start = max(cue.sent.start, 0)
    for k in range(cue.i - 1, sent_start - 1, -1):
        t = cue.doc[k]
        if t.dep_ == "nsubj" and t.idx >= para[0] and not ctx.in_quote(t.idx) and t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t
    return None


def _addressee(cue: Any, ctx: _Context) -> Any:
    if cue.lower_ == "according":
        return None
    lemma = cue.lemma_.lower()
    for c in cue.children:
        if ctx.in_quote(c.idx):
            continue
        if c.dep_ in ("dobj", "dative") and lemma in ADDRESSEE_VERBS and c.pos_ in ("PROPN", "NOUN", "PRON"):
            return c
        if c.dep_ in ("prep", "dative") and c.lower_ == "to" and lemma in ("say", "explain", "write", "add"):
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def _np_bounds(head: Any) -> tuple[int, int]:
    """Character bounds of the noun phrase around `head`: left modifiers, and a following "of/for" phrase
    for common nouns ("a spokesman for the ministry"), never appositions or clauses."""
    left = head
    for c in head.lefts:
        if c.dep_ in _NP_LEFT and c.pos_ != "PUNCT":
            left = min(left, c.left_edge, key=lambda t: t.i)
    right = head
    if head.pos_ == "NOUN":
        for c in head.rights:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "in", "with") and c.i == right.i + 1:
                right = c.right_edge
    # trailing compound tokens of names ("Lopez Obrador" as head + right compound) are already covered
    start = left.idx
    end = _tok_end(right)
    return start, end


def _nearest_person(doc: Document, pos: int, gender: str | None) -> tuple[Entity | None, str | None]:
    """The closest earlier person: a fallback for pronouns the coreference stage left unresolved."""
    best: tuple[int, Entity | None, str | None] = (-1, None, None)
    for ent in doc.entities:
        if ent.type != "PERSON" or (gender and ent.gender and ent.gender != gender):
            continue
        for m in ent.mentions:
            if m.kind != "pronoun" and m.end <= pos and m.start > best[0]:
                best = (m.start, ent, ent.name)
    if best[1] is None and not doc.entities and doc.nlp is not None:
        for e in doc.nlp.ents:
            if e.label_ == "PERSON" and e.end_char <= pos and e.start_char > best[0]:
                best = (e.start_char, None, e.text)
    return best[1], best[2]


def _strip_det(s: str) -> str:
    low = s.lower()
    for d in _DETS:
        if low.startswith(d):
            return s[len(d) :]
    return s


def _ref(tok: Any, ctx: _Context) -> tuple[Ref | None, Span | None]:
    """Speaker/addressee Ref and the surface span it was read from."""
    if tok is None:
        return None, None
    doc = ctx.doc
    if tok.lower_ in ("who", "that", "which") and tok.head.dep_ == "relcl" and tok.head.head is not tok:
        # "voters who said …": the span says "who", the speaker is the noun it refers to
        ref, _ = _ref(tok.head.head, ctx)
        surface = _span(doc, tok.idx, _tok_end(tok))
        if ref is not None:
            ref = Ref(entity=ref.entity, name=ref.name, start=surface.start, end=surface.end)
        return ref, surface
    a, b = _np_bounds(tok)
    surface = _span(doc, a, b)
    ent = ctx.entity_of(tok) if doc.entities else None
    if ent is None and tok.pos_ in ("NOUN",):  # "a spokesman, John Smith," -> the apposed name
        for c in tok.rights:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                ent = ctx.entity_of(c) if doc.entities else None
                if ent is not None:
                    break
    if ent is not None:
        return Ref(entity=ent.id, name=ent.name, start=a, end=b), surface
    if tok.pos_ == "PRON":
        low = tok.lower_
        if low in _PRONOUNS:
            pent, pname = _nearest_person(doc, tok.idx, _PRONOUNS[low])
            if pname:
                return Ref(entity=pent.id if pent else None, name=pname, start=a, end=b), surface
        return None, surface
    if tok.pos_ == "PROPN" and doc.nlp is not None:
        for e in doc.nlp.ents:
            if e.start_char <= tok.idx < e.end_char:
                return Ref(entity=None, name=e.text, start=e.start_char, end=e.end_char), _span(
                    doc, e.start_char, e.end_char
                )
    name = _strip_det(surface.text).strip()
    return (Ref(entity=None, name=name, start=a, end=b) if name else None), surface


# --- direct quotes --------------------------------------------------------------------------------


def _cue_after(seg: Segment, nxt: Segment | None, ctx: _Context) -> Any:
    """A cue in the stretch after the closing mark: '…," Novak said.' / '…" to her son, N. said.'"""
    if seg.close_mark is None:
        return None
    inner = ctx.text[seg.start : seg.end]
    a = seg.close_mark + 1
    _, pb = ctx.para_bounds(a)
    b = min(pb, nxt.open_mark if nxt is not None else pb)
    toks = ctx.tokens_between(a, b)
    if not toks:
        return None
    if inner and inner[-1] in ".!?" and not toks[0].is_lower and toks[0].pos_ != "PRON":
        return None  # the quote ended its sentence and a new sentence begins
    for t in toks:
        if t.text in _END and t.i > toks[0].i:
            break
        if ctx.is_cue(t) and _subject(t, ctx) is not None:
            return t
        if t.lower_ == "according":
            return t
    return None


def _cue_prev_sentence(seg: Segment, prev: Segment | None, ctx: _Context) -> Any:
    """'Viguerie told Breitbart News. "He's what we waited for."': a cue with no report of its own in
    the sentence just before the quote (same paragraph, or the end of the previous one)."""
    pa, _ = ctx.para_bounds(seg.open_mark)
    a = pa
    if prev is not None and prev.close_mark is not None and prev.close_mark >= pa:
        return None  # another quote sits between: inheritance handles that
    toks = ctx.tokens_between(a, seg.open_mark)
    if not toks and seg.open_mark == pa and pa > 1:
        ppa, ppb = ctx.para_bounds(max(0, pa - 2))
        if prev is not None and prev.open_mark >= ppa:
            return None
        toks = ctx.tokens_between(ppa, ppb)
    while toks and toks[-1].is_space:
        toks.pop()
    if not toks or toks[-1].text not in _END:
        return None
    for k in range(len(toks) - 2, -1, -1):
        if toks[k].text in _END:
            toks = toks[k + 1 :]
            break
    for t in toks:
        content_deps = ("ccomp", "xcomp") if t.lemma_.lower() in ADDRESSEE_VERBS else ("ccomp", "xcomp", "dobj")
        if ctx.is_cue(t) and not any(c.dep_ in content_deps and c.i > t.i for c in t.children):
            if _subject(t, ctx) is not None:
                return t
    return None


def _cue_before(seg: Segment, prev: Segment | None, ctx: _Context) -> Any:
    """A cue just before the opening mark: 'Novak said: "…' / 'He added, "…'."""
    pa, _ = ctx.para_bounds(seg.open_mark)
    a = pa
    if prev is not None and prev.close_mark is not None and prev.close_mark >= pa:
        a = prev.close_mark + 1
    toks = ctx.tokens_between(a, seg.open_mark)
    if not toks and seg.open_mark == pa and pa > 1:
        # previous paragraph ending in a colon: 'Cruz continued:\n\n"…'
        ppa, ppb = ctx.para_bounds(max(0, pa - 2))
        stripped = ctx.text[ppa:ppb].rstrip()
        if stripped.endswith(":") or stripped.endswith(","):
            toks = ctx.tokens_between(ppa, ppb)
    if not toks or toks[-1].text in _END:
        return None  # a sentence ended before the quote opened: it is not this sentence's cue
    # only the last sentence before the quote
    for k in range(len(toks) - 1, -1, -1):
        if toks[k].text in _END and k < len(toks) - 1:
            toks = toks[k + 1 :]
            break
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        tail = [x for x in toks[k + 1 :] if not x.is_punct and x.lower_ not in ("that", "this", "simply", "then")]
        if len(tail) > 2:
            continue
        if ctx.is_cue(t):
            return t
        if t.lower_ == "according":
            return t
    if toks and toks[-1].text == ":":  # "Mr. Smith: '…'" and "In a statement, the ministry: …"
        for t in reversed(toks[:-1]):
            if ctx.is_cue(t):
                return t
    return None


# --- indirect quotes ------------------------------------------------------------------------------


def _content_of(cue: Any, ctx: _Context) -> tuple[int, int] | None:
    """Character span of what a speech verb reports, or None."""
    if cue.lower_ == "according":
        sent = cue.sent
        a, b = cue.left_edge.i, cue.right_edge.i
        left = [t for t in sent if t.i < a and not t.is_punct]
        right = [t for t in sent if t.i > b and not t.is_punct]
        side = right if len(right) >= len(left) else left
        if len(side) < 3:
            return None
        return side[0].idx, _tok_end(side[-1])
    comps = [c for c in cue.children if c.dep_ == "ccomp"]
    if comps:
        lo = min((c.left_edge for c in comps), key=lambda t: t.i)
        hi = max((c.right_edge for c in comps), key=lambda t: t.i)
        while lo.i < hi.i and (lo.is_punct or lo.lower_ in ("that", "whether")) and lo.lower_ not in "\"“":
            lo = cue.doc[lo.i + 1]
        while hi.i > lo.i and hi.is_punct and hi.text not in "\"”":
            hi = cue.doc[hi.i - 1]
        if hi.i - lo.i < 1:
            return None
        if lo.i > cue.i:
            hi = _extend_to_sentence_end(cue, hi, ctx)
        return lo.idx, _tok_end(hi)
    # "urged him to …", "vowed to …", "announced his resignation", "described X as Y"
    for c in cue.children:
        if c.dep_ == "xcomp" and c.i > cue.i and cue.lemma_.lower() not in ("say", "continue"):
            return c.left_edge.idx, _tok_end(_extend_to_sentence_end(cue, c.right_edge, ctx))
    if cue.lemma_.lower() not in _NO_OBJECT_CONTENT:
        for c in cue.children:
            if c.dep_ == "dobj" and c.i > cue.i and c.pos_ in ("NOUN", "PROPN") and not ctx.in_quote(c.idx):
                last = _extend_to_sentence_end(cue, c.right_edge, ctx)
                for r in cue.rights:  # "described the field as 'all very good'"
                    if r.dep_ == "prep" and r.lower_ == "as" and r.i > last.i:
                        last = r.right_edge
                return c.left_edge.idx, _tok_end(last)
    # 'said … that he may wait …' where the parser hung the clause on a noun
    for t in cue.doc[cue.i + 1 : min(cue.right_edge.i + 1, cue.i + 10)]:
        if t.dep_ in ("relcl", "advcl", "acl") and t.head.i > cue.i:
            marks = [c for c in t.children if c.dep_ == "mark" and c.lower_ == "that" and c.i < t.i]
            if marks and marks[0].i > cue.i:
                return marks[0].idx, _tok_end(t.right_edge)
    # parenthetical cue: "…, sources said." / "…, he says, …" parsed with the cue as a dependent
    if cue.dep_ in ("parataxis", "advcl", "conj", "ccomp") and cue.i > cue.head.i:
        if not any(c.dep_ in _SUBJ for c in cue.children):
            return None
        sent = cue.sent
        first, last = cue.left_edge, cue.right_edge
        body = [t for t in sent if t.i < first.i]
        while body and (body[-1].is_punct or body[-1].dep_ == "cc"):
            body.pop()
        after = [t for t in sent if t.i > last.i and not t.is_punct]
        if len(body) < 3:
            return None
        if after:  # mid-sentence: the report is the whole sentence around the cue
            return body[0].idx, _tok_end(after[-1])
        return body[0].idx, _tok_end(body[-1])
    return None


def _clip(ctx: _Context, cue: Any, a: int, b: int) -> tuple[int, int]:
    """Keep a reported clause inside its cue's paragraph: the parser sometimes runs sentences together
    across a paragraph break."""
    pa, pb = ctx.para_bounds(cue.idx)
    a, b = max(a, pa), min(b, pb)
    text = ctx.text
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-—"):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def _extend_to_sentence_end(cue: Any, hi: Any, ctx: _Context) -> Any:
    """A report runs to the end of its sentence ("said X is 'peanuts,' compared to …", "said X but
    Y"), the parser often hanging the tail on the cue; it stops before another cue ("…, adding that")."""
    doc = cue.doc
    last = hi
    for k in range(hi.i + 1, cue.sent.end):
        t = doc[k]
        if t.text in (";",) or t.text in _END or "\n" in t.text:
            break
        if k in ctx.cue_set and t.lemma_.lower() in ctx.speech:
            break
        if not t.is_punct:
            last = t
    # the closing mark of a quote that ends the report belongs to it
    if last.i + 1 < len(doc) and doc[last.i + 1].text in "\"”" and last is not hi:
        last = doc[last.i + 1]
    return last


def _coverage(a: int, b: int, segs: list[Segment]) -> tuple[float, list[int]]:
    covered, hit = 0, []
    for k, s in enumerate(segs):
        lo, hi = max(a, s.start), min(b, s.end)
        if hi > lo:
            covered += hi - lo
            hit.append(k)
    return covered / max(1, b - a), hit


# --- the stage ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _governing_fn() -> Any:
    """`newsevents.times.governing` when the times stage provides it (looked up once)."""
    try:
        from ..times import governing  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return None
    return governing


def _governing_date(doc: Document, a: int, b: int, inherit: bool = False) -> str | None:
    governing = _governing_fn()
    if governing is None or not doc.times:
        return None
    lo = (doc.text.rfind("\n\n", 0, a) + 1) if inherit else a
    if not any(lo <= t.start and t.end <= b for t in doc.times):
        return None  # nothing dated in reach: skip the syntactic search
    try:
        got = governing(doc, a, b, inherit=inherit) if inherit else governing(doc, a, b)
    except Exception:  # the times stage is optional here: a date is a bonus, never a failure
        return None
    if got is None or isinstance(got, str):
        return got
    return getattr(got, "value", None)


def _quote_date(doc: Document, a: int, b: int, att: Attribution | None) -> str | None:
    """When it was said: a date in the attribution ("said on Monday") first, then one governing the
    attribution's paragraph, and only then one inside the quote itself."""
    if att is not None and att.cue is not None and not att.inherited:
        sent = att.cue.sent
        sa, sb = sent.start_char, sent.end_char
        frame = (max(sa, b), sb) if att.cue.idx >= b else (sa, min(sb, a))
        if frame[1] > frame[0]:
            got = _governing_date(doc, frame[0], frame[1], inherit=True)
            if got:
                return got
    return _governing_date(doc, a, b)


def _make(doc: Document, ctx: _Context, a: int, b: int, kind: str, att: Attribution | None, conf: float) -> Quote:
    speaker = speaker_span = cue = addressee = None
    if att is not None and att.speaker is not None:
        speaker, speaker_span = _ref(att.speaker, ctx)
    if att is not None and att.cue is not None:
        c = att.cue
        ce = _tok_end(c)
        if c.lower_ == "according":
            ce = _tok_end(c.nbor(1)) if c.i + 1 < len(c.doc) else ce
        cue = _span(doc, c.idx, ce)
        if att.addressee is not None:
            addressee, _ = _ref(att.addressee, ctx)
    if speaker is None:
        conf = min(conf, 0.4)
    return Quote(
        start=a,
        end=b,
        text=doc.text[a:b],
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        speaker_span=speaker_span,
        cue=cue,
        addressee=addressee,
        confidence=round(conf, 2),
        date=_quote_date(doc, a, b, att),
    )


def extract_quotes(doc: Document) -> list[Quote]:
    """All quotes of a parsed document, in text order."""
    if doc.nlp is None or not doc.text:
        return []
    segs = find_segments(doc.text)
    ctx = _Context(doc, segs)
    quotes: list[Quote] = []
    absorbed: set[int] = set()
    seg_cues: dict[int, Any] = {}

    # indirect and mixed first: a clause partly in quote marks absorbs its fragments
    seen_cues: set[int] = set()
    for i in ctx.candidates:
        t = ctx.nlp[i]
        is_acc = t.lower_ == "according" and t.i + 1 < len(ctx.nlp) and t.nbor(1).lower_ == "to"
        if not (ctx.is_cue(t) or (is_acc and not ctx.in_quote(t.idx))):
            continue
        if t.lemma_.lower() in _DIRECT_ONLY:
            continue
        span = _content_of(t, ctx)
        if span is None:
            continue
        a, b = _clip(ctx, t, *span)
        if b - a < 2:
            continue
        _cov, hit = _coverage(a, b, segs)
        if hit and ctx.in_quote(a):
            last = segs[hit[-1]]
            tail = ctx.text[(last.close_mark or last.end) + 1 : b].split()
            if not (t.i < ctx.nlp[ctx.tok_at(a)].i and len(tail) >= 3):
                for k in hit:  # the clause is the quote itself: its cue, for the direct pass
                    seg_cues.setdefault(k, t)
                continue
            # 'says "we are not done yet" after the defeat': the report goes on past the quote
            a = min(a, segs[hit[0]].open_mark)
        hit = [k for k in hit if segs[k].open_mark >= a - 1 and segs[k].end <= b + 1]
        subj = _subject(t, ctx)
        if subj is None and not is_acc:
            continue
        kind = "mixed" if hit else "indirect"
        absorbed.update(hit)
        seen_cues.add(t.i)
        att = Attribution(cue=t, speaker=subj, addressee=_addressee(t, ctx))
        quotes.append(_make(doc, ctx, a, b, kind, att, 0.75 if kind == "indirect" else 0.7))

    # direct quotes
    prev_att: Attribution | None = None
    atts: list[Attribution | None] = [None] * len(segs)
    for k, seg in enumerate(segs):
        if k in absorbed:
            continue
        nxt = segs[k + 1] if k + 1 < len(segs) else None
        prev = segs[k - 1] if k > 0 else None
        cue = _cue_after(seg, nxt, ctx) or _cue_before(seg, prev, ctx)
        if cue is None and k in seg_cues:
            cue = seg_cues[k]
        att: Attribution | None = None
        conf = 0.9
        if cue is not None:
            att = Attribution(cue=cue, speaker=_subject(cue, ctx), addressee=_addressee(cue, ctx))
        elif prev_att is not None and prev is not None and (
            seg.continues or ctx.para_bounds(prev.start) == ctx.para_bounds(seg.start) or
            _only_quotes_between(ctx, prev, seg)
        ):
            att = Attribution(cue=prev_att.cue, speaker=prev_att.speaker, addressee=prev_att.addressee, inherited=True)
            conf = 0.7
        if att is None:
            pcue = _cue_prev_sentence(seg, prev, ctx)
            if pcue is not None:
                att = Attribution(cue=pcue, speaker=_subject(pcue, ctx), addressee=_addressee(pcue, ctx))
                conf = 0.6
        atts[k] = att
        if att is None and not _quote_like(ctx, seg):
            continue  # scare quotes and titles: "so-called 'reform'", a book title
        quotes.append(_make(doc, ctx, seg.start, seg.end, "direct", att, conf if att else 0.4))
        prev_att = att if att is not None else None
    # a quote with no cue of its own takes the attribution of the next one in its paragraph
    for q in quotes:
        if q.kind == "direct" and q.speaker is None and q.cue is None:
            for k, seg in enumerate(segs):
                if seg.start == q.start and k + 1 < len(segs) and atts[k + 1] is not None:
                    nseg = segs[k + 1]
                    if ctx.para_bounds(nseg.start) == ctx.para_bounds(seg.start):
                        nq = _make(doc, ctx, q.start, q.end, "direct", atts[k + 1], 0.6)
                        q.speaker, q.speaker_span, q.cue, q.confidence = (
                            nq.speaker, nq.speaker_span, nq.cue, nq.confidence)
    # a fragment of under four words is a scare quote or a title unless it is one piece of a split quote
    shared = {}
    for q in quotes:
        if q.kind == "direct" and q.cue is not None:
            shared[q.cue.start] = shared.get(q.cue.start, 0) + 1
    quotes = [
        q for q in quotes
        if q.kind != "direct"
        or len(q.text.split()) >= 4
        or (q.cue is not None and (shared[q.cue.start] > 1 or q.text[:1].isupper()))
    ]
    quotes.sort(key=lambda q: (q.start, q.end))
    # "she told reporters" with no person entity before it: the speaker of the quote before
    last: Ref | None = None
    for q in quotes:
        if q.speaker is None and q.speaker_span is not None and q.speaker_span.text.lower() in _PRONOUNS and last:
            q.speaker = Ref(entity=last.entity, name=last.name, start=q.speaker_span.start, end=q.speaker_span.end)
            q.confidence = min(q.confidence, 0.6)
        if q.speaker is not None:
            last = q.speaker
    return quotes


def _only_quotes_between(ctx: _Context, prev: Segment, seg: Segment) -> bool:
    """Consecutive quote paragraphs with nothing else between them are one speaker's."""
    if prev.close_mark is None and not seg.continues:
        return False
    gap = ctx.text[(prev.close_mark or prev.end) + 1 : seg.open_mark]
    return gap.strip() == "" and gap.count("\n") <= 2 and ctx.para_bounds(seg.open_mark)[0] == seg.open_mark


def _quote_like(ctx: _Context, seg: Segment) -> bool:
    """A stretch reads like speech (a clause of 4+ words) rather than a scare-quoted phrase, a fragment
    inside someone else's sentence, or a title ("Make America Great Again")."""
    inner = ctx.text[seg.start : seg.end]
    words = inner.split()
    if len(words) < 4:
        return False
    before = ctx.text[ctx.para_bounds(seg.open_mark)[0] : seg.open_mark].rstrip()
    if inner[:1].islower() and before and before[-1] not in ".!?:":
        return False
    long = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    if long and sum(w[0].isupper() for w in long) >= 0.7 * len(long) and len(long) >= 3:
        return False
    toks = ctx.tokens_between(seg.start, seg.end)
    return any(t.pos_ in ("VERB", "AUX") for t in toks)
