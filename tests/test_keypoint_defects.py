"""The reader's measure (bench/keypoint_defects.py): each defect kind on sentences we wrote."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from essentiel import resources
from essentiel.analyze import ParsedSentence, pipeline
from essentiel.model import Figure, Span

from .conftest import keypoint_defects_script


def _script() -> ModuleType:
    return keypoint_defects_script()


def _parsed(text: str, lang: str = "fr") -> ParsedSentence:
    doc = pipeline(lang)(text)
    return ParsedSentence(block=0, offset=0, span=doc[:], lang=lang)


def _context(text: str, lang: str = "fr", introduced: frozenset[str] = frozenset()) -> Any:
    script = _script()
    sentence = _parsed(text, lang)
    return script.context_defect(
        text,
        sentence,
        [(0, len(text))],
        resources.language(lang),
        script.Words.of(lang),
        introduced,
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Car la mairie de Quimper a refusé de rouvrir la piscine municipale.", "context_link"),
        ("Mais il y a également des voix discordantes au sein du conseil.", "context_link"),
        ("De surcroît, la mairie de Brest a doublé le budget des fêtes.", "context_link"),
        ("Par exemple, la mairie de Brest a doublé le budget des fêtes.", "context_link"),
        ("Concrètement, la mairie de Brest a doublé le budget des fêtes.", "context_link"),
        ("Entretemps, la préfecture du Finistère a levé l'alerte orange.", "context_temporal"),
        ("En attendant, la préfecture du Finistère maintient l'alerte orange.", "context_temporal"),
        (
            "En attendant le rapport des experts, la préfecture maintient l'alerte à Brest.",
            None,
        ),
        ("À l'époque, la commune de Morlaix comptait trois boulangeries.", "context_temporal"),
        ("Ces derniers ont quitté la salle avant la fin du conseil municipal.", "context_pronoun"),
        ("C'est le deuxième incendie de l'été dans la commune de Carhaix.", "context_pronoun"),
        ("Plusieurs avancent la thèse d'une fraude lors du scrutin de Vannes.", "context_pronoun"),
        ("Notamment le journaliste Paul Durand, vu dans une émission du soir.", "context_link"),
        ("Plusieurs maisons ont été inondées dans la commune de Carhaix.", None),
        ("Âgé de 70 ans, il a quitté la présidence du club de Lorient.", "context_pronoun"),
        ("L'humoriste a annoncé son retour sur scène à la rentrée.", "context_description"),
        ("L'humoriste Paul Kervella a annoncé son retour sur scène.", None),
        # A person is named by a person's name, not a place's or an association's.
        ("L'humoriste a annoncé son retour sur scène au Zénith de Brest.", "context_description"),
        (
            "Le comédien a rencontré des éleveurs avec l'association Terres Bretonnes.",
            "context_description",
        ),
        ("La salle de Brest a annoncé la fermeture du bar pour travaux.", None),
        ("Il y a trois ans, la commune de Plouzané a fermé son école.", None),
        # Impersonal in another tense: nobody to point back to; a personal « il » still does.
        ("Il n'y avait plus que 12 % de grévistes au dépôt de Rennes lundi.", None),
        ("Il faudra deux ans de travaux pour rouvrir le pont de Saint-Nazaire.", None),
        ("Il ne resterait plus que deux candidats en lice pour la mairie de Vannes.", None),
        ("Il avait quitté la mairie de Brest avant la fin de son mandat.", "context_pronoun"),
        ("Depuis mardi soir, des pluies diluviennes s'abattent sur Quimperlé.", None),
        ("Depuis lors, la commune de Quimperlé n'a plus connu de crue.", "context_temporal"),
        ("Officiellement, il ne s'agit pas d'une grève à la mairie de Brest.", None),
        ("Si les travaux de Brest prennent du retard, ils coûteront plus cher.", None),
        ("Cette semaine, la mairie de Brest a voté un budget de crise.", None),
        ("D'après les pompiers, il a fallu trois heures pour éteindre le feu.", None),
        ("Selon la préfecture, il a fallu trois heures pour éteindre le feu.", None),
        ("Âgé de 70 ans, il a quitté la mairie de Brest mardi soir.", "context_pronoun"),
        ("La maire de Brest, Anne Le Goff, a voté contre le budget.", None),
        # Known without a name; « La mesure » is not.
        ("Le gouvernement prévoit 300 postes de plus dans les hôpitaux d'ici 2026.", None),
        ("La justice a ordonné la fermeture du chantier pour trois mois.", None),
        ("La mesure entrera en vigueur le 1er mars dans tous les lycées.", "context_description"),
        # A temporal opener with the time it counts from points back to nothing.
        ("Peu après 22 heures, les pompiers de Brest ont été appelés sur le port.", None),
        (
            "Peu après, les pompiers de Brest ont été appelés sur le port de commerce.",
            "context_temporal",
        ),
    ],
)
def test_openers_that_need_context_are_told_apart(text: str, kind: str | None) -> None:
    assert _context(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # Openers the judges of rounds 31 and 32 named (on sentences we wrote).
        ("Déjà, le maire de Brest se félicitait du succès de la fête.", "context_temporal"),
        ("Déjà condamné en 2015, le patron du chantier de Lorient a fait appel.", None),
        ("Trois mois plus tard, le marin de Concarneau a repris la mer.", "context_temporal"),
        ("Deux jours plus tôt, le jeudi 13 mai, le port avait fermé.", "context_temporal"),
        ("Trois mois plus tard que prévu, le port de Brest a rouvert.", None),
        ("Fort heureusement, selon les pompiers, personne n'a été blessé.", "context_link"),
        # Judged round 34.
        ("Surtout, le maire de Brest a promis 50 logements sociaux en 2021.", "context_link"),
        ("Surtout connu pour ses romans, l'auteur de Brest publie un essai.", None),
        ("Pour l'occasion, la mairie de Quimper a pavoisé la place.", "context_temporal"),
        ("Tel est l'avis du recteur de Rennes, qui a visité le lycée.", "context_pronoun"),
        ("Toutes ne sont pas comestibles, selon la mairie de Brest.", "context_pronoun"),
        ("Tous les élus de Brest ont voté le budget de la piscine.", None),
        ("Plusieurs des élus de Brest ont voté contre le budget de la piscine.", None),
    ],
)
def test_openers_the_thirty_first_rounds_named(text: str, kind: str | None) -> None:
    assert _context(text) == kind


def test_a_description_the_box_introduced_earlier_stands() -> None:
    text = "L'humoriste a annoncé son retour sur scène à la rentrée."
    assert _context(text, introduced=frozenset({"humoriste"})) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("But the council refused to reopen the swimming pool on Monday.", "context_link"),
        ("Of course, there are risks for anyone who swims there.", "context_link"),
        ("These were the first arrests since the riots in Leeds.", "context_pronoun"),
        ("Some say the council should have closed the pool in Leeds.", "context_pronoun"),
        ("Some residents say the council should have closed the pool.", None),
        ("The actress announced her return to the stage next spring.", "context_description"),
        ("It was not immediately clear why the bridge in Bristol collapsed.", None),
        ("The mayor of Bristol, Tom Hale, announced his resignation.", None),
    ],
)
def test_english_openers(text: str, kind: str | None) -> None:
    assert _context(text, "en") == kind


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        ("Une publication qui a fait réagir de nombreux internautes bretons.", True),
        ("Une enquête menée par le quotidien régional sur les marées vertes.", True),
        ("Une publication du maire a fait réagir de nombreux internautes.", False),
        # The parse hangs the main verb on the subject's noun: a statement all the same.
        (
            "Au moins six personnes, dont deux enfants, ont été légèrement blessées à Lorient.",
            False,
        ),
        ("Le bureau qu'occupait Paul Lemaire à l'époque de ces fameuses réunions.", True),
        # A relative clause set off by commas, then the main verb.
        ("Les travaux, qui doivent durer trois mois, ne permettront pas d'ouvrir en mai.", False),
        ("La police de Lorient enquête sur un incendie dans le port de pêche.", False),
        # The main verb hangs, in the parse, under a participle the subject's noun governs.
        (
            'Selon les premiers éléments, un "défaut" lié à un radiateur serait à '
            "l'origine de l'incendie.",
            False,
        ),
        # The main verb read as the conjunct of the relative clause's.
        (
            "Plus de 2.000 salariés dans lesquels le syndicat a été élu au complet sont "
            "concernés, sur un total de 3.000.",
            False,
        ),
        # The main verb read as an adjective.
        ("Le ministère insiste sur le fait que la mesure ne concernera que les lycées.", False),
        # The relative clause's auxiliary and the main verb's both hung on the main verb
        # (train rows 16000-16299, twenty-fourth session).
        (
            "Le marin qui était dans la cabine est tombé à l'eau, entraînant l'arrêt du navire.",
            False,
        ),
        ("Le marin qui était tombé à l'eau près du port de Lorient.", True),
    ],
)
def test_a_bullet_with_no_finite_verb_in_its_main_clause(text: str, missing: bool) -> None:
    sentence = _parsed(text)
    assert _script().no_main_verb(list(sentence.span)) is missing


def test_quote_cut_and_unclosed_quote() -> None:
    quote_defect = _script().quote_defect
    text = "« On attend 1 million de visiteurs » a d'abord expliqué Yann Le Bras."
    start = text.index("1 million")
    # The bullet starts inside the quotation, which the source closes.
    assert quote_defect(text, (0, len(text)), start, len(text), text[start:]) == "quote_cut"
    # It ends inside one: the quotation closes after the bullet's end.
    end = text.index(" de visiteurs")
    assert quote_defect(text, (0, len(text)), 0, end, text[:end]) == "quote_cut"
    whole = quote_defect(text, (0, len(text)), 0, len(text), text)
    assert whole is None
    # A mark the block never closes is the source's stray one: the next sentence is narration.
    stray = 'Une pétition qui réclame son "départ immédiat. Des habitants ont signé une pétition.'
    start = stray.index("Des habitants")
    assert quote_defect(stray, (0, len(stray)), start, len(stray), stray[start:]) is None
    # Closed later in the block, the same opening mark makes the bullet start inside a quote.
    closed = 'Le maire a dit "nous verrons. Des habitants ont signé une pétition", a-t-il ajouté.'
    start, end = closed.index("Des habitants"), closed.index('", a-t-il')
    assert quote_defect(closed, (0, len(closed)), start, end, closed[start:end]) == "quote_cut"
    unclosed = 'Le maire juge que la réforme "va dans le bon sens.'
    assert quote_defect(unclosed, (0, len(unclosed)), 0, len(unclosed), unclosed) == (
        "unclosed_quote"
    )


@pytest.mark.parametrize(
    ("text", "lang", "glued"),
    [
        ("Le chantier a coûté cher Une maquette grandeur nature a été montée.", "fr", True),
        (
            "Deux blessés selon les autorités Ce n'est pas la première fois que ça arrive.",
            "fr",
            True,
        ),
        ("Le maire de La Rochelle a présenté le budget.", "fr", False),
        ("Le journaliste du quotidien Le Télégramme a été entendu.", "fr", False),
        ("Le préfet a dit « La décision est prise » devant la presse.", "fr", False),
        ("UNE VILLE SOUS LES EAUX La crue a atteint deux mètres.", "fr", True),
        # Capitals inside a quotation are the speaker's (a tweet), not an intertitle.
        ('"TROIS ANS DE PLUS !", a tweeté mardi le premier adjoint de Brest.', "fr", False),
        (
            'Le premier adjoint a tweeté mardi "bravo" PLACE AUX JEUNES La mairie a voté.',
            "fr",
            True,
        ),
        (
            "Le cortège est sorti par une porte dérobéeAu terme de la visite, le maire a parlé.",
            "fr",
            True,
        ),
        (
            "Les parents dénoncent la décision de la mairie de BrestMais la mairie maintient.",
            "fr",
            True,
        ),
        (
            "- 12/03/2026par Télé Brest - ArteCette hausse des prix inquiète les commerçants.",
            "fr",
            True,
        ),
        ("- 25/05par TBFML'application mobile a été retirée des magasins.", "fr", True),
        ("La vidéo publiée sur YouTube et payée par PayPal a été vue sur iPhone.", "fr", False),
        ("Leonardo DiCaprio a dîné chez McDonald avec un député LaREM.", "fr", False),
        # A show's title after its noun with an elided article, a hyphenated outlet in
        # capitals (eighteenth session).
        ("Invitée dans l'émission Dans la lumière, Anne Le Goff parle de Brest.", "fr", False),
        ("Les écoles ouvrent mardi, a déclaré le ministre sur KBZ-ARMOR TV.", "fr", False),
        ("Les écoles ouvrent mardi LES ÉCOLES DE BREST Le ministre a parlé.", "fr", True),
        # A petition's name after its noun (train rows 16000-16299, twenty-fourth session).
        (
            "Le maire a reçu 65 courriers, soutenus par la pétition Pour une plage propre.",
            "fr",
            False,
        ),
        (
            "Le maire a reçu 65 courriers de riverains Pour une plage propre, les élus ont voté.",
            "fr",
            True,
        ),
        ("Bills are 9% higher than inland The cost of the levy is rising.", "en", True),
        ("The report was published by The Guardian on Monday.", "en", False),
        ("NASA released a map of the ice found near the lunar south pole.", "en", False),
        ("The probe was built by NASA and launched from Florida last year.", "en", False),
    ],
)
def test_a_heading_glued_to_its_sentence(text: str, lang: str, glued: bool) -> None:
    script = _script()
    assert script.glued_heading(text, script.Words.of(lang)) is glued


def test_headline_repeated() -> None:
    repeated = _script().headline_repeated
    headline = "Tempête Ciaran : la Bretagne privée d'électricité"
    assert repeated("Tempête Ciaran : la Bretagne privée d'électricité", headline)
    assert repeated(
        "Tempête Ciaran : la Bretagne privée d'électricité Des milliers de foyers attendent.",
        headline,
    )
    assert not repeated("La Bretagne a été privée de courant pendant deux jours.", headline)
    # A sentence of the body that states the headline's news, in its own order and longer.
    headline = "Rennes : le métro fermé trois jours pour travaux"
    lead = (
        "Pour travaux, le métro de Rennes sera fermé trois jours à partir de lundi, a annoncé "
        "la métropole dans un communiqué publié mardi soir."
    )
    assert not repeated(lead, headline)
    assert not repeated("Un texte court.", None)


def _stray(text: str, kept: list[str], lang: str = "fr") -> bool:
    """``kept``: the pieces of ``text`` a compression kept, in order."""
    fragments, at = [], 0
    for piece in kept:
        start = text.index(piece, at)
        fragments.append((start, start + len(piece)))
        at = start + len(piece)
    return bool(_script().stray_comma(_parsed(text, lang), fragments, resources.language(lang)))


def test_a_comma_left_between_a_subject_and_its_verb() -> None:
    text = "Le second tour, prévu le 22 mars, ne pouvait pas se tenir à Rennes."
    assert _stray(text, ["Le second tour,", " ne pouvait pas se tenir à Rennes."])
    assert not _stray(text, ["Le second tour", " ne pouvait pas se tenir à Rennes."])
    english = "The company, founded in 1998 in Leeds, confirmed the closure on Monday."
    assert _stray(english, ["The company,", " confirmed the closure on Monday."], "en")


def test_a_name_left_after_a_cut_apposition() -> None:
    text = (
        "Les deux maires se sont serré la main, sous les regards du directeur régional de "
        "la Croix-Rouge, Yann Le Bihan."
    )
    assert _stray(text, ["Les deux maires se sont serré la main", ", Yann Le Bihan."])
    assert not _stray(text, ["Les deux maires se sont serré la main", "."])
    # The name apposed to a subject the cut kept, mid-sentence, reads well.
    text = "Le suspect, un homme de 30 ans, Yann Le Bihan, a été interpellé mardi à Brest."
    assert not _stray(text, ["Le suspect", ", Yann Le Bihan, a été interpellé mardi à Brest."])


def test_a_comma_beside_a_cut_bracket_is_the_sources() -> None:
    text = "Ses deux enfants, Hugo (12 ans) et Lina (9 ans), vivent désormais à Vannes."
    assert not _stray(text, ["Ses deux enfants, Hugo", " et Lina", ", vivent désormais à Vannes."])
    text = "Marc Riou, directeur des Transports de l'Ouest (TDO), a quitté son poste lundi."
    assert not _stray(
        text, ["Marc Riou, directeur des Transports de l'Ouest", ", a quitté son poste lundi."]
    )
    # A clause cut between commas still leaves a stray one.
    text = "Le second tour, prévu le 22 mars (un dimanche), ne pouvait pas se tenir à Rennes."
    assert _stray(text, ["Le second tour,", " ne pouvait pas se tenir à Rennes."])


def test_a_comma_left_before_a_complement() -> None:
    text = "Les gendarmes ont détecté, dans la nuit de mardi, un dépassement de vitesse."
    assert _stray(text, ["Les gendarmes ont détecté", ", un dépassement de vitesse."])


def _figure(text: str, number: str, unit: str | None = None) -> Figure:
    start = text.index(number)
    span = Span(start=start, end=start + len(number), text=number)
    return Figure(span=span, number=span, value=1.0, unit=unit)


def test_a_figure_of_the_lead_cut_by_compression() -> None:
    lead = "L'accident a fait 12 morts et 40 blessés depuis trois semaines sur la RN12."
    figures = [
        _figure(lead, "12"),
        _figure(lead, "40"),
        _figure(lead, "trois", unit="weeks"),
    ]
    kept_injured = [(0, lead.index("12")), (lead.index(" 40"), len(lead))]
    lost = _script().lost_figures(figures, (0, len(lead)), kept_injured)
    assert lost == ["12"]  # the durations are not the lead's count
    assert _script().lost_figures(figures, (0, len(lead)), [(0, len(lead))]) == []


def test_a_number_inside_a_name_is_no_figure() -> None:
    from essentiel.model import Entity, EntityKind, EntityMention, MentionForm

    lead = "Une fuite a inondé 40 caves de Brest, selon une information de France 3 Bretagne."
    figures = [_figure(lead, "40"), _figure(lead, "3")]
    start = lead.index("France 3")
    mention = EntityMention(
        span=Span(start=start, end=start + 8, text="France 3"), form=MentionForm.NAME, block=0
    )
    outlet = Entity(kind=EntityKind.ORGANISATION, name="France 3", aliases=[], mentions=[mention])
    cut = [(0, lead.index(", selon"))]  # the bullet keeps the flood, not the source
    assert _script().lost_figures(figures, (0, len(lead)), cut, [outlet]) == []
    # The count the bullet cut is still lost, a name or not.
    cut = [(lead.index("de Brest"), len(lead))]
    assert _script().lost_figures(figures, (0, len(lead)), cut, [outlet]) == ["40"]
    # Without the entity, the outlet's number reads as a lost figure (the old count).
    assert _script().lost_figures(figures, (0, len(lead)), [(0, lead.index(", selon"))]) == ["3"]


def test_a_box_that_names_nobody_and_one_that_misses_the_headline() -> None:
    script = _script()
    unnamed = _parsed("La réunion a été reportée à une date ultérieure.")
    named = _parsed("Le conseil municipal de Lannion a reporté la réunion.")
    assert not script.names_something(list(unnamed.span))
    assert script.names_something(list(named.span))
    event = _event("Incendie à Lannion : trois immeubles évacués")
    told = _said("Trois immeubles ont été évacués à Lannion après un incendie.")
    aside = _said("La mairie organise une collecte de vêtements pour les sinistrés.")
    assert script.headline_coverage(event, [aside]) < script.HEADLINE_COVERAGE
    assert script.headline_coverage(event, [aside, told]) >= script.HEADLINE_COVERAGE


def _event(headline: str, lang: str = "fr", entities: Any = ()) -> Any:
    return _script().headline_event(pipeline(lang)(headline), lang, entities)


def _said(text: str, lang: str = "fr", entities: Any = (), spans: Any = ()) -> Any:
    return _script().said_by(pipeline(lang)(text), lang, entities, spans)


def _covers(headline: str, bullet: str, lang: str = "fr") -> bool:
    script = _script()
    coverage = script.headline_coverage(_event(headline, lang), [_said(bullet, lang)])
    return bool(coverage >= script.HEADLINE_COVERAGE)


@pytest.mark.parametrize(
    ("headline", "bullet"),
    [
        # Another form of the same word: a noun for the headline's verb, a participle.
        (
            "Le maire de Plouha fouillé à l'entrée du conseil départemental",
            "Le maire de Plouha a subi une fouille en arrivant au conseil départemental.",
        ),
        # Another word of the same family of the resource file: « décès » for « mort ».
        (
            "Mort du sculpteur Yann Kerlann à 91 ans",
            "Le décès de Yann Kerlann, 91 ans, a été annoncé par sa famille.",
        ),
        # « s'éteindre » said of a person is a death: « est décédé » states it.
        (
            "Une figure du rugby brestois s'est éteinte",
            "Ancien capitaine du Stade brestois de 1968 à 1975, Yves Le Goff est décédé jeudi.",
        ),
        # The headline's round figure for the body's exact one.
        (
            "Grippe : le cap des 2.000 hospitalisations franchi en Bretagne",
            "Au total, 2.046 hospitalisations pour grippe ont été franchies en Bretagne.",
        ),
        # A number in words for the headline's digits.
        (
            "Quimper : 3 blessés dans une collision entre un bus et un camion",
            "Trois personnes ont été blessées lors d'une collision entre un bus et un camion.",
        ),
        # A start told with another verb of the family: « commencé » for « débute ».
        (
            "Les vendanges débutent en Alsace, vers une petite récolte",
            "Dans le Bas-Rhin, les vendanges ont commencé mardi.",
        ),
        # A reopening told by its noun (twenty-fourth session).
        (
            "Les piscines bretonnes rouvrent enfin leurs bassins",
            "La réouverture des piscines est prévue lundi à Lorient.",
        ),
    ],
)
def test_the_headline_event_in_other_words_is_stated(headline: str, bullet: str) -> None:
    assert _covers(headline, bullet)


def test_a_hyphenated_name_is_one_word_of_the_event() -> None:
    """« Côtes-d'Armor », « Alpes-de-Haute-Provence »: a place the parse may cut in parts is
    one word of the event, said when the bullet says it; it does not weigh as three."""
    words = [w.text for w in _event("Alpes-de-Haute-Provence : un car se renverse sur la route")]
    assert sum("Provence" in w for w in words) == 1 and "Alpes" in words[0]
    assert _covers(
        "Alpes-de-Haute-Provence : un car se renverse sur la route",
        "Un car scolaire s'est renversé mardi matin près de Digne.",
    )
    # Said through any of its parts: « la Haute-Provence ».
    event = _event("Alpes-de-Haute-Provence : un car se renverse sur la route")
    said = _said("La Haute-Provence compte de nombreuses routes de montagne.")
    assert _script().event_matched(event[0], said)


def test_a_vigilance_is_an_alert() -> None:
    assert _covers(
        "Orages : trois départements bretons en alerte",
        "Météo France a placé le Finistère, le Morbihan et les Côtes-d'Armor en vigilance "
        "orange aux orages mardi.",
    )


def test_a_life_without_the_death_does_not_state_it() -> None:
    assert not _covers(
        "Une figure du rugby brestois s'est éteinte",
        "Yves Le Goff a été capitaine du Stade brestois de 1968 à 1975.",
    )


def test_a_rubric_is_not_the_event() -> None:
    rubric = [w.text for w in _event("VIDÉO. Un phoque remonte l'Aulne jusqu'à Châteaulin")]
    assert "VIDÉO" not in rubric and {"phoque", "Châteaulin"} <= set(rubric)
    labelled = [w.text for w in _event("EXCLUSIF : la mairie de Brest ferme ses piscines")]
    assert "EXCLUSIF" not in labelled and "Brest" in labelled
    # A topic label stays: the body's statement of the event usually repeats it.
    assert "Grippe" in [w.text for w in _event("Grippe : la mairie de Brest ferme ses écoles")]


def test_a_name_matched_through_its_entity() -> None:
    """« le ministre » is the headline's « Kervella » when the digest ties them."""
    script = _script()
    text = "Le ministre a annoncé la fermeture de la base navale."
    mention = SimpleNamespace(span=Span(start=0, end=11, text="Le ministre"))
    entity = SimpleNamespace(name="Paul Kervella", aliases=["Kervella"], mentions=[mention])
    event = _event("Paul Kervella annonce la fermeture de la base navale", entities=[entity])
    with_entity = _said(text, entities=[entity], spans=[(0, len(text))])
    without = _said(text)
    full = script.headline_coverage(event, [with_entity])
    assert full == 1.0
    assert script.headline_coverage(event, [without]) < full
    # The mention must be inside the bullet: a bullet cut after it does not name him.
    outside = _said(text, entities=[entity], spans=[(12, len(text))])
    assert script.headline_coverage(event, [outside]) < full


