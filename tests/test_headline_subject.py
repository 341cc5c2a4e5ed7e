"""A pronoun opening the body on the headline's news, named by the headline's subject (issue 33),
and the headline's statement cut when keeping its words leaves it too long. Original sentences, written for these
tests in the style of news pages."""

from __future__ import annotations

import pytest

from essentiel import Pipeline, resources
from essentiel.analyze import ParsedSentence, parse_zone, pipeline, sentences_of
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints.headline import Headline
from essentiel.keypoints.headline_subject import headline_subject, headline_subject_repair
from essentiel.model import Span

FR = resources.language("fr")

TITLE = "Retraites : des élus de gauche appellent à suspendre la réforme"
OPENING = (
    "Ils appellent à suspendre la réforme des retraites en pleine crise sanitaire, dans une "
    "tribune publiée mardi."
)
REST = [
    "Le texte a été signé par une quarantaine de parlementaires et de maires de grandes villes, "
    "dont Lyon et Grenoble.",
    "Le gouvernement n'a pas encore répondu à cette demande, selon une source proche du dossier.",
]


def page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


@pytest.fixture(scope="module")
def engine() -> Pipeline:
    return Pipeline()


def repair_of(  # type: ignore[no-untyped-def]
    title: str, paragraphs: list[str], index: int = 0, before: str | None = None
):
    """The repair of the body sentence at ``index``; ``before``: what the text holds before
    the body (the headline by default; a chapô, the headline given apart)."""
    standfirst = before
    before = title if before is None else before
    text = before + "\n\n" + "\n\n".join(paragraphs)
    with parse_zone(["fr"]):
        sentences = []
        offset = len(before) + 2
        for k, paragraph in enumerate(paragraphs):
            for span in sentences_of(pipeline("fr")(paragraph)):
                sentences.append(ParsedSentence(k + 1, offset, span, "fr"))
            offset += len(paragraph) + 2
        headline = Headline.of([title, standfirst or ""], "fr")
        repair = headline_subject_repair(index, sentences, FR, title, text, headline, standfirst)
        return repair, text


def test_the_headline_subject_names_the_opening_pronoun(engine: Pipeline) -> None:
    points = engine.digest(page(TITLE, [OPENING, *REST])).keypoints
    first = points[0]
    assert first.text.startswith("[Des élus de gauche] appellent à suspendre la réforme"), (
        first.text
    )
    assert first.verdict.passed and "subject_named" in first.removed
    named = [c for c in first.verdict.checks if c.text == "Des élus de gauche"]
    assert named and named[0].found and named[0].evidence is not None
    # The evidence is the headline's own words, written before the body.
    assert named[0].evidence.end <= first.sources[0].start


def test_the_repair_replaces_the_pronoun_only() -> None:
    repair, text = repair_of(TITLE, [OPENING, *REST])
    assert repair is not None
    assert text[repair.start : repair.end] == "Ils"
    assert repair.name == "des élus de gauche"
    assert text[repair.insertion.evidence.start : repair.insertion.evidence.end] == repair.name


def test_the_chapo_subject_names_it_when_the_headline_is_not_in_the_text() -> None:
    chapo = "Plusieurs maires écologistes appellent le gouvernement à suspendre la réforme."
    repair, text = repair_of(TITLE, [OPENING, *REST], before=chapo)
    assert repair is not None and repair.name == "Plusieurs maires écologistes"
    assert text[repair.insertion.evidence.start : repair.insertion.evidence.end] == repair.name
    # A chapô whose subject is one person does not name « Ils ».
    single = "Le maire de Grenoble appelle le gouvernement à suspendre la réforme des retraites."
    assert repair_of(TITLE, [OPENING, *REST], before=single)[0] is None


def test_the_headline_subject_found_without_its_determiner() -> None:
    title = "Les directeurs d'école toucheront une prime de 450 euros"
    chapo = "Outre une prime aux directeurs d'école, le ministre a promis une revalorisation."
    opening = (
        "Ils toucheront une prime de 450 euros d'ici la fin de l'année, a précisé mercredi "
        "le ministre de l'Education nationale."
    )
    repair, text = repair_of(title, [opening, *REST], before=chapo)
    assert repair is not None and repair.name == "Les directeurs d'école"
    assert text[repair.start : repair.end] == "Ils"
    assert text[repair.insertion.evidence.start : repair.insertion.evidence.end] == (
        "directeurs d'école"
    )


def test_a_sentence_that_does_not_restate_the_headline_is_not_repaired() -> None:
    other = "Ils se réuniront jeudi soir à la mairie de Grenoble avec des représentants syndicaux."
    repair, _ = repair_of(TITLE, [other, *REST])
    assert repair is None


def test_a_subject_of_another_number_is_not_named() -> None:
    title = "Retraites : le maire de Lyon appelle à suspendre la réforme"
    repair, _ = repair_of(title, [OPENING, *REST])
    assert repair is None


