"""Domain exceptions and their one rendering: RFC 9457 problem+json."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm.exc import StaleDataError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.core.context import request_id_var

logger = logging.getLogger("wps.errors")

PROBLEM_MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "https://wps-tracker.example/problems/"


class FieldError(BaseModel):
    """One invalid input: `pointer` into the JSON body, or the `parameter` it came in."""

    detail: str
    pointer: str | None = None
    parameter: str | None = None
    location: str | None = None


class Problem(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    title: str
    status: int
    detail: str
    instance: str | None = None
    errors: list[FieldError] | None = None


class AppError(Exception):
    """A domain error; each kind below declares its status, its problem type's slug and any
    headers its answer always carries."""

    status = 500
    slug = "internal-error"
    headers: dict[str, str] = {}

    def __init_subclass__(
        cls, *, status: int, slug: str, headers: dict[str, str] | None = None, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        cls.status, cls.slug, cls.headers = status, slug, headers or {}

    def __init__(
        self,
        detail: str,
        *,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.extra_headers = {**self.headers, **(headers or {})}
        self.extra = extra


class BadRequest(AppError, status=400, slug="bad-request"): ...


class Unauthorized(
    AppError, status=401, slug="unauthorized", headers={"WWW-Authenticate": "Bearer"}
): ...


class Forbidden(AppError, status=403, slug="forbidden"): ...


class NotFound(AppError, status=404, slug="not-found"): ...


class Conflict(AppError, status=409, slug="conflict"): ...


class PreconditionFailed(AppError, status=412, slug="precondition-failed"): ...


class PayloadTooLarge(AppError, status=413, slug="payload-too-large"): ...


class UnsupportedMediaType(AppError, status=415, slug="unsupported-media-type"): ...


class Unprocessable(AppError, status=422, slug="validation-error"): ...


class PreconditionRequired(AppError, status=428, slug="precondition-required"): ...


class TooManyRequests(AppError, status=429, slug="rate-limited"): ...


class ServiceUnavailable(
    AppError, status=503, slug="service-unavailable", headers={"Retry-After": "5"}
): ...


def field_error(pointer: str, detail: str) -> dict[str, Any]:
    return {"pointer": pointer, "detail": detail}


def invalid(pointer: str, detail: str) -> Unprocessable:
    """A 422 for one field of the body, named by its JSON pointer."""
    return Unprocessable(f"{pointer}: {detail}", errors=[field_error(pointer, detail)])


def invalid_query(parameter: str, detail: str) -> Unprocessable:
    """A 422 for one query parameter, named as the client sent it."""
    return Unprocessable(
        f"{parameter}: {detail}",
        errors=[{"parameter": parameter, "location": "query", "detail": detail}],
    )


def problem_response(
    status: int,
    detail: str,
    *,
    slug: str | None = None,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": TYPE_BASE + (slug or _slug_for(status)),
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": request_id_var.get() or None,
    }
    if errors is not None:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return Response(
        orjson.dumps(body), status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers
    )


def _slug_for(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-").replace("'", "")


def _pointer(loc: tuple[Any, ...]) -> dict[str, Any]:
    where, *path = loc if loc else ("body",)
    escaped = [str(part).replace("~", "~0").replace("/", "~1") for part in path]
    if where == "body":
        return {"pointer": "/" + "/".join(escaped) if escaped else ""}
    return {"parameter": str(path[0]) if path else str(where), "location": str(where)}


def validation_message(error: Any) -> str:
    """One pydantic error in plain words: a validator's own sentence, without the library's
    "Value error, " or "Assertion failed, " prefix."""
    kind = error.get("type")
    if kind == "extra_forbidden":
        return "unknown or read-only field"
    if kind == "json_invalid":
        return "request body is not valid JSON"
    cause = (error.get("ctx") or {}).get("error")
    if kind in ("value_error", "assertion_error") and cause is not None and str(cause):
        return str(cause)
    return str(error.get("msg", "invalid value"))


def validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for err in exc.errors():
        loc = tuple(err.get("loc", ()))
        if err.get("type") == "json_invalid":
            loc = ("body",)  # the position in the text is not a JSON pointer
        errors.append({**_pointer(loc), "detail": validation_message(err)})
    return errors


def _allowed_methods(request: Request) -> list[str]:
    from fastapi.routing import iter_route_contexts

    path = request.url.path
    methods: set[str] = set()
    for route in iter_route_contexts(request.app.routes):
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def render_error(exc: AppError) -> Response:
    return problem_response(
        exc.status,
        exc.detail,
        slug=exc.slug,
        errors=exc.errors,
        headers=exc.extra_headers or None,
        extra=exc.extra or None,
    )


# Every route under this prefix takes a key; its refusal comes before any complaint about the body.
KEYED_PATHS = "/api/"


async def key_first(request: Request) -> Response | None:
    """The 401 (or 429) of a request whose body was refused before its key was checked."""
    if not request.url.path.startswith(KEYED_PATHS):
        return None
    from app.core.security import authenticate_request  # security renders its refusals here

    try:
        await authenticate_request(request)
    except AppError as exc:
        return render_error(exc)
    except Exception as exc:  # the key cannot be checked: neither a 401 nor the body's answer
        return unavailable_response(exc)
    return None


def unavailable_response(exc: Exception) -> Response:
    logger.error("database unavailable", extra={"error": type(exc).__name__})
    return problem_response(
        503,
        "the database is unavailable; retry shortly",
        slug="service-unavailable",
        headers={"Retry-After": "5"},
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(request: Request, exc: AppError) -> Response:
        return render_error(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        if any(err.get("type") == "json_invalid" for err in exc.errors()):
            refused = await key_first(request)
            if refused is not None:
                return refused
        errors = validation_errors(exc)
        first = errors[0] if errors else {}
        where = first.get("pointer") or first.get("parameter") or "request"
        return problem_response(
            422,
            f"{where}: {first.get('detail', 'invalid input')}",
            slug="validation-error",
            errors=errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            detail = "no such resource"
        if exc.status_code in (413, 415):  # raised while FastAPI reads the body: key first
            refused = await key_first(request)
            if refused is not None:
                return refused
        if exc.status_code == 400 and isinstance(exc.__cause__, (ValueError, RecursionError)):
            # FastAPI could not parse the body (bytes that are not UTF-8, nesting too deep
            # for json.loads): the same 422 as any other body that is not JSON.
            refused = await key_first(request)
            if refused is not None:
                return refused
            return problem_response(
                422,
                "request body is not valid JSON",
                slug="validation-error",
                errors=[{"pointer": "", "detail": "request body is not valid JSON"}],
            )
        if exc.status_code == 405:
            # Starlette names only the first route that matched the path; list every method.
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return problem_response(exc.status_code, detail, headers=headers or None)

    @app.exception_handler(StaleDataError)
    async def _stale(request: Request, exc: StaleDataError) -> Response:
        return problem_response(
            412,
            "the resource changed since it was read; fetch it again",
            slug="precondition-failed",
        )

    @app.exception_handler(IntegrityError)
    async def _integrity(request: Request, exc: IntegrityError) -> Response:
        logger.warning("integrity error", extra={"error": type(exc.orig).__name__})
        return problem_response(409, "the change conflicts with stored data", slug="conflict")

    async def _unavailable(request: Request, exc: Exception) -> Response:
        return unavailable_response(exc)

    unavailable = (
        OperationalError,  # includes a locked SQLite database after the busy timeout
        InterfaceError,
        PoolTimeout,
        ConnectionError,
        TimeoutError,
        OSError,
    )
    for exc_type in unavailable:
        app.add_exception_handler(exc_type, _unavailable)

    @app.exception_handler(DBAPIError)
    async def _dbapi(request: Request, exc: DBAPIError) -> Response:
        if exc.connection_invalidated:
            return await _unavailable(request, exc)
        logger.error("database error", extra={"error": type(exc.orig).__name__})
        return problem_response(500, "internal error", slug="internal-error")

    @app.exception_handler(Exception)
    async def _unhandled(request: Request, exc: Exception) -> Response:
        logger.exception("unhandled error")
        return problem_response(500, "internal error", slug="internal-error")


_DESCRIPTIONS = {
    304: "Not modified: the client's copy (If-None-Match) is current",
    400: "Bad request",
    401: "Missing, invalid or revoked API key",
    403: "The key's role may not do this",
    404: "No such resource (or not visible to this key)",
    409: "Conflict with stored data or the resource's state",
    412: "If-Match is stale",
    413: "Request body too large",
    415: "Unsupported Content-Type",
    422: "Invalid input; `errors` points at each field",
    428: "If-Match is required",
    429: "Rate limit exceeded; see Retry-After",
    503: "Database unavailable; see Retry-After",
}

STANDARD_ERRORS = (401, 403, 422, 429, 503)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI declarations for a route's error answers, all problem+json."""
    declared: dict[int | str, dict[str, Any]] = {}
    for status in sorted({*STANDARD_ERRORS, *statuses}):
        if status == 304:
            declared[status] = {"description": _DESCRIPTIONS[status]}
            continue
        declared[status] = {
            "description": _DESCRIPTIONS.get(status, HTTPStatus(status).phrase),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
    return declared
