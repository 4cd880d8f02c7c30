"""Find quoted stretches by pairing quote marks, tolerantly.

Pairing marks naively (textacy) raises on an odd count and breaks on curly marks used the wrong way
round. Here each mark is classed as opening or closing from its neighbours first and its glyph second,
pairing never crosses a paragraph, a paragraph left open is closed at its end (the newswire convention
for multi-paragraph quotes), and stray marks are ignored. Pure text: never raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE = "\"“”„«»‟″"
OPEN_GLYPHS = "“„«‟‘‛"
CLOSE_GLYPHS = "”»’"
SINGLE = "'‘’‛"
_OPEN_BEFORE = "([{—–-/" + OPEN_GLYPHS + '"'
_CLOSE_AFTER = ".,;:!?)]}—–-…" + CLOSE_GLYPHS + '"'
_PARA = re.compile(r"\n")
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[{—–]))['‘‛](?=\w)", re.M)


@dataclass
class Segment:
    """One quoted stretch; `start`/`end` are the inner text without marks or edge spaces."""

    start: int
    end: int
    open_mark: int
    close_mark: int | None  # None: the paragraph ended before a closing mark
    continues: bool = False  # opens a paragraph that carries on the previous paragraph's quote
    single: bool = False


def _side(text: str, i: int) -> str:
    """'open', 'close' or '?' for the quote mark at i, from the characters around it."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    open_ctx = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    close_ctx = (nxt.isspace() or nxt in _CLOSE_AFTER) and not prev.isspace()
    if open_ctx and not close_ctx:
        return "open"
    if close_ctx and not open_ctx:
        return "close"
    ch = text[i]
    if ch in OPEN_GLYPHS:
        return "open"
    if ch in CLOSE_GLYPHS:
        return "close"
    return "?"


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _double_segments(text: str, pa: int, pb: int, carried: bool) -> tuple[list[Segment], bool]:
    """Pair double marks inside one paragraph; returns segments and whether it ended open."""
    segs: list[Segment] = []
    open_at: int | None = None
    first = True
    for i in range(pa, pb):
        if text[i] not in DOUBLE:
            continue
        side = _side(text, i)
        if side == "?":
            side = "close" if open_at is not None else "open"
        if side == "open":
            if open_at is None:
                open_at = i
        elif open_at is not None:
            a, b = _trim(text, open_at + 1, i)
            if b > a:
                segs.append(Segment(a, b, open_at, i, continues=carried and first and open_at == pa))
            first = False
            open_at = None
        elif first and carried and not segs:
            # a continuation paragraph whose opening mark is missing: quote runs from its start
            a, b = _trim(text, pa, i)
            if b > a:
                segs.append(Segment(a, b, pa, i, continues=True))
            first = False
    if open_at is not None:
        a, b = _trim(text, open_at + 1, pb)
        if b > a:
            segs.append(Segment(a, b, open_at, None, continues=carried and first and open_at == pa))
        return segs, True
    return segs, False


def _single_segments(text: str, pa: int, pb: int, taken: list[tuple[int, int]]) -> list[Segment]:
    """Single-mark quotes outside double quotes: opening before a letter, closing before a boundary."""
    segs: list[Segment] = []
    m = _SINGLE_OPEN.search(text, pa, pb)
    if m is None:
        return segs
    i = m.start()
    while i < pb:
        ch = text[i]
        prev = text[i - 1] if i > pa else " "
        if ch in SINGLE and (prev.isspace() or prev in "([{—–") and i + 1 < pb and text[i + 1].isalnum():
            if any(a <= i < b for a, b in taken):
                i += 1
                continue
            j = i + 2
            close = None
            while j < pb:
                cj = text[j]
                nxt = text[j + 1] if j + 1 < pb else " "
                if cj in SINGLE and not text[j - 1].isspace() and (nxt.isspace() or nxt in _CLOSE_AFTER):
                    # "migrants' suffering": a plural possessive, not a close, when a word follows
                    if text[j - 1] == "s" and nxt == " " and j + 2 < pb and text[j + 2].islower():
                        j += 1
                        continue
                    close = j
                    break
                j += 1
            if close is not None and len(text[i + 1 : close].split()) >= 3:
                a, b = _trim(text, i + 1, close)
                segs.append(Segment(a, b, i, close, single=True))
                i = close + 1
                continue
        i += 1
    return segs


def find_segments(text: str) -> list[Segment]:
    """Every quoted stretch in `text`, in order. Odd or unbalanced marks never raise."""
    out: list[Segment] = []
    carried = False
    for pa, pb in _paragraphs(text):
        segs, ended_open = _double_segments(text, pa, pb, carried)
        # a quote left open carries over only to a paragraph that opens with a quote mark
        carried = ended_open
        segs += _single_segments(text, pa, pb, [(s.open_mark, (s.close_mark or pb) + 1) for s in segs])
        segs.sort(key=lambda s: s.start)
        out.extend(segs)
    return out
