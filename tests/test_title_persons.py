"""The persons a headline names (``facts.entities.title_persons``): whole words only, so that a
surname inside a longer word does not make the headline about that person."""

from essentiel.facts.entities import title_persons
from essentiel.model import Entity, EntityKind, EntityMention, MentionForm, Span


def _person(name: str, at: int) -> Entity:
    mention = EntityMention(
        span=Span(start=at, end=at + len(name), text=name), form=MentionForm.NAME, block=0
    )
    return Entity(kind=EntityKind.PERSON, name=name, aliases=[], mentions=[mention])


def test_a_surname_in_the_headline_names_the_person() -> None:
    entities = [_person("Paul Roux", 0)]
    assert title_persons("Roux quitte la mairie de Lannion", entities) == {0}


def test_a_surname_inside_a_longer_word_does_not() -> None:
    entities = [_person("Paul Roux", 0)]
    assert title_persons("Le Rouxel, une espèce menacée, revient en baie", entities) == set()
    assert title_persons("Les roux de Bretagne se rassemblent", entities) == set()
