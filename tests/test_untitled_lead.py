"""Text with no headline: the lead states the news (issue 33, item 2). The first bullet is the
lead, tried whole; the lead's next sentences that can be bullets come before later detail;
with a headline nothing changes. Original text written for the tests."""

from __future__ import annotations

from essentiel import Pipeline, resources
from essentiel.keypoints import KeyPointSettings, untitled_window
from essentiel.keypoints.select import Candidate
from essentiel.pipeline import Settings

MATERNITE = (
    "Le conseil municipal de Villeneuve-sur-Orge a voté mardi soir la fermeture de la maternité "
    "de l'hôpital communal, qui accueillait les naissances de la ville depuis plus de quarante "
    "ans.\n\n"
    "Les futures mères seront désormais orientées vers l'hôpital de la préfecture, à une "
    "demi-heure de route.\n\n"
    "La fermeture sera effective le 1er septembre, a précisé la direction de l'hôpital.\n\n"
    "Plusieurs habitants se sont rassemblés devant la mairie pour protester contre le vote.\n\n"
    "En 2019, la maternité avait accueilli 412 naissances, contre 689 en 2009, selon l'Agence "
    "régionale de santé d'Île-de-France, qui jugeait le service trop petit pour garantir la "
    "sécurité des patientes.\n\n"
    "Le maire, Jean-Pierre Vasseur, a assuré que les 35 salariés du service seraient reclassés "
    "dans d'autres unités de l'hôpital d'ici à janvier 2021.\n\n"
    "Une pétition contre la fermeture avait recueilli plus de 8.000 signatures en trois "
    "semaines.\n\n"
    "Le collectif de défense de la maternité prévoit une nouvelle manifestation samedi."
)


def bullets(
    text: str, on: bool, title: str | None = None, selector: str | None = None
) -> list[str]:
    settings = KeyPointSettings(untitled_lead=on, selector=selector)
    digest = Pipeline(Settings(keypoints=settings)).digest(text, lang="fr", title=title)
    return [point.text for point in digest.keypoints]


def test_the_leads_next_sentences_come_before_later_detail() -> None:
    paragraphs = MATERNITE.split("\n\n")
    for selector in ("learned", "heuristic"):
        box = bullets(MATERNITE, on=True, selector=selector)
        assert box == paragraphs[:3], selector
        # Off, the selector's order alone reaches for the figures further down.
        assert bullets(MATERNITE, on=False, selector=selector) != paragraphs[:3], selector


def test_with_a_headline_nothing_changes() -> None:
    title = "Villeneuve-sur-Orge : la maternité fermera en septembre"
    assert bullets(MATERNITE, on=True, title=title) == bullets(MATERNITE, on=False, title=title)


ENTREPOT = (
    "Un incendie a détruit dans la nuit de dimanche à lundi un entrepôt de la zone industrielle "
    "des Trois-Chênes, à Montbrison, sans faire de victime, mais 40 salariés de la société "
    "Forez Emballages sont privés de travail.\n\n"
    "Une soixantaine de pompiers ont lutté pendant six heures contre les flammes.\n\n"
    "Une enquête a été ouverte pour déterminer l'origine du sinistre.\n\n"
    "L'entreprise fabriquait des cartons pour l'industrie agroalimentaire de la région."
)


def test_the_lead_is_the_first_bullet_whole() -> None:
    # 36 words, over the target (30): cut to it, the lead lost who is hit and how many.
    lead = ENTREPOT.split("\n\n")[0]
    assert bullets(ENTREPOT, on=True)[0] == lead
    assert bullets(ENTREPOT, on=False)[0] != lead


def test_the_window_reaches_past_sentences_that_are_no_candidates() -> None:
    lang = resources.language("fr")
    count, weight = lang.untitled_lead
    assert count >= 1 and weight > 0.0
    sentence = None  # the window reads the ranks only
    ranks = [0, 3, 4, 7, 9]
    candidates = [Candidate(sentence, r, 1.0, frozenset(), {}) for r in ranks]  # type: ignore[arg-type]
    assert untitled_window(candidates, lang) == ranks[count]
    assert untitled_window([], lang) == -1


CLIMBERS = (
    "Two climbers were rescued from a ledge in the Cairngorms on Sunday after spending the night "
    "in freezing fog.\n\n"
    "They had been stranded for fourteen hours in temperatures of minus eight degrees.\n\n"
    "The mountain rescue team said conditions on the north face had been among the worst this "
    "winter.\n\n"
    "Both climbers were treated in hospital in Fort William for mild hypothermia.\n\n"
    "Rescue teams have been called out more than 60 times on the mountain this year.\n\n"
    "Walkers are advised to check the forecast before setting out."
)


def english_box(on: bool, title: str | None = None) -> list[str]:
    settings = KeyPointSettings(untitled_lead=on, untitled_follow_on=on)
    digest = Pipeline(Settings(keypoints=settings)).digest(CLIMBERS, lang="en", title=title)
    return [point.text for point in digest.keypoints]


def test_english_lead_goes_on_with_its_subject() -> None:
    # The lead selector (English's default) with no headline and ``untitled_follow_on``: the
    # lead's next sentence, whose « They » are the climbers the bullet above names, follows it.
    paragraphs = CLIMBERS.split("\n\n")
    assert english_box(on=True)[:2] == paragraphs[:2]
    assert paragraphs[1] not in english_box(on=False)
    # Off by default: the English box is the lead selector's as before.
    default = Pipeline().digest(CLIMBERS, lang="en")
    assert [point.text for point in default.keypoints] == english_box(on=False)
    title = "Two climbers rescued after night on a ledge"
    assert english_box(on=True, title=title) == english_box(on=False, title=title)


def test_the_weights_are_the_language_files() -> None:
    assert resources.language("fr").untitled_lead == (2, 0.5)
    assert resources.language("en").untitled_lead == (2, 0.5)
