"""HTTP for the server, without a socket: requests, responses, and errors that carry their status.

The server turns a :class:`Request` into a :class:`Response`; the same code answers a real
connection and the one-shot mode (``tjkg serve --get /path``). An :class:`HTTPError` raised
anywhere becomes an answer with its status and one-line message, as HTML for a browser, JSON
for a JSON client, plain text otherwise.

>>> r = Request.from_target("GET", "/search?q=%E5%A4%A7%E9%98%AA&lang=ja", {"Accept": "text/html"})
>>> r.path, r.param("q"), r.header("accept")
('/search', '大阪', 'text/html')
>>> error_response(NotFound("no entity <x>"), r).status
404
"""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from .errors import TjkgError
from .results import parse_accept

__all__ = ["Request", "Response", "HTTPError", "BadRequest", "Forbidden", "NotFound", "MethodNotAllowed",
           "PayloadTooLarge", "UnsupportedMediaType", "wants_html", "error_response", "SECURITY_HEADERS",
           "PAGE_CSP"]

SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                    "X-Frame-Options": "SAMEORIGIN"}
# explorer pages run no script and load nothing from elsewhere
PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; "
            "form-action 'self'; base-uri 'none'; frame-ancestors 'self'")


class HTTPError(TjkgError):
    """An error with the HTTP status it is answered with."""

    status = 500


class BadRequest(HTTPError):
    status = 400


class Forbidden(HTTPError):
    status = 403


class NotFound(HTTPError):
    status = 404


class MethodNotAllowed(HTTPError):
    status = 405


class PayloadTooLarge(HTTPError):
    status = 413


class UnsupportedMediaType(HTTPError):
    status = 415


@dataclass(frozen=True)
class Request:
    """One HTTP request: method, path (decoded), query parameters, headers (lower-case
    names), body, and the path as sent."""

    method: str
    path: str
    params: dict[str, list[str]] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    raw_path: str = ""  # as sent, still percent-encoded

    @classmethod
    def from_target(cls, method: str, target: str, headers: dict[str, str] | None = None,
                    body: bytes = b"") -> Request:
        """A request from its target (``/path?query``) as it appears on the request line."""
        parts = urlsplit(target)
        return cls(method.upper(), unquote(parts.path) or "/", parse_qs(parts.query, keep_blank_values=True),
                   {k.lower(): v for k, v in (headers or {}).items()}, body, parts.path or "/")

    def param(self, name: str, default: str | None = None) -> str | None:
        values = self.params.get(name)
        return values[0] if values else default

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name.lower(), default)


@dataclass(frozen=True)
class Response:
    """An answer: status, headers, body."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    def all_headers(self) -> dict[str, str]:
        out = {"Content-Type": self.media_type, "Content-Length": str(len(self.body)), **SECURITY_HEADERS}
        if self.media_type.startswith("text/html"):
            out["Content-Security-Policy"] = PAGE_CSP
        return out | self.headers


def wants_html(request: Request) -> bool:
    """Whether the client asks for HTML before anything else (a browser does)."""
    ranges = parse_accept(request.header("accept"))
    best = max((q for _, q in ranges), default=0.0)
    return any(media in ("text/html", "application/xhtml+xml") and q >= best for media, q in ranges)


def _error_page(status: int, message: str) -> bytes:
    text = html.escape(message)
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{status} · tjkg</title>"
            "<link rel=\"icon\" href=\"data:,\"><style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;"
            "max-width:50rem;padding:0 1rem}code{background:#f3f3f3}</style></head>"
            f"<body><h1>{status}</h1><p>{text}</p><p><a href=\"/\">tjkg explorer</a></p></body></html>"
            ).encode("utf-8")


def error_response(error: HTTPError | TjkgError, request: Request | None, status: int | None = None) -> Response:
    """The one answer to every error: HTML for a browser, JSON for a JSON client, else text."""
    code = status or getattr(error, "status", 400)
    message = " ".join(str(error).split())
    if request is not None and wants_html(request):
        return Response(code, _error_page(code, message), "text/html; charset=utf-8")
    accept = (request.header("accept") or "") if request is not None else ""
    if "json" in accept and "sparql-results" not in accept:
        body = json.dumps({"ok": False, "status": code, "error": message}, ensure_ascii=False).encode("utf-8")
        return Response(code, body, "application/json")
    return Response(code, (message + "\n").encode("utf-8"))
