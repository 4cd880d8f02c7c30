"""Pure-ASGI guards that sit in front of the app.

Why pure ASGI rather than Starlette's BaseHTTPMiddleware: these run on every request, and a plain
callable adds microseconds where BaseHTTPMiddleware adds a task and a stream per request.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import Any

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_QUERY = 4096  # bytes of query string: every filter together fits in far less
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})

# The page loads only its own files; article text is inserted with textContent, and this policy is the
# second line of defence should anything ever slip through.
PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI's page starts itself with one inline script.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

_COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-resource-policy", b"same-origin"),
]


async def _reply(send: Send, status: int, message: str) -> None:
    body = ('{"detail":"' + message + '"}').encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
    })
    await send({"type": "http.response.body", "body": body})


class BodyTooLarge(Exception):
    """Raised inside `receive` when a client sends more than the limit without announcing it."""


class Guard:
    """Body-size limit, Host check (DNS-rebinding defence on loopback) and security headers.

    `allowed_hosts` is None to accept any Host header (the operator bound to a public address on
    purpose); otherwise a request naming another host is refused, so a web page elsewhere that
    re-points its own name at 127.0.0.1 cannot read the API.
    """

    def __init__(self, app: ASGIApp, *, max_body: int, allowed_hosts: Iterable[str] | None) -> None:
        self.app = app
        self.max_body = max_body
        self.allowed = frozenset(h.lower() for h in allowed_hosts) if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = None
        host = b""
        for name, value in scope["headers"]:
            if name == b"content-length":
                length = value
            elif name == b"host":
                host = value
        if self.allowed is not None and _hostname(host) not in self.allowed:
            await _reply(send, 400, "unexpected Host header")
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY:
            await _reply(send, 414, f"query string over {MAX_QUERY} bytes")
            return
        if length is not None:
            try:
                n = int(length)
            except ValueError:
                await _reply(send, 400, "bad Content-Length")
                return
            if n > self.max_body:
                await _reply(send, 413, f"request body over {self.max_body} bytes")
                return

        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        path = scope.get("path", "")
        csp = (DOCS_CSP if path.startswith("/docs") else PAGE_CSP).encode()

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *_COMMON, (b"content-security-policy", csp)]
            await send(message)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _reply(send, 413, f"request body over {self.max_body} bytes")


def _hostname(host: bytes) -> str:
    """`example.org:8000` -> `example.org`; `[::1]:8000` -> `[::1]`."""
    h = host.decode("latin-1").strip().lower()
    if h.startswith("["):
        return h[: h.find("]") + 1] if "]" in h else h
    return h.rsplit(":", 1)[0] if ":" in h else h
