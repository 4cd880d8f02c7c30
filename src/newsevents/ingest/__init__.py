"""Ingest: bytes or text in, a clean `Document` shell out (text, headline, dateline, date, language).

Every rejection is an `InputError` with a one-line reason; the CLI prints it and exits non-zero, and
the corpus runner records it in its errors table and carries on.
"""

from __future__ import annotations

import re
from datetime import date

from ..pipeline import doc_id
from ..schema import Dateline, Document, Span

MAX_BYTES = 5 * 1024 * 1024


class InputError(ValueError):
    """Input we refuse, with a reason fit for one line on stderr."""


# ---------------------------------------------------------------- bytes -> text

def decode(data: bytes, name: str = "input") -> str:
    """Decode bytes: UTF-8 first, then a detected encoding; refuse binary data."""
    if not data or not data.strip():
        raise InputError(f"{name}: empty input")
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: {len(data):,} bytes is over the {MAX_BYTES // (1024 * 1024)} MB limit; split it into articles")
    head = data[:8192]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16 text") from exc
    if b"\x00" in head or _control_ratio(head) > 0.05:
        raise InputError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # English news that is not UTF-8 is nearly always Windows-1252/Latin-1; detectors guess wrong on
    # short texts (a Central European code page for "São"), so accept cp1252 when it reads as Latin text.
    try:
        text = data.decode("cp1252")
        odd = [c for c in text if ord(c) > 127]
        if sum("\u00c0" <= c <= "\u00ff" or c in "\u2018\u2019\u201c\u201d\u2013\u2014\u2026" for c in odd) >= 0.8 * len(odd):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: not UTF-8 and no text encoding could be detected")
    return str(best)


def _control_ratio(chunk: bytes) -> float:
    bad = sum(1 for b in chunk if b < 32 and b not in (9, 10, 12, 13))
    return bad / max(1, len(chunk))


# ---------------------------------------------------------------- HTML

_HTML_RE = re.compile(r"^\s*(<!doctype html|<html|<\?xml|<head|<body|<article|<div|<p[ >])", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_RE.match(text[:2000])) or text.lstrip().startswith("<") and "</" in text[:20000]


def from_html(html: str) -> tuple[str, str | None, str | None, str | None]:
    """Article body, title, date (YYYY-MM-DD) and site name from HTML, boilerplate stripped."""
    import trafilatura

    res = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=False
    )
    if res is None:
        raise InputError("HTML holds no article text")
    get = res.get if isinstance(res, dict) else lambda k: getattr(res, k, None)
    body = (get("text") or "").strip()
    if not body:
        raise InputError("HTML holds no article text")
    when = get("date")
    when = when if when and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when) else None
    return body, get("title"), when, get("sitename")


# ---------------------------------------------------------------- headline and dateline

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
         ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"),
         ("nov", "november"), ("dec", "december")]
    )
    for m in names
}
_MONTH_RE = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATELINE_RE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+)*(?:,[ ](?:[A-Z][A-Za-z.]+)(?:[ ][A-Z][A-Za-z.]+)?)?)"
    r"(?:,?[ ](?P<date>" + _MONTH_RE + r"[ ]\d{1,2}(?:,[ ]\d{4})?))?"
    r"(?:[ ]?\((?P<source>[A-Za-z][\w .&'-]{1,40})\))?"
    r"[ ]?(?:-{1,2}|\u2014|\u2013)[ ]"
)


def find_headline(text: str) -> Span | None:
    """A short first line without a closing full stop, followed by a line break, is a headline."""
    lead = len(text) - len(text.lstrip())
    nl = text.find("\n", lead)
    if nl < 0:
        return None
    line = text[lead:nl].rstrip()
    if not line or len(line) > 200 or len(line.split()) < 3 or line.endswith((".", ":", ";", ",")) and not line.endswith("U.S."):
        return None
    if line[0] in "\"'\u201c\u2018(" or _DATELINE_RE.match(line):
        return None
    return Span(start=lead, end=lead + len(line), text=line)


def find_dateline(text: str, start: int, published: str | None) -> Dateline | None:
    """'MEXICO CITY (Reuters) -' or 'ROME, June 3 -' at the start of the body."""
    lead = start + len(text[start:]) - len(text[start:].lstrip())
    m = _DATELINE_RE.match(text, lead)
    if not m or m.end() - lead > 120:
        return None
    place = m.group("place").strip()
    head = place.split(",")[0]
    if len(head) < 3 or not head.replace(" ", "").replace(".", "").isupper():
        return None
    when = _dateline_date(m.group("date"), published) if m.group("date") else None
    span = text[lead : m.end()].rstrip()
    return Dateline(start=lead, end=lead + len(span), text=span, place=_titlecase(place), date=when, source=m.group("source"))


