from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from essentiel import resources
from essentiel.analyze import pipeline, sentences_of
from essentiel.keypoints import bullet_text
from essentiel.keypoints import compress as compress_module
from essentiel.keypoints.compress import (
    RULES,
    Compressor,
    _describes_noun_before,
    count_words,
    segments,
)


def compress(
    text: str, target: int, lang: str = "fr", limit: int | None = None, lead: bool = False
) -> tuple[str, list[str]]:
    doc = pipeline(lang)(text)
    sent = sentences_of(doc)[0]
    result = Compressor(resources.language(lang)).compress(sent, 0, target, limit, lead=lead)
    return bullet_text(text, result.fragments), result.removed


def test_segments_ignore_commas_in_quotes_and_parentheses() -> None:
    text = 'Il a dit "oui, mais" (enfin, presque), puis il est parti.'
    segs, end = segments(text)
    assert [text[s.start : s.end] for s in segs] == [
        'Il a dit "oui, mais" (enfin, presque)',
        "puis il est parti",
    ]
    assert text[end:] == "."


def test_short_sentence_is_left_whole() -> None:
    text = "Au lendemain du scrutin, le maire sortant a reconnu sa défaite dimanche soir."
    assert compress(text, 25) == (text, [])


def test_leading_clause_is_dropped_when_over_target() -> None:
    text = (
        "Au lendemain d'une réunion tendue entre les syndicats et la direction du groupe, "
        "le président de la société a annoncé mardi la suppression de 1.200 postes en France."
    )
    bullet, removed = compress(text, 20)
    assert removed == ["leading_clause"]
    assert (
        bullet
        == "Le président de la société a annoncé mardi la suppression de 1.200 postes en France."
    )


@pytest.mark.parametrize("when", ["En novembre", "En 2019", "Mardi soir"])
def test_a_leading_time_is_no_clause_to_cut(when: str) -> None:
    # « En novembre, 172.734 voitures … »: the figure's time, not a clause (judged round 34).
    text = (
        f"{when}, 18.420 voitures neuves ont été immatriculées en Bretagne, soit une hausse "
        "de 2,5 % sur un an, selon le comité régional des constructeurs automobiles."
    )
    bullet, removed = compress(text, 20)
    assert "leading_clause" not in removed
    assert bullet.startswith(when), bullet


@pytest.mark.parametrize(
    ("opening", "time"),
    [
        ("En novembre", True),
        ("En 2019", True),
        ("Mardi soir", True),
        ("Au lendemain d'une réunion tendue", False),
        ("Après avoir quitté Brest en novembre", False),
    ],
)
def test_a_leading_time_is_told_from_a_clause(opening: str, time: bool) -> None:
    read = _read(f"{opening}, 172.734 voitures neuves ont été immatriculées en Bretagne.")
    assert compress_module._only_a_time(read, read.segs[0]) is time


def test_detail_and_parenthetical_always_go() -> None:
    text = (
        "Les pompiers (plus de 300 hommes) ont maîtrisé l'incendie dans la nuit, "
        "en particulier sur le versant nord, selon la préfecture."
    )
    bullet, removed = compress(text, 30)
    assert set(removed) == {"detail", "parenthetical"}
    assert bullet == "Les pompiers ont maîtrisé l'incendie dans la nuit, selon la préfecture."


def test_attribution_and_quotes_are_never_removed() -> None:
    text = (
        "D'après le ministère de l'Intérieur, 12.000 manifestants ont défilé samedi à Paris, "
        '"dans le calme", a précisé la préfecture de police dans un communiqué publié le soir.'
    )
    bullet, _ = compress(text, 8)
    assert bullet.startswith("D'après le ministère de l'Intérieur,")
    assert '"dans le calme", a précisé la préfecture de police' in bullet


def test_deletion_takes_the_segments_that_hang_on_it() -> None:
    text = (
        "Washington a suspendu cette semaine la livraison de certaines armes, "
        "y compris pour les Patriot, des systèmes coûteux et modernes."
    )
    bullet, removed = compress(text, 30)
    assert removed == ["detail"]
    assert bullet == "Washington a suspendu cette semaine la livraison de certaines armes."


def test_compression_never_adds_a_word() -> None:
    text = (
        "Après trois jours de négociations à Bruxelles, les ministres européens, qui se "
        "réunissaient pour la dernière fois avant l'été, ont adopté le nouveau pacte migratoire "
        "(un texte de 400 pages), notamment pour accélérer les expulsions."
    )
    bullet, _ = compress(text, 12)
    source_words = {w.strip(",.()").lower() for w in text.split()}
    assert {w.strip(",.()").lower() for w in bullet.split()} <= source_words
    assert count_words(bullet) < count_words(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In a statement released late on Monday, the company said it would cut 2,000 jobs "
            "across its European plants by the end of next year.",
            "The company said it would cut 2,000 jobs across its European plants by the end of "
            "next year.",
        ),
    ],
)
def test_english_leading_clause(text: str, expected: str) -> None:
    assert compress(text, 20, lang="en")[0] == expected


def test_parenthetical_inside_a_quote_is_part_of_the_quote() -> None:
    text = (
        "\"Le maire (Jean Dupont) m'a demandé de renforcer les patrouilles de police dans le "
        "quartier et je l'ai fait\", a-t-il déclaré, ajoutant qu'il espérait ne pas y recourir."
    )
    bullet, _ = compress(text, 20)
    assert "(Jean Dupont)" in bullet


def test_deletion_is_cancelled_when_an_attribution_hangs_on_it() -> None:
    text = (
        "C'est la première fois qu'un tel accident est signalé dans la région, où 45 personnes "
        "ont été blessées depuis janvier, selon les chiffres officiels."
    )
    bullet, _ = compress(text, 12)
    # Either the relative clause stays with its attribution, or both go: never the claim alone
    # with an attribution that now points to another claim.
    assert ("45 personnes" in bullet) == ("selon les chiffres officiels" in bullet)


@pytest.mark.parametrize(
    ("text", "target", "rule", "expected"),
    [
        # « Le navire, qui ..., est venu » -> « Le navire est venu »: subject meets its verb.
        (
            "Le navire de croisière, qui peut contenir plus de 2.600 passagers et 1.000 membres "
            "d'équipage, est venu heurter le quai du port de Venise dimanche matin.",
            15,
            "relative_clause",
            "Le navire de croisière est venu heurter le quai du port de Venise dimanche matin.",
        ),
        (
            "Les enquêteurs de la brigade financière, à l'issue d'une longue garde à vue, ont "
            "déféré mardi soir le dirigeant de la société devant un juge d'instruction de Lyon.",
            20,
            "adjunct",
            "Les enquêteurs de la brigade financière ont déféré mardi soir le dirigeant de la "
            "société devant un juge d'instruction de Lyon.",
        ),
        # A participle phrase describing the noun before it.
        (
            "Les agriculteurs de la Manche, rassemblés devant la préfecture de Saint-Lô dès "
            "l'aube, ont obtenu jeudi un rendez-vous avec le ministre de l'Agriculture.",
            18,
            "apposition",
            "Les agriculteurs de la Manche ont obtenu jeudi un rendez-vous avec le ministre de "
            "l'Agriculture.",
        ),
    ],
)
def test_inserted_segment_goes_with_both_commas_before_the_main_verb(
    text: str, target: int, rule: str, expected: str
) -> None:
    assert compress(text, target) == (expected, [rule])


@pytest.mark.parametrize(
    "text",
    [
        "La directrice de l'ARS (Agence régionale de santé) Bretagne a annoncé mardi la fermeture de trois services d'urgence dans le Finistère pour l'été.",
        "Le maire Les Républicains (LR) du Plessis-Robinson a annoncé mardi la fermeture de trois écoles maternelles pour la rentrée de septembre prochain.",
    ],
)
def test_parenthetical_inside_a_name_stays(text: str) -> None:
    bullet, removed = compress(text, 12)
    assert "parenthetical" not in removed
    assert "(" in bullet


@pytest.mark.parametrize(
    ("lang", "text", "target", "rule", "ending"),
    [
        (
            "fr",
            "Le ministre de l'Intérieur a reçu mardi place Beauvau les représentants des "
            "commerçants du centre-ville et Jean Dupont, le maire de la commune.",
            20,
            "apposition",
            "centre-ville et Jean Dupont.",
        ),
        (
            "fr",
            "Le tribunal correctionnel de Rennes a condamné mardi l'ancien adjoint au maire à "
            "deux ans de prison avec sursis, qui s'ajoutent à une amende de 30.000 euros.",
            20,
            "relative_clause",
            "à deux ans de prison avec sursis.",
        ),
        (
            "en",
            "The council has approved a new plan for the northern bus lines, which had been "
            "delayed twice by a dispute over funding.",
            15,
            "relative_clause",
            "a new plan for the northern bus lines.",
        ),
    ],
)
def test_trailing_segment_goes_when_over_target(
    lang: str, text: str, target: int, rule: str, ending: str
) -> None:
    bullet, removed = compress(text, target, lang)
    assert removed == [rule]
    assert bullet.endswith(ending)
    assert compress(text, 30, lang) == (text, [])  # under the target, nothing goes


def test_aside_between_dashes_goes_when_over_target() -> None:
    text = (
        "L'ancien dirigeant a été reconnu coupable des sept chefs d'accusation - dont fraude "
        "fiscale et blanchiment - après trois semaines de procès devant le tribunal de Nanterre."
    )
    bullet, removed = compress(text, 22)
    assert removed == ["dash_aside"]
    assert "accusation après trois semaines" in bullet
    # A dash inside a quote is part of the quoted words.
    quoted = (
        "Le juge a estimé que \"les faits - tous reconnus par le prévenu - sont d'une gravité "
        'exceptionnelle", avant de prononcer une peine de cinq ans de prison ferme à Nanterre.'
    )
    assert "tous reconnus" in compress(quoted, 15)[0]


def test_verbless_gloss_after_a_final_dash_goes_when_over_target() -> None:
    text = (
        "Le nombre de créations d'entreprises dans le Finistère a reculé de 12 % sur un an, "
        "a indiqué la chambre de commerce - une première depuis la crise sanitaire de 2020."
    )
    bullet, removed = compress(text, 22)
    assert removed == ["trailing_dash"]
    assert bullet.endswith("a indiqué la chambre de commerce.")
    assert compress(text, 40) == (text, [])  # under the target, nothing goes
    # With a verb, what follows the dash is a claim of its own (here, a condition): it stays.
    conditional = (
        "The clinic's new laser treatment promises to tighten the skin of its customers within "
        "a week - if they agree to sign a waiver that names a funeral director first."
    )
    bullet, removed = compress(conditional, 15, "en")
    assert "trailing_dash" not in removed
    assert "if they agree to sign a waiver" in bullet


def test_a_leading_clause_is_kept_when_a_pronoun_after_it_refers_into_it() -> None:
    # Without its clause, the bullet would be « It is not hard to see why fans call him ... ».
    text = (
        "After the striker posted a video of himself dancing in front of the Arc de Triomphe "
        "in Paris on Sunday, it is not hard to see why fans call him eccentric."
    )
    assert compress(text, 15, "en") == (text, [])
    french = (
        "Après une réunion de crise organisée dans la nuit de mercredi à jeudi avec les "
        "syndicats, il a annoncé la fermeture du site de Florange."
    )
    assert compress(french, 12) == (french, [])


def test_no_bullet_starts_with_the_comma_of_a_deleted_clause() -> None:
    text = (
        "After a light snow on a farm near Eldorado Springs, Colo., not far from a lagging "
        "Colorado River, the governor ordered mandatory water cutbacks by cities and towns "
        "across the region."
    )
    bullet, removed = compress(text, 12, "en")
    assert removed == ["leading_clause"]
    assert bullet.startswith("Not far from a lagging Colorado River, the governor ordered")


def test_an_opening_connective_goes_and_the_rest_must_stand_alone() -> None:
    text = "Toutefois, la préfecture du Finistère a maintenu l'arrêté interdisant la baignade."
    bullet, removed = compress(text, 25)
    assert removed == ["connective"]
    assert bullet == "La préfecture du Finistère a maintenu l'arrêté interdisant la baignade."
    bullet, removed = compress(
        "But the club will miss two games against Celtic next month.", 25, "en"
    )
    assert (bullet, removed) == (
        "The club will miss two games against Celtic next month.",
        ["connective"],
    )
    lang = resources.language("fr")
    # What follows the connective does not stand alone either: nothing to drop.
    assert lang.leading_connective("Mais il a précisé que la baignade restait interdite.") == 0
    assert lang.leading_connective("Ainsi que l'a rappelé le maire, la plage est fermée.") == 0
    assert resources.language("en").leading_connective("So far, nobody has been charged.") == 0
    # « Et de lancer » (a narrative infinitive) needs its « Et »: nothing goes.
    narrative = (
        "Et de lancer aux élus de l'opposition : « Assumez vos choix devant les électeurs. »"
    )
    assert compress(narrative, 5) == (narrative, [])
    # A clause before the main one hangs on its own mark, not on the connective: it goes.
    text = (
        "Et pour faire face au manque de lits, la priorité a été donnée aux patients les plus "
        "âgés de l'hôpital de Vannes."
    )
    bullet, removed = compress(text, 40)
    assert removed == ["connective"]
    assert bullet.startswith("Pour faire face au manque de lits, la priorité a été donnée")


def test_no_deletion_takes_the_main_verb_or_its_subject() -> None:
    # The last comma segment runs to the end of the sentence and holds the main verb: as a
    # "trailing clause" it left « L'arrivée d'un navire comme le Caronia - 300 mètres de long. »
    text = (
        "L'arrivée d'un navire comme le Caronia - 300 mètres de long, à peu de chose près la "
        "longueur de la tour Montparnasse - dans le port aurait des conséquences lourdes."
    )
    bullet, _ = compress(text, 10)
    assert "aurait des conséquences lourdes" in bullet
    # An apposition right after the subject may go; the subject stays with its verb.
    text = (
        "Marc Delaunay, un Lyonnais de 41 ans introuvable depuis plusieurs années, a été "
        "rapidement soupçonné du vol d'un tableau au musée des Beaux-Arts de Rouen."
    )
    bullet, _ = compress(text, 15)
    assert bullet.startswith("Marc Delaunay")
    assert "a été rapidement soupçonné" in bullet
    # The parse's root is in the caption glued before the sentence; the subject of the verb
    # the bullet keeps went with the leading "clause": « Remains a respected figure ... ».
    text = (
        "Last game: Wales, Cardiff, Sep 4, '05 But Hughes, who also praised the early impact "
        "Tom Price has made on his return to the national team, remains a respected figure "
        "in the game."
    )
    bullet, _ = compress(text, 20, "en")
    assert "Hughes remains a respected figure" in bullet


def test_only_a_first_word_is_capitalised() -> None:
    text = "Alors que le conseil a voté, 64% des habitants interrogés souhaitent son abandon."
    start = text.index("64%")
    assert bullet_text(text, [(start, len(text))]) == text[start:]
    start = text.index("le conseil")
    assert bullet_text(text, [(start, len(text))]).startswith("Le conseil a voté")


