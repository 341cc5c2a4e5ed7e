"""The survey's own patterns: what it counts as date-like, as a charge, and how it groups."""

from __future__ import annotations

from tests.conftest import load_script


def test_date_like_words_are_named_by_their_pattern() -> None:
    script = load_script("experiments/date_quote_survey.py")
    text = "Le lendemain, huit mois après l'été 2019, il a été élu mardi 3 mars."

    def names(body: str) -> list[str]:
        return [name for name, pattern in script._DATE_LIKE if pattern.search(body)]

    assert "la veille / le lendemain" in names(text)
    assert "season" in names(text) and "day month" in names(text) and "weekday" in names(text)
    # A count of months is a duration, and « été » after an auxiliary a participle.
    assert names("Il a été absent huit mois.") == []
    assert script._key(text, 0, 12) == "^ | le lendemain"


def test_charges_are_told_from_speech() -> None:
    script = load_script("experiments/date_quote_survey.py")
    assert script.CHARGE.search("Il a été mis en examen en 2019 pour « ")
    assert script.CHARGE.search("poursuivi des chefs d'")
    assert not script.CHARGE.search("Il a plaidé pour « ")
