"""newsevents: news articles in, source-linked events, places, times, quotes and journeys out."""

from .pipeline import DEFAULT_PIPELINE, extract, extract_many, stage
from .schema import SCHEMA_VERSION, Document

__all__ = ["DEFAULT_PIPELINE", "SCHEMA_VERSION", "Document", "extract", "extract_many", "stage"]
__version__ = "0.1.0"
