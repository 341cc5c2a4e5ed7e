"""A definite noun that leans on the article rather than the box (``pointing.unintroduced_event``,
the measure's ``back_event``): « Les faits ont eu lieu ... », « le drame », « l'intéressé ».
Original sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest

from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints.pointing import names_headline_word, unintroduced_event
from essentiel.pipeline import Pipeline, Settings


def _event(text: str, title: str = "", introduced: frozenset[str] = frozenset()) -> str | None:
    sentence = ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")
    return unintroduced_event(sentence, [(0, len(text))], "fr", introduced, title)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Nouns only a text defines: the reader of the box does not know which facts.
        ("Les faits se sont déroulés jeudi soir dans une rue de Quimper.", "Les faits"),
        ("Au moment des faits, le jeune homme de Brest était ivre.", "des faits"),
        (
            "\"Nous irons jusqu'au bout\", a réagi l'intéressé sur son compte Twitter.",
            "l'intéressé",
        ),
        # The story's event, told nowhere above.
        ("Le drame s'est produit vers 23 heures sur le port de Lorient.", "Le drame"),
        ("Les images montrent un homme allongé sur le trottoir.", "Les images"),
        (
            "Deux vigiles présents lors de l'altercation ont été entendus par la police.",
            "l'altercation",
        ),
        ("La scène se passe dans un supermarché de Vannes, samedi après-midi.", "La scène"),
        # Defined on the spot: a name, a complement, a clause.
        ("L'affaire Dupont sera jugée à Rennes en septembre.", None),
        ("Les images de la caméra de surveillance montrent un homme allongé.", None),
        ("La vidéo qui circule sur les réseaux sociaux montre un homme allongé.", None),
        # A confession: clear under any headline.
        ("Le jeune homme de Brest a reconnu une partie des faits devant les enquêteurs.", None),
        ("Pour rappel des faits, le maire de Brest avait signé le permis en 2019.", None),
        # An event's noun defined by any complement.
        ("La polémique sur les dîners du maire de Brest ne faiblit pas.", None),
        # « dans les faits »: in practice.
        ("Peu de bars de Brest ont pu rouvrir dans les faits.", None),
        # The speaker's words.
        ('"Le drame aurait pu être évité", a déclaré le maire de Lorient.', None),
        # A quote mark the tokenizer glues to an elided word (« d'"un »): quoted all the same.
        ('La mairie de Lorient parle d\'"une exagération des faits par la presse".', None),
        # Indefinite: the bullet introduces it.
        ("Une altercation a éclaté samedi devant un bar de Vannes.", None),
        ("Des images montrent un homme allongé sur le trottoir de Vannes.", None),
        # « virer au drame » tells the event; « la scène politique » is no scene of it.
        ("Samedi soir à Lorient, la fête a viré au drame.", None),
        ("L'ancien maire de Brest veut revenir sur la scène politique.", None),
        # A participle's clause that names: the facts are defined.
        ("Le juge a qualifié les faits reprochés à Paul Morvan de très graves.", None),
    ],
)
def test_definite_nouns_that_lean_on_the_article(text: str, found: str | None) -> None:
    assert _event(text) == found


def test_the_headline_or_a_bullet_above_introduces_the_event() -> None:
    text = "Le drame s'est produit vers 23 heures sur le port de Lorient."
    assert _event(text, title="Lorient : une soirée sur le port tourne au drame") is None
    # A word of its family of ``[pointing] equivalents``: « l'agression » after « l'attaque ».
    bullet = "L'agression a fait trois blessés légers, selon les pompiers."
    assert _event(bullet, introduced=frozenset({"attaque"})) is None
    assert _event(bullet) == "L'agression"
    # Said before in the same bullet.
    assert _event("Une bagarre a éclaté à Brest ; la bagarre a fait deux blessés.") is None


def test_text_nouns_are_told_by_themselves_only() -> None:
    text = "Les faits se sont déroulés jeudi soir dans une rue de Quimper."
    assert _event(text, title="Quimper : les faits reprochés au maire") is None
    # « a fait » (the verb) tells no facts.
    assert _event(text, title="Quimper : une bagarre fait deux blessés") == "Les faits"


_TITLE = "Lorient : un automobiliste percute la terrasse d'un bar, trois blessés"
_BODY = """Les faits se sont produits samedi soir vers 23 heures, rue du Port à Lorient, devant un \
bar très fréquenté du centre-ville.

Un automobiliste de 45 ans a perdu le contrôle de son véhicule et a percuté la terrasse d'un \
bar, blessant trois clients.

Les pompiers ont transporté les trois blessés à l'hôpital de Lorient, où ils ont été soignés \
pour des fractures.

Le conducteur, qui présentait un taux d'alcool de 1,2 gramme par litre de sang, a été placé en \
garde à vue.

Le maire de Lorient a annoncé qu'il demanderait l'installation de barrières devant les \
terrasses du centre-ville.