def test_a_quote_is_never_capitalised() -> None:
    # The bullet's first letter is the speaker's when it opens a quote: it stays as said.
    text = "Au conseil : « non, jamais », a répondu le maire de Pontrieux aux élus."
    start = text.index("«")
    assert bullet_text(text, [(start, len(text))]) == text[start:]
    text = 'Selon l\'adjoint, "une hausse" reste possible en 2026.'
    start = text.index('"')
    assert bullet_text(text, [(start, len(text))]).startswith('"une hausse"')


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Le pont de la commune s'est effondré lors des violentes intempéries qui ont "
            "frappé la vallée dans la nuit et privé d'électricité plusieurs hameaux isolés.",
            "Le pont de la commune s'est effondré.",
        ),
        (
            "fr",
            "La ministre a présenté la réforme devant les députés alors que les syndicats "
            "appelaient à la grève depuis deux semaines dans les transports.",
            "La ministre a présenté la réforme devant les députés.",
        ),
        (
            "en",
            "The council approved the new budget on Monday after a long debate that ran "
            "well into the night and pushed the final vote past midnight.",
            "The council approved the new budget on Monday.",
        ),
        (
            "en",
            "The striker's post appeared on his official account on Sunday, just a few days "
            "after he had insisted that he was committed to fighting for his place.",
            "The striker's post appeared on his official account on Sunday.",
        ),
        (
            # A possessive inside the adjunct (« the minister's ») does not hide its opener.
            "en",
            "The mayor announced the closure of the old bridge on Monday during the minister's "
            "visit to the flooded districts of the valley.",
            "The mayor announced the closure of the old bridge on Monday.",
        ),
    ],
)
def test_an_adjunct_with_no_comma_goes_when_over_target(
    lang: str, text: str, expected: str
) -> None:
    # The parse, not a comma, says where the adjunct starts: « lors des ... », "after a ...".
    bullet, removed = compress(text, 15, lang)
    assert removed == ["verb_adjunct"]
    assert bullet == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # Under target: nothing goes.
        ("en", "The council approved the new budget on Monday after a long debate."),
        # A complement, not an adjunct: « to » opens what « paid tribute » needs.
        (
            "en",
            "The former defender paid tribute to the players whose efforts have helped him "
            "win the trust of the new chairman of the club this season.",
        ),
        # The adjunct carries a quote: the exact words stay.
        (
            "fr",
            "Le maire a signé l'arrêté municipal mardi lors d'un conseil où il a dénoncé « une "
            "situation intenable pour les riverains » du quartier de la gare.",
        ),
        # Under a negation the adjunct bounds what is denied.
        (
            "fr",
            "La ministre assure qu'elle n'a pas quitté son bureau depuis le début de la crise "
            "sanitaire qui frappe le pays entier.",
        ),
        # On a participle describing a noun, the participle would dangle (« diffusé. »).
        (
            "fr",
            "Le lauréat a remercié sa famille dans un message vidéo diffusé lors d'une "
            "cérémonie de remise des prix organisée à Lyon.",
        ),
        # The adjunct names a source: whose claim it is stays with the claim.
        (
            "en",
            "Forty people were injured in the blast on Tuesday during the evening rush hour "
            "according to figures released by the regional health authority.",
        ),
    ],
)
def test_no_adjunct_deletion_where_it_would_cut_a_complement_or_a_quote(
    lang: str, text: str
) -> None:
    target = 25 if text.endswith("after a long debate.") else 12
    _, removed = compress(text, target, lang)
    assert "verb_adjunct" not in removed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Le taux de chômage des jeunes a atteint au troisième trimestre son plus haut "
            "niveau dans la région, depuis la fermeture des deux usines du bassin minier.",
        ),
        (
            "en",
            "Youth unemployment in the region reached its highest level in the third quarter, "
            "since the closure of the two mills that once employed most of the valley.",
        ),
    ],
)
def test_what_bounds_a_claim_stays(lang: str, text: str) -> None:
    # « son plus haut niveau » alone claims more than « ..., depuis la fermeture ».
    bullet, _ = compress(text, 12, lang)
    assert "depuis" in bullet or "since" in bullet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What follows completes the verb before the deleted adjunct: no comma between them.
        (
            "Les capteurs de surveillance de la qualité de l'air installés dans la vallée ont "
            "détecté, dans la nuit de mardi à mercredi, un dépassement du seuil d'alerte aux "
            "particules fines.",
            "Les capteurs de surveillance de la qualité de l'air installés dans la vallée ont "
            "détecté un dépassement du seuil d'alerte aux particules fines.",
        ),
        # What follows is an attribution: its comma stays, whatever the parse made of it.
        (
            'Les mois d\'hiver vont être "plus durs" dans toute la région, où le nombre de '
            "malades va encore augmenter, a affirmé lundi 14 septembre la directrice de "
            "l'agence régionale de santé.",
            'Les mois d\'hiver vont être "plus durs" dans toute la région, a affirmé lundi 14 '
            "septembre la directrice de l'agence régionale de santé.",
        ),
        # What follows is a clause of its own: its comma stays.
        (
            "Le préfet a signé l'arrêté, mardi soir, puis il a réuni les élus de la vallée "
            "pour leur présenter les mesures prises contre la pollution.",
            "Le préfet a signé l'arrêté, puis il a réuni les élus de la vallée pour leur "
            "présenter les mesures prises contre la pollution.",
        ),
    ],
)
def test_an_inserted_adjunct_takes_its_closing_comma_when_the_clause_goes_on(
    text: str, expected: str
) -> None:
    bullet, removed = compress(text, 15)
    assert {"adjunct", "relative_clause"} & set(removed)
    assert bullet == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The parse may hang the last item of a list on the noun before it, as an adjective:
        # only a participle phrase describes a noun, and a list is not cut short.
        (
            "Le tribunal de Lyon a reconnu mardi l'ancien président du club coupable de "
            "détournement de fonds, travail dissimulé, faux.",
            "travail dissimulé, faux.",
        ),
        # On the noun of a « selon X », the participle says whose claim it is.
        (
            "Selon des documents de l'enquête, consultés par l'hebdomadaire, le navire avait "
            "quitté le port de Brest sans autorisation trois jours avant le naufrage.",
            "consultés par l'hebdomadaire",
        ),
    ],
)
def test_what_only_looks_like_a_description_stays(text: str, kept: str) -> None:
    bullet, _ = compress(text, 15)
    assert kept in bullet


def test_last_resort_deletions_wait_for_the_limit() -> None:
    # 24 words: over a target of 20, under a limit of 30. The trailing relative clause is
    # kept; under a limit of 20 it goes.
    text = (
        "Le tribunal correctionnel de Rennes a condamné mardi l'ancien adjoint au maire à "
        "deux ans de prison avec sursis, qui s'ajoutent à une amende de 30.000 euros."
    )
    doc = pipeline("fr")(text)
    sent = sentences_of(doc)[0]
    compressor = Compressor(resources.language("fr"))
    assert compressor.compress(sent, 0, 20, 30).removed == []
    assert compressor.compress(sent, 0, 20, 20).removed == ["relative_clause"]


def _parsed(rows: list[tuple[str, str, str, int, str]]) -> SpacySpan:
    """A sentence with the parse given, so that a test does not hang on the model's."""
    words = [row[0] for row in rows]
    # No space after an elided word (« l' ») nor before a comma or a stop.
    spaces = [
        not word.endswith("'") and nxt not in {",", "."}
        for word, nxt in zip(words, [*words[1:], "."], strict=True)
    ]
    doc = Doc(
        pipeline("fr").vocab,
        words=words,
        spaces=spaces,
        pos=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        heads=[row[3] for row in rows],
        morphs=[row[4] for row in rows],
    )
    return doc[:]


# « Le procès rappelle l'affaire, »: the words before the segment under test.
_RECALLS = [
    ("Le", "DET", "det", 1, ""),
    ("procès", "NOUN", "nsubj", 2, ""),
    ("rappelle", "VERB", "ROOT", 2, "VerbForm=Fin"),
    ("l'", "DET", "det", 4, ""),
    ("affaire", "NOUN", "obj", 2, ""),
    (",", "PUNCT", "punct", 4, ""),
]


@pytest.mark.parametrize(
    ("rows", "describes"),
    [
        # « Le procès rappelle l'affaire, lorsqu'un débat s'était transformé. » parsed with
        # the clause hung on « affaire » like a participle: its auxiliary makes it a clause.
        (
            [
                *_RECALLS,
                ("lorsqu'", "SCONJ", "case", 8, ""),
                ("un", "DET", "det", 8, ""),
                ("débat", "NOUN", "obl:mod", 11, ""),
                ("s'", "PRON", "expl:comp", 11, ""),
                ("était", "AUX", "aux:tense", 11, "VerbForm=Fin"),
                ("transformé", "VERB", "acl", 4, "VerbForm=Part"),
                (".", "PUNCT", "punct", 2, ""),
            ],
            False,
        ),
        # « Le procès rappelle l'affaire, jugée en appel. »: a participle phrase.
        (
            [
                *_RECALLS,
                ("jugée", "VERB", "acl", 4, "VerbForm=Part"),
                ("en", "ADP", "case", 8, ""),
                ("appel", "NOUN", "obl:mod", 6, ""),
                (".", "PUNCT", "punct", 2, ""),
            ],
            True,
        ),
    ],
)
def test_a_description_is_a_participle_phrase_not_a_clause(
    rows: list[tuple[str, str, str, int, str]], describes: bool
) -> None:
    sent = _parsed(rows)
    last = segments(sent.text)[0][-1]
    assert _describes_noun_before(sent, last, []) is describes


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "A night watchman at the county archive building was stabbed in the arm and later "
            "died in hospital from his injuries on Saturday.",
            "A night watchman at the county archive building was stabbed in the arm.",
        ),
        (
            "fr",
            "Le conducteur du poids lourd a été légèrement blessé dans la collision et a été "
            "transporté à l'hôpital de Quimper par les pompiers.",
            "Le conducteur du poids lourd a été légèrement blessé dans la collision.",
        ),
    ],
)
def test_a_last_conjunct_goes_only_while_the_sentence_is_over_its_limit(
    lang: str, text: str, expected: str
) -> None:
    # The first of two claims made together is still the sentence's claim; it is the last
    # resort, so under a limit the sentence already meets, both claims stay.
    doc = pipeline(lang)(text)
    sent = sentences_of(doc)[0]
    compressor = Compressor(resources.language(lang))
    over = compressor.compress(sent, 0, 12, 12)
    assert over.removed == ["second_conjunct"]
    assert bullet_text(text, over.fragments) == expected
    assert compressor.compress(sent, 0, 12, 30).removed == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # « or »: the board may do the second thing instead of the first.
        (
            "en",
            "The board of the struggling football club will sell the training ground next "
            "spring or borrow money from the regional development bank.",
        ),
        # « but »: the point comes after it.
        (
            "en",
            "The striker scored twice in the first half of the match against the league "
            "leaders but missed a penalty in the final minutes of the game.",
        ),
        # The two verbs share their object: « Police officers arrested. » would be left.
        (
            "en",
            "Police officers arrested and later charged the two young men who had broken into "
            "the pharmacy on the high street last month.",
        ),
        # The conjunct carries a speech verb: what was said, and who said it, stay.
        (
            "en",
            "The minister visited the flooded villages of the valley on Tuesday morning and "
            "said the government would pay for the repairs.",
        ),
        # The sentence's attribution comes after the conjunct.
        (
            "en",
            "The committee approved the new cycle lanes along the river embankment and the "
            "city will start the works in the early days of June, officials said.",
        ),
        # In a restrictive relative clause, both conditions pick out the plants.
        (
            "en",
            "The company will close the old bottling plants that lost money last year and "
            "employ fewer than fifty workers each.",
        ),
        # Under a negation, the second claim may be the one denied.
        (
            "fr",
            "La direction ne veut pas fermer l'usine de Lorient cette année et supprimer les "
            "deux cents emplois du site.",
        ),
        (
            "en",
            "The mayor did not say that the council would close the swimming pool this summer "
            "and sell the land to a developer.",
        ),
        # A subject of its own and no comma before « et »: the parse may have split a
        # subject of two nouns (« la saison en cours et la nouvelle vont s'enchaîner »).
        (
            "fr",
            "Le festival de musique de la ville attend cette année un record de fréquentation "
            "et les organisateurs ont prévu trois scènes supplémentaires sur le port.",
        ),
        # The quote holds the comma before « and »: the bullet would end on « “white
        # elephant,”. » (English round 36's « “retailer,”. »).
        (
            "en",
            "The mayor called the new stadium a “white elephant,” and asked the council to stop "
            "paying for its upkeep from the town's budget next year.",
        ),
        # A correlative: « both » and « à la fois » announce the second conjunct.
        (
            "en",
            "The regional bus company both cut the number of evening services on rural "
            "routes and raised the price of a single ticket by a third.",
        ),
        (
            "fr",
            "La compagnie régionale de bus a à la fois réduit le nombre de trajets du soir sur "
            "les lignes rurales et augmenté le prix du billet.",
        ),
    ],
)
def test_no_conjunct_goes_where_the_first_claim_needs_it(lang: str, text: str) -> None:
    doc = pipeline(lang)(text)
    sent = sentences_of(doc)[0]
    compressed = Compressor(resources.language(lang)).compress(sent, 0, 12, 12)
    assert "second_conjunct" not in compressed.removed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "fr",
            "Si le conseil régional vote le budget en décembre, les tarifs des transports "
            "scolaires augmenteront de douze pour cent dès la rentrée de septembre prochain.",
        ),
        (
            "en",
            "If the regional council approves the budget in December, school bus fares will "
            "rise by twelve per cent from the start of the next school year in September.",
        ),
    ],
)
def test_a_condition_is_never_deleted(lang: str, text: str) -> None:
    # Without « Si ... , » the fares rise whatever the vote: a claim the article does not make.
    bullet, removed = compress(text, 12, lang)
    assert "leading_clause" not in removed
    assert bullet.startswith(("Si le conseil", "If the regional"))


def test_each_rule_says_what_it_removes_when_it_fires_and_what_it_never_takes() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert rule.removes and rule.fires and rule.never, rule.name
        assert (rule.find is None) != (rule.claim is None), rule.name


def test_the_compressor_walks_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    text = (
        "Les pompiers (plus de 300 hommes) ont maîtrisé l'incendie dans la nuit, "
        "en particulier sur le versant nord, selon la préfecture."
    )
    reported = {rule.reported for rule in RULES}
    bullet, removed = compress(text, 30)
    assert set(removed) == {"detail", "parenthetical"} and set(removed) <= reported
    # Without the parenthetical rule in the table, the parenthetical stays; the rest is as before.
    without = tuple(rule for rule in RULES if rule.name != "parenthetical")
    monkeypatch.setattr(compress_module, "RULES", without)
    bullet, removed = compress(text, 30)
    assert removed == ["detail"]
    assert bullet == (
        "Les pompiers (plus de 300 hommes) ont maîtrisé l'incendie dans la nuit, "
        "selon la préfecture."
    )


def test_a_segment_is_claimed_by_the_first_rule_that_fires() -> None:
    # « qui ... » after the last comma is a relative clause (the relative rule comes before the
    # apposition and adjunct rules in the table), reported once.
    text = (
        "Le tribunal a condamné l'ancien trésorier du club à deux ans de prison avec sursis, "
        "qui s'ajoutent à une amende de 20.000 euros prononcée en première instance."
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    labels = [d.rule for d in Compressor(resources.language("fr")).candidates(sent)]
    assert labels.count("relative_clause") == 1


# Compression that reads like an editor's cut (issue 33): no comma left between a subject and
# its verb or a word and its complement, the lead's figures and actors kept, and no cut that
# leaves a worse sentence than the whole one.


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "fr",
            "Si ce second tour, qui devait se tenir le 28 juin dans les vingt bureaux de vote "
            "de la ville, ne pouvait pas être organisé avant l'été, la préfecture nommerait une "
            "délégation spéciale.",
            "Si ce second tour ne pouvait pas être organisé avant l'été, la préfecture nommerait "
            "une délégation spéciale.",
        ),
        (
            "en",
            "The company, which employs about 4,000 people at its plant near Detroit, confirmed "
            "on Monday that the factory would close by the end of the year, a spokesman said.",
            "The company confirmed on Monday that the factory would close by the end of the "
            "year, a spokesman said.",
        ),
        (
            "en",
            "Mayor Jane Porter, who took office in January after a bitter campaign against the "
            "incumbent, announced a freeze on new hires at city hall, the council said in a "
            "statement.",
            "Mayor Jane Porter announced a freeze on new hires at city hall, the council said in "
            "a statement.",
        ),
    ],
)
def test_no_comma_is_left_between_a_subject_and_its_verb(
    lang: str, text: str, expected: str
) -> None:
    bullet, removed = compress(text, 20, lang)
    assert "relative_clause" in removed
    assert bullet == expected


def test_a_clause_extended_over_its_list_takes_the_comma_before_the_verb() -> None:
    # The relative clause runs over a list (« France, Italy and Spain »): the deletion is
    # extended to the list's end, and the comma there goes too.
    text = (
        "Ruth Calder, whose radio shows delighted listeners for four decades and whose novels "
        "sold in France, Italy and Spain, has died at her home in Bath."
    )
    assert compress(text, 20, "en") == (
        "Ruth Calder has died at her home in Bath.",
        ["relative_clause"],
    )


