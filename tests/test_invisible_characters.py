"""Entity names never keep the zero-width and bidi characters a page hides in them."""

from __future__ import annotations

import unicodedata

from essentiel import Pipeline
from essentiel.facts.names import fold, same_name, visible


def test_fold_and_visible_drop_format_characters() -> None:
    assert visible("Zelen\u200bsky") == "Zelensky"
    assert visible("\u202eKiev\u202c") == "Kiev"
    assert visible("Jean\u00ad-Marc\u200d") == "Jean-Marc"
    assert fold("Zelen\u200bsky") == fold("Zelensky")
    assert same_name("Volodymyr Zelen\u2066sky\u2069", "Volodymyr Zelensky")


def test_entity_names_carry_no_invisible_characters(pipeline: Pipeline) -> None:
    text = (
        "Le maire de Brest, Fran\u200bçois Cuillandre, a annoncé jeudi la fermeture de la "
        "piscine municipale pour dix-huit mois. \u202eFrançois Cuillandre\u202c a précisé que "
        "les nageurs du club s'entraîneraient à Landerneau pendant le chantier, qui coûtera "
        "14 millions d'euros selon la région Bretagne."
    )
    digest = pipeline.digest(text, lang="fr")
    names = [e.name for e in digest.entities] + [a for e in digest.entities for a in e.aliases]
    assert any("Cuillandre" in n for n in names), names
    for name in names:
        assert not any(unicodedata.category(c) == "Cf" for c in name), repr(name)
    for entity in digest.entities:
        for mention in entity.mentions:
            assert digest.article.text[mention.span.start : mention.span.end] == mention.span.text
