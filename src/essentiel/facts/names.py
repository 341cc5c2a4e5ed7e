"""How two spellings of a name are compared: one place for entities, quotes and the verifier.

Zelensky / Zelenskyy / Zelenski / Зеленський and Poutine / Putin are the same name: fold case,
accents and Cyrillic to plain Latin letters, then compare consonant skeletons (« zlnsk »,
« ptn »). Exonyms the skeleton cannot tell (Kiev / Kyiv, Londres / London) come from the alias
groups of ``resources/common/entities.toml``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache, lru_cache
from typing import Any

from essentiel import resources

_SEPARATORS = re.compile(r"[\s’'.\-]+")
_VOWELS = frozenset("aeiouy")


# Entries per cache of spellings: bounded so that a long-running worker does not grow with
# every new name it meets (each of the three holds at most a few MB when full).
NAME_CACHE_SIZE = 16384


@cache
def _data() -> dict[str, Any]:
    return resources.common_data("entities")


@cache
def _cyrillic() -> dict[str, str]:
    table: dict[str, str] = _data()["cyrillic"]
    return table


@lru_cache(maxsize=NAME_CACHE_SIZE)
def visible(text: str) -> str:
    """``text`` without its invisible format characters (Unicode category Cf: zero-width
    spaces and joiners, bidi marks and overrides, soft hyphens), which a hostile or sloppy
    page can hide inside a name: « Zelen\u200bsky » is Zelensky."""
    if text.isascii():
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


@lru_cache(maxsize=1)
def _cyrillic_table() -> dict[int, str]:
    """``_cyrillic`` for ``str.translate`` (one pass in C, not a lookup per character)."""
    return {ord(letter): latin for letter, latin in _cyrillic().items()}


@lru_cache(maxsize=1)
def _combining() -> re.Pattern[str]:
    """Every combining mark (``unicodedata.combining``), as one character class: built once,
    on the first text that needs it, from the ranges of the running Python's Unicode data."""
    ranges: list[list[int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.combining(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return re.compile(
        "[" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges) + "]+"
    )


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold(name: str) -> str:
    """Lowercase Latin letters, digits and single spaces: « Zelenskyy » → « zelenskyy »,
    « Зеленський » → « zelenskyi », « États-Unis » → « etats unis »."""
    plain = visible(name).casefold()
    if not plain.isascii():  # ASCII has no Cyrillic, and NFKD leaves it as it is
        plain = unicodedata.normalize("NFKD", plain.translate(_cyrillic_table()))
        if not plain.isascii():
            plain = _combining().sub("", plain)
    return " ".join(_SEPARATORS.sub(" ", plain).split())


@lru_cache(maxsize=NAME_CACHE_SIZE)
def skeleton(word: str) -> str:
    """The consonants of a folded word, doubled letters collapsed, first letter always kept:
    Zelensky, Zelenskyy, Zelenski → « zlnsk »; Poutine, Putin → « ptn »."""
    word = fold(word).replace(" ", "")
    if not word:
        return ""
    word = word.replace("w", "v").replace("ph", "f").replace("ck", "k").replace("kh", "h")
    kept = word[0] + "".join(c for c in word[1:] if c not in _VOWELS)
    out: list[str] = []
    for c in kept:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@cache
def _alias_groups() -> dict[str, int]:
    groups: dict[str, int] = {}
    for k, group in enumerate(_data()["aliases"]):
        for name in group:
            groups[fold(name)] = k
    return groups


def alias_group(name: str) -> int | None:
    """Index of the exonym group a name belongs to (Kiev, Kyiv → the same index)."""
    return _alias_groups().get(fold(name))


def alias_names(group: int) -> list[str]:
    """Every name of an exonym group (Kiev, Kyiv, Київ)."""
    names: list[str] = _data()["aliases"][group]
    return names


@cache
def capitals() -> dict[str, str]:
    """Folded capital (any alias of it) → the country code of its government."""
    found: dict[str, str] = {}
    groups = _data()["aliases"]
    for name, country in _data()["capitals"].items():
        found[fold(name)] = country
        group = alias_group(name)
        if group is not None:
            for alias in groups[group]:
                found[fold(alias)] = country
    return found


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@lru_cache(maxsize=NAME_CACHE_SIZE)
def same_word(a: str, b: str) -> bool:
    """Two spellings of one name word (a surname, a city)."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    group = alias_group(a)
    if group is not None and group == alias_group(b):
        return True
    if fa[0] != fb[0] and skeleton(fa)[0] != skeleton(fb)[0]:
        return False
    sa, sb = skeleton(fa), skeleton(fb)
    if sa != sb:
        return False
    # A three-consonant skeleton is distinctive enough (« zlnsk », « ptn »); shorter ones
    # (« kv ») also need the spellings themselves to be close.
    return len(sa) >= 3 or (min(len(fa), len(fb)) >= 4 and _edit_distance(fa, fb) <= 2)


def same_name(a: str, b: str) -> bool:
    """Two spellings of one full name: every word of the shorter one matches, in order, a word
    of the longer one, and the last words (surnames) match. « Zelensky » = « Volodymyr
    Zelenskyy »; « Marine Le Pen » ≠ « Jean-Marie Le Pen »."""
    if same_word(a, b):
        return True
    wa, wb = fold(a).split(), fold(b).split()
    if not wa or not wb:
        return False
    group = alias_group(a)
    if group is not None and group == alias_group(b):
        return True
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if not same_word(short[-1], long[-1]):
        return False
    rest = long[:-1]
    for word in short[:-1]:
        while rest and not same_word(word, rest[0]):
            rest = rest[1:]
        if not rest:
            return False
        rest = rest[1:]
    return True


@cache
def _organisations() -> dict[str, tuple[str, int]]:
    found: dict[str, tuple[str, int]] = {}
    data = resources.common_data("organisations")
    for category, groups in data.items():
        for k, group in enumerate(groups):
            # One group is one entity only across spellings of one name (« France info »,
            # « franceinfo »); an acronym and its expansion share the category alone, since
            # articles cite them as two names (« l'OMS », « l'Organisation mondiale … »).
            first = fold(group[0]).replace(" ", "")
            for j, name in enumerate(group):
                key = fold(name).replace(" ", "")
                same = (category, k) if key == first else (category, k * 100 + j)
                found[fold(name)] = same
                found.setdefault(key, same)
                if fold(name).startswith("l "):  # « L'Est Républicain », named « l'Est … »
                    found.setdefault(fold(name)[2:], same)
                # « une information du Parisien », « a déclaré au Monde »: « le » and « les »
                # contract with the preposition before them (« la » does not: « de La
                # Provence » keeps it, and « Provence » is a region).
                for article in ("le ", "les "):
                    if fold(name).startswith(article):
                        found.setdefault(fold(name)[len(article) :], same)
    return found


def organisation(name: str) -> tuple[str, int] | None:
    """(category, group) of a known organisation (``resources/common/organisations.toml``):
    « Météo-France » → ("agencies", …); « France info » and « franceinfo » share a group."""
    folded = fold(name)
    return _organisations().get(folded) or _organisations().get(folded.replace(" ", ""))


@cache
def organisation_pattern() -> re.Pattern[str]:
    """Every known organisation's spelling, as written (case counts: « Orange » the town
    is not listed, « Voici » the magazine is), longest first, between word boundaries."""
    spellings = sorted(
        {
            name
            for groups in resources.common_data("organisations").values()
            for g in groups
            for name in g
        },
        key=len,
        reverse=True,
    )
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, spellings)) + r")(?![\w-])")
