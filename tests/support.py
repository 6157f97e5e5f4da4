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

    def copies_by_message_id(self) -> dict[str, int]:
        """How many accepted copies each Message-ID has (the exactly-once check)."""
        with self.lock:
            ids = [str(m["Message-ID"]) for m in self.messages]
        return {mid: ids.count(mid) for mid in ids}


class SMTPServer:
    """aiosmtpd on loopback; a drill may bring its own sink or reuse a port it reserved."""

    def __init__(self, sink: SMTPSink | None = None, port: int | None = None) -> None:
        self.port = port or free_port()
        self.sink = sink if sink is not None else SMTPSink()
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
    queues: str | None = "routing,messages",
    started: list[ManagedProcess] | None = None,
) -> ManagedProcess:
    """A real Celery worker; ``queues=None`` starts it as a bare ``celery worker`` (no -Q)."""
    argv = [
        str(VENV_BIN / "celery"),
        "-A",
        "reengage",
        "worker",
        *(["-Q", queues] if queues else []),
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
    if started is not None:  # registered before waiting, so a slow start is still stopped
        started.append(proc)
    wait_until(lambda: "ready." in proc.log(), timeout=40, what=f"celery {name} ready")
    return proc


def gunicorn(
    env: dict[str, str],
    logdir: Path,
    port: int,
    workers: int = 1,
    started: list[ManagedProcess] | None = None,
) -> ManagedProcess:
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
    if started is not None:
        started.append(proc)
    wait_for_port(port, timeout=30)
    return proc


# --- IMAP ----------------------------------------------------------------------------


class DovecotServer:
    """A private Dovecot (Debian's dovecot-imapd) on two free loopback ports: 143-style with
    STARTTLS (plain sign-in allowed, loopback only) and 993-style TLS, with a self-signed
    certificate that is also the test's certificate authority. One user, ``reply``, whose
    password has the spaces and signs of an app password; mail in a Maildir of its own.

    Run as root, Dovecot refuses mail as root: the mail belongs to ``nobody``. Its own
    base_dir, state_dir and log, nothing from /etc/dovecot; stopped by its master's pid.
    """

    USER = "reply"
    PASSWORD = 'abcd efgh%ij@kl/mn"op'

    def __init__(self) -> None:
        self.plain_port = free_port()
        self.tls_port = free_port()
        self.dir: Path | None = None
        self.proc: subprocess.Popen | None = None

    @property
    def ca_file(self) -> str:
        return str(self.dir / "cert.pem")

    @property
    def log_path(self) -> Path:
        return self.dir / "dovecot.log"

    def url(self, scheme: str = "imaps", password: str | None = None) -> str:
        port = self.tls_port if scheme == "imaps" else self.plain_port
        secret = urllib.parse.quote(self.PASSWORD if password is None else password, safe="")
        return f"{scheme}://{self.USER}:{secret}@127.0.0.1:{port}/"

    def start(self) -> None:
        import pwd
        import tempfile

        binary = shutil.which("dovecot") or "/usr/sbin/dovecot"
        if not Path(binary).exists():
            require("services", "dovecot is not installed (apt-get install dovecot-imapd)")
        if os.geteuid() != 0:
            require("services", "the Dovecot fixture runs as root (mail as nobody)")
        openssl = shutil.which("openssl")
        if openssl is None:
            require("services", "openssl is not installed")
        nobody = pwd.getpwnam("nobody")
        self.dir = Path(tempfile.mkdtemp(prefix="reengage-dovecot-"))
        self.dir.chmod(0o755)  # Dovecot's own users read the password file and certificate
        for name in ("run", "state", "home", "Maildir"):
            (self.dir / name).mkdir()
        for name in ("home", "Maildir"):
            os.chown(self.dir / name, nobody.pw_uid, nobody.pw_gid)
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt",
             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
             "-keyout", str(self.dir / "key.pem"), "-out", str(self.dir / "cert.pem")],
            check=True,
            capture_output=True,
        )  # fmt: skip
        (self.dir / "users").write_text(f"{self.USER}:{{PLAIN}}{self.PASSWORD}\n")
        d = self.dir
        (d / "dovecot.conf").write_text(
            f"""protocols = imap
listen = 127.0.0.1
base_dir = {d}/run
state_dir = {d}/state
log_path = {d}/dovecot.log
ssl = yes
ssl_cert = <{d}/cert.pem
ssl_key = <{d}/key.pem
auth_mechanisms = plain login
disable_plaintext_auth = no
auth_failure_delay = 0
mail_location = maildir:{d}/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {d}/users
}}
userdb {{
  driver = static
  args = uid={nobody.pw_uid} gid={nobody.pw_gid} home={d}/home
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.plain_port}
  }}
  inet_listener imaps {{
    address = 127.0.0.1
    port = {self.tls_port}
    ssl = yes
  }}
}}
"""
        )
        self.proc = subprocess.Popen(
            [binary, "-F", "-c", str(d / "dovecot.conf")],
            stdout=subprocess.DEVNULL,
            stderr=open(d / "stderr.log", "wb"),
        )
        try:
            wait_for_port(self.plain_port, timeout=15)
            wait_for_port(self.tls_port, timeout=5)
        except TimeoutError:
            self.stop()
            raise

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()  # the master: it stops its own children
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None
        if self.dir is not None:
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None

    # What a test does to the mailbox, as a mail client would (over IMAP, never on disk).

    def client(self):
        import imaplib

        client = imaplib.IMAP4("127.0.0.1", self.plain_port, timeout=10)
        client.login(self.USER, self.PASSWORD)
        return client

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        client = self.client()
        try:
            typ, _data = client.append(f'"{folder}"', None, None, raw)
            assert typ == "OK", typ
        finally:
            client.logout()

    def messages(self, folder: str = "INBOX") -> dict[int, set[str]]:
        """Every message in ``folder`` as ``{uid: its flags}``; read with FETCH FLAGS only."""
        client = self.client()
        try:
            typ, _data = client.select(f'"{folder}"', readonly=True)
            assert typ == "OK", (typ, folder)
            typ, data = client.uid("FETCH", "1:*", "(FLAGS)")
            found = {}
            for line in data:
                if isinstance(line, bytes):
                    uid = re.search(rb"UID (\d+)", line)
                    flags = re.search(rb"FLAGS \(([^)]*)\)", line)
                    if uid and flags:
                        found[int(uid.group(1))] = set(flags.group(1).decode().split())
            return found
        finally:
            client.logout()

    def folders(self) -> list[str]:
        client = self.client()
        try:
            _typ, data = client.list()
            return [line.rsplit(b" ", 1)[1].strip(b'"').decode() for line in data if line]
        finally:
            client.logout()

    def delete_folder(self, folder: str) -> None:
        client = self.client()
        try:
            client.delete(f'"{folder}"')
        finally:
            client.logout()

    def create_folder(self, folder: str) -> None:
        client = self.client()
        try:
            typ, _data = client.create(f'"{folder}"')
            assert typ == "OK", typ
        finally:
            client.logout()

    def empty(self) -> None:
        """Every folder but INBOX deleted, INBOX emptied: a clean mailbox for the next test."""
        for folder in sorted(self.folders(), key=len, reverse=True):
            if folder != "INBOX":
                self.delete_folder(folder)
        client = self.client()
        try:
            _typ, count = client.select('"INBOX"')
            if int(count[0] or 0):
                client.store("1:*", "+FLAGS.SILENT", "(\\Deleted)")
                client.expunge()
        finally:
            client.logout()


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


