"""Turn selected candidates into TIMEX3 values, in text order, against the publication date.

Anchors: "absolute" when the words fix the date on their own ("June 7, 2019"), "publication" when it
was resolved against the publication date, "prev" when against an earlier expression ("that day", a
second "Monday" after "Last Monday"). Without a publication date nothing relative gets a year or a
day: it stays partial (XXXX-06-07, XXXX-WXX-1) or null.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from . import lexicon as lx
from . import rules as R
from .rules import Cand, Norm

_FUTURE_AUX = {"will", "'ll", "\u2019ll", "shall", "would", "wo", "ll"}  # typographic apostrophes too
_COUNTED_THINGS = re.compile(
    r"\b(?:holes?|innings?|laps?|tees?|greens?|putts?|birdie\w*|bogey\w*|par|stages?|rounds?|minutes?|floors?|"
    r"amendments?|precincts?|districts?|pick|seed|place|anniversary|birthday)\b", re.I)
_DEFER = {"postpone", "delay", "defer", "adjourn", "reschedule", "push", "move", "suspend", "extend", "set"}
_MODAL_AHEAD = {"should", "may", "might", "must", "can", "ca"}
_FUTURE_VERBS = {"plan", "schedule", "expect", "due", "set", "intend", "aim", "hope", "prepare", "vow", "promise"}


_REPORTING = {"say", "tell", "announce", "report", "claim", "add", "note", "state", "confirm", "deny", "warn",
              "insist", "accuse", "urge", "call", "write", "argue", "admit", "acknowledge", "describe", "explain"}


def _trimmed(sent: Any) -> Any:
    """The sentence without the line breaks spaCy keeps as tokens after its full stop (one-sentence-a-
    line corpora such as TimeBank's would otherwise never end in '.')."""
    k = len(sent)
    while k > 1 and sent[k - 1].is_space:
        k -= 1
    return sent[:k]


def _scheduled_present(tok: Any, aux: set[str]) -> bool:
    """'The summit opens Tuesday', 'the vote is Sunday', 'they are meeting Friday': the present tense
    of a non-reporting verb names a coming day. Not in headlines (no final full stop), whose present
    tense narrates the past."""
    if tok.lemma_ in _REPORTING and not any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in tok.children):
        return False  # "the company reports earnings Thursday" is a scheduled event; "reports that ..." is not
    if not (tok.tag_ in ("VBZ", "VBP") and not aux or tok.tag_ == "VBG" and aux & {"is", "are", "am"} and len(aux) == 1):
        return False
    if len(tok.sent) > 45:  # a run-on of photo captions, not a reported sentence
        return False
    if tok.tag_ == "VBP" and any(c.dep_ == "nsubj" and c.tag_ in ("NN", "NNP") and not any(
        k.dep_ == "conj" for k in c.children
    ) for c in tok.children):
        return False  # "weakness hurt the index": a singular noun before a plain form is a past tense
    sent = _trimmed(tok.sent)
    last = sent[-1] if sent[-1].is_punct or len(sent) < 2 or sent[-1].lower_ in ("a.m.", "p.m.") else None
    if last is None:
        return False
    end = sent[-2] if last.text in ('"', "\u201d", "'", ")") and len(sent) > 1 else last
    # "... Friday at 8:30 a.m.": an abbreviation's full stop ends the sentence too
    return end.text in (".", "!", "?") or end.lower_ in ("a.m.", "p.m.")


def _attached_directly(tok: Any, verb: Any) -> bool:
    """True when `tok` hangs from `verb` through prepositions only ('broadcast on Sunday'), not
    through a noun ('to dispute the result of Tuesday's vote')."""
    for _ in range(8):
        if tok.i == verb.i:
            return True
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.i != verb.i and tok.pos_ in ("NOUN", "PROPN", "PRON"):
            return False
    return False


_IN_FORCE = ({"takes", "take"}, {"goes", "go", "comes", "come"})  # present forms only: "took effect" is done


def _ahead_words(nlp_doc: Any, i: int) -> bool:
    """'payable', 'effective', 'of record', 'record date' (then 'on' / 'as of') right before token i;
    also a rule that 'takes effect' / 'goes into effect' / 'comes into force' (on): a scheduled start."""
    words = [t.lower_ for t in nlp_doc[max(0, i - 5) : i]]
    if words[-2:] == ["as", "of"]:
        words = words[:-2]
    elif words[-1:] in (["on"], ["in"], ["from"]):
        words = words[:-1]
    if len(words) >= 2 and words[-1] in ("effect", "force") and (
        words[-2] in _IN_FORCE[0] or len(words) >= 3 and words[-2] == "into" and words[-3] in _IN_FORCE[1]
    ):
        return True
    return bool(words) and (words[-1] in ("payable", "effective") or words[-2:] in (["of", "record"], ["record", "date"]))


_GRANT = {"give", "grant", "allow", "extend"}  # verbs that set a deadline: "gave them until Friday"
_EDGE = re.compile(
    r"\b(?P<w>[Uu]ntil|[Tt]ill|[Tt]hrough|[Aa]s\s+soon\s+as|[Aa]s\s+early\s+as)\s+(?:(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.m\.|[ap]m)?|noon|"
    r"midnight)\s+(?:[A-Z]{2,4}\s+)?(?:,\s*)?(?:on\s+)?)?$")


def _edge_ahead(nlp_doc: Any, span: Any) -> bool:
    """'has given them until 9 a.m. Tuesday', 'could leave as early as Friday': a deadline or the
    earliest day of something not yet done lies ahead, unless the clause tells the past ('the trouble
    began as early as Monday', 'until Thursday he had refused'). A present perfect keeps 'until'
    ahead (the deadline given still runs) but dates 'as early as' back ('has been seen as early as')."""
    # the words before the span, not Doc.text (which spaCy rebuilds from every token on each read)
    before = "".join(t.text_with_ws for t in nlp_doc[max(0, span.start - 12) : span.start])
    m = _EDGE.search(before[-40:])
    if m is None:
        return False
    verb = span.root
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("aux", "auxpass") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False  # "Until this week." as a fragment: no clause to judge
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if m.group("w")[0] in "UuTt" and verb.lemma_ in _GRANT and not aux & {"had", "'d"}:
        return True  # "gave them until mid-November", "extended loans through January": a term set, still ahead
    if m.group("w").lower() == "through":
        return False  # "sales have risen through March": a stretch up to a day, usually told afterwards
    if verb.tag_ == "VBD" or aux & {"did", "was", "were", "had", "'d"}:
        return False
    perfect = verb.tag_ == "VBN" and bool(aux & {"has", "have", "'s", "'ve", "\u2019s", "\u2019ve"})
    return not perfect or m.group("w")[0] in "UuTt"


# nouns a season can modify and still be the season ("the summer months")
_SEASON_HEADS = frozenset({"month", "week", "day", "season", "period", "quarter", "half", "time"})

# words before "a week earlier" that make it the period compared with, a date ("fell from a week earlier")
_COMPARE = frozenset({"from", "than", "with", "over", "versus", "vs", "to", "since"})


def _tense_from_tags(sent: Any) -> str | None:
    """'In January, the firm cut jobs' parsed with 'cut' as an adjective of 'jobs': when no verb
    governs the expression, the sentence's one kind of finite verb tags still tell its tense."""
    tags = {t.tag_ for t in sent}
    if any(t.lower_ in _FUTURE_AUX for t in sent):
        return "future"
    if "VBD" in tags and not tags & {"VBZ", "VBP", "MD"}:
        return "past"
    return None


def tense_at(nlp_doc: Any, start: int, end: int, present: bool = False) -> str | None:
    """'future', 'past' or None for the clause holding [start, end): from the governing verb's tag
    and auxiliaries in the spaCy parse (no re-parsing). With `present`, a scheduled present
    ("opens Tuesday") also counts as future: weekdays use it, longer periods do not."""
    if nlp_doc is None:
        return None
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    if _ahead_words(nlp_doc, span.start):
        # "declared a dividend payable Dec. 7 to holders of record Nov. 22", "effective Feb. 1": the
        # dates of a notice lie ahead of it, whatever tense announced it
        return "future"
    if _edge_ahead(nlp_doc, span):
        return "future"
    before = nlp_doc[span.start - 1] if span.start else None
    if before is not None and before.lower_ in ("and", "until", "till", "through", "to") and span.start > 1 and (
        nlp_doc[span.start - 2].lower_ == "now"
    ):
        return "future"  # "between now and March", "from now until June": the stretch runs ahead
    on = before is not None and before.lower_ == "on" and span.start > 1
    # "said in January it would ...": the preposition stands between the reporting verb and its date
    inn = before is not None and before.lower_ == "in" and span.start > 1
    if on or inn:
        before = nlp_doc[span.start - 2]
    if (
        before is not None and before.tag_ == "VBN"
        # "the peak set on Nov. 2" was set then (however parsed); "a vote set for May" is a plan
        and (before.dep_ in ("acl", "amod") and before.lemma_ not in _FUTURE_VERBS | _DEFER or on and before.lemma_ == "set")
        and not any(c.dep_ in ("aux", "auxpass") for c in before.children)
    ):
        # "a merger announced Monday would ...", "a poll released Sunday shows ...": a bare past
        # participle with its day right after it reports a done event, whatever the clause's tense
        return "past"
    if before is not None and before.tag_ == "VBD" and before.lemma_ in _REPORTING:
        # "said Monday it will ...": AP style puts the day right after the reporting verb it dates,
        # whatever the parser attached it to
        return "past"
    tok = span.root
    prep0 = tok.head if tok.dep_ == "pobj" else None
    if prep0 is not None and prep0.lower_ in ("until", "by") and prep0.head.lemma_ == "have" and prep0.head.tag_ in ("VBZ", "VBP"):
        return "future"  # "has until Friday to decide": a deadline ahead
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            bare_participle = tok.dep_ in ("acl", "amod") and tok.tag_ in ("VBN", "VBG") and not any(
                c.dep_ in ("aux", "auxpass") for c in tok.children
            )
            if not bare_participle:  # "those arrested ... on Tuesday": the tense is the clause's
                break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    sent = span.sent
    if tok.pos_ not in ("VERB", "AUX") and sent.start > 0 and nlp_doc[sent.start - 1].lower_ in ("a.m.", "p.m."):
        # "is due at 8:30 a.m. Eastern time Friday": the parser ended the sentence at "a.m.", so the
        # verb the clock and its day hang from is the root of the sentence before
        prev_root = nlp_doc[sent.start - 1].sent.root
        if prev_root.pos_ in ("VERB", "AUX"):
            tok, sent = prev_root, prev_root.sent
    if tok.pos_ not in ("VERB", "AUX"):
        return _tense_from_tags(sent)
    prep = span.root.head if span.root.dep_ == "pobj" else None
    if prep is not None and prep.lower_ in ("until", "till", "to", "for") and tok.lemma_ in _DEFER and prep.head.i == tok.i:
        return "future"  # "was postponed until April", "delayed to Monday": a date still ahead
    kids = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if not kids and tok.dep_ == "conj" and tok.tag_ == "VB" and tok.head.pos_ in ("VERB", "AUX"):
        # "will start at 7 a.m. and end at 7 p.m. on Sunday": a bare conjoined verb shares the
        # first verb's auxiliaries
        kids = [c for c in tok.head.children if c.dep_ in ("aux", "auxpass")]
    low = {c.lower_ for c in kids}
    # the parser often misreads a typographic contraction ("should\u2019ve" as a noun subject)
    low |= {c.lower_ for c in tok.children if c.lower_ in ("\u2019ve", "\u2019ll", "'ve", "'ll")}
    if low & _FUTURE_AUX or any(c.lower_ == "going" for c in kids):
        return "future"
    if low & _MODAL_AHEAD and not low & {"have", "'ve", "\u2019ve"}:
        # "profits should rise in the second quarter", "may resign on Friday": a modal before a bare
        # verb looks ahead (HeidelTime's English rules read any modal as future); "could" reports
        # the past ability as often as a prospect, and "should have" is past
        return "future"
    if tok.dep_ in ("acl", "relcl") and "to" in low and _attached_directly(span.root, tok):
        # "an interview to be broadcast on Sunday"; not "an attempt to challenge Tuesday's vote",
        # where the day dates the noun it belongs to, not the infinitive
        return "future"
    if tok.dep_ == "xcomp":
        # "had been due to expire Friday", "had been scheduled to close Monday": a plan told in the
        # past perfect was for a day already gone
        up = [tok.head] + ([tok.head.head] if tok.head.dep_ == "acomp" else [])
        if any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for h in up for c in h.children):
            return "past"
    if tok.tag_ == "VBN" and any(c.lower_ == "previously" for c in tok.children):
        return "past"  # "as previously planned Saturday night"
    # "is due to start", "are expected to meet": a future-looking verb above an xcomp
    head = tok.head if tok.dep_ == "xcomp" or (tok.dep_ == "ccomp" and tok.tag_ == "VB") else None
    if head is not None and tok.dep_ == "xcomp" and head.lemma_ == "be" and head.tag_ in ("VBZ", "VBP") and "to" in low:
        return "future"  # "the minister is to resign on Friday"
    if head is not None and (head.lemma_ in _FUTURE_VERBS or {c.lower_ for c in head.children} & _FUTURE_AUX):
        return "future"
    if head is not None and tok.dep_ == "xcomp" and head.lemma_ in ("want", "need") and head.tag_ != "VBD" and not any(
        c.lower_ in ("did", "had") for c in head.children
    ):
        return "future"  # "they do not want to run against her in November": a wish looks ahead
    if tok.tag_ in ("VBZ", "VBP") and not kids and any(
        c.dep_ == "mark" and c.lower_ in ("if", "unless", "once", "until", "till") for c in tok.children
    ):
        return "future"  # "if he is the nominee in November": English puts a future condition in the present
    if tok.lemma_ in _FUTURE_VERBS and tok.tag_ != "VBD":
        return "future"
    if tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP") and not low & {"had", "has", "have"} and any(
        c.dep_ == "acomp" and c.lower_ == "due" for c in tok.children
    ):
        return "future"  # "elections are due in February": what is due lies ahead
    if present and tok.lemma_ in ("plan", "schedule") and tok.tag_ == "VBD" and not kids and any(
        c.dep_ == "dobj" for c in tok.children
    ):
        return "future"  # "protesters planned a march on Saturday": the day is the planned event's
    if tok.tag_ == "VBD" or (tok.tag_ == "VBN" and low & {"has", "have", "had", "was", "were"}):
        return "past"
    if low & {"did", "was", "were", "had"}:
        return "past"
    if present and _scheduled_present(tok, low):
        return "future"
    return None


_PLAN_WORDS = {"due", "schedule", "slate", "expect", "plan", "set"}
_SCHEDULING = {"set", "schedule", "reschedule", "plan", "slate", "call", "fix", "book", "move", "push", "postpone", "delay"}


def _past_plan(nlp_doc: Any, start: int, end: int) -> bool:
    """'The payment was due June 30', 'the vote was scheduled for June 2', 'talks were due to resume
    on June 2': a plan told in the simple past dates the planned event, which may lie on either side
    of the story, so its day is the nearest one (not last year's, nor next year's). A past perfect
    ('had been due to expire') is a plan already gone; 'set' counts only before 'for' ('the record
    was set on June 2' is done)."""
    if nlp_doc is None:
        return False
    span = nlp_doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span.root
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "for":
        verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # "set [a hearing] for"
        if verb.tag_ == "VBD" and verb.lemma_ in _SCHEDULING:
            return True  # "the court set a hearing for Nov. 12", "they scheduled the vote for June 2"
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX", "ADJ") and tok.dep_ not in ("aux", "auxpass", "amod"):
            break
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    else:
        return False
    if tok.dep_ == "xcomp" and tok.tag_ == "VB":
        tok = tok.head  # "was due to resume", "was scheduled to open": the plan word above the infinitive
    if tok.lemma_ == "be" and tok.tag_ == "VBD":
        plan = next((c for c in tok.children if c.dep_ == "acomp" and c.lower_ == "due"), None)
        verb = tok
    elif tok.lower_ == "due" and tok.dep_ == "acomp":
        plan, verb = tok, tok.head
    elif tok.tag_ == "VBN" and tok.lemma_ in _PLAN_WORDS:
        plan = verb = tok
    else:
        return False
    if plan is None:
        return False
    if plan.lemma_ == "set" and not (span.start and nlp_doc[span.start - 1].lower_ == "for"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"had", "'d", "has", "have", "will", "would"}:
        return False
    return verb.tag_ == "VBD" or bool(aux & {"was", "were"})