def test_the_measure_still_catches_a_box_that_misses_the_event() -> None:
    """Paraphrase is matched, not anything: a box of side details of the same story (its
    place, its aftermath) misses the headline's event. (A side detail that repeats a third of
    the headline's words about something else, « Le chantier naval de Lorient a été fondé en
    1921 », still passes for it: the measure counts words, it does not parse the event.)"""
    script = _script()
    event = _event("Lorient : le chantier naval licencie 200 salariés")
    box = [
        _said("Le préfet du Morbihan s'est rendu à Lorient mardi pour rencontrer les élus."),
        _said("Une réunion avec les syndicats est prévue la semaine prochaine."),
        _said("Un nouveau navire doit être livré à la marine au printemps."),
    ]
    assert script.headline_coverage(event, box) < script.HEADLINE_COVERAGE
    told = _said("Le constructeur de navires de Lorient va licencier 200 personnes.")
    assert script.headline_coverage(event, [*box, told]) >= script.HEADLINE_COVERAGE


def test_a_box_whose_body_never_states_the_headline_is_counted_apart() -> None:
    script = _script()
    tally = script.Tally(dev=0, show=0)
    bullet = {"text": "Une phrase.", "source": "Une phrase.", "defects": [], "lost": []}
    base = {"headline": "Un titre", "no_named_subject": False, "bullets": [bullet]}
    tally.add(base | {"coverage": 0.1, "body_coverage": 0.1})  # teaser: not in the body
    tally.add(base | {"coverage": 0.1, "body_coverage": 0.8})  # in the body, not the box
    tally.add(base | {"coverage": 0.6, "body_coverage": 0.8})
    assert tally.box_counts["headline_not_in_body"] == 1
    assert tally.box_counts["misses_headline"] == 1
    assert (tally.judged_boxes, tally.stating_boxes) == (3, 2)


