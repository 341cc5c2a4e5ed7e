"""Bullets that lean on a sentence the box does not show, the kinds the judges of rounds 42
and 43 named « sans contexte », « sans antécédent », « sans référent » (issue 33, items 1 and
3): the reader's measure counts each, and the selector drops the word or refuses the
candidate for a better one. On sentences we wrote, both ways."""

from __future__ import annotations

from typing import Any

import pytest

from essentiel import Pipeline
from essentiel.analyze import ParsedSentence, pipeline
from essentiel.keypoints import KeyPointSettings
from essentiel.keypoints.pointing import points_back
from essentiel.pipeline import Settings
from tests.test_keypoint_defects import _context


def _kind(text: str, introduced: frozenset[str] = frozenset(), below: bool = False) -> str | None:
    doc = pipeline("fr")(text)
    sentence = ParsedSentence(block=0, offset=0, span=doc[:], lang="fr")
    return points_back(sentence, [(0, len(text))], "fr", introduced, text, below)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Malgré cela, le maire de Quimper a maintenu la fête du port.", "context_link"),
        ("Malgré la pluie, le maire de Quimper a maintenu la fête du port.", None),
        ("Pour autant, le club de Brest ne renonce pas à son nouveau stade.", "context_link"),
        ("Pour autant qu'on sache, le stade de Brest ouvrira en mai.", None),
        ("Dans le même temps les syndicats de la SNCF ont appelé à la grève.", "context_link"),
        ("À tel point que la mairie de Brest a fermé la piscine municipale.", "context_link"),
        ("Si bien que la mairie de Brest a fermé la piscine municipale.", "context_link"),
        ("Entre les deux, le préfet du Finistère s'est posé en arbitre lundi.", "context_link"),
        ("Entre les deux tours, le préfet du Finistère a reçu les candidats.", None),
    ],
)
def test_openers_the_forty_second_rounds_named(text: str, kind: str | None) -> None:
    assert _context(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # « quant à eux » after the subject: against someone the box does not show.
        (
            "La mère de l'enfant et son compagnon ont quant à eux été placés en garde à vue.",
            "back_phrase",
        ),
        ("Le maire de Quimper a malgré cela maintenu la fête du port.", "back_phrase"),
        ("Le club de Brest n'a pas pour autant renoncé à son nouveau stade.", "back_phrase"),
        ("La mairie de Brest a démoli le hangar sans pour autant vendre le terrain.", None),
        # « en » with nothing before it in the bullet but the subject: made what known?
        (
            "Le ministre ne s'est pas privé d'en faire part au président de la région.",
            "back_clitic",
        ),
        ("La direction du port en a tiré les leçons après la tempête de mardi.", "back_clitic"),
        ("Le maire a reçu une lettre anonyme et a décidé d'en parler au conseil municipal.", None),
        ("Brest comptait 80 bars en 2010, Quimper en avait 30.", None),
        ("« J'en ai assez des travaux », a lancé Anne Le Goff devant la mairie.", None),
        ("Le prix du gazole a augmenté de 8 % en un mois à Brest.", None),
        # A fronted possessive: the noun it completes is not its owner, nor a preposition's
        # noun; a plural subject cannot own « ses ».
        (
            "Face à l'ampleur de ses blessures, les médecins ont décidé de le plonger dans un coma.",
            "back_possessive",
        ),
        ("Face à l'ampleur de ses dettes, la commune de Brest a vendu le stade.", None),
        ("Grâce à ses dons, l'association a pu rouvrir le refuge de Brest.", None),
        # A noun of degree owns nothing; another noun before may (a broken parse of the
        # subject after it).
        ("À l'occasion de la sortie de son livre, Marie Le Goff a parlé à Brest.", None),
        # Read on OrangeSum train rows 17000-17299: a first-person possessive with no
        # speaker.
        ("Parfois mon impatience a été ressentie comme de la colère à Brest.", "back_quote"),
        ("« Mon fils a été sauvé par les pompiers », a déclaré Anne Le Goff à Brest.", None),
        # Not inside a title the sentence writes.
        ("Le chroniqueur de Touche pas à mon poste a quitté le plateau mardi.", None),
        # A role after a contracted article (« du ministre »), in a bullet that names nobody.
        ("La mairie a annoncé mardi soir la démission du ministre.", "back_role"),
        ("La mairie a annoncé mardi soir la démission du ministre de la Mer.", None),
    ],
)
def test_words_the_forty_second_rounds_named_point_back(text: str, kind: str | None) -> None:
    assert _kind(text) == kind