# --- Fault drills --------------------------------------------------------------------


@dataclass
class GatedSMTPSink(SMTPSink):
    """Holds the first DATA unanswered until ``release`` is set (the message is mid-conversation).

    ``arrived`` is set once the whole DATA is in and the server is deciding; ``held_peer`` is the
    client's (host, port). If the client goes away while held, aiosmtpd cancels the handler and
    ``abandoned`` is set: the server never accepted that copy. Later DATA is accepted at once.
    """

    arrived: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    abandoned: threading.Event = field(default_factory=threading.Event)
    held_peer: tuple | None = None

    async def handle_DATA(self, server, session, envelope) -> str:
        if self.held_peer is None:
            self.held_peer = session.peer
            self.arrived.set()
            try:
                while not self.release.is_set():
                    await asyncio.sleep(0.02)
            except asyncio.CancelledError:
                self.abandoned.set()
                raise
            if server.transport is None or server.transport.is_closing():
                self.abandoned.set()
                return "421 4.3.0 Client went away"
        return await super().handle_DATA(server, session, envelope)


@dataclass
class RefusingSMTPSink(SMTPSink):
    """Answers 451 (try again later) to RCPT for the addresses in ``refuse``, forever."""

    refuse: frozenset[str] = frozenset()
    refused: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options) -> str:
        if address.lower() in self.refuse:
            with self.lock:
                self.refused.append(address)
            return "451 4.3.2 Please try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"


class SilentTCPServer:
    """Accepts TCP connections and never says a word: an SMTP server that hangs."""

    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.accepted_at: list[float] = []
        self._conns: list[socket.socket] = []
        self._sock: socket.socket | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        sock.listen(16)
        sock.settimeout(0.1)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, name="silent-smtp", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _addr = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.accepted_at.append(time.time())
            self._conns.append(conn)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(5)
        for conn in self._conns:
            conn.close()
        if self._sock:
            self._sock.close()
            self._sock = None


def child_pids(pid: int) -> list[int]:
    """Direct children of ``pid`` (from /proc, no psutil needed)."""
    kids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            kids.append(int(stat.parent.name))
    return kids


