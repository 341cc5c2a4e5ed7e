"""Descriptions and pronouns the reader cannot place, anywhere in a bullet
(``keypoints/placing.py``), on sentences we wrote, both ways."""

from __future__ import annotations

import pytest

from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints.placing import unplaced
from essentiel.model import Entity, EntityKind, EntityMention, MentionForm, Span


def _sentence(text: str, lang: str = "fr") -> ParsedSentence:
    doc = pipeline(lang)(text)
    return ParsedSentence(block=0, offset=0, span=doc[:], lang=lang)


def _kind(
    text: str, told: str = "", entities: list[Entity] | None = None, lang: str = "fr"
) -> str | None:
    found = unplaced(_sentence(text, lang), [(0, len(text))], lang, entities or [], told, text)
    return None if found is None else found.kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # A body described after the cue verb, with nothing of its kind named before (an
        # outlet: ``unplaced_source``).
        (
            "Les quais de Morlaix ont été inondés sur trois cents mètres, précise la chaîne.",
            "unplaced_source",
        ),
        (
            "« Nos clients ont été privés de réseau », a affirmé la société jointe par téléphone.",
            "unplaced_description",
        ),
        # The same with the outlet named, or an « of » complement that says whose.
        ("Les quais de Morlaix ont été inondés, précise la chaîne France 3 Bretagne.", None),
        ("La mairie de Morlaix a été évacuée, selon le directeur de la préfecture.", None),
        # A person's role with nobody named before it, even past the bullet's opening.
        (
            "Dimanche soir, l'élu a écrit à tous les maires du Finistère pour les convaincre.",
            "unplaced_description",
        ),
        ("Dimanche soir, l'élu Yann Kerhervé a écrit à tous les maires du Finistère.", None),
        (
            "Yann Kerhervé a écrit dimanche aux maires du Finistère, et l'élu attend leur réponse.",
            None,
        ),
        # A count standing alone as the subject: several of whom?
        (
            "Plusieurs avancent la thèse d'une faille ouverte sous la baie de Morlaix.",
            "unplaced_quantifier",
        ),
        ("Plusieurs riverains avancent la thèse d'une faille sous la baie de Morlaix.", None),
        # A known institution or a group needs no name.
        ("Le gouvernement a annoncé une aide aux pêcheurs de la baie de Morlaix.", None),
        ("Les enquêteurs ont entendu les pêcheurs de la baie de Morlaix lundi.", None),
        # A subject pronoun in a clause of its own with nothing before it to stand for.
        ("Selon un rapport publié lundi, elle aurait doublé en dix ans.", None),
        ("Le préfet du Finistère estime qu'elle réduit déjà le nombre d'accidents.", None),
        ("Les pêcheurs estiment qu'elle réduit déjà leurs prises de moitié.", "unplaced_pronoun"),
        ("Les pêcheurs estiment que la réforme réduit déjà leurs prises de moitié.", None),
        # A pronoun that looks ahead to the main verb's subject, and a count with its names.
        ("Alors qu'elle a fait appel, Anne Le Goff peut compter sur ses voisins.", None),
        ("Certains, tels que Yann Kerhervé ou Anne Le Goff, ont quitté le conseil.", None),
        # A complement that says what kind, not whose: which research firm, which woman?
        (
            "Deux cyclistes sur trois craignent le vol à Morlaix, souligne le cabinet d'études.",
            "unplaced_description",
        ),
        ("La jeune femme de 32 ans a quitté Morlaix pour Brest en mars.", "unplaced_description"),
        # With an article or a name, the complement says whose.
        ("Deux cyclistes sur trois craignent le vol, souligne le cabinet de la mairie.", None),
        ("La jeune femme de Morlaix a quitté la Bretagne pour Paris en mars.", None),
    ],
)
def test_descriptions_the_reader_cannot_place(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_the_headline_or_an_earlier_bullet_places_a_description() -> None:
    text = "Les quais de Morlaix ont été inondés sur trois cents mètres, précise la chaîne."
    assert _kind(text, told="Tempête : la chaîne locale filme les quais inondés") is None
    # An organisation of the digest named before places a body's description.
    told = "France 3 Bretagne a filmé la crue."
    entities = [_entity("France 3 Bretagne", EntityKind.ORGANISATION, told, [])]
    assert _kind(text, told=told, entities=entities) is None
    # No outlet named: « la chaîne » cites a source the reader cannot place.
    assert _kind(text, told="Une tempête a frappé Morlaix lundi.") == "unplaced_source"


def _entity(
    name: str, kind: EntityKind, text: str, roles: list[tuple[int, int]], offset: int = 0
) -> Entity:
    at = text.find(name)
    mentions = (
        [
            EntityMention(
                span=Span(start=offset + at, end=offset + at + len(name), text=name),
                form=MentionForm.NAME,
                block=0,
            )
        ]
        if at >= 0
        else []
    )
    mentions += [
        EntityMention(span=Span(start=a, end=b, text=text[a:b]), form=MentionForm.ROLE, block=0)
        for a, b in roles
    ]
    return Entity(kind=kind, name=name, aliases=[], mentions=mentions)


def test_a_tied_description_needs_its_entity_named_before() -> None:
    # « L'élu » is tied by the digest to Yann Kerhervé: another person named in the bullet
    # does not place it; his name in the headline or an earlier bullet does.
    text = "L'élu a écrit dimanche aux maires du Finistère, a indiqué son adjoint Paul Le Goff."
    person = _entity("Yann Kerhervé", EntityKind.PERSON, "", [(0, 5)])
    assert _kind(text, entities=[person]) == "unplaced_tied"
    assert _kind(text, told="Finistère : Yann Kerhervé écrit aux maires", entities=[person]) is None
    assert _kind(text, told="Kerhervé écrit aux maires", entities=[person]) is None
    assert _kind(text, told="Paul Le Goff écrit aux maires", entities=[person]) == "unplaced_tied"


def test_the_selector_refuses_an_unplaced_bullet_when_a_rival_is_close() -> None:
    from essentiel.keypoints.placing import refuse_unplaced

    text = "Les quais de Morlaix ont été inondés sur trois cents mètres, précise la chaîne."
    sentence = _sentence(text)
    fragments = [(0, len(text))]
    assert refuse_unplaced(sentence, fragments, "fr", [], "", text, lambda: 0.9, 0.8)
    assert not refuse_unplaced(sentence, fragments, "fr", [], "", text, lambda: 0.5, 0.8)
    assert not refuse_unplaced(sentence, fragments, "fr", [], "", text, lambda: 0.9, 0.0)


def test_the_order_that_names_first_leaves_fewer_descriptions_unplaced() -> None:
    from essentiel.keypoints.placing import unplaced_in_order

    named = "Le député Yann Kerhervé a réuni samedi les maires du Finistère à Quimper."
    described = "Dimanche soir, l'élu a écrit à tous les maires du Finistère pour les convaincre."
    first, second = _sentence(named), _sentence(described)
    bullets = {
        "named": (first, [(0, len(named))], named),
        "described": (second, [(0, len(described))], described),
    }
    # The digest's entities say who is a person: his name in the bullet above places « l'élu ».
    person = [_entity("Yann Kerhervé", EntityKind.PERSON, named, [])]
    assert unplaced_in_order([bullets["named"], bullets["described"]], "fr", person) == 0
    assert unplaced_in_order([bullets["described"], bullets["named"]], "fr", person) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Le président sortant Andrzej Duda fait face à dix autres candidats dimanche.",
        "Selon le magazine spécialisé Ouest Marine, la criée de Brest rouvrira lundi.",
        "Des représentants de la société civile ont défilé à Brest samedi.",
        "La criée va fermer, a annoncé le fondateur et patron de Breizh Marée.",
        # A name right after the noun that the parse did not tag one (« armor24 » read as a
        # verb, « tébéo24 » as a pronoun): written as a name, it names (eighteenth session).
        "Yann Le Goff a annoncé vendredi sur la chaîne armor24 qu'il était malade.",
        "Yann Le Goff a annoncé vendredi sur la chaîne tébéo24 qu'il était malade.",
    ],
)
def test_a_description_with_its_name_a_few_words_on_is_placed(text: str) -> None:
    assert _kind(text) is None


