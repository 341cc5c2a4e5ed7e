"""A quote whose speaker is only the inverted pronoun of its incise (issue 33): « "…",
poursuit-elle » names the person the text ties the pronoun to, in brackets after the verb
(« poursuit [Claire Vasseur] »), after the participle of a compound tense (« a insisté [Claire
Vasseur] »), verified; otherwise the quote is no bullet. Original text written for the tests."""

from __future__ import annotations

import pytest

from essentiel import Pipeline, resources
from essentiel.analyze import analyze
from essentiel.check.verifier import Insertion, Verifier
from essentiel.clean import clean
from essentiel.ingest import ingest
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.select import speakerless_quotes
from essentiel.model import KeyPoint, Span
from essentiel.pipeline import Settings

NAMED = "Claire Vasseur, maire de Lorient depuis 2020, a présenté mardi son plan pour la rentrée. "
QUOTE = '"Toutes les écoles de la commune rouvriront dès le 2 septembre"'
REST = (
    " Les syndicats d'enseignants ont salué une annonce attendue depuis le mois de juin. "
    "Le conseil municipal votera le budget des travaux lors de sa prochaine séance."
)


@pytest.fixture(scope="module")
def every_sentence() -> Pipeline:
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=1, selector="lead")
    return Pipeline(Settings(keypoints=settings))


def points(pipeline: Pipeline, body: str, title: str | None = None) -> list[KeyPoint]:
    return list(pipeline.digest(body, lang="fr", title=title).keypoints)


def quoted(found: list[KeyPoint]) -> list[KeyPoint]:
    return [p for p in found if "Toutes les écoles" in p.text]


def test_the_pronoun_after_the_verb_is_named_after_it(every_sentence: Pipeline) -> None:
    found = quoted(points(every_sentence, NAMED + QUOTE + ", poursuit-elle." + REST))
    assert [p.text for p in found] == [QUOTE + ", poursuit [Claire Vasseur]."]
    point = found[0]
    assert point.verdict.passed and "subject_named" in point.removed
    check = next(c for c in point.verdict.checks if c.text == "Claire Vasseur")
    assert check.found and check.evidence is not None
    assert check.evidence.end <= point.sources[0].start


def test_the_name_follows_the_participle_of_a_compound_tense(every_sentence: Pipeline) -> None:
    body = NAMED + QUOTE + ", a-t-elle insisté devant les parents d'élèves." + REST
    found = quoted(points(every_sentence, body))
    assert [p.text for p in found] == [
        QUOTE + ", a insisté [Claire Vasseur] devant les parents d'élèves."
    ]
    # The pronoun and its « -t- » are what the fragments leave out.
    kept = "".join(f.text for f in found[0].fragments)
    assert "-t-elle" not in kept and kept.endswith("insisté devant les parents d'élèves.")


def test_an_incise_whose_hyphen_the_source_lost_is_named_too(every_sentence: Pipeline) -> None:
    # « a t-elle insisté »: the source lost the hyphen before « t »; the pronoun is the same.
    body = NAMED + QUOTE + ", a t-elle insisté devant les parents d'élèves." + REST
    found = quoted(points(every_sentence, body))
    assert [p.text for p in found] == [
        QUOTE + ", a insisté [Claire Vasseur] devant les parents d'élèves."
    ]


def test_the_speaker_of_the_quote_before_is_named(every_sentence: Pipeline) -> None:
    body = (
        '"Nous avons trouvé un accord avec la région", a déclaré le maire Paul Morel. '
        '"Les travaux du collège commenceront en mars", a-t-il ajouté.' + REST
    )
    texts = [p.text for p in points(every_sentence, body)]
    assert '"Les travaux du collège commenceront en mars", a ajouté [Paul Morel].' in texts


