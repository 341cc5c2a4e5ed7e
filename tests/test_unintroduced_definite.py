"""A definite noun that stands for a thing an earlier sentence of the article introduced and
the box does not (``pointing.unintroduced_definite``, the measure's ``back_definite``): « la
décision », « la coque », « le centre » never explained. Original sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints.pointing import earlier_nouns, unintroduced_definite
from essentiel.pipeline import Pipeline, Settings


def _sentence(text: str) -> ParsedSentence:
    return ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")


def _definite(
    text: str,
    before: str,
    title: str = "",
    introduced: frozenset[str] = frozenset(),
    roles: frozenset[str] = frozenset(),
) -> str | None:
    """The check on ``text`` as a bullet, ``before`` being the article's sentence before it."""
    earlier = earlier_nouns([_sentence(before), _sentence(text)], "fr")[1]
    return unintroduced_definite(
        _sentence(text), [(0, len(text))], "fr", earlier, introduced, title, roles
    )


_SHIP = "Un chalutier de Concarneau a heurté un rocher au large des Glénan dans la nuit."


@pytest.mark.parametrize(
    ("text", "before", "found"),
    [
        # The article said the thing before; the bullet leans on it.
        ("Une fissure de deux mètres a été repérée dans la coque.", _SHIP, None),
        (
            "Une fissure de deux mètres a été repérée dans la coque vendredi.",
            "La coque du chalutier de Concarneau a heurté un rocher au large des Glénan.",
            "la coque",
        ),
        (
            "Les riverains de Quimper ont déposé un recours contre la décision lundi.",
            "Le préfet du Finistère a pris une décision sur le projet d'éolien en mer.",
            "la décision",
        ),
        (
            "Les pompiers ont évacué le centre pendant plus de deux heures samedi.",
            "Un incendie s'est déclaré dans un centre commercial de Brest vendredi soir.",
            "le centre",
        ),
        (
            "Les habitants de Lorient ont déjà versé 3.000 euros dans la cagnotte.",
            "Une cagnotte a été ouverte pour reconstruire le local de l'association.",
            "la cagnotte",
        ),
        # Said before as it is, with nothing that introduced it: not this one.
        (
            "Les habitants de Lorient ont déjà versé 3.000 euros dans la cagnotte.",
            "La cagnotte reste le moyen le plus simple d'aider l'association.",
            None,
        ),
        # A possessive: its owner most often says whose.
        (
            "La mairie de Lorient a reporté son lancement à la fin du mois de mars.",
            "Un réseau de vélos devait voir le jour, avec un lancement prévu en janvier.",
            None,
        ),
        # Defined on the spot: a complement, a clause, a name.
        (
            "Les riverains de Quimper ont déposé un recours contre la décision du préfet.",
            "Le préfet du Finistère a pris une décision sur le projet d'éolien en mer.",
            None,
        ),
        (
            "Les pompiers ont évacué le centre qui accueille 80 boutiques samedi.",
            "Un incendie s'est déclaré dans un centre commercial de Brest vendredi soir.",
            None,
        ),
        # A clause set off by commas tells more of it, not which.
        (
            "L'ambassade, jointe par l'AFP, n'a pas répondu aux questions des journalistes.",
            "L'ambassade américaine à Vienne a publié un communiqué mardi matin.",
            "L'ambassade",
        ),
        # A noun the reader knows alone, a time, or a phrase that refers to nothing.
        (
            "Le gouvernement a annoncé une aide de 3 millions d'euros pour les pêcheurs.",
            "Le gouvernement avait promis une réponse rapide aux pêcheurs bretons.",
            None,
        ),
        (
            "Les secouristes sont restés sur le terrain toute la nuit à Brest.",
            "Le terrain de football de Brest a été inondé par les pluies.",
            None,
        ),
        # Plural, indefinite: the bullet introduces them.
        (
            "Une décision sera prise lundi par le conseil municipal de Quimper.",
            "Le préfet du Finistère a pris une décision sur le projet d'éolien en mer.",
            None,
        ),
        # The speaker's words.
        (
            '"Nous contesterons la décision", a déclaré le maire de Quimper.',
            "Le préfet du Finistère a pris une décision sur le projet d'éolien en mer.",
            None,
        ),
    ],
)
def test_a_definite_noun_the_article_said_before(text: str, before: str, found: str | None) -> None:
    assert _definite(text, before) == found