def test_a_description_with_no_name_after_it_is_still_unplaced() -> None:
    text = "Yann Le Goff a annoncé vendredi sur la chaîne qu'il était malade."
    assert _kind(text) == "unplaced_source"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The company will close its Swansea plant next spring, the union said.",
            "unplaced_description",
        ),
        ("Acme Steel will close its Swansea plant next spring, the company said.", None),
        ("'The national team is in good health,' the coach Gareth Lloyd told reporters.", None),
    ],
)
def test_english_descriptions(text: str, kind: str | None) -> None:
    assert _kind(text, lang="en") == kind


@pytest.mark.parametrize(
    ("text", "told", "kind"),
    [
        # A time anchored to a moment another sentence gives, anywhere in the bullet.
        (
            "Les pêcheurs de Douarnenez étaient sur le quai à ce moment-là et ont tout vu.",
            "",
            "unplaced_moment",
        ),
        (
            "A cette heure, les gendarmes de Quimper privilégient la piste d'un accident.",
            "",
            "unplaced_moment",
        ),
        (
            "Un peu plus tôt dans la journée, la maire de Brest avait reçu les pêcheurs.",
            "",
            "unplaced_moment",
        ),
        # The same with what says which moment after it.
        (
            "Plus tôt dans la journée de mardi, la maire de Brest avait reçu les pêcheurs.",
            "",
            None,
        ),
        ("Les pêcheurs sont arrivés au même moment que la maire de Brest.", "", None),
        # Inside the sentence it reads « earlier today ».
        (
            "La tempête a perdu en force après son passage sur Brest plus tôt dans la journée.",
            "",
            None,
        ),
        # A thing or a place another sentence said: which one?
        (
            "La maire de Brest juge qu'un tel projet coûterait trop cher à la commune.",
            "",
            "unplaced_thing",
        ),
        (
            "Le port de Concarneau a fermé ses quais, mais là aussi pour deux jours seulement.",
            "",
            "unplaced_thing",
        ),
        # Placed: the bullet above said the noun, or the bullet says it before.
        (
            "La maire de Brest juge qu'un tel projet coûterait trop cher à la commune.",
            "La région propose un projet de digue à Brest.",
            None,
        ),
        # A consequence or a contrast whose cause the box has not stated, at the opening.
        (
            "Conséquence, les ferries de Roscoff resteront à quai jusqu'à lundi.",
            "",
            "unplaced_link",
        ),
        ("Quant au maire de Roscoff, il y est favorable.", "", "unplaced_link"),
        ("Les ferries de Roscoff resteront à quai en conséquence.", "", None),
        # One of a set another sentence introduced, before the set.
        (
            "La seconde réunion, le 8 mars, a rassemblé les maires du Finistère à Quimper.",
            "",
            "unplaced_ordinal",
        ),
        (
            "La seconde réunion, le 8 mars, a rassemblé les maires du Finistère à Quimper.",
            "Les services de l'État ont organisé deux réunions avec les élus du Finistère.",
            None,
        ),
        # A body or a territory the box never named (judged round 25).
        (
            "L'agence n'a pas relevé le niveau d'alerte après les deux éruptions.",
            "",
            "unplaced_description",
        ),
        (
            "Les pompiers ont évacué la commune dimanche soir.",
            "",
            "unplaced_description",
        ),
        (
            "Les pompiers ont évacué la commune dimanche soir.",
            "Une tornade a frappé la commune de Lodève, dans l'Hérault.",
            None,
        ),
        # The most of a set another sentence introduced, its noun left out (judged round 23);
        # with the set named after it, or a noun, it stands.
        (
            "La plus importante concerne les horaires des ferries de Roscoff.",
            "",
            "unplaced_ordinal",
        ),
        ("La plus importante des mesures concerne les ferries de Roscoff.", "", None),
        ("La plus grande partie des ferries de Roscoff restera à quai.", "", None),
        # Known without the set: a unit of time, an idiom.
        ("La deuxième semaine de mars, les maires du Finistère se sont réunis.", "", None),
        ("Le second tour aura lieu le 22 mars dans toutes les communes du Finistère.", "", None),
    ],
)
def test_moments_things_links_and_ordinals_the_reader_cannot_place(
    text: str, told: str, kind: str | None
) -> None:
    assert _kind(text, told) == kind


