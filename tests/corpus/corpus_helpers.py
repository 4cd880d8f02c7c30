"""Short original articles for the corpus tests (a module with a unique name, importable from tests)."""

from __future__ import annotations

# short original sentences, so runs stay quick; every doc differs (content hash ids)
TOPICS = [
    ("Police in {c} arrested {n} people on Monday after a protest over fuel prices, officials said.", "{c}"),
    ("Flooding in {c} forced {n} families from their homes on Tuesday, the Red Cross said.", "{c}"),
    ("The mayor of {c} met union leaders on Friday to discuss a strike by {n} bus drivers.", "{c}"),
]
CITIES = ["Lyon", "Porto", "Leeds", "Gdansk", "Turin", "Ghent", "Malmo", "Graz"]


def article(i: int) -> str:
    t, _ = TOPICS[i % len(TOPICS)]
    c = CITIES[i % len(CITIES)]
    return t.format(c=c, n=10 + i) + f" Residents of {c} told reporters they were worried. Talks resume next week."
