"""Collect name mentions from spaCy's NER and repair the mistakes it makes on news."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..nlp import token_table
from ..schema import Document
from . import lexicons as lx

KEEP = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_BIG_PLACES = ("country", "admin1", "continent")
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# tokens we trim from the edges of a name
_DETERMINERS = {"the", "a", "an", "this", "that"}
_CONNECTORS = {"of", "and", "for", "de", "del", "la", "el", "du", "des", "da", "do", "dos", "van", "von", "bin", "al", "on", "&"}
_QUALIFIERS = {"former", "current", "then", "acting", "deputy", "vice", "late", "new", "incoming", "outgoing", "ex"}
_LOCATIVE_PREPS = {"in", "at", "near", "from", "into", "towards", "toward", "outside", "via", "through", "across", "inside", "around"}
_LOCATIVE_NOUNS = {"city", "town", "village", "island", "port", "province", "region", "state", "district", "capital", "county", "camp", "border", "area", "municipality", "suburb", "outskirts"}
_MOVE_VERBS = {"flee", "reach", "enter", "visit", "leave"}
_MALE = {"mr.", "mr", "sir", "lord", "king", "prince", "father", "congressman", "spokesman", "chairman", "man", "husband", "son", "brother", "boy", "businessman", "sheikh", "emir", "sultan"}
_FEMALE = {"mrs.", "mrs", "ms.", "ms", "miss", "queen", "princess", "lady", "dame", "sister", "congresswoman", "spokeswoman", "chairwoman", "woman", "wife", "mother", "daughter", "girl", "businesswoman", "grandmother"}


@dataclass
class RawMention:
    start: int  # char offsets
    end: int
    i: int  # token offsets
    j: int
    label: str
    text: str
    nationality: str | None = None
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    evidence: str = ""


def _demonym(text: str) -> str | None:
    if lx.place_names().get(text) == "country":  # "Myanmar" is a country before it is a demonym
        return None
    dem = lx.demonyms()
    return dem.get(text) or dem.get(text.title())


def collect_mentions(doc: Document) -> list[RawMention]:
    sp = doc.nlp
    raw: list[RawMention] = []
    for label, _, _, start, end in token_table(sp).ents():  # (no spaCy Span per entity; later stages reuse them)
        if label not in KEEP:
            continue
        m = _trim(sp, start, end, label)
        if m is not None:
            raw.append(m)
    raw = _merge_split_orgs(sp, raw)
    raw = _add_missed_names(sp, raw)
    for m in raw:
        _relabel(sp, m)
    _document_consistency(sp, raw)
    raw = [m for m in raw if m.label != "DROP"]
    for m in raw:
        if m.label == "PERSON":
            _person_context(sp, m)
    return raw


def _trim(sp, i: int, j: int, label: str) -> RawMention | None:
    """Drop determiners, titles, possessives and stray lower-case words from a name's edges."""
    titles: list[str] = []
    while i < j and sp[i].lower_ in _DETERMINERS:
        i += 1
    while j > i and (sp[j - 1].text in ("'s", "\u2019s", "'", "\u2019") or sp[j - 1].is_punct and sp[j - 1].text not in (".",)):
        j -= 1
    while j > i and sp[j - 1].is_lower and sp[j - 1].lower_ not in _CONNECTORS:
        j -= 1
    if label == "PERSON":
        # "President Trump", "Foreign Minister Ana Lopez", "former Mexican President Felipe Calderon"
        changed = True
        while changed and j - i > 1:
            changed = False
            for k in (3, 2, 1):
                if j - i > k:
                    phrase = " ".join(t.lower_ for t in sp[i : i + k])
                    if phrase in lx.titles() or phrase in _QUALIFIERS or (k == 1 and _demonym(sp[i].text)):
                        titles.append(sp[i : i + k].text)
                        i += k
                        changed = True
                        break
    while i < j and sp[i].is_lower and sp[i].lower_ not in _CONNECTORS and label != "NORP":
        i += 1
    if i >= j:
        return None
    span = sp[i:j]
    text = span.text
    if not any(c.isalpha() for c in text):
        return None
    return RawMention(span.start_char, span.end_char, i, j, label, text, titles=[t for t in titles if t.lower() not in _QUALIFIERS])


