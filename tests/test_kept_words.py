"""A digest's new words kept in the pipeline after its memory zone (analyze.keep_words, issue
31): the next parses find them, parse the same, and the kept words stay bounded."""

from __future__ import annotations

import pytest

from essentiel import analyze
from essentiel.analyze import keep_words, parse_zone, pipeline

# Words no French model has met: each test uses its own, the pipeline is shared by the process.
TEXT = (
    "La commune de Plouzévennec-sur-Odet a inauguré samedi la passerelle Kervrannoc, "
    "longue de 48 mètres, après deux ans de travaux financés par l'intercommunalité."
)


def parsed(text: str) -> list[tuple[str, str, str, str, str]]:
    with parse_zone(["fr"]):
        doc = pipeline("fr")(text)
        return [(t.text, t.lemma_, t.pos_, t.dep_, t.ent_type_) for t in doc]


def test_a_word_parsed_in_a_zone_is_forgotten_and_a_kept_one_is_not() -> None:
    vocab = pipeline("fr").vocab
    parsed("Le maire de Trégastrouven a parlé.")
    assert "Trégastrouven" not in vocab  # transient: freed with the zone
    keep_words("fr", "Le maire de Trégastrouven a parlé.")
    assert "Trégastrouven" not in vocab  # met once: not kept
    keep_words("fr", "Trégastrouven, la commune du maire.")
    assert "Trégastrouven" not in vocab  # another word: « Trégastrouven, »
    keep_words("fr", "Il est né à Trégastrouven en 1961.")
    parsed("Le maire de Trégastrouven a parlé.")
    assert "Trégastrouven" in vocab


def test_a_text_parses_the_same_once_its_words_are_kept() -> None:
    before = parsed(TEXT)
    keep_words("fr", TEXT)
    keep_words("fr", TEXT)
    assert "Kervrannoc," in analyze._kept_words["fr"]
    assert parsed(TEXT) == before


def test_the_kept_words_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyze, "_kept_words", {})
    monkeypatch.setattr(analyze, "_met_once", {})
    monkeypatch.setattr(analyze, "KEPT_WORDS", 3)
    monkeypatch.setattr(analyze, "MET_ONCE", 6)
    pipeline("fr")
    keep_words("fr", "un deux trois quatre")
    assert analyze._kept_words["fr"] == set()
    keep_words("fr", "deux trois")
    assert analyze._kept_words["fr"] == {"deux", "trois"}
    keep_words("fr", "cinq six sept")  # the words met once reach MET_ONCE: forgotten
    assert analyze._met_once["fr"] == set()
    keep_words("fr", "un quatre cinq")  # met once again, as if new
    assert analyze._kept_words["fr"] == {"deux", "trois"}
    keep_words("fr", "un quatre cinq")
    assert analyze._kept_words["fr"] == {"deux", "trois", "un"}  # at KEPT_WORDS
    keep_words("fr", "quatre cinq huit neuf")
    keep_words("fr", "quatre cinq huit neuf")
    assert len(analyze._kept_words["fr"]) == 3
    assert "fr" not in analyze._met_once


def test_nothing_is_kept_for_a_pipeline_not_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analyze, "_kept_words", {})
    keep_words("xx", "des mots")
    keep_words("xx", "des mots")
    assert not analyze._kept_words.get("xx")


def test_a_word_met_in_two_digests_is_kept_after_the_second() -> None:
    from essentiel import Pipeline

    text = (
        "La coopérative Brenilisienne a livré mardi 40 tonnes de pommes à la conserverie de "
        "Châteaulin, qui emploie 85 personnes. La récolte a doublé en un an, selon sa présidente."
    )
    vocab = pipeline("fr").vocab
    digester = Pipeline()
    digester.digest(text, lang="fr")
    assert "Brenilisienne" not in vocab
    digester.digest(text, lang="fr")
    assert "Brenilisienne" in vocab
