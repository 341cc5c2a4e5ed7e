"""Would the selector choose better if its labels were for the box? (tried 2026-12-01, not kept)

The shipped selector learns from the greedy oracle over whole sentences. Here the same oracle
(``training/oracle.py``) runs over the bullets the digest can make from each article instead:
each candidate compressed by the digest's rules, within the word limit, verified, no
near-repeat of another; a candidate that cannot be a bullet is a negative. For the first
``--documents`` articles of a features file that ``train_selector.py --examples`` wrote, the
articles are parsed again to make those bullets (no embedding: the features are the file's),
the model is fitted as ``make train`` fits it on each kind of labels, and each model in turn
builds the digest's key points on ``make tune``'s held-out articles (``tune_selection.py``
with the model swapped in).

    .venv/bin/python training/train_selector.py --documents 21401 \\
        --examples /tmp/exp/sel_all.pkl --out /tmp/sel_all
    .venv/bin/python experiments/box_labels.py --examples /tmp/exp/sel_all.pkl --documents 6000
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import pickle
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from train_selector import DEFAULT_DATA, SEED, fit_booster, parse_article

VARIANTS = ("default=", "two=max_keypoints:2", "model=learned_weight:1.0")


def box_oracle(
    job: tuple[str, str, str | None, list[str]],
) -> tuple[str, list[int], list[int]] | None:
    """The article's candidates (sentence indices), and those the oracle picks among the
    bullets the digest can make of them."""
    from essentiel.keypoints import KeyPointSettings, build_keypoints
    from oracle import greedy_oracle

    key, text, title, reference = job
    parsed = parse_article(text)
    if parsed is None:
        return None
    clean_text, sentences, lang, candidates = parsed
    # Every bullet the digest can make (the heuristic order: no model is needed to list them).
    everything = KeyPointSettings(max_keypoints=max(2, len(sentences)), selector="heuristic")
    points, _ = build_keypoints(clean_text, sentences, lang, title, everything, None)
    index_of = {s.start: i for i, s in enumerate(sentences)}
    bullets = [""] * len(sentences)
    made = []
    for point in points:
        i = index_of[point.sources[0].start]
        if i in candidates:
            bullets[i] = point.text
            made.append(i)
    return key, candidates, greedy_oracle(bullets, reference, made) if made else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--examples", type=Path, required=True, help="written by train_selector.py --examples"
    )
    parser.add_argument("--documents", type=int, default=6000, help="articles to fit on")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--tune-documents", type=int, default=600)
    args = parser.parse_args(argv)
    if not args.examples.is_file() or not args.data.is_file():
        parser.error("needs --examples (from train_selector.py) and the OrangeSum train split")

    import essentiel.keypoints.learned as learned
    import tune_selection
    from essentiel.evaluation.data import read_items
    from essentiel.keypoints.features import FEATURE_NAMES
    from essentiel.threads import limit_blas_threads

    with args.examples.open("rb") as f:
        docs = pickle.load(f)[: args.documents]
    items = {i.id: i for i in read_items(args.data, source="text")}
    jobs = [(d["id"], items[d["id"]].article, items[d["id"]].title, d["reference"]) for d in docs]
    # One BLAS/OpenMP thread per worker: the workers already fill the cores.
    with mp.get_context("spawn").Pool(args.workers, initializer=limit_blas_threads) as pool:
        results = [r for r in pool.imap(box_oracle, jobs, chunksize=8) if r is not None]
    # Only articles whose candidates are still the file's: the labels must match its rows.
    by_id = {d["id"]: d for d in docs}
    kept = [(by_id[k], picked) for k, found, picked in results if found == by_id[k]["indices"]]
    whole = [d for d, _ in kept]
    box = [
        {**d, "labels": np.array([float(i in chosen) for i in d["indices"]], dtype=np.float32)}
        for d, chosen in kept
    ]
    share = {
        name: float(np.concatenate([d["labels"] for d in fit]).mean())
        for name, fit in (("whole", whole), ("box", box))
    }
    print(f"{len(kept)} articles; positive share {share['whole']:.3f} (whole), {share['box']:.3f}")
    real = learned.load_selector
    try:
        for name, fit in (("whole sentences", whole), ("bullets", box)):
            model = learned.SelectorModel(fit_booster(fit, SEED), FEATURE_NAMES, True, {})
            learned.load_selector = lambda model=model: model  # type: ignore[misc]
            print(f"== labels from the oracle over {name}")
            argv_tune = ["--documents", str(args.tune_documents), "--data", str(args.data)]
            tune_selection.main([*argv_tune, *(f"--variant={v}" for v in VARIANTS)])
    finally:
        learned.load_selector = real  # type: ignore[misc]
    return 0


if __name__ == "__main__":
    sys.exit(main())