def test_a_box_that_opens_off_the_headline_or_never_names_it() -> None:
    """Issue 33: a box whose later bullet states the headline's event while the first does
    not (a teaser first), and a box that never says the headline's name the body says."""
    script = _script()
    # « Quimperlé : la médiathèque de Rosporden ouvrira le dimanche »: four event words.
    event = [
        {"text": w, "predicate": False} for w in ("médiathèque", "Rosporden", "ouvrira", "dimanche")
    ]
    bullet = {"text": "Une phrase.", "source": "Une phrase.", "defects": [], "lost": []}
    base = {"headline": "Un titre", "no_named_subject": False, "event": event}

    def box(*matched: list[bool], body: list[list[bool]]) -> dict:
        return base | {
            "bullets": [bullet] * len(matched),
            "matched": list(matched),
            "body_matched": body,
            "coverage": max(sum(m) / 4 for m in matched),
            "body_coverage": max(sum(m) / 4 for m in body),
        }

    teaser = [False, False, False, True]
    statement = [True, True, True, True]
    detail = [False, False, False, False]
    opens_off = box(teaser, statement, body=[statement])
    assert script.opens_off_headline(opens_off)
    assert not script.opens_off_headline(box(statement, teaser, body=[statement]))
    # Said in the body, in no bullet: « Rosporden » left out.
    described = [True, False, True, True]
    unnamed = box(described, detail, body=[statement])
    assert script.left_out_names(unnamed) == ["Rosporden"]
    assert script.left_out_names(opens_off) == []
    # Not said in the body either: nothing the box could have named.
    assert script.left_out_names(box(described, body=[described])) == []
    tally = script.Tally(dev=0, show=0)
    for record in (opens_off, unnamed, box(statement, body=[statement])):
        tally.add(record)
    assert tally.box_counts["opens_off_headline"] == 1
    assert tally.box_counts["leaves_out_headline_name"] == 1


