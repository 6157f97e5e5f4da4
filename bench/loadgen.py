"""An asyncio HTTP/1.1 load generator on raw sockets (no dependencies).

gunicorn's sync workers answer one request per connection (``Connection: close``), so every
request opens its own TCP connection, as a browser's form POST to such a server would. The
generator is closed-loop (N workers, each sends its next request when the previous answered)
or open-loop (a fixed arrival rate, for the acknowledgement-latency run). Its own ceiling is
measured against ``static_server`` (a trivial fixed response) in the same run.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode

try:  # libuv's event loop roughly halves the client's own cost per request
    import uvloop

    run_loop = uvloop.run
except ImportError:  # pragma: no cover - the plain loop works, with a lower ceiling
    run_loop = asyncio.run


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    started: float  # time.monotonic() when the connection was opened
    finished: float  # when the last byte of the response arrived
    wall: float  # time.time() at ``finished`` (compared with the SMTP sink's clock)

    @property
    def latency(self) -> float:
        return self.finished - self.started

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    def cookies(self) -> dict[str, str]:
        jar = {}
        for key, value in self.headers:
            if key.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                name, _sep, val = pair.partition("=")
                jar[name.strip()] = val.strip()
        return jar


class _Exchange(asyncio.Protocol):
    """Write one request, read one response (until Content-Length is met or EOF)."""

    def __init__(self, payload: bytes, done: asyncio.Future) -> None:
        self.payload = payload
        self.done = done
        self.buffer = bytearray()
        self.head_end = -1
        self.length: int | None = None
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport
        transport.write(self.payload)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if self.head_end < 0:
            self.head_end = self.buffer.find(b"\r\n\r\n")
            if self.head_end < 0:
                return
            head = bytes(self.buffer[: self.head_end]).lower()
            at = head.find(b"\r\ncontent-length:")
            if at >= 0:
                end = head.find(b"\r\n", at + 2)
                self.length = int(head[at + 17 : end if end > 0 else None])
        if self.length is not None and len(self.buffer) >= self.head_end + 4 + self.length:
            self._finish()

    def eof_received(self):
        self._finish()
        return False

    def connection_lost(self, exc) -> None:
        if not self.done.done():
            if exc is not None:
                self.done.set_exception(exc)
            else:
                self._finish()

    def _finish(self) -> None:
        if not self.done.done():
            self.done.set_result(bytes(self.buffer))
        if self.transport is not None:
            self.transport.close()


def _parse(raw: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
    head, _sep, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    if not lines or not lines[0].startswith("HTTP/"):
        raise ConnectionError(f"not an HTTP response: {raw[:80]!r}")
    status = int(lines[0].split(" ", 2)[1])
    headers = []
    for line in lines[1:]:
        key, _s, value = line.partition(":")
        headers.append((key.strip(), value.strip()))
    return status, headers, body


class Client:
    """Requests to one host:port; each on its own connection."""

    def __init__(self, host: str, port: int, timeout: float = 30.0) -> None:
        self.host = host
        self.port = port
        self.timeout = timeout
        self.host_header = f"{host}:{port}"

    def build(
        self,
        method: str,
        path: str,
        *,
        form: dict | list | None = None,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", f"Host: {self.host_header}", "User-Agent: bench"]
        body = b""
        if form is not None:
            body = urlencode(form, doseq=True).encode()
            lines.append("Content-Type: application/x-www-form-urlencoded")
            lines.append(f"Origin: http://{self.host_header}")
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        if cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()))
        for key, value in (headers or {}).items():
            lines.append(f"{key}: {value}")
        lines.append("Connection: close")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body

    async def send(self, payload: bytes) -> Answer:
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        started = time.monotonic()
        transport, _proto = await loop.create_connection(
            lambda: _Exchange(payload, done), self.host, self.port
        )
        try:
            raw = await asyncio.wait_for(done, self.timeout)
        finally:
            transport.close()
        finished = time.monotonic()
        status, headers, body = _parse(raw)
        return Answer(status, headers, body, started, finished, time.time())

    def fetch(self, payload: bytes) -> Answer:
        """One request, outside any timed run."""
        return run_loop(self.send(payload))

    def get(self, path: str, **kwargs) -> Answer:
        return self.fetch(self.build("GET", path, **kwargs))


@dataclass
class Run:
    """What a timed run measured: one latency per answered request, and failures."""

    started: float = 0.0
    finished: float = 0.0
    latencies: list[float] = field(default_factory=list)
    answers: list[tuple[object, Answer]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    exhausted: bool = False  # the prepared requests ran out before the time was up

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def elapsed(self) -> float:
        return max(self.finished - self.started, 1e-9)

    @property
    def rate(self) -> float:
        return self.count / self.elapsed

    def percentile(self, p: float) -> float:
        return percentile(self.latencies, p)


def merged(runs: list[Run]) -> Run:
    """Several timed runs of the same requests as one: their answers, over their summed time."""
    return Run(
        started=0.0,
        finished=sum(r.elapsed for r in runs),
        latencies=[x for r in runs for x in r.latencies],
        answers=[x for r in runs for x in r.answers],
        errors=[x for r in runs for x in r.errors],
        exhausted=any(r.exhausted for r in runs),
    )


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


Check = Callable[[Answer], str | None]


async def _closed_loop(
    client: Client,
    requests: Iterator[tuple[object, bytes]],
    *,
    concurrency: int,
    duration: float,
    check: Check,
    keep: bool,
) -> Run:
    run = Run()
    deadline = time.monotonic() + duration
    run.started = time.monotonic()

    async def worker() -> None:
        while time.monotonic() < deadline:
            try:
                tag, payload = next(requests)
            except StopIteration:
                run.exhausted = True
                return
            try:
                answer = await client.send(payload)
            except Exception as exc:
                run.errors.append(f"{type(exc).__name__}: {exc}")
                continue
            problem = check(answer)
            if problem:
                run.errors.append(problem)
                continue
            run.latencies.append(answer.latency)
            run.finished = answer.finished
            if keep:
                run.answers.append((tag, answer))

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return run


def closed_loop(
    client: Client,
    requests: Iterator[tuple[object, bytes]],
    *,
    concurrency: int,
    duration: float,
    check: Check,
    keep: bool = False,
) -> Run:
    """``concurrency`` workers send back to back for ``duration`` seconds.

    The rate is answered requests over the time from the start to the last answer (requests
    in flight at the deadline are let finish and counted).
    """
    return run_loop(
        _closed_loop(
            client, requests, concurrency=concurrency, duration=duration, check=check, keep=keep
        )
    )


async def _open_loop(
    client: Client,
    requests: Iterator[tuple[object, bytes]],
    *,
    rate: float,
    duration: float,
    check: Check,
    max_in_flight: int,
) -> Run:
    run = Run()
    in_flight = asyncio.Semaphore(max_in_flight)
    pending: set[asyncio.Task] = set()

    async def one(tag: object, payload: bytes) -> None:
        try:
            answer = await client.send(payload)
        except Exception as exc:
            run.errors.append(f"{type(exc).__name__}: {exc}")
            return
        finally:
            in_flight.release()
        problem = check(answer)
        if problem:
            run.errors.append(problem)
            return
        run.latencies.append(answer.latency)
        run.finished = max(run.finished, answer.finished)
        run.answers.append((tag, answer))

    run.started = time.monotonic()
    total = int(rate * duration)
    for i in range(total):
        due = run.started + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        await in_flight.acquire()
        try:
            tag, payload = next(requests)
        except StopIteration:
            in_flight.release()
            run.exhausted = True
            break
        task = asyncio.create_task(one(tag, payload))
        pending.add(task)
        task.add_done_callback(pending.discard)
    if pending:
        await asyncio.gather(*pending)
    return run


def open_loop(
    client: Client,
    requests: Iterator[tuple[object, bytes]],
    *,
    rate: float,
    duration: float,
    check: Check,
    max_in_flight: int = 64,
) -> Run:
    """Start ``rate`` requests a second for ``duration`` seconds, whatever the answers take."""
    return run_loop(
        _open_loop(
            client,
            requests,
            rate=rate,
            duration=duration,
            check=check,
            max_in_flight=max_in_flight,
        )
    )


async def _gather_all(client: Client, payloads: list[bytes], concurrency: int) -> list[Answer]:
    results: list[Answer | None] = [None] * len(payloads)
    index = 0

    async def worker() -> None:
        nonlocal index
        while index < len(payloads):
            i = index
            index += 1
            results[i] = await client.send(payloads[i])

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results  # type: ignore[return-value]


def fetch_all(client: Client, payloads: list[bytes], concurrency: int = 8) -> list[Answer]:
    """Send every payload (untimed), ``concurrency`` at a time; answers in order."""
    return run_loop(_gather_all(client, payloads, concurrency))