def tcp_socket_owner(local_port: int, pids: list[int]) -> int | None:
    """Which of ``pids`` holds the loopback TCP socket bound to ``local_port``."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if int(fields[1].rsplit(":", 1)[1], 16) == local_port and fields[9] != "0":
                inodes.add(f"socket:[{fields[9]}]")
    for pid in pids:
        try:
            fds = list(Path(f"/proc/{pid}/fd").iterdir())
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(fd) in inodes:
                    return pid
            except OSError:
                continue
    return None


def pid_alive(pid: int) -> bool:
    """True while ``pid`` exists and is not a zombie."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


_MONITOR_ARG = re.compile(rb'"((?:[^"\\]|\\.)*)"')


class RedisMonitor:
    """Records every command a redis-server receives (``redis-cli monitor``), as raw lines."""

    STOP = "reengage-drill-monitor-stop"

    def __init__(self, port: int, workdir: Path) -> None:
        self.port = port
        self.path = workdir / f"redis-monitor-{port}.log"
        self.lines: list[bytes] = []
        self.proc: subprocess.Popen | None = None
        self.binary = shutil.which("redis-cli") or ""

    def _cli(self, *args: str) -> list[str]:
        return [self.binary, "-h", "127.0.0.1", "-p", str(self.port), *args]

    def _recorded(self) -> bytes:
        return self.path.read_bytes() if self.path.exists() else b""

    def start(self) -> None:
        if not self.binary:
            require("services", "redis-cli is not installed")
        self._out = open(self.path, "wb")
        self.proc = subprocess.Popen(
            self._cli("monitor"), stdout=self._out, stderr=subprocess.STDOUT
        )
        # Recording has begun once a command sent now shows up in the output.
        wait_until(
            lambda: (
                subprocess.run(self._cli("ping"), capture_output=True).returncode == 0
                and b'"ping"' in self._recorded().lower()
            ),
            timeout=10,
            what="redis-cli monitor to start",
        )

    def stop(self) -> None:
        """Sends a marker command and waits for it, so every earlier command is kept."""
        if self.proc is None:
            return
        try:
            subprocess.run(self._cli("get", self.STOP), capture_output=True, timeout=5)
            wait_until(
                lambda: self.STOP.encode() in self._recorded(), timeout=5, what="monitor marker"
            )
        finally:
            self.proc.terminate()
            self.proc.wait(5)
            self.proc = None
            self._out.close()
        self.lines = [
            line
            for line in self._recorded().splitlines()
            if line.strip() and line.strip() != b"OK" and self.STOP.encode() not in line
        ]

    def commands(self) -> list[list[bytes]]:
        """Each recorded command as its list of unescaped arguments."""
        import codecs

        result = []
        for line in self.lines:
            _head, _sep, rest = line.partition(b"] ")
            result.append([codecs.escape_decode(a)[0] for a in _MONITOR_ARG.findall(rest)])
        return result

    def celery_messages(self) -> list[dict]:
        """Every kombu envelope seen in any command: headers, properties and decoded body."""
        import base64
        import json

        found = []
        for args in self.commands():
            for arg in args:
                if not arg.startswith((b"{", b"[")):
                    continue
                try:
                    envelope = json.loads(arg)
                except ValueError:
                    continue
                if isinstance(envelope, list) and envelope:
                    envelope = envelope[0]  # the unacked copy: [envelope, exchange, key]
                if not isinstance(envelope, dict) or "body" not in envelope:
                    continue
                body = envelope["body"]
                if envelope.get("properties", {}).get("body_encoding") == "base64":
                    body = base64.b64decode(body)
                elif isinstance(body, str):
                    body = body.encode()
                found.append(
                    {
                        "headers": envelope.get("headers") or {},
                        "properties": envelope.get("properties") or {},
                        "body": body,
                        "raw": arg,
                    }
                )
        return found


def broker_app(redis_url: str):
    """A bare Celery app on the drill's Redis, to publish tasks by name like the web does."""
    from celery import Celery

    app = Celery("drill", broker=redis_url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
    )
    return app


def owe_acknowledgement(email: str, **overrides):
    """An inquiry saved through the service, as the form saves it, owing its acknowledgement.

    Nothing is published: the drill decides who delivers it (the sweeper, a task it publishes
    itself, or direct calls). Returns the acknowledgement's OutboundMessage.
    """
    from unittest import mock

    from intake import services
    from intake.models import OutboundMessage
    from tests.factories import submission

    with mock.patch("intake.services.outbox.tasks_enqueue"):
        inquiry = services.inquiry_submit(submission=submission(email=email, **overrides))
    return OutboundMessage.objects.get(inquiry=inquiry, kind=OutboundMessage.Kind.ACKNOWLEDGEMENT)