def test_a_headline_read_off_an_address() -> None:
    url = (
        "http://web.archive.org/web/20150403223948id_/http://www.example.co.uk/news/"
        "article-1234567/Council-votes-close-coal-plant-2030.html"
    )
    assert _script().headline_from_url(url) == "Council votes close coal plant 2030"
    assert _script().headline_from_url("http://www.example.com/") is None


def test_a_pronoun_named_in_brackets_stands() -> None:
    script = _script()
    source = "Jeudi soir, elle était invitée sur le plateau de France 3 Bretagne."
    sentence = _parsed(source)
    at = source.index("elle")
    bullet = "Jeudi soir, [Anne Le Goff] était invitée sur le plateau de France 3 Bretagne."
    fragments = [(0, at), (at + len("elle"), len(source))]
    lang, words = resources.language("fr"), script.Words.of("fr")
    assert script.context_defect(bullet, sentence, fragments, lang, words) is None
    # Not named: the pronoun needs the sentence before.
    assert script.context_defect(source, sentence, [(0, len(source))], lang, words) is not None


def test_an_english_past_tense_tagged_as_a_participle_is_a_finite_verb() -> None:
    text = "Heavy snow and icy roads caught Ohio drivers by surprise Friday."
    sentence = _parsed(text, "en")
    assert sentence.span.root.tag_ == "VBN"  # the tagger's reading this test is about
    assert not _script().no_main_verb(list(sentence.span))
    caught = _parsed("Caught by surprise on the icy roads near the city.", "en")
    assert _script().no_main_verb(list(caught.span))