def test_a_cut_that_would_leave_a_stray_comma_is_not_made(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A rule that cut the clause but left its closing comma (as the inserted-segment rules did
    # before a verb that is not the main one) is refused: the sentence, which fits the limit,
    # stays whole rather than read « Si ce second tour, ne pouvait ».
    text = (
        "Si ce second tour, qui devait se tenir le 28 juin dans les vingt bureaux de vote de la "
        "ville, ne pouvait pas être organisé, la préfecture nommerait une délégation spéciale."
    )
    monkeypatch.setattr(compress_module, "_inserted_end", lambda s, k: s.segs[k].end)
    bullet, removed = compress(text, 20, limit=35)
    assert (bullet, removed) == (text, [])


def test_no_cut_leaves_the_main_verb_bare() -> None:
    # The parse hangs « un report » on the adjunct before it; taking both would leave « Le
    # gouvernement a envisagé. ». The sentence fits the limit: it stays whole.
    text = (
        "Le gouvernement a envisagé, lors d'un conseil de défense consacré à la crise sanitaire, "
        "un report des élections régionales prévues en mars."
    )
    bullet, _ = compress(text, 15, limit=30)
    assert "un report des élections régionales prévues en mars" in bullet
    assert not bullet.endswith("envisagé.")


@pytest.mark.parametrize(
    ("lang", "text", "kept"),
    [
        (
            "fr",
            "L'explosion, qui a fait trois morts dans la nuit de samedi à dimanche, a aussi "
            "blessé douze personnes dans le quartier de la gare, selon la préfecture.",
            "trois morts",
        ),
        (
            "en",
            "The storm, which killed at least 14 people across three states on Tuesday, also "
            "left 200,000 homes without power for the night, officials said.",
            "14 people",
        ),
        (
            "en",
            "The plan, drawn up by Health Secretary Alan Barker over the summer, will cut "
            "waiting times for cancer patients across the country, officials said.",
            "Alan Barker",
        ),
    ],
)
def test_the_leads_main_figures_and_actors_are_never_cut(lang: str, text: str, kept: str) -> None:
    bullet, _ = compress(text, 15, lang, limit=20)
    assert kept not in bullet  # elsewhere in the article, the cut is made
    # The first sentence fits the limit whole: it stays whole rather than lose them.
    bullet, _ = compress(text, 15, lang, limit=35, lead=True)
    assert kept in bullet


def test_a_cut_never_takes_the_antecedent_of_a_kept_relative_pronoun() -> None:
    # Without the guard the apposition goes and « qui » is left after « adjoint »: the one who
    # filed the complaint changes. The sentence fits the limit: it stays whole.
    text = (
        "La mairie a recruté l'an dernier un nouvel adjoint, un ancien gendarme, qui a porté "
        "plainte mardi contre le préfet pour diffamation."
    )
    assert compress(text, 15, limit=30) == (text, [])


# « Le record étant de 490 km/h, ces 870 km/h, qui placeraient la berline ..., sont
# irréalistes. » with the parse of the judged round's fault (orangesum-15579): the second
# figure is the relative clause's antecedent, parsed as a noun modifier the apposition rule
# takes.
_RECORD = [
    ("Le", "DET", "det", 1, ""),
    ("record", "NOUN", "nsubj", 14, ""),
    ("étant", "AUX", "cop", 4, "VerbForm=Part"),
    ("de", "ADP", "case", 4, ""),
    ("490", "NUM", "nmod", 1, ""),
    (",", "PUNCT", "punct", 7, ""),
    ("ces", "DET", "det", 7, ""),
    ("870", "NUM", "nmod", 1, ""),
    (",", "PUNCT", "punct", 7, ""),
    ("qui", "PRON", "nsubj", 10, "PronType=Rel"),
    ("placeraient", "VERB", "acl:relcl", 7, "VerbForm=Fin"),
    ("la", "DET", "det", 12, ""),
    ("berline", "NOUN", "obj", 10, ""),
    ("sont", "AUX", "cop", 14, "VerbForm=Fin"),
    ("irréalistes", "ADJ", "ROOT", 14, ""),
    (".", "PUNCT", "punct", 14, ""),
]


def test_the_antecedent_is_read_from_the_parse_and_from_the_words_before() -> None:
    sent = _parsed(_RECORD)
    read = compress_module._Sentence.of(sent, resources.language("fr"))
    text = sent.text
    figure = text.index(", ces")
    relative = text.index(", qui")
    # « , ces 870 » goes, « qui » stays: its antecedent is gone.
    assert compress_module._orphan_relative(
        read, [compress_module.Deletion(figure, relative, "apposition", False, 1)]
    )
    # The relative clause goes with it: nothing is left pointing.
    whole = compress_module.Deletion(figure, text.index(" sont"), "apposition", False, 1)
    assert not compress_module._orphan_relative(read, [whole])
    # A cut elsewhere leaves the pronoun its antecedent.
    first = compress_module.Deletion(text.index(" étant"), figure, "adjunct", False, 1)
    assert not compress_module._orphan_relative(read, [first])


def test_a_relative_pronoun_the_parse_hangs_nowhere_ends_the_search() -> None:
    # « Le record, qui placeraient ..., sont irréalistes » parsed with « qui » under the main
    # verb, not a relative clause: the walk up stops at the root (it once looped there).
    rows = [(w, p, "nsubj" if w == "qui" else d, h, m) for w, p, d, h, m in _RECORD]
    rows[10] = ("placeraient", "VERB", "ccomp", 14, "VerbForm=Fin")
    rows[9] = ("qui", "PRON", "nsubj", 14, "PronType=Rel")
    sent = _parsed(rows)
    read = compress_module._Sentence.of(sent, resources.language("fr"))
    text = sent.text
    cut = compress_module.Deletion(text.index(" étant"), text.index(", ces"), "adjunct", False, 1)
    assert not compress_module._orphan_relative(read, [cut])


def test_a_cut_keeps_the_words_it_is_told_to_keep() -> None:
    """The first bullet states the headline's event: no cut takes the headline's words
    (``keep``), here the meeting the leading clause tells of."""
    text = (
        "Au lendemain d'une réunion tendue entre les syndicats et la direction du groupe, "
        "le président de la société a annoncé mardi la suppression de 1.200 postes en France."
    )
    doc = pipeline("fr")(text)
    sent = sentences_of(doc)[0]
    compressor = Compressor(resources.language("fr"))
    assert compressor.compress(sent, 0, 20).removed == ["leading_clause"]
    keep = frozenset(tok.i for tok in sent if tok.text in {"réunion", "syndicats"})
    kept = compressor.compress(sent, 0, 20, keep=keep)
    assert "leading_clause" not in kept.removed
    bullet = bullet_text(text, kept.fragments)
    assert "réunion tendue entre les syndicats" in bullet, bullet


@pytest.mark.parametrize(
    "text",
    [
        # The parse puts the subject (an enumeration) into the opening segments: without them
        # the bullet would open on its verb, « Ont choisi de défiler … ».
        "Dans la cité phocéenne, voisins, collègues, proches ou simples passants, ont choisi "
        "de défiler en silence jusqu'à la mairie pour rendre hommage au jeune pompier disparu.",
        # « la semaine dernière » belongs to the opening clause: kept alone after it goes, it
        # would date the complaints instead of the broadcast.
        "Depuis que la vidéo de l'interpellation a été diffusée, la semaine dernière, quatre "
        "policiers du commissariat ont porté plainte après avoir reçu des menaces, a-t-on "
        "appris vendredi de source syndicale.",
    ],
)
def test_an_opening_cut_never_takes_a_subject_or_strands_a_date(text: str) -> None:
    bullet, removed = compress(text, 20, limit=30)
    assert "leading_clause" not in removed
    assert not bullet.startswith(("Ont ", "La semaine")), bullet
    assert bullet.split(",")[0] == text.split(",")[0], bullet


@pytest.mark.parametrize(
    ("text", "bullet"),
    [
        (
            "Le conseil départemental a ainsi voté une aide de 2 millions d'euros aux éleveurs.",
            "Le conseil départemental a voté une aide de 2 millions d'euros aux éleveurs.",
        ),
        (
            "La préfète ainsi que le maire de Quimper ont visité le chantier lundi matin.",
            "La préfète ainsi que le maire de Quimper ont visité le chantier lundi matin.",
        ),
        (
            "C'est ainsi que la commune a obtenu le label « Ville fleurie » en 2021.",
            "C'est ainsi que la commune a obtenu le label « Ville fleurie » en 2021.",
        ),
    ],
)
def test_ainsi_that_draws_on_the_sentence_before_is_dropped(text: str, bullet: str) -> None:
    # Blind judges marked down bullets that point back at another sentence
    # (experiments/readability_drivers.py); « ainsi que » and « c'est ainsi que » compare.
    assert compress(text, 40, limit=40)[0] == bullet


@pytest.mark.parametrize(
    ("text", "bullet"),
    [
        (
            "La députée Anne Morvan avait alors vivement critiqué le projet de rocade au conseil.",
            "La députée Anne Morvan avait vivement critiqué le projet de rocade au conseil.",
        ),
        (
            "Le maire de Lorient a démissionné mardi alors que le conseil devait voter le budget.",
            "Le maire de Lorient a démissionné mardi alors que le conseil devait voter le budget.",
        ),
        (
            "Le maire de Lorient a démissionné mardi alors qu'il devait présenter le budget.",
            "Le maire de Lorient a démissionné mardi alors qu'il devait présenter le budget.",
        ),
        (
            "La chanteuse Léa Marec, alors âgée de 20 ans, a sorti son premier album en 1984.",
            "La chanteuse Léa Marec, alors âgée de 20 ans, a sorti son premier album en 1984.",
        ),
        # The source's slip for « alors qu'il »: cut, « alors » left « ... mardi qui livrait
        # ... », a relative hung on the date (judged « agrammaticale », round 46).
        (
            "Un livreur est mort mardi 4 mai alors qui déchargeait un camion à Vitré.",
            "Un livreur est mort mardi 4 mai alors qui déchargeait un camion à Vitré.",
        ),
    ],
)
def test_alors_the_time_of_the_sentence_before_is_dropped(text: str, bullet: str) -> None:
    # The headline's statement was refused as pointing back for it (« avait alors critiqué »);
    # « alors que », « alors qu'il » and « alors âgée de » open a clause and stay.
    assert compress(text, 40, limit=40)[0] == bullet


def test_an_exception_in_brackets_is_part_of_the_claim() -> None:
    # Cut, « (hors ...) » would make the sentence say more than the text.
    text = "Aucun club de la région (hors équipes réserves) n'a encore obtenu sa licence pour la saison."
    kept, removed = compress(text, 8, limit=12)
    assert "(hors équipes réserves)" in kept
    assert "parenthetical" not in removed
    # An ordinary aside still goes.
    kept, removed = compress(text.replace("hors équipes réserves", "football et rugby"), 8)
    assert "(" not in kept and "parenthetical" in removed


def test_an_item_of_an_enumeration_is_not_cut_as_an_apposition() -> None:
    # Cut, « Lorient » would leave a list that reads as complete and is not.
    text = (
        "Les villes concernées par les coupures sont : Brest, Quimper, Lorient et sa "
        "banlieue, Vannes, Saint-Brieuc, Morlaix et Lannion."
    )
    kept, _ = compress(text, 10, limit=14)
    for town in ("Brest", "Quimper", "Lorient et sa banlieue", "Vannes", "Saint-Brieuc"):
        assert town in kept, kept


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            # Items the parse hangs as appositions, not conjuncts (the seventh judged
            # round: nine departments named, two kept, the list read as complete).
            "Dix départements de l'ouest du pays sont désormais placés en alerte rouge aux "
            "inondations : la Manche, l'Orne, le Calvados, la Mayenne, la Sarthe, "
            "l'Eure-et-Loir, le Loir-et-Cher, l'Indre-et-Loire, la Vienne et les Deux-Sèvres.",
            ["le Loir-et-Cher", "les Deux-Sèvres"],
        ),
        (
            # Four defendants announced, the first one kept alone.
            "Trois dirigeants doivent comparaître, principalement pour abus de biens sociaux "
            "et recel en bande organisée : un ancien président de Marcor, ex-coopérative de "
            "transformation du lait implantée en Normandie, l'ancien trésorier du groupe et "
            "deux courtiers luxembourgeois.",
            ["l'ancien trésorier du groupe et deux courtiers luxembourgeois"],
        ),
    ],
)
def test_a_list_closed_by_a_coordinator_keeps_every_item(text: str, items: list[str]) -> None:
    kept, removed = compress(text, 20, limit=20)
    assert "apposition" not in removed
    for item in items:
        assert item in kept, kept


def test_a_cut_clause_leaves_no_verb_coordinated_with_it() -> None:
    # Cut, « after a girl in a shop pointed at him » left « has lost ... and asked whether he
    # was ill »: the teacher asked, a claim the text does not make.
    text = (
        "A retired teacher who loved cakes and late dinners has lost more than six stone after "
        "a girl in a shop pointed at him and asked whether he was ill."
    )
    for target in (14, 22):
        bullet, _ = compress(text, target, "en", limit=target)
        assert "stone and asked" not in bullet, bullet
        assert "asked" not in bullet or "a girl in a shop" in bullet, bullet


def test_no_comma_is_left_after_a_coordinator() -> None:
    text = (
        "The engineer from the northern town turned the small family workshop into a global "
        "brand and, in so doing, was criticised by rival firms and unions for many years."
    )
    bullet, removed = compress(text, 12, "en")
    assert removed == ["adjunct"]
    assert "brand and was criticised" in bullet, bullet
    assert "and," not in bullet
    # The same in French: « et, dès lundi, leur fédération » -> « et leur fédération ».
    text = (
        "Si les éleveurs ont été les plus virulents, les coopératives sont restées plus "
        "discrètes et, dès lundi, leur fédération s'est contentée d'appeler au calme."
    )
    bullet, removed = compress(text, 15)
    assert removed == ["adjunct"]
    assert "discrètes et leur fédération" in bullet, bullet


def test_a_time_known_from_the_sentence_before_goes_without_its_comma() -> None:
    bullet, removed = compress(
        "Since then Anna has not been seen and she is not answering her phone.", 25, "en"
    )
    assert (bullet, removed) == (
        "Anna has not been seen and she is not answering her phone.",
        ["connective"],
    )
    # A date after « since » is no link: the words stay.
    text = "Since 2015 the town has lost a third of its shops to the retail park."
    assert compress(text, 25, "en") == (text, [])


def test_of_course_opening_a_sentence_goes() -> None:
    bullet, removed = compress("Of course the clinic says no client has been harmed.", 25, "en")
    assert (bullet, removed) == ("The clinic says no client has been harmed.", ["connective"])


# The eighth judged round's broken cuts (original sentences of the same shapes).
def test_a_comparison_keeps_what_it_compares_with() -> None:
    text = (
        "Le taux de chômage continue de baisser, à 7,2 % sur le dernier trimestre, "
        "contre 7,5 % en juin et 7,8 % en mars."
    )
    kept, _ = compress(text, 15)
    assert "baisser contre" not in kept
    assert "7,2 %" in kept


def test_a_time_span_keeps_what_it_measures() -> None:
    text = (
        "Les résultats de cette étude tombent quelques jours après l'adoption par les "
        "sénateurs du budget de la région, qui ouvre la voie à la fin des subventions aux clubs."
    )
    kept, _ = compress(text, 15)
    assert "quelques jours après l'adoption" in kept


def test_the_guard_refuses_a_cut_after_a_time_span() -> None:
    text = "Les résultats tombent quelques jours après l'adoption du budget de la région."
    sent = sentences_of(pipeline("fr")(text))[0]
    read = compress_module._Sentence.of(sent, resources.language("fr"))
    start = text.index(" après")
    cut = compress_module.Deletion(start, len(text) - 1, "verb_adjunct", False, 0)
    assert compress_module._broken_link(read, [cut])
    # The same cut after a verb is not this guard's business.
    other = "Les résultats tombent après l'adoption du budget de la région."
    sent = sentences_of(pipeline("fr")(other))[0]
    read = compress_module._Sentence.of(sent, resources.language("fr"))
    cut = compress_module.Deletion(other.index(" après"), len(other) - 1, "verb_adjunct", False, 0)
    assert not compress_module._broken_link(read, [cut])


@pytest.mark.parametrize(
    ("text", "lang", "target", "kept_words"),
    [
        (
            "Le médiateur, c'est-à-dire le représentant de l'État dans le département, ainsi "
            "que la direction du syndicat et Mme Durand, la présidente de la fédération, ont "
            "également été avertis.",
            "fr",
            15,
            "ainsi que la direction",
        ),
        (
            "The mayor, a former teacher from the valley, as well as two councillors and the "
            "city's treasurer, were told of the audit on Monday.",
            "en",
            12,
            "as well as two councillors",
        ),
    ],
)
def test_a_phrase_added_to_the_subject_stays(
    text: str, lang: str, target: int, kept_words: str
) -> None:
    kept, _ = compress(text, target, lang)
    assert kept_words in kept


def test_a_cut_never_takes_the_subject_the_parse_hung_on_an_adjunct() -> None:
    # The parse hangs the name on the adjunct's list of people: cutting the adjunct left
    # « À Nantes, arrivée en tête, s'apprête à … », a verb with no subject.
    text = (
        "À Nantes, après l'accord surprise mardi pour le département entre le candidat LREM "
        "Paul Martin (exclu depuis) et la droite locale, Julie Perrin (EELV), arrivée en tête, "
        "s'apprête à sceller une alliance avec la gauche."
    )
    kept, _ = compress(text, 15)
    assert "Julie Perrin" in kept


def _read(text: str) -> compress_module._Sentence:
    sent = sentences_of(pipeline("fr")(text))[0]
    return compress_module._Sentence.of(sent, resources.language("fr"))


