"""A later bullet whose sentence states the headline, while no bullet above does, keeps the
headline's words in its cut as the first bullet does (``KeyPointSettings.headline_keep_later``,
issue 33, item 2): « Alors que plusieurs cas de bébés nés sans bras avaient été signalés ...,
d'autres ont été repérés dans le Gard » is not cut to « D'autres ont été repérés dans le
Gard » under « Bébés nés sans bras : trois nouveaux cas dans le Gard ». Original text,
written for these tests in the style of news pages."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from essentiel.keypoints import KeyPointSettings, names_lost, restates
from essentiel.keypoints.headline import Headline
from essentiel.keypoints.select import Candidate

TITLE = "Bébés nés sans bras : trois nouveaux cas dans le Gard"
STATES = (
    "Alors que plusieurs cas de bébés nés sans bras avaient été signalés dans l'Ain, "
    "d'autres ont été repérés dans le Gard."
)
SIDE = "Selon Midi Libre, il s'agit de petits garçons nés en 2017 près de Nîmes."


def _candidate(text: str, rank: int) -> Candidate:
    sentence: Any = SimpleNamespace(text=text)
    return Candidate(sentence, rank, 1.0, frozenset(), {})


def _made(*texts: str) -> list[tuple[int, Any]]:
    return [(k, SimpleNamespace(text=t)) for k, t in enumerate(texts)]


HEADLINE = Headline.of([TITLE, ""], "fr")


def test_a_later_statement_of_the_headline_keeps_its_words() -> None:
    assert HEADLINE is not None
    assert restates(_candidate(STATES, 0), HEADLINE, _made(SIDE), KeyPointSettings())


def test_not_once_a_bullet_above_states_the_headline() -> None:
    assert HEADLINE is not None
    made = _made("Trois nouveaux cas de bébés nés sans bras ont été repérés dans le Gard.")
    assert not restates(_candidate(STATES, 3), HEADLINE, made, KeyPointSettings())


def test_not_a_sentence_that_does_not_state_it() -> None:
    assert HEADLINE is not None
    assert not restates(_candidate(SIDE, 1), HEADLINE, _made(), KeyPointSettings())


def test_off() -> None:
    assert HEADLINE is not None
    settings = KeyPointSettings(headline_keep_later=False)
    assert not restates(_candidate(STATES, 0), HEADLINE, _made(SIDE), settings)


def test_a_cut_that_loses_a_name_the_free_cut_keeps() -> None:
    free = "À Vinzelles, près de Mâcon, une voiture a reculé dans la foule devant un bar."
    kept = (
        "Près de Mâcon, une voiture a reculé dans la foule, rapporte le Journal de Saône-et-Loire."
    )
    assert names_lost(kept, free)
    assert not names_lost(free, "À Vinzelles, une voiture a reculé dans la foule.")
