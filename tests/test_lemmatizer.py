"""spaCy's rule lemmatizer with set lookups and a bounded cache (essentiel.lemmatizer)."""

from __future__ import annotations

import warnings

import pytest
import spacy
from spacy.pipeline import Lemmatizer

from essentiel import resources
from essentiel.analyze import pipeline
from essentiel.lemmatizer import BoundedCache, mend_lemmatizer

TEXTS = {
    "fr": (
        "Les pompiers ont maîtrisé l'incendie qui s'était déclaré dans un entrepôt de Lorient. "
        "Les enquêteurs entendront les gardiens, qui affirment n'avoir rien remarqué. "
        "Les riveraines inquiètes avaient demandé des contrôles plus fréquents aux élus."
    ),
    "en": (
        "Firefighters were battling the blaze that had broken out in the warehouses overnight. "
        "Investigators will question the guards, who said they had noticed nothing unusual. "
        "Worried residents had asked councillors for more frequent inspections."
    ),
}


def _lemmatizer(nlp: spacy.language.Language) -> Lemmatizer:
    component = nlp.get_pipe("lemmatizer")
    assert isinstance(component, Lemmatizer)
    return component


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_same_lemmas_as_spacy_with_lists(lang: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        plain = spacy.load(resources.language(lang).spacy_model)
    mended = pipeline(lang)
    index = _lemmatizer(mended).lookups.get_table("lemma_index")
    assert index and all(isinstance(forms, frozenset) for forms in index.values())
    expected = [(t.text, t.lemma_) for t in plain(TEXTS[lang])]
    assert [(t.text, t.lemma_) for t in mended(TEXTS[lang])] == expected


def test_cache_is_bounded() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        nlp = spacy.load(resources.language("fr").spacy_model)
    mend_lemmatizer(nlp, cache_size=5)
    lemmatizer = _lemmatizer(nlp)
    doc = nlp(TEXTS["fr"])
    assert isinstance(lemmatizer.cache, BoundedCache)
    assert len(lemmatizer.cache) == 5 < len(doc)


def test_bounded_cache_forgets_the_oldest() -> None:
    cache = BoundedCache(2)
    cache["a"], cache["b"], cache["c"] = 1, 2, 3
    assert list(cache.items()) == [("b", 2), ("c", 3)]