def test_a_cut_leaves_a_main_verb_not_only_a_relative_one() -> None:
    # The ninth judged round's « Dans les jours qui ont suivi la catastrophe. »
    text = (
        "Dans les heures qui ont suivi l'incendie, provoqué par un court-circuit dans un local "
        "du sous-sol, des experts de la police scientifique ont été envoyés sur place."
    )
    read = _read(text)
    main = compress_module.Deletion(text.index(", des experts"), len(text) - 1, "x", False, 0)
    aside = compress_module.Deletion(text.index(", provoqué"), text.index(", des"), "x", False, 0)
    assert compress_module._only_relative_verbs(read, [main])
    assert not compress_module._only_relative_verbs(read, [aside])


def test_a_coordinator_is_not_left_after_a_cut_description() -> None:
    # The ninth judged round's unfaithful « Le virus, puis le ministre …, a cette fois emporté … »
    text = (
        "Le virus, qui a touché la semaine dernière le maire Jean Roux, puis son adjoint Marc "
        "Petit, a cette fois emporté un responsable du port."
    )
    read = _read(text)
    start, end = text.index(", qui"), text.index(", puis")
    cut = compress_module.Deletion(start, end, "relative_clause", False, 0)
    assert compress_module._orphan_conjunct(read, [cut])
    other = "Le maire, qui a été réélu en mars, a démissionné mardi devant le conseil."
    read = _read(other)
    start, end = other.index(", qui"), other.index(", a démissionné")
    cut = compress_module.Deletion(start, end, "relative_clause", False, 0)
    assert not compress_module._orphan_conjunct(read, [cut])


@pytest.mark.parametrize(
    ("piece", "name"),
    [
        (", La Marseillaise,", True),
        ("Emmanuel Macron", True),
        ("Jean de La Fontaine", True),
        (", le maire de Paris,", False),
        ("fondée en 1943", False),
        ("", False),
    ],
)
def test_a_name_is_no_apposition_to_cut(piece: str, name: bool) -> None:
    assert compress_module._bare_name(piece) is name


def _hand_parsed(rows: list[tuple[str, str, str, int, str]]) -> compress_module._Sentence:
    """A sentence parsed by hand (word, pos, dep, head, morph), so a guard is tested on the
    parse it is about, whatever the model makes of the words."""
    words = [row[0] for row in rows]
    spaces = [nxt not in {",", "."} for nxt in [*words[1:], "."]]
    doc = Doc(
        pipeline("fr").vocab,
        words=words,
        spaces=spaces,
        pos=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        heads=[row[3] for row in rows],
        morphs=[row[4] for row in rows],
    )
    return compress_module._Sentence.of(doc[:], resources.language("fr"))


def test_a_cut_never_takes_the_object_of_a_kept_verb() -> None:
    read = _hand_parsed(
        [
            ("La", "DET", "det", 1, ""),
            ("police", "NOUN", "nsubj", 3, "Number=Sing"),
            ("a", "AUX", "aux", 3, "VerbForm=Fin"),
            ("saisi", "VERB", "ROOT", 3, "VerbForm=Part"),
            (",", "PUNCT", "punct", 6, ""),
            ("au", "ADP", "case", 6, ""),
            ("domicile", "NOUN", "obl", 3, "Number=Sing"),
            (",", "PUNCT", "punct", 9, ""),
            ("des", "DET", "det", 9, ""),
            ("documents", "NOUN", "obj", 3, "Number=Plur"),
            (".", "PUNCT", "punct", 3, ""),
        ]
    )
    text = read.text
    cut = compress_module.Deletion(text.index(", des"), len(text) - 1, "x", False, 0)
    aside = compress_module.Deletion(text.index(", au"), text.index(", des"), "x", False, 0)
    assert compress_module._takes_object(read, [cut])
    assert not compress_module._takes_object(read, [aside])


@pytest.mark.parametrize(
    ("det", "noun", "number", "disagrees"),
    [
        ("des", "informations", "Number=Plur", True),
        ("un", "ami", "Number=Sing", False),
    ],
)
def test_an_apposition_that_disagrees_in_number_is_none(
    det: str, noun: str, number: str, disagrees: bool
) -> None:
    # « obtenir, par l'entremise de Paul, des informations »: the parse hung the object on
    # the name as an apposition; « de Paul, un ami » is one.
    read = _hand_parsed(
        [
            ("Il", "PRON", "nsubj", 1, ""),
            ("veut", "VERB", "ROOT", 1, "VerbForm=Fin"),
            ("obtenir", "VERB", "xcomp", 1, "VerbForm=Inf"),
            (",", "PUNCT", "punct", 5, ""),
            ("par", "ADP", "case", 5, ""),
            ("Paul", "PROPN", "obl", 2, "Number=Sing"),
            (",", "PUNCT", "punct", 8, ""),
            (det, "DET", "det", 8, ""),
            (noun, "NOUN", "appos", 5, number),
            (".", "PUNCT", "punct", 1, ""),
        ]
    )
    seg = next(g for g in read.segs if read.piece(g).lstrip(", ").startswith(det))
    assert compress_module._disagrees_in_number(read, seg) is disagrees


def test_the_subject_after_a_fronted_participle_is_no_apposition() -> None:
    # « Prévu pour mars par le maire Paul Roux, le chantier du pont, retardé, sera lancé
    # lundi »: the parse hung « chantier » on « maire » as an apposition; cut as one, the
    # bullet lost its subject (the thirty-third judged round).
    rows = [
        ("Prévu", "VERB", "ROOT", 0, "VerbForm=Part"),
        ("pour", "ADP", "case", 2, ""),
        ("mars", "NOUN", "obl", 0, "Number=Sing"),
        ("par", "ADP", "case", 5, ""),
        ("le", "DET", "det", 5, ""),
        ("maire", "NOUN", "obl:agent", 0, "Number=Sing"),
        ("Paul", "PROPN", "appos", 5, ""),
        ("Roux", "PROPN", "flat:name", 6, ""),
        (",", "PUNCT", "punct", 10, ""),
        ("le", "DET", "det", 10, ""),
        ("chantier", "NOUN", "appos", 5, "Number=Sing"),
        ("du", "ADP", "case", 12, ""),
        ("pont", "NOUN", "nmod", 10, "Number=Sing"),
        (",", "PUNCT", "punct", 14, ""),
        ("retardé", "VERB", "acl", 10, "VerbForm=Part"),
        (",", "PUNCT", "punct", 17, ""),
        ("sera", "AUX", "aux:pass", 17, "VerbForm=Fin"),
        ("lancé", "VERB", "conj", 0, "VerbForm=Part"),
        ("lundi", "NOUN", "obl:mod", 17, ""),
        (".", "PUNCT", "punct", 0, ""),
    ]
    read = _hand_parsed(rows)
    assert compress_module._subject_after_fronted_participle(read, 1)
    assert compress_module._apposition(read, 1) is None
    # Without the fronted participle (« Hier pour mars par le maire Paul Roux, le chantier
    # … »), the rule reads the parse as it is.
    plain = _hand_parsed([("Hier", "ADV", "ROOT", 0, ""), *rows[1:]])
    assert not compress_module._subject_after_fronted_participle(plain, 1)


# The tenth judged round's broken cuts (original sentences of the same shapes).
def test_a_chain_of_descriptions_goes_whole_or_not_at_all() -> None:
    text = "Elle a souvent rencontré Paul Roux, alors chef du parti, l'aile politique du syndicat."
    read = _read(text)
    start, end = text.index(", alors"), text.index(", l'aile")
    cut = compress_module.Deletion(start, end, "apposition", False, 0)
    assert compress_module._description_chain(read, [cut])
    whole = compress_module.Deletion(start, len(text) - 1, "apposition", False, 0)
    assert not compress_module._description_chain(read, [whole])


def test_a_verb_of_saying_keeps_who_said_it() -> None:
    text = "Le maire de la ville a démissionné mardi, a appris vendredi l'AFP de source proche."
    read = _read(text)
    cut = compress_module.Deletion(text.index(" vendredi"), len(text) - 1, "x", False, 0)
    assert compress_module._bare_attribution(read, [cut])
    date_only = compress_module.Deletion(
        text.index(" vendredi"), text.index(" l'AFP"), "x", False, 0
    )
    assert not compress_module._bare_attribution(read, [date_only])


def test_a_fronted_cut_does_not_go_past_the_subject() -> None:
    # « À la demande des élus, le plafond des achats dans les magasins, cafés et restaurants a
    # été relevé » cut to « Cafés et restaurants a été relevé »: hand-parsed as the model did.
    read = _hand_parsed(
        [
            ("À", "ADP", "case", 1, ""),
            ("demande", "NOUN", "obl", 12, "Number=Sing"),
            (",", "PUNCT", "punct", 4, ""),
            ("le", "DET", "det", 4, ""),
            ("plafond", "NOUN", "nsubj", 12, "Number=Sing"),
            ("des", "ADP", "case", 6, ""),
            ("achats", "NOUN", "nmod", 4, "Number=Plur"),
            (",", "PUNCT", "punct", 8, ""),
            ("cafés", "NOUN", "conj", 6, "Number=Plur"),
            ("et", "CCONJ", "cc", 10, ""),
            ("restaurants", "NOUN", "conj", 6, "Number=Plur"),
            ("a", "AUX", "aux", 12, "Number=Sing|VerbForm=Fin"),
            ("relevé", "VERB", "ROOT", 12, "VerbForm=Part"),
            (".", "PUNCT", "punct", 12, ""),
        ]
    )
    text = read.text
    past = compress_module.Deletion(0, text.index(", cafés") + 1, "fronted_clause", False, 0)
    before = compress_module.Deletion(0, text.index(", le") + 1, "fronted_clause", False, 0)
    assert compress_module._subject_disagrees(read, [past])
    assert not compress_module._subject_disagrees(read, [before])


def test_a_noun_complement_after_a_cut_segment_takes_no_comma() -> None:
    # « après la diffusion, lundi 19 août, d'une vidéo » cut to « la diffusion, d'une vidéo »
    # (tenth judged round): the parse hung « vidéo » elsewhere; « de » joins the noun anyway.
    read = _hand_parsed(
        [
            ("Le", "DET", "det", 1, ""),
            ("juge", "NOUN", "nsubj", 2, "Number=Sing"),
            ("enquête", "VERB", "ROOT", 2, "VerbForm=Fin"),
            ("après", "ADP", "case", 5, ""),
            ("la", "DET", "det", 5, ""),
            ("diffusion", "NOUN", "obl", 2, "Number=Sing"),
            (",", "PUNCT", "punct", 7, ""),
            ("lundi", "NOUN", "obl:mod", 2, "Number=Sing"),
            (",", "PUNCT", "punct", 11, ""),
            ("d'", "ADP", "case", 11, ""),
            ("une", "DET", "det", 11, ""),
            ("vidéo", "NOUN", "dep", 13, "Number=Sing"),
            (",", "PUNCT", "punct", 13, ""),
            ("venue", "VERB", "parataxis", 2, "VerbForm=Part"),
            ("hier", "ADV", "advmod", 13, ""),
            (".", "PUNCT", "punct", 2, ""),
        ]
    )
    k = next(i for i, g in enumerate(read.segs) if read.piece(g).strip(" ,") == "lundi")
    end = compress_module._inserted_end(read, k)
    assert read.text[end:].startswith(" d'")


@pytest.mark.parametrize(
    ("text", "opens"),
    [("ainsi qu'elle", True), ("ainsi que le préfet", True), ("ainsi quelque", False)],
)
def test_an_elided_opener_is_whole_before_the_word_it_is_glued_to(text: str, opens: bool) -> None:
    lang = resources.language("fr")
    assert lang.opens_with(text, lang.additive_conjunctions) is opens


@pytest.mark.parametrize(
    "text",
    [
        # Cut, « Depuis le printemps, » would leave « C'est dans un ancien garage ... ».
        "Depuis le printemps dernier, c'est dans un ancien garage de la rue Gambetta que le "
        "boulanger de Vierzon a installé son fournil et ses deux apprentis.",
        # Cut, « En 1992, » would leave « Alors âgé de 20 ans, ... », a time no one gave.
        "En 1992, alors âgé de 20 ans, Marc Leroux avait remporté le championnat de France de "
        "cyclisme sur route devant plus de 10.000 spectateurs réunis à Cholet.",
    ],
)
def test_no_cut_leaves_an_opener_that_points_at_the_words_cut(text: str) -> None:
    bullet, _ = compress(text, 12)
    assert not bullet.lower().startswith(("c'", "alors"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Depuis ce drame, la mairie de Quimper a fait de la sécurité routière sa priorité.",
            "La mairie de Quimper a fait de la sécurité routière sa priorité.",
        ),
        (
            "Au terme de cette longue réunion, le préfet du Finistère a levé l'interdiction de "
            "baignade sur les plages de Douarnenez.",
            "Le préfet du Finistère a levé l'interdiction de baignade sur les plages de "
            "Douarnenez.",
        ),
    ],
)
def test_an_opening_phrase_pointing_back_by_a_demonstrative_goes(text: str, expected: str) -> None:
    bullet, removed = compress(text, 30)
    assert (bullet, removed) == (expected, ["pointing_opener"])


def test_an_opening_phrase_that_says_whose_view_follows_stays() -> None:
    # Cut, « Pour ce médecin, » left a quote nobody said (the twenty-ninth judged round).
    text = (
        'Pour ce médecin, soutenu par une partie de la majorité, "il y a eu une tentative de '
        'monopoliser les tests".'
    )
    bullet, removed = compress(text, 30)
    assert bullet.startswith("Pour ce médecin"), bullet
    assert "pointing_opener" not in removed


@pytest.mark.parametrize(
    "text",
    [
        "Dans ce cas, un nouveau protocole serait publié dès lundi dans les établissements.",
        "À ce rythme, la retenue d'eau de Guerlédan sera vide avant la fin du mois d'août.",
    ],
)
def test_an_opening_phrase_that_sets_a_condition_stays(text: str) -> None:
    # Cut, « Dans ce cas, » left « Un nouveau plan serait publié. »: the condition gone, the
    # bullet stated as a fact what the source says only in that case (a helper's reading of
    # train boxes, twentieth session).
    bullet, removed = compress(text, 30)
    assert "pointing_opener" not in removed
    assert bullet.startswith(text.split(",")[0]), bullet


@pytest.mark.parametrize(
    "text",
    [
        # A time, not the sentence before.
        "Ce lundi, la mairie de Quimper a fermé la piscine municipale pour travaux.",
        # Defined on the spot by its complement.
        "Depuis cette réforme des retraites, les syndicats de la SNCF multiplient les grèves.",
        # What follows points back too: nothing would stand.
        "Dans ce contexte, il a annoncé la fermeture de la piscine municipale.",
    ],
)
def test_an_opening_phrase_that_points_nowhere_or_holds_the_referent_stays(text: str) -> None:
    _, removed = compress(text, 30)
    assert "pointing_opener" not in removed


def test_no_cut_takes_the_subject_when_a_time_before_it_was_read_as_a_noun() -> None:
    # The tagger reads « A » as a noun with no preposition, an oblique: it is no subject, and
    # the cut of everything between « A 07H30, » and the verb took « trois hommes ».
    text = (
        "A 07H30, sur le quai de la station de métro Gare du Nord, la dernière station en "
        "venant du centre de Lille avant la Belgique, trois hommes, café à la main et écharpe "
        "nouée sur le cou, discutent de la fermeture de la ligne, avec un même souci: arriver "
        "à l'heure au travail."
    )
    doc = pipeline("fr")(text)
    sent = sentences_of(doc)[0]
    result = Compressor(resources.language("fr")).compress(sent, 0, 20, 25)
    bullet = bullet_text(text, result.fragments)
    assert "trois hommes" in bullet, bullet


def test_a_closing_cue_keeps_its_comma_whatever_the_parse() -> None:
    # The eleventh judged round's « … de la zone touchée précise la RATP »: the parse made a
    # noun before the cut segment the subject of the cue's verb, and the cut took both commas.
    read = _hand_parsed(
        [
            ("Les", "DET", "det", 1, ""),
            ("agents", "NOUN", "nsubj", 2, "Number=Plur"),
            ("répareront", "VERB", "ROOT", 2, "VerbForm=Fin"),
            ("les", "DET", "det", 4, ""),
            ("rails", "NOUN", "nsubj", 11, "Number=Plur"),
            (",", "PUNCT", "punct", 7, ""),
            ("avant", "ADP", "mark", 7, ""),
            ("changer", "VERB", "acl", 4, "VerbForm=Inf"),
            ("les", "DET", "det", 9, ""),
            ("câbles", "NOUN", "obj", 7, "Number=Plur"),
            (",", "PUNCT", "punct", 7, ""),
            ("précise", "VERB", "conj", 2, "VerbForm=Fin"),
            ("la", "DET", "det", 13, ""),
            ("SNCF", "PROPN", "obj", 11, ""),
            (".", "PUNCT", "punct", 2, ""),
        ]
    )
    k = next(i for i, g in enumerate(read.segs) if read.piece(g).strip().startswith("avant"))
    assert compress_module._closing_cue(read, k + 1)
    end = compress_module._inserted_end(read, k)
    assert read.text[end:].startswith(", précise")
    cut = compress_module.Deletion(read.opening_comma(read.segs[k]), end, "adjunct", False, 0)
    assert not compress_module._stray_comma(read, [cut])


