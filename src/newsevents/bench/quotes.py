"""`newsevents bench quotes`: quote content and speaker against PolNeAR, with textacy in the same run.

PolNeAR (BRAT) marks each attribution as Source, Cue and Content spans. We score content detection at
overlap >= 0.5 (the shared characters cover at least half of the longer of the two spans, after both
are trimmed of spaces, quote marks, edge punctuation and a leading "that") and exactly (trimmed spans
equal), speaker accuracy on matched quotes (the predicted speaker span, or a mention of the predicted
speaker entity, overlaps the gold Source), split by kind (direct = gold content opens with a quote mark,
mixed = contains one, indirect = none), on all attributions and on speech only (gold cue is a speech
verb from data/quote_cues.tsv, or "according to"). textacy 0.13 `direct_quotations` runs on the same
texts with curly double marks normalised to straight ones (same length, so offsets hold) and, where it
still raises on an odd count, paragraph by paragraph. One annotator file per article (the first by
name) so articles annotated several times are not counted several times.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
import orjson

ROOT = Path(__file__).resolve().parents[3]
_T_LINE = re.compile(r"^(T\d+)\t(\w+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^E\d+\t(.*)$")
_QUOTES = "\"“”„«»'‘’`"
_EDGE = _QUOTES + " \t\n.,;:!?-—–…()[]"


@dataclass
class Gold:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]
    kind: str = "indirect"
    speech: bool = False


@dataclass
class Pred:
    content: list[tuple[int, int]]
    kind: str
    speaker: list[tuple[int, int]] = field(default_factory=list)


def _spans(raw: str) -> list[tuple[int, int]]:
    out = []
    for part in raw.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return out


def read_ann(path: Path, text: str) -> list[Gold]:
    """Attributions of one BRAT file; lines broken by newlines inside span text are skipped."""
    tspans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _T_LINE.match(line)
        if m:
            tspans[m.group(1)] = (m.group(2), _spans(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            events.append(dict(x.split(":", 1) for x in m.group(1).split() if ":" in x))
    out = []
    for ev in events:
        c = tspans.get(ev.get("Content", ""))
        if c is None:
            continue
        src = tspans.get(ev.get("Source", ""), ("", []))[1]
        cue = tspans.get(ev.get("Cue", ""), ("", []))[1]
        raw = "".join(text[a:b] for a, b in c[1]).strip()
        kind = "direct" if raw[:1] in "\"“”" else ("mixed" if any(q in raw for q in "\"“”") else "indirect")
        out.append(Gold(content=c[1], source=src, cue=cue, kind=kind))
    return out


def _trim(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    chars: set[int] = set()
    spans = sorted(spans)
    if not spans:
        return chars
    a, b = spans[0][0], spans[-1][1]
    while a < b and text[a] in _EDGE:
        a += 1
    if text[a : a + 5].lower() == "that ":
        a += 5
    while b > a and text[b - 1] in _EDGE:
        b -= 1
    for x, y in spans:
        chars.update(range(max(x, a), min(y, b)))
    return {i for i in chars if not text[i].isspace()}


def _overlap(p: set[int], g: set[int]) -> float:
    """GenderGapTracker's match score: the share of the gold span the prediction covers."""
    if not p or not g:
        return 0.0
    return len(p & g) / len(g)


def _overlap_strict(p: set[int], g: set[int]) -> float:
    """Symmetric: the shared characters cover at least this share of BOTH spans."""
    if not p or not g:
        return 0.0
    return len(p & g) / max(len(p), len(g))


