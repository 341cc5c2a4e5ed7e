"""The listing's own helpers: how a found date is shown, and how the listing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]


def test_a_date_is_shown_in_its_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The listing reuses the survey's patterns, imported from beside it.
    monkeypatch.syspath_prepend(str(ROOT / "experiments"))
    script = load_script("experiments/date_listing.py")
    text = "Le conseil s'est réuni mardi 3 mars à la mairie."
    a = text.index("mardi")
    assert script._context(text, a, a + len("mardi 3 mars"), 30) == (
        "Le conseil s'est réuni [[mardi 3 mars]] à la mairie."
    )
    out = tmp_path / "listing.txt"
    script.write_listing(
        {"found": {"explicit": ["x"]}, "unresolved": {}, "missed": {"month": ["y", "z"]}}, out
    )
    assert out.read_text(encoding="utf-8").split("\n") == [
        "",
        "===== found / explicit (1)",
        "x",
        "",
        "===== missed / month (2)",
        "y",
        "z",
        "",
    ]