def test_key_point_settings_given_on_the_command_line_keep_their_types() -> None:
    fields = ["selector_model:lexical", "max_embedded:4", "headline_guard:1", "extra_ratio:0.5"]
    settings = _script()._settings(fields).keypoints
    assert settings.selector_model == "lexical" and settings.max_embedded == 4
    assert settings.headline_guard is True and settings.extra_ratio == 0.5
    with pytest.raises(ValueError, match="selector_model"):
        _script()._settings(["selector_model:neural"])


def test_the_measure_counts_every_kind_the_selector_knows() -> None:
    # The script keeps its own copy of the kinds so that --help needs no spaCy: the same list.
    from essentiel.keypoints.pointing import POINTING_KINDS

    assert _script().POINTING_KINDS == POINTING_KINDS


def test_a_name_the_headline_parse_misreads_is_still_the_event() -> None:
    """« Macron » after a verb is parsed as an adverb: it is a name of the event all the same,
    and a bullet that names both men states it."""
    words = [w.text for w in _event("Quimper : Trump provoque Macron face aux élus")]
    assert "Macron" in words
    assert _covers(
        "Quimper : Trump provoque Macron face aux élus",
        "Donald Trump s'en est pris à Emmanuel Macron mardi à Quimper.",
    )


def test_a_name_opening_the_headline_is_the_event_through_its_entity() -> None:
    """« Macron » opening a headline is parsed as an adverb, and its capital tells nothing
    there: it is a word of the event when it is a word of a name of the digest's entities,
    and a bullet that says the man through a mention the digest ties to him (« Le chef de
    l'État ») states it. Not without the entity: a capital opening a headline is no name."""
    script = _script()
    headline = "Macron hué à Brest"
    text = "Le chef de l'État a été sifflé à son arrivée à Brest."
    mention = SimpleNamespace(span=Span(start=0, end=16, text="Le chef de l'État"))
    entity = SimpleNamespace(name="Emmanuel Macron", aliases=["Macron"], mentions=[mention])
    event = _event(headline, entities=[entity])
    assert "Macron" in [w.text for w in event]
    said = _said(text, entities=[entity], spans=[(0, len(text))])
    assert script.headline_coverage(event, [said]) >= script.HEADLINE_COVERAGE
    assert "Macron" not in [w.text for w in _event(headline)]


@pytest.mark.parametrize(
    ("headline", "word"),
    [
        # The only verb, tagged an adverb after the subject.
        ("Le rectorat dément la fermeture du collège de Pleyben", "dément"),
        # A place's first word left untagged as the root.
        ("Hong Kong : trois militants arrêtés", "Hong"),
    ],
)
def test_a_word_the_headline_parse_misreads_as_an_adverb_is_the_event(
    headline: str, word: str
) -> None:
    assert word in [w.text for w in _event(headline)]


def test_an_adverb_where_adverbs_stand_is_not_the_event() -> None:
    assert "davantage" not in [w.text for w in _event("Le virus circule davantage en Bretagne")]


@pytest.mark.parametrize(
    ("headline", "bullet", "word"),
    [
        (
            "Première naissance à Saint-Pern",
            "Une fillette est née jeudi à Saint-Pern.",
            "naissance",
        ),
        (
            "Un élu de Lorient admet avoir menti",
            "Le conseiller municipal a reconnu avoir menti.",
            "admet",
        ),
        (
            "Douarnenez : des vélos réparés gratuitement",
            "À Douarnenez, des retraités réparent les vélos bénévolement.",
            "gratuitement",
        ),
        (
            "Covid-19 : deux foyers découverts dans le Finistère",
            "Deux clusters ont été identifiés dans le Finistère.",
            "foyers",
        ),
        (
            "Le musée de Vannes retire une affiche",
            "Le retrait de l'affiche a été décidé par le musée.",
            "retire",
        ),
        (
            "Des parents d'élèves craignent une fermeture",
            "Les parents ont peur d'une fermeture de classe.",
            "craignent",
        ),
    ],
)
def test_a_word_of_the_event_said_by_one_of_its_family(
    headline: str, bullet: str, word: str
) -> None:
    """« est née » says the headline's « naissance », « a reconnu » its « admet » ...: the
    families of ``[headline] equivalents``; and the box that says them covers the event."""
    event = {w.text: w for w in _event(headline)}
    assert _script().event_matched(event[word], _said(bullet))
    assert _covers(headline, bullet)


def test_a_word_of_the_family_is_not_any_word() -> None:
    event = {w.text: w for w in _event("Un élu de Lorient admet avoir menti")}
    assert not _script().event_matched(event["admet"], _said("Le conseiller a démissionné."))


def test_a_bullet_over_several_sentences_says_the_words_of_all() -> None:
    """A quote joined over two parsed sentences is one bullet: the words of its second
    sentence are said too (« l'école » here), not only those of its first."""
    script = _script()
    text = (
        '"Rien de nouveau. Il faut venir à l\'école dans une tenue correcte", '
        "a déclaré Yann Kermarrec lundi."
    )
    doc = pipeline("fr")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
    assert len(sentences) >= 2
    headline = "Yann Kermarrec : une tenue correcte à l'école"
    point = SimpleNamespace(
        text=text,
        sources=[Span(start=0, end=len(text), text=text)],
        fragments=[Span(start=0, end=len(text), text=text)],
    )
    box = script.audit_box(
        text,
        sentences,
        [point],
        resources.language("fr"),
        script.Words.of("fr"),
        headline,
        pipeline("fr")(headline),
    )
    assert box["coverage"] == 1.0


def test_a_cleft_that_fronts_an_adjunct_needs_no_context() -> None:
    """« C'est sans surprise que le parti a annoncé ... » says what « ce » is; « C'est le
    deuxième incendie ... » does not."""
    assert (
        _context(
            "C'est sans surprise que le parti breton a annoncé dimanche soir la victoire de "
            "Yann Kervella à l'élection de sa présidence."
        )
        is None
    )
    assert _context("C'est en ces termes que le maire de Quimper a répondu.") == "context_pronoun"


def test_the_placing_kinds_are_the_engines() -> None:
    from essentiel.keypoints.placing import PLACING_KINDS

    assert _script().PLACING_KINDS == PLACING_KINDS


def _fragments(text: str, kept: list[str]) -> list[tuple[int, int]]:
    fragments, at = [], 0
    for piece in kept:
        start = text.index(piece, at)
        fragments.append((start, start + len(piece)))
        at = start + len(piece)
    return fragments


def test_a_comma_left_before_a_verb_whatever_the_parse() -> None:
    text = (
        "Selon la préfecture, la chaîne TF1, citant des sources proches du dossier, a affirmé "
        "que le suspect avait fui."
    )
    kept = ["Selon la préfecture, la chaîne TF1", ", a affirmé que le suspect avait fui."]
    assert _stray(text, kept)
    # A cue that closes the sentence, its speaker after its verb, keeps its comma.
    cue = (
        "Pour 97 d'entre eux, la maladie a été confirmée, à une période où les tests "
        "manquaient, détaille l'Insee sur son site internet."
    )
    kept = [
        "Pour 97 d'entre eux, la maladie a été confirmée",
        ", détaille l'Insee sur son site internet.",
    ]
    assert not _stray(cue, kept)
    # So does the comma that closes an aside the bullet keeps.
    aside = (
        "La banque a annoncé que son programme, visant à limiter la crise, qui durera, a été "
        "gonflé de 6 milliards."
    )
    kept = [
        "La banque a annoncé que son programme, visant à limiter la crise",
        ", a été gonflé de 6 milliards.",
    ]
    assert not _stray(aside, kept)


def _broken(text: str, kept: list[str], inserted: bool = False) -> bool:
    return bool(
        _script().broken_cut(
            _parsed(text), _fragments(text, kept), resources.language("fr"), inserted
        )
    )


