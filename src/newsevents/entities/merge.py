"""Merge name mentions into in-document entities with a canonical (fullest) name."""

from __future__ import annotations

import re
from functools import lru_cache

from ..schema import Document, Entity, Mention
from . import lexicons as lx
from .mentions import PLACE_LABELS, RawMention

_THE = re.compile(r"^(the|The)\s+")
_THE_ANY_CASE = re.compile(r"^the\s+", flags=re.I)
_DOTS_SPACES = re.compile(r"[.\s]+")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    t = _THE.sub("", text)
    return _DOTS_SPACES.sub(" ", t).strip().lower()


@lru_cache(maxsize=16384)
def _tokens(text: str) -> tuple[str, ...]:
    """Words of a name, memoised: the grouping compares every mention with every group's longest name."""
    return tuple(w for w in _SPACES.split(text.replace("-", " ")) if w)


def _acronym(text: str) -> str:
    return "".join(w[0] for w in _tokens(text) if w[:1].isupper())


def _group_type(label: str) -> str:
    return "GPE" if label in ("GPE",) else label


class _Group:
    def __init__(self, m: RawMention):
        self.label = m.label
        self.members: list[RawMention] = [m]
        self._longest: tuple[int, RawMention] | None = None

    @property
    def longest(self) -> RawMention:
        """Recomputed only when a member was added: `_find_person`/`_find_org` ask it of every group."""
        if self._longest is None or self._longest[0] != len(self.members):
            best = max(self.members, key=lambda m: (len(_tokens(m.text)), not m.text.isupper(), len(m.text), -m.start))
            self._longest = (len(self.members), best)
        return self._longest[1]


def merge_mentions(raw: list[RawMention], doc: Document) -> list[Entity]:
    aliases = lx.aliases()
    groups: list[_Group] = []
    by_key: dict[tuple[str, str], _Group] = {}

    def canonical_key(m: RawMention) -> tuple[str, str]:
        label = "PLACE" if m.label in PLACE_LABELS else m.label
        if m.label == "NORP" and m.nationality:
            return ("NORP", m.nationality)
        al = aliases.get(m.text) or aliases.get(_THE_ANY_CASE.sub("", m.text))
        if al and (al[1] == "GPE") == (label == "PLACE"):
            return (label, _key(al[0]))
        return (label, _key(m.text))

    # Longest names first, so short forms can find the full name they abbreviate.
    order = sorted(raw, key=lambda m: (-len(_tokens(m.text)), m.start))
    for m in order:
        key = canonical_key(m)
        g = by_key.get(key)
        if g is None and m.label == "PERSON":
            g = _find_person(m, groups)
        if g is None and m.label == "ORG":
            g = _find_org(m, groups)
        if g is None and m.label in PLACE_LABELS:
            g = _find_misspelt_place(m, groups)
        if g is None:
            g = _Group(m)
            groups.append(g)
        else:
            g.members.append(m)
        by_key.setdefault(key, g)

    entities: list[Entity] = []
    for g in groups:
        best = g.longest
        if g.label in PLACE_LABELS:
            known = [m for m in g.members if lx.place_names().get(m.text)]
            best = max(known, key=lambda m: (not m.text.isupper(), len(m.text))) if known else best
        name = best.text
        if g.label in PLACE_LABELS or g.label == "ORG":
            al = aliases.get(name)
            name = al[0] if al else name
            if name.isupper() and len(name) > 4 and g.label in PLACE_LABELS:
                name = name.title()
        etype = _group_type(g.label)
        labels = {m.label for m in g.members}
        if etype in PLACE_LABELS and "GPE" in labels:
            etype = "GPE"
        mentions = sorted({(m.start, m.end): m for m in g.members}.values(), key=lambda m: m.start)
        titles: list[str] = []
        nationality = None
        gender = None
        for m in mentions:
            for t in m.titles:
                if t and t not in titles:
                    titles.append(t)
            nationality = nationality or m.nationality
            gender = gender or m.gender
        surface = sorted({m.text for m in mentions} - {name})
        entities.append(
            Entity(
                id="",
                name=name,
                type=etype,
                mentions=[Mention(start=m.start, end=m.end, text=doc.text[m.start : m.end]) for m in mentions],
                aliases=surface,
                titles=titles,
                nationality=nationality,
                gender=gender,
                attrs={"evidence": sorted({m.evidence for m in mentions if m.evidence})} if any(m.evidence for m in mentions) else {},
            )
        )
    return entities


def _find_person(m: RawMention, groups: list[_Group]) -> _Group | None:
    """'Perez' -> 'Ledy Perez'; 'Lopez Obrador' -> 'Andres Manuel Lopez Obrador'; nearest earlier first."""
    toks = _tokens(m.text)
    best, best_dist = None, None
    for g in groups:
        if g.label != "PERSON":
            continue
        full = _tokens(g.longest.text)
        if len(full) <= len(toks):
            continue
        n = len(toks)
        tail = full[-n:] == toks
        head = n == 1 and full[0] == toks[0]
        if not (tail or head):
            continue
        first_start = min(x.start for x in g.members)
        dist = m.start - first_start if first_start <= m.start else 10**9 + first_start - m.start
        if best_dist is None or dist < best_dist:
            best, best_dist = g, dist
    return best


def _find_org(m: RawMention, groups: list[_Group]) -> _Group | None:
    """'National Guard' -> 'Mexican National Guard'; 'IOM' -> 'International Organization for Migration'."""
    toks = _tokens(_strip_the(m.text))
    for g in groups:
        if g.label != "ORG":
            continue
        full = _tokens(_strip_the(g.longest.text))
        if len(full) > len(toks) and full[-len(toks):] == toks and len(toks) >= 2:
            extra = full[: len(full) - len(toks)]
            if all(lx.demonyms().get(w) or lx.place_names().get(w) or lx.aliases().get(w) for w in extra):
                return g
        if m.text.isupper() and len(m.text) >= 2 and _acronym(g.longest.text) == m.text.replace(".", ""):
            return g
    return None


def _strip_the(text: str) -> str:
    return _THE.sub("", text)


def _edit_distance(a: str, b: str, cap: int = 3) -> int:
    """Levenshtein distance, giving up (returning cap) once it is clearly large."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) >= cap:
            return cap
        prev = cur
    return prev[-1]


def _find_misspelt_place(m: RawMention, groups: list[_Group]) -> _Group | None:
    """'Cuidad Juarez' is 'Ciudad Juarez' when both are in one story: same place, two spellings."""
    key = _key(m.text)
    if len(key) < 7:
        return None
    for g in groups:
        if g.label not in PLACE_LABELS:
            continue
        other = _key(g.longest.text)
        if other[:1] == key[:1] and len(other) >= 7 and _edit_distance(key, other) <= 2:
            return g
    return None