def _merge_split_orgs(sp, raw: list[RawMention]) -> list[RawMention]:
    """'U.S. Customs' + 'and' + 'Border Protection' -> one organisation."""
    out: list[RawMention] = []
    for m in raw:
        if out:
            prev = out[-1]
            between = sp[prev.j : m.i]
            if (
                prev.label in ("ORG", "GPE")
                and len(between) == 1
                and between[0].lower_ in ("and", "&")
                and sp[m.j - 1].lower_ in lx.org_heads()
                and sp[prev.j - 1].text[:1].isupper()
            ):
                out[-1] = RawMention(prev.start, m.end, prev.i, m.j, "ORG", sp[prev.i : m.j].text)
                continue
        out.append(m)
    return out


def _add_missed_names(sp, raw: list[RawMention]) -> list[RawMention]:
    """Recall for names the model missed: 'Foreign Minister Ana Torres', then a bare 'Torres' later."""
    tt = token_table(sp)
    n = len(tt.text)
    covered = [False] * (n + 1)
    for m in raw:
        for k in range(m.i, m.j):
            covered[k] = True
    titles = lx.titles()
    added: list[RawMention] = []
    for k in range(n - 1):
        if tt.lower[k] not in titles or not tt.text[k][:1].isupper() or covered[k + 1] or covered[k]:
            continue
        e = k + 1
        while e < n and not covered[e] and tt.pos[e] == "PROPN" and tt.text[e][:1].isupper() and tt.lower[e] not in titles:
            e += 1
        if e > k + 1 and tt.ent_type[e - 1] not in ("DATE", "TIME"):
            span = sp[k + 1 : e]
            added.append(RawMention(span.start_char, span.end_char, k + 1, e, "PERSON", span.text, evidence="name after a title"))
            for x in range(k + 1, e):
                covered[x] = True
    surnames = {
        tt.text[m.j - 1] for m in raw + added
        if m.label == "PERSON" and m.j - m.i >= 2 and tt.lower[m.j - 1] not in lx.org_heads()
        and tt.lower[m.i] not in lx.place_prefixes()
    }
    if surnames:
        for i, word in enumerate(tt.text):
            if word in surnames and not covered[i] and tt.pos[i] == "PROPN":
                added.append(RawMention(tt.idx[i], tt.idx[i] + len(word), i, i + 1, "PERSON", word, evidence="surname of a person"))
    return sorted(raw + added, key=lambda m: m.start)


def _is_locative(sp, m: RawMention) -> bool:
    """Is this mention used as a place: 'in X', 'island of X', 'X, Texas', 'fled X'?"""
    if m.i > 0:
        prev = sp[m.i - 1]
        if prev.lower_ in _LOCATIVE_PREPS:
            return True
        if prev.lower_ == "of" and m.i > 1 and sp[m.i - 2].lower_ in _LOCATIVE_NOUNS:
            return True
    if m.j + 1 < len(sp) and sp[m.j].text == "," and lx.place_names().get(sp[m.j + 1 : m.j + 3].text) in ("admin1", "country") or (
        m.j + 1 < len(sp) and sp[m.j].text == "," and lx.place_names().get(sp[m.j + 1].text) in ("admin1", "country")
    ):
        return True
    root = sp[m.j - 1]
    if root.dep_ in ("dobj", "obj") and root.head.lemma_ in _MOVE_VERBS:
        return True
    return False


def _relabel(sp, m: RawMention) -> None:
    first = sp[m.i]
    last = sp[m.j - 1]
    dem = _demonym(m.text)
    if dem and m.label in ("GPE", "ORG", "NORP", "PERSON", "LOC"):
        m.label, m.nationality, m.evidence = "NORP", dem, "demonym"
        return
    if m.j - m.i > 1 and _demonym(first.text):
        m.nationality = _demonym(first.text)
    if m.label == "PERSON":
        if last.lower_ in lx.org_heads() and m.j - m.i >= 1 and not (m.j - m.i == 1 and last.lower_ in lx.titles()):
            m.label, m.evidence = "ORG", "organisation head noun"
            return
        if m.j - m.i >= 2 and first.lower_ in lx.place_prefixes():
            m.label, m.evidence = "GPE", "place-name prefix"
            return
    kind = lx.place_names().get(m.text)
    if m.label in ("PERSON", "ORG") and kind in ("country", "admin1", "continent"):
        m.label, m.evidence = "GPE", f"known {kind}"
        return
    if m.label == "ORG" and m.j - m.i == 1 and first.tag_ == "NNS":
        m.label, m.evidence = "DROP", "plural common noun"
        return
    if m.label in ("PERSON", "ORG") and _is_locative(sp, m) and (kind == "city" or (kind and m.label == "PERSON") or (m.j - m.i == 1 and m.label == "PERSON")):
        m.label, m.evidence = "GPE", "used as a place"
        return
    if m.label == "ORG" and m.i > 0 and sp[m.i - 1].lower_ in lx.titles() and sp[m.i - 1].text[:1].isupper():
        m.label, m.evidence = "PERSON", "title before name"