def test_a_cut_that_takes_what_a_kept_word_needs() -> None:
    text = (
        "Après les grévistes, les infirmières ont à leur tour manifesté samedi à Lille, "
        "rapporte Ouest-France."
    )
    assert _broken(text, ["Après les grévistes, les infirmières ont", "."])
    assert not _broken(
        text, ["Après les grévistes, les infirmières ont", " manifesté samedi à Lille", "."]
    )
    text = (
        "Parallèlement, dans une tribune au Monde Paul Durand, ancien juge, a estimé que la "
        "réforme était urgente."
    )
    assert _broken(text, ["Parallèlement,", " a estimé que la réforme était urgente."])
    assert not _broken(
        text, ["Parallèlement,", " Paul Durand", " a estimé que la réforme était urgente."]
    )
    # A bracketed name stands where the subject was.
    text = "La ministre a parlé d'un chiffre incroyable."
    assert _broken(text, ["a parlé d'un chiffre incroyable."])
    assert not _broken(text, ["a parlé d'un chiffre incroyable."], inserted=True)
    # « a minima » is no auxiliary left alone.
    text = "Cette année, la cérémonie se déroulera a minima, sans défilé."
    assert not _broken(text, ["Cette année, la cérémonie se déroulera a minima", "."])
    # The second copy of words the source wrote twice (``repeated_words``): what hung on it
    # hangs on the first copy as well (« est morte est morte dimanche »).
    text = (
        "Une fillette de dix ans est morte est morte dimanche soir après avoir été percutée "
        "par une voiture à Lyon."
    )
    assert not _broken(
        text,
        [
            "Une fillette de dix ans est morte",
            " dimanche soir après avoir été percutée par une voiture à Lyon.",
        ],
    )


def test_a_stray_straight_mark_earlier_in_the_block_turns_no_quote_inside_out() -> None:
    # An article leaves one quotation open (« "Bonjour Paul ? (...), lance ... »): the later
    # quotations of its paragraph are read by their marks' sides, not by the count.
    text = (
        'Le maire serre la main du ministre. "Bonjour Paul ? (bonjour Paul ?), lance le maire, '
        'qui lui répond "ravi de te voir" (enchanté). Le maire s\'était posé en "opposant '
        'principal" du ministre. Fin.'
    )
    bullet = 'Le maire s\'était posé en "opposant principal" du ministre.'
    start = text.index(bullet)
    script = _script()
    assert script.quote_defect(text, (0, len(text)), start, start + len(bullet), bullet) is None
    text = 'Il a dit "oui". Puis "il est parti. Ensuite il a parlé" a dit Paul.'
    bullet = 'Ensuite il a parlé" a dit Paul.'
    start = text.index(bullet)
    assert script.quote_defect(text, (0, len(text)), start, start + len(bullet), bullet) == (
        "quote_cut"
    )


def test_the_measure_counts_a_moment_and_a_set_the_box_never_gave() -> None:
    """« à ce moment-là » (when?) and « La seconde réunion » above the bullet that says there
    were two: both counted as ``unplaced``, each under its kind; the other order places the
    second."""
    script = _script()
    moment = "Les pêcheurs de Douarnenez étaient sur le quai à ce moment-là et ont tout vu."
    second = "La seconde réunion, le 8 mars, a rassemblé les maires du Finistère à Quimper."
    both = "Les services de l'État ont organisé deux réunions avec les élus du Finistère."

    def audit(texts: list[str]) -> list[list[str]]:
        text = " ".join(texts)
        doc = pipeline("fr")(text)
        sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
        by_text = {s.span.text: s for s in sentences}
        points = []
        for t in texts:
            s = by_text[t]
            span = Span(start=s.start, end=s.end, text=t)
            points.append(SimpleNamespace(text=t, sources=[span], fragments=[span]))
        box = script.audit_box(
            text, sentences, points, resources.language("fr"), script.Words.of("fr"), None, None
        )
        return [b["defects"] for b in box["bullets"]]

    assert audit([moment]) == [["unplaced", "unplaced_moment"]]
    assert audit([second, both]) == [["unplaced", "unplaced_ordinal"], []]
    assert audit([both, second]) == [[], []]


def test_a_cut_through_a_phrase_an_elision_or_an_attribution() -> None:
    text = (
        "La mort du militant a suscité un immense mouvement de colère contre le racisme, qui "
        "force les institutions et les entreprises, qui seraient sinon accusées de complicité, "
        "à réexaminer leurs pratiques."
    )
    head = "La mort du militant a suscité un immense mouvement de colère contre le racisme"
    assert _broken(text, [head, " à réexaminer leurs pratiques."])
    assert not _broken(text, [head, "."])
    text = (
        "Le rapport estime que, sans mesures de prévention, il y aurait eu trois fois plus de cas."
    )
    assert _broken(text, ["Le rapport estime que", " il y aurait eu trois fois plus de cas."])
    text = "Comme le rapporte Le Télégramme, le maire de Quimper, élu en 2020, a démissionné."
    assert _broken(text, ["Comme le rapporte Le Télégramme", "."])
    assert not _broken(
        text, ["Comme le rapporte Le Télégramme, le maire de Quimper", ", a démissionné."]
    )


def test_the_headline_printed_again_is_not_the_body_stating_it() -> None:
    """A body whose only sentence with the headline's words is the headline itself, printed
    again (a question here), never states the event: the box is counted apart, not as a miss;
    a sentence that states it in its own words still counts."""
    script = _script()
    headline = "La fin des menhirs illuminés à Carnac ?"
    for text, stated in [
        (
            "La fin des menhirs illuminés à Carnac ? La mairie a lancé une consultation en ligne "
            "sur l'éclairage du site.",
            False,
        ),
        (
            "La mairie de Carnac a mis fin à l'illumination des menhirs pendant l'hiver. "
            "Une consultation en ligne sur l'éclairage du site a été lancée.",
            True,
        ),
    ]:
        doc = pipeline("fr")(text)
        sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
        box = script.audit_box(
            text,
            sentences,
            [],
            resources.language("fr"),
            script.Words.of("fr"),
            headline,
            pipeline("fr")(headline),
        )
        said = box["body_coverage"] >= script.HEADLINE_COVERAGE
        assert said is stated, box["body_coverage"]


@pytest.mark.parametrize(
    ("text", "missing"),
    [
        # Judged rounds 31 and 32: a noun and its relative clause, no statement.
        ("Dans la soirée, sur la rocade de Brest, un camion qui a été flashé à 130 km/h.", True),
        ("Une rumeur que la mairie de Quimper a tenu à démentir dès lundi.", True),
        ("Dans la soirée, la police a interpellé un homme qui fuyait vers Brest.", False),
        ("La police du Finistère enquête sur un homme qui a disparu à Brest.", False),
    ],
)
def test_a_noun_and_its_relative_clause_is_no_statement(text: str, missing: bool) -> None:
    from essentiel.keypoints.select import verbless_fragment

    sentence = _parsed(text)
    assert _script().no_main_verb(list(sentence.span)) is missing
    assert verbless_fragment(sentence.span) is missing


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # « Outre » says what it adds to; it points back only through a demonstrative or a
        # pronoun after it (eighteenth session, issue 33).
        (
            "Outre les trois excès de vitesse relevés, le chauffeur de Brest a roulé sans permis.",
            None,
        ),
        ("Outre Paul Kervella et Anne Le Goff, se présentent deux élus de Quimper.", None),
        ("Outre cela, la mairie de Brest a doublé le budget des fêtes.", "context_link"),
        ("Outre cette hausse, la mairie de Brest a doublé le budget des fêtes.", "context_link"),
        # « Dans la foulée » with what it follows points back to nothing (the engine's own
        # reading, ``[compress] comma_connective_openers``).
        ("Dans la foulée du vote du budget, le maire de Brest a démissionné.", None),
        ("Dans la foulée, le maire de Brest a démissionné de son mandat.", "context_temporal"),
    ],
)
def test_openers_that_carry_what_they_point_to(text: str, kind: str | None) -> None:
    assert _context(text) == kind


