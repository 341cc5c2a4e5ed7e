"""A statement of the headline's event refused as the box's first bullet by the reader's checks
stays a candidate for the later bullets (issue 33, thirteenth session): judged there beside the
bullet shown before it, it may stand, instead of leaving the box without the event."""

from __future__ import annotations

from typing import Any

import pytest

import essentiel.keypoints as keypoints
from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

_TITLE = "Nantes : la mairie interdit les trottinettes électriques dans le centre-ville"
_TEXT = (
    "Le conseil municipal de Nantes a voté lundi soir un nouveau plan de circulation pour le "
    "centre-ville, après six mois de concertation avec les habitants et les commerçants.\n\n"
    "La mairie de Nantes interdira les trottinettes électriques en libre-service dans tout le "
    "centre-ville à partir du 1er juin, a annoncé la maire Johanna Rolland.\n\n"
    "Les trois opérateurs installés dans la ville devront retirer leurs 1.500 engins des rues "
    "avant cette date, sous peine d'une amende de 500 euros par engin.\n\n"
    "Les associations de cyclistes ont salué une décision attendue depuis deux ans par les "
    "piétons du quartier Bouffay."
)


@pytest.fixture
def first_slot_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader's checks refuse the statement in the first slot only (as « l'homme » or « ce
    plan » with nothing shown before them are), and let it stand after another bullet."""
    real = keypoints._refused_pointing

    def refused(sentence: Any, *args: Any, **kwargs: Any) -> bool:
        later = args[5] if len(args) > 5 else kwargs.get("later", True)
        if "trottinettes" in sentence.text and not later:
            return True
        return bool(real(sentence, *args, **kwargs))

    monkeypatch.setattr(keypoints, "_refused_pointing", refused)


@pytest.mark.usefixtures("first_slot_refuses")
def test_a_statement_refused_first_is_a_later_bullet() -> None:
    digest = Pipeline().digest(_TEXT, lang="fr", title=_TITLE)
    texts = [k.text for k in digest.keypoints]
    assert any("trottinettes" in t for t in texts), texts
    assert "trottinettes" not in texts[0]


@pytest.mark.usefixtures("first_slot_refuses")
def test_without_the_retry_the_statement_is_dropped() -> None:
    off = Settings(keypoints=KeyPointSettings(retry_refused_first=False))
    digest = Pipeline(off).digest(_TEXT, lang="fr", title=_TITLE)
    assert not any("trottinettes" in k.text for k in digest.keypoints)


def test_not_refused_the_statement_is_the_first_bullet() -> None:
    # The fixture's refusal is what moves it in the tests above (the headline's statement
    # shown first: ``article_order`` off).
    first = Settings(keypoints=KeyPointSettings(article_order=False))
    assert (
        "trottinettes" in Pipeline(first).digest(_TEXT, lang="fr", title=_TITLE).keypoints[0].text
    )