@pytest.mark.parametrize(
    ("text", "closing"),
    [
        ("La voie rouvrira lundi, après les travaux, précise la RATP.", True),
        ("La voie rouvrira lundi, après les travaux, a précisé que la RATP paierait.", False),
    ],
)
def test_a_closing_cue_names_its_speaker_after_the_verb(text: str, closing: bool) -> None:
    read = _read(text)
    assert compress_module._closing_cue(read, len(read.segs) - 1) is closing


def test_a_time_clause_keeps_the_words_it_tells_the_time_of() -> None:
    # The eleventh judged round's « les prévisions des analystes, quand la recrudescence des
    # feux … »: the relative clause ending on « 2019 » went, « quand » told the time of 2019.
    text = (
        "Ces chiffres confirment les prévisions des experts, qui annoncent une saison pire que "
        "celle de 2021, quand les crues de printemps avaient inondé toute la vallée."
    )
    read = _read(text)
    cut = compress_module.Deletion(
        text.index(", qui"), text.index(", quand"), "relative_clause", False, 0
    )
    assert compress_module._orphan_relative(read, [cut])
    other = compress_module.Deletion(
        text.index(" de printemps"), text.index(" avaient"), "x", False, 0
    )
    assert not compress_module._orphan_relative(read, [other])


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The eleventh judged round: the quote lost its speaker.
        (
            'Pour Maëlle Guivarch, présidente du club des Dauphins de Landerneau, "il faut une '
            'navette gratuite pour les enfants pendant toute la durée du chantier".',
            "Pour Maëlle Guivarch",
        ),
        (
            "Pour le maire de Landerneau, la fermeture de la piscine municipale pendant dix-huit "
            "mois reste la seule solution pour refaire la toiture et le chauffage.",
            "Pour le maire",
        ),
    ],
)
def test_a_leading_clause_that_names_whose_view_follows_is_kept(text: str, kept: str) -> None:
    result, _ = compress(text, 12)
    assert result.startswith(kept)


def test_a_leading_clause_of_purpose_may_go() -> None:
    text = (
        "Pour tenter de limiter la facture, la mairie de Landerneau a renoncé à chauffer la "
        "piscine municipale pendant tout l'hiver prochain."
    )
    read = _read(text)
    assert not compress_module._names_a_viewpoint(read, read.segs[0])
    assert compress_module._leading_clause(read, 0) is not None


def test_the_clause_cut_keeps_whose_view_follows() -> None:
    text = (
        "Pour le maire de Landerneau, la fermeture de la piscine municipale pendant dix-huit "
        "mois reste la seule solution."
    )
    assert not list(compress_module.fronted_clause(_read(text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Toujours selon la préfecture du Finistère, les travaux du pont de Térénez "
            "dureront deux ans.",
            "Selon la préfecture du Finistère, les travaux du pont de Térénez dureront deux ans.",
        ),
        (
            "Autre problème : la gare de Morlaix n'est plus desservie par les bus de la ligne 12.",
            "La gare de Morlaix n'est plus desservie par les bus de la ligne 12.",
        ),
    ],
)
def test_an_opening_label_that_points_back_goes(text: str, expected: str) -> None:
    bullet, removed = compress(text, 30)
    assert (bullet, removed) == (expected, ["pointing_label"])


@pytest.mark.parametrize(
    "text",
    [
        # « toujours » that is no « as said before », a label before a pronoun.
        "Toujours plus nombreux, les cyclistes de Quimper réclament une nouvelle piste.",
        "Autre problème : il ne reste que trois médecins au centre de santé de Carhaix.",
    ],
)
def test_an_opening_label_stays_where_the_rest_would_not_stand(text: str) -> None:
    _, removed = compress(text, 30)
    assert "pointing_label" not in removed


def test_aside_between_double_hyphens_goes_when_over_target() -> None:
    """The news agencies' double hyphen, glued to the aside: cut as an aside between
    dashes. (When the parse hangs the main clause inside such an aside, the guards keep
    the sentence whole.)"""
    text = (
        "Les trois chalutiers --immatriculés à Lorient et à Concarneau depuis 2012-- ont été "
        "saisis mardi soir par les garde-côtes au large de Belle-Île, a annoncé la préfecture "
        "maritime."
    )
    bullet, removed = compress(text, 22)
    assert removed == ["dash_aside"]
    assert bullet.startswith("Les trois chalutiers ont été saisis mardi soir")


def test_a_name_closing_the_sentence_goes_with_the_words_it_was_apposed_to() -> None:
    # The thirteenth judged round: « ... et embrassés, Fabrizio Carboni. » was left.
    text = (
        "Les maires des deux communes, qui ne s'étaient pas parlé depuis des mois, se sont "
        "serré la main et embrassés, sous les regards du préfet et du directeur régional de la "
        "Croix-Rouge pour la Bretagne et les Pays de la Loire, Yann Le Bihan."
    )
    bullet, _ = compress(text, 15, limit=25)
    assert not bullet.endswith(", Yann Le Bihan."), bullet
    assert "Yann Le Bihan" not in bullet or "directeur régional" in bullet, bullet
    # A name inside the sentence, apposed to a subject the bullet keeps, stays.
    text = (
        "Le ministre de l'Agriculture a inauguré mardi la nouvelle halle aux poissons du port "
        "de Lorient, en présence du maire et du président de la région Bretagne, Loïg "
        "Chesnais-Girard."
    )
    bullet, _ = compress(text, 12, limit=22)
    assert bullet == (
        "Le ministre de l'Agriculture a inauguré mardi la nouvelle halle aux poissons du port "
        "de Lorient."
    )


def _cut(text: str, *pieces: str) -> list[compress_module.Deletion]:
    """Deletions of ``pieces`` of ``text`` (each found after the one before)."""
    cuts, at = [], 0
    for piece in pieces:
        start = text.index(piece, at)
        cuts.append(compress_module.Deletion(start, start + len(piece), "adjunct", False, 0))
        at = start + len(piece)
    return cuts


def test_no_cut_leaves_an_auxiliary_without_its_verb() -> None:
    # Issue 33, a train article (7000-7299): « à leur tour manifesté ... » read as a phrase
    # hung on the auxiliary, and cut whole: « ... les "gilets roses" ont . ».
    text = "Après les cheminots, les infirmières ont à leur tour manifesté samedi à Lyon, rapporte Le Progrès."
    read = _read(text)
    assert compress_module._bare_auxiliary(
        read, _cut(text, "à leur tour manifesté samedi à Lyon, rapporte Le Progrès")
    )
    assert compress_module._bare_auxiliary(
        read, _cut(text, "à leur tour manifesté samedi à Lyon, rapporte Le Progrès")[:1]
    )
    assert not compress_module._bare_auxiliary(read, _cut(text, "à leur tour "))
    assert not compress_module._bare_auxiliary(read, _cut(text, ", rapporte Le Progrès"))
    assert "ont ." not in compress(text, 8)[0]


def test_no_cut_takes_every_noun_before_the_first_verb_kept() -> None:
    # « Parallèlement, ont estimé ... »: the names went with the newspaper the parse hung them
    # on (a train article, issue 33).
    text = (
        "Parallèlement, dans une tribune au Figaro Paul Marchal, ancien préfet du Var, et "
        "Anne Roussel, avocate, ont estimé que la réforme était urgente."
    )
    read = _read(text)
    fronted = text[text.index(", dans") : text.index(", ont")]
    assert compress_module._subject_taken_before_verb(read, _cut(text, fronted))
    assert not compress_module._subject_taken_before_verb(
        read, _cut(text, ", ancien préfet du Var")
    )
    assert not compress(text, 10)[0].startswith("Parallèlement, ont")
    # A verb the sentence itself puts first keeps its subject after it: nothing was taken.
    inverted = "Hier, ont été arrêtés deux hommes de 20 ans, dont un mineur."
    assert not compress_module._subject_taken_before_verb(
        _read(inverted), _cut(inverted, ", dont un mineur")
    )


def test_no_cut_leaves_a_comma_before_a_verb_whatever_the_parse() -> None:
    # « la chaîne X, a affirmé que ... », where the cut took « , citant des sources ... ».
    text = (
        "Avant cette annonce, la radio RTL, citant des sources proches du club, le Stade "
        "rennais, a affirmé que l'entraîneur partirait en juin."
    )
    read = _read(text)
    aside = text[text.index(", citant") : text.index(", a affirmé")]
    assert compress_module._comma_before_verb(read, _cut(text, aside))
    whole = text[text.index(", citant") : text.index(" a affirmé")]
    assert not compress_module._comma_before_verb(read, _cut(text, whole))
    # A cue that closes the sentence verb first keeps its comma.
    cue = "Le suspect a été arrêté mardi soir, près de la gare, a précisé le parquet."
    assert not compress_module._comma_before_verb(_read(cue), _cut(cue, ", près de la gare"))
    # So does a cue verb of the language's list whatever follows it (the parse made the
    # speaker its object), and a verb of saying with a few words after it.
    cue = (
        '"Les urgences sont pleines" dans tout le pays, où les lits manquent depuis mars, a '
        "déclaré depuis Lyon le président de la fédération hospitalière, Paul Riou."
    )
    assert not compress_module._comma_before_verb(
        _read(cue), _cut(cue, ", où les lits manquent depuis mars")
    )
    cue = "La maladie a été confirmée, à une période où les tests manquaient, détaille l'Insee."
    assert not compress_module._comma_before_verb(
        _read(cue), _cut(cue, ", à une période où les tests manquaient")
    )
    inverted = "Le projet sera voté en juin, à l'Assemblée, a-t-il dit."
    assert not compress_module._comma_before_verb(
        _read(inverted), _cut(inverted, ", à l'Assemblée")
    )


def test_no_cut_leaves_a_comma_right_after_a_verb() -> None:
    # « avait déclaré, que ... »: the cut took the adjunct between the verb and its comma.
    text = (
        "Le maire de Brest, qui visitait mardi le port, avait déclaré lors de la visite d'une "
        "conserverie de Douarnenez, que la commune soutiendrait les pêcheurs."
    )
    read = _read(text)
    adjunct = " lors de la visite d'une conserverie de Douarnenez"
    assert compress_module._comma_after_verb(read, _cut(text, adjunct))
    assert not compress_module._comma_after_verb(read, _cut(text, adjunct + ","))
    # « que se livre, X »: the aside's closing comma went with it, its opening one stayed.
    text = (
        "Le club n'avait pas pris position dans la bataille judiciaire que se livrent, depuis "
        "février, le maire de Lorient et l'ancien président du club."
    )
    read = _read(text)
    assert compress_module._comma_after_verb(read, _cut(text, "depuis février, "))
    assert compress_module._comma_after_verb(read, _cut(text, ", depuis février"))
    assert not compress_module._comma_after_verb(read, _cut(text, ", depuis février,"))
    # « se livre » read as a noun by the tagger: after « se », a verb all the same.
    text = text.replace("se livrent", "se livre").replace("le maire", "la maire")
    assert compress_module._comma_after_verb(_read(text), _cut(text, "depuis février, "))


def test_no_cut_leaves_the_bullet_on_an_asides_closing_dash() -> None:
    text = (
        "Le club a décidé de venir en aide à Paul Le Goff - seul héritier du fondateur -, en "
        "lui présentant un avocat de Rennes."
    )
    read = _read(text)
    assert compress_module._dash_left_last(
        read, _cut(text, ", en lui présentant un avocat de Rennes")
    )
    assert not compress_module._dash_left_last(
        read, _cut(text, " - seul héritier du fondateur -, en lui présentant un avocat de Rennes")
    )


def test_a_verbless_dont_opens_a_list_not_a_relative_clause() -> None:
    text = (
        "Douze syndicats, dont la CGT, Force ouvrière, la CFTC, rejoints depuis par Sud, ont "
        "appelé les salariés à manifester jeudi partout en France contre la réforme des retraites."
    )
    # No cut takes « dont la CGT » and leaves the other items as if apposed to « syndicats ».
    compressor = Compressor(resources.language("fr"))
    for d in compressor.deletions(_read(text).sent):
        if d.rule == "relative_clause":
            assert "la CFTC" in text[d.start : d.end]
    alone = "Douze syndicats, dont la CGT, Force ouvrière, la CFTC, ont appelé à manifester."
    sentence = _read(alone)
    head = alone.index(", dont la CGT")
    cut = compress_module.Deletion(head, alone.index(", Force"), "relative_clause", False, 0)
    assert compress_module._list_head(sentence, cut)
    whole = compress_module.Deletion(head, alone.index(", ont"), "relative_clause", False, 0)
    assert not compress_module._list_head(sentence, whole)
    # Before the verb, the same « dont » may go, and before a segment that is no item (« ,
    # comme le relaye X »).
    closing = (
        "Le nombre de noyades s'élevait à 459 cas, dont 112 en piscine, comme le relaye Le Monde."
    )
    cuts = Compressor(resources.language("fr")).deletions(_read(closing).sent)
    assert any(d.rule == "relative_clause" for d in cuts)
    before_verb = "Deux hommes, dont un mineur de 16 ans, ont été arrêtés mardi soir à Lille."
    cuts = Compressor(resources.language("fr")).deletions(_read(before_verb).sent)
    assert [before_verb[d.start : d.end] for d in cuts if d.rule == "relative_clause"] == [
        ", dont un mineur de 16 ans,"
    ]
    whole = (
        "Plusieurs maisons, dont Chanel, Dior ou Hermès, ont présenté leurs collections en ligne."
    )
    assert compress(whole, 8)[0] == "Plusieurs maisons ont présenté leurs collections en ligne."


def test_a_dash_that_closes_an_aside_opens_no_gloss() -> None:
    text = (
        "Le tribunal a jugé que les deux frères devraient verser, avec les autres prévenus - "
        "qui n'ont pas fait appel - une amende de 50.000 euros à la commune."
    )
    kept, _ = compress(text, 12)
    assert "50.000 euros" in kept


@pytest.mark.parametrize(
    ("text", "lang", "only"),
    [
        ("Avant que les secours n'arrivent sur place, dans la nuit de samedi.", "fr", True),
        ("Parce que les élus n'ont pas voté le budget en décembre.", "fr", True),
        ("Bien que le maire ait démenti toute implication dans cette affaire.", "fr", True),
        ("Avant que les pompiers n'arrivent, le feu avait détruit la grange.", "fr", False),
        # The parse hung the main verb on the subordinate one: a clause with its own subject
        # after the comma is the main one.
        ("Lorsque les policiers sont arrivés, les suspects avaient fui.", "fr", False),
        ("Le maire a démissionné lundi après le vote du budget.", "fr", False),
        ("Alors que la grève se durcit dans les raffineries depuis lundi.", "fr", True),
        ("S'il pleut encore samedi sur la ville de Rennes.", "fr", True),
        # An elided reflexive the parse may read as an elided « si ».
        ("S'en est suivie une longue perquisition dans son appartement de Nantes.", "fr", False),
        # « Comme » opens an attribution, « Pour » a purpose: the main clause follows.
        ("Comme le rapporte Ouest-France, le maire de Brest a démissionné.", "fr", False),
        # Without its main clause, an attribution alone (the twenty-ninth judged round).
        ("Comme le raconte sur son blog la romancière lyonnaise Anne Dupuis.", "fr", True),
        ("Pour sauver la saison, 40 % des stations ont baissé leurs prix.", "fr", False),
        ("Although the mayor denied any wrongdoing in the affair.", "en", True),
        ("When police arrived at the scene, the suspects had fled.", "en", False),
    ],
)
def test_a_sentence_that_is_only_a_subordinate_clause(text: str, lang: str, only: bool) -> None:
    assert compress_module.subordinate_only(list(pipeline(lang)(text))) is only
    if only and lang == "fr":
        from essentiel.analyze import ParsedSentence
        from essentiel.keypoints.select import stands_alone

        doc = pipeline(lang)(text)
        sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang=lang)
        assert not stands_alone(sentence, resources.language(lang))


def _taking(text: str, piece: str, rule: str = "adjunct") -> compress_module.Deletion:
    start = text.index(piece)
    return compress_module.Deletion(start, start + len(piece), rule, False, 0)