def test_a_finite_auxiliary_the_tagger_misread_is_the_main_verb() -> None:
    """« a » tagged X and made the clause's head, with its subject: the sentence has its main
    verb (the parse of a validation page, rebuilt on words we wrote)."""
    from spacy.tokens import Doc

    nlp = pipeline("fr")
    words = ["Yann", "Kerhervé", ",", "un", "marin", "de", "Brest", ",", "a", "traversé"]
    words += ["la", "Manche", "."]
    script = _script()
    auxiliaries = script.Words.of("fr").finite_auxiliaries
    heads = [8, 0, 0, 4, 0, 6, 4, 0, 8, 8, 11, 9, 8]
    deps = ["nsubj", "flat:name", "punct", "det", "appos", "case", "nmod", "punct", "ROOT"]
    deps += ["obj", "det", "obj", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "X", "PROPN"]
    pos += ["DET", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert not script.no_main_verb(list(doc), auxiliaries)
    assert script.no_main_verb(list(doc))  # without the forms, the tags say no verb
    # A noun phrase with no auxiliary at all stays a fragment.
    fragment = _parsed(
        "Yann Kerhervé, réélu avec 60 % des voix au premier tour, sur fond de vote record."
    )
    assert script.no_main_verb(list(fragment.span), auxiliaries)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The parse hangs a kept word on a word of the cut brackets or the cut link adverb;
        # an aside governs nothing outside it (eighteenth session).
        (
            "La banquise perdait environ 300 gigatonnes (environ 300 milliards de tonnes) de "
            "glace par an, selon les chercheurs de Brest.",
            [
                "La banquise perdait environ 300 gigatonnes",
                " de glace par an, selon les chercheurs de Brest.",
            ],
        ),
        (
            "Le Télégramme rapporte en effet mardi 3 mars que la mairie de Brest a fermé la "
            "piscine.",
            [
                "Le Télégramme rapporte",
                " mardi 3 mars que la mairie de Brest a fermé la piscine.",
            ],
        ),
        (
            "Les gendarmes doutent de la présence (ou de l'existence) du troisième suspect à "
            "Lorient.",
            ["Les gendarmes doutent de la présence", " du troisième suspect à Lorient."],
        ),
    ],
)
def test_a_cut_aside_governs_nothing_outside_it(text: str, kept: list[str]) -> None:
    assert not _broken(text, kept)


def test_a_pronoun_a_bracketed_name_replaced_is_no_cut() -> None:
    """« Cravate rouge, il s'est rendu ... » shown « Cravate rouge, [Yann Le Goff] s'est rendu
    ... »: the gap is the pronoun the name stands for, no cut, no stray comma (train rows
    12300-12599, eighteenth session)."""
    script = _script()
    text = "Cravate rouge, il s'est rendu à Brest avec son épouse."
    bullet = "Cravate rouge, [Yann Le Goff] s'est rendu à Brest avec son épouse."
    gap = text.index("il ")
    fragments = [(0, gap), (gap + len("il "), len(text))]
    pronouns = resources.language("fr").subject_pronouns
    assert script.with_named_gaps(text, fragments, bullet, pronouns) == [(0, len(text))]
    assert script.with_named_gaps(text, fragments, bullet) == fragments
    sentence = _parsed(text)
    assert script.stray_comma(sentence, [(0, len(text))], resources.language("fr")) is False


@pytest.mark.parametrize(
    ("headline", "counted"),
    [
        # The headline tells the event in other words: « le drame » leans on the article.
        ("Vannes : une voiture fonce dans la vitrine d'une boulangerie", True),
        # The headline told it under that noun: « le drame » under « ... tourne au drame ».
        ("Vannes : une nuit de fête tourne au drame", False),
    ],
)
def test_a_definite_noun_that_leans_on_the_article_points_back(
    headline: str, counted: bool
) -> None:
    script = _script()
    text = "Le drame a eu lieu samedi vers 23 heures dans une rue de Vannes."
    doc = pipeline("fr")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=doc[:], lang="fr")]
    point = SimpleNamespace(
        text=text,
        sources=[Span(start=0, end=len(text), text=text)],
        fragments=[Span(start=0, end=len(text), text=text)],
    )
    box = script.audit_box(
        text,
        sentences,
        [point],
        resources.language("fr"),
        script.Words.of("fr"),
        headline,
        pipeline("fr")(headline),
    )
    assert ("back_event" in box["bullets"][0]["defects"]) is counted


@pytest.mark.parametrize(
    "text",
    [
        # The parse hangs the main verb inside the relative clause on the subject's noun, as
        # an adverbial clause or a complement of the clause's verb (twenty-first session,
        # validation pages 246-500 and train rows 16300-16599: read as statements).
        "Vendredi 12 mai, une camionnette qui était garée en plein soleil à Plougastel-Daoulas "
        "dans le département du Finistère a pris feu, provoquant par la même occasion "
        "l'incendie d'un hangar.",
        "Les gagnants de ce deuxième lot le plus important dans l'histoire du Loto, et de "
        "l'Euro Millions créé en 2004, qui souhaitent garder l'anonymat, disposaient de 60 "
        "jours pour se faire connaître auprès de l'opérateur.",
        # « a » and « tweeté » both tagged X, the participle the head with the subject.
        "Yann Conway, un critique du maire et l'époux d'une conseillère de la Région Bretagne "
        "Anne Conway, a tweeté une photo de la une du journal aux côtés d'une photo du maire "
        "jouant au golf samedi.",
    ],
)
def test_a_main_verb_the_parse_hung_in_a_relative_clause(text: str) -> None:
    script = _script()
    auxiliaries = script.Words.of("fr").finite_auxiliaries
    assert not script.no_main_verb(list(_parsed(text).span), auxiliaries)


@pytest.mark.parametrize(
    "text",
    [
        "Un homme qui dit qu'il a vu la voiture quitter le parking de Lorient.",
        "Une publication qui a été partagée des milliers de fois et qui a suscité la colère.",
    ],
)
def test_a_second_clause_of_its_own_in_a_relative_clause_is_no_main_verb(text: str) -> None:
    script = _script()
    auxiliaries = script.Words.of("fr").finite_auxiliaries
    assert script.no_main_verb(list(_parsed(text).span), auxiliaries)


def test_a_quote_over_several_sentences_has_the_speaker_of_its_cue() -> None:
    """« "Je me suis trompé. (...)", reconnaît X »: the first person of the quote's first
    sentence is said by the speaker the cue of its last names (validation pages 246-500:
    three bullets counted as words with no speaker)."""
    script = _script()
    text = (
        '"Je me suis trompé sur le dossier du port. C\'était une erreur de ma part", reconnaît Yann '
        "Kermarrec, le maire de Quimper."
    )
    doc = pipeline("fr")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
    assert len(sentences) >= 2
    point = SimpleNamespace(
        text=text,
        sources=[Span(start=0, end=len(text), text=text)],
        fragments=[Span(start=0, end=len(text), text=text)],
    )
    box = script.audit_box(
        text, sentences, [point], resources.language("fr"), script.Words.of("fr"), None, None
    )
    assert "back_quote" not in box["bullets"][0]["defects"]
    alone = sentences[0].span.text
    assert script.points_back(sentences[0], [(0, len(alone))], "fr", frozenset(), alone) == (
        "back_quote"
    )


