"""`newsevents bench serve`: the API under wrk on loopback (the code lives with the API)."""

from ..api.bench import command

__all__ = ["command"]
