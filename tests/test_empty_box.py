"""A box is never empty when the article's first sentence can be a bullet (issue 33): a short
article whose lead runs past the word limit, and whose other sentences do not stand alone,
gave no key point at all."""

from __future__ import annotations

from dataclasses import replace

import pytest

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

# A long lead (about 50 words), then a verbless sentence, a quote whose speaker is a bare
# pronoun, and a sentence opening on « il »: none of those stands alone.
_LONG_LEAD = (
    "Lors de la séance du conseil municipal, jeudi 12 mars, le conseiller d'opposition "
    "apparenté LR, Hervé Kermarrec, a interpellé l'adjointe chargée des finances de la ville, "
    'Solène Le Bihan, sur un ton inhabituel : "Vous nous prenez pour des jambons !", '
    "rapporte le lendemain Le Télégramme.\n\n"
    "Une sortie qui n'a rien d'insultant, selon l'élu qui s'est confié au quotidien.\n\n"
    '"Je parle comme ça à tout le monde, en séance comme au marché", a-t-il insisté.\n\n'
    "Gêné, il est allé présenter ses excuses à l'adjointe après la séance."
)


# The limits the lead was written to pass (towards 25 words, at most 30): at today's defaults
# it fits without the fallback.
_LIMITS = KeyPointSettings(target_words=25, max_words=30)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Settings(keypoints=_LIMITS))


def test_an_article_with_a_long_lead_gets_its_lead_as_the_bullet(pipeline: Pipeline) -> None:
    digest = pipeline.digest(_LONG_LEAD, lang="fr")
    assert digest.keypoints, [n.message for n in digest.notices]
    first = digest.keypoints[0]
    assert "Hervé Kermarrec" in first.text and "a interpellé" in first.text
    assert first.verdict.passed


def test_the_fallback_can_be_turned_off(pipeline: Pipeline) -> None:
    # The headline's statement a few words over (``headline_whole_words``) is another way to
    # the same bullet: off too.
    limits = replace(_LIMITS, empty_box_extra_words=0, headline_whole_words=0)
    settings = Settings(keypoints=limits)
    digest = Pipeline(settings).digest(_LONG_LEAD, lang="fr")
    assert not digest.keypoints
