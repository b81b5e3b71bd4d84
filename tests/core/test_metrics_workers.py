"""Several worker processes: their Prometheus metrics add up (the client's multiprocess mode)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from app.cli import _metrics_directory
from app.core.observability import MULTIPROCESS_DIR, Metrics

# One worker's share of the traffic: `n` requests to the trainings list, as the middleware counts.
WORKER = """
from app.core.observability import Metrics
metrics = Metrics()
for _ in range({n}):
    metrics.observe("GET", "/api/v1/trainings", 200, 0.01)
metrics.observe("GET", "/api/v1/trainings/{{training_id}}", 404, 0.002)
"""


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_two_workers_counters_add_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {**os.environ, MULTIPROCESS_DIR: str(tmp_path)}
    for n in (3, 4):  # two processes, so two pids and two files of values
        subprocess.run(  # noqa: S603 - our own code, in a fresh interpreter
            [sys.executable, "-c", WORKER.format(n=n)], env=env, check=True
        )
    monkeypatch.setenv(MULTIPROCESS_DIR, str(tmp_path))

    samples = _samples(Metrics().exposition().decode())

    listed = (("method", "GET"), ("route", "/api/v1/trainings"), ("status", "200"))
    missing = (("method", "GET"), ("route", "/api/v1/trainings/{training_id}"), ("status", "404"))
    assert samples[("wps_http_requests_total", listed)] == 7
    assert samples[("wps_http_requests_total", missing)] == 2
    timed = (("method", "GET"), ("route", "/api/v1/trainings"))
    assert samples[("wps_http_request_duration_seconds_count", timed)] == 7
    assert samples[("wps_http_request_duration_seconds_sum", timed)] == pytest.approx(0.07)


def test_one_process_reads_its_own_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MULTIPROCESS_DIR, raising=False)
    metrics = Metrics()
    metrics.observe("POST", "/api/v1/nominations", 201, 0.05)
    metrics.observe("POST", "/api/v1/nominations", 201, 0.05)
    samples = _samples(metrics.exposition().decode())
    created = (("method", "POST"), ("route", "/api/v1/nominations"), ("status", "201"))
    assert samples[("wps_http_requests_total", created)] == 2


def test_serve_with_workers_gives_them_a_metrics_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Recorded first, so the variable the command sets below is undone after the test.
    monkeypatch.setenv(MULTIPROCESS_DIR, "")
    monkeypatch.delenv(MULTIPROCESS_DIR)
    assert _metrics_directory(1) is None
    assert MULTIPROCESS_DIR not in os.environ

    created = _metrics_directory(2)
    try:
        assert created is not None and Path(created).is_dir()
        assert os.environ[MULTIPROCESS_DIR] == created
    finally:
        Path(created or "").rmdir()

    # An operator's directory is kept, emptied of the last run's values.
    given = tmp_path / "metrics"
    given.mkdir()
    (given / f"counter_{_finished_pid()}.db").write_bytes(b"stale")
    (given / "notes.txt").write_text("kept")
    monkeypatch.setenv(MULTIPROCESS_DIR, str(given))
    assert _metrics_directory(2) is None
    assert sorted(p.name for p in given.iterdir()) == ["notes.txt"]


def _finished_pid() -> int:
    """The pid of a process that has exited."""
    done = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_metrics_directory_another_serve_writes_to_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Two `wps serve` on one machine sharing PROMETHEUS_MULTIPROC_DIR: the second to start
    keeps the first's values, and those of a process of the first that was killed (else the
    sum /metrics serves would go back)."""
    shared = tmp_path / "metrics"
    shared.mkdir()
    running = shared / f"counter_{os.getpid()}.db"  # a live process's values
    killed = shared / f"histogram_{_finished_pid()}.db"
    for file in (running, killed):
        file.write_bytes(b"values")
    monkeypatch.setenv(MULTIPROCESS_DIR, str(shared))
    assert _metrics_directory(workers) is None
    assert sorted(p.name for p in shared.iterdir()) == sorted([running.name, killed.name])
    # Once nobody writes there any more, a start empties it, with one worker as with several.
    running.rename(shared / f"counter_{_finished_pid()}.db")
    assert _metrics_directory(workers) is None
    assert list(shared.iterdir()) == []
