"""The carry-over decisions the cross-validation experiment records, on original French text,
and the rule it searches for."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.conftest import load_script

from essentiel.facts import quotes as quotes_module
from essentiel.pipeline import Pipeline

script = load_script("experiments/carry_cv_fr.py")


def _row(label: str, **features: float) -> dict[str, Any]:
    base = {"chars_since": 20.0, "quote_words": 10.0}
    return {"carried": True, "label": label, "features": {**base, **features}}


def test_stump_finds_the_condition_that_gains_and_nothing_when_none_does() -> None:
    rows = [_row("carry", chars_since=c) for c in (10, 30, 50, 80)]
    rows += [_row("none", chars_since=c) for c in (200, 250, 300)]
    rows += [_row("other", chars_since=400)]  # wrong either way: no weight
    assert script.stump(rows, pairs=False) == [("chars_since", ">", 80.0)]
    flat = [_row("carry"), _row("none"), _row("carry", chars_since=300)]
    assert script.stump(flat) == []


def test_recorded_decisions_and_a_refusal() -> None:
    text = (
        "La maire de Villebrune, Odile Garnier, a présenté mardi le nouveau marché couvert. "
        "« Nous l'attendions depuis dix ans », a-t-elle déclaré devant les commerçants.\n"
        "« Les travaux ont duré deux hivers. »\n"
        "Le chantier avait pris du retard à cause des pluies de l'automne et d'un litige avec "
        "une entreprise de charpente, finalement remplacée par une autre au printemps. La "
        "halle accueillera trente étals, dans un lieu « enfin digne de la ville »."
    )
    recorder = script.Recorder()
    original = quotes_module.QuoteExtractor._carries_on

    def patched(self: Any, f: Any, recent: Any, text: str, narrative: bool, ranker: Any) -> bool:
        return recorder(self, f, recent, text, narrative, ranker)

    quotes_module.QuoteExtractor._carries_on = patched  # type: ignore[method-assign]
    try:
        pipe = Pipeline()
        digest = pipe.digest(text, lang="fr", published=dt.date(2025, 3, 4))
        recorder.decide = lambda article, feats: feats["chars_since"] <= 100
        refused = pipe.digest(text, lang="fr", published=dt.date(2025, 3, 4))
    finally:
        quotes_module.QuoteExtractor._carries_on = original  # type: ignore[method-assign]
    carried = [r for r in recorder.rows if r["carried"]]
    near = [r for r in carried if r["features"]["chars_since"] <= 100]
    far = [r for r in carried if r["features"]["chars_since"] > 100]
    assert near and far
    assert near[0]["features"]["words_before"] == 0
    assert far[0]["features"]["words_before"] > 0
    assert far[0]["features"]["sentences_since"] >= 2

    def speaker(d: Any, start: str) -> str | None:
        return next(q.speaker_name for q in d.quotes if q.content.text.startswith(start))

    assert speaker(digest, "Les travaux") == speaker(refused, "Les travaux") == "Odile Garnier"
    assert speaker(digest, "enfin digne") == "Odile Garnier"
    assert speaker(refused, "enfin digne") is None