La rue du Port restera fermée à la circulation jusqu'à lundi matin, le temps de déblayer la \
chaussée."""


@pytest.mark.parametrize("refuse", [True, False])
def test_the_selector_passes_over_a_bullet_on_the_facts(refuse: bool) -> None:
    # « Les faits se sont produits samedi soir ... » opens the box without the switch; with
    # it, a candidate as good that says what happened stands in its place.
    settings = Settings()
    settings = replace(settings, keypoints=replace(settings.keypoints, refuse_event=refuse))
    digest = Pipeline(settings).digest(f"{_TITLE}\n\n{_BODY}", lang="fr", published="2020-08-10")
    texts = [k.text for k in digest.keypoints]
    assert len(texts) == 3
    assert any(t.startswith("Les faits") for t in texts) is not refuse
    assert all(k.verdict.passed for k in digest.keypoints)


def test_a_bullet_that_names_the_headlines_person_is_kept() -> None:
    text = "Julie Morvan se remémore la scène avec douleur sur RTL."
    sentence = ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")
    fragments = [(0, len(text))]
    assert names_headline_word(sentence, fragments, "Le pire souvenir de Julie Morvan")
    assert not names_headline_word(sentence, fragments, "Le pire souvenir d'une comédienne")
    # A place says where, not who.
    place = "Les faits se sont produits samedi soir rue du Port à Lorient."
    at = ParsedSentence(block=0, offset=0, span=pipeline("fr")(place)[:], lang="fr")
    assert not names_headline_word(at, [(0, len(place))], "Lorient : trois blessés")


def _act(text: str, title: str = "", introduced: frozenset[str] = frozenset()) -> str | None:
    sentence = ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")
    return unintroduced_event(sentence, [(0, len(text))], "fr", introduced, title, acts=True)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # An act or a wait that another sentence told: which one?
        ("L'attente a pris fin vers minuit, quand le téléphone a sonné.", "L'attente"),
        (
            "Une fois la consignation levée, les éleveurs pourront vendre leur lait.",
            "la consignation",
        ),
        ("La fermeture doit durer au moins jusqu'à la fin du mois.", "La fermeture"),
        # Defined on the spot by a complement.
        ("La fermeture des écoles de Brest doit durer jusqu'à la fin du mois.", None),
        ("L'attente des résultats a duré plus de trois heures à Vannes.", None),
        # Indefinite: the bullet introduces it.
        ("Une décision sera prise lundi par le préfet du Finistère.", None),
        # The speaker's words.
        ('"La fermeture était inévitable", a estimé le maire de Lorient.', None),
    ],
)
def test_nouns_of_an_act_the_box_never_told(text: str, found: str | None) -> None:
    assert _act(text) == found
    # The event's nouns and the act's are two kinds, each read apart.
    assert _event(text) is None


def test_the_verb_of_the_act_told_above_introduces_it() -> None:
    bullet = "Une fois la consignation levée, les éleveurs pourront vendre leur lait."
    assert _act(bullet, title="Le préfet consigne les troupeaux de trois communes") is None
    assert _act(bullet, introduced=frozenset({"consigner"})) is None
    assert _act(bullet, title="Le préfet interdit la vente de lait dans trois communes") == (
        "la consignation"
    )


_WAIT_TITLE = "Brest : une octogénaire enfermée toute une soirée dans une salle de sport"
_WAIT_BODY = """Une femme de 82 ans est restée enfermée mardi soir dans une salle de sport de \
Brest, où elle suivait une séance de gymnastique douce.

Son fils, inquiet de ne pas la voir rentrer, a appelé la police et les hôpitaux de Brest \
vers 20 heures.

L'attente a pris fin vers 22 heures, quand la salle de sport de Brest a rappelé le fils de \
l'octogénaire enfermée.

L'octogénaire enfermée a été retrouvée saine et sauve dans la salle de sport de Brest par son \
fils.

Le gérant de la salle de sport a présenté ses excuses et promis de revoir la fermeture des \
locaux.

La mairie de Brest a demandé une enquête sur les conditions de sécurité de la salle."""


@pytest.mark.parametrize("refuse", [True, False])
def test_the_selector_passes_over_a_wait_never_told(refuse: bool) -> None:
    # « L'attente a pris fin ... »: the box never said anyone waited; with the switch, the
    # candidate that says how it ended stands in its place.
    settings = Settings()
    settings = replace(settings, keypoints=replace(settings.keypoints, refuse_act=refuse))
    digest = Pipeline(settings).digest(
        f"{_WAIT_TITLE}\n\n{_WAIT_BODY}", lang="fr", published="2020-08-10"
    )
    texts = [k.text for k in digest.keypoints]
    assert len(texts) == 3
    assert any(t.startswith("L'attente") for t in texts) is not refuse
    assert all(k.verdict.passed for k in digest.keypoints)
