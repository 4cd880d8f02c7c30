"""Pronoun coreference without a model: he/she/his/her to a person, they to a group, when one reading wins.

No offline coreference model exists on PyPI, so this is a salience ranker in the spirit of Lappin &
Leass: candidates are person mentions in the same and the two previous sentences; grammatical role,
recency and gender agreement decide. Gender is learned as the document goes: once "she" resolves to
an entity, "he" will not.
"""

from __future__ import annotations

from ..nlp import token_table
from ..schema import Document, Entity, Mention

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PLURAL = {"they", "them", "their", "theirs", "themselves"}
_ROLE = {"nsubj": 3.0, "nsubjpass": 2.5, "agent": 2.2, "pobj": 1.2, "dobj": 1.5, "appos": 1.0, "poss": 0.6, "compound": 0.4}
_SPEECH = {"say", "tell", "add", "write", "state", "claim", "announce", "insist", "maintain", "argue", "note", "explain", "warn"}


def _role_of(tok) -> float:
    dep = tok.dep_
    if dep == "pobj" and tok.head.dep_ == "agent":
        return _ROLE["agent"]
    if dep == "relcl":
        return 1.0
    return _ROLE.get(dep, 0.8)


def resolve_pronouns(doc: Document, entities: list[Entity]) -> None:
    sp = doc.nlp
    if sp is None:
        return
    tt = token_table(sp)
    sent_of = tt.sent
    history: list[tuple[int, int, Entity, float]] = []  # (token i, sentence, entity, role weight)
    # name mentions by their first token; the head (last token) gives the syntactic role
    name_heads: dict[int, tuple[Entity, int]] = {}
    for ent in entities:
        if ent.type not in ("PERSON", "ORG", "NORP", "GPE"):
            continue
        for m in ent.mentions:
            span = sp.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span):
                name_heads[span.start] = (ent, span.end - 1)
    pronoun_set = MALE | FEMALE | PLURAL
    pronouns = [i for i, w in enumerate(tt.lower) if w in pronoun_set and tt.tag[i] in ("PRP", "PRP$")]
    if not pronouns:
        return
    in_quote = _quote_mask(tt)
    events = sorted([(i, 0) for i in name_heads] + [(i, 1) for i in pronouns])
    new_mentions: list[tuple[Entity, Mention]] = []
    for i, kind in events:
        if kind == 0:
            ent, tj = name_heads[i]
            history.append((i, sent_of[i], ent, _role_of(sp[tj])))
            continue
        if in_quote[i]:
            continue
        tok = sp[i]
        low = tt.lower[i]
        si = sent_of[i]
        if low in PLURAL:
            target = _resolve_plural(tok, si, history)
        else:
            gender = "male" if low in MALE else "female"
            target = _resolve_person(tok, si, gender, history)
            if target is not None and target.gender is None:
                target.gender = gender
        if target is None:
            continue
        new_mentions.append((target, Mention(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, kind="pronoun")))
        history.append((i, si, target, _role_of(tok)))
    for ent, m in new_mentions:
        ent.mentions.append(m)


def _resolve_person(tok, si: int, gender: str, history) -> Entity | None:
    best, best_score = None, 0.0
    clause_subj = {c.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")} if tok.dep_ in ("dobj", "pobj") else set()
    for ti, s, ent, role in history:
        if ent.type != "PERSON" or si - s > 2 or s > si:
            continue
        if ent.gender and ent.gender != gender:
            continue
        if ti in clause_subj and not tok.lower_.endswith("self"):
            continue  # "Perez hugged her": her is not Perez
        dist = si - s
        score = role * (1.0 if dist == 0 else 0.6 if dist == 1 else 0.3)
        # recency inside the window breaks ties
        score += 0.001 * ti
        if score > best_score:
            best, best_score = ent, score
    return best


def _resolve_plural(tok, si: int, history) -> Entity | None:
    """Only 'they said' -> the organisation or group that spoke last: other 'they' stay unresolved."""
    if not (tok.dep_ == "nsubj" and tok.head.lemma_ in _SPEECH):
        return None
    for _ti, s, ent, _role in reversed(history):
        if si - s > 1:
            break
        if ent.type in ("ORG", "NORP"):
            return ent
    return None


def _quote_mask(tt) -> list[bool]:
    """True for tokens inside double quotation marks: 'he' in a quote is not the narrator's he."""
    mask = [False] * len(tt.text)
    inside = False
    for i, w in enumerate(tt.text):
        if w in ('"', "\u201c", "\u201d", "``", "''"):
            inside = True if w == "\u201c" else False if w == "\u201d" else not inside
            continue
        if "\n" in w and not w.strip():
            inside = False  # a paragraph break ends a quote; a continued quote reopens with a mark
        mask[i] = inside
    return mask
