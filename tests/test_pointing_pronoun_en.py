"""English pronouns that stand for nothing the box shows (``pointing._pronoun``, issue 33):
"him" after a verb whose own subject is all the bullet names before it, "it" past an opening
time, "this" with no statement before it; on sentences we wrote, both ways."""

from __future__ import annotations

import pytest

from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints.pointing import points_back


def _kind(text: str, introduced: frozenset[str] = frozenset()) -> str | None:
    doc = pipeline("en")(text)
    sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang="en")
    return points_back(sentence, [(0, len(text))], "en", introduced, text)


@pytest.mark.parametrize(
    "text",
    [
        # Whom did they hear? The verb's own subject is not who "him" is.
        "Two neighbours heard him shout at the landlord that the rent was late again.",
        "Harbour staff found them asleep in a shed behind the ferry terminal.",
        # What was? "Last week" is a time, not what "it" stands for.
        "Last week it was a cheap plastic toy with a missing wheel.",
        # Do what? No statement before it.
        "To do this, the council hired two engineers from a firm in Leeds.",
    ],
)
def test_a_pronoun_with_nothing_to_stand_for(text: str) -> None:
    assert _kind(text) == "back_clitic"


@pytest.mark.parametrize(
    "text",
    [
        # A noun before it that is not the verb's own subject.
        "The ferry company sacked a deckhand and later rehired him on a short contract.",
        "Police said the driver of the van had left it outside the station on Sunday.",
        # Impersonal "it": a clause it announces, a weather verb.
        "Last week it was announced that the harbour road would close for repairs.",
        "It is expected that the harbour road will close for repairs in June.",
        "On Sunday it rained so hard that the harbour road was closed.",
        # A statement before "this": what the mayor did.
        "The mayor closed the harbour road and defended this on local radio.",
        # A statement before "this" in the bullet; an idiom; what follows the colon.
        "The harbour app is easy to use - and this extends to its payment page.",
        "Believe it or not, the harbour road has been closed for ten years.",
        "Admit it: you have never taken the ferry from Portland to Leeds.",
        # "her" as a possessive is another check's business.
        "Anne Morvan sold her boat to a fisherman from Brest last spring.",
    ],
)
def test_a_pronoun_that_stands_for_something_said(text: str) -> None:
    assert _kind(text) is None


def test_an_earlier_bullet_may_hold_what_it_stands_for() -> None:
    # Someone an earlier bullet named may be "him"; anything it said may be "it" or "this".
    assert _kind("Two neighbours heard him shout at the landlord.", frozenset({"<person>"})) is None
    assert _kind("Two neighbours heard him shout at the landlord.", frozenset({"ferry"})) == (
        "back_clitic"
    )
    assert _kind("Last week it was a cheap plastic toy.", frozenset({"toy"})) is None
    assert _kind("To do this, the council hired two engineers.", frozenset({"graph"})) is None


def test_a_noun_inside_the_subject_may_be_who_him_is() -> None:
    # The sailor is not the verb's subject, his friends are.
    assert _kind("The friends of the missing sailor carried him home on Sunday.") is None
    # A name an earlier bullet gave, of no known type, may be someone's.
    text = "Two neighbours heard him shout at the landlord."
    assert _kind(text, frozenset({"<organisation>"})) is None


TOY_BOX = (
    "Last week it was a cheap plastic toy with a missing wheel. The Portland toy shop on "
    "Harbour Street was fined 2,000 dollars on Monday for selling unsafe goods to children. "
    "Inspectors found forty broken toys on its shelves during a visit in March. The owner of "
    "the shop, Tom Hadley, said he would appeal the fine before a court in Portland."
)


def test_the_selector_refuses_a_lead_whose_it_stands_for_nothing() -> None:
    from essentiel import Pipeline
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Settings

    def texts(**fields: bool) -> list[str]:
        settings = KeyPointSettings(max_keypoints=3, min_keypoints=1, selector="lead", **fields)
        digest = Pipeline(Settings(keypoints=settings)).digest(TOY_BOX, lang="en")
        return [p.text for p in digest.keypoints]

    assert any(t.startswith("Last week it") for t in texts(refuse_pointing=False))
    kept = texts()
    assert kept and not any(t.startswith("Last week it") for t in kept), kept
    assert kept[0].startswith("The Portland toy shop")


def test_a_pronoun_in_a_quote_is_the_speakers() -> None:
    assert _kind('"We found them asleep in a shed," said the harbour master of Portland.') is None
