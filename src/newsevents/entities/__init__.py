"""Entities stage (first cut: spaCy NER grouped by text)."""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document, Entity, Mention


@stage("entities")
def run(doc: Document) -> Document:
    groups: dict[tuple[str, str], Entity] = {}
    for ent in doc.nlp.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}:
            continue
        key = (ent.label_, ent.text)
        if key not in groups:
            groups[key] = Entity(id=f"e{len(groups)}", name=ent.text, type=ent.label_)
        groups[key].mentions.append(Mention(start=ent.start_char, end=ent.end_char, text=ent.text))
    doc.entities = list(groups.values())
    return doc
