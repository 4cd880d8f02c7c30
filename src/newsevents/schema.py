"""The one schema every stage shares.

A `Document` travels through the pipeline the way a spaCy `Doc` does: each stage reads what earlier
stages wrote and appends its own list. Offsets (`start`/`end`) are character offsets into
`Document.text`, which is the exact text the stages saw (the decoded input, or the article body that
was extracted from HTML).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

SCHEMA_VERSION = "1.0"


class Model(BaseModel):
    """Base: forbid typos in field names so stages cannot drift from the contract."""

    model_config = ConfigDict(extra="forbid")


class Span(Model):
    """A stretch of the input text: everything extracted points back to one."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Mention(Span):
    kind: Literal["name", "pronoun", "nominal", "title"] = "name"


class Entity(Model):
    id: str
    name: str = Field(description="Canonical name: the fullest proper name in the document.")
    type: str = Field(description="PERSON, ORG, GPE, LOC, NORP, FAC, ...")
    mentions: list[Mention] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list, description='"President", "spokesman", ...')
    nationality: str | None = Field(default=None, description="ISO 3166-1 alpha-2 of a demonym modifier.")
    gender: Literal["male", "female"] | None = None
    attrs: dict[str, Any] = Field(default_factory=dict, description="Stage-specific attributes.")


class Ref(Model):
    """A pointer to an entity, with a readable name; `entity` is null for a description."""

    entity: str | None = None
    name: str
    start: int | None = None
    end: int | None = None


class Place(Span):
    name: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    admin1: str | None = None
    feature: str | None = None
    confidence: float = 0.0
    reason: str = ""
    role: Literal["mention", "context", "dateline"] = "mention"


class Time(Span):
    value: str | None = None
    type: Literal["date", "time", "duration", "set"] = "date"
    granularity: str | None = None
    anchor: str | None = Field(default=None, description="publication, absolute, or t<N> of a previous time.")
    id: str | None = None


class Quote(Span):
    kind: Literal["direct", "indirect", "mixed"]
    speaker: Ref | None = None
    speaker_span: Span | None = None
    cue: Span | None = None
    addressee: Ref | None = None
    confidence: float = 0.0
    date: str | None = None


class EventPlace(Model):
    name: str
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    geonames_id: int | None = None
    start: int | None = None
    end: int | None = None


class SentenceSpan(Model):
    start: int
    end: int


class Event(Span):
    """An event; `start`/`end`/`text` are its trigger."""

    type: str
    mode: str | None = None
    actor: Ref | None = None
    target: Ref | None = None
    place: EventPlace | None = None
    date: str | None = None
    sentence: SentenceSpan
    certainty: Literal["asserted", "reported", "alleged", "hedged", "denied", "hypothetical"] = "asserted"
    negated: bool = False
    historical: bool = False
    reported_by: Ref | None = None
    confidence: float = 0.0
    attrs: dict[str, Any] = Field(default_factory=dict)


class Stop(Model):
    name: str
    lat: float | None = None
    lon: float | None = None
    date: str | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None
    role: Literal["origin", "waypoint", "destination"] | None = None
    certainty: str = "asserted"
    country_code: str | None = None


class Journey(Model):
    person: Ref
    stops: list[Stop] = Field(default_factory=list)


class Dateline(Span):
    place: str | None = None
    date: str | None = None
    source: str | None = None


class Document(Model):
    schema_version: str = SCHEMA_VERSION
    id: str = ""
    text: str
    headline: Span | None = None
    dateline: Dateline | None = None
    published: str | None = Field(default=None, description="YYYY-MM-DD, or null when unknown.")
    source: str | None = None
    url: str | None = None
    language: str = "en"
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    focus_places: list[str] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    journeys: list[Journey] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    # The parsed spaCy Doc rides along like a side car; it is never serialised.
    _nlp: Any = PrivateAttr(default=None)

    @property
    def nlp(self) -> Any:
        return self._nlp

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity with a mention overlapping [start, end), preferring the tightest one."""
        best, best_len = None, 1 << 30
        for ent in self.entities:
            for m in ent.mentions:
                if m.start < end and start < m.end and (m.end - m.start) < best_len:
                    best, best_len = ent, m.end - m.start
        return best


def json_schema() -> dict[str, Any]:
    return Document.model_json_schema()
