""".env.example lists every environment variable the settings read, and nothing else.

The names are taken from the source of ``reengage/settings/*.py`` (never from the running
settings, which only hold the values): every ``env.<reader>("NAME", ...)`` or ``env("NAME")``
call on a django-environ ``Env``, and every ``os.environ.get``, ``os.getenv`` or
``os.environ["NAME"]``. ``os.environ.setdefault`` only gives a reader a default, so it does not
count as a read. .env.example lists each variable as ``# NAME=default  # meaning``.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = sorted((ROOT / "reengage" / "settings").glob("*.py"))
ENV_EXAMPLE = ROOT / ".env.example"

# A listed variable: commented out or not, its name, "=", its default, then its meaning.
LISTED = re.compile(r"^#?\s*(?P<name>[A-Z][A-Z0-9_]*)=(?P<default>.*?)(?:\s+#\s*(?P<meaning>.*))?$")
# Methods of environ.Env that do not read a variable by name.
NOT_READERS = frozenset({"read_env"})
# Variables any working configuration reads: if these are not found, the parser is broken.
ANCHORS = frozenset({"DJANGO_DEBUG", "DATABASE_URL", "REDIS_URL", "FIELD_ENCRYPTION_KEYS"})


def _dotted(node: ast.expr) -> str:
    """``os.environ.get`` for the expression naming it; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _name_argument(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def _env_objects(tree: ast.Module) -> set[str]:
    """Names bound to ``environ.Env(...)`` in a module (``env`` in base.py)."""
    names = {"env"}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and _dotted(node.value.func) in {"environ.Env", "Env"}
        ):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
    return names


def variables_read(source: str) -> set[str]:
    """The environment variables one settings module reads, by name."""
    tree = ast.parse(source)
    env_objects = _env_objects(tree)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = _dotted(node.func)
            owner, _dot, method = func.rpartition(".")
            reads = (
                func in env_objects
                or (owner in env_objects and method not in NOT_READERS)
                or func in {"os.environ.get", "os.getenv", "environ.get", "getenv"}
            )
            name = _name_argument(node) if reads else None
            if name:
                found.add(name)
        elif (
            isinstance(node, ast.Subscript)
            and _dotted(node.value) in {"os.environ", "environ"}
            and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str)
        ):
            found.add(node.slice.value)
    return found


def settings_variables() -> set[str]:
    found: set[str] = set()
    for path in SETTINGS:
        found |= variables_read(path.read_text(encoding="utf-8"))
    return found


def listed_lines() -> list[re.Match[str]]:
    lines = ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
    return [match for line in lines if (match := LISTED.match(line.strip()))]


def test_the_parser_finds_the_settings_variables() -> None:
    assert SETTINGS, "no settings modules found"
    found = settings_variables()
    assert len(found) > 10, sorted(found)
    assert found >= ANCHORS, sorted(ANCHORS - found)


def test_the_parser_reads_every_form_of_lookup() -> None:
    source = (
        "import os\nimport environ\nconfig = environ.Env()\n"
        'A = config.int("A_INT", default=1)\nB = config("B_CALL")\n'
        'C = os.environ.get("C_GET")\nD = os.getenv("D_GETENV")\nE = os.environ["E_ITEM"]\n'
        'os.environ.setdefault("F_DEFAULT_ONLY", "1")\nenviron.Env.read_env("path/.env")\n'
    )
    assert variables_read(source) == {"A_INT", "B_CALL", "C_GET", "D_GETENV", "E_ITEM"}


def test_every_variable_the_settings_read_is_in_env_example() -> None:
    listed = {match["name"] for match in listed_lines()}
    missing = sorted(settings_variables() - listed)
    assert not missing, f".env.example does not list: {', '.join(missing)}"


def test_env_example_lists_only_variables_the_settings_read() -> None:
    listed = {match["name"] for match in listed_lines()}
    unknown = sorted(listed - settings_variables())
    assert not unknown, f".env.example lists variables no setting reads: {', '.join(unknown)}"


def test_each_variable_is_listed_once_with_its_meaning() -> None:
    matches = listed_lines()
    twice = sorted(name for name, n in Counter(m["name"] for m in matches).items() if n > 1)
    assert not twice, f"listed more than once: {', '.join(twice)}"
    unexplained = sorted(m["name"] for m in matches if not (m["meaning"] or "").strip())
    assert not unexplained, f"listed without a meaning: {', '.join(unexplained)}"