def test_others_at_the_opening_stand_when_the_box_said_the_noun() -> None:
    text = "D'autres documents indiquent que le gérant aurait déposé 17.000 euros à Brest."
    assert _kind(text) == "back_additive"
    assert _kind(text, introduced=frozenset({"document", "documents"})) is None
    assert _kind("Le maire de Brest a rencontré d'autres élus de la région mardi.") is None
    # Others some of whom the bullet names before its verb.
    text = "D'autres membres du conseil municipal de Brest, comme Marie Le Goff, ont voté contre."
    assert _kind(text) is None
    # Others of the family of a noun said above (« Des graffitis ... »).
    text = "D'autres inscriptions ont été découvertes devant une école de Brest."
    assert _kind(text) == "back_additive"
    assert _kind(text, introduced=frozenset({"graffitis", "graffiti"})) is None
    # Others than the person a bullet above named.
    text = "D'autres personnalités de la majorité ont été battues à Brest et à Quimper."
    assert _kind(text) == "back_additive"
    assert _kind(text, introduced=frozenset({"<person>"})) is None


def test_en_may_stand_for_a_bullet_above() -> None:
    # « La tenue de X avait surpris » above « L'un des avocats s'en est expliqué »: the engine
    # tests « en » in the box's first bullet only (the measure's ``back_en`` the main verb's in
    # any bullet not right after the article's sentence before).
    text = "Marie Le Goff en a fait depuis dix ans le combat de sa vie à Brest."
    assert _kind(text) == "back_clitic"
    assert _kind(text, below=True) is None
    assert _kind("Les gendarmes de Brest n'en demandaient pas tant.") is None


def _bullets(body: str, **fields: Any) -> list[str]:
    fields = {"max_keypoints": 6, "min_keypoints": 1, "selector": "lead", **fields}
    settings = KeyPointSettings(**fields)
    return [
        p.text for p in Pipeline(Settings(keypoints=settings)).digest(body, lang="fr").keypoints
    ]


def test_the_selector_drops_the_link_or_refuses_the_sentence() -> None:
    body = (
        "La préfecture du Finistère a interdit mardi les feux d'artifice sur tout le littoral. "
        "Malgré cela, le maire de Quimper a maintenu la fête du port samedi soir. "
        "Dans le même temps les pompiers du Finistère ont renforcé leurs patrouilles. "
        "À tel point que la mairie de Brest a fermé le parc de la Penfeld jusqu'à lundi. "
        "D'autres communes de la côte ont annulé leur bal populaire du 14 juillet. "
        "La mère de l'enfant et son compagnon ont quant à eux été placés en garde à vue. "
        "Entre les deux, le sous-préfet de Morlaix s'est posé en arbitre mercredi."
    )
    texts = _bullets(body)
    openers = ("Malgré", "Dans le même", "À tel", "D'autres", "Entre les deux")
    assert not any(t.startswith(openers) for t in texts), texts
    assert not any("Entre les deux" in t for t in texts), texts
    assert "Le maire de Quimper a maintenu la fête du port samedi soir." in texts, texts
    assert any(t.startswith("Les pompiers du Finistère ont renforcé") for t in texts), texts
    assert not any("quant à" in t for t in texts), texts


def test_a_first_bullet_with_a_bare_en_gives_way_to_the_next() -> None:
    body = (
        "Le ministre de la Mer ne s'est pas privé d'en faire part au président de la région "
        "lors de sa visite à Lorient jeudi. Les pêcheurs de Lorient réclament depuis deux ans "
        "la rénovation de la criée du port de Keroman."
    )
    refused = _bullets(body, max_keypoints=1)
    assert refused == [
        "Les pêcheurs de Lorient réclament depuis deux ans la rénovation de "
        "la criée du port de Keroman."
    ], refused
    kept = _bullets(body, max_keypoints=1, refuse_pointing=False)
    assert any("d'en faire part" in t for t in kept), kept
