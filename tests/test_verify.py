from __future__ import annotations

import datetime as dt

import pytest

from essentiel import resources
from essentiel.check.claims import clauses
from essentiel.check.verifier import Verifier
from essentiel.model import CheckKind, Span

SOURCE_TEXT = (
    "Au cours de la nuit, la Russie a envoyé 550 engins, dont 539 drones et des missiles, "
    "en particulier contre Kiev, selon l'armée de l'air ukrainienne."
)
QUOTE_TEXT = (
    '"Nous avons évoqué les possibilités en matière de défense antiaérienne", '
    "a déclaré Volodymyr Zelensky vendredi sur ses réseaux sociaux."
)


def verify(bullet: str, source: str = SOURCE_TEXT, lang: str = "fr") -> list[str]:
    verifier = Verifier(resources.language(lang))
    return verifier.verify(bullet, [Span(start=100, end=100 + len(source), text=source)]).problems


def test_faithful_compression_passes() -> None:
    assert (
        verify(
            "Au cours de la nuit, la Russie a envoyé 550 engins, dont 539 drones et des missiles, "
            "selon l'armée de l'air ukrainienne."
        )
        == []
    )


def test_evidence_points_into_the_clean_text() -> None:
    verifier = Verifier(resources.language("fr"))
    source = Span(start=100, end=100 + len(SOURCE_TEXT), text=SOURCE_TEXT)
    verdict = verifier.verify(
        "La Russie a envoyé 550 engins, selon l'armée de l'air ukrainienne.", [source]
    )
    clean = " " * 100 + SOURCE_TEXT
    for check in verdict.checks:
        assert check.evidence is not None
        assert clean[check.evidence.start : check.evidence.end] == check.evidence.text


@pytest.mark.parametrize(
    ("bullet", "problem"),
    [
        ("La Russie a envoyé 505 engins, selon l'armée de l'air ukrainienne.", "number «505»"),
        # 539 is in the source, but it counts drones, not engins.
        (
            "La Russie a envoyé 539 engins, selon l'armée de l'air ukrainienne.",
            "number «539» is in the source, but not in the clause",
        ),
        (
            "La Biélorussie a envoyé 550 engins, selon l'armée de l'air ukrainienne.",
            "name «Biélorussie»",
        ),
        (
            "Vendredi, la Russie a envoyé 550 engins, selon l'armée de l'air ukrainienne.",
            "date «Vendredi»",
        ),
        (
            "Au cours de la nuit, la Russie a envoyé 550 engins, dont 539 drones et des missiles.",
            "attribution «selon l'armée de l'air ukrainienne»",
        ),
    ],
)
def test_unsupported_bullets_fail_with_the_reason(bullet: str, problem: str) -> None:
    problems = verify(bullet)
    assert any(problem in p for p in problems), problems


def test_quotes_must_be_verbatim_and_attributed() -> None:
    ok = '"Nous avons évoqué les possibilités en matière de défense antiaérienne", a déclaré Volodymyr Zelensky.'
    assert verify(ok, QUOTE_TEXT) == []
    changed = '"Nous avons évoqué les possibilités en matière de défense aérienne", a déclaré Volodymyr Zelensky.'
    assert any("quote" in p for p in verify(changed, QUOTE_TEXT))
    unattributed = '"Nous avons évoqué les possibilités en matière de défense antiaérienne".'
    assert any(
        "attribution «a déclaré Volodymyr Zelensky»" in p for p in verify(unattributed, QUOTE_TEXT)
    )
    wrong_speaker = '"Nous avons évoqué les possibilités en matière de défense antiaérienne", a déclaré Donald Trump.'
    assert verify(wrong_speaker, QUOTE_TEXT)


def test_quote_marks_cannot_be_dropped() -> None:
    bare = "Nous avons évoqué les possibilités en matière de défense antiaérienne, a déclaré Volodymyr Zelensky."
    assert any("without its quote marks" in p for p in verify(bare, QUOTE_TEXT))


