"""Detect temporal expressions with regular patterns and normalise them to TIMEX3 values.

Why rules and not a model: news time expressions are a small closed grammar (dates, weekdays, clock
times, "N units ago", "last week"), and the hard part is resolution, which is arithmetic against the
publication date plus a little syntax (tense) from the spaCy parse we already have. Rules are fast,
auditable and never invent a date: with no publication date a relative expression stays partial
(`XXXX-06-07`, `XXXX-WXX-1`) or unresolved, never "today".

Detection: every pattern proposes candidate spans; the longest non-overlapping ones win; a clock time
next to a day ("8:10 p.m. (on Monday)", "Monday at 8 p.m.") is merged into one TIME. Normalisation then
runs in text order so an expression can lean on an earlier one ("that day", a second "Monday").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from . import lexicon as lx

# ---------------------------------------------------------------- vocabulary as regex pieces


def _alt(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_MONTHS = lx.months()
_WEEKDAYS = lx.weekdays()
_NUMS = lx.numbers()
_UNITS = lx.units()
_SEASONS = lx.seasons()
_PODS = lx.parts_of_day()
_TZ = lx.tz_offsets()
_TZZ = lx.tz_zones()
_ORD = lx.ordinals()

_MON_FULL = _alt([m.capitalize() for m in _MONTHS if len(m) > 3 or m == "may"])
_MON_ABBR = _alt([m.capitalize() for m in _MONTHS if len(m) <= 4 and m != "may"])
# An abbreviation needs its full stop or a day number after it (checked by the patterns using it).
MON = rf"(?P<mon>{_MON_FULL}|(?:{_MON_ABBR})\.?)"
WD = rf"(?P<wd>{_alt([w.capitalize() for w in _WEEKDAYS])})"
# weekday abbreviations, only before a month and day ("Fri March 22, 2013"): alone they are words
WDA = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_NUM_WORDS = _alt([w for w in _NUMS if w not in ("a", "an")])
NUM = (
    # "3 1/2 years": the fraction belongs to the count; a unit right after "1/" is no count of its own
    rf"(?P<num>(?<!/)\d+(?:\.\d+|[ -]1/2(?![\d/]))?|(?:{_TENS})[- ](?:{_ONES})|{_NUM_WORDS}|an?)"
    r"(?P<half>\s+and\s+a\s+half)?"
)
UNIT_S = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"
POD = rf"(?P<pod>{_alt(list(_PODS))})"
TZ = rf"(?P<tz>{_alt(list(_TZ) + list(_TZZ))})"
APPROX = (
    r"(?:(?P<approx>about|around|nearly|almost|roughly|approximately|more than|less than|fewer than|"
    r"no more than|no less than|not more than|as many as|as long as|well over|"
    r"at least|at most|up to|just over|just under|some|only|just)\s+)?"
)
_B = r"(?<![\w-])"  # a left word boundary that also refuses "6-year-old" style compounds
_E = r"(?![\w-])"

SEASON = r"(?P<season>spring|summer|fall|autumn|winter)"


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    m: re.Match[str]
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Norm:
    """A normalised expression before it becomes a schema `Time`."""

    start: int
    end: int
    type: str
    value: str | None
    granularity: str | None
    anchor: str | None  # "publication", "absolute", "prev" (resolved against an earlier expression) or None
    kind: str = ""
    weekday: int | None = None
    prev: int | None = None  # index of the earlier expression it leans on, while resolving
    ref: Any = None  # that expression itself (a Norm), once resolution is done
    merged_into: Any = None  # the TIME this one became part of ("Monday" in "8 p.m. Monday")
    zone: str | None = None  # IANA zone of a clock time written with a US zone name ("8 p.m. ET")
    pair: Any = None  # the second end of a clock range ("1" in "from 1 to 3 p.m.") whose day it shares


_PATTERNS: list[tuple[str, str]] = [
    # "Monday, June 7, 2019", "June 7", "Jan. 5th 2013"
    ("mdy", rf"{_B}(?:(?:{WD}|{WDA}),?\s+)?{MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w]|-(?!\d))"),
    # "April 2 and 3", "May 5 and 6, 2012", "March 21-23": each day its own date, the year shared
    # "April 30-May 1", "June 28 to July 2, 2013": a day range across two months, each end its own date
    ("mdmd", rf"{_B}{MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*|\s+(?:to|through|until)\s+)(?P<mon2>{_MON_FULL}|(?:{_MON_ABBR})\.?)\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.,]\d)(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w%-])"),
    ("mdyand", rf"{_B}{MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:and|or|&|to|through)\s+|\s*[-\u2013]\s*)(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:.,]\d)(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w%-])"),
    # "5-6 April 2016", "11-13 Dec.", "25 and 26 May": each day its own date (day-first style)
    ("dmyand", rf"{_B}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:and|or|&|to|through)\s+|\s*[-\u2013]\s*)(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w-])"),
    # "7 June 2019", "the 7th of June"
    ("dmy", rf"{_B}(?:(?:{WD}|{WDA}),?\s+)?(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?{_E}"),
    # "last Oct. 23", "next June 5": one date, the word says which side of the story it lies on
    ("relmdy", rf"{_B}(?P<rel>[Ll]ast|[Nn]ext|[Tt]his)\s+{MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)(?![\w]|-(?!\d))(?!,?\s+(?:1[6-9]|20)\d\d)(?!\s*(?:%|percent|per\s+cent))"),
    # "the week of March 6": that calendar week (TimeML: one DATE with a week value)
    ("weekofday", rf"(?<![\w-])[Tt]he\s+week\s+of\s+{MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w]|-(?!\d))"),
    # "that same day", "that very week": the day or period just named (like "that day")
    ("that", r"(?i:(?<![\w-])(?P<det>that\s+(?:same|very))\s+(?P<unit>day|week|month|year|weekend)(?![\w-]))"),
    # "1990-91", "2012-13": both ends (TIDES/TimeML tag each point of a range)
    ("yearrange", r"(?<![\w$£€#,./-])(?P<y1>(?:1[6-9]|20)\d\d)[-–/](?P<y2>\d\d)(?![\w%-]|[.,]\d)"),
    # "March to May", "between March and May", "March-May 2012": both months, one year
    ("monrange", rf"{_B}(?P<m1>{_MON_FULL})(?:\s+(?:to|through|and|until|or)\s+|\s*[-–]\s*)(?P<m2>{_MON_FULL})(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d)|(?![\s-]*\d))(?![\w-])"),
    # "the first week of April", "the last week of March 2012"
    ("weekof", rf"(?i:{_B}(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+)(?P<mon>{_MON_FULL})(?:,?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d))?{_E}"),
    # "the first week of next month", "the last day of the year": that week or day of the period named
    ("ordof", r"(?i:(?<![\w-])the\s+(?P<ord>first|second|third|fourth|last|final)\s+(?P<part>week|day)\s+of\s+(?P<rel>next|last|this|the)\s+(?P<unit>month|year)(?![\w-]))"),
    ("iso", r"(?<![\w-])(?P<year>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d))?(?![\w-])"),
    ("numeric", r"(?<![\w/.-])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<year>(?:19|20)?\d\d)(?![\w/-])"),
    # "early June 2019", "mid-March", "the end of May", "June of 2018"
    ("month", rf"{_B}(?:(?P<mod>the end of|the beginning of|the start of|the middle of|the first half of|the second half of|early|mid|late|last|this|next|earlier in|later in)[\s-]+)?(?P<mon>Sept\.|{_MON_FULL}|(?:{_MON_ABBR})\.|(?:{_MON_ABBR})(?=,?\s+(?:1[6-9]|20)\d\d(?!\d)))(?:(?:,|\s+of)?\s+(?P<year>(?:1[6-9]|20)\d\d)(?!\d)|\s+(?:of\s+)?(?P<yrel>this|last|next|that)\s+year)?{_E}"),
    ("year", r"(?<![\w$£€#,./])(?:(?<=\d{4}[-–])|(?<![-–]))(?:(?P<mod>early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|the (?:first|last|final) two quarters of)[\s-]+)?(?:(?P<fy>fiscal|FY)\s*(?:year\s+)?)?(?P<year>(?:1[6-9]|20)\d\d)(?![\w%]|[.,]\d|[-–](?!(?:1[6-9]|20)\d\d(?!\d)))"),
    # "the post-1989 reforms", "pre-2008 prices": the year a period starts or ends at, one DATE with its
    # prefix (as AQUAINT marks it); never a count ("pre-2008 prices" numbers nothing)
    ("prepostyear", r"(?i:(?<![\w-])(?:pre|post)-)(?P<year>(?:1[6-9]|20)\d\d)(?![\w%-]|[.,]\d)"),
    # "the 2012 fiscal year"
    ("year", r"(?<![\w-])(?:[Tt]he\s+)?(?P<year>(?:19|20)\d\d)\s+(?P<fy>fiscal)\s+year(?![\w-])"),
    ("decade", r"(?<![\w-])(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)\d)0|'(?P<short>\d)0)['\u2019]?s(?![\w-])"),
    ("decade", r"(?<![\w-])the\s+(?:(?P<mod>early|mid|late)[\s-]+)?(?P<dword>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w-])"),
    ("century", rf"{_B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<cent>\d{{1,2}})(?:st|nd|rd|th)[\s-]+century{_E}"),
    ("century", rf"{_B}(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<cword>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century{_E}"),
    # "Last Monday", "Tuesday night", "late Tuesday night", "this past Sunday"
    ("weekday", rf"{_B}(?:(?P<rel>[Tt]he\s+(?:following|next|previous|preceding)|[Ll]ast|[Tt]his past|[Tt]his coming|[Tt]his|[Nn]ext|[Ee]arlier|[Ll]ater|[Ee]arly|[Ll]ate)\s+)?{WD}(?:'s)?(?:\s+{POD})?{_E}"),
    # "Tuesday of last week", "Friday next week": that weekday inside the week named (TIDES: one
    # expression), not the nearest Tuesday plus a week of its own; not "said Tuesday last week's ..."
    ("wdofweek", rf"{_B}{WD}\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+week{_E}(?!['\u2019]s)"),
    # "the week before last", "the year after next", "the night before last": two units back or ahead
    # (TIDES, like "the day before yesterday")
    ("beforelast", r"(?i:(?<![\w-])the\s+(?P<unit>night|week|weekend|month|year)\s+(?P<dir>before\s+last|after\s+next)(?![\w-]))"),
    ("relday", rf"(?i:{_B}(?:(?P<mod>earlier|later|early|late)\s+)?(?P<rd>the day before yesterday|the day after tomorrow|today|tonight|yesterday|tomorrow)(?:'s)?(?:\s+{POD})?{_E})"),
    ("thispod", rf"(?i:{_B}(?:(?:later|earlier|early|late)\s+)?(?P<rel>this|last|that|the same|the next|the following|the previous)\s+{POD}{_E})"),
    # "last week", "earlier this month", "the end of last year", "the past week", "this summer"
    ("relunit", r"(?i:(?<![\w-])(?:(?P<mod>earlier|later|early|late|the end of|the beginning of|the start of|the middle of|the rest of|the first half of|the second half of)\s+)?(?P<the>the\s+)?(?P<rel>last|this\s+past|this\s+coming|this|next|past|coming|previous|following|current|same|preceding|latest|most\s+recent)\s+(?:(?P<fisc>fiscal)\s+(?=year))?(?P<unit>weekend|week|month|year|decade|century|quarter|spring|summer|fall|autumn|winter)(?![\w-]))"),
    ("nextday", r"(?i:(?<![\w-])the\s+(?P<rel>next|following|previous|preceding|same)\s+(?P<unit>day|morning|afternoon|evening|night)(?![\w-]))"),
    # "year-end", "by year's end", "month-end"
    ("yearend", r"(?i:(?<![\w-])(?:the\s+)?(?P<unit>year|month)(?:-end|\s+end|['\u2019]s\s+end)(?![\w-]))"),
    # "by mid-year", "at midyear", "midweek": the middle of the current unit
    ("yearend", r"(?i:(?<![\w-])(?P<mid>mid-?)(?P<unit>year|month|week)(?![\w-]))"),
    ("endof", r"(?i:(?<![\w-])(?P<mod>the end|the beginning|the start|the middle|the rest|the remainder|the first half|the second half|the latter half|the last half)\s+of\s+the\s+(?P<unit>year|month|week|decade|century)(?![\w-]))"),
    ("perunit", r"(?i:(?<![\w-])(?P<per>per)\s+(?P<unit>day|week|month|year|hour)(?![\w-]))"),
    ("that", r"(?i:(?<![\w-])(?P<det>that|the same)\s+(?P<unit>day|week|month|quarter|year|weekend|spring|summer|fall|autumn|winter)(?![\w-]))"),
    # "on the 5th", "by the 21st": a day of the month the story is in (TIDES: the month is implicit);
    # not "the 5th floor", "the 21st century", "the 3rd of ..." (a full date, matched elsewhere)
    ("dayord", r"(?i:(?<![\w-])(?:on|by|until|from|since)\s+(?P<the>the\s+)(?P<day>[1-9]|[12]\d|3[01])(?P<suf>st|nd|rd|th)(?=\s*[.,;:)]|\s+(?:and|when|at|in|after|before|but|as)\b))"),
    # "at that time", "by that time": the time named just before (TIDES marks anaphoric "that time");
    # not "that time of year", "that time when ...", nor "the same time" (mostly "simultaneously")
    ("that", r"(?i:(?<![\w-])(?P<det>that)\s+(?P<unit>time)(?![\w-])(?!\s+(?:of|when|that|which|in|around|round|for|as|I|we|you|he|she|they|it)\b))"),
    # "for the year", "in the quarter": the period under discussion (TimeML marks these anaphoric DATEs)
    ("theunit", r"(?i:(?<![\w-])the\s+(?:full\s+)?(?:(?P<fiscal>fiscal|financial)\s+)?(?P<unit>year|quarter|month|week|day|decade)(?![\w-])(?!\s*['\u2019]s)(?!\s+(?:before|after|earlier|later|ago|of|to|in which|when|that|since|through|\d)(?!\s+[$\u00a3\u20ac#]))(?:(?=\s+(?:ended|ending)\s+(?P<endmon>[A-Za-z]+)\.?(?:\s+\d{1,2})?(?:,?\s+(?P<endyear>(?:19|20)\d\d))?))?)"),
    # "the year-earlier period", "the year-ago quarter": the period before, one year back
    # "the same period last year", "the same quarter a year earlier": the period just named, a year back
    ("yearago", r"(?i:(?<![\w-])the\s+(?:(?:same|corresponding|comparable|like)\s+(?P<unit>period|quarter|month|week|time)|(?P<unit2>quarter|period)(?=\s+a\s+year))\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior)\s+year|the\s+year\s+before)(?![\w-]))"),
    ("yearago", r"(?i:(?<![\w-])(?:the\s+)?(?:(?:same|comparable|corresponding)\s+)?(?:year-earlier|year-ago|prior-year|year-before)\s+(?P<unit>period|quarter|month|week)(?![\w-]))"),
    # "in the morning", "during the night": a part of the day the story is on
    ("thepod", r"(?i:(?<![\w-])the\s+(?P<pod>morning|afternoon|evening|night)(?![\w-])(?!\s*['\u2019]s)(?!\s+(?:of|before|after|when|that|in which)\b))"),
    # "in the early afternoon", "arrived mid-afternoon", "early morning raids"
    ("modpod", r"(?i:(?<![\w-])(?:the\s+)?(?:early|late|mid)[\s-]+(?P<pod>morning|afternoon|evening)(?![\w-])(?!\s*['\u2019]s)(?!\s+(?:of|hours)\b))"),
    ("theweekend", r"(?i:(?<![\w-])(?:over\s+)?the\s+weekend(?![\w-]))"),
    ("dayafter", r"(?i:(?<![\w-])the\s+(?P<unit>day|night|week|month|year)\s+(?P<dir>before|after)(?=\s*[.,;:)]))"),
    ("ago", rf"(?i:{_B}{APPROX}{NUM}\s+{UNIT_S}(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|later|before|after|from now|hence|previously|back)(?:\s+(?<=ago\s)(?P<agoref>today|this\s+week|this\s+month))?{_E})"),
    ("duration", rf"(?i:{_B}(?:(?P<pre>(?:the\s+|these\s+|those\s+)?(?:past|last|next|first|previous|coming|following|recent|final|remaining)\s+)|(?P<det>the\s+))?{APPROX}{NUM}\s+(?:(?:straight|consecutive|full|whole|more|additional|extra|long|trading|business|working)\s+)?{UNIT_S}(?P<uhalf>\s+and\s+a\s+half|-and-a-half)?{_E}(?!\s+old\b))"),
    # "a three-year period", "his one-year term": the noun is itself a stretch of time, so the
    # compound names its length (unlike "a nine-minute video", which the issue lists as a false positive)
    ("durnoun", rf"(?i:{_B}(?:an?\s+|the\s+|its\s+|his\s+|her\s+|their\s+)?(?P<num>\d+|(?:{_TENS})[- ](?:{_ONES})|{_NUM_WORDS})[- ](?P<unit>second|minute|hour|day|week|month|year|decade)\s+(?P<noun>period|span|stretch|term|window|interval|spell){_E})"),
    # broadcast transcripts spell years out: "in nineteen ninety-six", "the year two thousand"
    ("spelledyear", rf"(?i:(?<![\w-])(?:(?:the\s+)?{SEASON}\s+of\s+)?(?:(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?P<cent>nineteen|eighteen)[\s-]+(?P<rest>(?:{_TENS})(?:[\s-](?:{_ONES}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|oh[\s-](?:{_ONES}))(?![\w-])(?!\s+(?:{_ONES}|{_TENS}|hundred|thousand|million|billion|percent|per\s+cent|dollars|people)\b))"),
    ("spelledyear", rf"(?i:(?<![\w-])the\s+year\s+(?P<cent>two\s+thousand)(?:\s+(?:and\s+)?(?P<rest>{_ONES}|ten|eleven|twelve))?(?![\w-]))"),
    # "two to three years", "3-4 weeks", "between five and ten years": each end its own duration
    ("durrange", rf"(?i:{_B}{APPROX}(?P<n1>\d+(?:\.\d+)?|(?:{_TENS})[- ](?:{_ONES})|{_NUM_WORDS})\s*(?P<sep>to|or|and|-|\u2013)\s*(?P<n2>\d+(?:\.\d+)?|(?:{_TENS})[- ](?:{_ONES})|{_NUM_WORDS})\s+{UNIT_S}{_E}(?!\s+(?:old|ago|later|earlier|before|after|previously|back|from now)\b))"),
    # "today is the fifth day of the dock strike", "it is the ninth day of the walkout": the day the story
    # is on (TIDES: an ordinal day of an event, said to be now); the subject stays its own expression
    ("nthday", r"(?i:(?:(?<=\btoday is )|(?<=\bit is )|(?<=\bit's )|(?<=\bit\u2019s )|(?<=\bthis is ))the\s+"
               r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[1-9]\d{0,2}(?:st|nd|rd|th))\s+"
               r"(?:(?:straight|consecutive|full)\s+)?day(?![\w-]))"),
    ("halfdur", rf"(?i:{_B}{APPROX}half\s+an?\s+(?P<unit>hour|day|year|month|century|decade){_E})"),
    # "a quarter-century", "the past half-century": 25 and 50 years (as "half a century" is)
    ("fraccent", rf"(?i:{_B}{APPROX}(?:the\s+(?:past|last|previous|next|coming)\s+|an?\s+)(?P<frac>quarter|half)[\s-]century{_E})"),
    ("vaguedur", r"(?i:(?<![\w-])(?P<pre>(?:(?:for|in|over|within)\s+)?(?:the\s+)?(?:past|last|next|coming|recent|previous|following)\s+|for\s+|within\s+|in\s+recent\s+|in\s+(?=(?:weeks|months|years|decades)(?![\w-])))(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?:\s+(?:or|and)\s+(?:minutes|hours|days|weeks|months|years|decades)(?=\s*[.,;:)]|\s+(?:of|before|after|to|ago)\b))?(?![\w-])(?!\s+old\b))"),
    # "lasted decades", "after years of fighting": a plural unit with no number (checked on the parse)
    ("bareunits", r"(?i:(?<![\w-])(?P<unit>minutes|hours|days|weeks|months|years|decades|centuries)(?![\w-])(?!\s+old\b))"),
    ("agovague", r"(?i:(?<![\w-])(?P<unit>days|weeks|months|years|decades)\s+ago(?![\w-]))"),
    ("laterdur", r"(?i:(?<![\w-])(?:(?P<pre>within|over|in|for)\s+)?(?P<unit>minutes|hours|days|weeks|months|years|decades)\s+(?P<dir>later|earlier|after|before)(?![\w-]))"),
    ("time", rf"(?<![\w:.$£€-]){APPROX}(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m|[AP]\.M\.|[AP]M)(?![\w])(?:\s+(?:{TZ}|(?P<lt>local time))(?![\w]))?"),
    ("time", rf"(?<![\w:.$£€-]){APPROX}(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?![\d:.])(?:\s+(?:{TZ}|(?P<lt>local time)))?(?![\w])"),
    ("time", rf"(?<![\w:.$£€-])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:hours\s+)?(?:{TZ}|(?P<lt>local time))(?![\w])"),
    ("time", rf"(?i:(?<![\w-])(?P<word>noon|midday|midnight)(?![\w-]))(?:\s+{TZ}(?![\w]))?"),
    # "9:30 in the morning", "at 3 o'clock in the afternoon", "about 9 o'clock": one TIME (TIDES)
    ("clockpod", rf"(?<![\w:.$£€-]){APPROX}(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?(?:\s+(?P<oc>o['\u2019]clock))?\s+(?:in\s+the\s+(?P<pod2>morning|afternoon|evening)|(?P<night>at\s+night))(?![\w-])"),
    ("clockpod", rf"(?<![\w:.$£€-]){APPROX}(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s+(?P<oc>o['\u2019]clock)(?![\w-])"),
    # "from 1 to 3 p.m.", "between 9 and 11 a.m.", "10-11 a.m.": each end its own TIME, the first
    # end takes the meridiem of the second (checked in the normaliser)
    ("clockrange", r"(?<![\w:.$£€-])(?P<h1>[01]?\d)(?::(?P<m1>[0-5]\d))?\s*(?P<sep>to|and|-|\u2013)\s*(?P<h>[01]?\d)(?::(?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m|[AP]\.M\.|[AP]M)(?![\w])"),
    # "at dawn", "before dusk": a part of the day (not "a dawn raid", checked on the parse)
    ("podword", r"(?i:(?<![\w-])(?P<pod>dawn|daybreak|dusk|nightfall)(?![\w-]))"),
    # "at the moment", "for the moment": the present (TIDES PRESENT_REF); the preposition stays out
    ("vague", r"(?i:(?:(?<=\bat\s)|(?<=\bfor\s))(?P<v>the\s+moment)(?=\s*[,.;:!?)\u2014]|\s*$))"),
    # "all day", "the whole week": the full length of one unit
    ("alldur", r"(?i:(?<![\w-])(?:all|the\s+whole|the\s+entire|a\s+whole|an\s+entire)\s+(?P<unit>day|night|week|month|year|morning|afternoon|evening|weekend)(?![\w-])(?!\s+(?:of|long)\b))"),
    ("overnight", r"(?i:(?<![\w-])overnight(?![\w-]))"),
    # "overnight Monday", "overnight Sunday into Monday", "overnight into Tuesday": one night (TIDES: a part of
    # the day is one TIME with its day), the night of the day named, or of the day before the one it runs into
    ("overnightwd", rf"(?<![\w-])[Oo]vernight\s+(?:(?:on\s+|from\s+)?(?P<wd>{_alt([w.capitalize() for w in _WEEKDAYS])})"
                    rf"(?:\s+(?:into|to)\s+(?P<wd2>{_alt([w.capitalize() for w in _WEEKDAYS])}))?|into\s+(?P<into>{_alt([w.capitalize() for w in _WEEKDAYS])}))(?![\w-])(?!\s+(?:morning|afternoon|evening|night)\b)"),
    ("vague", r"(?i:(?<![\w-])(?P<v>right now|now|currently|nowadays|these days|at present|presently|recently|lately|(?:in\s+)?the\s+past|(?:in\s+)?the\s+future|(?:in\s+)?the\s+near\s+future|(?:in\s+)?the\s+(?:near|short)\s+term|as\s+soon\s+as\s+possible|(?<!\bas\s)soon(?!\s+(?:as|after|afterwards?|thereafter)\b)|(?:in\s+)?(?:the\s+)?coming\s+(?:days|weeks|months|quarters|years|decades)(?:\s+(?:and|or)\s+(?:weeks|months|years|decades))?|the\s+(?:days|weeks|months|years|decades)(?:\s+(?:and|or)\s+(?:weeks|months|years|decades))?\s+(?:ahead|to\s+come))(?![\w-]))"),
    # "the current crisis", "his recent visit": TIDES marks these adjectives as PRESENT_REF / PAST_REF
    # (checked on the parse: an adjective before its noun; not "current account", "the current")
    ("vagueadj", r"(?i:(?<![\w-])(?P<adj>current|recent)(?![\w-]))"),
    # "over the years": a vague stretch of time (TIDES/TimeML: a DURATION with an X amount)
    ("vaguedur", r"(?i:(?<![\w-])(?P<pre>over\s+the\s+)(?P<unit>days|weeks|months|years|decades|centuries)(?![\w-])(?!\s+(?:ahead|to come)))"),
    ("set", rf"(?i:(?<![\w-])(?P<q>every|each)\s+(?:(?P<n>other|\d+|two|three|four|five|six|ten)\s+)?(?P<unit>{_alt([w.lower() for w in _WEEKDAYS])}|{_MON_FULL.lower()}|second|minute|hour|day|week|month|year|decade|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|season)s?(?![\w-]))"),
    ("set", r"(?i:(?<![\w-])(?P<times>once|twice|three times|four times|\d+ times)\s+(?:a|an|per|each|every)\s+(?P<unit>second|minute|hour|day|week|month|year|decade)(?![\w-]))"),
    # "on Sundays", "at weekends": a plural weekday is every such day
    ("setpwd", rf"(?<![\w-])(?P<pwd>{_alt([w.capitalize() + 's' for w in _WEEKDAYS])}|weekends)(?![\w-])"),
    # "Sunday mornings", "on Friday and Saturday evenings": every such part of that weekday (TIDES: a plural
    # is a SET); the first weekday of a pair shares the second one's part of the day
    ("setwdpod", rf"(?<![\w-])(?:(?P<wd1>{_alt([w.capitalize() for w in _WEEKDAYS])})\s+(?:and|or)\s+)?{WD}\s+"
                 r"(?P<pod>morning|afternoon|evening|night)s(?![\w-])"),
    ("set", r"(?i:(?<![\w-])(?P<adv>annually|yearly|weekly|monthly|daily|hourly|quarterly|nightly|biweekly)(?![\w-]))"),
    # "Election Day", "election night": the US general election (resolved only near one)
    ("electionday", r"(?i:(?<![\w-])election\s+(?P<pod>day|night)(?![\w-]))"),
    # "the early hours", "the small hours of the morning": the morning of the day the story is on
    ("earlyhours", r"(?i:(?<![\w-])the\s+(?:early|small|wee)\s+(?:morning\s+)?hours(?:\s+of\s+the\s+morning)?(?![\w-])(?!\s+of\b))"),
    ("holiday", r"(?<![\w-])(?P<hol>(?:[Tt]he )?Fourth of July|Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|New Year['\u2019]s|New Year|Boxing Day|Valentine's Day|Armistice Day|Remembrance Day|Bastille Day|May Day|Xmas|Halloween|St\.? Patrick's Day|Saint Patrick's Day|Veterans Day|Easter Sunday|Easter Monday|Easter|Good Friday|Palm Sunday|Ash Wednesday|Thanksgiving Day|Thanksgiving|Memorial Day|Labor Day|Martin Luther King(?:,? Jr\.?)? Day|MLK Day|Presidents['\u2019]? Day|Columbus Day)(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w-])"),
    # "the year-ago third quarter": that quarter a year back; "the 1988 third quarter": of that year
    ("quarter", r"(?i:(?<![\w-])(?:the\s+)?(?P<yago>year-earlier|year-ago|prior-year|year-before)\s+(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)(?![\w-]))"),
    ("quarter", r"(?i:(?<![\w-])the\s+(?P<year>(?:19|20)\d\d)\s+(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)(?![\w-]))"),
    # "the last half of 1989", "the last quarter of 2012": the final one of that year
    ("quarter", r"(?i:(?<![\w-])the\s+(?P<q>last)\s+(?P<unit>quarter|half)\s+of\s+(?P<year>(?:19|20)\d\d)(?![\w-]))"),
    # "last year's quarter", "last year's third quarter": the reported quarter a year back
    ("yearago", r"(?i:(?<![\w-])last\s+year['\u2019]s\s+(?P<unit>quarter|period)(?![\w-]))"),
    ("quarter", r"(?i:(?<![\w-])(?P<year>last\s+year)['\u2019]s\s+(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)(?![\w-]))"),
    # "the 1988 period", "the latest period": the period an earnings story reports (that year's)
    ("yearperiod", r"(?i:(?<![\w-])the\s+(?:(?P<year>(?:19|20)\d\d)|latest)\s+(?P<unit>quarter|period)(?![\w-]))"),
    # "compared with year-earlier profit": the reported period a year back
    ("yearagoadj", r"(?i:(?<![\w-])(?:year-earlier|year-ago)(?![\w-]))"),
    ("quarter", r"(?i:(?<![\w-])(?:the\s+)?(?P<rel>last|this|next|current|previous)?\s*(?:fiscal[\s-]+)?(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)(?:\s+of\s+(?P<fisc>(?:fiscal|FY)\s*(?:year\s+)?)?(?P<year>(?:19|20)\d\d|the\s+year|this\s+year|last\s+year|next\s+year))?(?![\w-]))"),
    ("quarter", r"(?<![\w-])(?P<year>(?:19|20)\d\d|(?i:this|last|next)\s+year)['\u2019]s\s+(?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)(?![\w-])"),
    ("quarter", r"(?<![\w-])(?P<qn>Q[1-4]|H[12])(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w-])"),
    ("season", rf"(?i:(?<![\w-])(?:(?P<rel>last|this|next|this past|this coming|early|late|the)\s+){SEASON}(?:\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)|\s+of\s+(?P<yrel>last|this|next)\s+year(?!\s*['\u2019]s\b))?(?![\w-]))"),
    ("season", rf"(?<![\w-])(?i:{SEASON})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)(?![\w-])"),
    # "in spring", "during winter": a bare (lower-case) season after a preposition
    ("season", rf"(?i:(?<=\bin\s)|(?<=\bduring\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bthrough\s)){SEASON}(?![\w-])"),
]
_COMPILED = [(k, re.compile(p)) for k, p in _PATTERNS]

# Words before a bare month or year that make it a date rather than a name or a count.
_DATE_PREP = {
    "in", "since", "until", "till", "by", "from", "through", "of", "during", "before", "after", "between",
    "and", "or", "to", "for", "as", "on", "early", "late", "mid", "last", "this", "next", "that", "the",
    "around", "about", "throughout", "into", "at", "circa", "each", "every", "than", "within", "over",
}


# Every pattern needs one of its trigger words (or a digit) at most `back` words after where it
# starts, so each pattern is tried only at those word starts: scanning 40 patterns over a whole
# article costs ~40 ms in Python's regex engine, this costs a few.
_CATS: dict[str, set[str]] = {
    "month": set(_MONTHS),
    "weekday": set(_WEEKDAYS) | {w + "s" for w in _WEEKDAYS},
    "unit": set(_UNITS) | {u + "s" for u in _UNITS} | {"centuries", "weekend", "weekends", "season", "seasons"},
    "season": set(_SEASONS),
    "pod": set(_PODS),
    "relday": {"today", "tonight", "yesterday", "tomorrow"},
    "vague": {"moment", "now", "soon", "term", "currently", "nowadays", "present", "presently", "recently", "lately", "past", "future",
              "coming", "days", "ahead", "come"},
    "clock": {"noon", "midnight", "midday", "dawn", "daybreak", "dusk", "nightfall"},
    "holiday": {"fourth", "christmas", "xmas", "armistice", "remembrance", "bastille", "may", "new", "valentine", "halloween", "boxing", "st", "saint", "veterans", "easter", "good",
                "palm", "ash", "thanksgiving", "memorial", "labor", "martin", "mlk", "presidents", "columbus"},
    "quarter": {"quarter", "quarters", "half", "q1", "q2", "q3", "q4", "h1", "h2"},
    "period": {"period"},
    "spelled": {"nineteen", "eighteen", "thousand"},
    "decword": {"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "'"},
    "setadv": {"annually", "yearly", "weekly", "monthly", "daily", "hourly", "quarterly", "nightly", "biweekly"},
    "overnight": {"overnight"},
    "thattime": {"time"},
    "oclock": {"clock"},
    "hours": {"hours"},
    "mid": {"midyear", "midmonth", "midweek"},
    "pwd": {w + "s" for w in _WEEKDAYS} | {"weekends"},
    "vagueadj": {"current", "recent"},
}
_KIND_TRIGGERS: dict[str, tuple[frozenset[str], int]] = {
    k: (frozenset(c.split()), b)
    for k, c, b in [
        ("mdy", "month", 2), ("mdyand", "month", 0), ("dmyand", "month", 4), ("bareunits", "unit", 0), ("yearrange", "digit", 0), ("monrange", "month", 4), ("weekof", "month", 5),
        ("alldur", "unit pod", 2), ("electionday", "unit pod", 1), ("earlyhours", "hours", 3), ("overnight", "overnight", 0), ("dmy", "month", 5), ("iso", "digit", 0), ("numeric", "digit", 0),
        ("month", "month", 5), ("year", "digit", 5), ("prepostyear", "digit", 1), ("decade", "digit decword", 3), ("century", "digit unit", 5),
        ("weekday", "weekday", 2), ("relday", "relday", 4), ("thispod", "pod", 2), ("relunit", "unit season quarter", 6),
        ("nextday", "unit pod", 3), ("endof", "unit", 5), ("yearend", "unit mid", 1), ("perunit", "unit", 1), ("that", "unit thattime season quarter", 2), ("dayord", "ordday", 2),
        ("theweekend", "unit", 2), ("theunit", "unit quarter", 1), ("yearago", "unit", 6), ("thepod", "pod", 1), ("modpod", "pod", 2), ("dayafter", "unit pod", 2), ("ago", "unit", 7), ("agovague", "unit", 0),
        ("laterdur", "unit", 1), ("duration", "unit quarter", 7), ("halfdur", "unit", 4), ("nthday", "unit", 3), ("durrange", "unit", 5), ("setpwd", "pwd", 0), ("setwdpod", "weekday", 2), ("vaguedur", "unit quarter", 4),
        ("time", "digit clock", 3), ("clockrange", "digit", 0), ("clockpod", "pod oclock", 6), ("podword", "clock", 0), ("vague", "vague", 3), ("vagueadj", "vagueadj", 0), ("set", "unit weekday pod season setadv month", 3),
        ("holiday", "holiday", 0), ("quarter", "quarter", 4), ("season", "season", 2), ("spelledyear", "spelled", 3), ("durnoun", "unit", 3), ("yearperiod", "quarter period", 2), ("yearagoadj", "unit", 0),
    ]
}
_KIND_TRIGGERS["relmdy"] = (frozenset({"month"}), 2)
_KIND_TRIGGERS["mdmd"] = (frozenset({"month"}), 0)
_KIND_TRIGGERS["wdofweek"] = (frozenset({"weekday"}), 0)
_KIND_TRIGGERS["overnightwd"] = (frozenset({"overnight"}), 0)
_KIND_TRIGGERS["fraccent"] = (frozenset({"unit"}), 5)
_KIND_TRIGGERS["ordof"] = (frozenset({"unit"}), 6)
_KIND_TRIGGERS["beforelast"] = (frozenset({"unit", "pod"}), 1)
_KIND_TRIGGERS["weekofday"] = (frozenset({"month"}), 4)
_WORD_CATS: dict[str, frozenset[str]] = {}
for _cat, _words in _CATS.items():
    for _w in _words:
        _WORD_CATS[_w] = _WORD_CATS.get(_w, frozenset()) | {_cat}
_WORD_RE = re.compile(r"\w+")
_DIGIT = frozenset({"digit"})
_ORDDAY = frozenset({"digit", "ordday"})  # "5th", "21st": a day of the month may follow "on the"
_ORD_SUFFIX = frozenset({"st", "nd", "rd", "th", "ST", "ND", "RD", "TH"})
_NONE: frozenset[str] = frozenset()


def _day_range(m: re.Match[str]) -> bool:
    """'5-6 April' is a range of days; 'a 3-2 June win' (a score) and 'Dec' with no full stop are not
    (checked before selection, so the date inside the span still gets its chance)."""
    mon = m.group("mon")
    if not mon.endswith(".") and len(mon) <= 4 and mon.lower() not in ("may", "june", "july"):
        return False
    return int(m.group("day")) < int(m.group("day2"))


def _year_before_unit(text: str, m: re.Match[str]) -> bool:
    """'the 2011 quarter': a year naming the period, not a count of 2011 quarters
    (dropped before selection, so the period's own reading gets its chance)."""
    return bool(re.fullmatch(r"(?:1[6-9]|20)\d\d", m.group("num"))) and text[m.end("unit") : m.end("unit") + 1] not in ("s", "S")


def candidates(text: str) -> list[Cand]:
    words = [(m.start(), m.group()) for m in _WORD_RE.finditer(text)]
    # per trigger word: its categories and the starts of the words before it, itself last
    triggers: list[tuple[frozenset[str], list[int]]] = []
    for i, (pos, w) in enumerate(words):
        cat = (_ORDDAY if w[-2:] in _ORD_SUFFIX and len(w) <= 4 else _DIGIT) if w[0].isdigit() else _WORD_CATS.get(w.lower(), _NONE)
        if cat:
            starts = [p for p, _ in words[max(0, i - 7) : i + 1]]
            if "digit" in cat and pos and text[pos - 1] == "'":
                starts.append(pos - 1)  # "the '90s"
            triggers.append((cat, starts))
    out: list[Cand] = []
    seen: set[tuple[int, int, str]] = set()
    for kind, rx in _COMPILED:
        need, back = _KIND_TRIGGERS[kind]
        todo: set[int] = set()
        for cat, pos in triggers:
            if cat & need:
                todo.update(pos[-(back + 2) :])
        for p in sorted(todo):
            m = rx.match(text, p)
            if m and kind == "dmyand" and not _day_range(m):
                continue
            if m and kind == "duration" and _year_before_unit(text, m):
                continue
            if m and m.end() > m.start() and (m.start(), m.end(), kind) not in seen:
                seen.add((m.start(), m.end(), kind))
                out.append(Cand(m.start(), m.end(), kind, m))
    return out


def select(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first, then leftmost; keep those that do not overlap a kept one."""
    kept: list[Cand] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), c.start)):
        if any(c.start < e and s < c.end for s, e in taken):
            continue
        kept.append(c)
        taken.append((c.start, c.end))
    return sorted(kept, key=lambda c: c.start)


# ---------------------------------------------------------------- date arithmetic helpers


def _num(word: str | None) -> float | None:
    """'three' -> 3, '2.5' -> 2.5, 'twenty-one' -> 21, 'several' -> None (vague)."""
    if word is None:
        return None
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if re.fullmatch(r"\d+[ -]1/2", w):
        return float(w[:-4]) + 0.5
    if w in _NUMS:
        code = _NUMS[w]
        return None if code == "X" else float(code)
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in _NUMS and parts[1] in _NUMS:
        return float(_NUMS[parts[0]]) + float(_NUMS[parts[1]])
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P3Y, PT20M, PXD for a vague count; decades and centuries in years."""
    u = unit.lower().rstrip("s")
    if u == "centurie":
        u = "century"
    if u == "fortnight":
        return "PXW" if n is None else f"P{_fmt_num(2 * n)}W"
    if u == "quarter":  # a business quarter is three months (ISO 8601 has no quarter unit)
        return "PXM" if n is None else f"P{_fmt_num(3 * n)}M"
    if u in ("decade", "century"):  # TIDES 2005 units DE and CE, as for the vague "decades" (PXDE)
        return f"P{'X' if n is None else _fmt_num(n)}{'DE' if u == 'decade' else 'CE'}"
    code = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y"}[u]
    t = "T" if u in ("second", "minute", "hour") else ""
    if n is not None and n != int(n) and u in _SMALLER:
        # "2 1/2 years", "an hour and a half": TimeBank and AQUAINT write the fraction in the next smaller
        # unit (P2Y6M, PT1H30M), as ISO 8601 prefers; a fraction that does not divide evenly stays decimal
        sub, factor, t2 = _SMALLER[u]
        whole, rest = int(n), (n - int(n)) * factor
        if rest == int(rest):
            head = f"{whole}{code}" if whole else ""
            return f"P{t}{head}{t2 if not t and t2 else ''}{int(rest)}{sub}"
    return f"P{t}{'X' if n is None else _fmt_num(n)}{code}"


# the next smaller unit a fractional count is written in: (its code, units per unit, "T" if it is a time unit)
_SMALLER = {"year": ("M", 12, ""), "week": ("D", 7, ""), "day": ("H", 24, "T"), "hour": ("M", 60, "T"),
            "minute": ("S", 60, "T")}


def add_months(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def resolve_weekday(dct: date, wd: int, rel: str | None, tense: str | None) -> date:
    """News use: past by default ("On Saturday" in a Sunday story is the day before; "Friday" in a
    Friday story is that day); future when the clause is future or the expression says "next"."""
    delta_back = (dct.isoweekday() - wd) % 7  # 0..6 days back to the most recent such weekday
    delta_fwd = (wd - dct.isoweekday()) % 7
    r = (rel or "").lower()
    if r == "last" or r == "this past":
        return dct - timedelta(days=delta_back or 7)
    if r == "next" or r == "this coming":
        return dct + timedelta(days=delta_fwd or 7)
    if tense == "future":
        return dct + timedelta(days=delta_fwd)
    return dct - timedelta(days=delta_back)


def resolve_month_day(dct: date, month: int, day: int, tense: str | None) -> date | None:
    """Pick the year: the publication year unless that puts the date on the wrong side of it."""
    try:
        cand = date(dct.year, month, day)
    except ValueError:
        return None
    if tense in ("future", "scheduled"):
        # a scheduled present ("the offer expires Oct. 1") also names a day just gone by (in a story
        # written a little later), so only a day more than a month back moves to next year
        if cand < dct - timedelta(days=7 if tense == "future" else 31):
            return _safe_date(dct.year + 1, month, day)
    elif tense == "past":
        if cand > dct + timedelta(days=7):
            return _safe_date(dct.year - 1, month, day)
    elif (cand - dct).days > 183:
        return _safe_date(dct.year - 1, month, day)
    elif (dct - cand).days > 183 + 90:
        return _safe_date(dct.year + 1, month, day)
    return cand


def resolve_month(dct: date, month: int, tense: str | None, rel: str | None = None) -> int:
    """Year of a bare month name."""
    r = (rel or "").lower()
    if r == "last":
        return dct.year if month < dct.month else dct.year - 1
    if r == "next":
        return dct.year if month > dct.month else dct.year + 1
    if r == "this":
        return dct.year
    if tense == "future":
        return dct.year + 1 if month < dct.month else dct.year
    if tense == "past":
        return dct.year - 1 if month > dct.month else dct.year
    if dct.month - month >= 9:  # "in January" with no tense in a November story: the coming one
        return dct.year + 1
    return dct.year - 1 if month - dct.month > 6 else dct.year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def month_of(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def weekday_of(word: str) -> int | None:
    return _WEEKDAYS.get(word.lower())


def granularity(value: str | None, typ: str) -> str | None:
    if value is None:
        return None
    if typ in ("duration", "set"):
        return None
    if value.endswith("_REF"):
        return "vague"
    if "T" in value:
        return "minute" if re.search(r"T\d\d:\d\d", value) else "part-of-day"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", value) or re.fullmatch(r"[\dX]{4}-WXX-\d", value):
        return "day"
    if "-W" in value:
        return "weekend" if value.endswith("-WE") else "week"
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}", value):
        return "month"
    if re.fullmatch(r"[\dX]{4}-Q\d", value):
        return "quarter"
    if re.fullmatch(r"[\dX]{4}-H\d", value):
        return "half-year"
    if re.fullmatch(r"[\dX]{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"[\dX]{4}", value):
        return "year"
    if re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    return None

