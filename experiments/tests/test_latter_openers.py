"""The « Ce dernier » survey, on an article we write."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.conftest import load_script


def test_openers_are_listed_with_their_name_or_none(tmp_path: Path) -> None:
    script = load_script("experiments/latter_openers.py")
    rows = [
        {
            "id": "t-1",
            "date": "2025-03-04",
            "title": "Pêche : le président de la région demande un audit",
            "text": (
                "Le conseil régional a voté mardi une aide aux pêcheurs bretons. La commission "
                "devra entendre le président Alain Kervella, lundi 12 mai. Ce dernier a demandé "
                "un audit des comptes de la criée de Lorient. Le témoin a accusé l'entraîneur "
                "Marc Olivier d'avoir frappé le joueur Hugo Tanguy. Ce dernier a porté plainte "
                "mercredi au commissariat de Vannes."
            ),
        }
    ]
    data = tmp_path / "rows.jsonl.gz"
    with gzip.open(data, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(json.dumps(r, ensure_ascii=False) for r in rows))
    found = script.openers(data, 0, 1)
    assert [f["name"] for f in found] == ["Alain Kervella", None]
    assert all(f["id"] == "t-1" for f in found)