def _match(preds: list[set[int]], golds: list[set[int]], thr: float, strict: bool = False) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by overlap, best pairs first."""
    score = _overlap_strict if strict else _overlap
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            o = score(p, g)
            if o >= thr:
                cands.append((o, i, j))
    cands.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for _o, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


class Scorer:
    """Accumulates counts over documents for one system and one gold filter."""

    def __init__(self) -> None:
        self.c: dict[str, int] = {}

    def add(self, key: str, n: int = 1) -> None:
        self.c[key] = self.c.get(key, 0) + n

    def doc(self, text: str, preds: list[Pred], golds: list[Gold], others: list[Gold]) -> None:
        """Score `preds` against `golds`; predictions that only match an `others` gold are ignored."""
        pset = [_trim(text, p.content) for p in preds]
        gset = [_trim(text, g.content) for g in golds]
        oset = [_trim(text, g.content) for g in others]
        pairs = _match(pset, gset, 0.5)
        matched_p = {i for i, _ in pairs}
        ignored = {
            i for i, p in enumerate(pset) if i not in matched_p and any(_overlap(p, o) >= 0.5 for o in oset)
        }
        n_pred = len(preds) - len(ignored)
        self.add("gold", len(golds))
        self.add("pred", n_pred)
        self.add("tp", len(pairs))
        self.add("tp_exact", sum(1 for i, j in _match(pset, gset, 1.0, strict=True) if pset[i] == gset[j]))
        self.add("tp_strict", len(_match(pset, gset, 0.5, strict=True)))
        for i, j in pairs:
            if not golds[j].source:
                continue
            self.add("spk_n")
            gsrc = {k for a, b in golds[j].source for k in range(a, b)}
            if any(a <= k < b for a, b in preds[i].speaker for k in gsrc):
                self.add("spk_ok")
        for kind in ("direct", "indirect", "mixed"):
            pk = [i for i, p in enumerate(preds) if p.kind == kind and i not in ignored]
            gk = [j for j, g in enumerate(golds) if g.kind == kind]
            kp = _match([pset[i] for i in pk], [gset[j] for j in gk], 0.5)
            self.add(f"{kind}_pred", len(pk))
            self.add(f"{kind}_gold", len(gk))
            self.add(f"{kind}_tp", len(kp))

    def report(self) -> dict[str, Any]:
        c = self.c.get
        ov = _prf(c("tp", 0), c("pred", 0), c("gold", 0))
        ex = _prf(c("tp_exact", 0), c("pred", 0), c("gold", 0))
        st = _prf(c("tp_strict", 0), c("pred", 0), c("gold", 0))
        return {
            "gold": c("gold", 0),
            "pred": c("pred", 0),
            "content_p": ov["p"],
            "content_r": ov["r"],
            "content_f1": ov["f1"],
            "strict_p": st["p"],
            "strict_r": st["r"],
            "strict_f1": st["f1"],
            "exact_p": ex["p"],
            "exact_r": ex["r"],
            "exact_f1": ex["f1"],
            "speaker_acc": round(c("spk_ok", 0) / c("spk_n", 1), 4) if c("spk_n", 0) else 0.0,
            "speaker_n": c("spk_n", 0),
            "by_kind": {
                k: {"gold": c(f"{k}_gold", 0), "pred": c(f"{k}_pred", 0), **_prf(c(f"{k}_tp", 0), c(f"{k}_pred", 0), c(f"{k}_gold", 0))}
                for k in ("direct", "indirect", "mixed")
            },
        }


def load_polnear(data: Path, split: str, limit: int | None, offset: int = 0) -> list[tuple[str, str, list[Gold]]]:
    base = data / "polnear" / split
    if not (base / "text").is_dir() or not (base / "attributions").is_dir():
        raise FileNotFoundError(f"PolNeAR {split} split not found under {base}")
    anns: dict[str, Path] = {}
    for p in sorted((base / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", p.stem)
        anns.setdefault(stem, p)
    out = []
    for stem, ann in sorted(anns.items())[offset:]:
        tpath = base / "text" / f"{stem}.txt"
        if not tpath.exists():
            continue
        text = tpath.read_text(encoding="utf-8")
        out.append((stem, text, read_ann(ann, text)))
        if limit and len(out) >= limit:
            break
    return out


def _speech_flags(nlp_doc: Any, golds: list[Gold], speech: frozenset[str]) -> None:
    text = nlp_doc.text
    for g in golds:
        words = " ".join(text[a:b] for a, b in g.cue).lower()
        if "according to" in words:
            g.speech = True
            continue
        toks = [t for t in nlp_doc if any(a <= t.idx < b for a, b in g.cue)]
        g.speech = any(t.lemma_.lower() in speech for t in toks)


def _textacy_quotes(nlp: Any, text: str) -> tuple[list[Pred], int, float]:
    """textacy's direct quotations on mark-normalised text; paragraph by paragraph where it raises."""
    from textacy.extract.triples import direct_quotations

    norm = text.translate(str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'}))
    t0 = time.perf_counter()
    parsed = nlp(norm)
    t_parse = time.perf_counter() - t0
    preds: list[Pred] = []
    raised = 0

    def collect(doc: Any, offset: int) -> None:
        for dq in direct_quotations(doc):
            content = dq.content
            a, b = offset + content.start_char, offset + content.end_char
            spk = [(offset + t.idx, offset + t.idx + len(t.text)) for t in dq.speaker]
            preds.append(Pred(content=[(a, b)], kind="direct", speaker=spk))

    t1 = time.perf_counter()
    try:
        collect(parsed, 0)
    except ValueError:
        preds.clear()
        raised += 1
        pos = 0
        for para in norm.split("\n"):
            if para.count('"') and para.count('"') % 2 == 0:
                span = parsed.char_span(pos, pos + len(para), alignment_mode="expand")
                if span is not None:
                    try:
                        collect(span.as_doc(), span.start_char)
                    except ValueError:
                        raised += 1
            pos += len(para) + 1
    return preds, raised, (time.perf_counter() - t1, t_parse)  # type: ignore[return-value]


def to_attributions(doc: Any) -> list[Pred]:
    """Our quotes in PolNeAR's shape: direct pieces sharing one cue ('"A," she said, "B."') are one
    attribution with a discontinuous content, as PolNeAR annotates them."""
    preds: list[Pred] = []
    by_cue: dict[tuple[int, int], Pred] = {}
    for q in doc.quotes:
        spk = [(q.speaker_span.start, q.speaker_span.end)] if q.speaker_span else []
        ent = doc.entity(q.speaker.entity) if q.speaker else None
        if ent is not None:  # a mention of the linked entity counts as the speaker too
            spk += [(m.start, m.end) for m in ent.mentions]
        key = (q.cue.start, q.cue.end) if q.cue is not None and q.kind == "direct" else None
        if key is not None and key in by_cue:
            by_cue[key].content.append((q.start, q.end))
            continue
        p = Pred(content=[(q.start, q.end)], kind=q.kind, speaker=spk)
        preds.append(p)
        if key is not None:
            by_cue[key] = p
    return preds


@click.command()
@click.option("--data", "data", type=click.Path(path_type=Path), default=None, help="Eval root (default ../shared/eval).")
@click.option("--split", type=click.Choice(["train", "dev"]), default="dev", show_default=True)
@click.option("--limit", type=int, default=None, help="Only the first N articles (for development).")
@click.option("--offset", type=int, default=0, help="Skip the first N articles (for development slices).")
@click.option("--no-textacy", is_flag=True, help="Skip the textacy baseline.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the default output).")
def command(data: Path | None, split: str, limit: int | None, offset: int, no_textacy: bool, as_json: bool) -> None:
    """Quotes on PolNeAR (content P/R/F1, speaker accuracy) against textacy, in one run."""
    from ..cli import fail
    from ..nlp import get_nlp
    from ..pipeline import get_stage
    from ..quotes.lexicon import speech_lemmas
    from ..schema import Document

    data = data or (ROOT.parent / "shared" / "eval")
    try:
        docs = load_polnear(data, split, limit, offset)
    except (FileNotFoundError, OSError, ValueError) as exc:
        fail(str(exc))
        return
    if not docs:
        fail(f"no PolNeAR articles under {data}")
    nlp = get_nlp()
    speech = speech_lemmas()
    quotes_stage = get_stage("quotes")
    try:
        entities_stage = get_stage("entities")
    except Exception:  # the benchmark scores spans; entity linking is optional here
        entities_stage = None
    have_textacy = not no_textacy
    if have_textacy:
        try:
            import textacy  # noqa: F401
        except ImportError:
            have_textacy = False
    ours = {"all": Scorer(), "speech": Scorer()}
    base = {"all": Scorer(), "speech": Scorer()}
    t_parse = t_ours = t_tx = t_tx_parse = 0.0
    raised = 0
    for _stem, text, golds in docs:
        t0 = time.perf_counter()
        parsed = nlp(text)
        t_parse += time.perf_counter() - t0
        _speech_flags(parsed, golds, speech)
        doc = Document(text=text)
        doc._nlp = parsed
        if entities_stage is not None:
            try:
                doc = entities_stage(doc)
            except Exception:
                doc.entities = []
        t0 = time.perf_counter()
        doc = quotes_stage(doc)
        t_ours += time.perf_counter() - t0
        preds = to_attributions(doc)
        sp = [g for g in golds if g.speech]
        nsp = [g for g in golds if not g.speech]
        ours["all"].doc(text, preds, golds, [])
        ours["speech"].doc(text, preds, sp, nsp)
        if have_textacy:
            tpreds, r, (tt, tp) = _textacy_quotes(nlp, text)
            raised += r
            t_tx += tt
            t_tx_parse += tp
            base["all"].doc(text, tpreds, golds, [])
            base["speech"].doc(text, tpreds, sp, nsp)
    n = len(docs)
    res_ours = {k: v.report() for k, v in ours.items()}
    out: dict[str, Any] = {
        "bench": "quotes",
        "dataset": f"polnear/{split}",
        "docs": n,
        "content_f1": res_ours["speech"]["content_f1"],
        "speaker_acc": res_ours["speech"]["speaker_acc"],
        "docs_per_s": round(n / t_ours, 1) if t_ours else None,
        "docs_per_s_with_parse": round(n / (t_ours + t_parse), 2) if t_ours + t_parse else None,
        "speech": res_ours["speech"],
        "all": res_ours["all"],
        "notes": "headline figures are speech attributions at overlap>=0.5; docs_per_s times the stage on parsed docs",
    }
    if have_textacy:
        res_tx = {k: v.report() for k, v in base.items()}
        out["textacy"] = {
            "version": _textacy_version(),
            "content_f1": res_tx["speech"]["content_f1"],
            "speaker_acc": res_tx["speech"]["speaker_acc"],
            "docs_per_s": round(n / t_tx, 1) if t_tx else None,
            "docs_per_s_with_parse": round(n / (t_tx + t_tx_parse), 2) if t_tx + t_tx_parse else None,
            "raised": raised,
            "speech": res_tx["speech"],
            "all": res_tx["all"],
        }
    else:
        out["textacy"] = None
    click.echo(orjson.dumps(out, option=orjson.OPT_INDENT_2 if not as_json else 0).decode())


def _textacy_version() -> str | None:
    try:
        from importlib.metadata import version

        return version("textacy")
    except Exception:
        return None
