"""Entities stage: named entities merged into in-document entities, with pronoun coreference.

spaCy's small English model makes predictable mistakes on news: demonyms tagged GPE/ORG, towns tagged
PERSON, surnames tagged ORG, organisation names split at "and". This stage repairs those with lexicons
and document-level consistency, then links short names and pronouns to the fullest name, because quotes
and events need "he said" and "Perez" to point at one person.
"""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document, Entity, Mention
from .coref import resolve_pronouns
from .mentions import collect_mentions
from .merge import merge_mentions

__all__ = ["run"]


@stage("entities")
def run(doc: Document) -> Document:
    mentions = collect_mentions(doc)
    entities: list[Entity] = merge_mentions(mentions, doc)
    resolve_pronouns(doc, entities)
    for ent in entities:
        ent.mentions.sort(key=lambda m: m.start)
    entities.sort(key=lambda e: e.mentions[0].start if e.mentions else 0)
    for i, ent in enumerate(entities):
        ent.id = f"e{i + 1}"
    doc.entities = entities
    return doc


def mention_texts(ent: Entity) -> set[str]:
    """Every surface form of an entity (names only), for matching against other lists."""
    return {m.text for m in ent.mentions if m.kind == "name"} | set(ent.aliases) | {ent.name}


__all__ += ["Mention", "mention_texts"]
