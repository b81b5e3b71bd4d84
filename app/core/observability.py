"""Structured logs and Prometheus metrics; neither ever carries keys or personal data."""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import orjson
from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.multiprocess import MultiProcessCollector

from app.core.context import request_id_var

# Record attributes that are not extra fields; uvicorn adds an ANSI-coloured copy of its message.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", (), None).__dict__) | {
    "message",
    "asctime",
    "color_message",
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": request_id_var.get() or None,
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        extra = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        request_id = request_id_var.get() or "-"
        line = f"{record.levelname} {record.name} [{request_id}] {record.getMessage()}"
        if extra:
            line += " " + " ".join(f"{k}={v}" for k, v in extra.items())
        return line


def configure_logging(level: str, fmt: str) -> None:
    """The service's own loggers (`wps.*`), as the app is created."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger("wps")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """A `logging.config.dictConfig` for a whole process (`wps serve`, given to uvicorn as its
    log_config): uvicorn's loggers, ours and any library's write one format to stderr."""
    formatter = "JsonFormatter" if fmt == "json" else "TextFormatter"
    own = {"handlers": ["stderr"], "level": level, "propagate": False}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"wps": {"()": f"{__name__}.{formatter}"}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "formatter": "wps",
                "stream": "ext://sys.stderr",
            }
        },
        "root": {"handlers": ["stderr"], "level": "WARNING"},
        "loggers": {
            "wps": own,
            "uvicorn": own,
            "uvicorn.error": {"level": level},  # propagates to "uvicorn"
            "uvicorn.access": own,
        },
    }


# Where worker processes keep their metric values (prometheus-client's multiprocess mode). Set
# before prometheus_client is first imported: `wps serve --workers N` does that itself.
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"


class Metrics:
    """Request counts and latency by route template. With several worker processes
    (PROMETHEUS_MULTIPROC_DIR set), every process writes its values to that directory and
    `exposition()` adds them up, so a scrape landing on any worker sees the whole service."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "wps_http_requests_total",
            "HTTP requests by route template, method and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.latency = Histogram(
            "wps_http_request_duration_seconds",
            "HTTP request latency by route template and method",
            ["method", "route"],
            registry=self.registry,
        )
        # The labelled children, found once per label set rather than looked up per request.
        self._counted: dict[tuple[str, str, int], Any] = {}
        self._timed: dict[tuple[str, str], Any] = {}

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        """Count one request and its latency under its route template (never the raw path)."""
        counter = self._counted.get((method, route, status))
        if counter is None:
            counter = self._counted[(method, route, status)] = self.requests.labels(
                method, route, str(status)
            )
        timer = self._timed.get((method, route))
        if timer is None:
            timer = self._timed[(method, route)] = self.latency.labels(method, route)
        counter.inc()
        timer.observe(seconds)

    def exposition(self) -> bytes:
        """The text a Prometheus scrape reads: every process's values when several serve."""
        directory = os.environ.get(MULTIPROCESS_DIR)
        if not directory:
            return generate_latest(self.registry)
        registry = CollectorRegistry()
        MultiProcessCollector(registry, path=directory)
        return generate_latest(registry)
