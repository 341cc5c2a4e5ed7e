"""Paragraph language: function words when they leave no doubt, py3langid otherwise (issue 29:
the identifier was a sixth of the extraction stages' cost)."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import py3langid
import pytest

from essentiel import language, resources

FRENCH = (
    "Le conseil départemental a voté jeudi une enveloppe de trois millions d'euros pour les "
    "routes du nord du Finistère, abîmées par les tempêtes de l'hiver. Les travaux commenceront "
    "au printemps et dureront six mois, selon le président, qui a promis que les communes "
    "rurales ne seront pas oubliées."
)
ENGLISH = (
    "The county council approved on Thursday a budget of three million pounds for the roads "
    "of north Devon, which were damaged by the winter storms. The work will start in the "
    "spring and is expected to last six months, the council leader said, adding that rural "
    "villages would not be forgotten."
)
GERMAN = (
    "Der Kreistag hat am Donnerstag drei Millionen Euro für die Straßen im Norden des Kreises "
    "bewilligt, die von den Winterstürmen beschädigt wurden. Die Arbeiten sollen im Frühjahr "
    "beginnen und sechs Monate dauern, sagte der Landrat, der versprach, dass auch die "
    "kleinen Gemeinden nicht vergessen werden."
)
SPANISH = (
    "El consejo provincial aprobó el jueves un presupuesto de tres millones de euros para las "
    "carreteras del norte de la provincia, dañadas por las tormentas del invierno. Las obras "
    "comenzarán en primavera y durarán seis meses, según el presidente, que prometió que los "
    "pueblos no serán olvidados."
)


@pytest.mark.parametrize(
    ("text", "code"), [(FRENCH, "fr"), (ENGLISH, "en"), (GERMAN, "de")], ids=["fr", "en", "de"]
)
def test_dense_function_words_name_the_language_as_the_identifier_does(
    text: str, code: str
) -> None:
    assert language.by_function_words(text) == code
    assert language.identify(text) == code
    assert py3langid.classify(text)[0] == code


def test_a_language_without_cue_words_goes_to_the_identifier() -> None:
    # Spanish shares « de », « la », « que », « en » with its neighbours: none is a cue.
    assert language.by_function_words(SPANISH) is None
    assert language.identify(SPANISH) == "es"


def test_a_short_paragraph_is_left_to_the_identifier() -> None:
    short = "Les travaux commenceront au printemps et dureront six mois dans le Finistère."
    assert len(short.split()) < language.CUE_MIN_WORDS
    assert language.by_function_words(short) is None
    assert language.identify(short) == "fr"


def test_a_paragraph_mixing_two_languages_is_left_to_the_identifier() -> None:
    mixed = (
        "Le président a dit que les travaux sur les routes du nord sont prévus pour cette "
        "année et qu'ils ont été votés. The minister said that the agreement would be signed "
        "by the end of the year and that it was good for the region."
    )
    assert language.by_function_words(mixed) is None


def test_no_cue_word_belongs_to_two_languages() -> None:
    words = Counter(
        word for words in resources.common_data("language_cues").values() for word in words
    )
    assert [word for word, times in words.items() if times > 1] == []


def test_too_few_letters_is_no_language() -> None:
    assert language.identify("Lire aussi") is None


def test_a_paragraph_of_fifteen_words_dense_in_cues_is_named_without_the_identifier() -> None:
    # 18 words, 4 of them French cues (22 %): named by its function words, as py3langid names it.
    text = (
        "Le maire a présenté jeudi le budget de la commune, qui sera voté par le conseil en mars."
    )
    assert language.CUE_MIN_WORDS <= len(text.split()) < 20
    assert language.by_function_words(text) == "fr"
    assert py3langid.classify(text)[0] == "fr"


def test_a_news_paragraph_sparse_in_function_words_is_named_by_them() -> None:
    """News French runs on names, figures and nouns: an eighth of its words are cue words,
    not a fifth, and such a paragraph was left to py3langid for nothing (issue 31)."""
    sparse = (
        "Un incendie a ravagé mardi matin un entrepôt de la zone industrielle de "
        "Saint-Herblain, près de Nantes, selon les pompiers. Le feu, parti du toit vers six "
        "heures, a été maîtrisé en fin de matinée: aucun blessé, mais des dégâts importants, "
        "quatre camions détruits."
    )
    words = language._WORD.findall(sparse.lower())
    cues = sum(1 for w in words if language._cue_languages().get(w) == "fr")
    assert language.CUE_MIN_SHARE * len(words) <= cues < 0.2 * len(words)
    assert language.by_function_words(sparse) == "fr"
    assert py3langid.classify(sparse)[0] == "fr"


def test_a_language_may_name_its_bullets_length() -> None:
    from essentiel import Pipeline
    from essentiel.keypoints import KeyPointSettings
    from essentiel.pipeline import Settings

    # English keeps the limits it was judged with; French takes the box's default.
    assert resources.language("en").keypoint_words == (25, 30)
    assert resources.language("fr").keypoint_words is None
    body = (
        "Border guards arrested eleven men who crossed the frozen river near the village of "
        "Narva overnight with explosives, two rifles and forged passports hidden in three "
        "wooden sledges pulled by a snowmobile. The interior ministry said on Thursday that "
        "the men would appear before a judge in Tallinn next week. Officials gave no names."
    )

    def longest(**fields: object) -> int:
        settings = KeyPointSettings(max_keypoints=3, min_keypoints=1, headline_extra_words=0)
        settings = replace(settings, **fields)  # type: ignore[arg-type]
        digest = Pipeline(Settings(keypoints=settings)).digest(body, lang="en")
        return max(len(p.text.split()) for p in digest.keypoints)

    # The 33-word lead fits the box's default (36) only when the language's 30 is not taken.
    assert longest() <= 30
    assert longest(words_from_language=False) > 30
