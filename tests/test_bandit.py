"""Security lint: bandit finds no medium or high issue that is not justified in place."""

import subprocess

from tests import support


def test_bandit_reports_no_unjustified_medium_or_high_issue() -> None:
    result = subprocess.run(
        [str(support.VENV_BIN / "bandit"), "-r", "intake", "reengage", "-ll", "-q", "-f", "txt"],
        cwd=support.ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-4000:]
