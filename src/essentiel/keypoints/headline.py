"""The headline as the editor's statement of the main news: how much of it a sentence says.

The first bullet of the box states the event the headline announces (issue 33): among the
first candidates of the body, the one that best matches the headline's content — its names,
its figures, its content words, and the multilingual embedding's cosine when the learned
selector computed it. The publisher's own summary (the chapô), when the page has one, counts
as part of the editor's statement; it stays out of the bullets.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from essentiel.analyze import ParsedSentence
from essentiel.check.claims import stop_words
from essentiel.facts.figures import read_numbers

# Words are compared by their first letters: « détruit » and « destruction » do not meet,
# but « incendie » / « incendies », « démissionne » / « démission » do.
STEM = 6
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Words whose stem is kept for the calls after: a page's words recur in each candidate's
# match (about 11 per page) and across pages; bounded so a long run's memory stays flat.
STEM_CACHE = 1 << 15


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("’", "'"))
    if decomposed.isascii():  # no combining mark to drop (most words, in English all)
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=STEM_CACHE)
def _stem(word: str) -> str:
    folded = _fold(word)
    folded = folded.split("'", 1)[1] if "'" in folded[:3] else folded  # « l'incendie »
    return folded[:STEM]


# « Puy-de-Dôme : », « Coronavirus : »: the rubric that frames a headline.
_RUBRIC = re.compile(r"^[^:]{1,40}\s?:\s+")


def name_stems(title: str) -> frozenset[str]:
    """The stems of the names a headline says outside its rubric: its words written with a
    capital past the first word of its sentence (« Yannick Jadot », « Parlement » in « Soldats
    français tués au Mali : Yannick Jadot recadré par le président du Parlement européen »;
    not « Mali », the rubric's place)."""
    words = _WORD.findall(_RUBRIC.sub("", title.strip(), count=1))
    return frozenset(_stem(w) for w in words[1:] if w[:1].isupper())


def word_stems(text: str) -> frozenset[str]:
    """The stems of every word of ``text``, compared as the headline's are."""
    return frozenset(_stem(w) for w in _WORD.findall(text))


def rubric_stems(title: str) -> frozenset[str]:
    """The stems of a headline's rubric (« Puy-de-Dôme » in « Puy-de-Dôme : deux morts ... »):
    the frame it is filed under, not its event."""
    found = _RUBRIC.match(title.strip())
    return frozenset(_stem(w) for w in _WORD.findall(found.group(0))) if found else frozenset()


@dataclass(frozen=True)
class Headline:
    """What the headline (and the chapô) say, in comparable form."""

    stems: frozenset[str]
    numbers: frozenset[float]
    # The headline's own stems, without the chapô's: what a cut must keep (``words_in``).
    title_stems: frozenset[str] = frozenset()
    # The headline's own figures (« 39 heures », « 100.000 cas »), without the chapô's.
    title_numbers: frozenset[float] = frozenset()

    @classmethod
    def of(cls, texts: list[str], code: str) -> Headline | None:
        """``texts``: the headline first, then the chapô (either may be empty)."""
        stop = stop_words(code)
        stems: set[str] = set()
        numbers: set[float] = set()
        title_stems: frozenset[str] = frozenset()
        title_numbers: frozenset[float] = frozenset()
        for k, text in enumerate(texts):
            if not text or not text.strip():
                continue
            words = [w for w in _WORD.findall(text) if len(w) > 3 or w[:1].isupper()]
            said = {_stem(w) for w in words if _fold(w) not in stop and w.lower() not in stop}
            stems |= said
            values = {value for _, _, value in read_numbers(text, code)}
            if k == 0:
                title_stems = frozenset(said)
                title_numbers = frozenset(values)
            numbers |= values
        if not any(text and text.strip() for text in texts):
            return None
        return cls(frozenset(stems), frozenset(numbers), title_stems, title_numbers)

    def words_in(self, sentence: ParsedSentence, after: int = 0) -> frozenset[int]:
        """The indices (in the sentence's doc) of its tokens that are the headline's content
        words, each at its first occurrence: what a cut of the sentence that states the
        headline's event must keep. The chapô's words are not kept: it is the publisher's
        longer summary, and its words are nearly all the lead's, so keeping them forbade
        nearly every cut; a repeated word (« la mairie de Villeneuve ... à Villeneuve ») is
        said once the first is kept. ``after``: the characters of the sentence an opening
        label the bullet drops takes (« C'est une scène ... à Auxerre : »), none kept."""
        kept: dict[str, int] = {}
        base = sentence.span[0].idx if len(sentence.span) else 0
        for tok in sentence.span:
            if tok.idx - base < after:
                continue
            if _WORD.fullmatch(tok.text):
                stem = _stem(tok.text)
                if stem in self.title_stems and stem not in kept:
                    kept[stem] = tok.i
        return frozenset(kept.values())

    def title_share(self, sentence: ParsedSentence) -> float:
        """The share of the headline's own content words (not the chapô's) ``sentence``
        says: how a quote is judged, whose words echo the chapô's comment as often as the
        event."""
        return self.title_share_of(sentence.text)

    def title_share_of(self, text: str) -> float:
        """``title_share`` of any text (two sentences read as one statement)."""
        if not self.title_stems:
            return 0.0
        stems = {_stem(w) for w in _WORD.findall(text)}
        return len(self.title_stems & stems) / len(self.title_stems)

    def told(self, text: str, code: str) -> frozenset[str | float]:
        """The headline's own content words (stems) and figures that ``text`` says."""
        stems = {_stem(w) for w in _WORD.findall(text)}
        found: set[str | float] = set(self.title_stems & stems)
        if self.title_numbers:
            found |= self.title_numbers & {value for _, _, value in read_numbers(text, code)}
        return frozenset(found)

    def named_in(self, title: str, text: str, code: str) -> frozenset[str | float]:
        """The headline's names and figures the article's text also carries: a word the
        headline writes with a capital that the text writes with one after a lowercase word
        (« à Cuba », « le parti Les Républicains »: a name, not a sentence's first word, « Fort
        séisme »), and a figure of the headline the text says (« 39 heures »). What a box
        should name when a body sentence does (``KeyPointSettings.headline_cover``)."""
        found: set[str | float] = set()
        for word in set(_WORD.findall(title)):
            stem = _stem(word)
            if not word[:1].isupper() or stem not in self.title_stems or stem in found:
                continue
            after = re.finditer(rf"(\w),? {re.escape(word)}(?!\w)", text)
            if any(m.group(1).islower() for m in after):
                found.add(stem)
        if self.title_numbers:
            found |= {v for v in self.told(text, code) if isinstance(v, float)}
        return frozenset(found)

    def match(self, sentence: ParsedSentence, code: str, cosine: float | None = None) -> float:
        """How much of the headline ``sentence`` says, in [0, 1]: the share of the headline's
        content words (names included) it has and of its figures (when it has some), and the
        embedding's cosine when known."""
        text = sentence.text
        stems = {_stem(w) for w in _WORD.findall(text)}
        # Names are content words like the others: a headline's place must not outweigh its
        # event (« Le maire de Villeneuve démissionne »).
        parts = [len(self.stems & stems) / len(self.stems)] if self.stems else []
        if self.numbers:
            values = {value for _, _, value in read_numbers(text, code)}
            parts.append(len(self.numbers & values) / len(self.numbers))
        lexical = sum(parts) / len(parts) if parts else 0.0
        if cosine is None:
            return lexical
        return (lexical + max(0.0, cosine)) / 2