def test_the_order_that_introduces_the_set_first() -> None:
    from essentiel.keypoints.placing import unplaced_in_order

    second = "La seconde réunion, le 8 mars, a rassemblé les maires du Finistère à Quimper."
    both = "Les services de l'État ont organisé deux réunions avec les élus du Finistère."
    bullets = [(_sentence(t), [(0, len(t))], t) for t in (second, both)]
    assert unplaced_in_order(bullets, "fr") == 1
    assert unplaced_in_order(bullets[::-1], "fr") == 0


@pytest.mark.parametrize(
    "text",
    [
        "Un peu plus tôt dans la journée, la maire de Brest avait reçu les pêcheurs.",
        "A cette heure, la maire de Brest n'a reçu aucun des pêcheurs.",
        "Conséquence, les ferries de Roscoff resteront à quai jusqu'à lundi.",
    ],
)
def test_a_moment_or_a_consequence_at_the_opening_is_dropped_when_the_rest_stands(
    text: str,
) -> None:
    from essentiel import resources

    end = resources.language("fr").leading_connective(text)
    assert end == text.index(",") + 2
    # Without its comma the words say which moment, and stay.
    assert not resources.language("fr").leading_connective(
        "Plus tôt dans la journée de mardi, la maire de Brest avait reçu les pêcheurs."
    )


