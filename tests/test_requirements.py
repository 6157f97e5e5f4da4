"""Reproducible installs: every install takes exact versions with their hashes.

The ``.in`` files say what we mean to accept (and why each library is there); ``make lock``
compiles them into ``requirements*.txt``. These checks fail when a compiled file drifts from
its ``.in`` file, loses a pin or a hash, or when an install step stops requiring hashes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent


def _logical_lines(path: Path) -> list[str]:
    """The file's requirement lines, continuation backslashes joined, comments dropped."""
    text = path.read_text().replace("\\\n", " ")
    lines = []
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def pins(path: Path) -> dict[str, tuple[str, list[str]]]:
    """``{name: (exact version, [hashes])}`` of a compiled file."""
    found = {}
    for line in _logical_lines(path):
        assert not line.startswith("-"), f"{path.name}: an option line in a compiled file: {line}"
        spec, *hashes = re.split(r"\s+--hash=", line)
        requirement = Requirement(spec)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path.name}: {spec} is not an exact pin"
        found[canonicalize_name(requirement.name)] = (specifier.version, hashes)
    return found


def wanted(path: Path) -> list[Requirement]:
    return [Requirement(line) for line in _logical_lines(path) if not line.startswith("-")]


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_compiled_requirement_is_an_exact_version_with_hashes(name: str) -> None:
    compiled = pins(ROOT / name)
    assert len(compiled) > 10
    for package, (_version, hashes) in compiled.items():
        assert hashes, f"{name}: {package} has no hash"
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), package


@pytest.mark.parametrize(
    ("source", "compiled"),
    [("requirements.in", "requirements.txt"), ("requirements-dev.in", "requirements-dev.txt")],
)
def test_each_compiled_file_pins_what_its_in_file_asks_for(source: str, compiled: str) -> None:
    pinned = pins(ROOT / compiled)
    for requirement in wanted(ROOT / source):
        version = pinned.get(canonicalize_name(requirement.name), (None,))[0]
        assert version is not None, f"{requirement.name} is in {source} but not in {compiled}"
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{compiled} pins {requirement.name} {version}, outside {source}'s "
            f"{requirement.specifier}: run make lock"
        )


def test_development_installs_the_same_runtime_versions_as_production() -> None:
    runtime, dev = pins(ROOT / "requirements.txt"), pins(ROOT / "requirements-dev.txt")
    assert "-r requirements.in" in (ROOT / "requirements-dev.in").read_text()
    assert "-c requirements.txt" in (ROOT / "requirements-dev.in").read_text()
    for package, (version, _hashes) in runtime.items():
        assert dev.get(package, (None,))[0] == version, package


def test_every_library_we_ask_for_says_why_or_is_plainly_named() -> None:
    # The comments live in the .in files now; the compiled files are generated.
    source = (ROOT / "requirements.in").read_text()
    assert "# Fernet / MultiFernet for field encryption with key rotation" in source
    assert "# a real SMTP server on loopback" in (ROOT / "requirements-dev.in").read_text()


def test_make_and_ci_install_only_with_hashes_and_rebuild_when_requirements_change() -> None:
    makefile = (ROOT / "Makefile").read_text()
    stamp_rule = re.search(r"^\$\(STAMP\):(?P<deps>.*)\n(?P<body>(?:\t.*\n)+)", makefile, re.M)
    assert stamp_rule, "the install stamp's rule is gone"
    assert {"requirements.txt", "requirements-dev.txt"} <= set(stamp_rule["deps"].split())
    installs = [line for line in stamp_rule["body"].splitlines() if "pip install" in line]
    assert installs and all("--require-hashes" in line for line in installs), installs
    assert "--generate-hashes" in makefile and "scripts/dependency_audit.py" in makefile
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make install" in ci
    assert "pip install" not in ci, "CI installs through make (hashes required)"