@pytest.mark.parametrize(
    ("text", "headline", "kind"),
    [
        # The headline said the subject's noun, or one of its family or its equivalents: the
        # reader knows which one (train rows 16300-16599, pages 246-500).
        (
            'La cérémonie comprendra "un dispositif réduit à 300 marins", a précisé la mairie.',
            "Brest : la fête de la mer remplacée par une cérémonie",
            None,
        ),
        (
            "Le syndicat souligne que la médecine de ville est un élément clef de la réponse.",
            "Un syndicat de médecins réclame des moyens",
            None,
        ),
        (
            "Le sinistre a démarré dans la cage d'escalier d'un immeuble des années 70.",
            "Incendie meurtrier à Quimper",
            None,
        ),
        (
            "Le sinistre a démarré dans la cage d'escalier d'un immeuble des années 70.",
            "Quimper : trois morts",
            "context_description",
        ),
    ],
)
def test_a_description_the_headline_says_needs_no_context(
    text: str, headline: str, kind: str | None
) -> None:
    script = _script()
    sentence = _parsed(text)
    lang = resources.language("fr")
    words = script.Words.of("fr")
    found = script.context_defect(
        text, sentence, [(0, len(text))], lang, words, frozenset(), headline
    )
    assert found == kind
    # Without the headline, the description stands for nothing the reader knows.
    alone = script.context_defect(text, sentence, [(0, len(text))], lang, words, frozenset())
    assert alone == "context_description"


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        # The ellipsis between two sentences of a quote stands where the stop was (pages
        # 246-500, once the engine kept it); without it, the sentences run together.
        ("Je donne des cours aux étudiants en médecine (...) C'est un calvaire.", False),
        ("Je donne des cours aux étudiants en médecine C'est un calvaire.", True),
    ],
)
def test_an_ellipsis_between_two_sentences_is_no_glued_heading(text: str, glued: bool) -> None:
    script = _script()
    assert script.glued_heading(text, script.Words.of("fr")) is glued


# ---- the measure's false alarms, read on validation pages 1101-1300 and train rows 16600-16899


def test_a_time_counted_from_the_bullet_above_needs_no_context() -> None:
    script = _script()
    text = "Le même jour, le maire de Brest a annoncé la fermeture du port de plaisance."
    sentence = _parsed(text)
    lang, words = resources.language("fr"), script.Words.of("fr")
    args = (text, sentence, [(0, len(text))], lang, words, frozenset(), "")
    # Right after the article's sentence before it (which told the day), it reads as written.
    assert script.context_defect(*args, True) is None
    # Alone, or after a bullet taken further up: which day?
    assert script.context_defect(*args) == "context_temporal"


def test_a_description_inside_a_quote_is_the_speakers() -> None:
    quoted = (
        '"La réparation sera menée au plus vite pour rouvrir le pont de Brest", a précisé '
        "lundi la préfecture du Finistère."
    )
    assert _context(quoted) is None
    assert _context("La réparation sera menée au plus vite pour rouvrir le pont.") == (
        "context_description"
    )


def test_an_aside_kept_whole_between_its_commas_leaves_no_stray_comma() -> None:
    text = (
        "La mort de Yann Riou, un marin de 46 ans, lors d'une tempête au large de Brest lundi, "
        "a été suivie d'un hommage sur le port."
    )
    kept = ["La mort de Yann Riou", ", lors d'une tempête au large de Brest lundi", ", a été"]
    assert not _stray(text, [*kept[:2], ", a été suivie d'un hommage sur le port."])
    # The aside's opening comma cut with the apposition, its closing one left: stray.
    assert _stray(
        text,
        ["La mort de Yann Riou", " lors d'une tempête au large de Brest lundi", ", a été suivie"],
    )


def test_a_quote_over_two_sentences_with_a_verb_in_the_second_has_one() -> None:
    script = _script()
    first, second = '"Au revoir Marc.', 'Je suis bien triste de son départ", écrit la chanteuse.'
    text = f"{first} {second}"
    sentences = [
        ParsedSentence(block=0, offset=0, span=pipeline("fr")(first)[:], lang="fr"),
        ParsedSentence(block=0, offset=len(first) + 1, span=pipeline("fr")(second)[:], lang="fr"),
    ]
    words = script.Words.of("fr")
    assert not script.verbless(sentences, [(0, len(text))], words)
    # The greeting alone has none.
    assert script.verbless(sentences, [(0, len(first))], words)


def test_a_figure_of_a_participle_clause_is_no_key_figure() -> None:
    script = _script()
    lead = (
        "Des membres du collectif Vérité pour Brest, comptant 6.000 adhérents, ont déposé 40 "
        "plaintes au parquet lundi."
    )
    figures = [_figure(lead, "6.000"), _figure(lead, "40")]
    side = script.side_numbers(_parsed(lead))
    keeps_complaints = [(0, lead.index(", comptant")), (lead.index(", ont"), len(lead))]
    assert script.lost_figures(figures, (0, len(lead)), keeps_complaints, (), side) == []
    # The complaints are the lead's count.
    cuts_complaints = [(0, lead.index(" 40")), (lead.index(" au parquet"), len(lead))]
    assert script.lost_figures(figures, (0, len(lead)), cuts_complaints, (), side) == ["40"]
    # In a relative clause, the deaths are the count.
    lead = "Le séisme, qui a fait 200 morts, a frappé le nord du pays dans la nuit de lundi."
    side = script.side_numbers(_parsed(lead))
    kept = [(0, lead.index(", qui")), (lead.index(", a frappé"), len(lead))]
    assert script.lost_figures([_figure(lead, "200")], (0, len(lead)), kept, (), side) == ["200"]


def test_the_sky_is_known_without_a_name() -> None:
    assert (
        _context("Après trois jours de canicule, le ciel va apporter un peu de fraîcheur.") is None
    )
    assert _context("Après trois jours de canicule, le navire va reprendre la mer.") == (
        "context_description"
    )


def test_a_number_in_brackets_is_no_count_of_the_lead() -> None:
    lead = "Un cas à 52 microgrammes, juste au-dessus du seuil (50), a été signalé à Brest."
    side = _script().side_numbers(_parsed(lead))
    at = lead.index("50")
    assert (at, at + 2) in side
    assert all(a != lead.index("52") for a, _ in side)


def _box_defects(text: str, headline: str | None) -> list[str]:
    script = _script()
    doc = pipeline("fr")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
    point = SimpleNamespace(
        text=text,
        sources=[Span(start=0, end=len(text), text=text)],
        fragments=[Span(start=0, end=len(text), text=text)],
    )
    box = script.audit_box(
        text, sentences, [point], resources.language("fr"), script.Words.of("fr"), headline, None
    )
    return list(box["bullets"][0]["defects"])


def test_a_demonstrative_whose_noun_the_headline_says_stands() -> None:
    """« ce défilé » under « Un dernier défilé pour ... »: the headline told which one (train
    rows 16000-16299, pages 1101-1300, twenty-fourth session). Not a word of its family, nor
    a noun the headline does not say."""
    bullet = "La créatrice brestoise a salué son public à la fin de ce défilé sous la pluie."
    said = "Un dernier défilé pour la créatrice Anne Morvan"
    assert "back_demonstrative" not in _box_defects(bullet, said)
    assert "back_demonstrative" in _box_defects(bullet, "La créatrice Anne Morvan quitte la mode")
    family = "Selon la mairie, ce fonds permet de réparer des vélos à Brest."
    assert "back_demonstrative" in _box_defects(family, "Brest triple le budget du plan vélo")
