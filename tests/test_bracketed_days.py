"""A relative day a bullet keeps, given its calendar date in brackets against the publication
date (« mercredi [22 janvier] »), and checked by the verifier (issue 33: the judges named
relative dates in the boxes they read away from the article's day). Original text written
for the tests."""

from __future__ import annotations

import datetime as dt

import pytest

from essentiel import Pipeline, resources
from essentiel.analyze import ParsedSentence, parse_zone, pipeline, sentences_of
from essentiel.check.verifier import Insertion, Verifier
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.days import day_label, fixed_by_publication
from essentiel.model import DateGrain, DateMention, Span
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


def fixed(sentence: str, words: str) -> bool:
    """Whether ``words`` of ``sentence`` (resolved to some day against the publication date)
    would be dated."""
    with parse_zone(["fr"]):
        span = next(iter(sentences_of(pipeline("fr")(sentence))))
        parsed = ParsedSentence(0, 0, span, "fr")
        at = sentence.index(words)
        mention = DateMention(
            span=Span(start=at, end=at + len(words), text=words),
            value="2020-01-25",
            grain=DateGrain.DAY,
            anchor="publication",
        )
        return fixed_by_publication(mention, parsed, "fr")


def test_only_days_the_publication_date_alone_fixes_are_dated() -> None:
    assert fixed("Le conseil a voté mercredi la fermeture de la piscine.", "mercredi")
    assert fixed("Les nageurs avaient manifesté samedi soir devant la mairie.", "samedi soir")
    assert fixed("Le maire se rendait jeudi dernier à Lyon.", "jeudi dernier")
    # « Hier » moves with the page's date, which may be the next day's.
    assert not fixed("Les clubs ont préparé une pétition hier soir.", "hier soir")
    # A weekday under a present or a future may be the next one.
    assert not fixed("Le bassin extérieur sera ouvert samedi pour une dernière séance.", "samedi")
    assert not fixed("La date de réouverture visée est samedi à 10 heures.", "samedi")
    # « La veille » and « lundi prochain » hang on something else than the publication alone.
    assert not fixed("La veille, une pétition avait été déposée à la mairie.", "La veille")
    assert not fixed("Les travaux ont été repoussés à lundi prochain.", "lundi prochain")
    # Not the last such day: an indefinite or an ordinal one.
    assert not fixed("La fermeture a été ordonnée un samedi soir par le préfet.", "samedi soir")
    assert not fixed("Les audiences ont doublé après le troisième samedi de grève.", "samedi")
    # A day ahead of the telling, whatever its tense; « depuis » looks back.
    assert not fixed("La direction a annoncé un trafic normal pour mardi.", "mardi")
    assert fixed("Les pompiers sont mobilisés depuis dimanche, ont-ils indiqué.", "dimanche")
    # The French simple past of « réunir » is also its present: not taken for the past.
    assert not fixed("L'organisation réunit lundi ses États membres.", "lundi")


def test_english_days_in_the_past_are_dated() -> None:
    body = (
        "The city council of Springfield voted on Wednesday to close the public pool. "
        "The outdoor pool will open on Saturday for a last session."
    )
    digest = every_sentence().digest(body, lang="en", published=PUBLISHED)
    bullets = [p.text for p in digest.keypoints]
    assert "voted on Wednesday [January 22] to close" in bullets[0]
    assert all("[" not in b for b in bullets[1:]), bullets


SAME_DAY = (
    "Le conseil municipal de Saint-Aubin a voté mercredi la fermeture de la piscine pour six "
    "mois. Les nageurs du club ont manifesté mercredi devant la mairie, pancartes à la main. "
    "Le club a appris mardi qu'il devra s'entraîner à Rennes jusqu'en août. Le président "
    "du club a écrit mardi au maire, qui lui a répondu mercredi par un courrier."
)


def test_a_day_is_dated_once_per_box(engine: Pipeline) -> None:
    # The second bullet on the same Wednesday keeps « mercredi » bare; another day (Tuesday)
    # still gets its own bracket.
    digest = engine.digest(SAME_DAY, lang="fr", published=PUBLISHED)
    bullets = [p.text for p in digest.keypoints]
    assert all(p.verdict.passed for p in digest.keypoints)
    assert "voté mercredi [22 janvier] la fermeture" in bullets[0], bullets
    assert "manifesté mercredi devant la mairie" in bullets[1], bullets
    assert "appris mardi [21 janvier]" in bullets[2], bullets
    # A bullet with two days keeps the bracket of neither it was told (the second Tuesday
    # and Wednesday are both told before): a bracket still to give would stay, verified.
    assert "a écrit mardi au maire, qui lui a répondu mercredi par" in bullets[3], bullets


def test_every_bullet_dated_when_asked(engine: Pipeline) -> None:
    bullets = [
        p.text
        for p in every_sentence(day_once=False)
        .digest(SAME_DAY, lang="fr", published=PUBLISHED)
        .keypoints
    ]
    assert "manifesté mercredi [22 janvier] devant" in bullets[1], bullets


