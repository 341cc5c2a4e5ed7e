"""Language identification of blocks (py3langid, the maintained fork of langid.py)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import py3langid

# Below this many letters langid's guess is noise ("Lire aussi" is not evidence of anything).
MIN_LETTERS = 40


def letters(text: str) -> int:
    return sum(map(str.isalpha, text))  # 2x faster than a generator over the characters


def _has_letters(text: str, wanted: int) -> bool:
    """Whether ``text`` has ``wanted`` letters, without counting a long paragraph's all."""
    return letters(text[: 4 * wanted]) >= wanted or letters(text) >= wanted


def identify(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it is too short to tell."""
    if not _has_letters(text, MIN_LETTERS):
        return None
    code, _score = py3langid.classify(text)
    return str(code)


def majority(texts_and_langs: Iterable[tuple[str, str | None]]) -> str | None:
    """The language that covers most letters among the identified texts."""
    weight: Counter[str] = Counter()
    for text, lang in texts_and_langs:
        if lang:
            weight[lang] += letters(text)
    return weight.most_common(1)[0][0] if weight else None
