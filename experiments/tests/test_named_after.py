"""The listing of descriptions a box keeps whose person the text names only after them."""

from __future__ import annotations

from typing import Any

from tests.conftest import load_script


def _row(text: str) -> dict[str, Any]:
    return {"id": "t", "lang": "fr", "date": "2020-03-02", "title": "", "text": text}


def _listed(text: str) -> list[dict[str, Any]]:
    script = load_script("experiments/named_after.py")
    count, listed = script.listing(iter([(0, _row(text))]))
    assert count == 1
    return listed


def test_a_role_beside_the_later_name_is_evidence() -> None:
    listed = _listed(
        "Le maire du village a entendu un grand bruit dans la nuit de dimanche. La vieille "
        "passerelle de Saint-Aubin s'est effondrée dans la rivière vers 23 heures. D'après les "
        "pompiers, c'est le maire du village, Jean-Pierre Morvan, qui a donné l'alerte."
    )
    (item,) = [x for x in listed if x["description"] == "Le maire du village"]
    assert item["role_beside"] == {"Jean-Pierre Morvan": "maire du village, Jean-Pierre Morvan"}


def test_a_role_whose_noun_is_another_is_no_evidence() -> None:
    listed = _listed(
        "La famille de l'octogénaire a porté plainte lundi à Marseille pour homicide "
        "involontaire. L'avocat de la fille de l'octogénaire, Paul Berthier, dénonce une "
        "enquête bâclée. L'hôpital n'a pas souhaité réagir à cette plainte."
    )
    (item,) = [x for x in listed if x["description"] == "l'octogénaire"]
    assert item["role_beside"] == {}
    # The next sentence's subject is a candidate, not an answer: here the daughter's lawyer.
    assert item["next_subject"] == ["Paul Berthier"]
