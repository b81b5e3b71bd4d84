"""A real `wps serve` in another process, on a free loopback port and a fresh SQLite database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Service:
    base_url: str
    port: int
    env: dict[str, str]
    stdout: str = ""
    stderr: str = ""
    returncode: int | None = None


@contextmanager
def running_service(workdir: Path, **env: str) -> Iterator[Service]:
    """`wps serve --port N` with WPS_DATABASE_URL in `workdir`; after the block it is stopped
    (SIGTERM) and its stdout and stderr are on the Service."""
    port = free_port()
    values = {
        **os.environ,
        "WPS_DATABASE_URL": f"sqlite+aiosqlite:///{workdir / 'wps.db'}",
        **env,
    }
    process = subprocess.Popen(  # noqa: S603 - our own CLI
        [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=values,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    service = Service(f"http://127.0.0.1:{port}", port, values)
    try:
        deadline = time.monotonic() + 90
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"wps serve exited: {process.communicate()}")
            try:
                if httpx.get(f"{service.base_url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("wps serve did not answer /healthz within 90 s")
            time.sleep(0.2)
        yield service
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            service.stdout, service.stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            service.stdout, service.stderr = process.communicate()
        service.returncode = process.returncode
