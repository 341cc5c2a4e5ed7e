"""ROUGE, computed two ways.

- ``rouge-score``: the package's own tokenizer, as in published tables (BARThez, CNN/DM). It
  keeps only ``[a-z0-9]``, so « sécurité » becomes the two tokens « s » « curit ».
- ``unicode``: the same scorer with a tokenizer that keeps every letter (NFC, case-folded words
  of ``\\w`` characters), which is what a French reader would count.

No stemming either way (the published French figures use none). Summaries and references are
given as lists of sentences or bullets; they are joined with newlines, which is how
``rougeLsum`` finds sentence boundaries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

try:
    from rouge_score import rouge_scorer
except ImportError as exc:  # pragma: no cover - exercised only without the eval extra
    raise ImportError(
        "essentiel eval needs the 'eval' extra: pip install 'essentiel[eval]'"
    ) from exc

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
TOKENIZERS = ("rouge-score", "unicode")
_WORD = re.compile(r"[^\W_]+")


class UnicodeTokenizer:
    """Words of letters and digits in any script, lower-cased; punctuation dropped."""

    def tokenize(self, text: str) -> list[str]:
        return _WORD.findall(unicodedata.normalize("NFC", text).casefold())


@cache
def _scorer(tokenizer: str) -> rouge_scorer.RougeScorer:
    if tokenizer == "rouge-score":
        return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=False)
    if tokenizer == "unicode":
        return rouge_scorer.RougeScorer(
            list(ROUGE_TYPES), use_stemmer=False, tokenizer=UnicodeTokenizer()
        )
    raise ValueError(f"unknown tokenizer {tokenizer!r}; known: {', '.join(TOKENIZERS)}")


@dataclass(frozen=True)
class RougeScores:
    """F1 of each ROUGE type, in points (0-100), per tokenizer."""

    values: dict[str, dict[str, float]]

    def __getitem__(self, key: tuple[str, str]) -> float:
        tokenizer, rouge_type = key
        return self.values[tokenizer][rouge_type]


def rouge(summary: list[str], reference: list[str]) -> RougeScores:
    """ROUGE F1 of a summary against a reference, both as lists of sentences or bullets."""
    prediction = "\n".join(s.strip() for s in summary if s.strip())
    target = "\n".join(s.strip() for s in reference if s.strip())
    values: dict[str, dict[str, float]] = {}
    for name in TOKENIZERS:
        scores = _scorer(name).score(target, prediction)
        values[name] = {t: 100.0 * scores[t].fmeasure for t in ROUGE_TYPES}
    return RougeScores(values)


def rouge_n_f1(summary_tokens: list[str], reference_tokens: list[str], n: int) -> float:
    """ROUGE-N F1 (0-1) on token lists: the oracle's inner loop, without rouge-score's
    per-call tokenisation."""
    if len(summary_tokens) < n or len(reference_tokens) < n:
        return 0.0
    ours: dict[tuple[str, ...], int] = {}
    for i in range(len(summary_tokens) - n + 1):
        gram = tuple(summary_tokens[i : i + n])
        ours[gram] = ours.get(gram, 0) + 1
    theirs: dict[tuple[str, ...], int] = {}
    for i in range(len(reference_tokens) - n + 1):
        gram = tuple(reference_tokens[i : i + n])
        theirs[gram] = theirs.get(gram, 0) + 1
    hits = sum(min(count, theirs.get(gram, 0)) for gram, count in ours.items())
    if hits == 0:
        return 0.0
    precision = hits / sum(ours.values())
    recall = hits / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


# A full stop then a capital, or a tokenised stop (« ... Friday . The club ... »).
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=(?:[«\"“(\[]\s?)?[A-ZÀ-ÖØ-Þ0-9])|(?<=\s[.!?])\s+")


def split_reference(text: str) -> list[str]:
    """A prose reference cut into sentences for rougeLsum (full stop, then a capital)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [part for line in lines for part in _SENTENCE_END.split(line) if part.strip()]
