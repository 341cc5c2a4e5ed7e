"""The compression headroom script: an upper bound that starts from the digest's own bullets."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, load_script


def test_the_oracles_start_from_the_digest_and_only_climb(tmp_path: Path) -> None:
    pytest.importorskip("rouge_score")
    script = load_script("experiments/compression_headroom.py")

    text = (EXAMPLES / "fr-orages-bretagne.txt").read_text(encoding="utf-8")
    # A reference in other words than the article's, so that deleting words can pay.
    reference = "Des orages ont coupé le courant de 48.000 foyers en Bretagne mercredi."
    data = tmp_path / "rows.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as f:
        row = {"id": "a", "lang": "fr", "text": text, "reference_summary": reference}
        f.write(json.dumps(row) + "\n")
    out = tmp_path / "headroom.json"
    argv = ["--data", str(data), "--skip", "0", "--documents", "1", "--json", str(out)]
    assert script.main(argv) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["documents"] == 1

    from essentiel.evaluation.rouge import rouge
    from essentiel.pipeline import Pipeline

    bullets = [k.text for k in Pipeline().digest(text).keypoints]
    default = round(rouge(bullets, [reference])["rouge-score", "rouge1"], 2)
    scores = report["rouge1"]
    assert scores["default"] == default
    # Greedy from the digest's own deletions: it can only keep or raise the score.
    assert scores["oracle-limit"] >= default
    assert 0 < scores["oracle-no-limit"] <= 100
    # The abstract's choice among every bullet the digest can make includes the default's
    # own bullets (the first ones it makes), so here it scores at least the best of them alone.
    best_single = max(round(rouge([b], [reference])["rouge-score", "rouge1"], 2) for b in bullets)
    assert scores["oracle-selection"] >= best_single
    assert scores["oracle-selection"] <= 100
