"""CSV cells a spreadsheet shows as text, never runs as a formula.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets (``=HYPERLINK(…)`` in a site or queue name
would become a live link, or worse, in whoever opens the export). Such a cell gets a leading
apostrophe, which every one of them takes as "this is text" and does not show.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    """The value as text a spreadsheet will not evaluate."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip(" \n").startswith(FORMULA_STARTS):
        return "'" + text
    return text


def row(values: Iterable[object]) -> list[str]:
    return [cell(value) for value in values]