MONTHS_AND_YEARS = (
    "Le maire de Saint-Aubin a annoncé le mois dernier la fermeture de la piscine pour travaux. "
    "La piscine a accueilli l'année dernière douze mille nageurs venus de tout le canton. "
    "En avril dernier, les usagers ont manifesté devant la mairie contre le projet. "
    "L'été dernier, la fréquentation du bassin extérieur avait chuté de moitié. "
    "La semaine dernière, le conseil municipal a voté le budget des travaux. "
    "Le club a perdu l'an dernier, en mars 2019, la moitié de ses licenciés. "
    '"Nous avions prévenu le maire l\'an dernier", a déclaré la présidente du club, Anne Martin.'
)


def test_a_month_or_a_year_told_as_past_is_given_in_brackets(engine: Pipeline) -> None:
    digest = engine.digest(MONTHS_AND_YEARS, lang="fr", published="2020-05-14")
    bullets = [p.text for p in digest.keypoints]
    assert all(p.verdict.passed for p in digest.keypoints)
    assert "a annoncé le mois dernier [avril 2020] la fermeture" in bullets[0], bullets
    assert "a accueilli l'année dernière [2019] douze mille" in bullets[1], bullets
    # A month the words name, a season, a week, a year the sentence gives itself, and
    # someone's words are left as they are.
    assert all("[" not in b for b in bullets[2:]), bullets
    dated = [c for c in digest.keypoints[1].verdict.checks if c.kind == "date" and c.text == "2019"]
    assert dated and dated[0].found


def test_a_wrong_year_in_brackets_fails_verification() -> None:
    sentence = "La piscine a accueilli l'année dernière douze mille nageurs."
    source = Span(start=0, end=len(sentence), text=sentence)
    at = sentence.index("l'année dernière")
    mention = Span(start=at, end=at + len("l'année dernière"), text="l'année dernière")
    verifier = Verifier(FR, dt.date(2020, 5, 14))

    def verdict(label: str):  # type: ignore[no-untyped-def]
        bullet = sentence.replace("dernière", f"dernière [{label}]")
        insertion = Insertion(replaced=mention, names=(label,), evidence=mention, kind="date")
        return verifier.verify(bullet, [source], [insertion])

    assert verdict("2019").passed
    assert not verdict("2018").passed
    assert not verdict("avril 2019").passed


def test_month_and_year_labels_follow_the_language() -> None:
    assert day_label("2020-04", "fr") == "avril 2020"
    assert day_label("2020-04", "en") == "April 2020"
    assert day_label("2019", "en") == "2019"


def test_english_months_and_years_in_the_past_are_dated() -> None:
    body = (
        "The mayor of Leeds announced last month that the central library would close for "
        "repairs. Three years ago, the pool was renovated by the region at a cost of two "
        "million pounds. Last summer, attendance at the library fell by half."
    )
    digest = every_sentence().digest(body, lang="en", published="2020-05-14")
    bullets = [p.text for p in digest.keypoints]
    assert "announced last month [April 2020] that" in bullets[0], bullets
    assert bullets[1].startswith("Three years ago [2017], the pool"), bullets
    assert "[" not in bullets[2], bullets


def test_a_weekday_the_bullet_dates_otherwise_gets_no_bracket(engine: Pipeline) -> None:
    # Published on Monday 21 September 2020.
    body = (
        "Paul Garnier a mis fin vendredi 18 septembre à la grève de la faim qu'il avait "
        "commencée lundi devant la préfecture de Lille. La disparition d'un randonneur, sans "
        "nouvelles depuis samedi, a été signalée dimanche matin aux secouristes du massif. Le "
        "maire de la commune a présidé mardi dernier une réunion de crise avec les pompiers."
    )
    digest = engine.digest(body, lang="fr", published="2020-09-21")
    bullets = [p.text for p in digest.keypoints]
    assert all(p.verdict.passed for p in digest.keypoints)
    # « lundi » of the week « vendredi 18 septembre » writes out: no bracket.
    assert any("commencée lundi devant" in b for b in bullets), bullets
    # « samedi » is dated; « dimanche matin », the day after, is read from it.
    assert any(
        "depuis samedi [19 septembre], a été signalée dimanche matin aux" in b for b in bullets
    ), bullets
    # A weekday alone in its bullet still gets its date.
    assert any("mardi dernier [15 septembre]" in b for b in bullets), bullets


def test_a_month_dated_by_the_year_after_it_keeps_that_year_s_bracket(engine: Pipeline) -> None:
    # « juin » takes its year from « l'année dernière »: the sentence does not write the year
    # out, so the bracket still gives it.
    text = (
        "En juin de l'année dernière, le maire de Saint-Aubin avait déjà fermé la piscine "
        "municipale pour des travaux d'étanchéité."
    )
    digest = engine.digest(text, lang="fr", published="2017-12-08")
    assert [(d.span.text, d.value) for d in digest.dates] == [
        ("En juin", "2016-06"),
        ("l'année dernière", "2016"),
    ]
    assert "En juin de l'année dernière [2016]" in digest.keypoints[0].text, digest.keypoints