def test_the_headline_or_a_bullet_above_introduces_it() -> None:
    text = "Une fissure de deux mètres a été repérée dans la coque vendredi."
    before = "La coque du chalutier de Concarneau a heurté un rocher au large des Glénan."
    assert _definite(text, before) == "la coque"
    assert _definite(text, before, title="Concarneau : la coque d'un chalutier fissurée") is None
    assert _definite(text, before, introduced=frozenset({"coque"})) is None


def test_a_role_of_someone_the_text_names_is_the_namings_business() -> None:
    text = "Le chanteur a répondu à la chroniqueuse sur le plateau de l'émission."
    before = "Anne Morvan, chroniqueuse de l'émission, a critiqué le chanteur breton."
    assert _definite(text, before) == "la chroniqueuse"
    assert _definite(text, before, roles=frozenset({"chroniqueuse"})) is None


_TITLE = "Lorient : le bar Le Grand Large ravagé par un incendie dans la nuit"
_FIRE = (
    "Un incendie a ravagé dans la nuit de samedi à dimanche le bar Le Grand Large, sur le port "
    "de Lorient, sans faire de victime.\n\nLes pompiers sont intervenus vers 3 heures du matin "
    "et ont maîtrisé les flammes en deux heures, mais la salle est entièrement détruite.\n\n"
)
_REST = (
    "Mercredi, la cagnotte dépassait déjà 15.000 euros pour rouvrir le bar Le Grand Large "
    "avant l'été.\n\nLe patron du bar, Yann Le Goff, a remercié les habitants de Lorient sur "
    "les réseaux sociaux.\n\nL'enquête devra établir l'origine du sinistre."
)


def _box(body: str, refuse: bool, margin: float = 0.8, most: int = 3) -> list[str]:
    settings = Settings()
    keypoints = replace(
        settings.keypoints, refuse_definite=refuse, definite_margin=margin, max_keypoints=most
    )
    digest = Pipeline(replace(settings, keypoints=keypoints)).digest(
        f"{_TITLE}\n\n{body}", lang="fr", published="2021-03-10"
    )
    assert all(k.verdict.passed for k in digest.keypoints)
    return [k.text for k in digest.keypoints]


@pytest.mark.parametrize("refuse", [True, False])
def test_the_selector_gives_way_to_a_rival(refuse: bool) -> None:
    # « Il a ouvert ... une cagnotte » is no candidate (who is « il »?): with the switch and a
    # rival within the margin, the second bullet on « la cagnotte » gives way to the patron's
    # thanks.
    body = _FIRE + "Il a ouvert lundi une cagnotte en ligne pour reconstruire la salle.\n\n" + _REST
    texts = _box(body, refuse, margin=0.1)
    assert len(texts) == 3
    assert any("la cagnotte" in t for t in texts) is not refuse


def test_a_noun_the_box_introduced_above_stands() -> None:
    # « Une cagnotte ... a été ouverte » is a bullet: below it, « la cagnotte » is the one it
    # told, and the bullet that says how much it holds stands, even at the smallest margin.
    introducer = (
        "Une cagnotte en ligne a été ouverte lundi par des habitués pour aider le patron du bar "
        "à reconstruire la salle."
    )
    texts = _box(_FIRE + introducer + "\n\n" + _REST, refuse=True, margin=0.1, most=4)
    opened = next(k for k, t in enumerate(texts) if t.startswith("Une cagnotte"))
    held = next(k for k, t in enumerate(texts) if "la cagnotte" in t)
    assert opened < held