def test_a_competing_subject_before_the_pronoun_keeps_it_unnamed() -> None:
    before = "Les syndicats de la fonction publique ont écrit lundi au Premier ministre."
    repair, _ = repair_of(TITLE, [before, OPENING, *REST], index=1)
    assert repair is None


def test_a_headline_without_a_verb_names_nobody() -> None:
    assert headline_subject("Retraites : la colère des élus de gauche", FR) is None
    found = headline_subject(TITLE, FR)
    assert found is not None and found[0] == "des élus de gauche"


def test_without_the_headline_in_the_text_nothing_is_named(engine: Pipeline) -> None:
    # Text input: the title is not part of the clean text, so there is no evidence to cite.
    body = "\n\n".join([OPENING, *REST])
    points = engine.digest(body, lang="fr", title=TITLE).keypoints
    assert not any("[" in p.text for p in points), [p.text for p in points]


def test_a_wrong_headline_subject_inserted_fails_verification() -> None:
    repair, _ = repair_of(TITLE, [OPENING, *REST])
    assert repair is not None
    verifier = Verifier(FR)
    start = len(TITLE) + 2
    source = Span(start=start, end=start + len(OPENING), text=OPENING)
    right = "[Des élus de gauche]" + OPENING[3:]
    wrong = "[Des maires de droite]" + OPENING[3:]
    assert verifier.verify(right, [source], [repair.insertion]).passed
    problems = verifier.verify(wrong, [source], [repair.insertion]).problems
    assert any("inserted" in p for p in problems), problems
    # Evidence that is not the headline's subject does not help either.
    bad = Insertion(
        replaced=repair.insertion.replaced,
        names=repair.insertion.names,
        evidence=Span(start=0, end=10, text="Retraites "),
    )
    assert not verifier.verify(right, [source], [bad]).passed


POOL_TITLE = "Le maire de Quimper annonce la fermeture de la piscine municipale"
POOL_BODY = (
    "Le maire de Quimper, Paul Kerhervé, a annoncé mardi soir la fermeture de la piscine "
    "municipale de Kerlan pour deux ans de travaux, devant le conseil municipal réuni en séance "
    "extraordinaire, après la publication d'un rapport du cabinet Aquatec sur l'état de la "
    "piscine municipale et de ses bassins extérieurs construits en 1972. "
    "Les clubs de natation de la ville seront accueillis à la piscine de Concarneau pendant "
    "toute la durée du chantier. "
    "Le coût des travaux est estimé à 12 millions d'euros, dont 4 millions financés par la "
    "région Bretagne. "
    "Les associations d'usagers ont dénoncé une décision prise sans concertation avec les "
    "habitants du quartier. "
    "Une réunion publique aura lieu le 14 mars à la salle des fêtes de Kerfeunteun."
)


def test_a_repeated_headline_word_does_not_keep_the_statement_over_its_limit(
    engine: Pipeline,
) -> None:
    first = engine.digest(POOL_BODY, lang="fr", title=POOL_TITLE).keypoints[0].text
    # The trailing clause repeats « piscine municipale »: only the first occurrence of a
    # headline word is kept from the cuts, so the clause goes and the lead states the event.
    assert first.startswith(
        "Le maire de Quimper, Paul Kerhervé, a annoncé mardi soir la fermeture"
    ), first
    assert "Aquatec" not in first


ACTRESS_TITLE = "Mireille Vallon a frôlé la mort, victime d'un accident vasculaire cérébral"
ACTRESS_CHAPO = "Mireille Vallon a été hospitalisée en urgence à Nantes la semaine dernière."
ACTRESS = [
    "L'actrice a été victime d'un accident vasculaire cérébral et a frôlé la mort, selon son "
    "agent.",
    "Son prochain film sortira en salles au printemps, a indiqué le distributeur.",
]


def test_a_person_description_opening_the_body_is_named_by_the_headline_name() -> None:
    repair, text = repair_of(ACTRESS_TITLE, ACTRESS, 0, before=ACTRESS_CHAPO)
    assert repair is not None
    assert text[repair.start : repair.end] == "L'actrice"
    assert repair.name == "Mireille Vallon" and not repair.pronoun
    # The evidence is the chapô's mention of the name, before the sentence.
    assert repair.insertion.evidence.text == "Mireille Vallon"
    assert repair.insertion.evidence.end <= repair.start


def test_a_description_is_not_named_by_another_description() -> None:
    title = "Bretagne : les agriculteurs bloquent le périphérique de Rennes"
    body = [
        "Les agriculteurs bloquent depuis l'aube le périphérique de Rennes pour dénoncer la "
        "baisse des prix du lait.",
        "La préfecture a conseillé aux automobilistes d'éviter le secteur jusqu'au soir.",
    ]
    assert repair_of(title, body, 0)[0] is None
    singular = ["L'éleveur bloque depuis l'aube le périphérique de Rennes avec son tracteur."]
    assert repair_of("Rennes : un éleveur bloque le périphérique", singular, 0)[0] is None