def _acts_as_person(sp, m: RawMention) -> bool:
    """A name that says things or has an administration, a lawyer or supporters is a person, even when a
    town somewhere bears it ("Obama said", "the Obama administration", "supporters of Obama")."""
    tok = sp[m.j - 1]
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in lx.speech_verbs():
        return True
    if tok.dep_ in ("compound", "poss") and head.lower_ in lx.person_heads():
        return True
    return tok.dep_ == "pobj" and head.head.lower_ in lx.person_heads()


def _document_consistency(sp, raw: list[RawMention]) -> None:
    """One name, one type: a name our rules saw used as a place is a place everywhere, a surname of a
    full name is a person, and otherwise the label most mentions of the name got wins."""
    person_tokens: set[str] = set()
    for m in raw:
        if m.label == "PERSON" and m.j - m.i >= 2:
            person_tokens.update(t.text for t in sp[m.i : m.j])
    ruled_places = {m.text for m in raw if m.label in PLACE_LABELS and m.evidence}
    said_or_owned = {m.text for m in raw if m.label == "PERSON" and _acts_as_person(sp, m)}
    votes: dict[str, dict[str, int]] = {}
    for m in raw:
        if m.label in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            lab = "PLACE" if m.label in PLACE_LABELS else m.label
            v = votes.setdefault(m.text, {})
            v[lab] = v.get(lab, 0) + 1
    for m in raw:
        if m.label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            continue
        single = m.j - m.i == 1
        if (m.label == "PERSON" and single and m.text not in person_tokens and m.text not in said_or_owned
                and lx.place_names().get(m.text) == "city"):
            m.label, m.evidence = "GPE", "known place, not a surname here"
            continue
        if m.label in ("PERSON", "ORG") and m.text in ruled_places and m.text not in person_tokens:
            m.label, m.evidence = "GPE", m.evidence or "same name used as a place"
            continue
        if m.label != "PERSON" and m.j - m.i <= 2 and m.text in person_tokens and lx.place_names().get(m.text) not in _BIG_PLACES:
            m.label, m.evidence = "PERSON", "surname of a person"
            continue
        v = votes[m.text]
        lab = "PLACE" if m.label in PLACE_LABELS else m.label
        best = max(v, key=lambda k: v[k])
        if best != lab and v[best] > v.get(lab, 0) and not m.evidence:
            m.label = {"PLACE": "GPE"}.get(best, best)
            m.evidence = "label most mentions of this name got"


def _person_context(sp, m: RawMention) -> None:
    """Titles before the name and in apposition; nationality; grammatical gender where stated."""
    k = m.i
    words: list[str] = []
    while k > 0 and k > m.i - 5:
        t = sp[k - 1]
        low = t.lower_
        if low in lx.titles() or low in _QUALIFIERS or (_demonym(t.text) and t.text[:1].isupper()) or (
            t.text[:1].isupper() and k - 2 >= 0 and f"{sp[k - 2].lower_} {low}" in lx.titles()
        ):
            words.insert(0, t.text)
            if _demonym(t.text) and not m.nationality:
                m.nationality = _demonym(t.text)
            k -= 1
            continue
        break
    title = " ".join(w for w in words if not _demonym(w) and w.lower() not in _QUALIFIERS)
    if title:
        m.titles.append(title)
    root = sp[m.j - 1]
    for child in root.children:
        if child.dep_ == "appos" and child.i >= m.j:
            nat = None
            parts: list[str] = []
            for t in child.subtree:
                if t.dep_ == "prep" or t.i > child.i:
                    if t.i > child.i:
                        break
                if _demonym(t.text) and t.text[:1].isupper():
                    nat = nat or _demonym(t.text)
                elif t.pos_ in ("NOUN", "PROPN") and not t.ent_type_:
                    parts.append(t.lower_)
            phrase = " ".join(parts)
            if phrase:
                m.titles.append(phrase)
            if nat and not m.nationality:
                m.nationality = nat
    for t in m.titles:
        for w in t.lower().split():
            if w in _MALE:
                m.gender = "male"
            elif w in _FEMALE:
                m.gender = "female"
