from __future__ import annotations

import pytest

from essentiel.facts.names import capitals, fold, same_name, skeleton


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelensky", "Zelenski"),
        ("Zelensky", "Зеленський"),
        ("Poutine", "Putin"),
        ("Kiev", "Kyiv"),
        ("Londres", "London"),
        ("Volodymyr Zelensky", "Zelenskyy"),
        ("Vladimir Poutine", "Putin"),
        ("Le Pen", "Marine Le Pen"),
        ("États-Unis", "Etats-Unis"),
    ],
)
def test_same_name(a: str, b: str) -> None:
    assert same_name(a, b) and same_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Vladimir Poutine", "Volodymyr Zelensky"),
        ("Marine Le Pen", "Jean-Marie Le Pen"),
        ("Paris", "Perez"),
        ("Kiev", "Kirov"),
        ("Trump", "Truss"),
    ],
)
def test_different_names(a: str, b: str) -> None:
    assert not same_name(a, b)


def test_fold_and_skeleton() -> None:
    assert fold("Зеленський") == "zelenskyi"
    assert fold("États-Unis") == "etats unis"
    assert skeleton("Zelenskyy") == skeleton("Zelensky") == "zlnsk"


def test_capitals_know_every_spelling() -> None:
    assert capitals()[fold("Kyiv")] == capitals()[fold("Kiev")] == "UA"
    assert capitals()[fold("Washington")] == "US"
