"""Per-request context that logging and auditing read without threading it through calls."""

from contextvars import ContextVar

request_id_var: ContextVar[str] = ContextVar("request_id", default="")
