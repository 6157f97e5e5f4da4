"""Text compared the way people mean it: case, accents, apostrophes and hidden characters aside.

Pure (no Django). Screening reads every message through ``normalise``; the tone checks and
the staff pages' reply warnings compare through it too, so one rule decides what "the same
words" means everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans("", "", "'\u2018\u2019\u02bc`\u00b4")
# Zero-width characters and the soft hyphen hide words from a plain search.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")


@lru_cache(maxsize=64)  # one message is read several ways in one screening: normalise once
def normalise(text: str) -> str:
    """Lower case, accents and apostrophes removed, invisible characters dropped, spaces folded.

    Compatibility forms (full-width letters, ligatures) fold to their plain letters.
    """
    decomposed = unicodedata.normalize("NFKD", _INVISIBLE.sub("", text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.translate(_APOSTROPHES).lower().split())