@pytest.mark.parametrize(
    ("text", "told", "kind"),
    [
        # An outlet the box never named: which paper says so?
        ("Selon le quotidien, le maire de Quimper a renoncé à sa réforme.", "", "unplaced_source"),
        ("Le marché couvert rouvrira en mars, poursuit la radio locale.", "", "unplaced_source"),
        # Another organisation named above does not tell which outlet.
        (
            "Selon le quotidien, le maire de Quimper a renoncé à sa réforme.",
            "Le PS quitte la majorité de Quimper",
            "unplaced_source",
        ),
        # An outlet named above, or its name after the description, places it.
        (
            "Selon le quotidien, le maire de Quimper a renoncé à sa réforme.",
            "Le maire de Quimper renonce, révèle Le Télégramme",
            None,
        ),
        (
            "Le marché couvert rouvrira en mars, poursuit la radio locale.",
            "France Bleu Armorique a interrogé les commerçants.",
            None,
        ),
        ("Le marché couvert rouvrira en mars, rapporte le quotidien Ouest-France.", "", None),
        # The outlet's article taken by a preposition (« aux Echos », « du Parisien »).
        (
            "Une source a confié aux Echos que la réforme attendra, indique le quotidien.",
            "",
            None,
        ),
        (
            "Selon le quotidien, le maire de Quimper a renoncé à sa réforme.",
            "Les révélations du Parisien sur Quimper",
            None,
        ),
        # A name the list lacks that says it is an outlet.
        ("Le dessin a été publié en une par le journal satirique.", "Brest Hebdo publie", None),
        # A channel named earlier in the bullet (pages 1101-1300, twenty-fourth session).
        (
            "L'arrivée du présentateur sur i-Télé n'enchante pas les salariés de la chaîne.",
            "",
            None,
        ),
    ],
)
def test_an_outlet_cited_by_a_description_needs_an_outlet_named(
    text: str, told: str, kind: str | None
) -> None:
    assert _kind(text, told) == kind


def test_the_selector_refuses_an_unplaced_source_when_another_candidate_is_left() -> None:
    from essentiel.keypoints.placing import unplaced_source

    sentence = _sentence("Selon le quotidien, le maire de Quimper a renoncé à sa réforme.")
    fragments = [(sentence.start, sentence.end)]
    assert unplaced_source(sentence, fragments, "fr", [], "", sentence.text)
    assert not unplaced_source(
        sentence, fragments, "fr", [], "Quimper : le maire renonce, selon Le Télégramme", ""
    )
    # Past an earlier description of another kind (« Le chauffeur » before the outlet).
    other = _sentence("Le chauffeur a prévenu la gendarmerie, poursuit la radio locale.")
    assert unplaced_source(other, [(other.start, other.end)], "fr", [], "", other.text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # « les droits de l'homme » names nobody (train rows 16300-16599); « l'homme » alone
        # stands for someone the reader cannot place.
        (
            "Au moins 300 marins y seraient retenus, selon des organisations de défense des "
            "droits de l'homme.",
            None,
        ),
        ("Au moins 300 marins y seraient retenus, selon l'homme.", "unplaced_description"),
    ],
)
def test_an_idiom_with_a_person_noun_names_nobody(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_a_description_by_a_word_of_its_family_said_before_is_placed() -> None:
    """« l'agriculteur » after « un viticulteur de Montagnac », « l'enseignante » after « une
    institutrice » (``[placing] description_families``; pages 0-245 and 1101-1300,
    twenty-fourth session); a noun of another family stays unplaced."""
    quote = '"Mon tracteur ne dépasse pas 30 km/h", a expliqué l\'agriculteur, surpris.'
    said = "Un viticulteur de Plouha a reçu une amende pour un excès de vitesse."
    assert _kind(quote, said) is None
    assert _kind(quote, "Un automobiliste de Plouha a reçu une amende.") == "unplaced_description"
    # Said earlier in the bullet itself.
    both = "Une institutrice de Lannion est malade, et l'enseignante doit payer son remplaçant."
    assert _kind(both) is None
    assert _kind("L'enseignante doit payer elle-même son remplaçant à Lannion.") == (
        "unplaced_description"
    )


def test_a_count_whose_noun_the_clause_before_gives_is_placed() -> None:
    """« Un migrant est mort et plusieurs sont blessés »: several migrants, the noun left out
    after the count (validation pages 0-245, twenty-fourth session)."""
    joined = "Un pêcheur a disparu dans la tempête et plusieurs ont été secourus."
    found = unplaced(
        _sentence(joined), [(0, len(joined))], "fr", [], "", joined, elided_counts=True
    )
    assert found is None
    # The selector's reading (the default) still refuses it.
    assert _kind(joined) == "unplaced_quantifier"
    alone = "Plusieurs ont été secourus par les sauveteurs de Brest."
    found = unplaced(_sentence(alone), [(0, len(alone))], "fr", [], "", alone, elided_counts=True)
    assert found is not None and found.kind == "unplaced_quantifier"