def test_english_checks() -> None:
    source = (
        "The plan, which will cost an estimated $340 million, includes 1,200 new jobs in wind "
        "and battery storage, according to the council's own figures."
    )
    assert (
        verify(
            "The plan includes 1,200 new jobs in wind and battery storage, according to the council's own figures.",
            source,
            "en",
        )
        == []
    )
    problems = verify("The plan includes 1,500 new jobs in wind and battery storage.", source, "en")
    assert any("1,500" in p for p in problems)
    assert any("according to the council's own figures" in p for p in problems)


def test_number_formats_are_compared_by_value() -> None:
    source = "Le navire peut contenir plus de 2.600 passagers, selon l'armateur."
    assert (
        verify("Le navire peut contenir plus de 2 600 passagers, selon l'armateur.", source) == []
    )


def test_clauses_keep_quotes_whole() -> None:
    parts = [c.text.strip() for c in clauses('Il a dit "oui, non; peut-être", puis il est parti.')]
    assert parts == ['Il a dit "oui, non; peut-être"', "puis il est parti."]


SRC = 'Vendredi 4 juillet, Zelensky a dit "merci" à 300 soldats.'


def test_check_kinds_are_reported() -> None:
    verifier = Verifier(resources.language("fr"))
    verdict = verifier.verify(
        'Vendredi 4 juillet, Zelensky a dit "merci" à 300 soldats.',
        [Span(start=0, end=len(SRC), text=SRC)],
    )
    assert {c.kind for c in verdict.checks} >= {
        CheckKind.DATE,
        CheckKind.NUMBER,
        CheckKind.NAME,
        CheckKind.QUOTE,
    }


def test_parentheticals_do_not_cut_clauses() -> None:
    source = (
        "Avec ses deux enfants, Vincent (22 ans) et Juliette (15 ans), la chanteuse vit à Lyon."
    )
    assert (
        verify("Avec ses deux enfants, Vincent et Juliette, la chanteuse vit à Lyon.", source) == []
    )


def test_subject_clause_joins_across_a_cut_relative() -> None:
    source = (
        "The 48-year-old, who runs a fish and chip shop, got the £85 fine in April 2013 when he "
        "overstayed by 56 minutes in a private car park."
    )
    bullet = "The 48-year-old got the £85 fine in April 2013 when he overstayed by 56 minutes in a private car park."
    assert verify(bullet, source, "en") == []


def _verdict(bullet: str, source: str, published: dt.date | None = None) -> list[str]:
    verifier = Verifier(resources.language("fr"), published)
    return verifier.verify(bullet, [Span(start=0, end=len(source), text=source)]).problems


CALL = "Donald Trump a discuté ce vendredi 4 juillet avec Volodymyr Zelensky."


def test_dates_compare_by_calendar_value() -> None:
    published = dt.date(2025, 7, 4)
    # « vendredi » is the same day as « ce vendredi 4 juillet » once resolved.
    assert (
        _verdict("Donald Trump a discuté vendredi avec Volodymyr Zelensky.", CALL, published) == []
    )
    problems = _verdict(
        "Donald Trump a discuté jeudi 3 juillet avec Volodymyr Zelensky.", CALL, published
    )
    assert any(p.startswith("date «jeudi 3 juillet»") for p in problems)


def test_numbers_compare_by_value() -> None:
    source = "La compagnie a transporté 2.600 passagers et cinq chiens."
    assert _verdict("La compagnie a transporté 2600 passagers et 5 chiens.", source) == []
    assert any("2700" in p for p in _verdict("La compagnie a transporté 2700 passagers.", source))


def test_names_compare_across_spellings() -> None:
    assert _verdict("Donald Trump a discuté avec Volodymyr Zelenskyy.", CALL) == []
    problems = _verdict("Donald Trump a discuté avec Vladimir Poutine.", CALL)
    assert any("Poutine" in p for p in problems)


