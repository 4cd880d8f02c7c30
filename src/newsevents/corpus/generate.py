"""Synthetic corpus for the corpus-scale speed benchmark: many varied ~600-word news documents.

Why synthetic: the benchmark must run offline on thousands of documents we may redistribute, so it
composes the project's own sample articles (samples/*.txt): a base article keeps its headline and
lead, gains paragraphs borrowed from other samples, has its body paragraphs shuffled, and has its
people and places swapped for names from `data/generator_lexicon.tsv`. The spaCy NER that finds the
names to swap runs once per sample paragraph, not once per generated document.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

LEXICON = Path(__file__).parent / "data" / "generator_lexicon.tsv"
REPO_SAMPLES = Path(__file__).resolve().parents[3] / "samples"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _lexicon() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, value, country = (line.split("\t") + ["", ""])[:3]
        out.setdefault(kind, []).append((value, country))
    return out


@lru_cache(maxsize=2)
def _samples(folder: str) -> list[tuple[str, list[tuple[str, list[tuple[int, int, str]]]]]]:
    """(headline, [(paragraph, [(start, end, label) of PERSON/GPE spans])]) per sample article."""
    from ..nlp import get_nlp

    nlp = get_nlp()
    out = []
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        head, _, body = text.partition("\n\n")
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        parsed = []
        for p in paras:
            ents = [(e.start_char, e.end_char, e.label_) for e in nlp(p).ents if e.label_ in ("PERSON", "GPE")]
            parsed.append((p, ents))
        out.append((head.strip(), parsed))
    if not out:
        raise FileNotFoundError(f"no sample articles (*.txt) in {folder}")
    return out


def _swap(text: str, ents: list[tuple[int, int, str]], names: dict[str, str], rng: random.Random,
          lex: dict[str, list[tuple[str, str]]]) -> str:
    """Replace PERSON and GPE spans, consistently within one document (same source name, same swap)."""
    out, last = [], 0
    for s, e, label in ents:
        orig = text[s:e]
        key = label + ":" + (orig.split()[-1] if label == "PERSON" else orig.title())
        if key not in names:
            if label == "PERSON":
                names[key] = f"{rng.choice(lex['given'])[0]} {rng.choice(lex['surname'])[0]}"
            else:
                names[key] = rng.choice(lex["city"])[0]
        new = names[key]
        if label == "PERSON" and len(orig.split()) == 1:
            new = new.split()[-1]  # a surname alone stays a surname alone
        if orig.isupper():
            new = new.upper()  # a dateline stays a dateline
        out.append(text[last:s])
        out.append(new)
        last = e
    out.append(text[last:])
    return "".join(out)


def generate(n: int, seed: int = 7, target_words: int = 600, samples: str | Path | None = None) -> Iterator[dict]:
    """Yield `n` records {id, text, published, source} of about `target_words` words each."""
    folder = str(samples or REPO_SAMPLES)
    arts = _samples(folder)
    lex = _lexicon()
    rng = random.Random(seed)
    day0 = date(2023, 1, 1)
    for i in range(n):
        base = rng.randrange(len(arts))
        head, paras = arts[base]
        names: dict[str, str] = {}
        lead = paras[0]
        body = list(paras[1:])
        others = [p for j, (_, ps) in enumerate(arts) if j != base for p in ps[1:]]
        rng.shuffle(others)
        words = sum(len(p[0].split()) for p in paras)
        for p in others:
            if words >= target_words:
                break
            body.append(p)
            words += len(p[0].split())
        rng.shuffle(body)
        text_paras = [_swap(p, ents, names, rng, lex) for p, ents in [lead, *body]]
        wd = rng.choice(WEEKDAYS)
        text_paras = [re.sub(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
                             lambda m, w=wd: w if rng.random() < 0.5 else m.group(0), p) for p in text_paras]
        headline = _swap(head, [], names, rng, lex)
        published = (day0 + timedelta(days=rng.randrange(900))).isoformat()
        text = headline + "\n\n" + "\n\n".join(text_paras) + f"\n\n(Synthetic benchmark document {i}.)\n"
        yield {"id": f"gen-{seed}-{i}", "text": text, "published": published, "source": "newsevents-synthetic"}


def write_jsonl(path: str | Path, n: int, seed: int = 7, samples: str | Path | None = None) -> Path:
    import orjson

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        for rec in generate(n, seed=seed, samples=samples):
            fh.write(orjson.dumps(rec) + b"\n")
    return path