def test_a_wrong_name_in_place_of_the_description_fails_verification() -> None:
    repair, _ = repair_of(ACTRESS_TITLE, ACTRESS, 0, before=ACTRESS_CHAPO)
    assert repair is not None
    start = repair.start
    source = Span(start=start, end=start + len(ACTRESS[0]), text=ACTRESS[0])
    rest = ACTRESS[0][len("L'actrice") :]
    verifier = Verifier(FR)
    assert verifier.verify("[Mireille Vallon]" + rest, [source], [repair.insertion]).passed
    wrong = verifier.verify("[Sophie Marchal]" + rest, [source], [repair.insertion])
    assert any("inserted" in p for p in wrong.problems), wrong.problems


# A lead that tells the headline's event in its own words, after a sentence whose subject is a
# thing: « La jeune femme » is the chapô's named singer, not « la rumeur ».
SINGER_TITLE = "Une ancienne gagnante de télécrochet victime d'un cambriolage spectaculaire"
SINGER_CHAPO = "Léa Morvan a tout perdu en une nuit."
SINGER = [
    "La rumeur a couru toute la journée sur les réseaux sociaux.",
    "La jeune femme a dû quitter son appartement lyonnais, victime d'un cambriolage pendant "
    "ses vacances en Corse.",
    "Les enquêteurs ont relevé des empreintes sur la porte du garage, selon la police.",
]


def test_a_thing_as_subject_before_does_not_keep_a_person_description_unnamed() -> None:
    repair, text = repair_of(SINGER_TITLE, SINGER, 1, before=SINGER_CHAPO)
    assert repair is not None
    assert text[repair.start : repair.end] == "La jeune femme"
    assert repair.name == "Léa Morvan" and not repair.pronoun
    assert repair.insertion.evidence.end <= repair.start


def test_a_person_as_subject_before_keeps_the_description_unnamed() -> None:
    # « La jeune femme » may be the lawyer: the chapô's name is not tied to it.
    neighbour = ["L'avocate de la famille a alerté la police en pleine nuit.", *SINGER[1:]]
    repair, _ = repair_of(SINGER_TITLE, neighbour, 1, before=SINGER_CHAPO)
    assert repair is None


def test_a_description_far_from_the_headline_is_not_named() -> None:
    # Under the lower bar for descriptions, a sentence about something else still does not
    # restate the headline: nothing is named.
    other = [SINGER[0], "La jeune femme prépare un nouvel album pour le printemps prochain."]
    repair, _ = repair_of(SINGER_TITLE, other, 1, before=SINGER_CHAPO)
    assert repair is None


def test_a_chapo_list_item_names_only_one_subject_without_its_marker() -> None:
    # The seed, read as a text file: its chapô is a list whose first item opens on « - » and
    # has two subjects; « le président américain » was named « [- X et Y] ».
    assert headline_subject("- Jean Morvan et Claire Le Gall ont signé l'accord mardi.", FR) is None
    found = headline_subject("- Claire Martin a signé l'accord avec les pêcheurs mardi.", FR)
    assert found is not None and found[0] == "Claire Martin"


def test_a_participial_headline_has_its_name_as_subject() -> None:
    # French headlines state an event as a passive without its auxiliary.
    found = headline_subject("Gilles Fournier hospitalisé après un malaise", FR)
    assert found is not None and found[0] == "Gilles Fournier"
    found = headline_subject("Paul Lemoine violemment bousculé dans les rues de Saint-Aubin", FR)
    assert found is not None and found[0] == "Paul Lemoine"
    # A noun phrase with its participle is no statement about a named subject.
    assert headline_subject("Une randonneuse retrouvée saine et sauve dans le Jura", FR) is None
    # A finite verb in a relative clause makes the headline something else.
    assert headline_subject("Paul Lemoine, qui avait quitté la mairie, bousculé à Lyon", FR) is None


MAYOR_TITLE = "Paul Lemoine violemment bousculé dans les rues de Saint-Aubin"
MAYOR = [
    "Même en vacances, Paul Lemoine reste au centre de l'attention.",
    "Selon la radio locale, le maire de Saint-Aubin a été bousculé dans les rues de sa commune "
    "vers 18 heures jeudi.",
    "Les deux suspects ont été placés en garde à vue, selon le parquet.",
]


def test_a_description_with_the_place_it_is_of_is_named_by_the_headline_name() -> None:
    repair, text = repair_of(MAYOR_TITLE, MAYOR, 1, before="")
    assert repair is not None
    assert text[repair.start : repair.end] == "le maire de Saint-Aubin"
    assert repair.name == "Paul Lemoine" and not repair.pronoun
    # The evidence is the body's own mention of the name, before the sentence.
    assert repair.insertion.evidence.text == "Paul Lemoine"
    assert repair.insertion.evidence.end <= repair.start


def test_a_description_with_a_complement_that_is_no_name_stays_unnamed() -> None:
    other = [
        MAYOR[0],
        "Selon la radio locale, le maire de la commune voisine a été bousculé jeudi.",
    ]
    repair, _ = repair_of(MAYOR_TITLE, other, 1, before="")
    assert repair is None
