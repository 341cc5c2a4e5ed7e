"""The selector's similarities from the parse's static word vectors (not shipped)."""

from __future__ import annotations

from types import ModuleType

import pytest
from tests.conftest import EXAMPLES, load_script

TEXT = (
    "Le conseil municipal de Quimper a voté lundi la fermeture de la piscine Kerlan.\n\n"
    "La piscine, construite en 1974, accueillait les nageurs du quartier et les écoles.\n\n"
    "Les travaux de rénovation du bassin auraient coûté six millions d'euros à la ville.\n\n"
    "Il pleuvait sur le marché du samedi."
)
TITLE = "Quimper : la piscine Kerlan va fermer ses bassins"


def _script() -> ModuleType:
    return load_script("experiments/static_vectors.py")


def _parse(text: str, lang: str) -> list:  # type: ignore[type-arg]
    from essentiel.analyze import analyze
    from essentiel.clean import clean
    from essentiel.ingest import ingest

    return analyze(clean(ingest(text.encode())).blocks, lang).sentences


def test_static_vector_similarities_play_the_encoders_roles() -> None:
    from essentiel.analyze import pipeline

    script = _script()
    sentences = _parse(TEXT, "fr")
    assert len(sentences) == 4 and script.has_static_vectors(sentences)
    rows = script.vector_similarities(sentences, [0, 1, 2, 3], TITLE)
    by_sentence = [dict(zip(("title", "centroid", "first", "other"), r, strict=True)) for r in rows]
    # The sentences on the pool are nearer to the headline than the weather one is.
    assert min(r["title"] for r in by_sentence[:3]) > by_sentence[3]["title"]
    assert by_sentence[0]["first"] == pytest.approx(1.0)
    assert by_sentence[3]["centroid"] < min(r["centroid"] for r in by_sentence[:3])
    assert all(-1.0 - 1e-6 <= v <= 1.0 + 1e-6 for r in rows for v in r)
    untitled = script.vector_similarities(sentences, [0, 1, 2, 3], None)
    assert list(untitled[:, 0]) == [0.0] * 4
    assert (untitled[:, 1:] == rows[:, 1:]).all()
    # Parsed inside a memory zone, as a digest parses (words freed after it): the same vectors,
    # and the title's words add nothing to the vocabulary.
    nlp = pipeline("fr")
    with nlp.memory_zone():
        zoned = script.vector_similarities(_parse(TEXT, "fr"), [0, 1, 2, 3], TITLE)
    assert zoned == pytest.approx(rows, abs=1e-6)
    script.vector_similarities(sentences, [0, 1, 2, 3], TITLE + " Zorglubienne")
    assert "Zorglubienne" not in nlp.vocab.strings


def test_a_parse_without_static_vectors_gives_zeros() -> None:
    from essentiel import resources
    from essentiel.analyze import analyze
    from essentiel.clean import clean
    from essentiel.ingest import ingest
    from essentiel.keypoints.learned import candidate_indices

    script = _script()
    cleaned = clean(ingest((EXAMPLES / "en-coal-plant-vote.txt").read_bytes()))
    sentences = analyze(cleaned.blocks, "en").sentences
    assert not script.has_static_vectors(sentences)  # en_core_web_sm has none
    indices = candidate_indices(sentences, resources.language("en"))
    assert not script.vector_similarities(sentences, indices, cleaned.title).any()


def test_installed_features_are_computed_beside_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    from essentiel import resources
    from essentiel.keypoints import features, learned

    script = _script()
    for module in (features, learned):
        monkeypatch.setattr(module, "ALL_NAMES", module.ALL_NAMES)
        monkeypatch.setattr(module, "sentence_features", module.sentence_features)
    for name in script.MODELS:
        monkeypatch.setitem(learned.SELECTOR_MODELS, name, ())
    plain = features.sentence_features
    script.install()
    assert features.ALL_NAMES == script.PLAIN_NAMES + script.VECTOR_NAMES
    assert learned.SELECTOR_MODELS["vectors+lexical"][-4:] == script.VECTOR_NAMES
    sentences = _parse(TEXT, "fr")
    lang = resources.language("fr")
    every = features.sentence_features(
        sentences, [0, 1, 2], lang, TITLE, None, None, features.ALL_NAMES
    )
    shipped = plain(sentences, [0, 1, 2], lang, TITLE, None)
    assert every.shape == (3, len(features.ALL_NAMES))
    columns = [features.ALL_NAMES.index(n) for n in features.FEATURE_NAMES]
    assert (every[:, columns] == shipped).all()
    vectors = features.sentence_features(
        sentences, [0, 1, 2], lang, TITLE, None, None, script.VECTOR_NAMES
    )
    assert (vectors == script.vector_similarities(sentences, [0, 1, 2], TITLE)).all()
    assert vectors.any()


def test_saved_examples_are_read_by_their_width() -> None:
    from essentiel.keypoints import features

    train = load_script("training/train_selector.py")
    assert train.saved_names(len(features.ALL_NAMES)) == features.ALL_NAMES
    assert train.saved_names(len(features.FEATURE_NAMES)) == features.FEATURE_NAMES
    with pytest.raises(ValueError, match="another version"):
        train.saved_names(5)
