"""One pure ASGI layer for what every request needs: request id, limits, headers, metrics, logs."""

from __future__ import annotations

import logging
import os
import re
import time
from typing import Any

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.context import request_id_var
from app.core.errors import key_first, problem_response
from app.core.observability import Metrics
from app.core.routetable import RouteTable, unsupported_media_type

logger = logging.getLogger("wps.access")

# A client's id reaches logs and the audit trail only if it looks like one (not "-" or "..").
_REQUEST_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_BODY_METHODS = {"POST", "PUT", "PATCH"}
# The request headers this layer reads (ASGI gives names in lower case).
_READ_HEADERS = frozenset(
    {b"x-request-id", b"authorization", b"content-length", b"content-type", b"transfer-encoding"}
)
_NO_BODY_READ = frozenset({"GET", "HEAD"})
_ALWAYS = ((b"x-content-type-options", b"nosniff"),)
_NO_STORE = (b"cache-control", b"no-store")


class BodyTooLarge(HTTPException):
    """An HTTPException, so FastAPI's body parsing passes it on as a 413, not a 400."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body exceeds {limit} bytes")


class RequestContextMiddleware:
    def __init__(
        self,
        app: ASGIApp,
        *,
        metrics: Metrics,
        max_body_bytes: int,
        max_import_bytes: int,
        csv_paths: tuple[str, ...],
    ) -> None:
        self.app = app
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes
        self.max_import_bytes = max_import_bytes
        self.csv_paths = csv_paths
        self.routes = RouteTable()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Only the few headers read here, not a dict of all of them (this runs on every request).
        headers: dict[str, str] = {}
        for name, value in scope["headers"]:
            if name in _READ_HEADERS:
                headers[name.decode("latin-1")] = value.decode("latin-1")
        incoming = headers.get("x-request-id", "")
        request_id = incoming if _REQUEST_ID_RE.match(incoming) else os.urandom(16).hex()
        request_id_var.set(request_id)
        method = scope["method"]
        path: str = scope["path"]
        extra = [(b"x-request-id", request_id.encode()), *_ALWAYS]
        if "authorization" in headers:
            extra.append(_NO_STORE)
        started = time.perf_counter()
        status_holder = [500, False]  # status, response started

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status_holder[0] = message["status"]
                status_holder[1] = True
                message["headers"] = [*message.get("headers", ()), *extra]
            await send(message)

        try:
            early = self._refuse_early(scope.get("app"), method, path, headers)
            if early is not None:
                refused = await key_first(Request(scope, receive))
                await (refused or early)(scope, receive, send_wrapper)
            elif method not in _NO_BODY_READ:
                limit = (
                    self.max_import_bytes
                    if path.startswith(self.csv_paths)
                    else self.max_body_bytes
                )
                refusal = self._unsupported_body(scope.get("app"), method, path, headers)
                await self.app(scope, _limited(receive, limit, refusal), send_wrapper)
            else:  # a GET's or HEAD's body is never read: nothing to count or refuse
                await self.app(scope, receive, send_wrapper)
        except BodyTooLarge:
            if not status_holder[1]:
                await _too_large(limit)(scope, receive, send_wrapper)
        except Exception:
            logger.exception("unhandled error")
            if not status_holder[1]:
                await problem_response(500, "internal error", slug="internal-error")(
                    scope, receive, send_wrapper
                )
        finally:
            template = self._route_template(scope, method, path)
            elapsed = time.perf_counter() - started
            self.metrics.observe(method, template, status_holder[0], elapsed)
            if logger.isEnabledFor(logging.INFO):
                logger.info(
                    "request",
                    extra={
                        "method": method,
                        "route": template,
                        "status": status_holder[0],
                        "duration_ms": round(elapsed * 1000, 2),
                    },
                )

    def _route_template(self, scope: Scope, method: str, path: str) -> str:
        """The matched route's full template (`/api/v1/partners/{code}`), never the raw path."""
        # FastAPI >= 0.16x resolves included routers lazily: scope["route"] is the route as
        # declared in its router ("/{code}"); the effective context carries the mounted prefix.
        context = scope.get("fastapi", {}).get("effective_route_context")
        template = getattr(context, "path_format", None)
        if template is None:
            template = getattr(scope.get("route"), "path_format", None)
        if template is None:  # routes of the app itself (/docs, /openapi.json) leave no trace
            found = self.routes.find(scope.get("app"), method, path)
            template = found.template if found else None
        return str(template) if template else "unmatched"

    def _refuse_early(self, app: Any, method: str, path: str, headers: dict[str, str]) -> Any:
        if method not in _BODY_METHODS:
            return None
        length = headers.get("content-length", "").strip()
        limit = self.max_import_bytes if path.startswith(self.csv_paths) else self.max_body_bytes
        if length.isdigit() and int(length) > limit:
            return _too_large(limit)
        # A malformed length is the server's to refuse; the streamed count below still caps it.
        has_body = (length.isdigit() and int(length) > 0) or bool(length and not length.isdigit())
        has_body = has_body or "transfer-encoding" in headers
        if not has_body:
            return None
        return None

    def _unsupported_body(
        self, app: Any, method: str, path: str, headers: dict[str, str]
    ) -> HTTPException | None:
        """The 415 for a body whose type the route does not declare. It is raised when the body
        is read, so a route that reads it after checking the key answers 401/403 first."""
        if method not in _BODY_METHODS:
            return None
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        route = self.routes.find(app, method, path)
        accepted = route.body_types if route else ()
        if accepted and content_type not in accepted:
            return unsupported_media_type(accepted, content_type)
        return None


def _too_large(limit: int) -> Any:
    return problem_response(413, f"request body exceeds {limit} bytes", slug="payload-too-large")


def _limited(receive: Receive, limit: int, refusal: HTTPException | None = None) -> Receive:
    received = 0

    async def wrapper() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            if refusal is not None and (message.get("body") or message.get("more_body")):
                raise refusal
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge(limit)
        return message

    return wrapper


class ProblemCORSMiddleware(CORSMiddleware):
    """Starlette's CORS, with a refused preflight answered as problem+json like every error."""

    def preflight_response(self, request_headers: Headers) -> Response:
        response = super().preflight_response(request_headers)
        if response.status_code != 400:
            return response
        refused = bytes(response.body).decode().removeprefix("Disallowed CORS ")
        headers = {
            k: v for k, v in response.headers.items() if k not in ("content-length", "content-type")
        }
        return problem_response(
            400,
            f"CORS preflight refused: this {refused} is not allowed",
            slug="cors-preflight-refused",
            headers=headers,
        )