def test_a_cut_keeps_the_comma_that_closes_what_stands_before_it() -> None:
    # Both commas of an aside go only where the first opened it: here the first closed the
    # fronted phrase, or opened the subject's apposition.
    fronted = (
        "Samedi à Nantes, devant la préfecture, sous une pluie battante, les manifestants ont "
        "réclamé l'abandon du projet."
    )
    s = _read(fronted)
    assert compress_module._lost_comma(s, [_taking(fronted, ", sous une pluie battante,")])
    assert not compress_module._lost_comma(s, [_taking(fronted, ", sous une pluie battante")])
    kept, _ = compress(fronted, 10)
    assert "préfecture les" not in kept and "Nantes les" not in kept
    apposed = "Des élus, de droite comme de gauche, en grand nombre, ont signé la tribune."
    s = _read(apposed)
    assert compress_module._lost_comma(s, [_taking(apposed, ", en grand nombre,")])
    # An aside between its own two commas goes with both.
    inserted = "Le maire, selon ses proches, a quitté la mairie de Brest jeudi soir."
    s = _read(inserted)
    assert not compress_module._lost_comma(s, [_taking(inserted, ", selon ses proches,")])


def test_a_cut_leaves_no_elision_undone_nor_a_comma_after_a_link() -> None:
    text = (
        "Le rapport estime que, sans mesures de prévention, il y aurait eu trois fois plus de cas."
    )
    s = _read(text)
    both = _taking(text, ", sans mesures de prévention,")
    assert compress_module._elision_broken(s, [both])  # « que il »
    assert compress_module._comma_after_link(s, [_taking(text, ", sans mesures de prévention")])
    kept, _ = compress(text, 8)
    assert "que il" not in kept and "que, il" not in kept
    fine = "Le rapport estime que la ville, sans mesures de prévention, aurait compté plus de cas."
    assert not compress_module._elision_broken(
        _read(fine), [_taking(fine, ", sans mesures de prévention,")]
    )


def test_a_cut_leaves_no_word_hanging_on_what_it_took() -> None:
    text = (
        "La mort du militant a suscité un immense mouvement de colère contre le racisme, qui "
        "force les institutions et les entreprises, qui seraient sinon accusées de complicité, "
        "à réexaminer leurs pratiques."
    )
    relative = (
        ", qui force les institutions et les entreprises, qui seraient sinon accusées de "
        "complicité,"
    )
    assert compress_module._dangling(_read(text), [_taking(text, relative, "relative_clause")])
    for target in (10, 15, 20):
        assert compress(text, target)[0] != text.replace(relative, ""), target
    # The clause cut and an attribution's « comme » left alone.
    attribution = (
        "Comme le rapporte Le Télégramme, le maire de Quimper, élu en 2020, a démissionné."
    )
    s = _read(attribution)
    assert compress_module._no_main_clause(
        s, [_taking(attribution, ", le maire de Quimper, élu en 2020, a démissionné", "apposition")]
    )
    assert not compress_module._no_main_clause(s, [_taking(attribution, ", élu en 2020")])


def test_no_comma_is_left_between_an_infinitive_and_its_object() -> None:
    text = (
        "Seule la pluie a réussi à interrompre, pendant une heure, le concert donné sur la plage."
    )
    s = _read(text)
    assert compress_module._comma_after_verb(s, [_taking(text, " pendant une heure,")])
    kept, _ = compress(text, 8)
    assert "interrompre," not in kept


def test_an_apposition_left_open_before_its_verb_is_refused() -> None:
    # Both commas of the last aside gone leave the first one open: « Des élus, de droite
    # comme de gauche ont signé », whatever the parse made of the subject.
    for text, aside in (
        (
            "Des élus, de droite comme de gauche, en grand nombre, ont signé la tribune.",
            ", en grand nombre,",
        ),
        (
            "Brest, la ville du port militaire, où mouillent les frégates, attire chaque été "
            "des milliers de visiteurs.",
            ", où mouillent les frégates,",
        ),
    ):
        kept, _ = compress(text, 6)
        assert kept != text.replace(aside, ""), kept


def test_no_aside_is_left_open_between_a_subject_and_its_verb() -> None:
    text = (
        "Le maire, qui a passé l'été dans sa maison, dans la commune de Carnac, s'exprimait "
        "devant une centaine d'habitants."
    )
    s = _read(text)
    relative = ", qui a passé l'été dans sa maison,"
    assert compress_module._aside_left_open(s, [_taking(text, relative, "relative_clause")])
    both = _taking(text, ", qui a passé l'été dans sa maison, dans la commune de Carnac,")
    assert not compress_module._aside_left_open(s, [both])
    assert compress(text, 8)[0] != text.replace(relative, "")


def test_no_fronted_clause_runs_into_the_subject_where_a_dash_aside_closed_it() -> None:
    text = (
        "Although most analysts expected the board to pick one of two plans - a merger or a "
        "sale of the unit - the chairman announced a third."
    )
    s = _read_en(text)
    aside = " - a merger or a sale of the unit -"
    assert compress_module._lost_comma(s, [_taking(text, aside, "dash_aside")])
    for target in (10, 15):
        kept, _ = compress(text, target, "en")
        assert "plans the chairman" not in kept, kept


def _read_en(text: str) -> compress_module._Sentence:
    sent = sentences_of(pipeline("en")(text))[0]
    return compress_module._Sentence.of(sent, resources.language("en"))


def test_no_cut_leaves_a_coordinator_and_its_adverb_without_what_they_introduce() -> None:
    # The nineteenth judged round: « ... dans les studios et, surtout, [sur scène,] X fait ... »
    # read « et, surtout, » with nothing after it.
    text = (
        "Depuis qu'elle a repris sa place dans les salles de répétition et, surtout, sur scène, "
        "Marie Lenoir fait régulièrement l'objet de critiques."
    )
    read = _read(text)
    assert compress_module._orphan_conjunct(read, _cut(text, " sur scène,"))
    assert not compress_module._orphan_conjunct(read, _cut(text, " régulièrement"))


def test_a_relative_clause_cut_takes_the_verbless_detail_that_closes_the_sentence() -> None:
    # Judged round 23 (a train article): « selon cet organisme, qui prévoyait une journée
    # orange ..., sauf dans le sud-ouest » lost its relative clause and kept the exception,
    # which then narrowed the main claim. A detail goes with the clause...
    text = (
        "Le suspect a été interpellé par les policiers, qui le recherchaient depuis plusieurs "
        "semaines, à son domicile de Lyon."
    )
    bullet, removed = compress(text, 8)
    assert removed == ["relative_clause"]
    assert bullet == "Le suspect a été interpellé par les policiers."
    # ... an exception may belong to the main claim: the clause is then kept whole.
    text = (
        "Les départs vers la montagne devaient dominer samedi, selon l'agence, qui annonçait "
        "une journée chargée dans le sens des retours, sauf en Bretagne et dans le Nord."
    )
    bullet, removed = compress(text, 10)
    assert "relative_clause" not in removed
    assert "sauf en Bretagne" in bullet
    assert "agence sauf" not in bullet


def test_a_misread_finite_verb_keeps_its_complement_without_a_comma() -> None:
    # Judged round 23: « sonderaient » read as an adverb, so cutting the date between commas
    # left « sonderaient, les trois étangs ». The ending says it is a verb.
    text = (
        "Des plongeurs de la brigade sonderaient, mardi 3 mars, les deux lacs du village de "
        "Saint-Martin, en Isère, où a disparu le randonneur, a révélé jeudi le Progrès."
    )
    read = _read(text)
    assert compress_module._comma_after_verb(read, _cut(text, ", mardi 3 mars"))
    assert "sonderaient, les" not in compress(text, 12)[0]


def test_a_cut_adjunct_never_takes_the_subject_named_after_it() -> None:
    # Judged round 23: « Le 16 octobre 1984, [dans la soirée, X Y], 4 ans, était retrouvé »:
    # the parse hung the name on the adjunct's noun and the cut took the subject with it.
    text = (
        "Le 12 mars 1992, dans la soirée, Julien Moreau, 5 ans, était retrouvé mort dans la "
        "Moselle, quelques heures après avoir disparu du jardin de ses grands-parents."
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    deletions = Compressor(resources.language("fr")).deletions(sent)
    assert all("Julien Moreau" not in text[d.start : d.end] for d in deletions)
    assert "Julien Moreau" in compress(text, 12)[0]


def test_a_cut_never_takes_the_words_that_limit_the_claim() -> None:
    # Judged round 24: « dans certains pays comme le Brésil » cut, the claim was made of all.
    text = (
        "Selon l'ONG, qui estime que les grandes fortunes échappent au fisc, dans certains pays "
        "comme le Portugal ou la Grèce, \"les plus modestes paient désormais plus d'impôts en "
        'proportion que les plus riches".'
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    deletions = Compressor(resources.language("fr")).deletions(sent)
    assert all("certains pays" not in text[d.start : d.end] for d in deletions)
    # Deeper in a phrase (« privé d'électricité plusieurs hameaux »), the quantifier counts a
    # thing and the phrase may go: test_an_adjunct_with_no_comma_goes_when_over_target.


def test_a_cut_never_leaves_a_bullet_opening_on_a_subordinate_clause() -> None:
    # Judged round 24: the parse made the « quand » clause the root, and the main clause went
    # as a leading one: « Quand un pont ... s'est effondré ..., a-t-on appris ».
    text = (
        "Au moins deux voitures et un bus sont tombés dans la Loire mardi 4 mars, quand un pont "
        "métallique qui traverse le fleuve s'est effondré à Ancenis en Loire-Atlantique, a-t-on "
        "appris auprès des pompiers."
    )
    bullet, _ = compress(text, 20, limit=30)
    assert not bullet.startswith("Quand"), bullet
    read = _read(text)
    assert compress_module._opens_on_subordinator(read, _cut(text, text[: text.index("quand")]))
    assert not compress_module._opens_on_subordinator(read, _cut(text, " mardi 4 mars"))


def test_no_cut_takes_a_noun_and_keeps_its_complement_after_an_aside() -> None:
    # Judged round 28: « changer[, après le lancement,] jeudi 23 janvier, d'une action ».
    text = (
        "La donne pourrait bien changer, après la publication, mardi 4 février, d'un rapport "
        "accablant par une commission d'enquête du Sénat sur la gestion des déchets nucléaires."
    )
    read = _read(text)
    noun = text[text.index(", après") : text.index(", mardi")]
    assert compress_module._orphan_complement(read, _cut(text, noun))
    assert not compress_module._orphan_complement(read, _cut(text, ", mardi 4 février"))
    bullet, _ = compress(text, 15)
    assert "changer, mardi" not in bullet and "changer d'un" not in bullet, bullet


def test_a_verbless_relative_whose_verb_follows_an_aside_is_not_cut_at_its_comma() -> None:
    # Cut at its comma, « dont la détention » would leave its verb to the sentence's subject:
    # « L'analyse ..., commencée lundi, a encore été prolongée ..., a montré que ... » (a
    # judged bullet that no longer said whose custody was prolonged).
    text = (
        "L'analyse du téléphone de son frère, dont la détention, commencée lundi, a encore été "
        "prolongée mercredi pour 24 heures, a montré que les deux hommes avaient échangé vingt "
        "messages le matin des faits."
    )
    bullet, _ = compress(text, 12)
    assert "dont la détention" in bullet, bullet
    # A « dont » that names items of a list still goes.
    listed = (
        "Quatorze partis, dont le Parti socialiste et Les Républicains, ont invité les électeurs "
        "à voter massivement dimanche dans toutes les communes du pays."
    )
    bullet, removed = compress(listed, 12)
    assert "dont" not in bullet and "relative_clause" in removed, (bullet, removed)


def test_a_verb_that_says_nothing_alone_keeps_the_adjunct_after_it() -> None:
    # Judged round 35: « The statement ... came. » (English), and the French counterpart.
    text = (
        "A statement from the province's health minister on Sunday came after a group of "
        "doctors wrote an open letter asking for more nurses in rural hospitals."
    )
    kept, _ = compress(text, 12, "en")
    assert not kept.endswith("came.")
    text = (
        "La décision du conseil régional de Bretagne intervient après deux mois de grève des "
        "agents des lycées, qui réclamaient une hausse de leurs primes."
    )
    kept, _ = compress(text, 10)
    assert not kept.endswith("intervient.")


def test_the_last_of_a_list_of_claims_is_not_cut() -> None:
    # Judged round 35: « ..., police cars were barricading its entrances. » read cut.
    text = (
        "By Tuesday, its phones had been shut off, its website had gone dark, police cars "
        "were guarding its gates, and its classes were canceled for the rest of the week as "
        "the school became a symbol of the city's divisions."
    )
    kept, _ = compress(text, 20, "en")
    assert "guarding its gates." not in kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Anchor: Heavy rain flooded the coastal road near Dunmore on Monday morning.",
            "Heavy rain flooded the coastal road near Dunmore on Monday morning.",
        ),
        (
            "Why it matters: The county has closed four of its nine libraries since 2019.",
            "The county has closed four of its nine libraries since 2019.",
        ),
    ],
)
def test_a_page_s_label_goes_from_an_english_bullet(text: str, expected: str) -> None:
    # Judged round 36: a broadcast transcript's « Anchor: » and a newsletter's section labels
    # opened four English boxes.
    bullet, removed = compress(text, 30, lang="en")
    assert (bullet, removed) == (expected, ["pointing_label"])


def test_a_label_that_is_the_subject_stays() -> None:
    # « The report: » is no label when a verb follows the colon's phrase as its own sentence;
    # « Report said » has no colon at all.
    _, removed = compress("Report cards will be mailed to parents next week.", 30, lang="en")
    assert "pointing_label" not in removed


def test_a_compound_with_a_hyphen_is_no_verb_of_its_segment() -> None:
    """« dont des nouveaux-nés »: the parse tags « nés » a verb; the segment is verbless all
    the same, and the list it heads keeps its items (validation page 207's cut « Vingt-quatre
    personnes, des mères et des infirmières », rebuilt on our words, eighteenth session)."""
    alone = (
        "Douze personnes, dont des nouveaux-nés, des mères et des infirmières, sont mortes "
        "mardi à Brest."
    )
    sentence = _read(alone)
    head = alone.index(", dont des")
    cut = compress_module.Deletion(head, alone.index(", des mères"), "relative_clause", False, 0)
    assert compress_module._list_head(sentence, cut)
    assert sentence.verbless(head - sentence.base, alone.index(", des mères") - sentence.base)


def test_an_apposition_that_is_a_clause_goes_with_the_verbless_rest_after_it() -> None:
    # « ahead of the filing deadline » was the interview's: cut alone, the apposition left it
    # to the senator's departure (English round 37's unfaithful bullet).
    text = (
        "The veteran senator will leave the chamber for an as-yet-undefined role with President "
        "Joe Biden, a decision he disclosed in an interview with the Boston Globe that published "
        "around 5 a.m. on June 8, ahead of the filing deadline at noon on June 9."
    )
    sent = sentences_of(pipeline("en")(text))[0]
    compressed = Compressor(resources.language("en")).compress(sent, 0, 25, 30)
    assert "deadline" not in bullet_text(text, compressed.fragments)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The agency is so overwhelmed that there is virtually no inspector, no clerk, no "
            "manager, that can answer the calls of the residents.",
        ),
        (
            "fr",
            "L'enquête a montré qu'il n'existait aucun registre, aucune facture, aucun contrat, "
            "qui puisse expliquer la disparition des fonds du club de football.",
        ),
    ],
)
def test_a_quantified_list_keeps_its_items_and_the_relative_that_restricts_them(
    lang: str, text: str
) -> None:
    # « virtually no inspector. » denies what the text does not: the list's items and the
    # relative after them say which ones (English round 37's « virtually no candidate. »).
    sent = sentences_of(pipeline(lang)(text))[0]
    compressed = Compressor(resources.language(lang)).compress(sent, 0, 12, 17)
    assert bullet_text(text, compressed.fragments) == text


