"""A relative day a bullet keeps, given its calendar date in brackets against the publication
date (« mercredi [22 janvier] »), and checked by the verifier (issue 33: the judges named
relative dates in the boxes they read away from the article's day). Original text written
for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from essentiel import Pipeline, resources
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.days import day_label
from essentiel.model import Span
from essentiel.pipeline import Settings

FR = resources.language("fr")
EN = resources.language("en")

BODY = (
    "Le conseil municipal de Saint-Aubin a voté mercredi la fermeture de la piscine pour six "
    "mois. Les travaux commenceront le jeudi 6 février, a précisé le maire, Paul Lemoine. "
    '"Nous rouvrirons lundi", a répondu le directeur de la piscine aux nageurs inquiets.'
)
PUBLISHED = "2020-01-23"  # a Thursday


def every_sentence(**extra: object) -> Pipeline:
    settings = KeyPointSettings(max_keypoints=6, min_keypoints=1, selector="lead", **extra)  # type: ignore[arg-type]
    return Pipeline(Settings(keypoints=settings))


@pytest.fixture(scope="module")
def engine() -> Pipeline:
    return every_sentence()


def texts(pipeline: Pipeline, published: str | None = PUBLISHED) -> list[str]:
    digest = pipeline.digest(BODY, lang="fr", published=published)
    assert all(p.verdict.passed for p in digest.keypoints)
    return [p.text for p in digest.keypoints]


def test_a_relative_day_is_given_its_date_in_brackets(engine: Pipeline) -> None:
    bullets = texts(engine)
    assert any("voté mercredi [22 janvier] la fermeture" in b for b in bullets), bullets


def test_the_bracketed_day_is_verified_as_a_date(engine: Pipeline) -> None:
    digest = engine.digest(BODY, lang="fr", published=PUBLISHED)
    point = next(p for p in digest.keypoints if "[22 janvier]" in p.text)
    dated = [c for c in point.verdict.checks if c.kind == "date" and c.text == "22 janvier"]
    assert dated and dated[0].found and dated[0].evidence is not None
    assert dated[0].evidence.text == "mercredi"


def test_no_date_without_a_publication_date(engine: Pipeline) -> None:
    assert not any("[" in b for b in texts(engine, published=None))


def test_a_day_written_with_its_number_or_inside_a_quote_gets_nothing(engine: Pipeline) -> None:
    bullets = texts(engine)
    assert any("le jeudi 6 février, a précisé" in b for b in bullets), bullets
    quoted = next(b for b in bullets if "rouvrirons" in b)
    assert "[" not in quoted


def test_the_setting_turns_it_off() -> None:
    assert not any("[" in b for b in texts(every_sentence(day_brackets=False)))


def test_a_wrong_day_in_brackets_fails_verification() -> None:
    sentence = "Le conseil municipal a voté mercredi la fermeture de la piscine."
    source = Span(start=0, end=len(sentence), text=sentence)
    at = sentence.index("mercredi")
    mention = Span(start=at, end=at + len("mercredi"), text="mercredi")
    verifier = Verifier(FR, dt.date(2020, 1, 23))

    def verdict(label: str):  # type: ignore[no-untyped-def]
        bullet = sentence.replace("mercredi", f"mercredi [{label}]")
        insertion = Insertion(replaced=mention, names=(label,), evidence=mention, kind="date")
        return verifier.verify(bullet, [source], [insertion])

    assert verdict("22 janvier").passed
    wrong = verdict("21 janvier")
    assert not wrong.passed
    assert any("inserted date" in p for p in wrong.problems), wrong.problems
    # A bracket nobody resolved is no date: it fails as an inserted name.
    bare = verifier.verify(sentence.replace("mercredi", "mercredi [22 janvier]"), [source])
    assert not bare.passed


def test_day_labels_follow_the_language() -> None:
    assert day_label("2020-01-22", "fr") == "22 janvier"
    assert day_label("2020-03-01", "fr") == "1er mars"
    assert day_label("2020-01-22", "en") == "January 22"
