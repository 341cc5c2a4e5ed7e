"""Language identification of blocks: function words when they leave no doubt, else
py3langid (the maintained fork of langid.py).

py3langid reads a paragraph byte by byte in Python: on web pages it was a sixth of the
extraction stages' cost (issue 29). A paragraph of running text names its language by its
function words (resources/common/language_cues.toml): when one language's words are dense
in it and the others' rare, that language is taken without the identifier; short, mixed or
unlisted-language paragraphs still go to it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

import py3langid

from essentiel import resources

# Below this many letters langid's guess is noise ("Lire aussi" is not evidence of anything).
MIN_LETTERS = 40
# The function-word shortcut: enough words to judge, one language's words an eighth of them
# at least, every other language's five times fewer (read on the development pages; see the
# resource file).
CUE_MIN_WORDS = 15
CUE_MIN_SHARE = 0.12
CUE_MIN_LEAD = 5

_WORD = re.compile(r"[^\W\d_]+")


def letters(text: str) -> int:
    return sum(map(str.isalpha, text))  # 2x faster than a generator over the characters


def _has_letters(text: str, wanted: int) -> bool:
    """Whether ``text`` has ``wanted`` letters, without counting a long paragraph's all."""
    return letters(text[: 4 * wanted]) >= wanted or letters(text) >= wanted


@cache
def _cue_languages() -> dict[str, str]:
    """Each cue word -> its language."""
    found: dict[str, str] = {}
    for code, words in resources.common_data("language_cues").items():
        for word in words:
            found[word] = code
    return found


def by_function_words(text: str) -> str | None:
    """The language whose function words leave no doubt about ``text``, else None."""
    words = _WORD.findall(text.lower())
    if len(words) < CUE_MIN_WORDS:
        return None
    hits = Counter(map(_cue_languages().get, words))  # one pass in C
    hits.pop(None, None)
    ranked = hits.most_common(2)
    if not ranked:
        return None
    code, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count >= CUE_MIN_SHARE * len(words) and runner_up * CUE_MIN_LEAD <= count:
        return code
    return None


def identify(text: str) -> str | None:
    """ISO 639-1 code of ``text``, or None when it is too short to tell."""
    if not _has_letters(text, MIN_LETTERS):
        return None
    cued = by_function_words(text)
    if cued is not None:
        return cued
    code, _score = py3langid.classify(text)
    return str(code)


def majority(texts_and_langs: Iterable[tuple[str, str | None]]) -> str | None:
    """The language that covers most letters among the identified texts."""
    weight: Counter[str] = Counter()
    for text, lang in texts_and_langs:
        if lang:
            weight[lang] += letters(text)
    return weight.most_common(1)[0][0] if weight else None