def test_a_cut_apposition_keeps_the_comma_before_the_next_one() -> None:
    # The parse made the relative's verb the root; cutting « , sculptrice, » took both
    # commas: « Martine Leroux ancienne danseuse et qui a tourné … ».
    text = (
        "Dans un entretien publié par le quotidien vendredi soir, Martine Leroux, sculptrice, "
        "ancienne danseuse et qui a aussi tourné dans quelques films dans les années 90, accuse "
        "le producteur de l'avoir agressée en 1992 à Genève."
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    compressed = Compressor(resources.language("fr")).compress(sent, 0, 25, 29)
    bullet = bullet_text(text, compressed.fragments)
    assert "Leroux ancienne" not in bullet and "Martine Leroux, " in bullet


def test_a_reported_claim_before_its_cue_is_no_leading_clause() -> None:
    # « Three people have been arrested …, federal authorities announced Wednesday morning »
    # was cut to « Federal authorities announced Wednesday morning. » (English round 37): the
    # segment the cue's verb reports is the claim, whatever word opens it.
    text = (
        "Two men were charged with running an illegal betting ring that took bets from "
        "hundreds of gamblers in Ohio and Kentucky, state prosecutors said on Tuesday."
    )
    sent = sentences_of(pipeline("en")(text))[0]
    compressed = Compressor(resources.language("en")).compress(sent, 0, 18, 22)
    assert "leading_clause" not in compressed.removed
    assert bullet_text(text, compressed.fragments).startswith("Two men were charged")


def test_no_cut_leaves_a_subordinating_conjunction_without_its_verb() -> None:
    # FRANK's CNN/DM documents: the parse read the clause's verb as a noun in apposition and an
    # adjunct's cut took it with the aside: "... if QPR[, three points behind ..., win]." read
    # "... if QPR.".
    text = (
        "Victory would move Rovers four points clear of the relegation zone but they will drop "
        "back into the bottom three if Wexford, two points behind with a better goal "
        "difference, win."
    )
    bullet, _ = compress(text, 20, lang="en", limit=30)
    assert not bullet.endswith("if Wexford."), bullet
    read = _read_en(text)
    aside = ", two points behind with a better goal difference, win"
    assert compress_module._verbless_subordinate(read, _cut(text, aside))
    # A cut after the clause's verb is not this guard's.
    text = "They will drop back into the bottom three if Wexford beat Athlone on Saturday, as expected."
    read = _read_en(text)
    assert not compress_module._verbless_subordinate(read, _cut(text, ", as expected"))
    # French « si » likewise; the adverb « si » (« si lourd ») is no conjunction.
    text = (
        "Le club remonterait à la quatrième place si Lyon, qui compte un match de retard, perd "
        "samedi à Nantes."
    )
    read = _read(text)
    assert compress_module._verbless_subordinate(
        read, _cut(text, ", qui compte un match de retard, perd samedi à Nantes")
    )
    text = (
        "Le bilan de la tempête est si lourd, selon les pompiers, que la région demande de l'aide."
    )
    read = _read(text)
    assert not compress_module._verbless_subordinate(read, _cut(text, ", selon les pompiers"))
    # An elliptical clause stands as it is: « si nécessaire[, dans le cadre des accords] ».
    text = "Le président a dit que l'armée interviendrait si nécessaire, dans le cadre des accords."
    read = _read(text)
    assert not compress_module._verbless_subordinate(
        read, _cut(text, ", dans le cadre des accords")
    )


# Issue 33, helper def20: compression scars read on text input (train rows 20600-20899).


def test_no_cut_leaves_the_main_clause_to_a_completive() -> None:
    # The parse heads the sentence by « travaux » and hangs the main clause on the completive
    # of « concluant »: cut as an adjunct, it left « Après ..., fin 2021. ».
    text = (
        "Mais après des années sans travaux et une expertise en 2019 concluant que la moitié du "
        "pont n'est plus sûre, fin 2021, ce pont est interdit à 80 % des camions, 30 % des "
        "bus, et plus aucune voiture de plus de deux tonnes."
    )
    bullet, _ = compress(text, 30)
    assert "ce pont est interdit" in bullet


def test_a_relative_clause_cut_stops_before_the_main_verb_it_was_joined_to() -> None:
    # « remontent » parsed as a conjunct of « déroulés » with no « et »: the cut took it too
    # and left « Les travaux a précisé ... ».
    text = (
        "Les travaux, qui se sont déroulés dans le quartier de Saint-Jean, remontent au 3 mars, "
        "a précisé Marie Durand, adjointe au maire de Lyon, confirmant une information du "
        "quotidien Le Progrès."
    )
    bullet, _ = compress(text, 20)
    assert "remontent au 3 mars" in bullet


def test_a_leading_cut_keeps_the_name_of_a_verb_with_no_subject() -> None:
    # The parse hangs « Marc Lenoir » on the opening phrase and gives the verb no subject: the
    # leading clause's cut took the name (« Très respecté dans le quartier, mais qui ... »);
    # and with the root a bare participle, the apposition's cut keeps its second comma.
    text = (
        "Dans une lettre adressée lundi à Anne Hidalgo, Marc Lenoir, ex-président du club âgé "
        "de 70 ans, très respecté dans le quartier, mais qui entretenait des relations "
        "difficiles avec la mairie depuis plusieurs années, avait insisté sur la nécessité de "
        '"sauver le stade".'
    )
    bullet, _ = compress(text, 30)
    assert "Marc Lenoir, très respecté" in bullet


def test_no_cut_leaves_a_bullet_opening_on_a_relative_pronoun() -> None:
    text = "Le maire, élu en 2014, mais qui ne se représente pas, a inauguré le pont mardi."
    doc = pipeline("fr")(text)
    sent = sentences_of(doc)[0]
    read = compress_module._Sentence.of(sent, resources.language("fr"))
    cut = compress_module.Deletion(0, text.index("mais"), "leading_clause", False, 1)
    assert compress_module._opens_on_subordinator(read, [cut])
    cut = compress_module.Deletion(0, text.index("qui"), "leading_clause", False, 1)
    assert compress_module._opens_on_subordinator(read, [cut])
    cut = compress_module.Deletion(
        text.index(", élu"), text.index(", mais"), "apposition", False, 1
    )
    assert not compress_module._opens_on_subordinator(read, [cut])


def test_a_transitive_verb_does_not_end_on_its_date() -> None:
    # The parse hangs the object on the adjunct's last name: the adjunct's cut took it, and
    # the lead read « La ministre a inauguré mardi 4 mars. ».
    text = (
        "En déplacement à Lyon, la ministre a inauguré mardi 4 mars, aux côtés du maire Jean "
        "Dupont, mais aussi de la chanteuse Zaz, le nouveau centre de soins de la ville (CSV), "
        "qui doit accueillir, malgré le manque de médecins, des milliers de patients, estimés "
        "à 12.000."
    )
    bullet, _ = compress(text, 20, lead=True)
    assert "le nouveau centre de soins" in bullet


def test_an_inverted_cue_after_a_quote_is_no_apposition() -> None:
    # « juge Karim »: the quote's cue, verb first; the parse may read « juge » as a noun
    # (a train row read « "…" en Libye, 30 ans, qui ... » once it was cut as an apposition).
    text = (
        '"Pour les jeunes, c\'est à peu près comme nous, ce sont eux qui souffrent le plus" '
        "en Tunisie, juge Karim, 25 ans, qui vient d'y passer un an."
    )
    doc = pipeline("fr")(text)
    read = compress_module._Sentence.of(sentences_of(doc)[0], resources.language("fr"))
    pieces = [read.piece(seg) for seg in read.segs]
    assert compress_module._inverted_cue(read, read.segs[pieces.index("juge Karim")])
    assert not compress_module._inverted_cue(read, read.segs[pieces.index("25 ans")])
    plain = "Le maire, ancien professeur Jean Dupont, a parlé."
    doc = pipeline("fr")(plain)
    read = compress_module._Sentence.of(sentences_of(doc)[0], resources.language("fr"))
    assert not compress_module._inverted_cue(read, read.segs[1])


def test_names_joined_after_a_name_are_the_list_not_an_apposition() -> None:
    # The parse hung « C.J. Miles and Delon Wright » on the first player as an apposition:
    # cut, the trade was for one player (English round 40's unfaithful bullet).
    text = (
        "The Halifax Hawks have completed the biggest deal of the trade window, acquiring "
        "Mark Dupree from the Moncton Wildcats for John Valen, C.J. Miles and Dean Wright."
    )
    bullet, removed = compress(text, 20, "en")
    assert "apposition" not in removed
    assert bullet.endswith("John Valen, C.J. Miles and Dean Wright."), bullet


def test_a_main_clause_the_parse_calls_relative_is_not_cut() -> None:
    # The English round 42's "..., the exact moment when a plane hit the tower, ceremonies
    # in Washington honoured the dead": the parse made the noun the root and hung the main
    # verb on it as a relative clause with its own noun subject and no relative word; the
    # cut of that clause left a fragment. Hand-parsed in the same shape.
    read = _hand_parsed(
        [
            ("Le", "DET", "det", 1, ""),
            ("moment", "NOUN", "ROOT", 1, "Number=Sing"),
            ("où", "PRON", "advmod", 5, "PronType=Rel"),
            ("le", "DET", "det", 4, ""),
            ("train", "NOUN", "nsubj", 5, "Number=Sing"),
            ("partit", "VERB", "acl:relcl", 1, "VerbForm=Fin"),
            (",", "PUNCT", "punct", 9, ""),
            ("des", "DET", "det", 8, ""),
            ("cérémonies", "NOUN", "nsubj", 9, "Number=Plur"),
            ("honorèrent", "VERB", "acl:relcl", 1, "VerbForm=Fin"),
            ("les", "DET", "det", 11, ""),
            ("victimes", "NOUN", "obj", 9, "Number=Plur"),
            (".", "PUNCT", "punct", 1, ""),
        ]
    )
    text = read.text
    main = compress_module.Deletion(text.index(", des"), len(text) - 1, "x", False, 0)
    assert compress_module._only_relative_verbs(read, [main])


def test_no_cut_leaves_an_attribution_whose_claim_the_parse_hung_on_its_source() -> None:
    # Validation pages 246-500: « Selon Le Point, qui reprend une information de CNN. », the
    # claim (« l'aventurier hors norme voyage ... », the verb read as a noun) cut as an
    # apposition of the source the parse made the sentence's head.
    text = (
        "Selon Le Télégramme, qui reprend une information de France 3, le navigateur hors "
        "norme voyage avec un budget de 20 euros par jour et à bord de cargos pour relier les "
        "ports."
    )
    claim = text[text.index(", le navigateur") : -1]
    assert compress_module._no_main_clause(_read(text), [_taking(text, claim, "apposition")])
    for target in (8, 14):
        assert compress(text, target)[0] == text


def test_no_cut_takes_the_second_bound_of_a_span_the_parse_hung_on_a_clause() -> None:
    # Validation pages 246-500: « ... entre 2005, quand une bactérie avait rendu 141 bébés
    # malades, et 2017. » became « ... entre 2005. »: the parse hung « et 2017 » on the
    # « quand » clause's verb, and the cut of the clause (an adjunct, or the verb's adjunct
    # to the end) took it with it.
    text = (
        "Le directeur de l'usine de Quimper l'avait reconnu dans un entretien au Télégramme : "
        "des salariés ont été exposés entre 2005, quand une fuite avait touché 40 ouvriers, et "
        "2017."
    )
    for target in (10, 20):
        kept, _ = compress(text, target)
        assert kept.endswith("et 2017."), kept
    cuts = Compressor(resources.language("fr")).deletions(sentences_of(pipeline("fr")(text))[0])
    assert not any(text[d.start : d.end].endswith("et 2017") for d in cuts)


def test_an_ellipsis_between_two_sentences_of_a_quote_is_not_cut() -> None:
    # Validation pages 246-500: « ... des étudiants de médecine C'est un calvaire ... », the
    # « (...) » between two sentences cut as a parenthetical; one inside a sentence still goes.
    text = (
        "Je donne des cours à des étudiants de Brest (...) C'est un calvaire de parler par "
        "ces moyens-là, à un écran."
    )
    kept, _ = compress(text, 10)
    assert "Brest (...) C'est" in kept, kept
    inside = "Je donne des cours (...) à des étudiants de Brest depuis le mois de mars dernier."
    assert "(...)" not in compress(inside, 10)[0]


def test_a_relative_after_a_coordinator_keeps_its_antecedent() -> None:
    # French round 41's unfaithful « ... la controverse sur la fin de vie, mais à laquelle ses
    # parents se sont opposés »: the cut took « une sédation », what « laquelle » stood for.
    text = (
        "Le dossier a relancé le débat sur les manèges, après l'affaire de Lyon, un accident "
        "survenu en 2019 après une inspection voulue par la mairie, mais à laquelle les forains "
        "se sont opposés."
    )
    read = _read(text)
    start, end = text.index(", après"), text.index(", mais")
    cut = compress_module.Deletion(start, end, "adjunct", False, 0)
    assert compress_module._orphan_relative(read, [cut])


def test_a_relative_clause_is_not_cut_before_phrases_that_may_be_its_own() -> None:
    # French round 41's unfaithful « on salue la mémoire de Jacques Chirac dans le vieux
    # Jérusalem, en octobre 1996 »: the place and the year were the cut clause's.
    text = (
        "À Lyon, on salue la mémoire de Paul Martin, qui avait marqué les esprits par sa colère "
        "contre un arbitre qu'il jugeait partial, au stade de Gerland, en mai 1998."
    )
    read = _read(text)
    cut = compress_module.Deletion(
        text.index(", qui"), text.index(", au stade"), "relative_clause", False, 0
    )
    assert compress_module._stranded_adjuncts(read, [cut])
    other = "Le maire, qui a été réélu en mars, a démissionné mardi devant le conseil."
    read = _read(other)
    cut = compress_module.Deletion(
        other.index(", qui"), other.index(", a démissionné"), "relative_clause", False, 0
    )
    assert not compress_module._stranded_adjuncts(read, [cut])


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        # A stressed pronoun between commas sets the subject against someone the sentence
        # before named (« La CGT dénonce, elle, … », judged round 41): cut as that aside.
        (
            "Le maire, lui, a refusé de commenter la décision du tribunal administratif de Lyon.",
            "Le maire a refusé de commenter la décision du tribunal administratif de Lyon.",
        ),
        # The same pronoun as a subject stays.
        (
            "Elle a refusé de commenter la décision du tribunal administratif de Lyon mardi soir.",
            "Elle a refusé de commenter la décision du tribunal administratif de Lyon mardi soir.",
        ),
    ],
)
def test_a_stressed_pronoun_aside_is_cut(text: str, cut: str) -> None:
    assert compress(text, 8)[0] == cut


def test_an_opening_connective_goes_before_a_phrase_between_commas() -> None:
    # Train rows 16600-16899: « En effet, » was kept because its noun « effet » read as one
    # whose complement « des internautes » followed an aside.
    text = (
        "En effet, à la suite du premier épisode, des internautes ont réagi à la diffusion du "
        "portrait de Julie Le Goff, la candidate de Brest."
    )
    read = _read(text)
    connective = compress_module.Deletion(0, len("En effet, "), "connective", True, 0)
    assert not compress_module._orphan_complement(read, [connective])
    # The same words cut as any adjunct still take a noun whose complement follows the aside.
    assert compress_module._orphan_complement(read, _cut(text, "En effet, "))
    bullet, _ = compress(text, 40)
    assert bullet.startswith("À la suite du premier épisode, des internautes"), bullet


def test_an_opening_aussi_with_its_comma_goes() -> None:

    lang = resources.language("fr")
    text = "Aussi, les marins de Brest disent se tenir à la disposition du préfet."
    assert compress_module.connective_end(pipeline("fr")(text)[:], lang) == len("Aussi, ")
    kept = "Aussi grave soit-il, l'incident du port de Brest n'a fait aucun blessé."
    assert compress_module.connective_end(pipeline("fr")(kept)[:], lang) == 0


def test_aussi_after_a_copula_is_a_degree_and_stays() -> None:
    # Round 42: « Ils n'ont jamais été aussi hauts » lost « aussi » as an additive adverb (the
    # parse made « hauts » a passive participle) and said the contrary of the article.
    text = (
        "Les loyers n'ont jamais été aussi chers depuis mars 2012 dans le centre de Lyon, à "
        "14 euros le mètre carré en moyenne selon l'observatoire local des loyers."
    )
    for target in (12, 40):
        bullet, _ = compress(text, target)
        assert "jamais été" not in bullet or "été aussi chers" in bullet, bullet
    bullet, _ = compress("Les prix ont jamais été aussi hauts depuis avril 2013 à Lyon.", 6)
    assert "jamais été" not in bullet or "été aussi hauts" in bullet, bullet
    # The additive one on a verb still goes.
    bullet, removed = compress(
        "La maire a aussi rappelé que le budget de la commune était voté depuis mars.", 8
    )
    assert "aussi" not in bullet and "additive_adverb" in removed, bullet


