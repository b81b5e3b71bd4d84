"""A real HTTP endpoint on the loopback interface that records what it is sent; it can also
be hostile: a huge or binary reply body, or headers trickled one line at a time."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    status: int = 0  # what the receiver answered


@dataclass
class Receiver:
    url: str
    # Statuses answered in turn; then `otherwise`.
    script: list[int] = field(default_factory=list)
    otherwise: int = 200
    received: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # When given, chooses each status instead (called under the lock, after recording).
    decide: Callable[[Received], int] | None = None

    def answer(self, headers: dict[str, str], body: bytes) -> int:
        with self.lock:
            received = Received(headers, body)
            self.received.append(received)
            if self.decide is not None:
                received.status = self.decide(received)
            else:
                received.status = self.script.pop(0) if self.script else self.otherwise
            return received.status


@contextmanager
def receiver(
    script: list[int] | None = None,
    otherwise: int = 200,
    *,
    location: str = "http://127.0.0.1:9/elsewhere",
    reply: bytes = b"",
    reply_bytes: int | None = None,
    trickle_seconds: float = 0.0,
) -> Iterator[Receiver]:
    """`reply`: the body answered; `reply_bytes`: answer with a body that long instead, `reply`
    repeated (zeros when empty), sent as long as it is read; `trickle_seconds`: send a header
    line every 0.2 s for that long before the body."""
    size = len(reply) if reply_bytes is None else reply_bytes
    pattern = reply or b"\0"
    # Whole patterns per chunk, so the body is `pattern` repeated throughout.
    chunk = pattern * max(1, 65536 // len(pattern))
    holder: list[Receiver] = []
    stopped = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            status = holder[0].answer({k.lower(): v for k, v in self.headers.items()}, body)
            self.send_response(status)
            if status in (301, 302, 307, 308):
                self.send_header("location", location)
            with suppress(OSError):  # the worker hung up: what it was meant to do
                self._hostile_rest()

        def _hostile_rest(self) -> None:
            until = time.monotonic() + trickle_seconds
            while time.monotonic() < until and not stopped.wait(0.2):
                self.send_header("x-trickle", "1")
                self.flush_headers()
            self.send_header("content-length", str(size))
            self.end_headers()
            left = size
            while left > 0 and not stopped.is_set():
                self.wfile.write(chunk[:left])
                left -= len(chunk)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    holder.append(
        Receiver(f"http://127.0.0.1:{server.server_address[1]}/hook", list(script or []), otherwise)
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder[0]
    finally:
        stopped.set()
        server.shutdown()
        server.server_close()


@contextmanager
def listener() -> Iterator[tuple[int, list[int]]]:
    """A bare TCP port on the loopback that counts the connections it accepts (then drops
    them): (its port, the count so far as a one-item list)."""
    accepted = [0]
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.1)
    stopped = threading.Event()

    def serve() -> None:
        while not stopped.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            accepted[0] += 1
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1], accepted
    finally:
        stopped.set()
        thread.join()
        server.close()
