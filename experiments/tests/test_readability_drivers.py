"""What the readability analysis counts in a box, on bullets of our own."""

from __future__ import annotations

from tests.conftest import load_script

ARTICLE = [
    "Un incendie a détruit mardi un entrepôt de 2.000 mètres carrés à Lorient.",
    "Les 40 salariés du site ont été évacués sans blessé, selon les pompiers.",
    "L'entreprise fabrique des filets de pêche depuis 1962.",
    "Le maire de Lorient s'est rendu sur place dans l'après-midi.",
    "Une enquête a été ouverte pour déterminer l'origine du feu.",
]


def test_bullets_are_placed_in_the_article_and_the_box_is_measured() -> None:
    script = load_script("experiments/readability_drivers.py")
    from essentiel.analyze import pipeline
    from essentiel.resources import language

    assert script.sentence_index("Les 40 salariés du site ont été évacués.", ARTICLE) == 1
    assert script.sentence_index("Rien de tout cela.", ARTICLE) is None
    box = script.Box(
        "r",
        "a",
        "essentiel",
        "fr",
        3,
        [ARTICLE[0], "Le maire de Lorient s'est ainsi rendu sur place."],
    )
    script.box_features(box, pipeline("fr"), language("fr"), ARTICLE)
    f = box.features
    assert f["bullets"] == 2 and f["lead_first"] == 1.0 and f["in_order"] == 1.0
    assert f["spread"] == 3.0 and f["deepest"] == 3.0
    assert f["refers_back"] == 0.5  # « ainsi » in one bullet of two
    assert f["compressed"] == 0.5  # the second lost « dans l'après-midi »


def test_attribution_tail_and_rank_correlation() -> None:
    script = load_script("experiments/readability_drivers.py")
    from essentiel.resources import language

    fr = language("fr")
    assert script.attribution_tail("Le feu est maîtrisé, a indiqué la préfecture.", fr)
    assert script.attribution_tail("Le feu est maîtrisé, raconte Le Télégramme.", fr)
    assert not script.attribution_tail("Le feu, parti d'un entrepôt, est maîtrisé.", fr)
    assert script.spearman([1, 2, 3], [2, 4, 9]) == 1.0
    assert script.spearman([1, 2, 3], [3, 2, 1]) == -1.0
