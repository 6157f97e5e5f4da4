"""Helpers shared by integration tests: real processes on loopback, and a form-filling client."""

from __future__ import annotations

import asyncio
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(os.environ.get("VIRTUAL_ENV", ROOT / ".venv")) / "bin"


def require(kind: str, reason: str) -> None:
    """Skip with a clear reason, or fail when REQUIRE_SERVICES / REQUIRE_BROWSER is set."""
    flag = {"services": "REQUIRE_SERVICES", "browser": "REQUIRE_BROWSER"}[kind]
    if os.environ.get(flag) == "1":
        pytest.fail(f"{reason} ({flag}=1, so this is a failure, not a skip)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            s.settimeout(0.2)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


def wait_until(predicate, timeout: float = 30.0, interval: float = 0.1, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


# --- Redis ---------------------------------------------------------------------------


class RedisServer:
    """A private redis-server on a free loopback port that a test may stop and restart."""

    def __init__(self, workdir: Path) -> None:
        self.port = free_port()
        self.workdir = workdir
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            require("services", "redis-server is not installed")
        self.proc = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        self.proc = None


# --- SMTP ----------------------------------------------------------------------------


@dataclass
class SMTPSink:
    """An aiosmtpd handler that keeps every accepted message (raw bytes)."""

    messages: list[EmailMessage] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    delay: float = 0.0

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.delay:
            await asyncio.sleep(self.delay)
        with self.lock:
            self.raw.append(envelope.content)
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def count(self) -> int:
        with self.lock:
            return len(self.messages)


class SMTPServer:
    def __init__(self) -> None:
        self.port = free_port()
        self.sink = SMTPSink()
        self.controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None


# --- Django processes ----------------------------------------------------------------


class ManagedProcess:
    def __init__(self, name: str, argv: list[str], env: dict[str, str], logdir: Path) -> None:
        self.name = name
        self.argv = argv
        self.env = env
        self.log_path = logdir / f"{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            self.argv,
            env=self.env,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 15) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, 15)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, 9)
                self.proc.wait(5)
        self.proc = None


def celery_worker(
    env: dict[str, str],
    logdir: Path,
    *,
    name: str = "worker",
    beat: bool = True,
    concurrency: int = 1,
) -> ManagedProcess:
    argv = [
        str(VENV_BIN / "celery"),
        "-A",
        "reengage",
        "worker",
        "-Q",
        "routing,messages",
        "-P",
        "prefork",
        "-c",
        str(concurrency),
        "-l",
        "INFO",
        "-n",
        f"{name}@%h",
        "--without-gossip",
        "--without-mingle",
    ]
    if beat:
        argv += ["-B", "-s", str(logdir / f"{name}-beat-schedule")]
    proc = ManagedProcess(name, argv, env, logdir)
    proc.start()
    wait_until(lambda: "ready." in proc.log(), timeout=40, what=f"celery {name} ready")
    return proc


def gunicorn(env: dict[str, str], logdir: Path, port: int, workers: int = 1) -> ManagedProcess:
    argv = [
        str(VENV_BIN / "gunicorn"),
        "reengage.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--timeout",
        "30",
        "--graceful-timeout",
        "5",
    ]
    proc = ManagedProcess("web", argv, env, logdir)
    proc.start()
    wait_for_port(port, timeout=30)
    return proc


# --- A person filling the form over HTTP ---------------------------------------------


_INPUT = re.compile(
    r'<input[^>]*name="(?P<name>csrfmiddlewaretoken|rendered_at|submission_token)"[^>]*value="(?P<value>[^"]*)"'
)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str
    elapsed: float


class FormClient:
    """Fetches the form (CSRF cookie and hidden fields), then posts like a browser would."""

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.timeout = timeout

    def request(self, path: str, data: dict | None = None) -> Response:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(self.base_url + path, data=body)
        if data is not None:
            req.add_header("Referer", self.base_url + path)
        started = time.monotonic()
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                return Response(
                    resp.status,
                    dict(resp.headers),
                    resp.read().decode(),
                    time.monotonic() - started,
                )
        except urllib.error.HTTPError as err:
            return Response(
                err.code,
                dict(err.headers),
                err.read().decode(errors="replace"),
                time.monotonic() - started,
            )

    def hidden_fields(self, path: str = "/") -> dict[str, str]:
        page = self.request(path)
        assert page.status == 200, page.status
        return {m["name"]: m["value"] for m in _INPUT.finditer(page.body)}

    def submit(self, fields: dict, path: str = "/", *, fill_seconds: float = 20.0) -> Response:
        from django.core import signing

        from intake.forms import RENDER_SALT

        hidden = self.hidden_fields(path)
        # A believable fill time: the form was rendered `fill_seconds` ago.
        hidden["rendered_at"] = signing.dumps(int(time.time() - fill_seconds), salt=RENDER_SALT)
        return self.request(path, {**hidden, **fields})
