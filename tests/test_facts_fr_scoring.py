"""The French facts benchmark's scoring rules (bench/facts_fr.py), on an article we write."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from tests.conftest import load_script

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
facts_fr = load_script("bench/facts_fr.py")

TEXT = (
    "« Nous rouvrirons le pont lundi », a assuré Claire Vasseur, maire de Brennec. "
    "Selon la préfecture du Morbihan, 40 camions passent chaque jour. "
    "Un riverain a confié qu'il attendait depuis mars."
)


def _span(part: str) -> list[int]:
    start = TEXT.index(part)
    return [start, start + len(part)]


def _gold() -> dict[str, Any]:
    return {
        "id": "t-1",
        "date": "2024-05-03",
        "quotes": [
            {
                "kind": "direct",
                "content": _span("Nous rouvrirons le pont lundi"),
                "cue": _span("a assuré"),
                "speaker": _span("Claire Vasseur"),
                "speaker_name": "Claire Vasseur",
            },
            {
                "kind": "according_to",
                "content": _span("40 camions passent chaque jour"),
                "cue": _span("Selon"),
                "speaker": _span("la préfecture du Morbihan"),
                "speaker_name": "la préfecture du Morbihan",
            },
            {
                "kind": "indirect",
                "content": _span("il attendait depuis mars"),
                "cue": _span("a confié"),
                "speaker": _span("Un riverain"),
                "speaker_name": None,
            },
        ],
        "figures": [{"number": _span("40"), "value": 40.0, "counts": "camions", "unit": None}],
        "dates": [{"span": _span("lundi"), "value": "2024-05-06", "grain": "day"}],
    }


def test_an_annotation_against_itself_agrees_everywhere() -> None:
    gold = {"t-1": _gold()}
    found = {"t-1": facts_fr.found_by_annotator(_gold())}
    results, errors = facts_fr.score(gold, found, {"t-1": TEXT})
    assert errors == []
    for kind in ("quotes", "figures", "dates"):
        assert results[kind]["f1"] == 100.0
        assert results[kind]["right_of_gold"] == 100.0


def test_speakers_are_judged_by_canonical_name_not_by_span() -> None:
    gold = _gold()["quotes"]
    # The right person under another spelling of the name.
    assert facts_fr.same_speaker(gold[0], {"name": "Vasseur", "speaker": None})
    assert facts_fr.same_speaker(gold[1], {"name": "Préfecture du Morbihan", "speaker": (0, 3)})
    # A span on the right words does not save a wrong name.
    wrong = {"name": "Brennec", "speaker": tuple(gold[0]["speaker"])}
    assert not facts_fr.same_speaker(gold[0], wrong)
    assert facts_fr.speaker_error(gold[0], wrong) == "speaker-wrong"
    assert facts_fr.speaker_error(gold[0], {"name": None, "speaker": None}) == "speaker-missing"
    # An anonymous speaker: naming nobody, or the same anonymous mention, is right.
    assert facts_fr.same_speaker(gold[2], {"name": None, "speaker": None})
    assert facts_fr.same_speaker(gold[2], {"name": "un riverain", "speaker": (143, 154)})
    assert not facts_fr.same_speaker(gold[2], {"name": "Claire Vasseur", "speaker": (44, 58)})


def test_wrong_values_and_misses_are_counted_by_kind() -> None:
    ours = facts_fr.found_by_annotator(_gold())
    ours["dates"][0]["value"] = "2024-04-29"  # the past Monday: the future tense says next
    ours["figures"] = []
    ours["quotes"][0]["name"] = "Brennec"
    results, _ = facts_fr.score({"t-1": _gold()}, {"t-1": ours}, {"t-1": TEXT})
    assert results["errors_by_kind"] == {
        "speaker-wrong": 1,
        "figures-missed": 1,
        "dates-value": 1,
    }
    assert results["dates"]["right_of_gold"] == 0.0
    assert results["quotes"]["right_on_matched"] == round(100 * 2 / 3, 1)


def test_a_shorter_name_or_the_article_s_typo_is_the_same_speaker() -> None:
    def gold(name: str) -> dict[str, Any]:
        return {"speaker_name": name, "speaker": None}

    def ours(name: str) -> dict[str, Any]:
        return {"name": name, "speaker": None}

    assert facts_fr.same_speaker(gold("la préfecture de police"), ours("La préfecture"))
    assert facts_fr.same_speaker(gold("Paris (le gouvernement français)"), ours("Paris"))
    assert facts_fr.same_speaker(gold("Yannick Barbaud"), ours("Yannick Barbau"))
    assert not facts_fr.same_speaker(gold("Emmanuel Grégoire"), ours("Emmanuel Macron"))
    assert not facts_fr.same_speaker(gold("la préfecture de police"), ours("le communiqué"))
    assert facts_fr.same_speaker(gold("Agnès von der Mühll"), ours("Agnès von der Müll"))


def test_an_acronym_is_the_body_it_abbreviates() -> None:
    def gold(name: str) -> dict[str, Any]:
        return {"speaker_name": name, "speaker": None}

    def ours(name: str) -> dict[str, Any]:
        return {"name": name, "speaker": None}

    assert facts_fr.same_speaker(gold("l'OMS"), ours("Organisation mondiale de la santé"))
    assert facts_fr.same_speaker(
        gold("Institut national de la statistique et des études économiques"), ours("l'Insee")
    )
    assert not facts_fr.same_speaker(gold("l'OMS"), ours("Office mondial du sport amateur"))
    assert not facts_fr.same_speaker(gold("la CGT"), ours("Confédération française"))
    # An acronym with a complement: the body's name, which may leave the complement out.
    assert facts_fr.same_speaker(gold("l'ARS de Bretagne"), ours("Agence régionale de santé"))
    assert not facts_fr.same_speaker(gold("l'ARS de Bretagne"), ours("Agence rurale"))


def test_the_place_a_description_names_is_not_its_speaker() -> None:
    def gold(name: str) -> dict[str, Any]:
        return {"speaker_name": name, "speaker": None}

    def ours(name: str) -> dict[str, Any]:
        return {"name": name, "speaker": None}

    assert not facts_fr.same_speaker(gold("le maire de Brennec"), ours("Brennec"))
    assert not facts_fr.same_speaker(gold("le tribunal judiciaire de Lorient"), ours("Lorient"))
    assert not facts_fr.same_speaker(gold("Brennec"), ours("la mairie de Brennec"))
    # A surname still names the person, a shorter name the body.
    assert facts_fr.same_speaker(gold("Claire Vasseur"), ours("Vasseur"))
    assert facts_fr.same_speaker(gold("Karim ben Salah"), ours("Salah"))
    assert facts_fr.same_speaker(gold("la Bretagne"), ours("Bretagne"))
    # A rank or title right before the name (no preposition): the person so titled.
    assert facts_fr.same_speaker(gold("le commandant Morvan"), ours("Morvan"))
    assert facts_fr.same_speaker(gold("le juge Yves Morvan"), ours("Yves Morvan"))
    assert not facts_fr.same_speaker(gold("le commandant Morvan"), ours("Lorient"))


def test_a_courtesy_title_form_is_the_full_name_only_where_the_article_gives_it() -> None:
    named = (
        "Le maire de Brennec, Claire Vasseur, a rouvert le pont. "
        "« Nous avons tenu parole », a déclaré Mme Vasseur."
    )
    untold = "« Nous avons tenu parole », a déclaré Mme Vasseur devant le conseil municipal."
    gold = {"speaker_name": "Claire Vasseur", "speaker": None}
    titled = {"name": "Mme Vasseur", "speaker": None}
    assert facts_fr.same_speaker(gold, titled, named)
    # The other way round: the gold kept the title form, we name the person in full.
    assert facts_fr.same_speaker(
        {"speaker_name": "Mme Vasseur", "speaker": None},
        {"name": "Claire Vasseur", "speaker": None},
        named,
    )
    # No full name in the article: nothing ties « Mme Vasseur » to a Claire.
    assert not facts_fr.same_speaker(gold, titled, untold)
    # Without the article, as before: the title form is not the full name.
    assert not facts_fr.same_speaker(gold, titled)
    # Another surname is another person, title or not.
    assert not facts_fr.same_speaker(gold, {"name": "Mme Vassal", "speaker": None}, named)


def test_the_bootstrap_interval_spans_what_the_articles_disagree_on() -> None:
    # Two articles: one all right, one with its speaker wrong. Resampling the articles gives
    # an interval from one third right (the wrong one drawn twice) to all right.
    wrong = facts_fr.found_by_annotator(_gold())
    wrong["quotes"][0]["name"] = "Brennec"
    wrong["quotes"][1]["name"] = "Brennec"
    gold = {"t-1": _gold(), "t-2": _gold()}
    found = {"t-1": facts_fr.found_by_annotator(_gold()), "t-2": wrong}
    texts = {"t-1": TEXT, "t-2": TEXT}
    results, _ = facts_fr.score(gold, found, texts)
    assert results["quotes"]["right_on_matched"] == round(100 * 4 / 6, 1)
    intervals = facts_fr.bootstrap(gold, found, texts, rounds=400, seed=1)
    low, high = intervals["speaker right on matched"]
    assert low == round(100 / 3, 1) and high == 100.0
    assert intervals["quote F1"] == (100.0, 100.0)


def test_an_anonymous_speaker_given_by_its_description_is_right() -> None:
    text = (
        "L'enquêteur de la police judiciaire a témoigné mardi. « Nous avions tout vérifié », "
        "a-t-il assuré."
    )
    gold = {"speaker_name": None, "speaker": [0, len("L'enquêteur de la police judiciaire")]}
    pronoun = [text.index("il assuré"), text.index("il assuré") + 2]
    # Our pronoun resolved to the description: its span is the pronoun's, its name the words.
    assert facts_fr.same_speaker(gold, {"name": "l'enquêteur", "speaker": pronoun}, text)
    assert facts_fr.same_speaker(
        gold, {"name": "L'enquêteur de la police judiciaire", "speaker": pronoun}, text
    )
    # Another description, or a person's name, is not the anonymous speaker.
    assert not facts_fr.same_speaker(gold, {"name": "le témoin", "speaker": pronoun}, text)
    assert not facts_fr.same_speaker(gold, {"name": "Paul Morel", "speaker": pronoun}, text)
    # Without the article, only the spans can tell.
    assert not facts_fr.same_speaker(gold, {"name": "l'enquêteur", "speaker": pronoun})
