"""Key points an editor would publish (issue 33): the headline's event first, no closing
sentence by default, subjects named in brackets and verified, links dropped. Original text
written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from essentiel import Pipeline, resources
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints import KeyPointSettings
from essentiel.model import Span
from essentiel.pipeline import Settings

SOURCE = "Il avait informé le préfet dès dimanche soir de sa décision."
BEFORE = "Le maire de la commune, Jean Dupont, a annoncé mardi sa démission. "


def insertion_for(name: str = "Jean Dupont") -> Insertion:
    start = 1000 + len(BEFORE)
    return Insertion(
        replaced=Span(start=start, end=start + 2, text="Il"),
        names=("Jean Dupont",),
        evidence=Span(start=1024, end=1035, text=name),
    )


def verify(bullet: str, insertions: list[Insertion]) -> list[str]:
    verifier = Verifier(resources.language("fr"))
    start = 1000 + len(BEFORE)
    source = Span(start=start, end=start + len(SOURCE), text=SOURCE)
    return verifier.verify(bullet, [source], insertions).problems


def test_bracketed_name_of_the_resolved_entity_passes() -> None:
    bullet = "[Jean Dupont] avait informé le préfet dès dimanche soir de sa décision."
    assert verify(bullet, [insertion_for()]) == []
    # The surname alone is the same person.
    assert verify("[Dupont] avait informé le préfet dès dimanche soir.", [insertion_for()]) == []


def test_a_wrong_name_inserted_fails() -> None:
    bullet = "[Marie Lefort] avait informé le préfet dès dimanche soir de sa décision."
    problems = verify(bullet, [insertion_for()])
    assert any("Marie Lefort" in p and "inserted" in p for p in problems), problems
    # Evidence that does not name the entity does not help either.
    wrong_evidence = insertion_for(name="Paul Martin")
    assert verify("[Jean Dupont] avait informé le préfet.", [wrong_evidence])


def test_a_bracket_nobody_resolved_fails() -> None:
    assert verify("[Jean Dupont] avait informé le préfet dès dimanche soir.", [])


def test_the_rest_of_the_bullet_is_still_checked() -> None:
    problems = verify("[Jean Dupont] avait informé le préfet dès lundi soir.", [insertion_for()])
    assert any("lundi" in p for p in problems), problems


@pytest.fixture(scope="module")
def every_sentence() -> Pipeline:
    """The lead selector with room for every sentence: what can be a bullet, and how."""
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=1, selector="lead")
    return Pipeline(Settings(keypoints=settings))


def bullets(pipeline: Pipeline, body: str, title: str | None = None) -> list[Any]:
    return pipeline.digest(body, lang="fr", title=title).keypoints


MAYOR = (
    "L'usine de pneus de Villeneuve fermera ses portes en mars, a annoncé lundi la direction "
    "du groupe Martex. Quelque 420 salariés sont concernés par la fermeture du site. "
    + BEFORE
    + SOURCE
    + " Selon la direction, la production sera transférée en Pologne d'ici à la fin de "
    "l'année. Une réunion publique aura lieu jeudi soir à la salle des fêtes de la ville."
)


def test_pronoun_subject_is_named_in_brackets(every_sentence: Pipeline) -> None:
    points = bullets(every_sentence, MAYOR)
    named = [p for p in points if p.text.startswith("[Jean Dupont]")]
    assert named, [p.text for p in points]
    point = named[0]
    assert point.text == "[Jean Dupont] avait informé le préfet dès dimanche soir de sa décision."
    assert point.verdict.passed and "subject_named" in point.removed
    # The fragments are the source's words without the pronoun; the name's evidence is its
    # mention in the sentence before.
    assert "".join(f.text for f in point.fragments).startswith(" avait informé")
    evidence = [c for c in point.verdict.checks if c.text == "Jean Dupont"]
    assert evidence and evidence[0].found and evidence[0].evidence is not None
    assert evidence[0].evidence.start < point.sources[0].start


def test_a_pronoun_that_may_be_a_thing_is_not_named(every_sentence: Pipeline) -> None:
    body = (
        "Le ministre de la Santé, Paul Martin, a présenté mercredi le projet de loi sur les "
        "déserts médicaux. Il prévoit une aide de 50.000 euros pour chaque nouveau médecin "
        "installé en zone rurale. Les syndicats de médecins ont dénoncé un texte insuffisant "
        "devant le ministère. Le Sénat examinera le texte à partir du 12 mars prochain."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[" in t for t in texts), texts
    assert not any(t.startswith(("Il ", "Paul Martin prévoit")) for t in texts), texts


def test_a_pronoun_after_two_people_is_not_named(every_sentence: Pipeline) -> None:
    body = (
        "La juge Claire Moreau a longuement interrogé mardi l'ancien trésorier Marc Vidal au "
        "tribunal de Lyon. Il a reconnu avoir détourné 300.000 euros entre 2018 et 2021. "
        "Le procès reprendra le 4 avril devant la même chambre correctionnelle. "
        "L'association des victimes s'est constituée partie civile dans ce dossier."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[" in t or t.startswith("Il ") for t in texts), texts


SAILOR = (
    "Yann Kerloc'h a franchi samedi la ligne d'arrivée de la course en solitaire à Brest. "
    "Il a bouclé la course en 74 jours, un record pour un bateau de cette taille. "
    "Il a ensuite remercié les bénévoles venus l'accueillir sur les quais du port. "
    "Il prépare déjà une nouvelle traversée de l'Atlantique pour l'été prochain."
)


def test_a_pronoun_that_carries_the_person_through_sentences_is_named(
    every_sentence: Pipeline,
) -> None:
    # The name is two sentences up; every sentence between has « il » as its subject.
    points = bullets(every_sentence, SAILOR)
    last = [p for p in points if p.text.startswith("[Yann Kerloc'h] prépare")]
    assert last, [p.text for p in points]
    assert last[0].text == (
        "[Yann Kerloc'h] prépare déjà une nouvelle traversée de l'Atlantique pour l'été prochain."
    )
    assert last[0].verdict.passed and "subject_named" in last[0].removed


def test_a_chain_broken_by_another_subject_names_nobody(every_sentence: Pipeline) -> None:
    # « Le préfet » between the name and the pronoun: « il » may be him.
    body = SAILOR.replace(
        "Il a ensuite remercié les bénévoles",
        "Le préfet a ensuite remercié les bénévoles",
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any(t.startswith("[Yann Kerloc'h] prépare") for t in texts), texts
    assert not any(t.startswith("Il prépare") for t in texts), texts


def test_an_example_or_a_gloss_opener_is_dropped(every_sentence: Pipeline) -> None:
    body = (
        "La préfecture du Finistère a interdit mardi les rassemblements de plus de dix "
        "personnes dans les communes du littoral. Concrètement, seuls les marchés alimentaires "
        "restent autorisés dans les communes de Crozon et de Camaret. Par exemple, les fêtes "
        "de la mer prévues en juillet à Douarnenez sont annulées par arrêté. "
        "Par exemple les fêtes de Brest gardent leurs dates jusqu'à nouvel ordre. Les "
        "gendarmes ont saisi l'ordinateur du suspect. Dessus, les enquêteurs ont retrouvé "
        "300 fichiers volés à la mairie de Brest."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any(t.startswith(("Concrètement", "Par exemple,")) for t in texts), texts
    assert any(t.startswith("Seuls les marchés alimentaires restent") for t in texts), texts
    assert any(t.startswith("Les fêtes de la mer prévues en juillet") for t in texts), texts
    assert not any(t.startswith("Dessus") for t in texts), texts
    assert any(t.startswith("Les enquêteurs ont retrouvé 300 fichiers") for t in texts), texts


def test_the_day_before_or_after_is_dropped(every_sentence: Pipeline) -> None:
    body = (
        "Une tempête a frappé lundi les côtes du Finistère, privant 20.000 foyers "
        "d'électricité. Le lendemain, la préfecture du Finistère a levé l'alerte orange sur "
        "tout le département. La veille, les pompiers avaient mené 300 interventions entre "
        "Brest et Quimper."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any(t.startswith(("Le lendemain", "La veille")) for t in texts), texts
    assert any(t.startswith("La préfecture du Finistère a levé l'alerte") for t in texts), texts


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # « Cette année-là, », « Peu de temps après, » (train rows 12300-12599, eighteenth
        # session): the time is another sentence's; the bullet goes on after it.
        ("Cette année-là, la société Armor Capital a acquis 60 % du chantier.", "la société"),
        ("Peu de temps après, un voisin a donné l'alerte aux pompiers.", "un voisin"),
        ("Ce jour-là, le maire de Brest a démissionné.", "le maire"),
        # The year or the moment given: no connective.
        ("Cette année, la société Armor Capital a acquis 60 % du chantier.", None),
        ("Peu de temps après l'incendie, un voisin a donné l'alerte.", None),
    ],
)
def test_the_year_or_the_moment_another_sentence_told_is_a_connective(
    text: str, rest: str | None
) -> None:
    from essentiel import resources

    end = resources.language("fr").leading_connective(text)
    if rest is None:
        assert end == 0
    else:
        assert text[end:].startswith(rest)


def test_links_and_temporal_anaphora_are_dropped(every_sentence: Pipeline) -> None:
    body = (
        "Un incendie a détruit lundi soir un entrepôt de meubles de la zone industrielle de "
        "Grenoble. Entretemps, la préfecture de l'Isère a ouvert une cellule de crise. "
        "À l'époque, l'entrepôt employait soixante salariés venus de toute la région. "
        "À l'époque de sa construction en 1975, le site était le plus grand de la région. "
        "C'est le deuxième incendie de ce type dans la zone depuis le début de l'année. "
        "Depuis 2019, la zone industrielle a connu trois incendies majeurs selon les pompiers. "
        "De surcroît, 40 % des entreprises de la zone ne sont pas assurées contre l'incendie. "
        "Non, a tranché mardi le maire de Grenoble devant le conseil municipal réuni en urgence. "
        "Suivent les zones industrielles de Lyon, de Saint-Étienne et de Valence."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any(t.startswith(("Non", "A tranché", "Suivent")) for t in texts), texts
    assert not any(t.startswith("De surcroît") for t in texts), texts
    # « Depuis » is a link only with its comma: « Depuis 2019, » is the sentence's own time.
    assert any(t.startswith("Depuis 2019, la zone industrielle") for t in texts), texts
    assert "La préfecture de l'Isère a ouvert une cellule de crise." in texts, texts
    assert any(t.startswith("L'entrepôt employait soixante salariés") for t in texts), texts
    # No comma: « À l'époque de sa construction » is the sentence's own time, and stays.
    assert not any(t.startswith(("De sa construction", "Sa construction")) for t in texts)
    assert not any(t.startswith("C'est") for t in texts), texts


ARTICLE = (
    "La saison touristique a commencé samedi sur la côte atlantique sous un soleil "
    "radieux. Le préfet de Charente-Maritime a fermé dimanche les plages de l'île de Ré "
    "après la découverte de 200 kilos de déchets toxiques. Les analyses de l'eau seront "
    "connues mardi, selon la préfecture. Les commerçants de l'île redoutent une perte de "
    "chiffre d'affaires de 30 %. La mairie de Saint-Martin a ouvert une ligne d'information "
    "pour les vacanciers. Les campings de l'île affichaient complet depuis le début du mois "
    "de juillet. Un premier bilan sera dressé vendredi par les services de l'État. Les "
    "randonnées à vélo restent autorisées sur l'île."
)


def test_first_bullet_states_the_headline_event() -> None:
    pipeline = Pipeline()
    title = "Île de Ré : les plages fermées après la découverte de déchets toxiques"
    texts = [p.text for p in bullets(pipeline, ARTICLE, title)]
    # In the box, in the article's order (``article_order``); first when that is off.
    assert any("plages de l'île de Ré" in t for t in texts), texts
    first = Pipeline(Settings(keypoints=KeyPointSettings(article_order=False)))
    assert "plages de l'île de Ré" in bullets(first, ARTICLE, title)[0].text
    # Not the closing sentence of a long article, while the box has others to choose from.
    assert not any("randonnées" in t for t in texts), texts


def test_without_a_headline_the_lead_comes_first() -> None:
    texts = [p.text for p in bullets(Pipeline(), ARTICLE)]
    assert texts[0].startswith("La saison touristique a commencé samedi"), texts


def test_a_pronoun_for_a_case_named_after_someone_is_not_named(every_sentence: Pipeline) -> None:
    body = (
        "L'affaire Lucie Marchand a connu lundi un rebondissement devant la cour d'appel de "
        "Dijon. Elle pourrait trouver un nouvel élan grâce au témoignage d'un ancien voisin. "
        "Les enquêteurs ont fouillé mardi un terrain situé près de la gare de Beaune. "
        "Le parquet général a annoncé une conférence de presse pour vendredi matin."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any("[Lucie Marchand]" in t for t in texts), texts


@pytest.mark.parametrize(
    ("lang", "text", "fragment"),
    [
        ("fr", "Une décision qui ne fait pas l'unanimité parmi les élus de la majorité.", True),
        (
            "fr",
            "Un revers cinglant pour Marc Lenoir, qui avait fait de ce projet la priorité de "
            "son mandat.",
            True,
        ),
        (
            "fr",
            "Beaucoup d'interrogations donc pour les parents d'élèves, qui attendent une "
            "réponse du rectorat.",
            True,
        ),
        ("en", "A decision that angered union leaders across the country on Tuesday.", True),
        (
            "fr",
            'Le même, qui a produit la série policière "Les Quais", diffusée sur France 3 en 2016.',
            True,
        ),
        ("fr", "Le même juge a prononcé mardi la relaxe des trois prévenus.", False),
        # The paper announcing its article (judged round 23).
        ("fr", "Le point sur ce qui change pour les usagers des trains régionaux en juin.", True),
        ("fr", "Le point sur la ligne de Brest a été fait mardi par la région.", False),
        # An example of the sentence before (judged round 33), and the same openers before a
        # main clause.
        (
            "fr",
            "A l'image de Jeanne Morel, 68 ans, installée sur le marché de Quimper et qui vend "
            "ses confitures depuis trente ans.",
            True,
        ),
        ("fr", "Comme le rapporte Ouest-France, la mairie a fermé le marché mardi.", False),
        ("fr", "A l'image de Brest, la ville de Quimper a fermé ses piscines mardi.", False),
        # A noun and its relative clause, whatever head the parse chose (train row, session
        # 28: « obligation » the root, « est » its copula).
        (
            "fr",
            "Une indemnité que la mairie est légalement dans l'obligation de verser à son "
            "ancien directeur.",
            True,
        ),
        (
            "fr",
            "De belles initiatives de quartier auxquelles les habitants participent "
            "nombreux, note Ouest-France.",
            True,
        ),
        ("fr", "De nombreux habitants ont manifesté samedi devant la mairie de Rennes.", False),
        (
            "fr",
            "Des milliers de personnes qui défilaient samedi à Paris ont réclamé la démission "
            "du ministre.",
            False,
        ),
        # A noun, its participle and a relative clause, then the cue (train row, session 28).
        (
            "fr",
            "Une altercation filmée par un journaliste de Libération qui a immédiatement "
            "réagi, indique Ouest-France.",
            True,
        ),
        (
            "fr",
            "Une enquête qui a duré dix ans a abouti à la mise en examen du maire, indique "
            "Le Monde.",
            False,
        ),
        # The alternatives of the sentence before (train row, session 28).
        (
            "fr",
            "Soit un référendum organisé par la région et qui trancherait la question, soit "
            "une simple consultation en ligne, moins coûteuse à organiser.",
            True,
        ),
        # Statements that open the same way.
        ("fr", "Un homme de 45 ans a été interpellé mardi soir à Rennes après une fuite.", False),
        ("fr", "Une enquête qui a duré dix ans a abouti à la mise en examen du maire.", False),
        # A verb the tagger read as an adjective, then its completive (validation page).
        (
            "fr",
            "Une étudiante raconte à franceinfo que son frère lui a envoyé le lien vers les "
            "résultats via les réseaux sociaux.",
            False,
        ),
        (
            "fr",
            "Une trentaine de manifestants, qui protestaient contre la fermeture de l'usine, "
            "ont bloqué la route.",
            False,
        ),
        (
            "en",
            "A man who was arrested on Sunday has been charged with the murder of his neighbour.",
            False,
        ),
    ],
)
def test_a_nominal_sentence_is_no_statement(lang: str, text: str, fragment: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import nominal_fragment, stands_alone

    span = sentences_of(pipeline(lang)(text))[0]
    assert nominal_fragment(span, resources.language(lang)) is fragment
    if fragment:
        assert not stands_alone(ParsedSentence(0, 0, span, lang), resources.language(lang))


def test_a_nominal_comment_is_no_bullet(every_sentence: Pipeline) -> None:
    body = (
        "Le conseil municipal de Vannes a voté lundi soir la fermeture de la piscine Kercado "
        "pour deux ans de travaux. Une décision qui ne fait pas l'unanimité parmi les élus de "
        "la majorité municipale. Les clubs de natation seront accueillis à la piscine de "
        "Theix pendant le chantier."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert texts and not any(t.startswith("Une décision") for t in texts), texts


def test_more_openers_that_point_back(every_sentence: Pipeline) -> None:
    body = (
        "Le tribunal de commerce de Nantes a placé mardi la société Armor Vélos en "
        'redressement judiciaire. "C\'est un coup dur pour toute la filière régionale", a '
        "réagi le président de la chambre de commerce, Yves Le Goff. Cet accord évite pour "
        "l'instant la suppression des 140 emplois du site de Carquefou. D'autant que les "
        "commandes ont progressé de 12 % depuis le début de l'année selon la direction. "
        "Puis sont venues les premières offres de reprise, déposées par deux groupes "
        "allemands. Le même jour, la région Pays de la Loire a promis une aide de deux "
        "millions d'euros à l'entreprise."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any(t.startswith(("\"C'est", "Cet accord", "D'autant", "Puis")) for t in texts)
    # The time known only from the sentence before goes; the statement stays.
    assert (
        "La région Pays de la Loire a promis une aide de deux millions d'euros à l'entreprise."
        in texts
    ), texts


@pytest.mark.parametrize(
    ("lang", "text", "introduced", "unnamed"),
    [
        ("fr", "La chanteuse avait été hospitalisée en urgence la semaine dernière.", "", True),
        # An earlier bullet of the box said who: « La chanteuse Léa Morel a annulé ... ».
        (
            "fr",
            "La chanteuse avait été hospitalisée en urgence la semaine dernière.",
            "chanteuse",
            False,
        ),
        ("fr", "La chanteuse Léa Morel avait été hospitalisée la semaine dernière.", "", False),
        # Descriptions of a person that are no speaker's noun (``described_persons``).
        ("fr", "Le suspect avait pris la fuite à pied vers la gare routière.", "", True),
        ("fr", "L'humoriste a annoncé mardi l'annulation de sa tournée d'automne.", "", True),
        ("fr", "L'enfant était tombé du deuxième étage vers 18 heures.", "", True),
        # A person is named by a person's name, not by an association's or a place's (the
        # thirteenth judged round: « Le comédien explique ... avec l'association ... »).
        (
            "fr",
            "Le comédien a rencontré des éleveurs avec l'association Terres Bretonnes.",
            "",
            True,
        ),
        ("fr", "Le suspect a été interpellé mardi soir à Lorient par la police.", "", True),
        ("fr", "Le comédien Yann Kerloc'h a rencontré des éleveurs à Lorient.", "", False),
        # A thing is named by any name (« Le festival » at Carhaix is told where).
        ("fr", "Le procès s'ouvrira le 4 mars devant la cour d'assises.", "", True),
        ("fr", "La catastrophe avait fait 66 morts et une centaine de blessés.", "", True),
        # « L'hypothèse », « Le geste »: which one? (eighteenth session)
        ("fr", "L'hypothèse pourrait expliquer la panne soudaine du ferry.", "", True),
        ("fr", "Le geste n'a pas fait l'unanimité parmi les élus du conseil.", "", True),
        ("fr", "Le témoin a été entendu mardi par les enquêteurs de la police.", "", True),
        # « L'avis », « La question »: which? (round 38); with its complement it is told.
        ("fr", "L'avis sera aussi obligatoire en cas de départ vers le privé.", "", True),
        ("fr", "La question se pose à la lecture d'un rapport de la chambre.", "", True),
        ("fr", "La question des retraites se pose à nouveau devant les sénateurs.", "", False),
        ("fr", "Le procès s'ouvrira le 4 mars devant la cour d'assises de Rennes.", "", False),
        # A group the reader knows without a name.
        ("fr", "Les pompiers ont maîtrisé le feu vers 23 heures après trois heures.", "", False),
        # A thing or an event the reader was not told of; one the box said before.
        ("fr", "La mesure entrera en vigueur le 1er mars dans tous les lycées.", "", True),
        ("fr", "L'accident a fait deux blessés légers mardi soir sur la rocade.", "", True),
        (
            "fr",
            "L'accident a fait deux blessés légers mardi soir sur la rocade.",
            "accident",
            False,
        ),
        (
            "fr",
            "Le gouvernement prévoit 300 postes de plus dans les hôpitaux d'ici 2026.",
            "",
            False,
        ),
        # English (``[standalone]`` of resources/en/language.toml).
        ("en", "The singer was taken to hospital in an ambulance last week.", "", True),
        ("en", "The singer was taken to hospital in an ambulance last week.", "singer", False),
        # Named when the text says who (tests/test_standalone_en.py), never refused: the
        # CNN/DM ROUGE guard (resources/en/language.toml).
        ("en", "The 38-year-old was arrested at a house nearby on Friday night.", "", False),
        ("en", "The government plans to cut fuel duty by 5p a litre from April.", "", False),
        ("en", "The crash happened shortly after 9pm on a busy stretch of road.", "", True),
        ("en", "The crash happened shortly after 9pm on a busy stretch of road.", "crash", False),
    ],
)
def test_a_bare_description_that_names_nobody(
    lang: str, text: str, introduced: str, unnamed: bool
) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.standalone import unnamed_description

    span = sentences_of(pipeline(lang)(text))[0]
    sentence = ParsedSentence(0, 0, span, lang)
    words = frozenset(introduced.split())
    assert unnamed_description(sentence, [(0, len(text))], lang, words, things=True) is unnamed


def test_a_description_nobody_was_introduced_to_is_no_bullet(every_sentence: Pipeline) -> None:
    body = (
        "Le festival des Vieilles Charrues a annoncé lundi l'annulation du concert de "
        "samedi soir à Carhaix. La chanteuse avait été hospitalisée en urgence la semaine "
        "dernière. Les billets seront remboursés à partir du 15 juillet par les "
        "organisateurs."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert texts and not any(t.startswith("La chanteuse") for t in texts), texts


@pytest.mark.parametrize(
    "text",
    [
        # An intertitle run into the next sentence in plain text.
        "- Les écoles restent ouvertes En revanche, les cantines fermeront dès lundi à Rennes.",
        # A video credit glued into the text.
        "Tramway : le chantier prend du retard - 12/03par TVRennesLa ligne B ouvrira en 2027.",
    ],
)
def test_a_glued_intertitle_or_caption_is_no_candidate(text: str) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = pipeline("fr")(text)[:]
    assert not stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr"))
    # The same sentence without the glued part is a candidate.
    clean = "Les cantines fermeront dès lundi à Rennes, a annoncé la mairie mardi soir."
    span = sentences_of(pipeline("fr")(clean))[0]
    assert stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr"))


@pytest.mark.parametrize(
    "text",
    [
        # An institution or a group the reader knows without a name.
        "La justice a ordonné mardi la fermeture du chantier pour trois mois.",
        "Le collectif réclame depuis juin la réouverture de la ligne de bus.",
    ],
)
def test_a_description_of_no_person_is_not_refused(text: str) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.standalone import unnamed_description

    span = sentences_of(pipeline("fr")(text))[0]
    sentence = ParsedSentence(0, 0, span, "fr")
    assert not unnamed_description(sentence, [(0, len(text))], "fr", frozenset(), things=True)


def test_a_thing_is_judged_only_when_asked() -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.standalone import unnamed_description

    text = "La mesure entrera en vigueur le 1er mars dans tous les lycées."
    sentence = ParsedSentence(0, 0, sentences_of(pipeline("fr")(text))[0], "fr")
    assert not unnamed_description(sentence, [(0, len(text))], "fr", frozenset())
    assert unnamed_description(sentence, [(0, len(text))], "fr", frozenset(), things=True)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        # An infinitive at the head: what someone is blamed for, said after a colon before.
        (
            "Avoir envoyé un courriel au préfet pour dénoncer la fermeture de la maternité, "
            "ce que le maire conteste.",
            True,
        ),
        ("Avant d'être interrompu par la présidente de séance.", True),
        # A count and a purpose, no verb that states anything.
        (
            "Douze jours pour trouver un repreneur à l'usine de Lannion, qui emploie 300 salariés.",
            True,
        ),
        # A noun with an infinitive: whose duty it is, no statement.
        ('Charge aux enquêteurs "de retrouver le conducteur qui a pris la fuite".', True),
        # Statements, one whose main verb the parse hangs on its subject.
        (
            "Au moins six personnes, dont deux enfants, ont été légèrement blessées dans "
            "l'accident à Lorient, dans la nuit de samedi.",
            False,
        ),
        ("Le maire a promis de trouver un repreneur avant la fin de l'année.", False),
        (
            "Les soldes d'hiver, qui doivent s'achever le 4 février, ne permettront pas aux "
            "commerçants de rattraper leur retard.",
            False,
        ),
    ],
)
def test_a_sentence_without_a_verb_that_states_is_no_candidate(text: str, fragment: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone, verbless_fragment

    span = sentences_of(pipeline("fr")(text))[0]
    assert span.text == text
    assert verbless_fragment(span) is fragment
    sentence = ParsedSentence(0, 0, span, "fr")
    assert stands_alone(sentence, resources.language("fr")) is not fragment


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # Who « eux » are, or what was learnt before, is in another sentence.
        ("Parmi eux, 3.500 sont inscrits sur les listes électorales de la commune.", False),
        ("On apprend également que le maire avait reçu des menaces depuis plusieurs mois.", False),
        # A subject that says it was named before.
        ("Les touristes en question ont été reconduits à la frontière par la police.", False),
        # An opening participle that agrees with no subject after it: it describes something
        # of the sentence before.
        (
            "Composé d'une dizaine de bénévoles, les derniers préparatifs du festival ont été "
            "réglés mardi.",
            False,
        ),
        # The same openings that agree with their subject stand alone.
        ("Blessée à la jambe, la joueuse rennaise manquera le match de samedi contre Lyon.", True),
        (
            "Arrivés sur place vers 22 heures, les pompiers ont maîtrisé l'incendie en une heure.",
            True,
        ),
        ("Construit en 1975, l'immeuble doit être démoli au printemps prochain.", True),
        ("Parmi les 300 licenciés du club, une centaine ont moins de douze ans.", True),
        # The finite verb first, its subject after it: it goes on from the sentence before.
        ("Sont visées les incitations à la haine, la violence et les injures racistes.", False),
        (
            "Suivaient les ministres de la Santé et de l'Intérieur, arrivés en fin de matinée.",
            False,
        ),
        ("Le conseil municipal a voté le projet de la nouvelle piscine lundi soir.", True),
        # « A » is the preposition « À » written without its accent, which the parser reads
        # as the verb « a »: the sentence does not open on its verb.
        (
            "A moins de trois jours du scrutin, la préfecture a annoncé que la moitié des "
            "bureaux de vote resteraient fermés.",
            True,
        ),
        ("Voilà ce que propose la compagnie à ses agents pour réduire les retards.", False),
        # « Ici, » is the place another sentence named (judged round 40); « Ici » before a
        # noun, with no comma, is not.
        (
            "Ici, selon le quotidien régional, la compagnie a décidé de rénover la petite gare.",
            False,
        ),
        # A statement with no verb of its own before its attribution says nothing to take.
        (
            "Des travaux longs et coûteux, et qui doivent durer jusqu'en 2027, note la mairie.",
            False,
        ),
        # The main clause's own verb after a comma is no attribution: its subject comes first.
        ("Le maire de la commune, Jean Dupont, a annoncé mardi sa démission.", True),
        ("Une enquête a été ouverte pour homicide, indique le parquet de Brest.", True),
    ],
)
def test_a_sentence_that_points_back_is_no_candidate(text: str, alone: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline("fr")(text))[0]
    assert span.text == text
    assert stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr")) is alone


@pytest.mark.parametrize(
    ("text", "bullet"),
    [
        (
            "La maire de Brest a également rappelé que la piscine fermera en mars.",
            "La maire de Brest a rappelé que la piscine fermera en mars.",
        ),
        (
            "Le préfet du Finistère, en revanche, a maintenu son arrêté jusqu'à lundi.",
            "Le préfet du Finistère a maintenu son arrêté jusqu'à lundi.",
        ),
        (
            "Le club a par ailleurs annoncé le départ de son entraîneur en juin.",
            "Le club a annoncé le départ de son entraîneur en juin.",
        ),
        (
            "La préfecture estime toutefois que ce chiffre n'a aucun fondement.",
            "La préfecture estime que ce chiffre n'a aucun fondement.",
        ),
        (
            "Un faux communiqué a en effet annoncé la fermeture du musée pour l'été.",
            "Un faux communiqué a annoncé la fermeture du musée pour l'été.",
        ),
        (
            "Le conseil a donc voté la fermeture de la piscine pour dix-huit mois.",
            "Le conseil a voté la fermeture de la piscine pour dix-huit mois.",
        ),
        (
            "La gardienne a en effet été contrainte de quitter son logement de fonction.",
            "La gardienne a été contrainte de quitter son logement de fonction.",
        ),
        # Kept: a comparison, the second half of a pair, someone's words.
        (
            "La nouvelle salle est aussi grande que celle de Rennes.",
            "La nouvelle salle est aussi grande que celle de Rennes.",
        ),
        # A degree on a participle the parse calls a verb: without it the claim changes.
        (
            "Même les plongeurs des grandes expéditions Cousteau n'ont jamais remonté de "
            "corail aussi imposant.",
            "Même les plongeurs des grandes expéditions Cousteau n'ont jamais remonté de "
            "corail aussi imposant.",
        ),
        (
            "Le maire a non seulement refusé mais aussi porté plainte contre le club.",
            "Le maire a non seulement refusé mais aussi porté plainte contre le club.",
        ),
        (
            "Une collègue du défunt est elle aussi hospitalisée dans un état grave à Brest.",
            "Une collègue du défunt est elle aussi hospitalisée dans un état grave à Brest.",
        ),
        (
            '"Nous avons aussi porté plainte contre le club", a déclaré le maire.',
            '"Nous avons aussi porté plainte contre le club", a déclaré le maire.',
        ),
        (
            '"Nous avons donc porté plainte contre le club", a déclaré le maire.',
            '"Nous avons donc porté plainte contre le club", a déclaré le maire.',
        ),
    ],
)
def test_an_adverb_that_adds_to_the_sentence_before_is_dropped(text: str, bullet: str) -> None:
    from essentiel.analyze import pipeline, sentences_of
    from essentiel.keypoints.compress import Compressor

    span = sentences_of(pipeline("fr")(text))[0]
    compressed = Compressor(resources.language("fr")).compress(span, 0, 40, 40)
    assert "".join(text[a:b] for a, b in compressed.fragments) == bullet
    assert ("additive_adverb" in compressed.removed) is (bullet != text)


def test_a_bullet_without_its_adverb_passes_the_verifier(every_sentence: Pipeline) -> None:
    body = (
        "Le conseil municipal de Brest a voté lundi soir la fermeture de la piscine de "
        "Kerhallet pour dix-huit mois de travaux. La maire de Brest a également rappelé que "
        "les clubs seront accueillis à Guipavas pendant le chantier."
    )
    points = bullets(every_sentence, body)
    said = [p for p in points if p.text.startswith("La maire de Brest")]
    assert said and said[0].text == (
        "La maire de Brest a rappelé que les clubs seront accueillis à Guipavas pendant le "
        "chantier."
    )
    assert said[0].verdict.passed and "additive_adverb" in said[0].removed


GAS_LEAK = (
    "Après une fuite de gaz détectée dans la chaufferie du lycée Chateaubriand, près de 300 "
    "élèves et leurs professeurs ont été évacués mardi matin dans le calme par les pompiers de "
    "Rennes. Les cours reprendront jeudi, selon le rectorat de l'académie. Une cellule d'écoute "
    "a été ouverte pour les familles des élèves les plus jeunes. Le proviseur a salué le "
    "sang-froid des équipes de l'établissement. Une enquête a été confiée à la police pour "
    "établir l'origine de la fuite. Le lycée avait déjà connu une alerte similaire en 2019."
)
GAS_TITLE = "Rennes : une fuite de gaz provoque l'évacuation de 300 élèves"


def _first_bullet(**settings: Any) -> str:
    # The headline's statement first (``article_order`` off): the first bullet is it.
    settings = {"article_order": False, **settings}
    pipeline = Pipeline(Settings(keypoints=KeyPointSettings(**settings)))
    return str(bullets(pipeline, GAS_LEAK, GAS_TITLE)[0].text)


def test_a_lead_a_few_words_over_the_limit_still_states_the_headline() -> None:
    # The lead is 32 words and no cut may take its clauses: under a limit of 30 it is no
    # bullet, and the box opened on a side detail (the listening unit).
    first = _first_bullet(headline_extra_words=5, target_words=25, max_words=30)
    assert first.startswith("Après une fuite de gaz"), first
    assert "300 élèves" in first


def test_when_the_headline_statement_fails_the_next_one_is_tried() -> None:
    # The lead cannot be a bullet here (over 30 words, no words over allowed): the next
    # sentence that tells of the headline's event (the leak) comes first, not the best-scored
    # side detail.
    # The encoder's model: its title cosine ranks the leak's sentence among the headline's
    # statements (the default's matches words alone, and picks the listening unit first).
    first = _first_bullet(
        headline_extra_words=0,
        headline_whole_words=0,
        headline_tries=3,
        target_words=25,
        max_words=30,
        selector_model="embedding",
    )
    assert "l'origine de la fuite" in first, first


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("Ensemble, ils signent une tribune pour la réouverture de la maternité.", False),
        (
            'Ensemble, ils signent cet "appel pour la réouverture de la maternité de Carhaix".',
            False,
        ),
        (
            'Réunis, ils lancent un "appel pour le retour des médecins dans le centre Bretagne".',
            False,
        ),
        (
            'Disant vouloir "rassembler la gauche", elle a souligné son attachement au Finistère.',
            False,
        ),
        ("D'après les pompiers, il a fallu trois heures pour maîtriser le feu à Quimper.", True),
        ("Ensemble, les deux maires signent une tribune pour la maternité de Carhaix.", True),
    ],
)
def test_an_opening_phrase_then_a_pronoun_is_no_candidate(text: str, alone: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline("fr")(text))[0]
    assert stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr")) is alone


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Le bureau qu'occupait Paul Lemaire à l'époque de ces fameuses réunions du soir.", True),
        ("La police de Lorient enquête sur la disparition d'un marin qui a quitté le port.", False),
        ("Le maire de Lorient, qui a quitté le port mardi, reviendra jeudi à la mairie.", False),
    ],
)
def test_a_noun_and_its_relative_clause_is_no_statement(text: str, fragment: bool) -> None:
    from essentiel.analyze import pipeline, sentences_of
    from essentiel.keypoints.select import verbless_fragment

    assert verbless_fragment(sentences_of(pipeline("fr")(text))[0]) is fragment


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        (
            "Il y a désormais 4.200 cas de grippe recensés en Bretagne, selon l'agence régionale "
            "de santé.",
            True,
        ),
        ("Il y aura une nouvelle réunion lundi à la préfecture de Rennes.", True),
        ("Il y a désormais 19.856 cas de grippe recensés par le ministère de la Santé.", True),
        ("Il y a déjà participé en 2015 avec son frère et deux amis d'enfance.", False),
        ("Il y travaille depuis douze ans comme infirmier au centre hospitalier.", False),
        ("Il y a participé dès 2015 avec son frère et deux amis d'enfance.", False),
        # Negated: « n' » between the pronoun and « y » (issue 33, tenth session).
        (
            "Il n'y a pas de nouveau cas de grippe dans le Morbihan, a indiqué mardi la préfecture.",
            True,
        ),
        (
            "Il n'y avait plus que 12 % de grévistes à la RATP jeudi matin, selon la direction.",
            True,
        ),
        ("Il n'y a jamais travaillé avant son arrivée à la mairie de Vannes en 2012.", False),
    ],
)
def test_an_impersonal_il_y_a_opens_a_candidate(text: str, alone: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline("fr")(text))[0]
    assert stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr")) is alone


def test_a_fragment_headed_by_an_adverb_is_no_statement() -> None:
    # The eleventh judged round's « Parmi les mesures annoncées très tôt pendant la campagne,
    # celle de créer … »: no finite verb; the parse made the adverb « tôt » its head.
    from essentiel.keypoints.select import _no_statement
    from tests.test_compress import _parsed as _hand_parsed

    fragment = [
        ("Parmi", "ADP", "case", 2, ""),
        ("les", "DET", "det", 2, ""),
        ("projets", "NOUN", "obl:mod", 5, "Number=Plur"),
        ("présentés", "VERB", "acl", 2, "VerbForm=Part"),
        ("très", "ADV", "advmod", 5, ""),
        ("tôt", "ADV", "ROOT", 5, ""),
        (",", "PUNCT", "punct", 7, ""),
        ("celui", "PRON", "conj", 5, "PronType=Dem"),
        ("de", "ADP", "mark", 9, ""),
        ("rénover", "VERB", "acl", 7, "VerbForm=Inf"),
        ("la", "DET", "det", 11, ""),
        ("piscine", "NOUN", "obj", 9, "Number=Sing"),
        (".", "PUNCT", "punct", 5, ""),
    ]
    assert _no_statement(_hand_parsed(fragment))
    statement = [
        ("Le", "DET", "det", 1, ""),
        ("projet", "NOUN", "nsubj", 2, "Number=Sing"),
        ("arrive", "VERB", "ROOT", 2, "Mood=Ind|VerbForm=Fin"),
        ("très", "ADV", "advmod", 4, ""),
        ("tôt", "ADV", "advmod", 2, ""),
        (".", "PUNCT", "punct", 2, ""),
    ]
    assert not _no_statement(_hand_parsed(statement))


def _stands_alone(text: str) -> bool:
    from essentiel.analyze import ParsedSentence, pipeline
    from essentiel.keypoints.select import stands_alone

    sentence = ParsedSentence(block=0, offset=0, span=pipeline("fr")(text)[:], lang="fr")
    return stands_alone(sentence, resources.language("fr"))


def test_for_his_part_before_a_named_subject_is_a_link_the_bullet_drops() -> None:
    # The fourteenth judged round's empty box: « De son côté, » is the subject's own side.
    assert _stands_alone(
        "De son côté, la préfète du Morbihan n'a pas encore répondu à la lettre des élus."
    )
    compressed = _box(
        "Les maires de cinq communes du littoral ont écrit lundi à la préfète du Morbihan pour "
        "demander la réouverture des plages. De son côté, la préfète du Morbihan n'a pas "
        "encore répondu à la lettre des élus."
    )
    assert any(b.startswith("La préfète du Morbihan n'a pas encore répondu") for b in compressed)
    # With a pronoun after it, who « il » is was said before.
    assert not _stands_alone("De son côté, il n'a pas encore répondu à la lettre des élus.")


def test_a_subject_concerned_by_nothing_it_says_points_back() -> None:
    # The fourteenth judged round: « Les cinq communes concernées » after a bullet on another
    # département read as if they were there.
    assert not _stands_alone(
        "Les cinq communes concernées sont Carnac, Plouharnel, Quiberon, Erdeven et Etel."
    )
    assert _stands_alone(
        "Les communes concernées par l'arrêté sont Carnac, Plouharnel, Quiberon et Etel."
    )


def _box(text: str) -> list[str]:
    settings = KeyPointSettings(min_keypoints=1)
    digest = Pipeline(Settings(keypoints=settings)).digest(text, lang="fr")
    return [p.text for p in digest.keypoints]


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # The time the article is told in, not something a sentence before said.
        ("Ce soir, à 20h30, Claire Morvan sera l'invitée du journal de France 3 Bretagne.", True),
        (
            "Ce mardi 3 mars, la mairie de Quimper a annoncé la fermeture de la piscine municipale.",
            True,
        ),
        (
            "Cette semaine, plus de 2.000 élèves ont repris les cours dans les écoles de Brest.",
            True,
        ),
        # The time is the subject: what it is, a sentence before said it.
        (
            "Cette semaine, organisée par la région, réunit les artisans de tout le Finistère.",
            False,
        ),
        ("Ce jeudi 5 mars a été classé rouge dans le sens des départs par les autorités.", False),
        # In a quote, the time is the speaker's.
        ('"Ce soir, nous fermons le site de Lorient pour de bon", a déclaré Paul Kerjean.', False),
        # Any other demonstrative still points back.
        (
            "Ce projet a été présenté mardi par la mairie de Quimper aux habitants du quartier.",
            False,
        ),
    ],
)
def test_a_demonstrative_of_the_telling_time_opens_a_candidate(text: str, alone: bool) -> None:
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline("fr")(text))[0]
    assert stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr")) is alone


def test_openers_the_thirty_first_rounds_named_go(every_sentence: Pipeline) -> None:
    # Judged rounds 31 and 32: « Déjà, », « Trois mois plus tard, », « Pour l'occasion, »
    # dangled; « Tel est l'avis de ... » and « Toutes ne sont pas ... » point back whole.
    body = (
        "Le chantier naval de Lorient a obtenu mardi une commande de six navires de pêche. "
        "Déjà, le maire de Lorient se félicitait de l'arrivée de nouveaux apprentis. "
        "Trois mois plus tard, le chantier naval a embauché quarante soudeurs de la région. "
        "Pour l'occasion, la ministre de la Mer a visité les ateliers du port de Keroman. "
        "Tel est l'avis du président de la chambre de commerce, qui salue un succès régional. "
        "Toutes ne seront pas livrées avant la fin de l'année prochaine selon la direction."
    )
    texts = [p.text for p in bullets(every_sentence, body)]
    assert not any(
        t.startswith(("Déjà", "Trois mois", "Pour l'occasion", "Tel est", "Toutes")) for t in texts
    ), texts
    assert "Le chantier naval a embauché quarante soudeurs de la région." in texts, texts
    assert any(t.startswith("Le maire de Lorient se félicitait") for t in texts), texts
    assert any(t.startswith("La ministre de la Mer a visité") for t in texts), texts


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        # The rest of the sentence before, split off (validation pages 1101-1300): its
        # « Et » dropped, « Qui, lorsqu'il ... » would open the bullet.
        (
            "Et qui, lorsque le maire a osé le leur rappeler, ont envoyé des courriers "
            "très agressifs à la mairie de Brest.",
            False,
        ),
        ("Dont trois ont été hospitalisés au centre hospitalier de Quimper dans la nuit.", False),
        # A quoted question opening on « Qui » is the speaker's (validation pages 1-245).
        (
            '"Qui imagine le maire de Brest fouillé ainsi ?", a déploré l\'auteur du message.',
            True,
        ),
        # « Qui plus est, » is a connective: the statement after it stands.
        ("Qui plus est, la mairie de Brest a doublé le budget des fêtes du port.", True),
    ],
)
def test_a_sentence_opening_on_a_relative_pronoun_is_no_statement(text: str, alone: bool) -> None:
    assert _stands_alone(text) is alone


def test_an_unaccented_preposition_before_a_demonstrative_is_left_to_the_verb_rule() -> None:
    # « A cette occasion » points back; when the parser misreads « A » as a verb it hides
    # the phrase from the pointing checks, and the verb-first refusal keeps it out.
    from essentiel.analyze import pipeline
    from essentiel.keypoints.select import _unaccented_preposition

    def words(text: str) -> list:  # type: ignore[type-arg]
        return [t for t in pipeline("fr")(text) if not t.is_punct]

    assert _unaccented_preposition(words("A moins de trois jours du scrutin, tout change."), "fr")
    assert not _unaccented_preposition(words("A cette occasion, le club a gagné."), "fr")
    assert not _unaccented_preposition(words("Au total, le club a gagné dix matchs."), "fr")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Question: Le ministre de l'Agriculture a affirmé que la sécheresse expliquait la "
            "hausse du nombre d'incendies dans la région.",
        ),
        (
            "fr",
            "Réponse : La déforestation a progressé de 30 % en dix ans dans toute la région.",
        ),
        ("en", "Q: The minister said the fires were caused by the dry weather and the wind."),
    ],
)
def test_an_interview_label_opens_no_bullet(lang: str, text: str) -> None:
    # An interview's question or answer, no one named who says it (train row, session 28).
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    span = sentences_of(pipeline(lang)(text))[0]
    assert not stands_alone(ParsedSentence(0, 0, span, lang), resources.language(lang))
    unlabelled = text.split(":", 1)[1].strip()
    span = sentences_of(pipeline(lang)(unlabelled))[0]
    assert stands_alone(ParsedSentence(0, 0, span, lang), resources.language(lang))


def test_a_label_and_a_quote_with_no_speaker_is_no_bullet() -> None:
    # An intertitle glued between two paragraphs (train row, session 28).
    from essentiel.analyze import ParsedSentence, pipeline, sentences_of
    from essentiel.keypoints.select import stands_alone

    lang = resources.language("fr")
    text = 'Tournée des années 80 : "C\'est une retraite dorée pour des chanteurs oubliés !"'
    span = sentences_of(pipeline("fr")(text))[0]
    assert not stands_alone(ParsedSentence(0, 0, span, "fr"), lang)
    said = 'Richard Dupuis a résumé sa tournée : "C\'est une retraite dorée pour nous tous."'
    span = sentences_of(pipeline("fr")(said))[0]
    assert stands_alone(ParsedSentence(0, 0, span, "fr"), lang)
