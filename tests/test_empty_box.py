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


# An article made only of one speaker's words (the twenty-fifth judged round's empty box): a
# quote over three sentences, too long to be one bullet whole, then a quote whose speaker is a
# bare pronoun, the named speaker's (« a-t-elle ajouté »). No sentence stands alone.
_QUOTES_ONLY = (
    "\"Nous avons pris la décision de fermer notre usine de Lannion à la fin de l'année, après "
    "trois exercices déficitaires et la perte de notre principal client. Les deux cents salariés "
    "du site se verront proposer un poste dans nos autres usines de Bretagne ou un "
    "accompagnement personnalisé vers un nouvel emploi. Nous savons que c'est une épreuve pour "
    'toute la région et nous la regrettons profondément", a annoncé mardi Claire Fontaine, '
    "directrice générale du groupe Armorique Composants.\n\n"
    '"Personne ne sera laissé sans solution. Nous y veillerons jusqu\'au dernier jour", '
    "a-t-elle ajouté."
)


def test_a_long_quote_is_cut_at_a_sentence_end_and_closed_before_its_speaker() -> None:
    digest = Pipeline().digest(_QUOTES_ONLY, lang="fr")
    # The first quote, cut to the first bullet's limit, before the shorter second one, whose
    # pronoun is named (it fitted whole, and had taken the box alone).
    assert len(digest.keypoints) == 2, [n.message for n in digest.notices]
    assert digest.keypoints[1].text.endswith("a ajouté [Claire Fontaine].")
    bullet = digest.keypoints[0]
    assert bullet.text == (
        "\"Nous avons pris la décision de fermer notre usine de Lannion à la fin de l'année, "
        'après trois exercices déficitaires et la perte de notre principal client", a annoncé '
        "mardi Claire Fontaine, directrice générale du groupe Armorique Composants."
    )
    assert bullet.verdict.passed and bullet.removed == ["quote_cut"]
    # Every piece is the source's: the quote up to its first sentence's stop, then the mark.
    assert [f.text[-7:] for f in bullet.fragments] == [" client", "posants."[-7:]]
    assert digest.article.text[bullet.fragments[1].start] == '"'


def test_a_quote_cut_keeps_a_guillemet_s_inner_space_and_needs_a_named_speaker() -> None:
    text = (
        "« Nous avons pris la décision de fermer notre usine de Lannion à la fin de l'année, "
        "après trois exercices déficitaires et la perte de notre principal client. Les deux "
        "cents salariés du site se verront proposer un poste dans nos autres usines de Bretagne "
        "ou un accompagnement personnalisé vers un nouvel emploi. Nous savons que c'est une "
        "épreuve pour toute la région » a annoncé mardi Claire Fontaine."
    )
    digest = Pipeline().digest(text, lang="fr")
    assert [k.text for k in digest.keypoints] == [
        "« Nous avons pris la décision de fermer notre usine de Lannion à la fin de l'année, "
        "après trois exercices déficitaires et la perte de notre principal client » a annoncé "
        "mardi Claire Fontaine."
    ]
    # Whose words they are, a pronoun does not say: no bullet cut from them.
    unnamed = text.replace("a annoncé mardi Claire Fontaine", "a-t-elle annoncé mardi")
    assert not any("Lannion" in k.text for k in Pipeline().digest(unnamed, lang="fr").keypoints)


def test_the_last_resort_is_the_body_s_first_statement() -> None:
    # Every sentence opens on a pronoun nobody is named for: none stands alone, the first that
    # is a statement (not the question) is the bullet.
    text = (
        "Pourquoi a-t-il quitté le club si vite après la remontée ?\n\n"
        "Il a annoncé mardi soir qu'il quittait la présidence du club après douze saisons "
        "passées à sa tête.\n\n"
        "Il laisse derrière lui un club remonté en deuxième division et des finances assainies."
    )
    digest = Pipeline().digest(text, lang="fr")
    assert [k.text[:30] for k in digest.keypoints] == ["Il a annoncé mardi soir qu'il "]
    assert digest.keypoints[0].verdict.passed
    off = Settings(keypoints=KeyPointSettings(empty_box_extra_words=0))
    assert not Pipeline(off).digest(text, lang="fr").keypoints


def test_a_quote_cut_does_not_take_a_second_quote_s_mark_for_its_own() -> None:
    # Round 42: the last sentence's last mark closed a quote of the cue clause (« ..., déplorant
    # le "spectacle désolant" entre ... »); the cut kept the cue's tail as the quote's speaker.
    text = (
        "\"Nous avons pris la décision de fermer notre usine de Lannion à la fin de l'année. "
        "Les deux cents salariés du site se verront proposer un poste dans nos autres usines "
        "de Bretagne ou un accompagnement personnalisé vers un nouvel emploi. Nous savons que "
        "c'est une épreuve pour toute la région et pour les familles qui ont fait vivre ce "
        'site pendant plus de quarante ans, et nous la regrettons profondément", a fait valoir '
        'Claire Fontaine, dénonçant le "mépris des actionnaires" envers les salariés de Renault.'
    )
    digest = Pipeline().digest(text, lang="fr")
    for bullet in digest.keypoints:
        assert '" envers' not in bullet.text, bullet.text