@pytest.mark.parametrize(
    "before",
    [
        # The pronoun's gender is not the person's.
        "Paul Morel, maire de Lorient depuis 2020, a présenté mardi son plan pour la rentrée. ",
        # Two persons before: which one speaks, the text does not say.
        "Claire Vasseur a présenté mardi son plan à Sophie Marchal. ",
        # The person is no subject: a word inside a description.
        "Le plan de Claire Vasseur a été présenté mardi aux parents. ",
    ],
)
def test_a_pronoun_the_text_does_not_tie_to_one_person_is_not_named(
    every_sentence: Pipeline, before: str
) -> None:
    found = points(every_sentence, before + QUOTE + ", poursuit-elle." + REST)
    assert not quoted(found), [p.text for p in found]


def test_an_incise_that_names_an_addressee_is_not_named(every_sentence: Pipeline) -> None:
    # « l'avertit-elle »: a dialogue; the one spoken to may be the one named before.
    found = points(every_sentence, NAMED + QUOTE + ", l'avertit-elle." + REST)
    assert not quoted(found), [p.text for p in found]
    found = points(every_sentence, NAMED + QUOTE + ", lui a-t-elle répondu." + REST)
    assert not quoted(found), [p.text for p in found]


def test_the_headline_alone_is_no_evidence(every_sentence: Pipeline) -> None:
    body = "Le plan pour la rentrée a été présenté mardi. " + QUOTE + ", poursuit-elle." + REST
    found = points(every_sentence, body, title="Claire Vasseur rouvre les écoles")
    assert not quoted(found), [p.text for p in found]


def test_off_the_quote_is_passed_over() -> None:
    settings = KeyPointSettings(
        max_keypoints=6, min_keypoints=1, selector="lead", name_incise=False
    )
    found = points(
        Pipeline(Settings(keypoints=settings)), NAMED + QUOTE + ", poursuit-elle." + REST
    )
    assert not quoted(found), [p.text for p in found]


def test_a_wrong_name_in_the_incise_fails_the_verifier() -> None:
    verifier = Verifier(resources.language("fr"))
    sentence = QUOTE + ", poursuit-elle."
    start = len(NAMED)
    source = Span(start=start, end=start + len(sentence), text=sentence)
    at = start + sentence.index("-elle")
    evidence = NAMED.index("Claire Vasseur")
    insertion = Insertion(
        replaced=Span(start=at, end=at + 5, text="-elle"),
        names=("Claire Vasseur",),
        evidence=Span(start=evidence, end=evidence + 14, text="Claire Vasseur"),
    )
    right = verifier.verify(QUOTE + ", poursuit [Claire Vasseur].", [source], [insertion])
    assert right.passed, right.problems
    wrong = verifier.verify(QUOTE + ", poursuit [Sophie Marchal].", [source], [insertion])
    assert any("Sophie Marchal" in p for p in wrong.problems), wrong.problems


def test_a_named_incise_is_no_speakerless_quote() -> None:
    body = NAMED + QUOTE + ", poursuit-elle." + REST
    parsed = analyze(clean(ingest(body.encode())).blocks, "fr").sentences
    pattern = resources.language("fr").pronoun_incise
    assert 1 in speakerless_quotes(parsed, pattern)
    assert 1 not in speakerless_quotes(parsed, pattern, frozenset({1}))


def test_a_quote_over_two_sentences_names_its_closing_pronoun() -> None:
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=3, selector="lead")
    before = "Paul Morel, maire de Lorient depuis 2020, a présenté mardi sa réforme des rythmes. "
    run = (
        '"Toutes les écoles de la commune rouvriront dès le 2 septembre. '
        'Les cantines suivront une semaine plus tard", a-t-il promis devant les parents.'
    )
    pipeline = Pipeline(Settings(keypoints=settings))
    texts = [p.text for p in points(pipeline, before + run + REST)]
    assert run.replace("a-t-il promis", "a promis [Paul Morel]") in texts, texts
    # A person named inside the quote: whose words they are, the text does not say surely.
    other = run.replace("Les cantines", "Sophie Marchal ouvrira les cantines")
    texts = [p.text for p in points(pipeline, before + other + REST)]
    assert not any("[Paul Morel]" in t for t in texts), texts