@pytest.mark.parametrize(
    ("bullet", "source", "lang"),
    [
        (
            "Crue à Montauban: Qu’a fait la mairie avant l'alerte ?",
            "Crue à Montauban: la mairie a-t-elle fait son travail avant l'alerte ?",
            "fr",
        ),
        (
            "FLOOD WARNING: The river rose two metres overnight.",
            "A flood warning was issued as a river rose two metres overnight.",
            "en",
        ),
    ],
)
def test_capitalised_word_after_a_colon_is_not_a_name(bullet: str, source: str, lang: str) -> None:
    # After a colon a new sentence may start; its first word is a name only if it is not a
    # common word of the language (the elided « Qu’ » included).
    assert verify(bullet, source, lang) == []


def test_name_after_a_colon_is_still_checked() -> None:
    problems = verify(
        "Crue à Montauban: Castelsarrasin a fermé ses écoles.",
        "Crue à Montauban: la ville a fermé ses écoles.",
    )
    assert any("name «Castelsarrasin»" in p for p in problems)


def test_a_quote_is_found_where_it_is_quoted_not_in_a_shorter_heading() -> None:
    # A page's subheading repeats the quote's words; by word overlap alone it is the closer
    # clause, and the quote would seem to come from the wrong place.
    heading = '"Une victoire pour le chantier naval"'
    quote = (
        '"C\'est une victoire pour le chantier naval", a salué le maire de la ville, '
        "Jean Kerouredan."
    )
    sources = [
        Span(start=0, end=len(heading), text=heading),
        Span(start=len(heading) + 1, end=len(heading) + 1 + len(quote), text=quote),
    ]
    verdict = Verifier(resources.language("fr")).verify(quote, sources)
    assert verdict.passed, verdict.problems
    # A quote that no clause holds is still not found.
    changed = quote.replace("naval", "militaire")
    assert not Verifier(resources.language("fr")).verify(changed, sources).passed


def test_words_are_found_whole_with_any_spaces_between_them() -> None:
    from essentiel.check.verifier import _find_folded

    assert _find_folded(["anne", "hidalgo"], "la maire, anne   hidalgo, a dit") == (10, 24)
    # Not inside a longer word, on either side.
    assert _find_folded(["paris"], "paris-match et parisiens") == (0, 5)
    assert _find_folded(["paris"], "parisiens et _paris") is None
    assert _find_folded(["anne", "hidalgo"], "anne hidalgos") is None
    # The first whole-word match, after a partial one.
    assert _find_folded(["a", "b"], "a c a b") == (4, 7)


NOTED_QUOTE = (
    '"Quand la ministre choisit la presse plutôt que le tribunal (elle a finalement porté '
    "plainte mardi, ndlr), c'est que nos institutions ont échoué\", a déclaré Claire Morel."
)


def test_a_quote_without_the_newsroom_s_note_inside_it_is_still_verbatim() -> None:
    bullet = (
        "\"Quand la ministre choisit la presse plutôt que le tribunal, c'est que nos "
        'institutions ont échoué", a déclaré Claire Morel.'
    )
    assert verify(bullet, NOTED_QUOTE) == []
    # Any other word changed inside the marks is still a misquote.
    changed = bullet.replace("ont échoué", "ont failli")
    assert any("quote" in p for p in verify(changed, NOTED_QUOTE))


def test_a_long_note_goes_from_a_quote_a_short_one_stays() -> None:
    from essentiel import Pipeline
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Settings

    text = NOTED_QUOTE.replace(
        "a déclaré Claire Morel.",
        "a déclaré la députée Claire Morel dans une tribune publiée dimanche dans un "
        "hebdomadaire où elle dénonce la complaisance envers les artistes accusés.",
    ) + (
        ' "Je rencontrerai la ministre aujourd\'hui (mardi, ndlr) pour lui dire", a ajouté la'
        " députée Claire Morel devant la presse réunie à Brest."
    )
    settings = KeyPointSettings(max_keypoints=2, min_keypoints=1, selector="lead", max_words=30)
    digest = Pipeline(Settings(keypoints=settings)).digest(text, lang="fr")
    bullets = [k.text for k in digest.keypoints]
    assert all(k.verdict.passed for k in digest.keypoints)
    assert any("le tribunal, c'est que" in b and "ndlr" not in b for b in bullets), bullets
    assert not any("aujourd'hui pour lui dire" in b for b in bullets), bullets
