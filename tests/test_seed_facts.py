"""The issue's done-when on the seed: speakers, according-to attributions, entities, actors."""

from __future__ import annotations

from essentiel.model import Digest, EntityKind, MentionForm, QuoteKind
from tests.conftest import needs_shared


def _entity(digest: Digest, name: str) -> int:
    found = [k for k, e in enumerate(digest.entities) if e.name == name]
    assert len(found) == 1, [e.name for e in digest.entities]
    return found[0]


@needs_shared
def test_zelensky_statement_is_his(seed_digest: Digest) -> None:
    quote = next(q for q in seed_digest.quotes if q.content.text.startswith("Nous avons évoqué"))
    assert quote.kind is QuoteKind.DIRECT
    assert quote.content.text.endswith("notre espace aérien")
    assert quote.cue is not None and quote.cue.text == "a déclaré"
    assert quote.speaker_name == "Volodymyr Zelensky"
    assert quote.speaker_entity == _entity(seed_digest, "Volodymyr Zelensky")
    assert quote.resolution == "named"


@needs_shared
def test_lui_resolves_to_zelensky(seed_digest: Digest) -> None:
    quote = next(q for q in seed_digest.quotes if q.content.text == "approfondie")
    assert quote.speaker is not None and quote.speaker.text == "Lui"
    assert quote.cue is not None and quote.cue.text == "a qualifié"
    assert quote.speaker_name == "Volodymyr Zelensky"
    assert quote.resolution == "pronoun"


@needs_shared
def test_according_to_attributions(seed_digest: Digest) -> None:
    according = {
        q.speaker.text: q
        for q in seed_digest.quotes
        if q.kind is QuoteKind.ACCORDING_TO and q.speaker is not None
    }
    kiev = according["Kiev"]
    assert kiev.cue is not None and kiev.cue.text == "D'après"
    assert kiev.content.text.startswith("tous deux ont convenu")
    assert kiev.speaker_entity == _entity(seed_digest, "Kiev")
    air_force = according["l'armée de l'air ukrainienne"]
    assert air_force.cue is not None and air_force.cue.text == "selon"
    assert "550 engins" in air_force.content.text


@needs_shared
def test_people_are_one_entity_each(seed_digest: Digest) -> None:
    zelensky = seed_digest.entities[_entity(seed_digest, "Volodymyr Zelensky")]
    assert zelensky.kind is EntityKind.PERSON
    # The tweet's signature spells him twice more; the body describes him by two roles.
    assert {"Volodymyr Zelenskyy", "Володимир Зеленський"} <= set(zelensky.aliases)
    roles = {m.span.text for m in zelensky.mentions if m.form is MentionForm.ROLE}
    assert {"son homologue ukrainien", "Le chef de l'État ukrainien"} <= roles
    trump = seed_digest.entities[_entity(seed_digest, "Donald Trump")]
    assert "Trump" in trump.aliases and "le président américain" in trump.aliases
    putin = seed_digest.entities[_entity(seed_digest, "Vladimir Poutine")]
    assert putin.kind is EntityKind.PERSON
    persons = [e.name for e in seed_digest.entities if e.kind is EntityKind.PERSON]
    assert sorted(persons) == ["Donald Trump", "Vladimir Poutine", "Volodymyr Zelensky"]


@needs_shared
def test_capitals_as_actors(seed_digest: Digest) -> None:
    kiev = seed_digest.entities[_entity(seed_digest, "Kiev")]
    assert kiev.kind is EntityKind.PLACE and kiev.government_of == "UA"
    text = seed_digest.article.text
    actor = [m for m in kiev.mentions if m.actor]
    assert len(actor) == 1 and text[: actor[0].span.start].endswith("D'après ")
    # « en particulier contre Kiev » is the city, not its government.
    assert any(not m.actor for m in kiev.mentions)
    washington = seed_digest.entities[_entity(seed_digest, "Washington")]
    assert washington.kind is EntityKind.PLACE and washington.government_of == "US"
    assert all(m.actor for m in washington.mentions)
