"""The summary checker on the seed: the site's bullets hold; each kind of mutation is caught."""

from __future__ import annotations

import datetime as dt

import pytest

from essentiel.check.checker import Checker, split_summary
from essentiel.model import ProblemKind, SentenceVerdict
from essentiel.pipeline import Pipeline
from tests.conftest import SEED, needs_shared

PUBLISHED = dt.date(2025, 7, 4)


@pytest.fixture(scope="module")
def seed_parts() -> tuple[str, str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    return "\n".join(lines[2:]), "\n".join(lines[:2])  # body, the site's own two bullets


@pytest.fixture(scope="module")
def checker(pipeline: Pipeline) -> Checker:
    return Checker(pipeline)


@needs_shared
def test_site_bullets_are_supported(checker: Checker, seed_parts: tuple[str, str]) -> None:
    body, bullets = seed_parts
    result = checker.check(body, bullets, published=PUBLISHED)
    assert [s.verdict for s in result.sentences] == [SentenceVerdict.SUPPORTED] * 2
    # « D'après le président ukrainien » is supported although the body says « D'après Kiev ».
    attribution = result.sentences[1]
    assert attribution.text.startswith("D'après le président ukrainien")
    assert attribution.evidence[0].text.startswith("D'après Kiev")


MUTATIONS = [
    ("ce vendredi 4 juillet", "jeudi 3 juillet", ProblemKind.DATE, 0),
    ("D'après le président ukrainien", "D'après Washington", ProblemKind.ATTRIBUTION, 1),
    ('"renforcer la protection"', '"renforcer la défense"', ProblemKind.QUOTE, 1),
    ("ont convenu", "n'ont pas convenu", ProblemKind.NEGATION, 1),
]


@needs_shared
@pytest.mark.parametrize(("old", "new", "kind", "sentence"), MUTATIONS)
def test_mutations_are_caught(
    checker: Checker,
    seed_parts: tuple[str, str],
    old: str,
    new: str,
    kind: ProblemKind,
    sentence: int,
) -> None:
    body, bullets = seed_parts
    assert old in bullets
    result = checker.check(body, bullets.replace(old, new), published=PUBLISHED)
    assert result.verdict is SentenceVerdict.UNSUPPORTED
    checked = result.sentences[sentence]
    assert checked.verdict is SentenceVerdict.UNSUPPORTED
    assert kind in {p.kind for p in checked.problems}, checked.problems
    other = result.sentences[1 - sentence]
    assert other.verdict is SentenceVerdict.SUPPORTED


@needs_shared
def test_a_changed_figure_is_caught(checker: Checker, seed_parts: tuple[str, str]) -> None:
    body, _ = seed_parts
    summary = (
        "Au cours de la nuit, la Russie a envoyé 505 engins, selon l'armée de l'air ukrainienne."
    )
    result = checker.check(body, summary, published=PUBLISHED)
    problems = result.sentences[0].problems
    assert [(p.kind, p.text) for p in problems] == [(ProblemKind.NUMBER, "505")]
    right = checker.check(body, summary.replace("505", "550"), published=PUBLISHED)
    assert right.verdict is SentenceVerdict.SUPPORTED


def test_unrelated_sentence_cannot_be_told(checker: Checker) -> None:
    article = (
        "Le conseil municipal de Lorient a voté mardi un nouveau plan de circulation. "
        "Les travaux commenceront en septembre dans le centre-ville."
    )
    result = checker.check(article, "La météo sera clémente sur toute la Bretagne ce week-end.")
    assert result.sentences[0].verdict is SentenceVerdict.CANNOT_TELL
    assert result.sentences[0].problems[0].kind is ProblemKind.CONTENT


def test_summary_split_into_sentences() -> None:
    assert split_summary("- Premier point. Deuxième phrase.\n• Autre point", "fr") == [
        "Premier point.",
        "Deuxième phrase.",
        "Autre point",
    ]
    # The parser cuts after a name's initial; a lowercase word after it continues.
    initial = "Charline F. était une doctorante de 30 ans qui avait passé deux ans au Nigeria."
    assert split_summary(initial, "fr") == [initial]
    assert split_summary("Il a vu Paul F. Le lendemain, il est parti.", "fr") == [
        "Il a vu Paul F.",
        "Le lendemain, il est parti.",
    ]


EVICTION = (
    "Les policiers sont venus expulser une famille de quatre enfants à Lorient, qui ne payait "
    "plus ses loyers depuis un an. Le maire n'a pas signé l'arrêté de relogement. Selon lui, "
    "la préfecture a été prévenue mardi, sans autre précision."
)


@pytest.mark.parametrize(
    ("summary", "negation"),
    [
        # The source sentence's negations are in the clauses the summary leaves out.
        ("Les policiers sont venus expulser une famille de quatre enfants à Lorient.", False),
        ("Les policiers ne sont pas venus expulser une famille de quatre enfants.", True),
        # The negation is in the very clause the summary repeats without it.
        ("Le maire a signé l'arrêté de relogement.", True),
        ("Le maire n'a pas signé l'arrêté de relogement.", False),
    ],
)
def test_only_a_negation_of_the_claim_counts(
    checker: Checker, summary: str, negation: bool
) -> None:
    result = checker.check(EVICTION, summary, published=PUBLISHED)
    kinds = {p.kind for s in result.sentences for p in s.problems}
    assert (ProblemKind.NEGATION in kinds) is negation


VOYAGE = (
    "The retired teacher Anna Berg, 61, left the harbour of Brest in her small yacht in early "
    "March and hadn't been heard from in five weeks when a fishing crew found her off Galicia. "
    "Firefighters and police did not reach the farm before midnight."
)


@pytest.mark.parametrize(
    ("summary", "negation"),
    [
        # The negation opens the second of two claims joined by « and »: not this one.
        ("Anna Berg, 61, left the harbour of Brest in her small yacht in early March.", False),
        # ... but it is the negation of that second claim.
        ("Anna Berg had been heard from in five weeks.", True),
        # « and » two words before it joins two subjects: the police did not reach it either.
        ("Police reached the farm before midnight.", True),
    ],
)
def test_a_negation_after_and_belongs_to_its_own_claim(
    checker: Checker, summary: str, negation: bool
) -> None:
    result = checker.check(VOYAGE, summary, lang="en")
    kinds = {p.kind for s in result.sentences for p in s.problems}
    assert (ProblemKind.NEGATION in kinds) is negation


def test_an_attribution_the_article_makes_in_the_same_words_holds(checker: Checker) -> None:
    same = checker.check(EVICTION, "Selon lui, la préfecture a été prévenue mardi.")
    assert same.verdict is SentenceVerdict.SUPPORTED
    other = checker.check(EVICTION, "Selon elle, la préfecture a été prévenue mardi.")
    kinds = {p.kind for s in other.sentences for p in s.problems}
    assert ProblemKind.ATTRIBUTION in kinds
