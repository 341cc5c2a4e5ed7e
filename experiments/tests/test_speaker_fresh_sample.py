"""The fresh-sample comparison: quotes keyed by article, content and rank among equals."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from tests.conftest import load_script


def _dump(path: Path, names: list[str | None]) -> Path:
    quotes = [
        {"id": "orangesum-1", "content": "Nous restons", "name": names[0]},
        # A heading repeats a quote of the body: the same content twice, told apart by rank.
        {"id": "orangesum-1", "content": "Tu vas manquer", "name": names[1]},
        {"id": "orangesum-1", "content": "Tu vas manquer", "name": names[2]},
    ]
    path.write_text(json.dumps(quotes), encoding="utf-8")
    return path


def test_compare_counts_changed_speakers_by_rank(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script("experiments/speaker_fresh_sample.py")
    a = _dump(tmp_path / "a.json", ["Paul Roux", "Ben Sharp", "Patrick Sébastien"])
    b = _dump(tmp_path / "b.json", ["Paul Roux", "Ben Sharp", "Anne Roux"])
    assert script.compare(argparse.Namespace(a=a, b=b)) == 0
    out = capsys.readouterr().out
    assert "3 → 3 quotes; 1 speakers changed, 0 new, 0 gone" in out
    assert "'Patrick Sébastien' -> 'Anne Roux'" in out


def test_verdicts_tally_the_changed_speakers_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    script = load_script("experiments/speaker_fresh_sample.py")
    rows = [
        {
            "base": "le maire",
            "head": "Paul Roux",
            "verdicts": {"le maire": "description", "Paul Roux": "nom"},
        },
        {
            "base": "son côté",
            "head": "Anne Roux",
            "verdicts": {"son côté": "faux", "Anne Roux": "nom"},
        },
        {"base": None, "head": None, "verdicts": {"None": "inconnu-ok"}},
    ]
    judged = tmp_path / "judged.jsonl"
    judged.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert script.verdicts(argparse.Namespace(judged=judged)) == 0
    out = capsys.readouterr().out
    assert "2 changed speakers" in out
    assert "description -> nom          1" in out
    assert "faux -> nom          1" in out
