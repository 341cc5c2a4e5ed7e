"""Follow-on bullets (``keypoints/follow_on.py``): a sentence whose subject pronoun stands for
the subject of the sentence before it, shown right after that sentence's bullet; on sentences
we wrote, both ways."""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

from essentiel import Pipeline, resources
from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.follow_on import follow_ons, follows_on, keeps_subject
from essentiel.pipeline import Settings

from .conftest import keypoint_defects_script

FR = resources.language("fr")

TEACHER = (
    "Une enseignante de 37 ans a été mise en examen pour corruption de mineurs à Lyon, a "
    "annoncé le parquet mardi. Elle est accusée d'avoir eu des relations avec trois élèves de "
    "son lycée pendant une sortie scolaire. Le rectorat a suspendu la professeure dès le mois "
    "de juin, selon une source proche du dossier. Les parents des élèves ont porté plainte au "
    "commissariat du quartier en mai dernier. La ville compte une dizaine de lycées publics et "
    "autant d'établissements privés."
)


def _sentences(text: str) -> list[ParsedSentence]:
    doc = pipeline("fr")(text)
    return [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]


def _follows(text: str) -> bool:
    first, second = _sentences(text)
    return follows_on(first, second, FR)


def test_a_pronoun_that_agrees_with_the_subject_before_follows_on() -> None:
    assert _follows(
        "Le maire de Quimper a présenté mardi son budget pour 2025. Il prévoit une hausse de "
        "dix pour cent des dépenses d'entretien des écoles."
    )
    assert _follows(
        "Les pompiers du Finistère ont lancé un appel à la grève pour le mois de juillet. Ils "
        "réclament davantage de moyens pour les casernes rurales."
    )


def test_a_count_agrees_through_what_it_counts() -> None:
    # « Ils » stands for the syndicates (or the demonstrators), not for « Sept » or « centaines ».
    assert _follows(
        "Sept des neuf syndicats de cheminots ont appelé à une grève reconductible jeudi. Ils "
        "réclament le maintien des petites lignes dans les zones rurales."
    )
    assert _follows(
        "Plusieurs centaines de manifestants ont défilé samedi dans le centre de Rennes. Ils "
        "protestaient contre la fermeture de la maternité de la ville."
    )


def test_a_pronoun_of_another_gender_or_number_does_not() -> None:
    # « Elle » is not « Le maire »; « Ils » is not one syndicate.
    assert not _follows(
        "Le maire de Quimper a présenté mardi son budget pour 2025. Elle prévoit une hausse de "
        "dix pour cent des dépenses d'entretien des écoles."
    )
    assert not _follows(
        "Le syndicat des pompiers du Finistère a lancé un appel à la grève pour juillet. Ils "
        "réclament davantage de moyens pour les casernes rurales."
    )


def test_a_name_beside_another_person_is_ambiguous() -> None:
    # Two women named: « Elle » is either; a man beside her: « Elle » is she.
    assert not _follows(
        "Jeanne Morvan a reçu Claire Le Gall à la mairie de Morlaix lundi matin. Elle a ensuite "
        "présenté le projet de médiathèque aux habitants du quartier."
    )
    assert _follows(
        "Jeanne Morvan a reçu Paul Le Gall à la mairie de Morlaix lundi matin. Elle a ensuite "
        "présenté le projet de médiathèque aux habitants du quartier."
    )


def test_a_sentence_that_needs_more_than_its_subject_does_not_follow_on() -> None:
    # « Cela » points back whatever the subject: not a follow-on.
    assert not _follows(
        "Le maire de Quimper a présenté mardi son budget pour 2025. Cela représente une hausse "
        "de dix pour cent des dépenses d'entretien des écoles."
    )


def test_the_bullet_before_must_keep_its_subject() -> None:
    first, second = _sentences(
        "Le maire de Quimper a présenté mardi son budget pour 2025. Il prévoit une hausse de "
        "dix pour cent des dépenses d'entretien des écoles."
    )
    assert follow_ons([first, second], FR, 10) == {1: 0}
    assert keeps_subject(first, [(first.start, first.end)])
    subject_end = first.text.index(" a présenté")
    assert not keeps_subject(first, [(first.start + subject_end, first.end)])


def _box(text: str, **fields: bool | float) -> list[str]:
    settings = KeyPointSettings(**fields)  # type: ignore[arg-type]
    digest = Pipeline(Settings(keypoints=settings)).digest(text, lang="fr", published="2024-03-12")
    return [p.text for p in digest.keypoints]


def test_the_selector_shows_a_follow_on_right_after_its_bullet() -> None:
    box = _box(TEACHER)
    first = next(k for k, t in enumerate(box) if t.startswith("Une enseignante"))
    assert box[first + 1].startswith("Elle est accusée"), box
    # Off, the pronoun keeps the sentence out, as before.
    assert not any(t.startswith("Elle") for t in _box(TEACHER, follow_on=False))


def _measure() -> ModuleType:
    return keypoint_defects_script()


def _point(sentence: ParsedSentence) -> SimpleNamespace:
    whole = SimpleNamespace(start=sentence.start, end=sentence.end)
    return SimpleNamespace(text=sentence.text, sources=[whole], fragments=[whole])


def test_the_measure_counts_a_follow_on_only_beside_its_bullet() -> None:
    script = _measure()
    sentences = _sentences(TEACHER)
    words = script.Words.of("fr")

    def defects(order: list[int]) -> list[list[str]]:
        points = [_point(sentences[i]) for i in order]
        box = script.audit_box(TEACHER, sentences, points, FR, words, None, None)
        return [b["defects"] for b in box["bullets"]]

    # Right after its bullet: read as the article wrote it.
    assert defects([0, 1]) == [[], []]
    # Alone, or after another sentence: « Elle » is nobody.
    assert "context_pronoun" in defects([1])[0]
    assert "context_pronoun" in defects([3, 1])[1]


def test_a_cut_noun_the_pronoun_could_stand_for_ends_the_follow_on() -> None:
    # In the article « Elle » is the storm, the last feminine noun; with the clause that
    # names it cut, the bullet before would make it the crew (thirtieth judged round).
    first, second = _sentences(
        "Une équipe de plongeurs bretons avait repéré lundi la coque du chalutier au large de "
        "Brest, après la violente tempête du mois dernier. Elle a coulé trois bateaux de pêche "
        "et endommagé la digue du port."
    )
    whole = [(first.start, first.end)]
    cut_at = first.text.index(", après")
    assert keeps_subject(first, whole, second, FR)
    assert not keeps_subject(first, [(first.start, first.start + cut_at)], second, FR)
    # A cut noun of another gender is no rival: « Il » is the crew's leader.
    first, second = _sentences(
        "Le chef des plongeurs bretons a repéré lundi la coque du chalutier au large de Brest, "
        "après la violente tempête du mois dernier. Il a plongé trois fois dans la journée."
    )
    cut_at = first.text.index(", après")
    assert keeps_subject(first, [(first.start, first.start + cut_at)], second, FR)
