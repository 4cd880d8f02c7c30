"""An answer cache in front of the app, for a store that cannot change while it is served.

Why at the ASGI layer, keyed by the raw path and query string: a repeated query is then answered
without routing or parameter validation, which is most of what a cached request would otherwise
cost. Only successful JSON GETs under /api/ are kept, and the cache is bounded in bytes.
"""

from collections import OrderedDict
from typing import Any

from .security import ASGIApp, Message, Receive, Scope, Send

_NOT_CACHED = frozenset({"/api/health", "/api/extract"})


class ResponseCache:
    """A byte-bounded LRU of response bodies."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.items: OrderedDict[tuple, bytes] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: tuple) -> bytes | None:
        body = self.items.get(key)
        if body is None:
            self.misses += 1
            return None
        self.items.move_to_end(key)
        self.hits += 1
        return body

    def put(self, key: tuple, body: bytes) -> None:
        if len(body) > self.max_bytes // 8 or key in self.items:
            return
        self.items[key] = body
        self.size += len(body)
        while self.size > self.max_bytes and self.items:
            _, old = self.items.popitem(last=False)
            self.size -= len(old)

    def stats(self) -> dict[str, Any]:
        return {"entries": len(self.items), "bytes": self.size, "hits": self.hits, "misses": self.misses}


class CachingLayer:
    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or scope.get("method") != "GET" or not path.startswith("/api/") or path in _NOT_CACHED:
            await self.app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        body = self.cache.get(key)
        if body is not None:
            await send({"type": "http.response.start", "status": 200, "headers": [
                (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})
            return

        status = 0
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and status == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.cache.put(key, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)