# A description of the headline's person between the name and the quote (issue 33, round 40:
# « Emmanuel Macron tente ... Après ..., le chef de l'État est revenu ... "…", a-t-il lancé »).
DESCRIBED = (
    "Paul Morel a défendu mardi son projet de nouveau stade devant le conseil municipal. "
    "Interrogé à la sortie de la séance, le maire de Lorient est revenu sur son coût. "
)
STADIUM = '"Le nouveau stade ne coûtera pas un euro de plus aux habitants"'


def stadium(found: list[KeyPoint]) -> list[str]:
    return [p.text for p in found if "Le nouveau stade" in p.text]


def test_a_description_of_the_headline_person_carries_the_pronoun(
    every_sentence: Pipeline,
) -> None:
    body = DESCRIBED + STADIUM + ", a-t-il assuré aux journalistes." + REST
    found = points(every_sentence, body, title="Lorient : Paul Morel défend son stade")
    assert stadium(found) == [STADIUM + ", a assuré [Paul Morel] aux journalistes."]


def test_a_name_the_parse_splits_is_still_the_subject(every_sentence: Pipeline) -> None:
    # The parse makes « Emmanuel » the subject and « Macron » an adverb: the name starts
    # inside the subject, and the person is what the sentence is about.
    body = (
        "Emmanuel Macron veut apaiser les syndicats. "
        '"Aucune pension déjà versée ne baissera", a-t-il assuré aux élus.' + REST
    )
    texts = [p.text for p in points(every_sentence, body)]
    assert '"Aucune pension déjà versée ne baissera", a assuré [Emmanuel Macron] aux élus.' in texts


@pytest.mark.parametrize(
    ("body", "title"),
    [
        # The headline does not name the person: the description may be anyone's.
        (DESCRIBED, "Lorient : le nouveau stade en débat"),
        # The description is of the other gender than the pronoun.
        (DESCRIBED.replace("le maire de Lorient", "la maire de Lorient"), None),
        # The text gave the description to another person first.
        (
            "Le maire de Lorient, Jean Le Goff, a quitté ses fonctions l'an dernier. " + DESCRIBED,
            None,
        ),
        # The description names someone: the pronoun may stand for that person.
        (
            DESCRIBED.replace("sur son coût", "sur le coût avancé par Jean Le Goff"),
            None,
        ),
    ],
)
def test_a_description_that_does_not_stand_for_the_headline_person_names_nobody(
    every_sentence: Pipeline, body: str, title: str | None
) -> None:
    title = title or "Lorient : Paul Morel défend son stade"
    quote = STADIUM + ", a-t-il assuré aux journalistes."
    found = points(every_sentence, body + quote + REST, title)
    assert not any("[Paul Morel]" in t for t in stadium(found)), stadium(found)


def test_a_courtesy_title_gives_the_speaker_before_a_gender(every_sentence: Pipeline) -> None:
    # « Dominique » says no gender; « M. » before the speaker's name does.
    body = (
        "Le biologiste Dominique Le Bihan étudie les chauves-souris depuis vingt ans. "
        '"Les colonies ont doublé en dix ans", explique M. Le Bihan. '
        '"Les hivers plus doux favorisent les naissances", ajoute-t-il.' + REST
    )
    texts = [p.text for p in points(every_sentence, body)]
    assert (
        '"Les hivers plus doux favorisent les naissances", ajoute [Dominique Le Bihan].' in texts
    ), texts
    # « Mme » says the other gender than the pronoun: nobody named.
    texts = [p.text for p in points(every_sentence, body.replace("M. Le Bihan", "Mme Le Bihan"))]
    assert not any("Les hivers" in t and "[" in t for t in texts), texts
