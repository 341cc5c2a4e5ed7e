"""Speakers by gender and number (issue 32): a first name's gender when the text gives none,
and people named together as the speaker of a plural pronoun or description. Original
sentences written for these tests."""

from __future__ import annotations

from essentiel.analyze import pipeline as nlp
from essentiel.facts.entities import EntityIndex, _first_name_gender, extract_entities, rules
from essentiel.model import Block, BlockKind, Span
from essentiel.pipeline import Pipeline
from tests.conftest import digest_fr, quote_starting


def test_a_first_name_gives_a_gender_by_its_first_word() -> None:
    fr = rules("fr")
    assert _first_name_gender("Sylvie Moreau", fr) == "f"
    assert _first_name_gender("Marie-Christine Lefort", fr) == "f"
    # Not in the list as a whole: its first part says it (« Jean » by the French correction).
    assert _first_name_gender("Jean-Marie Lefort", fr) == "m"
    assert _first_name_gender("Jean Lefort", fr) == "m"
    # Names of either gender, a surname, an initial: nothing.
    assert _first_name_gender("Dominique Lefort", fr) is None
    assert _first_name_gender("Claude Lefort", fr) is None
    assert _first_name_gender("Lefort", fr) is None
    assert _first_name_gender("J. Lefort", fr) is None
    # A language with no first-name list uses none.
    assert _first_name_gender("Sylvie Moreau", rules("en")) is None


def _index(text: str) -> EntityIndex:
    span = Span(start=0, end=len(text), text=text)
    block = Block(index=0, kind=BlockKind.BODY, span=span, lang="fr", reason="test")
    return extract_entities(text, [(block, nlp("fr")(text), "fr")], "fr")


def _gender(index: EntityIndex, name: str) -> str | None:
    return index.genders[next(k for k, e in enumerate(index.entities) if e.name == name)]


def test_the_text_s_evidence_outweighs_the_first_name_in_the_index() -> None:
    # « Jean » says a man at each of her mentions; « est devenue » once, and « Mme », say
    # women: the text wins, however often the first name is written.
    index = _index(
        "Jean Valmont dirige le port de Brest. Selon ses proches, Jean Valmont est devenue en "
        "2019 la directrice la plus jeune de France. Mme Sylvain Roche l'a félicitée. Paul "
        "Girard et Claude Lenoir étaient présents."
    )
    assert _gender(index, "Jean Valmont") == "f"
    assert _gender(index, "Sylvain Roche") == "f"
    assert _gender(index, "Paul Girard") == "m"  # his first name only
    assert _gender(index, "Claude Lenoir") is None  # a first name of either gender


def test_the_first_name_settles_evidence_as_strong_each_way() -> None:
    # « directeur » in apposition says a man, « est arrivée » a woman: one vote each, and
    # « Sylvie » decides.
    index = _index(
        "Sylvie Martel, directeur de l'usine, a reçu le ministre lundi. Sylvie Martel est "
        "arrivée à Brest en 2015."
    )
    assert _gender(index, "Sylvie Martel") == "f"


def test_a_feminine_pronoun_skips_a_man_known_by_his_first_name_only(
    pipeline: Pipeline,
) -> None:
    # Nothing in the text but his first name says Paul Girard is a man: « a-t-elle » is not
    # him, though he is the subject of the sentence before.
    text = (
        "La coopérative de Plouzané rouvrira ses portes en mai, a annoncé Sylvie Moreau. "
        "Paul Girard a visité le site lundi. « Nous reprendrons la production dès le "
        "printemps », a-t-elle promis devant les salariés."
    )
    digest = digest_fr(pipeline, text)
    assert quote_starting(digest, "Nous reprendrons").speaker_name == "Sylvie Moreau"


def test_a_feminine_pronoun_skips_the_subject_before_when_his_first_name_is_a_man_s(
    pipeline: Pipeline,
) -> None:
    # « est devenue » says Jean Valmont is a woman; only his first name says Marc Lenoir is a
    # man: « a-t-elle » is her, not the subject of the sentence before.
    text = (
        "Jean Valmont est devenue en 2019 la première directrice du port de Brest. "
        "Marc Lenoir a visité le chantier mardi. « Les travaux seront finis en juin », "
        "a-t-elle annoncé."
    )
    digest = digest_fr(pipeline, text)
    assert quote_starting(digest, "Les travaux seront").speaker_name == "Jean Valmont"


def test_two_people_named_together_are_the_two_elected_members(pipeline: Pipeline) -> None:
    text = (
        "La réforme divise la majorité, notamment les députés Paul Girard et Marc Lenoir. Dans "
        "une tribune publiée mardi, les deux élus estiment que « cette réforme est injuste "
        "pour les petites communes »."
    )
    digest = digest_fr(pipeline, text)
    quote = quote_starting(digest, "cette réforme est injuste")
    assert quote.speaker_name == "Paul Girard et Marc Lenoir"
    assert quote.speaker_entity is None  # two people, no single entity


def test_a_plural_description_of_another_number_is_not_them(pipeline: Pipeline) -> None:
    text = (
        "La réforme divise la majorité, notamment les députés Paul Girard et Marc Lenoir. Dans "
        "une tribune publiée mardi, les trois élus estiment que « cette réforme est injuste "
        "pour les petites communes »."
    )
    digest = digest_fr(pipeline, text)
    assert quote_starting(digest, "cette réforme est injuste").speaker_name == "les trois élus"


def test_a_plural_pronoun_is_the_people_named_together_before(pipeline: Pipeline) -> None:
    text = (
        "Sylvie Moreau et Paul Girard ont quitté la réunion avant la fin. « Nous ne "
        "reviendrons pas tant que le budget ne sera pas revu », ont-ils prévenu."
    )
    digest = digest_fr(pipeline, text)
    assert (
        quote_starting(digest, "Nous ne reviendrons").speaker_name == "Sylvie Moreau et Paul Girard"
    )


def test_a_feminine_plural_pronoun_is_not_a_pair_with_a_man(pipeline: Pipeline) -> None:
    text = (
        "Sylvie Moreau et Paul Girard ont quitté la réunion avant la fin. « Nous ne "
        "reviendrons pas tant que le budget ne sera pas revu », ont-elles prévenu."
    )
    digest = digest_fr(pipeline, text)
    assert quote_starting(digest, "Nous ne reviendrons").speaker_name is None
