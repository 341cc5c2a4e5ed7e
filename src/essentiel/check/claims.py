"""Claims: what a clause asserts, read the same way by both checkers.

A text is cut into clauses (``clauses``: at , ; : outside quotes, parentheses and numbers), and
a ``ClaimReader`` reads what a clause says: its content words (what identifies it, for aligning
it with the source) and its facts, the proper names, numbers, dates and quoted strings it
asserts (``Fact``), read with the fact extractors' own code so that they are compared by value.
The ``Verifier`` of our key points is a ``ClaimReader``; the ``Checker`` of anyone's summary
uses one through it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.util import get_lang_class

from essentiel.facts.dates import DateResolver
from essentiel.facts.figures import read_numbers
from essentiel.model import CheckKind
from essentiel.resources import Language

_WORD = re.compile(r"[\w’'-]+")
_ELISION = re.compile(r"^(?:[lLdDjJmMnNsStTcCqQ]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]")
# A run of capitalised words, with the particles names carry (« Jean de La Fontaine »).
_NAME = re.compile(
    r"(?<![\w-])(?:[lLdD]['’])?"
    r"([A-ZÀ-ÖØ-Þ][\w’'.-]*"
    r"(?:[ -](?:(?:de|du|des|la|le|von|van|al|bin|da|di) )?[A-ZÀ-ÖØ-Þ][\w’'.-]*)*)"
)
_QUOTED = re.compile(r"«\s*([^«»]+?)\s*»|“([^“”]+?)”|\"([^\"]+?)\"")
_QUOTE_CHARS = re.compile(r"[«»“”\"]")
_CLAUSE_BREAK = re.compile(r"[,;:]")
# What clauses() reads of a text: brackets, quote marks and breaks.
_CLAUSE_MARKS = re.compile(r'[()«“»”",;:]')


@cache
def stop_words(code: str) -> frozenset[str]:
    words: set[str] = get_lang_class(code).Defaults.stop_words
    return frozenset(words)


# A source clause is folded again for each fact looked for in it: once, within a bound.
@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Lowercase, straight apostrophes, no accents: how two surface forms are compared."""
    text = text.replace("’", "'").casefold()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Words folded and kept: a bullet and its source sentence say the same words, each checked
# clause by clause (bounded: a long-running worker meets new words forever).
WORD_CACHE_SIZE = 65_536


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_key(raw: str) -> str:
    """A word as content_words compares it: no elided article, folded, no edge hyphen."""
    return _fold(_ELISION.sub("", raw)).strip("-'")


@dataclass(frozen=True)
class Clause:
    start: int  # offset in the text it was cut from
    end: int
    text: str


def clauses(text: str) -> list[Clause]:
    """Cut at , ; : outside quotes and parentheses: « Vincent (22 ans) et Juliette » is one."""
    result: list[Clause] = []
    start = 0
    in_quote = False
    depth = 0
    # Only these characters change what follows: the others are skipped in C (issue 31).
    for mark in _CLAUSE_MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif ch in "«“":
            in_quote = True
        elif ch in "»”":
            in_quote = False
        elif ch == '"':
            in_quote = not in_quote
        elif not in_quote and _CLAUSE_BREAK.match(ch) and not _inside_number(text, i):
            if text[start:i].strip():
                result.append(Clause(start, i, text[start:i]))
            start = i + 1
    if text[start:].strip():
        result.append(Clause(start, len(text), text[start:]))
    return result


def _inside_number(text: str, i: int) -> bool:
    """A comma or colon between digits belongs to a number (« 1,500 », « 2,1 % », « 14:30 »)."""
    return 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()


@dataclass(frozen=True)
class Fact:
    """One item a bullet clause asserts. ``value`` is what it is compared by: a number's
    value, a date's ISO value (None when unresolved: then the words are compared)."""

    kind: CheckKind
    text: str
    value: float | str | None = None


class ClaimReader:
    """Content words and facts of a clause, for one language and publication day."""

    def __init__(self, lang: Language, published: dt.date | None = None) -> None:
        self.lang = lang
        self.published = published
        self.stop = stop_words(lang.code)
        self.dates = DateResolver(lang.code)
        # A text's dates, read once (a bullet's facts are looked for in the same source
        # clauses again and again); a reader lives for one article.
        self._dates_of: dict[str, list[tuple[int, int, str | None]]] = {}

    def _dates(self, text: str) -> list[tuple[int, int, str | None]]:
        found = self._dates_of.get(text)
        if found is None:
            found = self._dates_of[text] = [
                (m.span.start, m.span.end, m.value)
                for m in self.dates.mentions(text, 0, self.published, set())
            ]
        return found

    # ---- what the bullet asserts -------------------------------------------------------

    def content_words(self, text: str) -> set[str]:
        """Words that identify a clause: not stop words, but numbers always (spaCy's French
        stop list holds « deux », « trois »). A clause of stop words only (« "Surtout pas ! »)
        is identified by all its words."""
        words, every = set(), set()
        for raw in _WORD.findall(text):
            word = _word_key(raw)
            if not word:
                continue
            every.add(word)
            is_number = word.isdigit() or (
                word not in self.lang.number_ignore
                and self.lang.number_word.fullmatch(word) is not None
            )
            if is_number or (word not in self.stop and len(word) > 1):
                words.add(word)
        return words or every

    def facts(self, text: str, sentence_start: bool) -> list[Fact]:
        """Names, numbers, dates and quotes asserted by one bullet clause."""
        found: list[Fact] = []
        quoted_ranges = []
        for match in _QUOTED.finditer(text):
            inner = next(g for g in match.groups() if g is not None)
            found.append(Fact(CheckKind.QUOTE, inner))
            quoted_ranges.append((match.start(), match.end()))
        dates = [d for d in self._dates(text) if not _inside(d[0], quoted_ranges)]
        date_ranges = [(a, b) for a, b, _ in dates]

        def free(pos: int) -> bool:
            return not _inside(pos, quoted_ranges) and not _inside(pos, date_ranges)

        for match in _NAME.finditer(text):
            name = match.group(1).rstrip(".-'’")
            if not free(match.start(1)):
                continue
            at_start = sentence_start and not text[: match.start()].strip(" «“\"'")
            if at_start:
                # The first word of a bullet is capitalised anyway: a name only if it is not a
                # common word of the language.
                first, _, rest = name.partition(" ")
                if _fold(_ELISION.sub("", first)) in self.stop or first.lower() in self.stop:
                    if not rest:
                        continue
                    name = rest
            if self.lang.date_word.fullmatch(name) or self.lang.month_word.fullmatch(name):
                continue
            found.append(Fact(CheckKind.NAME, name))
        for start, end, value in read_numbers(text, self.lang.code):
            word = text[start:end]
            if word.lower() in self.lang.number_ignore or not free(start):
                continue
            found.append(Fact(CheckKind.NUMBER, word, value))
        for start, end, iso in dates:
            found.append(Fact(CheckKind.DATE, text[start:end], iso))
        # Date words the grammar does not read (« dernier » alone) are still compared as words.
        for pattern in (self.lang.date_word, self.lang.month_word):
            for match in pattern.finditer(text):
                if free(match.start()):
                    found.append(Fact(CheckKind.DATE, match.group(0)))
        return found


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)
