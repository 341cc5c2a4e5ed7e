"""Labels for the box: the greedy oracle run over the bullets the digest can make."""

from __future__ import annotations

import pytest
from tests.conftest import EXAMPLES, load_script


def test_the_oracle_picks_among_the_bullets_the_digest_can_make() -> None:
    pytest.importorskip("rouge_score")
    script = load_script("experiments/box_labels.py")
    text = (EXAMPLES / "fr-orages-bretagne.txt").read_text(encoding="utf-8")
    reference = ["Des orages ont privé 48.000 foyers bretons d'électricité mercredi soir."]
    result = script.box_oracle(("a", text, None, reference))
    assert result is not None
    key, candidates, picked = result
    assert key == "a" and picked
    assert set(picked) <= set(candidates)

    from essentiel.analyze import analyze
    from essentiel.clean import clean
    from essentiel.ingest import ingest

    cleaned = clean(ingest(text), lang_hint="fr")
    sentences = [s for s in analyze(cleaned.blocks, "fr").sentences if s.lang == cleaned.lang]
    # The first pick is the bullet closest to the reference: the one about the 48,000 homes.
    assert "48.000 foyers" in sentences[picked[0]].span.text
