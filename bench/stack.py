"""The processes a bench run starts and stops: gunicorn, a Celery worker, SMTP sink, static server.

Each runs in its own session (process group) with its log under the run's work directory and
is stopped by its own process group id at the end, whatever happened.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


# The same loopback helpers the integration tests use.
from tests.support import child_pids, free_port, wait_for_port  # noqa: E402, F401 (re-exported)


class Process:
    def __init__(self, name: str, argv: list[str], env: dict[str, str], logdir: Path) -> None:
        self.name = name
        self.argv = argv
        self.env = env
        self.log_path = logdir / f"{name}.log"
        self.proc: subprocess.Popen | None = None

    def start(self) -> Process:
        self._log = open(self.log_path, "ab")  # closed in stop()
        self.proc = subprocess.Popen(
            self.argv,
            env=self.env,
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self, timeout: float = 15) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(5)
        self.proc = None
        if getattr(self, "_log", None):
            self._log.close()


def gunicorn(env: dict[str, str], logdir: Path, port: int, workers: int = 2) -> Process:
    proc = Process(
        "gunicorn",
        [
            str(BIN / "gunicorn"),
            "reengage.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "-k",
            "sync",
            "--backlog",
            "2048",
            "--timeout",
            "60",
            "--graceful-timeout",
            "5",
        ],
        env,
        logdir,
    ).start()
    wait_for_port(port)
    return proc


def celery_worker(env: dict[str, str], logdir: Path, name: str, concurrency: int) -> Process:
    proc = Process(
        "celery",
        [
            str(BIN / "celery"),
            "-A",
            "reengage",
            "worker",
            "-Q",
            "routing,messages",
            "-P",
            "prefork",
            "-c",
            str(concurrency),
            "-n",
            name,
            "-l",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        env,
        logdir,
    ).start()
    deadline = time.monotonic() + 60
    while "ready." not in proc.log():
        if not proc.alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the Celery worker did not start:\n{proc.log()[-3000:]}")
        time.sleep(0.1)
    return proc


def python_module(name: str, module: str, args: list[str], env, logdir: Path) -> Process:
    return Process(name, [sys.executable, "-m", module, *args], env, logdir).start()


class Profiler:
    """py-spy (pip install py-spy) sampling some processes into collapsed-stack files."""

    def __init__(self, name: str, pids: list[int], outdir: Path) -> None:
        self.procs = [
            subprocess.Popen(
                [
                    str(BIN / "py-spy"),
                    "record",
                    "--pid",
                    str(pid),
                    "--rate",
                    "250",
                    "--format",
                    "raw",
                    "--output",
                    str(outdir / f"profile-{name}-{pid}.txt"),
                ],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            for pid in pids
        ]
        time.sleep(0.5)

    def stop(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGINT)
        for proc in self.procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
