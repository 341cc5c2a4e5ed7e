"""A person's first mention in the box by a surname, « M. Lemarchand », is the full name the
text gave before, in brackets, verified (``standalone.introduce_names``; round 35's « M.
Kabuga »). Original articles written for the tests."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from essentiel import Pipeline, resources
from essentiel.analyze import ParsedSentence, pipeline
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints import KeyPointSettings
from essentiel.model import Entity, EntityKind, EntityMention, MentionForm, Span
from essentiel.pipeline import Settings

from .conftest import keypoint_defects_script

TITLE = "Villeneuve-sur-Loir : un nouveau maire élu avec 54 % des voix"
# The full name stands in a sentence that is no bullet (no verb): the box's first mention of
# the man is « M. Lemarchand ».
ARTICLE = (
    "Jean-Pierre Lemarchand, 62 ans, ancien directeur de coopérative laitière. "
    "M. Lemarchand a été élu dimanche maire de Villeneuve-sur-Loir avec 54 % des voix, devant "
    "la maire sortante Claire Vasseur. "
    "La participation a atteint 61 %, en hausse de huit points sur le précédent scrutin. "
    "M. Lemarchand a promis de rouvrir la piscine municipale dès l'été. "
    "Mme Vasseur a reconnu sa défaite dans la soirée."
)


def _digest(article: str, lang: str = "fr", title: str = TITLE, **fields: Any) -> Any:
    settings = Settings(keypoints=KeyPointSettings(**fields))
    return Pipeline(settings).digest(article, lang=lang, title=title, published="2024-03-12")


def test_the_first_mention_by_title_and_surname_gets_the_full_name() -> None:
    points = _digest(ARTICLE).keypoints
    assert all(p.verdict.passed for p in points)
    first = points[0]
    assert first.text.startswith("[Jean-Pierre Lemarchand] a été élu dimanche [10 mars]")
    assert "name_introduced" in first.removed
    # The replaced words are out of the fragments; the bracket's evidence is the full name
    # the text gave before the bullet's sentence.
    assert "M. Lemarchand" not in "".join(f.text for f in first.fragments)
    check = next(c for c in first.verdict.checks if c.text == "Jean-Pierre Lemarchand")
    assert check.found and check.evidence is not None
    assert check.evidence.start < first.sources[0].start
    # Later mentions stay as written; « Mme Vasseur » came after « Claire Vasseur ».
    later = [p.text for p in points[1:]]
    assert any(t.startswith("M. Lemarchand") for t in later) or len(points) < 3
    assert not any("[Claire Vasseur]" in t for t in later)


def test_off_the_box_keeps_the_surname() -> None:
    points = _digest(ARTICLE, introduce_names=False).keypoints
    assert points[0].text.startswith("M. Lemarchand a été élu")


def test_two_persons_of_one_surname_are_not_guessed() -> None:
    article = ARTICLE.replace(
        "La participation a atteint",
        "Sa fille Sophie Lemarchand dirige la coopérative. La participation a atteint",
    )
    points = _digest(article).keypoints
    assert not any("[Jean-Pierre Lemarchand]" in p.text for p in points)
    assert not any("[Sophie Lemarchand]" in p.text for p in points)


def test_a_full_name_given_only_after_the_surname_is_no_evidence() -> None:
    """« chez Fendi » before « Silvia Venturini Fendi »: a fuller name after the mention may
    be someone else, or the name of a house the surname stood for."""
    article = (
        "M. Lemarchand a été élu dimanche maire de Villeneuve-sur-Loir avec 54 % des voix. "
        "La participation a atteint 61 %, en hausse de huit points sur le précédent scrutin. "
        "Jean-Pierre Lemarchand, 62 ans, dirigeait une coopérative laitière."
    )
    points = _digest(article).keypoints
    assert not any("[Jean-Pierre Lemarchand]" in p.text for p in points)


def test_a_mention_inside_a_quote_is_the_speakers() -> None:
    article = (
        "Jean-Pierre Lemarchand, 62 ans, ancien directeur de coopérative laitière. "
        '"M. Lemarchand a gagné avec 54 % des voix et la piscine rouvrira", a déclaré dimanche '
        "le préfet de la Sarthe Paul Morvan. "
        "La participation a atteint 61 %, en hausse de huit points sur le précédent scrutin."
    )
    points = _digest(article).keypoints
    assert not any("[Jean-Pierre Lemarchand]" in p.text for p in points)


def test_english_mr_surname_gets_the_full_name() -> None:
    article = (
        "John Whitfield, 58, a former dairy farmer from Devon. "
        "Mr Whitfield was elected mayor of Barnstaple on Sunday with 54 per cent of the vote, "
        "ahead of the outgoing mayor Claire Vasey. "
        "Turnout reached 61 per cent, up eight points on the previous election. "
        "Mr Whitfield promised to reopen the town's swimming pool by the summer."
    )
    title = "Barnstaple elects a new mayor with 54 per cent of the vote"
    points = _digest(article, lang="en", title=title).keypoints
    assert points[0].text.startswith("[John Whitfield] was elected mayor of Barnstaple")
    assert points[0].verdict.passed and "name_introduced" in points[0].removed
    assert all(p.text.startswith("Mr Whitfield") for p in points[1:] if "Whitfield" in p.text)


SPOKEN = '"La piscine rouvrira dès l\'été", a affirmé M. Lemarchand devant le conseil.'


def _verify_spoken(bullet: str, name: str) -> list[str]:
    offset = 100
    source = Span(start=offset, end=offset + len(SPOKEN), text=SPOKEN)
    at = offset + SPOKEN.index("M. Lemarchand")
    insertion = Insertion(
        replaced=Span(start=at, end=at + len("M. Lemarchand"), text="M. Lemarchand"),
        names=("Jean-Pierre Lemarchand",),
        evidence=Span(start=0, end=22, text=name),
    )
    return Verifier(resources.language("fr")).verify(bullet, [source], [insertion]).problems


def test_a_speaker_named_in_brackets_keeps_the_attribution() -> None:
    """The bracket stands for the speaker's words it replaced: the attribution survives; a
    wrong name inserted still fails."""
    right = SPOKEN.replace("M. Lemarchand", "[Jean-Pierre Lemarchand]")
    assert _verify_spoken(right, "Jean-Pierre Lemarchand") == []
    wrong = SPOKEN.replace("M. Lemarchand", "[Paul Morvan]")
    assert _verify_spoken(wrong, "Jean-Pierre Lemarchand")
    # A speaker's words dropped (no bracket) still lose the attribution.
    assert _verify_spoken(SPOKEN.replace(" M. Lemarchand", ""), "Jean-Pierre Lemarchand")


def test_the_measure_counts_a_first_mention_by_surname() -> None:
    """``unintroduced_name``: « M. Lemarchand » first in the box while the text named him
    « Jean-Pierre Lemarchand » before; not once a bullet above gave the full name, nor for a
    later mention."""
    script = keypoint_defects_script()
    named = "Jean-Pierre Lemarchand, 62 ans, dirige une coopérative laitière à Villeneuve."
    short = "M. Lemarchand a été élu dimanche maire de Villeneuve avec 54 % des voix."
    text = f"{named} {short}"
    doc = pipeline("fr")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
    full = Span(start=0, end=22, text="Jean-Pierre Lemarchand")
    at = text.index("Lemarchand a été")
    entity = Entity(
        kind=EntityKind.PERSON,
        name="Jean-Pierre Lemarchand",
        aliases=["Lemarchand"],
        mentions=[
            EntityMention(span=full, form=MentionForm.NAME, block=0),
            EntityMention(
                span=Span(start=at, end=at + 10, text="Lemarchand"),
                form=MentionForm.NAME,
                block=0,
            ),
        ],
    )

    def audit(texts: list[str]) -> list[list[str]]:
        by_text = {s.span.text: s for s in sentences}
        points = []
        for t in texts:
            s = by_text[t]
            span = Span(start=s.start, end=s.end, text=t)
            points.append(SimpleNamespace(text=t, sources=[span], fragments=[span]))
        box = script.audit_box(
            text,
            sentences,
            points,
            resources.language("fr"),
            script.Words.of("fr"),
            None,
            None,
            [entity],
        )
        return [b["defects"] for b in box["bullets"]]

    assert audit([short]) == [["unintroduced_name"]]
    assert audit([named, short]) == [[], []]


def test_a_description_gets_the_name_a_later_bullet_gives() -> None:
    """« L'actrice » in a bullet above the one that names Claire Montel: the name in brackets
    after the description, since the text set « L'actrice » beside her name (a role tied by
    evidence); not when the role's evidence does not hold the description's words."""
    from essentiel.keypoints.naming import name_before_named
    from essentiel.model import EntityRole, KeyPoint

    text = (
        "L'actrice française Claire Montel tourne cet été à Lyon. "
        "L'actrice a annoncé lundi son retrait du festival de Cannes. "
        "Claire Montel a expliqué vouloir se consacrer à sa famille."
    )
    doc = pipeline("fr")(text)
    sentences = [ParsedSentence(block=0, offset=0, span=s, lang="fr") for s in doc.sents]
    verifier = Verifier(resources.language("fr"), None)

    def span(words: str, after: int = 0) -> Span:
        at = text.index(words, after)
        return Span(start=at, end=at + len(words), text=words)

    second = span("L'actrice a annoncé")
    described = Span(start=second.start, end=second.start + 9, text="L'actrice")

    def entity(evidence: str) -> Entity:
        return Entity(
            kind=EntityKind.PERSON,
            name="Claire Montel",
            aliases=[],
            mentions=[
                EntityMention(span=span("Claire Montel"), form=MentionForm.NAME, block=0),
                EntityMention(span=described, form=MentionForm.ROLE, block=0),
                EntityMention(
                    span=span("Claire Montel", second.start), form=MentionForm.NAME, block=0
                ),
            ],
            roles=[EntityRole(role="acteur", evidence=span(evidence))],
        )

    def point(sentence: ParsedSentence) -> KeyPoint:
        source = Span(start=sentence.start, end=sentence.end, text=sentence.text)
        return KeyPoint(
            text=sentence.text,
            sources=[source],
            fragments=[source],
            removed=[],
            fallback=False,
            verdict=verifier.verify(sentence.text, [source]),
        )

    points = [point(sentences[1]), point(sentences[2])]
    named = name_before_named(
        points, sentences, [entity("L'actrice française Claire Montel")], text, verifier
    )
    assert (
        named[0].text
        == "L'actrice [Claire Montel] a annoncé lundi son retrait du festival de Cannes."
    )
    assert named[0].verdict.passed and "name_introduced" in named[0].removed
    assert named[1].text == points[1].text
    # The role's evidence says « française », not « actrice »: no name.
    unsaid = name_before_named(
        points, sentences, [entity("française Claire Montel")], text, verifier
    )
    assert [p.text for p in unsaid] == [p.text for p in points]
    # The box's order: a bullet that names her above leaves the description as it is.
    above = name_before_named(
        [point(sentences[2]), points[0]],
        sentences,
        [entity("L'actrice française Claire Montel")],
        text,
        verifier,
    )
    assert "[Claire Montel]" not in above[1].text
