"""Run a measuring script with selectors trained elsewhere offered beside the shipped ones.

    PYTHONPATH=src .venv/bin/python experiments/selector_folder.py --models /tmp/sel \
        training/tune_selection.py --documents 300 --variant v=selector_model:x-vectors

Each folder under ``--models`` holding a model written by ``training/train_selector.py --out
FOLDER --features NAME`` (``selector*.txt`` and its record) is offered as the selector model
``x-FOLDER`` (``KeyPointSettings.selector_model``), its features read from its record; the
script then runs as its own ``__main__`` with the arguments after its path. Models trained on
fewer articles than ``make train``'s can so be compared with each other in one run, without
touching the shipped files (issue 31, static word vectors).
"""

from __future__ import annotations

import argparse
import json
import runpy
import sys
from pathlib import Path
from typing import Any

import essentiel.keypoints.learned as learned


def offer(folder: Path) -> list[str]:
    """Register every model under ``folder`` as ``x-NAME``; the names offered."""
    import lightgbm

    from essentiel.keypoints.features import EMBEDDING_NAMES

    models: dict[str, Any] = {}
    for record_file in sorted(folder.glob("*/selector*.json")):
        record = json.loads(record_file.read_text(encoding="utf-8"))
        name = f"x-{record_file.parent.name}"
        features = tuple(record["features"])
        booster = lightgbm.Booster(
            model_str=(record_file.parent / record["model"]).read_text(encoding="utf-8")
        )
        embedding = bool(record["embedding"]) and any(f in EMBEDDING_NAMES for f in features)
        learned.SELECTOR_MODELS[name] = features
        models[name] = learned.SelectorModel(booster, features, embedding, record)
    shipped = learned.load_selector

    def load_selector(name: str = "embedding") -> learned.SelectorModel:
        return models[name] if name in models else shipped(name)

    learned.load_selector = load_selector  # type: ignore[assignment]
    return sorted(models)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models", type=Path, required=True)
    parser.add_argument("script", type=Path)
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    print("offered:", ", ".join(offer(args.models)), file=sys.stderr)
    sys.argv = [str(args.script), *args.arguments]
    sys.path.insert(0, str(args.script.resolve().parent))
    runpy.run_path(str(args.script), run_name="__main__")
    return 0


if __name__ == "__main__":
    sys.exit(main())
