"""Quotes are never split by a bullet's edge (issue 33): a quote running over several
sentences is one bullet, whole, when it fits and names its speaker, or none."""

from __future__ import annotations

import pytest

from essentiel import Pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.pipeline import Settings

# A short article made only of quotes whose marks run across two sentences: no sentence of it
# stands alone, so the box was empty.
_QUOTES_ONLY = (
    "Grève à l'usine Kerlann de Morlaix : les salariés ne lâchent rien\n\n"
    '"Nous ne lâcherons rien. La direction doit revenir à la table des négociations", '
    "a déclaré Yannick Le Goff, délégué CGT de l'usine.\n\n"
    '"Les salariés sont épuisés. Certains travaillent depuis six semaines sans un jour de '
    'repos", a ajouté Maëlle Guivarch, élue au comité social et économique.\n\n'
    '"Nous attendons des propositions concrètes. Sans elles, la grève continuera lundi", '
    "a-t-il prévenu."
)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def test_a_quote_over_two_sentences_is_one_bullet_with_its_speaker(pipeline: Pipeline) -> None:
    digest = pipeline.digest(_QUOTES_ONLY, lang="fr")
    bullets = [k.text for k in digest.keypoints]
    assert bullets == [
        '"Nous ne lâcherons rien. La direction doit revenir à la table des négociations", '
        "a déclaré Yannick Le Goff, délégué CGT de l'usine.",
        '"Les salariés sont épuisés. Certains travaillent depuis six semaines sans un jour de '
        'repos", a ajouté Maëlle Guivarch, élue au comité social et économique.',
    ]
    for point in digest.keypoints:
        assert point.verdict.passed
        assert point.text.count('"') == 2  # the quote opens and closes inside the bullet
        (source,) = point.sources
        assert digest.article.text[source.start : source.end] == source.text


def test_a_quote_whose_speaker_is_a_pronoun_is_no_bullet(pipeline: Pipeline) -> None:
    digest = pipeline.digest(_QUOTES_ONLY, lang="fr")
    assert not any("propositions concrètes" in k.text for k in digest.keypoints)


def test_without_joining_the_quotes_only_article_has_no_bullet() -> None:
    # Nor the empty box's last resort, which joins the body's first quote (thirteenth session).
    off = KeyPointSettings(join_quotes=False, empty_box_extra_words=0)
    digest = Pipeline(Settings(keypoints=off)).digest(_QUOTES_ONLY, lang="fr")
    assert digest.keypoints == []
    settings = Settings(keypoints=KeyPointSettings(join_quotes=False))
    digest = Pipeline(settings).digest(_QUOTES_ONLY, lang="fr")
    assert [k.text[:25] for k in digest.keypoints] == ['"Nous ne lâcherons rien. ']


def test_marks_that_pair_by_count_but_not_by_sense_are_no_bullet() -> None:
    # The source closes a quote it never opened (« ...jeudi", écrit ») and glues the next
    # paragraph's opening mark to the sentence's stop: four marks, but the second pair would
    # quote « , écrit Météo Bretagne. ». Every sentence is a candidate here (the lead
    # selector); the mispaired one is not made a bullet.
    text = (
        "Le Finistère a été placé en vigilance orange aux orages jeudi par Météo Bretagne. "
        '"De fortes pluies sont attendues" sur la côte nord où il pleut depuis mercredi et '
        'jusqu\'à jeudi soir", écrit Météo Bretagne."Les rivières pourraient déborder", '
        "ajoute le prévisionniste. Les écoles resteront ouvertes vendredi."
    )
    settings = KeyPointSettings(max_keypoints=4, min_keypoints=1, selector="lead")
    digest = Pipeline(Settings(keypoints=settings)).digest(text, lang="fr")
    bullets = [k.text for k in digest.keypoints]
    assert bullets and not any("De fortes pluies" in b for b in bullets), bullets
    assert all(b.count('"') % 2 == 0 for b in bullets)


def test_the_pronoun_of_a_quote_after_a_named_speaker_s_quote_over_two_sentences(
    pipeline: Pipeline,
) -> None:
    # The speaker named after a quote running over two sentences is who « a-t-il assuré »
    # stands for in the next quote, itself over two sentences.
    text = (
        "Travaux du pont de Morlaix : le maire promet de tenir les délais\n\n"
        "Le chantier du pont de la Villeneuve a pris trois mois de retard cet hiver. "
        '"Le gel a tout arrêté. Nous ne pouvions rien faire", a expliqué lundi le maire, '
        'Paul Morel. "Nous tiendrons les délais de juin. Les habitants peuvent compter sur '
        'nous", a-t-il assuré devant le conseil municipal.'
    )
    # Room for both quotes: they are bullets when the box has too few (``join_quotes``).
    settings = KeyPointSettings(max_keypoints=4, min_keypoints=3)
    digest = Pipeline(Settings(keypoints=settings)).digest(text, lang="fr")
    bullets = [k.text for k in digest.keypoints]
    named = [b for b in bullets if "Nous tiendrons les délais" in b]
    assert named and "a assuré [Paul Morel]" in named[0], bullets
