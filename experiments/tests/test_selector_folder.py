"""Selectors trained elsewhere offered to the measuring scripts beside the shipped ones."""

from __future__ import annotations

import shutil
from importlib import resources as importlib_resources
from pathlib import Path

import pytest
from tests.conftest import EXAMPLES, load_script


def test_a_model_in_a_folder_is_offered_and_scores_like_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from essentiel import Pipeline
    from essentiel.keypoints import KeyPointSettings, learned
    from essentiel.pipeline import Settings

    shipped = importlib_resources.files("essentiel.resources") / "models"
    (tmp_path / "copy").mkdir()
    for name in ("selector-lexical.txt", "selector-lexical.json"):
        shutil.copyfile(str(shipped / name), tmp_path / "copy" / name)
    monkeypatch.setattr(learned, "load_selector", learned.load_selector)
    monkeypatch.setitem(learned.SELECTOR_MODELS, "x-copy", ())
    assert load_script("experiments/selector_folder.py").offer(tmp_path) == ["x-copy"]
    assert learned.SELECTOR_MODELS["x-copy"] == learned.SELECTOR_MODELS["lexical"]
    text = (EXAMPLES / "fr-orages-bretagne.txt").read_bytes()
    boxes = [
        [
            k.text
            for k in Pipeline(Settings(keypoints=KeyPointSettings(selector_model=name)))
            .digest(text)
            .keypoints
        ]
        for name in ("lexical", "x-copy")
    ]
    assert boxes[0] and boxes[0] == boxes[1]
