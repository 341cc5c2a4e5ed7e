"""Sentences the source writes without a verb: a circumstance with no one doing anything is no
key point; a headline-style noun phrase with its participle, and a main verb the tagger
misread, still are (issue 33). Original sentences, built on the shapes found in the text
slice's boxes."""

from __future__ import annotations

import pytest

from essentiel import resources


def _first(text: str):  # type: ignore[no-untyped-def]
    from essentiel.analyze import pipeline, sentences_of

    return sentences_of(pipeline("fr")(text))[0]


@pytest.mark.parametrize(
    "text",
    [
        # Two participles joined by « et », no noun before them.
        "Battue et humiliée pour avoir refusé un mariage arrangé.",
        # A place and a time, then a list of people: who does what?
        "Dans le cortège ce matin-là, des retraités, des étudiants, mais aussi des familles "
        'venues de Lille et appelées ici "les marcheurs".',
        # « Mais avec ... »: a means, its only finite verb in a relative clause.
        "Mais avec seulement 500 invités autorisés - tests et masques obligatoires - dans une "
        "salle qui peut en accueillir cinq fois plus.",
        # A place, a colon, and what is there.
        "Au fond du coffre : deux grosses valises soigneusement fermées à clé, dans lesquelles "
        "le chauffeur de 52 ans cachait ses économies.",
        # A noun and its complements, an infinitive and a participle of another noun
        # (validation pages 246-500): no finite verb anywhere.
        "L'occasion pour le maire de Brest de présenter un projet très attendu par les "
        "habitants du port.",
        # An absolute participle and an adverbial clause: the only finite verb is the
        # clause's (« comme le rappelle ... », judged round 43).
        'Avec une estimation prudente, certains incendies étant "déclenchés pour des raisons '
        'diverses" comme le rappelle Le Progrès.',
        # A comparison, a place and a relative clause the parse made the root (judged round
        # 45: « Tout comme » left orphan): a phrase and what is said of it.
        "Tout comme au Chili, dont la ministre de la Santé a reproché lundi aux habitants leur "
        "manque de prudence.",
        # A head whose auxiliary is a present participle, no finite verb (train row, session
        # 28): the cause of the sentence before.
        "Le maire n'ayant pas été présent au conseil municipal à partir du 3 mars, date de "
        "son hospitalisation à Brest.",
    ],
)
def test_a_verbless_circumstance_is_no_candidate(text: str) -> None:
    from essentiel.analyze import ParsedSentence
    from essentiel.keypoints.select import stands_alone, verbless_fragment

    span = _first(text)
    assert verbless_fragment(span)
    assert not stands_alone(ParsedSentence(0, 0, span, "fr"), resources.language("fr"))


@pytest.mark.parametrize(
    "text",
    [
        # The main verb under a relative clause the parse hung it on (« a été laissé »).
        "Dans la résidence où la famille habite, un mot a été laissé dans la cage d'escalier.",
        # « enquête » read as a noun or an adjective, with its subject before it.
        "Dans la nuit de samedi, la police enquête sur un homme soupçonné d'avoir volé deux "
        "voitures.",
        "La police enquête sur un homme soupçonné d'avoir volé deux voitures.",
        # An opening preposition, then the statement.
        "Avec 20 millions d'euros investis, la région a rénové trois lycées.",
        # Headline style: a noun phrase and its participle, a statement a reader takes as one.
        "Un homme de 40 ans interpellé à Lyon après le meurtre de sa voisine.",
        # A bare noun after the head may be the verb the tagger misread (« compte »).
        "Le groupe compte 500 salariés répartis sur trois sites en Bretagne.",
        # A main verb and an adverbial clause of its own: a statement.
        "Comme le rappelle Le Progrès, certains incendies ont été déclenchés pour des raisons "
        "diverses.",
        "Les pompiers sont intervenus dans la nuit, alors que le feu gagnait la forêt.",
        # A relative clause beside a main clause of its own.
        "Le maire de Rennes, dont le mandat s'achève en mars, a annoncé lundi sa candidature.",
        # « dont » for « including », the subject before it (validation page 89).
        "300 colis, dont des médicaments et des lettres recommandées, ont été retrouvés lundi.",
        "500 lettres, dont des chèques et des courriers des impôts, ont été découvertes dans un "
        "fossé mercredi.",
        "Au Chili, où la ministre de la Santé a reproché aux habitants leur manque de "
        "prudence, les écoles ferment.",
    ],
)
def test_a_statement_is_no_verbless_circumstance(text: str) -> None:
    from essentiel.keypoints.select import verbless_fragment

    assert not verbless_fragment(_first(text))
