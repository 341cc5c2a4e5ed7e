"""The greedy ROUGE oracle: which sentences an extractive summary should have picked.

As in extractive-summarization work since SummaRuNNer/BertSumExt: add, one at a time, the
sentence that most raises ROUGE-1 F1 + ROUGE-2 F1 against the reference, and stop when no
sentence raises it or ``limit`` are chosen. Tokens are rouge-score's, the published metric's.
It labels the selector's training sentences (``train_selector.py``); the package never uses it.
"""

from __future__ import annotations

from rouge_score import tokenize

from essentiel.evaluation.rouge import rouge_n_f1


def tokens(text: str) -> list[str]:
    return list(tokenize.tokenize(text, None))


def greedy_oracle(
    sentences: list[str], reference: list[str], candidates: list[int], limit: int = 3
) -> list[int]:
    """Indices (into ``sentences``, among ``candidates``) in the order the oracle picked them."""
    target = tokens(" ".join(reference))
    words = {i: tokens(sentences[i]) for i in candidates}
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < limit:
        pick = None
        for i in candidates:
            if i in chosen:
                continue
            summary = [w for j in sorted([*chosen, i]) for w in words[j]]
            value = rouge_n_f1(summary, target, 1) + rouge_n_f1(summary, target, 2)
            if value > best:
                best, pick = value, i
        if pick is None:
            break
        chosen.append(pick)
    return chosen
