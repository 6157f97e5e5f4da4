"""The embedded default as `make run` starts it: no services, real processes, files for mail."""

from __future__ import annotations

import email
import email.policy
import os
import subprocess

from tests import support

EMBEDDED_ENV_DROP = (
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "DJANGO_",
    "FIELD_ENCRYPTION",
    "CONTACT_HASH",
)


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(support.VENV_BIN / "python"), "manage.py", *args],
        cwd=support.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def test_fresh_embedded_default_serves_the_form_and_writes_the_acknowledgement_to_a_file(
    tmp_path,
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(EMBEDDED_ENV_DROP)}
    env.update(
        {
            "DJANGO_DEBUG": "1",
            "REENGAGE_VAR_DIR": str(tmp_path / "var"),
            "INTAKE_MIN_FILL_SECONDS": "0",
        }
    )
    manage(env, "migrate", "--noinput", "-v0")
    seeded = manage(env, "seed_demo").stdout
    assert "coordinator" in seeded and "reengage-demo-2026" in seeded
    assert (tmp_path / "var" / "reengage.sqlite3").exists()
    assert (tmp_path / "var" / "dev-keys.env").exists()

    port = support.free_port()
    server = support.ManagedProcess(
        "runserver",
        [
            str(support.VENV_BIN / "python"),
            "manage.py",
            "runserver",
            f"127.0.0.1:{port}",
            "--noreload",
        ],
        env,
        tmp_path,
    )
    server.start()
    try:
        support.wait_for_port(port, timeout=30)
        client = support.FormClient(f"http://127.0.0.1:{port}")
        hidden = client.hidden_fields("/")
        response = client.request(
            "/",
            {
                **hidden,
                "message": "I'm thinking about coming back. Is that okay?",
                "contact_method": "email",
                "email": "kai@example.com",
                "consent": "on",
            },
        )
        assert response.status == 303, response.body[:300]
        assert "We got your message" in client.request("/thanks/").body
        mails = support.wait_until(
            lambda: list((tmp_path / "var" / "mail").glob("*.log")), what="mail file"
        )
        # The file backend writes each message followed by a line of dashes.
        raw = mails[0].read_text().split("\n" + "-" * 79)[0]
        message = email.message_from_string(raw, policy=email.policy.default)
        assert message["To"] == "kai@example.com"
        assert message["Subject"] == "We got your message — Reengage"
    finally:
        server.stop()