def _base_date(value: str, unit: str) -> date | None:
    """A date standing for an earlier value, if that value is fine-grained enough for `unit`:
    "1999" can anchor "four years later" but not "two days later"."""
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not m:
        return None
    need = {"year": 1, "decade": 1, "century": 1, "month": 2}.get(unit, 3)
    have = 1 + bool(m.group(2)) + bool(m.group(3))
    if have < need:
        return None
    return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def _offset_value(base: date, k: float, unit: str) -> str | None:
    """The date `k` units from `base`, at the granularity of the unit (TimeML: "two years ago" = a year)."""
    k = int(k)
    if abs(k) * {"decade": 10, "century": 100, "centurie": 100}.get(unit, 1) >= base.year or abs(k) > 100_000:
        return None  # before year 1: not an ISO 8601 calendar date we can write
    if unit == "day":
        return (base + timedelta(days=k)).isoformat()
    if unit == "week":
        return R.iso_week(base + timedelta(weeks=k))
    if unit == "fortnight":
        return R.iso_week(base + timedelta(weeks=2 * k))
    if unit == "month":
        y, mo = R.add_months(base, k)
        return f"{y:04d}-{mo:02d}"
    if unit == "year":
        return f"{base.year + k:04d}"
    if unit == "decade":
        return f"{(base.year + 10 * k) // 10:03d}"
    if unit in ("century", "centurie"):
        return f"{(base.year + 100 * k) // 100:02d}"
    return base.isoformat()  # hours, minutes: the same day


_SEASON_INDEX = {"winter": 0, "spring": 1, "summer": 2, "fall": 3, "autumn": 3}