def _titlecase(place: str) -> str:
    parts = place.split(",")
    return ",".join([parts[0].title()] + parts[1:])


def _dateline_date(raw: str, published: str | None) -> str | None:
    m = re.match(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:,\s*(\d{4}))?", raw)
    if not m:
        return None
    month = _MONTHS.get(m.group(1).lower()[:3] if m.group(1).lower() not in _MONTHS else m.group(1).lower())
    day = int(m.group(2))
    if not month:
        return None
    if m.group(3):
        year = int(m.group(3))
    elif published:
        pub = date.fromisoformat(published)
        year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    else:
        return f"XXXX-{month:02d}-{day:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- language

_EN_WORDS = frozenset(
    "the of and to a in is that for on was with as by it he she at from his her they said have has be are"
    " were an this which not but had who their its been will would".split()
)
# The commonest function words of the languages a news archive most often mixes in. A text is called
# non-English only when one of these clearly outscores English, so short English snippets pass.
_OTHER_WORDS = {
    "es": frozenset("el la los las de del que y en un una por con para se su al es lo como pero más fue".split()),
    "fr": frozenset("le la les de des du que et en un une pour avec sur est au aux dans par qui ne pas été".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den mit von auf für dem des sich im auch wurde".split()),
    "it": frozenset("il la di che e è un una per con non del della nel sono alla gli le dei ha".split()),
    "pt": frozenset("o a os as de do da que e em um uma para com não por se na no dos foi".split()),
    "nl": frozenset("de het een en van in is dat op te zijn niet met voor die werd ook aan bij".split()),
}


def guess_language(text: str) -> str:
    """'en', or the ISO code of a language whose function words clearly outnumber English ones.

    No model needed: function words are the most reliable cue in running text, and short English
    notes ("Police arrested 20 protesters.") must not be refused for having few of them.
    """
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if not words:
        return "en"
    en = sum(w in _EN_WORDS for w in words)
    best, best_n = "en", en
    for lang, vocab in _OTHER_WORDS.items():
        n = sum(w in vocab for w in words)
        if n > best_n:
            best, best_n = lang, n
    if best != "en" and best_n >= max(3, 2 * en) and best_n / len(words) >= 0.1:
        return best
    return "en"


# ---------------------------------------------------------------- entry

def _check_date(published: str | None) -> str | None:
    if published is None or published == "":
        return None
    try:
        return date.fromisoformat(str(published)[:10]).isoformat()
    except ValueError as exc:
        raise InputError(f"published date {published!r} is not YYYY-MM-DD") from exc


def prepare(
    text: str | bytes,
    published: str | None = None,
    source: str | None = None,
    url: str | None = None,
    html: bool | None = None,
    name: str = "input",
) -> Document:
    """Build the `Document` shell every stage starts from."""
    if isinstance(text, bytes):
        text = decode(text, name)
    if not isinstance(text, str):
        raise InputError(f"{name}: expected text, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{name}: empty input")
    if len(text) > MAX_BYTES:
        raise InputError(f"{name}: {len(text):,} characters is over the 5 MB limit; split it into articles")
    published = _check_date(published)
    warnings: list[str] = []
    title = None
    if html or (html is None and looks_like_html(text)):
        body, title, html_date, site = from_html(text)
        text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
        published = published or html_date
        source = source or site
    text = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    language = guess_language(text)
    if language != "en":
        raise InputError(f"{name}: text looks like '{language}', not English; newsevents reads English news only")
    headline = find_headline(text)
    dateline = find_dateline(text, headline.end if headline else 0, published)
    if dateline:
        source = source or dateline.source
        if not published and dateline.date and not dateline.date.startswith("X"):
            warnings.append("publication date taken from the dateline")
            published = dateline.date
    return Document(
        id=doc_id(text), text=text, headline=headline, dateline=dateline, published=published,
        source=source, url=url, language=language, warnings=warnings,
    )


def read_path(path: str) -> bytes:
    """Read a file, or stdin for '-', as bytes; refuse what is not a readable file."""
    import os
    import sys

    if path == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    if not os.path.exists(path):
        raise InputError(f"{path}: no such file")
    if os.path.isdir(path):
        raise InputError(f"{path}: is a directory (use `newsevents run` for folders)")
    try:
        with open(path, "rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