def test_a_verbless_ou_relative_is_not_cut_away_from_its_verb() -> None:
    # « …, depuis Lyon, où la chercheuse, qui enseigne …, s'est installée … »: « où » needs a
    # verb of its own, after the aside; cut with the aside, the bullet read « depuis Lyon,
    # s'est installée » (judged round 42). Whole (up to its verb) it may still go.
    cases = [
        (
            "fr",
            "Extraits d'un entretien accordé par téléphone à notre rédaction, depuis Lyon, où la "
            "chercheuse, qui enseigne entre la Suisse et la France, s'est installée avec sa "
            "famille l'an dernier, et prépare un nouveau livre.",
            "où la chercheuse",
            "s'est installée",
        ),
        (
            "en",
            "The interview was given by phone from Lyon, where the researcher, who teaches in "
            "Switzerland and France, settled with her family last year, and is writing a new "
            "book.",
            "where the researcher",
            "settled",
        ),
    ]
    for lang, text, pronoun_phrase, verb in cases:
        sent = sentences_of(pipeline(lang)(text))[0]
        for d in Compressor(resources.language(lang)).deletions(sent):
            cut = text[d.start : d.end]
            assert not (pronoun_phrase in cut and verb not in cut), (lang, d.rule, cut)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Une collégienne est morte est morte lundi après une chute dans la Loire.",
            "Une collégienne est morte lundi après une chute dans la Loire.",
        ),
        (
            "Il est tombé 200 litres d'eau en une nuit, selon selon la préfecture du Gard.",
            "Il est tombé 200 litres d'eau en une nuit, selon la préfecture du Gard.",
        ),
        (
            "Le maire a porté plainte contre contre la société après l'incendie de la mairie.",
            "Le maire a porté plainte contre la société après l'incendie de la mairie.",
        ),
    ],
)
def test_a_run_the_source_wrote_twice_is_cut_to_one_copy(text: str, expected: str) -> None:
    bullet, removed = compress(text, 40)
    assert bullet == expected and "repeated_words" in removed


@pytest.mark.parametrize(
    "text",
    [
        "Nous nous sommes retrouvés devant la mairie de Brest samedi matin.",
        "Le vent soufflait très très fort sur le port de Concarneau dimanche.",
        "Les élus se revendiquent de de Gaulle depuis la fondation du parti.",
        "Le couple a visité le comté de Walla Walla avant de rentrer à Lyon.",
        "Le club invite les amis des amis à la fête de fin de saison samedi.",
        "Le préfet a réduit la portée du texte en en retirant trois articles.",
        "Le maire a dit « je je ne sais pas » devant le conseil municipal.",
    ],
)
def test_repetitions_the_language_makes_stay(text: str) -> None:
    bullet, removed = compress(text, 40)
    assert bullet == text and "repeated_words" not in removed


def test_english_cuts_no_repetition() -> None:
    text = "The mayor said the council had had enough of the delays at the port."
    bullet, removed = compress(text, 40, "en")
    assert bullet == text and "repeated_words" not in removed


def test_a_determiner_slip_keeps_the_first_determiner() -> None:
    # Round 43: « l'épicentre du ce mouvement » reached a bullet as written.
    text = (
        "Depuis des mois, la place de la mairie est devenue le cœur du ce mouvement de colère "
        "qui a réuni 3.000 personnes samedi."
    )
    bullet, removed = compress(text, 30)
    assert "du mouvement" in bullet and "repeated_words" in removed, (bullet, removed)
    # « des le début » is « dès » without its accent: not cut; a quote keeps its words.
    for kept in (
        "Le maire a soutenu le projet des le début des travaux en mars dernier.",
        'Le maire a dénoncé "le mépris du ce gouvernement" lors du conseil municipal mardi.',
    ):
        bullet, removed = compress(kept, 30)
        assert "repeated_words" not in removed, (bullet, removed)


def test_a_relative_after_a_clause_keeps_its_verb_after_an_aside() -> None:
    # A validation box (pages 1101-1300): a verbless « , où X, » cut at its comma after a
    # clause with its own verb left the aside and the relative's verb to the sentence
    # (« ... qu'ailleurs en Europe pays le plus touché ..., n'a rapporté que ... »).
    text = (
        "Le Portugal connaît une saison touristique bien plus faible qu'ailleurs en Europe, où "
        "l'Espagne, premier pays visité avec 80 millions de touristes, n'a par exemple perdu que "
        "5 % de ses visiteurs."
    )
    for d in Compressor(resources.language("fr")).deletions(_read(text).sent):
        if d.rule == "relative_clause":
            assert "n'a par exemple perdu" in text[d.start : d.end], text[d.start : d.end]


def test_a_relative_clause_before_a_closing_quoted_detail_is_not_cut() -> None:
    # Round 45: « ..., selon un communiqué des autorités de l'Etat, où les pompiers luttent
    # contre des feux de 365.000 hectares, "un record". » lost its clause and left « un record »
    # to the communiqué.
    text = (
        "Plus de 2.000 habitants ont été évacués dimanche, selon la préfecture du Var, où les "
        'pompiers combattent un incendie de 9.000 hectares, "un record absolu".'
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    for d in Compressor(resources.language("fr")).deletions(sent):
        assert d.rule != "relative_clause", text[d.start : d.end]
    # Without the quote, the detail goes with the clause.
    text = (
        "Plus de 2.000 habitants ont été évacués dimanche, selon la préfecture du Var, où les "
        "pompiers combattent un incendie de 9.000 hectares, un record pour le département."
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    cuts = [
        text[d.start : d.end]
        for d in Compressor(resources.language("fr")).deletions(sent)
        if d.rule == "relative_clause"
    ]
    assert cuts and all("un record" in cut for cut in cuts), cuts


def test_the_tail_of_a_list_of_places_is_not_cut() -> None:
    # Round 45: « ... confirmée en Californie, dans l'Oregon et à Washington, mais ... » kept
    # « en Californie » alone: the deaths of three states given to one.
    text = (
        "La mort d'au moins huit randonneurs a été confirmée depuis lundi en Savoie, dans "
        "l'Isère et à Grenoble, mais les secours affirment que plusieurs sentiers restent "
        "fermés."
    )
    sent = sentences_of(pipeline("fr")(text))[0]
    for d in Compressor(resources.language("fr")).deletions(sent):
        assert "à Grenoble" not in text[d.start : d.end] or "en Savoie" in text[d.start : d.end], (
            d.rule,
            text[d.start : d.end],
        )
    # A coordinated noun's complement inside an aside is no list of places: the aside goes
    # (« , en présence du maire et du président de la région, X »).
    aside = (
        "Le ministre a inauguré mardi la nouvelle criée du port de Lorient, en présence du "
        "maire et du président de la région, mais sans les pêcheurs en grève."
    )
    sent = sentences_of(pipeline("fr")(aside))[0]
    assert any(
        d.rule == "adjunct" and "en présence" in aside[d.start : d.end]
        for d in Compressor(resources.language("fr")).deletions(sent)
    )


def test_a_relative_clause_before_the_name_that_closes_a_dash_aside_is_not_cut() -> None:
    # Round 46: « … choisi par le chef de l'Etat - Nicolas Revel[, qui va devenir celui de son
    # successeur], Jean Castex - … » left the successor's name apposed to the first man.
    text = (
        "Dès son arrivée, Claire Morin affirme son indépendance en refusant de se laisser "
        "imposer un directeur de cabinet choisi par le chef de l'Etat - Paul Martin, qui va "
        "devenir celui de son successeur, Marc Dubois - et choisit un de ses proches, Jean "
        "Leroy."
    )
    # The whole text as one span: the sentence splitter may end the sentence at the dash,
    # which the parse of the round's article did not.
    span = pipeline("fr")(text)[:]
    for d in Compressor(resources.language("fr")).deletions(span):
        cut = text[d.start : d.end]
        assert not ("successeur" in cut and "Marc Dubois" not in cut), (d.rule, cut)


def test_a_titled_name_closing_the_sentence_goes_with_the_aside_before_it() -> None:
    # Round 47: « qu'il se représenterait[, après la mort ... de son dauphin désigné,] le
    # Premier ministre X » gave the dauphin's title to the one who would run again.
    text = (
        "Le chef de l'Etat malgache a donc mis fin au suspense qui prévalait à Madagascar "
        "depuis quelques semaines, même s'il avait laissé entendre la semaine dernière qu'il se "
        "représenterait, après la mort brusque début juillet de son dauphin désigné, le Premier "
        "ministre Jean Rakoto."
    )
    span = pipeline("fr")(text)[:]
    for d in Compressor(resources.language("fr")).deletions(span):
        cut = text[d.start : d.end]
        assert not ("dauphin" in cut and "Jean Rakoto" not in cut), (d.rule, cut)


def test_an_aside_before_ou_written_for_ou_grave_is_not_cut() -> None:
    # Round 47's unfaithful bullet: « ..., comme ce fut le cas sur Radio Classique en mars,
    # ou Gilbert Collard avait assuré ... » (« ou » for « où ») read as another claim.
    text = (
        "Des propos assez mesurés de la part de celui qui est connu pour ses sorties "
        "musclées, comme ce fut le cas notamment sur Radio Bretagne en mai dernier, ou Paul "
        'Kervella avait assuré prendre le journaliste "pour un idiot".'
    )
    kept, _ = compress(text, 20, limit=45)
    assert "Radio Bretagne" in kept
    # « ou » before no verb is a choice, not a clause: the aside may go with it.
    text = (
        "Le conseil municipal de Brest votera le budget mardi, après un long débat en "
        "commission des finances, ou mercredi."
    )
    span = pipeline("fr")(text)[:]
    cuts = [text[d.start : d.end] for d in Compressor(resources.language("fr")).deletions(span)]
    assert any("commission des finances" in cut for cut in cuts), cuts


def test_no_cut_leaves_a_comparison_that_takes_up_the_words_cut() -> None:
    # Round 49's unfaithful bullet: « ... repartir à la hausse, notamment dans le sud, où de
    # nombreux Etats avaient assoupli leurs mesures, comme l'appelait de ses voeux le
    # président »: after the cut, the president wished for the epidemic's rise.
    text = (
        "Les Pays-Bas voient depuis fin juin l'épidémie repartir à la hausse, notamment dans le "
        "nord et l'est du pays, où de nombreuses provinces avaient rapidement levé leurs "
        "restrictions sanitaires, comme l'appelait de ses voeux le Premier ministre Jan de Vries."
    )
    span = pipeline("fr")(text)[:]
    for d in Compressor(resources.language("fr")).deletions(span):
        cut = text[d.start : d.end]
        assert not ("restrictions" in cut and "de Vries" not in cut), (d.rule, cut)
    for target in (10, 25):
        bullet = compress(text, target, limit=45)[0]
        assert "appelait" not in bullet or "restrictions" in bullet, bullet
    # An attribution (« comme l'a annoncé le ministère ») gives the claim's source: the aside
    # may go, as before any attribution that does not hang on it.
    text = (
        "Une nouvelle prime à la réparation sera versée à partir du 3 août, pour prendre la "
        "suite de celle instaurée au printemps, comme l'a annoncé samedi le ministère des "
        "Transports."
    )
    span = pipeline("fr")(text)[:]
    cuts = [text[d.start : d.end] for d in Compressor(resources.language("fr")).deletions(span)]
    assert any("au printemps" in cut and "ministère" not in cut for cut in cuts), cuts
    # A comparison with a noun (« comme l'Italie ») takes up nothing: the aside may go.
    text = (
        "Le maire a fermé la piscine municipale, qui accueillait des centaines d'enfants "
        "chaque été, comme Lorient avant elle."
    )
    span = pipeline("fr")(text)[:]
    cuts = [text[d.start : d.end] for d in Compressor(resources.language("fr")).deletions(span)]
    assert any("centaines d'enfants" in cut for cut in cuts), cuts


def test_a_relative_clause_holding_the_only_place_of_a_count_is_not_cut() -> None:
    # Round 49's unfaithful bullet: « La tempête Gloria, qui a ravagé le littoral en Espagne,
    # a fait au moins onze morts »: cut, the toll read as the French article's own.
    lang = resources.language("fr")
    text = (
        "La crue, qui a submergé plusieurs villages de Toscane en Italie, a fait au moins six "
        "morts, selon les secours."
    )
    span = pipeline("fr")(text)[:]
    cuts = [text[d.start : d.end] for d in Compressor(lang).deletions(span)]
    assert not any("Italie" in cut for cut in cuts), cuts
    # Nothing counted: the clause is a detail and may go.
    text = (
        "La crue, qui a submergé plusieurs villages de Toscane en Italie, a surpris les "
        "habitants pendant la nuit."
    )
    span = pipeline("fr")(text)[:]
    cuts = [text[d.start : d.end] for d in Compressor(lang).deletions(span)]
    assert any("Italie" in cut for cut in cuts), cuts


def test_no_cut_leaves_a_paired_link_without_its_member() -> None:
    # « ... l'envoyer soit dans un hôpital spécialisé soit. »: the cut took the second
    # member with the aside before it (train rows 16000-16299, twenty-fourth session).
    text = (
        "Âgé de 17 ans au moment des faits, Erwan Le Goff avait reconnu en décembre une "
        "tentative de meurtre, et la cour d'assises de Rennes devait décider de l'envoyer soit "
        "dans un centre spécialisé soit, comme elle l'a choisi, en prison."
    )
    read = _read(text)
    assert compress_module._bare_link_end(read, _cut(text, ", comme elle l'a choisi, en prison"))
    assert compress_module._bare_link_end(read, _cut(text, ", en prison"))
    assert not compress_module._bare_link_end(
        read, _cut(text, "Âgé de 17 ans au moment des faits, ")
    )
    for target in (20, 35, 40):
        bullet = compress(text, target)[0]
        assert not bullet.endswith(("soit.", "choisi."))
    # A conjunction left last, its member cut.
    text = "Le maire a reçu les commerçants et, comme chaque année, les artisans du marché."
    assert compress_module._bare_link_end(
        _read(text), _cut(text, ", comme chaque année, les artisans du marché")
    )


def test_a_stressed_pronoun_aside_goes_without_the_verb_hung_on_it() -> None:
    # The parse hangs « engagée » on « elle »: cut with its dependents, the aside took the
    # verb and left « La mairie s'était "place Saint-Mbappé" » (train row read in session 28).
    text = (
        "En cas de défaite des Bleus, la mairie s'était, elle, engagée à rebaptiser la place "
        'Saint-Michel, "place Saint-Mbappé", du nom de l\'attaquant Kylian Mbappé.'
    )
    bullet, removed = compress(text, 14)
    assert "additive_adverb" in removed
    assert "s'était engagée à rebaptiser la place Saint-Michel" in bullet


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "En cas de grève prolongée des contrôleurs, la compagnie remboursera intégralement "
            "les billets achetés pour les vacances de la Toussaint et les week-ends prolongés.",
            "fr",
        ),
        (
            "In case of a strike by the controllers next week, the airline will refund all "
            "tickets bought for the autumn holidays and every long weekend of November.",
            "en",
        ),
    ],
)
def test_a_leading_condition_is_never_cut(text: str, lang: str) -> None:
    # Without « En cas de … », the refund is promised outright.
    bullet, removed = compress(text, 14, lang=lang)
    assert "leading_clause" not in removed
    assert bullet.startswith(("En cas de", "In case of"))


def test_a_fronted_adjective_read_as_a_name_keeps_the_subject_after_it() -> None:
    # The parse takes « Présent » for a name and the subject, the real subject for its
    # apposition: cut, « Présent sur le port de Marseille a déclaré … » (train row, session 28).
    text = (
        "Présent sur le port de Marseille, le directeur adjoint de la compagnie Corsica Linea, "
        "Paul Ferrandi, chargé de la sécurité des traversées, a déclaré à la presse que les "
        "navires resteraient à quai pendant au moins huit jours."
    )
    bullet, _ = compress(text, 20)
    assert "le directeur adjoint de la compagnie Corsica Linea" in bullet
    assert "Paul Ferrandi" in bullet


def test_an_aside_that_sets_a_condition_is_kept() -> None:
    # « de retirer, sous conditions, l'âge pivot »: cut, the withdrawal is announced outright
    # (train row read in session 28).
    text = (
        "Alors que la grève contre la réforme des retraites entre dans son 41e jour, et ce "
        "malgré l'annonce par le gouvernement de retirer, sous conditions, l'âge pivot, le "
        "président a estimé que l'inquiétude était légitime."
    )
    bullet, _ = compress(text, 20)
    assert "sous conditions" in bullet


def test_a_one_word_accroche_before_a_colon_is_dropped() -> None:
    # « Problème : » announces the fact after it (train row read in session 28).
    text = (
        "Problème : l'employeur a l'obligation de garantir le secret du vote, selon le code du "
        "travail, rappelle la radio locale."
    )
    bullet, removed = compress(text, 30)
    assert removed == ["pointing_label"]
    assert bullet.startswith("L'employeur a l'obligation")
    # Not when no clause follows: the label is what makes the phrase a statement.
    text = "Objectif : réduire les émissions de la région de 30 % d'ici 2030."
    assert compress(text, 30) == (text, [])


def test_an_object_the_parse_hung_on_an_adjunct_is_not_cut_with_it() -> None:
    # « deux autres » hung on « avant d'être abattu »: cut together, « et blessé. » lost the
    # injured (train row read in session 28).
    text = (
        "Le 5 mars, ce gardien de la prison de Rennes a poignardé à mort sur son lieu de "
        "travail trois détenus et blessé deux autres avant d'être abattu."
    )
    bullet, _ = compress(text, 18)
    assert "blessé deux autres" in bullet