def season_year(dct: date, season: str, shift: int) -> int:
    """Year of 'last summer' / 'next spring': the nearest such season before / after the current one.
    Seasons follow the meteorological split (winter is Dec-Feb, labelled with its January's year)."""
    now = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(dct.month, 3)
    year = dct.year + (1 if dct.month == 12 else 0)  # December belongs to next year's winter
    target = _SEASON_INDEX[season]
    if shift < 0:
        return year if target < now else year - 1
    if shift > 0:
        return year if target > now else year + 1
    return year if target == 0 else dct.year  # only winter moves to next year's label in December


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    j = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * j) // 451
    month, day = divmod(h + j - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (n < 0: counted from the end) ISO weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def movable_feast(name: str, year: int) -> date | None:
    """Holidays whose date moves: the Easter cycle and the US Monday/Thursday holidays."""
    offsets = {"Easter": 0, "Easter Sunday": 0, "Easter Monday": 1, "Good Friday": -2, "Palm Sunday": -7,
               "Ash Wednesday": -46}
    if name in offsets:
        return easter(year) + timedelta(days=offsets[name])
    if name.startswith("Thanksgiving"):
        return _nth_weekday(year, 11, 4, 4)
    if name == "Memorial Day":
        return _nth_weekday(year, 5, 1, -1)
    if name == "Labor Day":
        return _nth_weekday(year, 9, 1, 1)
    if name.startswith(("Martin Luther King", "MLK")):  # US federal holidays fixed to a Monday since 1971/1986
        return _nth_weekday(year, 1, 1, 3)
    if name.startswith("Presidents"):
        return _nth_weekday(year, 2, 1, 3)
    if name == "Columbus Day":
        return _nth_weekday(year, 10, 1, 2)
    if name == "Election Day":  # US general elections: the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    return None


class Resolver:
    def __init__(self, text: str, dct: date | None, nlp_doc: Any = None) -> None:
        self.text = text
        self.dct = dct
        self.nlp = nlp_doc
        self.out: list[Norm] = []

    # ------------------------------------------------------------ helpers

    def tense(self, c: Cand) -> str | None:
        return tense_at(self.nlp, c.start, c.end)

    def date_tense(self, c: Cand, present: bool = False) -> str | None:
        """The tense that picks a month's or a day's year: none for a plan told in the past (either side).
        With `present`, a scheduled present ("polls open Nov. 5") is 'scheduled': ahead, unless the day
        went by less than a month ago ("fees rise from April 1"); not after 'since', which names a day
        already gone ("is up 5% since Nov. 5")."""
        if _past_plan(self.nlp, c.start, c.end):
            return None
        tense = tense_at(self.nlp, c.start, c.end)
        if tense is None and self.prev_word(c.start) == "since":
            return "past"  # "the index is up 5% since Nov. 5": a day a change is counted from is gone
        if tense is None and present:
            if tense_at(self.nlp, c.start, c.end, present=True) == "future":
                return "scheduled"
        return tense

    def last_day(self, before: int) -> tuple[int, date] | None:
        """The latest earlier expression that names a resolved day."""
        for i in range(len(self.out) - 1, -1, -1):
            n = self.out[i]
            if n.start < before and n.type in ("date", "time") and n.value and re.match(r"\d{4}-\d\d-\d\d", n.value):
                return i, date.fromisoformat(n.value[:10])
        return None

    def prev_value(self, before: int) -> tuple[int, str] | None:
        for i in range(len(self.out) - 1, -1, -1):
            n = self.out[i]
            if n.start < before and n.type in ("date", "time") and n.value and not n.value.endswith("_REF"):
                return i, n.value
        return None

    _PERIOD = re.compile(r"(?:FY)?(\d{4})(-[QH]\d)")
    _POINT = re.compile(r"\d{4}(?:-\d\d){0,2}(?:T.*)?")
    _BACK = re.compile(r"\b(?:ago|earlier|before|previous|prior|last|year-(?:earlier|ago))\b", re.I)

    def last_period(self, before: int) -> tuple[int, re.Match] | None:
        """The quarter or half the story is reporting on: the last one named before `before`, unless a
        year, month or day was named after it (then the story has moved on)."""
        found: list[tuple[int, re.Match]] = []
        for i in range(len(self.out) - 1, max(-1, len(self.out) - 9), -1):
            n = self.out[i]
            if n.start >= before or n.type not in ("date", "time") or not n.value:
                continue
            if self._BACK.search(self.text[n.start : n.end]):
                continue  # "a year ago" is the comparison, not the period reported
            m = self._PERIOD.fullmatch(n.value)
            if m and (self.dct is None or int(m.group(1)) <= self.dct.year):  # not a forecast's period
                found.append((i, m))
            elif self._POINT.fullmatch(n.value) and (self.dct is None or int(n.value[:4]) <= self.dct.year):
                break  # a year, month or day named after the period: the story has moved on (a forecast has not)
        # "the 1988 second quarter" is a comparison too: the period reported is the latest one named
        return max(found, key=lambda f: f[1].group(1), default=None)

    def period_back(self, c: Cand, q: tuple[int, re.Match], years: int = 1) -> Norm:
        """The reported period `q` (from last_period) `years` back: 'a year ago' in an earnings story."""
        v = f"{int(q[1].group(1)) - years:04d}{q[1].group(2)}"
        return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), "prev", c.kind, None, q[0])

    _NAME_HEADS = frozenset(lx.words().get("namehead", {}))
    _NAME_NEXT = re.compile(r"[ \t]+([A-Z][a-z]+)")

    def in_name(self, n: Norm) -> bool:
        """A capitalised time before a name head is part of a proper name ("the Good Friday
        Agreement", "the Monday Club", "the Sunday Times"): TIDES does not mark those."""
        if not self.text[n.start : n.start + 1].isupper() or not self.text[n.end - 1 : n.end].isalpha():
            return False  # "Tue, March 22, 2016 Express Sport ...": a dateline, not a name
        m = self._NAME_NEXT.match(self.text, n.end)
        return bool(m and m.group(1).lower() in self._NAME_HEADS)

    def is_entity(self, start: int, end: int, labels: tuple[str, ...]) -> bool:
        if self.nlp is None:
            return False
        span = self.nlp.char_span(start, end, alignment_mode="expand")
        return bool(span is not None and any(t.ent_type_ in labels for t in span))

    def prev_word(self, pos: int) -> str:
        m = re.search(r"([A-Za-z]+)[\s-]*$", self.text[max(0, pos - 30) : pos])
        return m.group(1).lower() if m else ""

    def next_words(self, pos: int) -> str:
        return self.text[pos : pos + 40]

    def mk(self, c: Cand, typ: str, value: str | None, anchor: str | None, **kw: Any) -> Norm:
        start = kw.pop("start", c.start)
        end = kw.pop("end", c.end)
        return Norm(start, end, typ, value, R.granularity(value, typ), anchor if value else None, kind=c.kind, **kw)

    # ------------------------------------------------------------ per kind

    def run(self, cands: list[Cand]) -> list[Norm]:
        for c in cands:
            fn = getattr(self, "n_" + c.kind)
            n = fn(c)
            if isinstance(n, Norm) and self.in_name(n):
                continue
            if isinstance(n, Norm) and c.kind in ("duration", "vaguedur"):
                self._drop_verb_last(n)
            if isinstance(n, list):  # a range: both ends
                self.out.extend(n)
            elif n is not None:
                self.out.append(n)
        for n in self.out:  # indexes shift when times merge: keep the object itself
            n.ref = self.out[n.prev] if n.prev is not None else None
        return self.out

    def _drop_verb_last(self, n: Norm) -> None:
        """'will last two years': the verb 'last' is no part of the duration it takes."""
        m = re.match(r"last\s+", self.text[n.start : n.end])
        if m is None or self.nlp is None:
            return
        span = self.nlp.char_span(n.start, n.start + 4, alignment_mode="expand")
        if span is not None and len(span) == 1 and span[0].pos_ in ("VERB", "AUX"):
            n.start += m.end()

    def _ymd(self, c: Cand, y: str | None, month: int, day: int) -> Norm | None:
        if not 1 <= day <= 31:
            return None
        if y:
            d = R._safe_date(int(y), month, day)
            return self.mk(c, "date", d.isoformat(), "absolute") if d else None
        if R._safe_date(2000, month, day) is None:  # Feb 30 (2000 was a leap year: Feb 29 passes)
            return None
        if self.dct is None:
            return self.mk(c, "date", f"XXXX-{month:02d}-{day:02d}", None)
        dated = self._dated_noun(c)
        near = R.resolve_month_day(self.dct, month, day, None) if dated == "plan" else None
        if near is not None and abs((near - self.dct).days) <= 90:
            d: date | None = near  # a plan within three months either way: the nearest such day
        else:
            d = R.resolve_month_day(self.dct, month, day, "past" if dated == "done" else self.date_tense(c, present=True))
        return self.mk(c, "date", d.isoformat(), "publication") if d else None

    _DATED_NOUNS = lx.dated_nouns()

    def _dated_noun(self, c: Cand) -> str | None:
        """'plan' or 'done' when the date modifies a noun ("the Feb. 9 deadline", "the Nov. 4
        slaying"): it dates that noun, not the clause's verb, so the verb's tense does not pick the
        year ("offered no explanation for the Feb. 9 deadline" in a Jan. 31 story is nine days ahead)."""
        if self.nlp is None:
            return None
        span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        root = span.root
        head = root.head
        if root.dep_ not in ("nmod", "compound", "amod", "poss") or head.pos_ != "NOUN" or not 0 <= head.i - span.end <= 2:
            return None
        kind = self._DATED_NOUNS.get(head.lower_)
        prep = head.head if head.dep_ == "pobj" else None
        if kind == "plan" and prep is not None and prep.lower_ in self._DONE_PREPS:
            # "lost in the Nov. 6 election", "has risen since the May 2 vote": an occasion the
            # clause's past verb happened at (or a change counts from) is over
            verb = prep.head
            aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if prep.lower_ == "since" or verb.tag_ == "VBD" and not aux or aux & {"was", "were", "had", "did"}:
                return "done"
        return kind

    _DONE_PREPS = frozenset({"in", "at", "during", "since", "after", "following"})

    def n_mdy(self, c: Cand) -> Norm | None:
        m = c.m
        month = R.month_of(m.group("mon"))
        return self._ymd(c, m.group("year"), month, int(m.group("day"))) if month else None

    n_dmy = n_mdy

    def n_weekofday(self, c: Cand) -> Norm | None:
        """'a hearing the week of March 6': the calendar week holding that day (TimeBank: 2000-W10)."""
        m = c.m
        month = R.month_of(m.group("mon"))
        n = self._ymd(c, m.group("year"), month, int(m.group("day"))) if month else None
        if n is None or not n.value:
            return n
        n.value = "XXXX-WXX" if n.value.startswith("X") else R.iso_week(date.fromisoformat(n.value))
        n.granularity = R.granularity(n.value, "date")
        return n

    def n_relmdy(self, c: Cand) -> Norm | None:
        """'shot to death last Oct. 23': the most recent Oct. 23 before the story ('next' the coming
        one, 'this' the one of the story's year)."""
        m = c.m
        month, day = R.month_of(m.group("mon")), int(m.group("day"))
        if month is None or not 1 <= day <= 31 or R._safe_date(2000, month, day) is None:
            return None
        if self.dct is None:
            return self.mk(c, "date", f"XXXX-{month:02d}-{day:02d}", None)
        rel = m.group("rel").lower()
        d = R._safe_date(self.dct.year, month, day)
        if d is not None and rel == "last" and d >= self.dct:
            d = R._safe_date(self.dct.year - 1, month, day)
        elif d is not None and rel == "next" and d <= self.dct:
            d = R._safe_date(self.dct.year + 1, month, day)
        return self.mk(c, "date", d.isoformat(), "publication") if d else None

    def _year_of(self, m: re.Match, resolve: Callable[[], int | None]) -> tuple[int | None, str | None] | None:
        """A date's year and anchor: as written ("absolute"), else resolved against the publication date
        ("publication"; None when it cannot be), else unknown when there is no publication date."""
        if m.group("year"):
            return int(m.group("year")), "absolute"
        if self.dct is None:
            return None, None
        year = resolve()
        return None if year is None else (year, "publication")

    def n_mdmd(self, c: Cand) -> list[Norm] | None:
        """'April 30-May 1', 'Dec. 30 to Jan. 2, 2013': each end of a day range across two months is its
        own date (TIDES marks both ends); a written year is the second end's, a range over New Year
        starts the year before."""
        m = c.m
        m1, m2 = R.month_of(m.group("mon")), R.month_of(m.group("mon2"))
        d1, d2 = int(m.group("day")), int(m.group("day2"))
        if m1 is None or m2 is None or m1 == m2 or not (1 <= d1 <= 31 and 1 <= d2 <= 31):
            return None
        wrap = m2 < m1
        dct = self.dct
        if m.group("year"):
            y2, anchor = int(m.group("year")), "absolute"
            y1 = y2 - 1 if wrap else y2
        elif dct is None:
            y1 = y2 = None
            anchor = None
        else:
            got = R.resolve_month_day(dct, m1, d1, self.date_tense(c, present=True))
            if got is None:
                return None
            y1, anchor = got.year, "publication"
            y2 = y1 + 1 if wrap else y1
        end1 = m.end("day") + len(re.match(r"(?:st|nd|rd|th)?", self.text[m.end("day") :]).group())
        out = []
        for year, month, day, start, end in ((y1, m1, d1, c.start, end1), (y2, m2, d2, m.start("mon2"), c.end)):
            d = R._safe_date(2000 if year is None else year, month, day)
            if d is None:
                return None
            v = f"XXXX-{month:02d}-{day:02d}" if year is None else d.isoformat()
            out.append(Norm(start, end, "date", v, "day", anchor, c.kind))
        return out

    def n_mdyand(self, c: Cand) -> list[Norm] | None:
        """'April 2 and 3', 'May 5 and 6, 2012': TIDES marks each conjunct of a coordination as its own
        date; the second day shares the month, and both share the year (written or resolved)."""
        m = c.m
        month = R.month_of(m.group("mon"))
        d1, d2 = int(m.group("day")), int(m.group("day2"))
        if month is None or not 1 <= d1 <= 31:
            return None
        count = False
        if self.nlp is not None:
            span = self.nlp.char_span(m.start("day2"), m.end("day2"), alignment_mode="expand")
            tok = span[0] if span is not None and len(span) else None
            # "March 3 and 5 others": a count of the noun after it, not a day
            count = tok is not None and tok.dep_ == "nummod" and tok.head.pos_ == "NOUN" and tok.head.i > tok.i
        dct = self.dct
        known = self._year_of(m, lambda: getattr(R.resolve_month_day(dct, month, d1, self.date_tense(c, present=True)), "year", None))
        if known is None:
            return None
        year, anchor = known
        end1 = m.end("day") + len(re.match(r"(?:st|nd|rd|th)?", self.text[m.end("day") :]).group())
        out = []
        for day, start, end in ((d1, c.start, end1), (d2, m.start("day2"), c.end)):
            d = R._safe_date(2000 if year is None else year, month, day)
            if d is None or day <= d1 and out:
                break  # "Feb. 28 and 29, 2013", "May 31 and 32": only the first is a day
            v = f"XXXX-{month:02d}-{day:02d}" if year is None else d.isoformat()
            out.append(Norm(start, end, "date", v, "day", anchor, c.kind))
        return out[:1] if count else out or None

    def n_dmyand(self, c: Cand) -> list[Norm] | None:
        """'5-6 April 2016', '11-13 Dec.': day-first coordinated days, each its own date ('5' is April 5)."""
        return self.n_mdyand(c)  # the order of the days and the month's spelling were checked in rules

    def n_iso(self, c: Cand) -> Norm | None:
        m = c.m
        d = R._safe_date(int(m.group("year")), int(m.group("m")), int(m.group("d")))
        if d is None:
            return None
        if m.group("h"):
            return self.mk(c, "time", f"{d.isoformat()}T{m.group('h')}:{m.group('mi')}", "absolute")
        return self.mk(c, "date", d.isoformat(), "absolute")

    def n_numeric(self, c: Cand) -> Norm | None:
        m = c.m
        y = m.group("year")
        year = int(y) if len(y) == 4 else 2000 + int(y) if int(y) < 50 else 1900 + int(y)
        d = R._safe_date(year, int(m.group("m")), int(m.group("d")))
        return self.mk(c, "date", d.isoformat(), "absolute") if d else None

    def _mod_value(self, base_year: int | None, base_month: int | None, mod: str | None) -> str | None:
        return None

    def n_month(self, c: Cand) -> Norm | None:
        m = c.m
        word = m.group("mon")
        month = R.month_of(word)
        if month is None:
            return None
        mod = (m.group("mod") or "").lower()
        y = m.group("year")
        qtail = re.match(r"\s+quarter(?![\w-])", self.text[c.end : c.end + 10]) if month % 3 == 0 else None
        if qtail and not mod and self.prev_word(c.start) == "the" and (y or not m.group("yrel")):
            # "the December quarter", "the June 2012 quarter": the calendar quarter ending that month
            # (TIDES writes a named quarter as YYYY-Qn), not the month
            q = f"Q{month // 3}"
            if y:
                return self.mk(c, "date", f"{int(y):04d}-{q}", "absolute", end=c.end + qtail.end())
            if self.dct is None:
                return self.mk(c, "date", f"XXXX-{q}", None, end=c.end + qtail.end())
            year = R.resolve_month(self.dct, month, self.tense(c))
            return self.mk(c, "date", f"{year:04d}-{q}", "publication", end=c.end + qtail.end())
        if not y and not mod:
            # a bare month name must look like a date: "in June", "since September", not "May said"
            if self.prev_word(c.start) not in R._DATE_PREP and (
                word in ("May", "March") or not self.is_entity(c.start, c.end, ("DATE",))
            ):
                return None  # "February was the coldest month" passes on the parser's DATE reading
            if self.is_entity(c.start, c.end, ("PERSON", "ORG", "FAC", "PRODUCT", "WORK_OF_ART")):
                return None
            if word == "May" and self.prev_word(c.start) in ("and", "or", "the", "to", "as", "that"):
                return None
            if word == "May" and self.text[c.end : c.end + 2] in ("'s", "\u2019s") and self.prev_word(c.start) not in (
                "last", "this", "next", "early", "late", "mid"
            ):
                return None  # "a statement from May's office": the name; a month's own noun says "last May's"
        if word.endswith(".") is False and len(word) <= 4 and word.lower() not in ("may", "june", "july") and not y:
            return None
        rel = mod if mod in ("last", "this", "next") else None
        if y:
            return self.mk(c, "date", f"{int(y):04d}-{month:02d}", "absolute")
        yrel = (m.group("yrel") or "").lower()
        if yrel == "that":  # "in June that year": the year of the expression before
            p = self.prev_value(c.start)
            if p is None or not p[1][:4].isdigit():
                return self.mk(c, "date", f"XXXX-{month:02d}", None)
            return Norm(c.start, c.end, "date", f"{p[1][:4]}-{month:02d}", "month", "prev", c.kind, None, p[0])
        if yrel:  # "January this year", "June last year": one expression (TimeML), the year is explicit
            if self.dct is None:
                return self.mk(c, "date", f"XXXX-{month:02d}", None)
            year = self.dct.year + {"last": -1, "next": 1}.get(yrel, 0)
            return self.mk(c, "date", f"{year:04d}-{month:02d}", "publication")
        if self.dct is None:
            return self.mk(c, "date", f"XXXX-{month:02d}", None)
        dated = self._dated_noun(c) if rel is None else None  # "the April summit", "the October bombing"
        tense = None if dated == "plan" else "past" if dated == "done" else self.date_tense(c)
        year = R.resolve_month(self.dct, month, tense, rel)
        if rel is None and not mod and tense == "past":
            # "collapsed in March 2011. Its chief fled in June": a past narrative set in an earlier
            # year, named in this or the previous sentence, keeps its months in that year
            told = self._told_year(c.start)
            if told is not None and told[1] < year and told[1] < self.dct.year - 1:
                return Norm(c.start, c.end, "date", f"{told[1]:04d}-{month:02d}", "month", "prev", c.kind, None, told[0])
        return self.mk(c, "date", f"{year:04d}-{month:02d}", "publication")

    def _told_year(self, pos: int) -> tuple[int, int] | None:
        """The year of a written-out date (a year, month or day with its year) in this sentence or the
        one before it, not after 'since'/'until' (those name an edge, not the story's period)."""
        lo = pos
        for _ in range(2):
            k = max(self.text.rfind(". ", 0, lo), self.text.rfind("\n", 0, lo))
            if k < 0:
                lo = 0
                break
            lo = k
            if self.text[k] == "\n":
                break
        for i in range(len(self.out) - 1, -1, -1):
            n = self.out[i]
            if n.start < lo:
                break
            if n.type not in ("date", "time") or not n.value:
                continue
            # only the latest dated expression counts, and only a written-out point in time
            if n.anchor != "absolute" or not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", n.value):
                return None
            if self.prev_word(n.start) in ("since", "until", "till", "before", "after", "by", "from", "to", "and"):
                return None
            return i, int(n.value[:4])
        return None

    def n_year(self, c: Cand) -> Norm | None:
        m = c.m
        year = int(m.group("year"))
        after = self.text[m.end() : m.end() + 30]
        before = self.prev_word(m.start("year"))
        if before == "copyright" or re.search(r"(?:\u00a9|\(c\))\s*$", self.text[max(0, c.start - 5) : c.start], re.I):
            return None  # "Copyright 2012 Example Press": the notice's year, not a time the story speaks of
        if m.group("fy"):
            # "fiscal 1989": TimeML practice (TimeBank, HeidelTime) writes the plain year, no FY prefix
            return self.mk(c, "date", f"{year}", "absolute")
        if re.match(r"\s*(?:to|-|–)\s*\d", after) and before in ("from", "between"):
            pass
        if self.nlp is not None:
            span = self.nlp.char_span(m.start("year"), m.end("year"), alignment_mode="expand")
            if span is not None:
                tok = span[0]
                singular = tok.dep_ == "nummod" and tok.head.tag_ == "NN" and tok.head.i > tok.i
                # "the fluid 2016 presidential primary": a number before a singular noun counts nothing
                if tok.ent_type_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT") and before not in R._DATE_PREP and not (
                    singular and tok.ent_type_ == "CARDINAL"
                ):
                    return None
                nxt = tok.nbor() if tok.i + 1 < len(tok.doc) else None
                if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in (
                    "elections", "games", "olympics", "talks", "primaries", "caucuses", "midterms", "playoffs", "finals",
                    "championships", "negotiations", "riots", "floods", "protests"):
                    return None
        elif re.match(r"\s+[a-z]+s\b", after) and before not in R._DATE_PREP:
            return None
        if year > (self.dct.year + 30 if self.dct else 2100):
            return None
        if re.match(r"\s*(?:people|miles|km|kilometers|troops|soldiers|votes|units|acres|feet|meters|tons)\b", after):
            return None
        if self._STREET.match(after):
            return None  # "1600 Pennsylvania Avenue": a house number
        mod = (m.group("mod") or "").lower()
        if "half" in mod or "two quarters" in mod:
            # "the second half of 2012", "the first two quarters of 1990": a half-year (TIDES H1/H2;
            # TimeBank writes the quarters so), as "the first half of next year" is
            return self.mk(c, "date", f"{year:04d}-H{1 if 'first' in mod else 2}", "absolute")
        return self.mk(c, "date", f"{year:04d}", "absolute")

    def n_prepostyear(self, c: Cand) -> Norm | None:
        year = int(c.m.group("year"))
        if year > (self.dct.year + 30 if self.dct else 2100):
            return None
        return self.mk(c, "date", f"{year:04d}", "absolute")

    _STREET = re.compile(r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Avenue|Ave\.?|Street|St\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Place|Way|Court)(?![\w])")

    def n_decade(self, c: Cand) -> Norm | None:
        m = c.m
        if m.groupdict().get("dec"):
            dec = m.group("dec")
            if dec.endswith("0") and dec < "200" and not m.group("mod"):
                return self.mk(c, "date", dec[:2], "absolute")  # "the 1800s": the century, not 1800-09
            return self.mk(c, "date", dec, "absolute")
        if m.groupdict().get("short"):
            d = int(m.group("short"))
            return self.mk(c, "date", f"{'19' if d >= 2 else '20'}{d}", "absolute")
        words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        return self.mk(c, "date", f"19{words.index(m.group('dword').lower()) + 2}", "absolute")

    def n_century(self, c: Cand) -> Norm | None:
        m = c.m
        if m.groupdict().get("cent"):
            n = int(m.group("cent"))
        else:
            w = m.group("cword").lower()
            n = 21 if w == "twenty-first" else 20 if w == "twentieth" else R._ORD.get(w) or 0
            if not n:
                words = ["thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"]
                n = words.index(w) + 13 if w in words else 0
        return self.mk(c, "date", f"{n - 1:02d}", "absolute") if 1 <= n <= 21 else None

    def n_weekday(self, c: Cand) -> Norm | None:
        m = c.m
        wd = R.weekday_of(m.group("wd"))
        if wd is None:
            return None
        if self.is_entity(m.start("wd"), m.end("wd"), ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT")):
            return None
        rel = (m.group("rel") or "").lower() or None
        pod = m.group("pod")
        end = c.end
        follow = self._coordinated_weekday(c.start, wd) if rel is None else None
        if pod is None and self.text[m.end("wd") : m.end("wd") + 2] == "'s":
            end = m.end("wd")
        start = c.start
        if rel in ("early", "late", "earlier", "later"):
            rel = None  # "late Tuesday night", "earlier Tuesday": keep the words, the day is Tuesday
        suffix = f"T{R._PODS[pod.lower()]}" if pod else ""
        typ = "time" if pod else "date"
        if rel is not None and rel.startswith("the"):
            # "the following Monday", "the previous Friday": counted from the day last named (TIDES:
            # anchored to the earlier time), else from the story's day
            ahead = not rel.endswith(("previous", "preceding"))
            p = self.last_day(c.start)
            if p is None and self.dct is None:
                v = f"XXXX-WXX-{wd}{suffix}"
                return Norm(start, end, typ, v, R.granularity(v, typ), None, c.kind, wd)
            base = p[1] if p is not None else self.dct
            step = ((wd - 1 - base.weekday()) % 7 or 7) if ahead else -((base.weekday() - (wd - 1)) % 7 or 7)
            v = (base + timedelta(days=step)).isoformat() + suffix
            anchor, prev = ("prev", p[0]) if p is not None else ("publication", None)
            return Norm(start, end, typ, v, R.granularity(v, typ), anchor, c.kind, wd, prev)
        possessive = self.text[m.end("wd") : m.end("wd") + 2] in ("'s", "\u2019s")
        if follow is not None:
            i, d = follow
            v = d.isoformat() + suffix
            return Norm(start, end, typ, v, R.granularity(v, typ), "prev", c.kind, wd, i)
        tense = tense_at(self.nlp, c.start, c.end, present=not possessive)
        if tense is None and rel is None:
            tense = self._starting_tense(c.start)
        if rel is None and tense != "future" and self.dct is not None and self._AWAITED.search(
            self.text, max(0, c.start - 60), c.start
        ):
            # "talks intensified ahead of Friday's deadline", "investors await Thursday's report": the
            # day something is awaited lies ahead of the story, or is the day just before it
            d = R.resolve_weekday(self.dct, wd, None, "future")
            if (d - self.dct).days > 5:
                d -= timedelta(days=7)
            v = d.isoformat() + suffix
            return Norm(start, end, typ, v, R.granularity(v, typ), "publication", c.kind, wd)
        dated = self._dated_noun(c) if rel is None and tense != "future" else None
        if rel is None and self.dct is not None and _past_plan(self.nlp, c.start, c.end):
            dated, tense = "plan", None  # "talks were due to resume Tuesday": a plan told in the past, either side
        if dated == "plan" and self.dct is not None:
            # "hours before the Treasury's Thursday deadline", "the Monday vote": an arranged occasion
            # is the nearest such day, ahead of the story or behind it (as for month-days); a past
            # clause ("missed the Friday deadline") reaches no further ahead than the next day
            ahead = R.resolve_weekday(self.dct, wd, None, "future")
            d = ahead if (ahead - self.dct).days <= (1 if tense == "past" else 3) else ahead - timedelta(days=7)
            v = d.isoformat() + suffix
            return Norm(start, end, typ, v, R.granularity(v, typ), "publication", c.kind, wd)
        # "Monday" after "Last Monday" is the same day (not a day ahead of the story when this
        # clause is past: "on Tuesday" in a future clause, then "the race was called Tuesday")
        if rel is None and tense != "future":
            for i in range(len(self.out) - 1, -1, -1):
                p = self.out[i]
                ahead = self.dct is not None and p.value is not None and p.value[:10] > self.dct.isoformat()
                counted = self.text[p.start : p.start + 4].lower() == "the "  # "the previous Friday"
                if p.weekday == wd and p.value and not (ahead and tense == "past") and not counted:
                    v = p.value.split("T")[0] + suffix
                    return Norm(start, end, typ, v, R.granularity(v, typ), "prev", c.kind, wd, i)
        if self.dct is None:
            v = f"XXXX-WXX-{wd}{suffix}"
            return Norm(start, end, typ, v, R.granularity(v, typ), None, c.kind, wd)
        d = R.resolve_weekday(self.dct, wd, rel, tense)
        v = d.isoformat() + suffix
        return Norm(start, end, typ, v, R.granularity(v, typ), "publication", c.kind, wd)

    _AWAITED = re.compile(
        r"(?i:\b(?:ahead\s+of|awaits?|awaiting|awaited|in\s+the\s+run-up\s+to|countdown\s+to)\s+(?:(?:a|an|the|this)\s+)?"
        r"(?:[a-z]+\s+){0,2})$"
    )

    def _starting_tense(self, start: int) -> str | None:
        """'Starting Monday, fares rise', 'beginning on Friday the line will close': the day a change
        takes effect lies ahead unless the clause it opens is past ('Beginning Monday, fares rose')."""
        if self.nlp is None:
            return None
        span = self.nlp.char_span(start, start + 1, alignment_mode="expand")
        if span is None or span.start == 0:
            return None
        i = span.start - 1
        if self.nlp[i].lower_ == "on" and i > 0:
            i -= 1
        tok = self.nlp[i]
        if tok.lower_ not in ("starting", "beginning") or tok.tag_ != "VBG":
            return None
        head = tok.head
        if head.tag_ == "VBD" or any(a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in head.children):
            return "past"
        return "future"

    _CONJ = re.compile(r"\s*,?\s*(?:and|or|to|through|thru|until|till)\s+|\s*[-\u2013\u2014]\s*", re.I)

    def _coordinated_weekday(self, pos: int, wd: int) -> tuple[int, date] | None:
        """'Tuesday and Wednesday', 'from Monday to Friday': the second day follows the first."""
        if not self.out:
            return None
        p = self.out[-1]
        if p.weekday is None or p.weekday == wd or not p.value or not re.match(r"\d{4}-\d\d-\d\d", p.value):
            return None
        if not self._CONJ.fullmatch(self.text[p.end : pos]):
            return None
        step = (wd - p.weekday) % 7
        if step > 4:
            return None  # "statements made Friday and Thursday": a list back in time, not a span ahead
        return len(self.out) - 1, date.fromisoformat(p.value[:10]) + timedelta(days=step)

    def n_relday(self, c: Cand) -> Norm | None:
        m = c.m
        rd = m.group("rd").lower()
        pod = m.group("pod")
        offs = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                "the day after tomorrow": 2}[rd]
        end = c.end
        if pod is None and self.text[m.end("rd") : m.end("rd") + 2] == "'s":
            end = m.end("rd")
        suffix = "TNI" if rd == "tonight" else f"T{R._PODS[pod.lower()]}" if pod else ""
        typ = "time" if suffix else "date"
        if rd == "today" and m.group("rd")[0] == "T" and re.search(r"\bUSA[\s-]*$", self.text[max(0, c.start - 8) : c.start]):
            return None  # the newspaper "USA Today"
        if rd in ("today", "tomorrow") and not suffix and not m.group("mod") and self._generic_today(c.start, end, rd):
            # "in today's world", "today's youth": nowadays, no time of the story. TIDES would write
            # PRESENT_REF, but TimeML's annotators leave this generic use unmarked (TimeBank and
            # AQUAINT mark none of their generic "today's"), so it is no time expression here.
            return None
        if self.dct is None:
            return self.mk(c, typ, None, None, end=end)
        v = (self.dct + timedelta(days=offs)).isoformat() + suffix
        return self.mk(c, typ, v, "publication", end=end)

    def n_wdofweek(self, c: Cand) -> Norm | None:
        """'Tuesday of last week': the weekday inside the week named, so a story from a Wednesday
        does not read it as yesterday (TIDES marks the whole phrase)."""
        wd = R.weekday_of(c.m.group("wd"))
        if wd is None:
            return None
        if self.dct is None:
            v = f"XXXX-WXX-{wd}"
            return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), None, c.kind, wd)
        shift = {"last": -1, "this": 0, "next": 1}[c.m.group("rel").lower()]
        monday = self.dct - timedelta(days=self.dct.isoweekday() - 1) + timedelta(weeks=shift)
        d = monday + timedelta(days=wd - 1)
        return Norm(c.start, c.end, "date", d.isoformat(), "day", "publication", c.kind, wd)

    def n_beforelast(self, c: Cand) -> Norm | None:
        """'the week before last', 'the year after next': two units from the publication date."""
        if self.dct is None:
            return self.mk(c, "time" if c.m.group("unit").lower() == "night" else "date", None, None)
        shift = -2 if c.m.group("dir").lower().startswith("before") else 2
        if c.m.group("unit").lower() == "night":  # the night of the day before yesterday
            return self.mk(c, "time", (self.dct + timedelta(days=shift)).isoformat() + "TNI", "publication")
        return self.mk(c, "date", self._shift_unit(self.dct, c.m.group("unit").lower(), shift), "publication")

    _GENERIC_AFTER = re.compile(
        r"['\u2019]s\s+(?:(?:modern|global|fast|digital|current|changing|new)[\w-]*\s+)?(?:world|society|economy|"
        r"standards|terms|dollars|prices|money|generation|youth|young|children|kids|teenagers|pupils|students|"
        r"workers|consumers|voters|era|age|culture|"
        r"politics|climate|environment|market(?:place)?|landscape|media|technology|reality|realities)\b", re.I)

    _OF_TOMORROW = re.compile(
        r"\bthe\s+(?:[\w-]+\s+){0,2}?(?!(?:end|start|beginning|close|rest|course|morning|evening|afternoon|night)\s)"
        r"[\w-]+\s+of\s+$", re.I)

    def _generic_today(self, start: int, end: int, rd: str = "today") -> bool:
        """'in today's world', 'today's teenagers', 'tomorrow's voters', 'the leaders of tomorrow':
        nowadays or the times to come, not the publication day or the day after it."""
        if self.text[end : end + 2] not in ("'s", "\u2019s"):
            # "the leaders of tomorrow" (not "as of tomorrow", "the end of tomorrow")
            return rd == "tomorrow" and bool(self._OF_TOMORROW.search(self.text[max(0, start - 40) : start]))
        return bool(self._GENERIC_AFTER.match(self.text, end))

    def n_thispod(self, c: Cand) -> Norm | None:
        m = c.m
        rel = m.group("rel").lower()
        code = R._PODS[m.group("pod").lower()]
        if rel in ("that", "the same", "the next", "the following", "the previous"):
            p = self.last_day(c.start)
            if p is None:
                # no day named before it: counted from the story's day, as "the next day" is (TimeML
                # anchors such expressions to the document time when nothing else is given)
                if self.dct is None:
                    return Norm(c.start, c.end, "time", None, None, None, c.kind)
                p = (None, self.dct)
            shift = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
            v = (p[1] + timedelta(days=shift)).isoformat() + f"T{code}"
            anchor = "prev" if p[0] is not None else "publication"
            return Norm(c.start, c.end, "time", v, "part-of-day", anchor, c.kind, None, p[0])
        if self.dct is None:
            return self.mk(c, "time", None, None)
        d = self.dct - timedelta(days=1) if rel == "last" else self.dct
        return self.mk(c, "time", f"{d.isoformat()}T{code}", "publication")

    _SHOW_TITLE = re.compile(r"This (?:Week|Morning|Year)$")

    def n_relunit(self, c: Cand) -> Norm | None:
        m = c.m
        rel = re.sub(r"\s+", " ", m.group("rel").lower())
        if rel in ("this past", "this coming"):  # "this past weekend" is the last one, a DATE
            rel = "last" if rel == "this past" else "next"
        unit = m.group("unit").lower()
        mod = (m.group("mod") or "").lower()
        the = bool(m.group("the"))
        # "over the past year", "in the last decade": the unit before the current one, a DATE (TimeBank
        # and HeidelTime; an earlier round read these as one-unit DURATIONs after TIDES, dropped since)
        if rel == "same":
            return None
        if self._SHOW_TITLE.match(self.text[c.start : c.end]) and (
            re.search(r"(?:[\"\u201c'`]|['\u2019]s\s)$", self.text[max(0, c.start - 3) : c.start])
            or re.match(r"[\"\u201d]|\s+With\b", self.text[c.end : c.end + 5])
        ):
            return None  # ABC's "This Week" (with David Brinkley): a programme's title, not a week
        if rel == "latest" or rel.startswith("most"):
            # "the latest quarter": the last one reported, i.e. the one before the current one
            rel = "last" if unit in ("quarter", "month", "week") else "this"
        shift = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0,
                 "next": 1, "coming": 1, "following": 1}[rel]
        if rel == "next" and the and not mod and self.tense(c) == "past":
            rel = "following"  # "fled the next year": a narrative counts from the time it told last
        if (unit == "weekend" and rel == "this" and not mod and self.dct is not None and self.dct.isoweekday() <= 4
                and self.tense(c) == "past"):
            shift = -1  # "protests erupted this weekend" in a Monday story: the weekend just gone
        if rel in ("previous", "preceding", "following"):
            # "the following year" counts from the last expression fine enough for a year ("in 1999
            # ... the following year" = 2000), "the previous week" from the last day named
            p = self.prev_value(c.start)
            found: tuple[int, date] | None = None
            if p is not None and unit in ("year", "month", "decade", "century"):
                pb = _base_date(p[1], unit)
                found = (p[0], pb) if pb else None
            found = found or self.last_day(c.start)
            base, anchor, prev = (found[1], "prev", found[0]) if found else (self.dct, "publication", None)
        else:
            base, anchor, prev = self.dct, "publication", None
        if base is None:
            return self.mk(c, "date", None, None)
        v = self._shift_unit(base, unit, shift)
        if v is None:
            return None
        if unit == "year" and rel == "last" and not the and not mod and self._comparison(c.start, c.end):
            q = self.last_period(c.start)
            if q is not None:
                # "net of $5 million, against $3 million last year": the reported quarter, a year back
                return self.period_back(c, q)
        if unit == "year" and "half" in mod:  # "the second half of next year": a half-year (TIDES H1/H2)
            v += "-H1" if "first" in mod else "-H2"
        typ = "date"
        n = self.mk(c, typ, v, anchor)
        n.prev = prev
        return n

    _AMOUNT_BEFORE = re.compile(r"(?:\d|\bmillion|\bbillion|\bcents?|\bshare|\bfrom|\bwith|\bthan|\bover|\bversus|\bvs\.?)\s*$", re.I)
    _AMOUNT_AFTER = re.compile(r"['\u2019]s\s+(?:[$\u00a3\u20ac\d]|(?:\w+\s+){0,2}(?:quarter|period|results|figures?|level|total))", re.I)

    def _comparison(self, start: int, end: int) -> bool:
        """'$3 million last year', 'up from last year's $1.5 billion': a figure compared with a year back."""
        return bool(self._AMOUNT_BEFORE.search(self.text[max(0, start - 12) : start])
                    or self._AMOUNT_AFTER.match(self.text, end))

    def _shift_unit(self, base: date, unit: str, shift: int) -> str | None:
        if unit == "week":
            return R.iso_week(base + timedelta(weeks=shift))
        if unit == "weekend":
            return R.iso_week(base + timedelta(weeks=shift)) + "-WE"
        if unit == "month":
            y, mo = R.add_months(base, shift)
            return f"{y:04d}-{mo:02d}"
        if unit == "year":
            return f"{base.year + shift:04d}"
        if unit == "quarter":
            q = (base.month - 1) // 3 + shift
            y = base.year + q // 4
            return f"{y:04d}-Q{q % 4 + 1}"
        if unit == "decade":
            return f"{base.year // 10 + shift:03d}"
        if unit == "century":
            return f"{base.year // 100 + shift:02d}"
        if unit in ("spring", "summer", "fall", "autumn", "winter"):
            return f"{season_year(base, unit, shift):04d}-{R._SEASONS[unit]}"
        return None

    def n_nextday(self, c: Cand) -> Norm | None:
        m = c.m
        rel, unit = m.group("rel").lower(), m.group("unit").lower()
        typ = "date" if unit == "day" else "time"
        p = self.last_day(c.start)
        if p is None:
            # no day named before it: the story's own day is the reference (TimeML anchors such
            # expressions to the document time when nothing else is given)
            if self.dct is None:
                return Norm(c.start, c.end, typ, None, None, None, c.kind)
            p = (None, self.dct)
        shift = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(rel, 0)
        v = (p[1] + timedelta(days=shift)).isoformat()
        if unit != "day":
            v += f"T{R._PODS[unit]}"
        anchor = "prev" if p[0] is not None else "publication"
        return Norm(c.start, c.end, typ, v, R.granularity(v, typ), anchor, c.kind, None, p[0])

    def n_endof(self, c: Cand) -> Norm | None:
        if self.dct is None:
            return self.mk(c, "date", None, None)
        unit = c.m.group("unit").lower()
        mod = c.m.group("mod").lower()
        if unit == "year" and "half" in mod:  # "the first half of the year": a half-year (TIDES H1/H2)
            return self.mk(c, "date", f"{self.dct.year:04d}-H{1 if 'first' in mod else 2}", "publication")
        if unit in ("year", "month") and self.tense(c) == "past":
            # "collapsed in March 2011 ... by the end of the year": the year the story is telling
            near = self._recent(c.start, unit)
            if near is not None:
                i, got = near
                return Norm(c.start, c.end, "date", got, R.granularity(got, "date"), "prev", c.kind, None, i)
        v = self._shift_unit(self.dct, unit, 0)
        return self.mk(c, "date", v, "publication")

    def _recent(self, pos: int, unit: str) -> tuple[int, str] | None:
        """The year (or month) of the latest fully dated expression in this paragraph, a few sentences
        back at most: the period a narrative is in."""
        near = max(self.text.rfind("\n\n", 0, pos), pos - 400)
        for i in range(len(self.out) - 1, -1, -1):
            n = self.out[i]
            v = n.value or ""
            if n.start < near:
                break
            if n.type not in ("date", "time") or not v[:4].isdigit() or n.granularity in ("decade", "century"):
                continue
            if unit == "year":
                return i, v[:4]
            if re.match(r"\d{4}-\d\d(?:$|-)", v):
                return i, v[:7]
            return None
        return None

    def n_yearrange(self, c: Cand) -> list[Norm] | None:
        """'1990-91': TIDES tags each end of a range as its own date; the short end takes the first's
        century ('1999-00' is 1999 to 2000)."""
        m = c.m
        y1 = int(m.group("y1"))
        y2 = y1 // 100 * 100 + int(m.group("y2"))
        if y2 <= y1:  # only "1999-00" wraps a century; "1999-04" is a year and month, not a range
            if y1 % 100 != 99 or y2 % 100:
                return None
            y2 += 100
        if y2 - y1 > 10 or (self.dct and y1 > self.dct.year + 30):
            return None
        a = Norm(m.start("y1"), m.end("y1"), "date", f"{y1:04d}", "year", "absolute", c.kind)
        b = Norm(m.start("y2"), m.end("y2"), "date", f"{y2:04d}", "year", "absolute", c.kind)
        return [a, b]

    def n_monrange(self, c: Cand) -> list[Norm] | None:
        """'March to May', 'between March and May 2012': two months of the same year (the year from
        the words, else the first month resolved as a bare month would be)."""
        m = c.m
        m1, m2 = R.month_of(m.group("m1")), R.month_of(m.group("m2"))
        if m1 is None or m2 is None or m1 == m2:
            return None
        if m.group("m1") == "May" and self.prev_word(c.start) not in R._DATE_PREP:
            return None  # "May and Hammond": names
        if m.group("m2") == "May" and not m.group("year") and re.match(r" [A-Z]", self.text[c.end : c.end + 2]):
            return None  # "April and May Smith"
        dct = self.dct
        known = self._year_of(m, lambda: R.resolve_month(dct, m1, self.tense(c)))
        if known is None:
            return None
        year, anchor = known
        y = m.group("year")
        part = {(1, 3): "Q1", (4, 6): "Q2", (7, 9): "Q3", (10, 12): "Q4", (1, 6): "H1", (7, 12): "H2"}.get((m1, m2))
        tail = re.match(r"\s+(?P<u>quarter|period|half)(?![\w-])(?:\s+of\s+(?P<y>(?:19|20)\d\d)(?!\d))?", self.text[c.end : c.end + 20])
        if part and tail and re.fullmatch(r"\s*[-\u2013]\s*", self.text[m.end("m1") : m.start("m2")]):
            # "the October-December quarter (of 2011)", "the July-September period": that calendar quarter
            # (half), one DATE (TIDES writes a named quarter so)
            if tail.group("y"):
                year, anchor = int(tail.group("y")), "absolute"
            v = f"{'XXXX' if year is None else f'{year:04d}'}-{part}"
            end = c.end + tail.end("u")  # "of 2011" stays its own year
            return [Norm(m.start("m1"), end, "date", v, R.granularity(v, "date"), anchor, c.kind)]
        out = []
        for k, (mon, grp) in enumerate(((m1, "m1"), (m2, "m2"))):
            yy = year if year is None or k == 0 or m2 > m1 else year + 1  # "November to February"
            v = f"{'XXXX' if yy is None else f'{yy:04d}'}-{mon:02d}"
            end = c.end if k == 1 and y else m.end(grp)
            out.append(Norm(m.start(grp), end, "date", v, "month", anchor, c.kind))
        return out

    def n_weekof(self, c: Cand) -> Norm | None:
        """'the first week of April': the ISO week holding that month's 4th (7th...) day; the last
        week is the one holding its last Thursday."""
        m = c.m
        month = R.month_of(m.group("mon"))
        if month is None:
            return None
        y = m.group("year")
        if y:
            year, anchor = int(y), "absolute"
        elif self.dct is None:
            return self.mk(c, "date", f"XXXX-{month:02d}", None)
        else:
            year, anchor = R.resolve_month(self.dct, month, self.tense(c)), "publication"
        k = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(m.group("ord").lower())
        if k is None:
            d = _nth_weekday(year, month, 4, -1)
        else:
            d = date(year, month, 1) + timedelta(days=3 + 7 * (k - 1))
        return self.mk(c, "date", R.iso_week(d), anchor)

    def n_ordof(self, c: Cand) -> Norm | None:
        """'the first week of next month', 'the last day of the year': one DATE, that week (as 'the
        first week of April' is) or day of the month or year named; 'the month'/'the year' is the
        story's own."""
        m = c.m
        part, unit, rel = m.group("part").lower(), m.group("unit").lower(), m.group("rel").lower()
        ordw = m.group("ord").lower()
        if self.dct is None:
            return self.mk(c, "date", None, None)
        shift = {"next": 1, "last": -1}.get(rel, 0)
        if unit == "year":
            if part == "week":
                return None  # "the first week of the year": rare, and ISO week 1 is not what is meant
            year = self.dct.year + shift
            k = {"first": 0, "second": 1, "third": 2, "fourth": 3}.get(ordw)
            d = date(year, 1, 1) + timedelta(days=k) if k is not None else date(year, 12, 31)
            return self.mk(c, "date", d.isoformat(), "publication")
        year, month = R.add_months(self.dct, shift)
        k = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(ordw)
        if part == "day":
            d = date(year, month, k) if k is not None else date(*R.add_months(date(year, month, 1), 1), 1) - timedelta(days=1)
            return self.mk(c, "date", d.isoformat(), "publication")
        d = _nth_weekday(year, month, 4, -1) if k is None else date(year, month, 1) + timedelta(days=3 + 7 * (k - 1))
        return self.mk(c, "date", R.iso_week(d), "publication")

    def n_electionday(self, c: Cand) -> Norm | None:
        """'Election Day', 'election night': the US general election of an even year, taken only when
        the story is within two months of one (any other election day has no date we can know)."""
        if self.dct is None or self.dct.year % 2:
            return None
        d = movable_feast("Election Day", self.dct.year)
        if d is None or abs((d - self.dct).days) > 60:
            return None
        night = c.m.group("pod").lower() == "night"
        return self.mk(c, "time" if night else "date", d.isoformat() + ("TNI" if night else ""), "publication")

    def n_earlyhours(self, c: Cand) -> Norm | None:
        day = self._day_in_sentence(c.start)
        if day is not None:
            return Norm(c.start, c.end, "time", day[1] + "TMO", "part-of-day", "prev", c.kind, None, day[0])
        if self.dct is None:
            return self.mk(c, "time", None, None)
        return self.mk(c, "time", self.dct.isoformat() + "TMO", "publication")

    def n_yearend(self, c: Cand) -> Norm | None:
        """'year-end', 'by year's end': the current year (a past clause: the one before)."""
        if self.dct is None:
            return self.mk(c, "date", None, None)
        unit = c.m.group("unit").lower()
        tense = self.tense(c)
        if c.m.groupdict().get("mid"):
            # the middle of the current unit, unless the tense puts it on the other side of the story's day
            mid = {"year": 182, "month": 14, "week": 2}[unit]
            start = {"year": date(self.dct.year, 1, 1), "month": self.dct.replace(day=1),
                     "week": self.dct - timedelta(days=self.dct.weekday())}[unit]
            point = start + timedelta(days=mid)
            shift = -1 if tense == "past" and point > self.dct else 1 if tense == "future" and point < self.dct - timedelta(days=7) and unit == "year" else 0
        else:
            shift = -1 if tense == "past" else 0
        return self.mk(c, "date", self._shift_unit(self.dct, unit, shift), "publication")

    def n_alldur(self, c: Cand) -> Norm | None:
        """'all day', 'the whole week': a duration of one unit (a part of the day is a day's part)."""
        unit = c.m.group("unit").lower()
        v = {"night": "PT12H", "morning": "PT4H", "afternoon": "PT4H", "evening": "PT4H", "weekend": "P2D"}.get(unit)
        return self.mk(c, "duration", v or R.duration_value(1, unit), None)

    def n_overnight(self, c: Cand) -> Norm | None:
        """'flooded overnight': the night before the day the story is on (the last day named in
        the sentence, else the publication day). Not 'an overnight stay' (an adjective)."""
        if self.nlp is not None:
            span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or span[0].pos_ == "ADJ" or span[0].dep_ == "amod":
                return None
        elif re.match(r"\s+[a-z]+", self.text[c.end : c.end + 12]):
            return None
        day = self._day_in_sentence(c.start)
        if day is not None:
            i, d = day
            v = (date.fromisoformat(d) - timedelta(days=1)).isoformat() + "TNI"
            return Norm(c.start, c.end, "time", v, "part-of-day", "prev", c.kind, None, i)
        if self.dct is None:
            return self.mk(c, "time", None, None)
        tense = self.tense(c)
        d = self.dct if tense == "future" else self.dct - timedelta(days=1)
        return self.mk(c, "time", d.isoformat() + "TNI", "publication")

    _WD_RX = next(rx for k, rx in R._COMPILED if k == "weekday")

    def n_overnightwd(self, c: Cand) -> Norm | None:
        """'overnight Monday', 'overnight Sunday into Monday': the night of that day; 'overnight into
        Tuesday': the night of the day before. One TIME (TIDES), the weekday resolved as on its own."""
        m = c.m
        key = "wd" if m.group("wd") else "into"
        wm = self._WD_RX.match(self.text, m.start(key))
        if wm is None:
            return None
        day = self.n_weekday(Cand(m.start(key), m.end(key), "weekday", wm))
        if day is None:
            return None
        if not day.value or not re.match(r"\d{4}-\d\d-\d\d", day.value):
            wd = day.weekday if key == "wd" or day.weekday is None else (day.weekday - 2) % 7 + 1
            v = f"XXXX-WXX-{wd}TNI"
            return Norm(c.start, c.end, "time", v, "part-of-day", None, c.kind, wd)
        d = date.fromisoformat(day.value[:10]) - timedelta(days=0 if key == "wd" else 1)
        v = d.isoformat() + "TNI"
        return Norm(c.start, c.end, "time", v, "part-of-day", day.anchor, c.kind, d.isoweekday(), day.prev)

    def n_perunit(self, c: Cand) -> Norm | None:
        """'3 percent per year': a frequency, never a duration."""
        return self.mk(c, "set", R.duration_value(1, c.m.group("unit")), None)

    def is_rate(self, pos: int) -> bool:
        """'24 hours a day', '$5 a month': 'a <unit>' after an amount is a frequency."""
        before = self.text[max(0, pos - 25) : pos]
        if re.search(r"(?<![\d$\u00a3\u20ac.,])(?:19|20)\d\d[\s,]*$", before):
            return False  # "in 2012 a year of crisis began": a year, not an amount
        if re.search(r"(?:\d|hours?|times|percent|%|cents|dollars|euros|pounds|miles|meals|shifts|days|million|billion|thousand|barrels|tonnes|tons|calls|flights)[\s,]*$", before, re.I):
            return True
        # "900 seats a week", "two meals a day": a counted noun (not a year) right before
        return bool(self._COUNTED_RATE.search(self.text, max(0, pos - 40), pos))

    _COUNTED_RATE = re.compile(
        r"(?<![\w,.])(?!(?:19|20)\d\d\b)(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen)"
        r"\s+[a-z]+s(?:\s+[a-z]+s)?\s+$", re.I)

    def n_that(self, c: Cand) -> Norm | None:
        m = c.m
        unit = m.group("unit").lower()
        p = self.prev_value(c.start)
        if p is None:
            return None
        i, v = p
        d = v.split("T")[0]
        if unit == "time":  # "that time": the time just named, at its own granularity
            prev = self.out[i]
            if self.prev_word(c.start) not in ("at", "by", "until", "since", "before", "after", "from", "till"):
                return None  # "that time he was ...", "spent that time": no reference to a point
            if "\n\n" in self.text[prev.end : c.start] or prev.type not in ("date", "time"):
                return None
            return Norm(c.start, c.end, prev.type, v, prev.granularity, "prev", c.kind, None, i)
        if unit == "day":
            if re.fullmatch(r"\d{4}-\d\d", d) and re.match(r"(?i)that\s+(?:same|very)", m.group("det")):
                # "last October ... that same day": a day of that month (a bare "that day" may be generic)
                return Norm(c.start, c.end, "date", f"{d}-XX", "day", "prev", c.kind, None, i)
            if not re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}|[\dX]{4}-WXX-\d", d):
                return None
            return Norm(c.start, c.end, "date", d, "day", "prev", c.kind, None, i)
        if unit == "year":
            y = d[:4]
            return Norm(c.start, c.end, "date", y, "year", "prev", c.kind, None, i) if y.isdigit() else None
        if unit == "month":
            mo = d[:7]
            return Norm(c.start, c.end, "date", mo, "month", "prev", c.kind, None, i) if re.fullmatch(r"\d{4}-\d\d", mo) else None
        if unit in R._SEASONS and d[:4].isdigit():  # "in March 2011 ... that summer": 2011-SU
            y = int(d[:4]) + (1 if unit == "winter" and d[5:7] == "12" else 0)  # winters carry January's year
            v = f"{y:04d}-{R._SEASONS[unit]}"
            return Norm(c.start, c.end, "date", v, "season", "prev", c.kind, None, i)
        if unit == "quarter":  # "the third quarter ... results for that quarter": the quarter just named
            return Norm(c.start, c.end, "date", d, "quarter", "prev", c.kind, None, i) if re.fullmatch(r"\d{4}-Q\d", d) else None
        if unit in ("week", "weekend") and re.fullmatch(r"\d{4}-\d\d-\d\d", d):
            w = R.iso_week(date.fromisoformat(d)) + ("-WE" if unit == "weekend" else "")
            return Norm(c.start, c.end, "date", w, R.granularity(w, "date"), "prev", c.kind, None, i)
        return None

    _THEUNIT_PREP = ("for", "in", "during", "over", "through", "throughout", "into", "until")
    # "the first eight months of the year": a part of the period, the period itself a DATE (TimeBank)
    # "for most of the week", "much of the year": a share of the period named, the period itself a DATE
    _PART_OF = re.compile(r"\b(?:(?:first|last|final|remaining)\s+(?:[\w-]+\s+)?(?:months|weeks|quarters|days)|most|much|part)\s+of\s+$", re.I)

    _DAY_NAMED = re.compile(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tomorrow)\b")

    def n_theunit(self, c: Cand) -> Norm | None:
        """'for the year', 'in the quarter': the latest period of that size the story named (its year,
        quarter, month or week), else the one holding the publication date."""
        if self.prev_word(c.start) not in self._THEUNIT_PREP and not self._PART_OF.search(self.text, max(0, c.start - 30), c.start):
            return None
        unit = c.m.group("unit").lower()
        if unit == "day":  # "earlier in the day", "for the day": the day the story is on
            if re.search(r"\bback\s+in\s*$", self.text[max(0, c.start - 10) : c.start], re.I) or self.prev_word(c.start) == "into":
                return None
            if self._DAY_NAMED.match(self.text, c.end):
                return None  # "busy all through the day Sunday": one time, the weekday says which day
            p = self.last_day(c.start)
            if p is not None:
                return Norm(c.start, c.end, "date", p[1].isoformat(), "day", "prev", c.kind, None, p[0])
            return self.mk(c, "date", self.dct.isoformat() if self.dct else None, "publication")
        endmon = R.month_of(c.m.group("endmon") or "")
        if unit == "quarter" and endmon:
            # "the quarter ended Sept. 30": the calendar quarter most of its three months fall in, the
            # middle month's ("ended July 31" is May to July, Q2, as TimeBank writes it; "ended July 1"
            # is April to June; "ended Jan. 31" the fourth quarter of the year before)
            mid = endmon - 1 or 12
            q = (mid - 1) // 3 + 1
            endyear = c.m.group("endyear")
            if self.dct is None and not endyear:
                return self.mk(c, "date", f"XXXX-Q{q}", None)
            year = int(endyear) if endyear else self.dct.year - (1 if endmon > self.dct.month else 0)
            return self.mk(c, "date", f"{year - (endmon == 1)}-Q{q}", "absolute" if endyear else "publication")
        endword = (c.m.group("endmon") or "").lower()
        if unit == "year" and (endmon or endword in ("today", "tomorrow", "yesterday") or R.weekday_of(endword)):
            # "the (fiscal) year ended June 30": twelve months up to the date named after it, a DURATION
            # (TimeBank, TE3's training data, annotates it so; the end date is its own expression)
            return self.mk(c, "duration", "P1Y", None)
        near = max(self.text.rfind("\n\n", 0, c.start), c.start - 400)  # this paragraph, a few sentences
        for i in range(len(self.out) - 1, -1, -1):
            n = self.out[i]
            v = n.value or ""
            if n.start < near:
                break
            if n.type not in ("date", "time") or not v[:4].isdigit():
                continue
            got = None
            if unit == "year":
                got = v[:4]
            elif unit == "decade" and len(v) >= 3 and v[:3].isdigit() and n.granularity != "century":
                got = v[:3]  # "the firm grew in 2004 ... over the decade": the 2000s
            elif unit == "quarter" and re.fullmatch(r"\d{4}-Q\d", v):
                got = v
            elif unit == "month" and re.match(r"\d{4}-\d\d(?:$|-)", v):
                got = v[:7]
            elif unit == "week" and re.match(r"\d{4}-W\d\d", v):
                got = v[:8]
            elif unit == "week" and re.match(r"\d{4}-\d\d-\d\d", v):
                got = R.iso_week(date.fromisoformat(v[:10]))
            if got:
                return Norm(c.start, c.end, "date", got, R.granularity(got, "date"), "prev", c.kind, None, i)
            if n.granularity in ("year", "decade", "century") and unit != "year":
                break  # a coarser period was named last: "the quarter" is not inside it
        if self.dct is None:
            return self.mk(c, "date", None, None)
        # "profits rose in the quarter" with no quarter named: the one just reported, before this one;
        # in a quarter's first month (the season when the last one is reported) also with no tense
        tense = self.tense(c) if unit == "quarter" else None
        shift = -1 if tense == "past" or (unit == "quarter" and tense is None and self.dct.month % 3 == 1) else 0
        v = self._shift_unit(self.dct, unit, shift)
        return self.mk(c, "date", v, "publication")

    def n_thepod(self, c: Cand) -> Norm | None:
        """'in the morning', 'during the night': that part of the last day named, else of the
        publication day."""
        if self.prev_word(c.start) not in ("in", "during", "through", "throughout", "overnight", "late", "early", "into"):
            return None
        code = R._PODS[c.m.group("pod").lower()]
        p = self.last_day(c.start)
        if p is not None:
            v = f"{p[1].isoformat()}T{code}"
            return Norm(c.start, c.end, "time", v, "part-of-day", "prev", c.kind, None, p[0])
        if self.dct is None:
            return self.mk(c, "time", None, None)
        if code == "NI" and self.prev_word(c.start) in ("through", "throughout", "during") and self.tense(c) == "past":
            # "fighting raged through the night" with no day named: the night just gone, as "overnight"
            # ("talks went on into the night" carries the story's day on into its night)
            return self.mk(c, "time", f"{(self.dct - timedelta(days=1)).isoformat()}TNI", "publication")
        return self.mk(c, "time", f"{self.dct.isoformat()}T{code}", "publication")

    def n_modpod(self, c: Cand) -> Norm | None:
        """'the early afternoon', 'mid-afternoon': that part of the day the sentence names, else of the
        last day named, else of the publication day."""
        code = R._PODS[c.m.group("pod").lower()]
        day = self._day_in_sentence(c.start)
        if day is None:
            p = self.last_day(c.start)
            day = (p[0], p[1].isoformat()) if p else None
        if day is not None:
            return Norm(c.start, c.end, "time", f"{day[1]}T{code}", "part-of-day", "prev", c.kind, None, day[0])
        if self.dct is None:
            return self.mk(c, "time", None, None)
        return self.mk(c, "time", f"{self.dct.isoformat()}T{code}", "publication")

    def n_podword(self, c: Cand) -> Norm | None:
        """'at dawn', 'before dusk': that part of the day named (as 'the early afternoon'); 'a dawn
        raid' uses the word as a modifier, which TIDES does not mark, and 'the dawn of a new era' is
        a beginning, not a time of day."""
        if re.match(r"\s+of\s+(?:the|a|an|this|that|its|their|his|her|our|modern|new)\b", self.text[c.end : c.end + 12], re.I):
            return None
        if self.nlp is not None:
            span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or len(span) != 1 or span[0].dep_ in ("compound", "amod"):
                return None
        elif re.match(r"\s+[a-z]+", self.text[c.end : c.end + 12]) and not re.match(r"\s+on\b", self.text[c.end : c.end + 4]):
            return None
        return self.n_modpod(c)

    def n_yearago(self, c: Cand) -> Norm | None:
        """'the year-earlier period': the period the story just named, a year back."""
        q = self.last_period(c.start)
        if q is not None:
            return self.period_back(c, q)
        p = self.prev_value(c.start)
        if p is not None and self._BACK.search(self.text[self.out[p[0]].start : self.out[p[0]].end]):
            p = None  # the comparison before this one is not the period compared
        if p is not None:
            part = re.fullmatch(r"(\d{4})((?:-(?:Q\d|H\d|\d\d|W\d\d|SP|SU|FA|WI))?)", p[1])
            if part:
                v = f"{int(part.group(1)) - 1:04d}{part.group(2)}"
                return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), "prev", c.kind, None, p[0])
        if self.dct is None:
            return self.mk(c, "date", None, None)
        if (c.m.group("unit") or c.m.groupdict().get("unit2") or "").lower() == "quarter":
            # none named: the quarter just reported, a year back
            q = (self.dct.month - 1) // 3  # 0-based current quarter; the one before it is reported
            y, q = (self.dct.year - 1, q) if q else (self.dct.year - 2, 4)
            return self.mk(c, "date", f"{y:04d}-Q{q}", "publication")
        return self.mk(c, "date", f"{self.dct.year - 1:04d}", "publication")

    def n_theweekend(self, c: Cand) -> Norm | None:
        start = c.start
        mm = re.match(r"over\s+", self.text[c.start : c.end], re.I)
        if mm:
            start += mm.end()
        if self.dct is None:
            return Norm(start, c.end, "date", None, None, None, c.kind)
        tense = self.tense(c)
        wd = self.dct.isoweekday()
        if tense == "future" or wd >= 6:
            base = self.dct
        else:
            base = self.dct - timedelta(weeks=1)
        v = R.iso_week(base) + "-WE"
        return Norm(start, c.end, "date", v, "weekend", "publication", c.kind)

    def n_dayafter(self, c: Cand) -> Norm | None:
        """'the day before', 'the week before', 'the year after': that unit one step from the time
        last named (fine enough for the unit), else from the publication date."""
        m = c.m
        unit = m.group("unit").lower()
        shift = -1 if m.group("dir").lower() == "before" else 1
        found: tuple[int | None, date] | None = None
        if unit in ("month", "year"):
            p = self.prev_value(c.start)
            base = _base_date(p[1], unit) if p is not None else None
            found = (p[0], base) if p is not None and base is not None else None
        if found is None:
            found = self.last_day(c.start)
        if found is None:
            if self.dct is None:
                return Norm(c.start, c.end, "time" if unit == "night" else "date", None, None, None, c.kind)
            found = (None, self.dct)
        i, base = found
        anchor = "prev" if i is not None else "publication"
        if unit == "night":
            v = (base + timedelta(days=shift)).isoformat() + "TNI"
            return Norm(c.start, c.end, "time", v, "part-of-day", anchor, c.kind, None, i)
        v = (base + timedelta(days=shift)).isoformat() if unit == "day" else self._shift_unit(base, unit, shift)
        return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), anchor, c.kind, None, i)

    def n_ago(self, c: Cand) -> Norm | None:
        m = c.m
        n = R._num(m.group("num"))
        if n is not None and m.group("half"):
            n += 0.5
        unit = m.group("unit").lower()
        direction = m.group("dir").lower()
        if unit == "second" and m.group("num").lower() in ("a", "an"):
            return None
        if direction not in ("ago", "from now", "hence", "back"):
            unit_end = m.end("unit") + (1 if self.text[m.end("unit") : m.end("unit") + 1] == "s" else 0)
            ends = re.match(r"\s*(?:[.,;:!?)\u2014]|$|and\b|but\b|when\b|as\b)", self.text[c.end : c.end + 6])
            if direction in ("later", "earlier") and not re.match(r"\s+than\b", self.text[c.end : c.end + 6]):
                ends = True  # "announced a week later that ...": only "later than" compares amounts
            if not ends:
                # "a month earlier than usual", "two days after the vote": the amount is a duration
                return self.mk(c, "duration", R.duration_value(n, unit), None, end=unit_end)
            if n is None:
                # "a few days later": no date can be counted, only a vague length is known (TimeBank
                # and HeidelTime: a DURATION, "later" its signal)
                return self.mk(c, "duration", R.duration_value(n, unit), None, end=unit_end)
            # "Two days later, ..." / "a year earlier.": a date counted from the last day named
            # in this paragraph, else from the publication date
            sign = -1 if direction in ("earlier", "before", "previously") else 1
            para = self.text.rfind("\n\n", 0, c.start)
            p = self.prev_value(c.start)
            q = self.last_period(c.start) if unit == "year" else None
            if q is not None and n is not None and n == int(n) and (
                p is None or self.out[p[0]].start <= para
                or self._BACK.search(self.text[self.out[p[0]].start : self.out[p[0]].end])
            ):
                return self.period_back(c, q, -sign * int(n))  # "a year earlier": that quarter
            clock = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d)(.*)", p[1]) if p is not None else None
            if clock and unit in ("hour", "minute") and n is not None and n == int(n) and self.out[p[0]].start > para:
                # "at 11 p.m. ... died two hours later": a clock time counted from the clock time before
                # (into the next day if need be), a TIME like the one it counts from
                hh, mm = int(clock.group(1)[11:13]), int(clock.group(1)[14:16])
                t0 = datetime.fromisoformat(clock.group(1)[:10]) + timedelta(hours=hh, minutes=mm)
                t1 = t0 + sign * timedelta(**{unit + "s": int(n)})
                v = t1.strftime("%Y-%m-%dT%H:%M") + clock.group(2)
                return Norm(c.start, c.end, "time", v, "minute", "prev", c.kind, None, p[0])
            if unit in ("day", "week", "hour", "minute") and self.prev_word(c.start) not in _COMPARE:
                # "Three days later, ...", "A day earlier, ...": TimeML marks the length and leaves
                # "later" as its signal (TimeBank 2 of 2, AQUAINT 1 of 1, none as a date); only a
                # clock time above counts a TIME, and years, months and compared periods ("claims
                # fell from a week earlier") keep their dates, as "a year earlier" is the comparison
                # period in TimeBank's earnings stories
                return self.mk(c, "duration", R.duration_value(n, unit), None, end=unit_end)
            if p is not None and self.out[p[0]].start > para:
                base = _base_date(p[1], unit)
                v = _offset_value(base, sign * n, unit) if base and n is not None and n == int(n) else None
                part = re.fullmatch(r"(\d{4})(-(?:Q\d|H\d|\d\d|SP|SU|FA|WI))", p[1])
                if unit == "year" and part and n is not None and n == int(n):
                    # "sales in the fourth quarter ... a year earlier": the same quarter (month,
                    # season) of that year, as the comparison means
                    v = f"{int(part.group(1)) + sign * int(n):04d}{part.group(2)}"
                return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), "prev" if v else None, c.kind, None, p[0])
            if self.dct is None or n != int(n) or sign > 0:
                return self.mk(c, "date", None, None)  # "four years later" with nothing before: unknown
            return self.mk(c, "date", _offset_value(self.dct, sign * n, unit), "publication")
        if m.group("agoref"):
            return self._ago_anchored(c, n, unit, m.group("agoref"))
        sign = 1 if direction in ("from now", "hence") else -1
        if unit == "year" and sign < 0 and n is not None and n == int(n) and self.prev_word(c.start) in (
            "from", "than", "with", "over", "versus", "vs", "to"
        ):
            # "profit rose in the third quarter from a year ago": the period just named, a year back
            # (TimeBank's comparisons; HeidelTime's REFUNIT rule)
            lo = max(self.text.rfind(". ", 0, c.start), self.text.rfind("\n", 0, c.start))
            p = self.prev_value(c.start)
            part = re.fullmatch(r"(\d{4})(-(?:Q\d|H\d|\d\d|SP|SU|FA|WI))", p[1]) if p else None
            if p is not None and part and self.out[p[0]].start > lo:
                v = f"{int(part.group(1)) - int(n):04d}{part.group(2)}"
                return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), "prev", c.kind, None, p[0])
        if unit == "year" and sign < 0 and n is not None and n == int(n):
            q = self.last_period(c.start)
            if q is not None:
                # an earnings story: "net was $5 million, up from $3 million a year ago" compares
                # the quarter it reports with the same quarter a year back (TimeBank)
                return self.period_back(c, q, int(n))
        if self.dct is None or n is None or n != int(n):
            return self.mk(c, "date", "PAST_REF" if sign < 0 and n is None else None, "publication")
        return self.mk(c, "date", _offset_value(self.dct, sign * n, unit), "publication")

    def _ago_anchored(self, c: Cand, n: float | None, unit: str, ref: str) -> Norm | None:
        """'a year ago today', 'two years ago this month': that day (week, month) back, not the whole
        year -- the anniversary phrase names one day. ('Two weeks from today' stays a duration and a
        date: TimeML splits a length from its anchor.)"""
        if self.dct is None or n is None or n != int(n) or unit not in ("day", "week", "month", "year"):
            return self.mk(c, "date", None, None)
        k, base = -int(n), self.dct
        if unit in ("day", "week"):
            d = base + timedelta(days=k * (7 if unit == "week" else 1))
        else:
            y, mo = R.add_months(base, k * (12 if unit == "year" else 1))
            d = R._safe_date(y, mo, base.day) or R._safe_date(y, mo, 28)
        if d is None or d.year < 1:
            return None
        gran = re.sub(r"\s+", " ", ref.lower())
        v = {"today": d.isoformat(), "this week": R.iso_week(d), "this month": f"{d.year:04d}-{d.month:02d}"}[gran]
        return self.mk(c, "date", v, "publication")

    def _before_bare_verb(self, end: int) -> bool:
        """The word right after `end` is a verb's base form ("one day lead", "one day become"): the
        subjunctive of a hope, not a length of time."""
        if self.nlp is None:
            return False
        span = self.nlp.char_span(end - 1, end, alignment_mode="expand")
        if span is None or span.end >= len(self.nlp):
            return False
        nxt = self.nlp[span.end]
        return nxt.tag_ == "VB" and nxt.idx - end <= 1

    def n_duration(self, c: Cand) -> Norm | None:
        m = c.m
        unit = m.group("unit").lower()
        numw = m.group("num").lower()
        if unit == "second" and numw in ("a", "an"):
            return None
        if numw == "one" and unit == "day" and re.fullmatch(r"one\s+day", self.text[c.start : c.end], re.I) and self.prev_word(
            c.start
        ) in ("will", "would", "could", "might", "may", "can", "shall", "should", "must", "to"):
            return self.mk(c, "date", "FUTURE_REF", "publication")  # "Islam will one day be ...": TIDES
        if numw == "one" and unit == "day" and self._before_bare_verb(c.end):
            return self.mk(c, "date", "FUTURE_REF", "publication")  # "the hope she one day lead ...": a wish
        if numw in ("a", "an") and m.group("pre") is None and m.group("approx") is None:
            # "a day" alone is weak evidence; "twice a day" is a set (handled there); keep "a year" etc.
            after = self.text[c.end : c.end + 12].lower()
            if after.startswith(("-", " or two", " and")):
                return None
        if unit == "quarter" and (
            numw in ("a", "an", "one") or not self.text[c.start : c.end].lower().endswith("quarters")
            or re.match(r"\s+of\b", self.text[c.end : c.end + 4])
        ):
            return None  # "a quarter of the vote", "three quarters of them": a fraction, not time
        if numw == "many" and self.prev_word(c.start) == "as":
            return None  # "the third in as many months"
        if numw in ("a", "an") and m.group("pre") is None and m.group("approx") is None and self.is_rate(c.start):
            return self.mk(c, "set", R.duration_value(1, unit), None)
        n = R._num(numw)
        plural = self.text[m.end("unit") : m.end("unit") + 1] in ("s", "S")
        if n is not None and n != 1 and not plural and not (m.group("half") or m.group("uhalf")):
            return None  # "a 90 minute meeting": a compound modifier, like "nine-minute"
        if numw[0].isdigit() and self.text[m.start("unit")].isupper() and not self.text[c.start : c.end].isupper():
            return None  # "60 Minutes": a title
        if n is not None and (m.group("half") or m.group("uhalf")):  # "a year and a half": P1Y6M
            n += 0.5
        if n is not None and n > 10000:
            return None
        if numw[0].isdigit() and re.search(r"\d[,.]$", self.text[max(0, c.start - 2) : c.start]):
            return None  # "39,467 days": the number began before the match
        if numw[0].isdigit() and self.prev_word(c.start) in ("$",):
            return None
        if (
            n is not None and n == int(n) and n >= 1 and unit in ("day", "week", "month", "year")
            and m.group("pre") is None and m.group("det") is None
            and self.prev_word(c.start) == "in" and self.dct is not None and self.tense(c) == "future"
        ):
            # "the bonds will be redeemed in five years", "talks resume in two weeks": a point that far
            # ahead of the story, at the unit's granularity (TimeML: TimeBank writes 1994 from 1989)
            v = _offset_value(self.dct, n, unit)
            if v is not None:
                return self.mk(c, "date", v, "publication")
        return self.mk(c, "duration", R.duration_value(n, unit), None)

    def n_durrange(self, c: Cand) -> list[Norm] | None:
        """'two to three years': TIDES and TimeML mark each end of a range, so the first amount is a
        duration of its own in the unit the second one names ('two' = P2Y)."""
        m = c.m
        n1, n2 = R._num(m.group("n1")), R._num(m.group("n2"))
        if n1 is None or n2 is None or not 0 < n1 < n2 or n2 > 10000:
            return None
        if m.group("sep").lower() == "and" and self.prev_word(c.start) != "between":
            return None  # "two and three years": not a range
        unit = m.group("unit")
        if self.text[m.end("unit") : m.end("unit") + 1] not in ("s", "S"):
            return None  # "a 15 to 20 minute drive": a compound modifier
        if unit.lower() == "quarter":
            return None
        first = Norm(c.start, m.end("n1"), "duration", R.duration_value(n1, unit), None, None, c.kind)
        second = Norm(m.start("n2"), c.end, "duration", R.duration_value(n2, unit), None, None, c.kind)
        return [first, second]

    def n_nthday(self, c: Cand) -> Norm | None:
        """'it is the ninth day of the walkout': the publication day (unresolved without one)."""
        if self.dct is None:
            return self.mk(c, "date", None, None)
        return self.mk(c, "date", self.dct.isoformat(), "publication")

    def n_halfdur(self, c: Cand) -> Norm | None:
        unit = c.m.group("unit").lower()
        v = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "month": "P0.5M", "decade": "P5Y", "century": "P50Y"}[unit]
        return self.mk(c, "duration", v, None)

    def n_fraccent(self, c: Cand) -> Norm | None:
        """'a quarter-century', 'the past half-century': a duration in years (TIDES writes 'half a
        century' as P50Y; TimeML keeps 'the past' inside, a length as 'the past three years' is)."""
        years = 25 if c.m.group("frac").lower() == "quarter" else 50
        ago = re.match(r"\s+ago(?![\w-])", self.text[c.end : c.end + 8])
        if ago and not c.m.group(0).lower().startswith("the "):
            # "a quarter-century ago": the year that far back, as "25 years ago" is
            v = f"{self.dct.year - years:04d}" if self.dct is not None else None
            return self.mk(c, "date", v, "publication", end=c.end + ago.end())
        return self.mk(c, "duration", f"P{years}Y", None)

    def n_vaguedur(self, c: Cand) -> Norm | None:
        m = c.m
        pre = m.group("pre").lower().strip()
        start = c.start
        lead = re.match(r"(?:for|in|over|within)\s+(?=\w)", self.text[c.start : c.end], re.I)
        if lead:
            start += lead.end()
        if pre in ("for", "within", "over", "in"):
            start = m.start("unit")
        elif pre == "over the":
            start = m.start("pre") + 5
        unit = m.group("unit").lower()
        if pre.endswith("coming") or pre.endswith("next") and "for" not in pre:
            # "(for) the coming months" is the time ahead (TIDES FUTURE_REF; HeidelTime agrees, also after
            # "for"); "for the next months" is a stretch counted from now, a duration
            v = "FUTURE_REF"
            return Norm(start, c.end, "date", v, "vague", "publication", c.kind)
        return Norm(start, c.end, "duration", R.duration_value(None, unit), None, None, c.kind)

    def n_laterdur(self, c: Cand) -> Norm | None:
        """'hours later', 'days after the attack': a vague amount of time."""
        m = c.m
        return Norm(m.start("unit"), m.end("unit"), "duration", R.duration_value(None, m.group("unit")), None, None, c.kind)

    _BARE_PREPS = frozenset({"after", "for", "within", "over", "during", "in", "from", "through", "throughout"})
    _BARE_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "npadvmod", "pobj", "attr", "conj", "oprd"})
    _BARE_MODS = frozenset({"det", "nummod", "amod", "compound", "poss", "quantmod", "nmod", "predet", "case"})

    def n_bareunits(self, c: Cand) -> Norm | None:
        """'lasted decades', 'took years', 'after years of fighting': TIDES marks a plural unit with no
        number as a duration of unknown length (PXY). Only a bare noun phrase: no determiner,
        number, adjective or owner ('his early days', 'opening hours' are not durations)."""
        if self.nlp is None:
            return None
        span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return None
        tok = span[0]
        if tok.tag_ != "NNS" or tok.ent_type_ in ("WORK_OF_ART", "EVENT", "ORG", "PERSON", "FAC", "PRODUCT"):
            return None
        if tok.dep_ not in self._BARE_DEPS or any(ch.dep_ in self._BARE_MODS for ch in tok.children):
            return None
        if tok.dep_ == "pobj" and tok.head.lower_ not in self._BARE_PREPS:
            return None
        return self.mk(c, "duration", R.duration_value(None, c.m.group("unit")), None)

    def n_agovague(self, c: Cand) -> Norm | None:
        return self.mk(c, "date", "PAST_REF", "publication")

    def n_time(self, c: Cand) -> Norm | None:
        m = c.m
        g = m.groupdict()
        if g.get("word"):
            w = g["word"].lower()
            if w == "noon" and self.prev_word(c.start) == "high":
                return None  # "high noon": the showdown idiom (or the film), no clock time
            hh, mi = (24, 0) if w == "midnight" else (12, 0)  # TIDES: midnight ends its day (T24:00)
        else:
            hh = int(g["h"])
            mi = int(g["mi"] or 0)
            ampm = (g.get("ampm") or "").lower().replace(".", "")
            pod2 = (g.get("pod2") or ("night" if g.get("night") else "")).lower()
            if pod2 or g.get("oc"):
                if not 1 <= hh <= 12:
                    return None
                if pod2 and not g.get("oc") and g.get("mi") is None and self.prev_word(c.start) not in (
                    "at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "between", "and"
                ):
                    return None  # "won 3 in the afternoon session": a score, not a clock
                if pod2 == "morning":
                    hh %= 12
                elif pod2 in ("afternoon", "evening") or pod2 == "night" and hh >= 6:
                    hh = hh % 12 + 12
                elif pod2 == "night" and hh == 12:
                    hh = 24
            elif ampm:
                if not 1 <= hh <= 12:
                    return None
                hh = hh % 12 + (12 if ampm == "pm" else 0)
            elif g.get("mi") is None:
                return None
            # "2:1", scores like "3:2" never reach here (two-digit minutes); "at 10:30" sports times pass
        clock = f"T{hh:02d}:{mi:02d}"
        tz = g.get("tz")
        zone = R._TZZ.get(tz) if tz else None
        if tz and zone is None:
            off = R._TZ.get(tz)
            if off is not None:
                sign = "+" if off >= 0 else "-"
                clock += f"{sign}{abs(off) // 60:02d}:{abs(off) % 60:02d}"
        # the day: an earlier day expression in the same sentence, else the publication date
        day = self._day_in_sentence(c.start)
        if day is None:
            # a bare clock time in a story narrates the day the story is about: the last day named
            p = self.last_day(c.start)
            day = (p[0], p[1].isoformat()) if p else None
            if p is not None and self.dct is not None and p[1] > self.dct and self.tense(c) == "past":
                day = None  # "landed at 10.45pm" after "sworn in on Jan. 20": a past clock is not on a day ahead
        if day is not None:
            i, d = day
            if hh < 5 and (self.out[i].value or "").endswith(("TNI", "TEV")) and not re.fullmatch(r"[\dX]{4}-XX-XX", d):
                # "Wednesday night ... closed it out at 12:47 a.m.": past midnight is the next day
                d = (date.fromisoformat(d) + timedelta(days=1)).isoformat() if d[:4].isdigit() else d
            n = Norm(c.start, c.end, "time", d + clock, "minute", "prev", c.kind, None, i)
        elif self.dct is None:
            n = Norm(c.start, c.end, "time", "XXXX-XX-XX" + clock, "minute", None, c.kind)
        else:
            n = Norm(c.start, c.end, "time", self.dct.isoformat() + clock, "minute", "publication", c.kind)
        if zone is not None:
            n.zone = zone
            n.value = with_zone(n.value, zone)
        return n

    def n_clockpod(self, c: Cand) -> Norm | None:
        """'7:45 in the morning', "about 8 o'clock": a clock time (own kind only to be tried at the
        part-of-day word or "o'clock" instead of at every number)."""
        return self.n_time(Cand(c.start, c.end, "time", c.m))

    def n_dayord(self, c: Cand) -> Norm | None:
        """'on the 5th': that day of the month last named, else of the publication month, on the
        side of it the tense points to ('began on the 25th' in a March 20 story is February 25)."""
        m = c.m
        day = int(m.group("day"))
        suf = m.group("suf").lower()
        if suf != {1: "st", 2: "nd", 3: "rd"}.get(day % 10 if day not in (11, 12, 13) else 0, "th"):
            return None  # "the 2th": not an ordinal
        start = m.start("the")
        if _COUNTED_THINGS.search(self.text, max(0, c.start - 300), min(len(self.text), c.end + 200)):
            return None  # "birdied on the 18th.", "scored in the 9th": holes, innings, laps nearby
        p = self.prev_value(c.start)
        near = max(self.text.rfind("\n\n", 0, c.start), c.start - 400)  # this paragraph, a few sentences
        if p is not None and self.out[p[0]].start > near and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", p[1].split("T")[0]):
            y, mo = int(p[1][:4]), int(p[1][5:7])
            d = R._safe_date(y, mo, day)
            return Norm(start, c.end, "date", d.isoformat(), "day", "prev", c.kind, None, p[0]) if d else None
        if self.dct is None:
            return self.mk(c, "date", f"XXXX-XX-{day:02d}", None, start=start)
        y, mo = self.dct.year, self.dct.month
        tense = self.tense(c)
        if tense == "past" and day > self.dct.day:
            y, mo = (y, mo - 1) if mo > 1 else (y - 1, 12)
        elif tense == "future" and day < self.dct.day:
            y, mo = (y, mo + 1) if mo < 12 else (y + 1, 1)
        d = R._safe_date(y, mo, day)
        return self.mk(c, "date", d.isoformat(), "publication", start=start) if d else None

    def n_clockrange(self, c: Cand) -> list[Norm] | None:
        """'from 1 to 3 p.m.': TIDES marks each end of a range; the first end is on the clock half
        the second names unless it is later in it ('from 11 to 1 p.m.' starts at 11 a.m.)."""
        m = c.m
        sep = m.group("sep").lower()
        before = self.prev_word(c.start)
        if sep == "and" and before != "between" or sep == "to" and before not in ("from", "between"):
            return None
        h1, m1, h2 = int(m.group("h1")), int(m.group("m1") or 0), int(m.group("h"))
        pm = m.group("ampm").lower().startswith("p")
        if not (1 <= h1 <= 12 and 1 <= h2 <= 12):
            return None
        if h1 % 12 <= h2 % 12:
            h1 = h1 % 12 + (12 if pm else 0)
        elif pm:
            h1 = h1 % 12
        else:
            return None  # "11 to 1 a.m." crosses midnight: no day we could name
        second = self.n_time(Cand(m.start("h"), c.end, "time", m))
        if second is None or not second.value or "T" not in second.value:
            return None
        day, rest = second.value.split("T", 1)
        value = f"{day}T{h1:02d}:{m1:02d}{rest[5:]}"
        first = Norm(c.start, m.end("m1") if m.group("m1") else m.end("h1"), "time", value, "minute",
                     second.anchor, c.kind, None, second.prev)
        first.pair = second
        return [first, second]

    def _day_in_sentence(self, pos: int) -> tuple[int, str] | None:
        sent_start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos))
        for i in range(len(self.out) - 1, -1, -1):
            n = self.out[i]
            if n.start < sent_start:
                break
            if n.value and n.granularity == "day":
                return i, n.value[:10]
        return None

    _COUNTED_AFTER = re.compile(r"\s+(?:few|several|couple|many|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)

    def _is_subject(self, start: int, end: int) -> bool:
        if self.nlp is None:
            return False
        span = self.nlp.char_span(start, end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    _DISCOURSE_NOW = re.compile(r"[ \t]*,")
    _SENTENCE_END = re.compile(r"(?:[.!?:;\n][\"'`\u2018\u2019\u201c\u201d)\s]*)$")

    def _opens_sentence(self, start: int) -> bool:
        """True when only sentence punctuation, quotes and space stand before `start` (the text
        itself is read, not the parse, which often glues a quote's first word to the sentence before)."""
        before = self.text[max(0, start - 6) : start]
        return bool(self._SENTENCE_END.search(before if start > 6 else "\n" + before))

    def n_vague(self, c: Cand) -> Norm | None:
        v = c.m.group("v").lower()
        if v.endswith("the past") and self._COUNTED_AFTER.match(self.text, c.end):
            return None  # "for the past few nights", "the past two seasons": a counted stretch, not PAST_REF
        if v == "the future" and (re.match(r"\s+of\b", self.text[c.end : c.end + 4]) or self._is_subject(c.start, c.end)):
            return None  # "the future of the talks", "the future looks bleak": prospects, not a time (TIDES)
        start = c.start
        lead = re.match(r"in\s+", self.text[c.start : c.end], re.I)
        if lead:
            start += lead.end()
        if v == "now" and self._DISCOURSE_NOW.match(self.text, c.end) and self._opens_sentence(c.start):
            return None  # "Now, he says, ...": a discourse marker turning the argument, not the present
        if v in ("right now", "now", "currently", "nowadays", "these days", "at present", "presently") or "moment" in v:
            # "now" as in "now-defunct" is excluded by the pattern; "until now" is still the present
            value = "PRESENT_REF"
        elif "future" in v or "coming" in v or "soon" in v or v.endswith(("ahead", "come", "term")):
            # "soon", "in the near term": TIDES reads these as the future (FUTURE_REF)
            value = "FUTURE_REF"
        else:
            value = "PAST_REF"
        return Norm(start, c.end, "date", value, "vague", "publication", c.kind)

    _NOT_CURRENT = re.compile(r"\s+(?:accounts?|assets|liabilities|ratio|density|flow|sea|ocean|of)\b", re.I)

    def n_vagueadj(self, c: Cand) -> Norm | None:
        """'the current crisis' PRESENT_REF, 'a recent visit' PAST_REF: TIDES 2005 lists these adjectives
        among the markable references to the present and the past (the noun stays outside). Only an
        adjective before a noun: not "the current" (a flow), "current account" (a kind of account), nor
        a comparison ("more recent than") or the predicate ("the data is recent")."""
        if self.nlp is None or self._NOT_CURRENT.match(self.text, c.end):
            return None
        span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return None
        tok = span[0]
        if tok.tag_ != "JJ" or tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i <= tok.i:
            return None
        if tok.head.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "EVENT"):
            return None
        if any(ch.dep_ == "advmod" and ch.lower_ in ("more", "less", "most", "least") for ch in tok.children):
            return None  # "the most recent poll": a ranking, not a time
        value = "PRESENT_REF" if c.m.group("adj").lower() == "current" else "PAST_REF"
        return Norm(c.start, c.end, "date", value, "vague", "publication", c.kind)

    def n_set(self, c: Cand) -> Norm | None:
        g = c.m.groupdict()
        if g.get("pwd"):
            if self.is_entity(c.start, c.end, ("PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT")):
                return None  # a band or a show named after the day
            wd = R.weekday_of(g["pwd"][:-1])
            return self.mk(c, "set", f"XXXX-WXX-{wd}" if wd else "XXXX-WXX-WE", None)
        if g.get("adv"):
            adv = g["adv"].lower()
            if adv not in ("annually", "yearly") and self.nlp is not None:
                # "published weekly" is a frequency; "the daily paper", "a weekly magazine" are not
                span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
                if span is None or span[0].pos_ != "ADV" and span[0].dep_ not in ("advmod", "npadvmod"):
                    return None
                nxt = span[0].nbor() if span[0].i + 1 < len(span[0].doc) else None
                if span[0].tag_ == "JJ" and nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.tag_ not in ("IN", "CC", "TO", "RB"):
                    return None  # "get daily updates": an adjective before its noun (parsed as a verb or not)
            elif adv not in ("annually", "yearly") and not re.match(r"\s*(?:[.,;:!?)]|$)", self.text[c.end : c.end + 3]):
                return None
            v = {"weekly": "P1W", "monthly": "P1M", "daily": "P1D", "hourly": "PT1H", "quarterly": "P3M",
                 "nightly": "P1D", "biweekly": "P2W"}.get(adv, "P1Y")
            return self.mk(c, "set", v, None)
        unit = g["unit"].lower().rstrip("s") if g["unit"].lower() not in ("days",) else "day"
        unit = g["unit"].lower()
        unit = unit[:-1] if unit.endswith("s") and unit[:-1] in ("day", "week", "month", "year", "hour", "minute", "second", "decade", "morning", "night", "evening", "afternoon", "weekend", "season") or unit.endswith("days") else unit
        wd = R.weekday_of(unit)
        if g.get("times"):
            return self.mk(c, "set", R.duration_value(1, unit), None)
        nword = g.get("n")
        n = 2.0 if nword and nword.lower() == "other" else R._num(nword) if nword else 1.0
        if wd:
            return self.mk(c, "set", f"XXXX-WXX-{wd}", None)
        mon = R.month_of(unit)
        if mon:  # "each July": every July (TIDES), not this year's
            return self.mk(c, "set", f"XXXX-{mon:02d}", None)
        if unit in R._PODS:
            return self.mk(c, "set", f"XXXX-XX-XXT{R._PODS[unit]}", None)
        if unit in R._SEASONS:
            return self.mk(c, "set", f"XXXX-{R._SEASONS[unit]}", None)
        if unit == "season":
            return self.mk(c, "set", "P1Y", None)
        if unit == "weekend":
            return self.mk(c, "set", "XXXX-WXX-WE", None)
        return self.mk(c, "set", R.duration_value(n, unit), None)

    def n_setpwd(self, c: Cand) -> Norm | None:
        return self.n_set(c)

    def n_setwdpod(self, c: Cand) -> list[Norm] | None:
        """'Sunday mornings': XXXX-WXX-7TMO; 'Friday and Saturday evenings': both weekdays, each a SET."""
        m = c.m
        code = R._PODS[m.group("pod").lower()]
        out = []
        if m.group("wd1"):
            out.append(Norm(m.start("wd1"), m.end("wd1"), "set", f"XXXX-WXX-{R.weekday_of(m.group('wd1'))}T{code}", None, None, c.kind))
        out.append(Norm(m.start("wd"), c.end, "set", f"XXXX-WXX-{R.weekday_of(m.group('wd'))}T{code}", None, None, c.kind))
        return out

    _FIXED_HOLIDAYS = {
        "Christmas Eve": (12, 24), "Christmas Day": (12, 25), "Christmas": (12, 25), "New Year's Eve": (12, 31),
        "New Year's Day": (1, 1), "Boxing Day": (12, 26), "Valentine's Day": (2, 14), "Halloween": (10, 31),
        "St. Patrick's Day": (3, 17), "St Patrick's Day": (3, 17), "Saint Patrick's Day": (3, 17),
        "Veterans Day": (11, 11), "Armistice Day": (11, 11), "Remembrance Day": (11, 11), "Bastille Day": (7, 14),
        "May Day": (5, 1), "Xmas": (12, 25), "Fourth of July": (7, 4), "New Year's": (1, 1), "New Year\u2019s": (1, 1),
        "New Year": (1, 1),
    }
    _OTHER_NEW_YEAR = re.compile(r"(?i)\b(?:Chinese|Lunar|Jewish|Persian|Iranian|Islamic|Hijri|Vietnamese|Tibetan|Thai|Orthodox)\s+$")

    def n_holiday(self, c: Cand) -> Norm | None:
        m = c.m
        hol = m.group("hol")
        if re.match(r"\s+(?:tree|card|present|gift|shopping|market|lights|song|carol|egg|bunny|Island|parade)",
                    self.text[c.end :]) or self.text[c.end : c.end + 2] in ("'s", "\u2019s"):
            return None  # "a Christmas tree", "Easter Island": a name, not the day
        if hol.startswith("New Year") and (
            self._OTHER_NEW_YEAR.search(self.text, max(0, c.start - 12), c.start)
            or re.match(r"\s+(?:resolutions?|message|address|honou?rs?|greetings?|wishes)\b", self.text[c.end :])
        ):
            return None  # the Lunar New Year falls elsewhere; "a New Year message" names no day
        md = self._FIXED_HOLIDAYS.get(re.sub(r"^[Tt]he ", "", hol))
        if md is not None:
            return self._ymd(c, m.group("year"), md[0], md[1])
        y = m.group("year")
        if y:
            d = movable_feast(hol, int(y))
            return self.mk(c, "date", d.isoformat(), "absolute") if d else None
        if self.dct is None:
            return self.mk(c, "date", None, None)
        tense = self.tense(c)
        d = movable_feast(hol, self.dct.year)
        if d is None:
            return None
        shift = 0
        if tense == "past" and d > self.dct + timedelta(days=7):
            shift = -1
        elif tense == "future" and d < self.dct - timedelta(days=7):
            shift = 1
        elif tense is None and (d - self.dct).days > 183:
            shift = -1
        elif tense is None and (self.dct - d).days > 273:
            shift = 1
        d = movable_feast(hol, self.dct.year + shift) if shift else d
        return self.mk(c, "date", d.isoformat(), "publication") if d else None

    def n_quarter(self, c: Cand) -> Norm | None:
        g = c.m.groupdict()
        if g.get("qn"):
            code = g["qn"]
            y = g.get("year")
            if y:
                return self.mk(c, "date", f"{y}-{code}", "absolute")
            if self.dct is None:
                return self.mk(c, "date", f"XXXX-{code}", None)
            return self.mk(c, "date", f"{self.dct.year}-{code}", "publication")
        q = g["q"].lower()
        unit = g["unit"].lower()
        if not g.get("year") and not g.get("yago") and self._game_period(c):
            return None  # "scored in the second half", "the fourth quarter of the game": a part of a match
        idx = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}[q]
        if unit == "half":
            if q in ("final", "last"):
                idx = 2
            if idx > 2:
                return None
        code = f"{'Q' if unit == 'quarter' else 'H'}{idx}"
        y = (g.get("year") or "").lower()
        rel = (g.get("rel") or "").lower()
        if re.fullmatch(r"\d{4}", y):
            return self.mk(c, "date", f"{y}-{code}", "absolute")  # "the third quarter of fiscal 1990"
        if self.dct is None:
            return self.mk(c, "date", f"XXXX-{code}", None)
        year = self.dct.year - (1 if "last" in y or rel in ("last", "previous") else 0) + (1 if "next" in y else 0)
        if not y and not rel:
            # "the fourth quarter" in a March report is last year's; "will ... in the first half" in
            # an August story is next year's: the nearest such period on the side the tense points to
            per = 4 if unit == "quarter" else 2
            now = (self.dct.month - 1) // (12 // per) + 1
            tense = self.tense(c)
            if idx == (now - 2) % per + 1 and idx != now and not (
                tense == "future" and self.prev_word(c.start) in ("in", "during", "by", "into", "until", "till", "through", "over", "throughout")
            ):
                # the period that just ended is the one being reported, whatever the tense:
                # "expects to report third-quarter earnings" in October is this year's third quarter
                year -= 1 if now == 1 else 0
            elif tense == "future":
                year += 1 if idx < now else 0
            elif idx > now:
                year -= 1
        if g.get("yago"):
            year -= 1  # "the year-ago third quarter"
        return self.mk(c, "date", f"{year}-{code}", "publication")

    _OF_A_GAME = re.compile(r"\s+of\s+(?:the|a|an|this|that|his|her|their|its|Sunday's|Saturday's)\s+(?:\w+\s+)?"
                            r"(?:game|match|contest|fight|bout|final|semifinal|semi-final|playoff|series|season|tournament)s?\b", re.I)
    _SPORT = re.compile(r"\b(?:touchdowns?|halftime|half-time|innings?|rebounds?|free\s+kicks?|field\s+goals?|"
                        r"equali[sz](?:ed|er)|striker|quarterback|referee|penalty\s+(?:kick|spot|shootout))\b", re.I)
    _SCORED = re.compile(r"\bscor(?:ed|es|ing)\b", re.I)
    _MONEY = re.compile(r"[$%\u00a3\u20ac]|\b(?:profit|sales|revenue|earnings|shares?|stocks?|percent|net|income|loss|"
                        r"growth|economy|output|prices?|index)\b", re.I)

    def _game_period(self, c: Cand) -> bool:
        """'Chelsea scored twice in the second half', 'the fourth quarter of the game': a half or quarter
        of a match is no calendar period (TIDES marks only calendar and fiscal quarters and halves)."""
        if self._OF_A_GAME.match(self.text, c.end):
            return True
        lo = max(self.text.rfind(". ", 0, c.start), self.text.rfind("\n", 0, c.start), 0)
        hi = self.text.find(". ", c.end)
        sent = self.text[lo : hi if hi >= 0 else len(self.text)]
        # "scored" is a business word too ("scored a record profit"): only with no money talk
        return bool(self._SPORT.search(sent) or self._SCORED.search(sent) and not self._MONEY.search(sent))

    _SMALL = {"oh": 0, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
              "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
              "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "one": 1, "two": 2,
              "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

    def n_spelledyear(self, c: Cand) -> Norm | None:
        """'nineteen ninety-six' 1996, 'the year two thousand' 2000 (spoken years in transcripts)."""
        if self.nlp is not None:
            span = self.nlp.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None and span.end < len(self.nlp) and self.nlp[span.end].tag_ in ("NNS", "NNPS"):
                return None  # "nineteen eighty-four copies": a count
        cent = c.m.group("cent").lower()
        base = 2000 if cent.startswith("two") else {"nineteen": 1900, "eighteen": 1800}[cent]
        rest = sum(self._SMALL[w] for w in re.split(r"[\s-]+", (c.m.group("rest") or "").lower()) if w)
        mon = R.month_of(c.m.groupdict().get("mon") or "")
        season = c.m.groupdict().get("season")
        if season:  # "the summer of nineteen eighty-eight": that season of the spoken year
            return self.mk(c, "date", f"{base + rest:04d}-{R._SEASONS[season.lower()]}", "absolute")
        return self.mk(c, "date", f"{base + rest:04d}" + (f"-{mon:02d}" if mon else ""), "absolute")

    def n_durnoun(self, c: Cand) -> Norm | None:
        """'a three-year period', 'a one-year term': the length of a stretch of time."""
        n = R._num(c.m.group("num"))
        return self.mk(c, "duration", R.duration_value(n, c.m.group("unit").lower()), None)

    def n_yearperiod(self, c: Cand) -> Norm | None:
        """'the 1988 period': the quarter (or half) the story reports, in that year; 'the latest
        period': that quarter itself (else the quarter before the publication date's)."""
        y = c.m.group("year")
        q = self.last_period(c.start)
        if q is not None:
            v = f"{y or q[1].group(1)}{q[1].group(2)}"
            return Norm(c.start, c.end, "date", v, R.granularity(v, "date"), "prev", c.kind, None, q[0])
        if y:
            return self.mk(c, "date", y, "absolute")
        if self.dct is None:
            return self.mk(c, "date", None, None)
        now = (self.dct.month - 1) // 3  # 0-based current quarter: the one before it is reported
        v = f"{self.dct.year}-Q{now}" if now else f"{self.dct.year - 1}-Q4"
        return self.mk(c, "date", v, "publication")

    def n_yearagoadj(self, c: Cand) -> Norm | None:
        """'year-earlier profit', 'the year-ago results': the reported quarter a year back, else the
        year before the publication year."""
        q = self.last_period(c.start)
        if q is not None:
            return self.period_back(c, q)
        if self.dct is None:
            return self.mk(c, "date", None, None)
        return self.mk(c, "date", f"{self.dct.year - 1:04d}", "publication")

    # "the end of the summer", "the height of the winter": a part of the season named, the season's DATE
    _SEASON_EDGE = re.compile(r"(?i)(?<![\w-])the\s+(?:end|beginning|start|middle|height|depth|rest)\s+of\s+$")

    def n_season(self, c: Cand) -> Norm | None:
        g = c.m.groupdict()
        season = g["season"].lower()
        code = R._SEASONS[season]
        rel = (g.get("rel") or "").lower()
        if g.get("year"):
            return self.mk(c, "date", f"{g['year']}-{code}", "absolute")
        if rel == "the" and self.nlp is not None and not g.get("yrel"):
            span = self.nlp.char_span(c.m.start("season"), c.m.end("season"), alignment_mode="expand")
            tok = span[0] if span is not None and len(span) == 1 else None
            if tok is not None and tok.dep_ in ("compound", "nmod", "amod") and tok.head.i == tok.i + 1 and (
                tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in _SEASON_HEADS
            ):
                return None  # "after the spring break", "the summer Olympics": a name for something else
        edge = self._SEASON_EDGE.search(self.text, max(0, c.start - 30), c.start) if rel == "the" else None
        if rel == "the" and (
            self.prev_word(c.start) not in ("in", "during", "by", "this", "over", "until", "since", "through", "into",
                                            "throughout", "till", "before", "after")
            and edge is None
            or re.match(r"\s+of\b", self.text[c.end : c.end + 4])  # "in the fall of the regime"
        ):
            return None
        start = edge.start() if edge is not None else c.start  # "by the end of the summer": one DATE
        if g.get("yrel"):  # "in the spring of last year": that year's season, as "the summer of 2012" is
            if self.dct is None:
                return self.mk(c, "date", f"XXXX-{code}", None, start=start)
            year = self.dct.year + {"last": -1, "this": 0, "next": 1}[g["yrel"].lower()]
            return self.mk(c, "date", f"{year:04d}-{code}", "publication", start=start)
        if self.dct is None:
            return self.mk(c, "date", f"XXXX-{code}", None, start=start)
        shift = -1 if rel in ("last", "this past") else 1 if rel in ("next", "this coming") else 0
        if shift == 0 and rel != "this":
            # "ended in late summer" in a March story is last summer; "returns in the fall" is this one
            now = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(self.dct.month, 3)
            target, tense = _SEASON_INDEX[season], self.tense(c)
            if tense == "past" and target > now:
                shift = -1
            elif tense == "future" and target < now:
                shift = 1
        return self.mk(c, "date", f"{season_year(self.dct, season, shift)}-{code}", "publication", start=start)


# ---------------------------------------------------------------- merge a clock time with its day

_CLOCKISH = ("time", "modpod", "podword")  # a clock time or "mid-afternoon": joined with the day next to it
_GLUE = re.compile(r"^(?:\s*,?\s*(?:\(\s*)?(?:on|at|of)?\s*|\s+)$", re.I)


_POD_OF = re.compile(r"(?i)(?<![\w-])the\s+(?:(?P<hours>early|small|wee)\s+(?:morning\s+)?hours|(?P<pod>morning|afternoon|evening|night))\s+of\s+$")


def pod_of_day(text: str, norms: list[Norm]) -> None:
    """'the morning of March 3', 'the early hours of Sunday': one TIME, that part of that day."""
    for n in norms:
        if not (n.type == "date" and n.granularity == "day" or n.type == "time" and n.granularity == "part-of-day"):
            continue
        m = _POD_OF.search(text, max(0, n.start - 40), n.start)
        if m is None:
            continue
        code = "MO" if m.group("hours") else R._PODS[m.group("pod").lower()]
        n.start, n.type = m.start(), "time"
        if n.value and "T" not in n.value:  # "... of Wednesday morning" already names the part
            n.value += f"T{code}"
            n.granularity = "part-of-day"


def with_zone(value: str | None, zone: str) -> str | None:
    """'2013-03-20T20:00' in America/New_York -> '2013-03-20T20:00-04:00' (the offset of that day)."""
    if not value or not re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d$", value):
        return value
    from .tz import utc_offset

    off = utc_offset(zone, value)
    return value + off if off else value


_PAREN_OPEN = re.compile(r"^\s*\(\s*$")
_PAREN_CLOSE = re.compile(r"^\s*\)\s*,?\s*(?:on\s+)?$", re.I)


def _day_after_pair(text: str, norms: list[Norm]) -> None:
    """'at 10 a.m. EDT (1400 GMT) on Thursday': a clock time and its conversion in brackets take the
    day named right after them (each stays its own TIME, the day its own DATE, as the words are
    apart), not the day the story named before."""
    for i in range(len(norms) - 2):
        a, b, c = norms[i : i + 3]
        if a.kind != "time" or b.kind != "time" or c.granularity != "day" or not c.value or not a.value or not b.value:
            continue
        if not (_PAREN_OPEN.match(text[a.end : b.start]) and _PAREN_CLOSE.match(text[b.end : c.start])):
            continue
        if not (re.match(r"\d{4}-\d\d-\d\dT", a.value) and re.match(r"\d{4}-\d\d-\d\dT", b.value)):
            continue
        day = c.value[:10]
        a.value, b.value = day + a.value[10:], day + b.value[10:]
        a.anchor = b.anchor = c.anchor
        a.prev = b.prev = None
        a.ref = b.ref = c


_POD_HALF = {"MO": (0, 0), "AF": (1, 6), "EV": (5, 11), "NI": (6, 11)}  # hours read as p.m. in that part of day


def _clock_at_pod(text: str, a: Norm, b: Norm, gap: str) -> Norm | None:
    """'at 11:30 last night', 'at 8:15 this morning': one TIME, the clock on the day of the part of day
    after it, past noon when that part of day says so (11:30 at night is 23:30)."""
    if a.kind != "time" or b.granularity != "part-of-day" or not re.fullmatch(r"\s{1,2}(?:on\s)?", gap):
        return None
    clock = re.fullmatch(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d)(.*)", a.value or "")
    pod = re.fullmatch(r"(\d{4}-\d\d-\d\d)T(MO|AF|EV|NI)", b.value or "")
    if clock is None or pod is None:
        return None
    h = int(clock.group(1))
    lo, hi = _POD_HALF[pod.group(2)]
    if lo <= h <= hi and lo and not re.search(r"[ap]\.?\s?m\b", text[a.start : a.end], re.I):
        h += 12
    value = f"{pod.group(1)}T{h:02d}:{clock.group(2)}"
    value = with_zone(value, a.zone) if a.zone else value + clock.group(3)  # the zone said with the clock
    merged = Norm(a.start, b.end, "time", value, R.granularity(value, "time"), b.anchor, "time", b.weekday, b.prev)
    merged.ref = b.ref
    return merged


def merge_times(text: str, norms: list[Norm]) -> list[Norm]:
    """'8:10 p.m. (on Monday)', 'Monday at 8 p.m.', '6.10am on Wednesday': one TIME on that day."""
    _day_after_pair(text, norms)
    out: list[Norm] = []
    i = 0
    while i < len(norms):
        a = norms[i]
        b = norms[i + 1] if i + 1 < len(norms) else None
        if b is not None:
            gap = text[a.end : b.start]
            pair = None
            if a.kind in _CLOCKISH and b.granularity == "day" and len(gap) <= 8 and _GLUE.match(gap):
                pair = (a, b)
            elif b.kind in _CLOCKISH and a.granularity == "day" and len(gap) <= 8 and _GLUE.match(gap):
                pair = (b, a)
            podded = _clock_at_pod(text, a, b, gap)
            if podded is not None:
                a.merged_into = b.merged_into = podded
                out.append(podded)
                i += 2
                continue
            if pair is not None:
                t, d = pair
                clock = t.value[t.value.index("T") :] if t.value and "T" in t.value else ""
                if t.zone:  # the offset of the day it is merged with (daylight saving may differ)
                    clock = clock[:6]
                start, end = min(a.start, b.start), max(a.end, b.end)
                if "(" in gap and text[end : end + 1] == ")":
                    end += 1
                value = (d.value.split("T")[0] + clock) if d.value else None
                if t.zone:
                    value = with_zone(value, t.zone)
                merged = Norm(start, end, "time", value, R.granularity(value, "time"), d.anchor, "time", d.weekday, d.prev)
                merged.ref = d.ref
                a.merged_into = b.merged_into = merged
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out
