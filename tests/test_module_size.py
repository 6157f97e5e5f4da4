"""No module in intake/ grows past 500 lines: a module that big holds more than one topic.

Set aside: models.py (one schema, read as a whole), migrations (written once, never edited)
and the screening language tables (data: one concept table per language).
"""

from __future__ import annotations

from pathlib import Path

LIMIT = 500
APP = Path(__file__).resolve().parent.parent / "intake"
SET_ASIDE = {
    APP / "models.py",
    *(APP / "screening" / f"concepts_{language}.py" for language in ("en", "es", "pt")),
}


def modules() -> list[Path]:
    return sorted(
        path
        for path in APP.rglob("*.py")
        if "migrations" not in path.parts and path not in SET_ASIDE
    )


def test_the_walk_finds_the_app_modules() -> None:
    found = {path.relative_to(APP).as_posix() for path in modules()}
    assert {"views.py", "selectors.py", "services/submit.py", "screening/concepts.py"} <= found
    assert len(found) > 40


def test_no_module_in_intake_is_over_500_lines() -> None:
    too_long = {
        path.relative_to(APP).as_posix(): count
        for path in modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert not too_long, f"split these by topic (over {LIMIT} lines): {too_long}"
