"""Extractive baselines on our own sentence split: LEAD-k, and sumy's LexRank and TextRank
with the language's Snowball stemmer and sumy's stop-word list."""

from __future__ import annotations

from functools import cache

from essentiel.evaluation.rouge import UnicodeTokenizer
from essentiel.resources import Language

try:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words
except ImportError as exc:  # pragma: no cover - exercised only without the eval extra
    raise ImportError(
        "essentiel eval needs the 'eval' extra: pip install 'essentiel[eval]'"
    ) from exc

_SUMY_LANGUAGES = {"fr": "french", "en": "english"}


def lead(sentences: list[str], k: int) -> list[str]:
    return sentences[:k]


def with_datelines_joined(sentences: list[str], lang: Language) -> list[str]:
    """The sentences the baselines choose from: ours, with each dateline joined back to the
    sentence after it.

    Our split sets a dispatch's dateline apart (« (CNN) », « PARIS (AFP) - ») so that no
    bullet starts with it; LEAD-k as published takes an article's first sentences with
    theirs, and a dateline alone would take one of its k places."""
    if lang.dateline is None:
        return sentences
    joined: list[str] = []
    i = 0
    while i < len(sentences):
        sentence = sentences[i].rstrip()
        if i + 1 < len(sentences):
            both = f"{sentence} {sentences[i + 1].lstrip()}"
            match = lang.dateline.match(both)
            if match is not None and match.end() >= len(sentence):
                joined.append(both)
                i += 2
                continue
        joined.append(sentences[i])
        i += 1
    return joined


class _Words:
    """sumy asks its tokenizer for words; ours keeps accented letters (sumy's default needs
    NLTK data that is downloaded at run time)."""

    _tokenizer = UnicodeTokenizer()

    def to_words(self, text: str) -> list[str]:
        return self._tokenizer.tokenize(text)


@cache
def _summarizer(method: str, lang: str) -> LexRankSummarizer | TextRankSummarizer:
    language = _SUMY_LANGUAGES.get(lang, "english")
    kind = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer}[method]
    summarizer = kind(Stemmer(language))
    summarizer.stop_words = get_stop_words(language)
    return summarizer


def graph_rank(method: str, sentences: list[str], lang: str, k: int) -> list[str]:
    """The k sentences sumy's ``method`` ranks highest, in document order."""
    if len(sentences) <= k:
        return list(sentences)
    words = _Words()
    document = ObjectDocumentModel([Paragraph([Sentence(s, words) for s in sentences])])
    picked = {str(s) for s in _summarizer(method, lang)(document, k)}
    return [s for s in sentences if s.strip() in picked][:k]
