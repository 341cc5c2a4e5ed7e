"""The candidates for a subheading run into its sentence with a space (issue 33)."""

from __future__ import annotations

from tests.conftest import load_script


def test_a_capital_after_a_short_lowercase_run_is_a_candidate_and_titles_are_not() -> None:
    script = load_script("experiments/spaced_heading_candidates.py")
    titles = frozenset({"de", "du", "le", "la"})
    text = (
        "Le préfet a fermé la route. Un second avion affrété Parties de Bangkok, quelque 150 "
        "personnes ont atterri. Le bureau du Parti socialiste a voté."
    )
    found = script.candidates(text, titles, 11)
    assert [(run, word) for run, word, _ in found] == [("Un second avion affrété", "Parties")]
