"""How much ROUGE could a better choice among the compressor's deletions add?

An upper bound, not a system: it reads the journalist's abstract. On OrangeSum train articles
that ``make train`` does not draw (the same ones as ``tune_selection.py``), the digest's key
points are built with the default settings; then, for the same source sentences, the
deletions the compressor offers (``Compressor.deletions``, never taking what ``_Core`` must
keep) are chosen greedily to maximise the key points' ROUGE-1 against the abstract, one
deletion added or taken back at a time:

- ``oracle-limit``: starting from the digest's own deletions, every bullet kept within the
  word limit (``max_words``), as a bullet must be;
- ``oracle-no-limit``: starting from the always-on deletions, with no word limit.

If even these stay far from a target, the compressor's inventory of deletions, not its
choice among them, is what holds the key points back. One more bound reads the abstract to
choose the sentences instead:

- ``oracle-selection``: every bullet the digest can make from the article (each candidate
  compressed by the digest's own rules, within the word limit, verified, no near-repeat of
  one already made), and among them up to ``max_keypoints`` chosen by the greedy oracle
  that labels the selector's training sentences (``training/oracle.py``: added one at a time
  while ROUGE-1 + ROUGE-2 rises). This is the box with a perfect selector: what is left
  between it and the default is the selector's to win.

    .venv/bin/python experiments/compression_headroom.py --documents 600 \
        --json experiments/out/headroom.json

English, on the FRANK CNN/DM documents against their highlights (none was used in training):

    .venv/bin/python experiments/compression_headroom.py --where dataset=cnndm --skip 0 \
        --documents 75 --data ../shared/eval-data/frank/frank_documents.jsonl.gz
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
from train_selector import DEFAULT_DATA, DOCUMENTS, SEED
from tune_selection import digest_each


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument(
        "--skip", type=int, default=DOCUMENTS, help="articles make train draws (never used here)"
    )
    add_where_option(parser)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)

    from rouge_score.tokenize import tokenize

    import essentiel.pipeline as pipeline_module
    from essentiel.evaluation.data import read_items
    from essentiel.evaluation.rouge import rouge, rouge_n_f1
    from essentiel.keypoints import KeyPointSettings
    from essentiel.keypoints.compress import Compressor, Deletion, _apply, _Core, count_words
    from oracle import greedy_oracle

    if not args.data.is_file():
        print(f"error: {args.data}: no such file (the OrangeSum train split)", file=sys.stderr)
        return 2
    items = list(read_items(args.data, source="text", where=dict(args.where)))
    random.Random(SEED).shuffle(items)  # the order make train draws from
    held_out = items[args.skip : args.skip + args.documents]
    limit = KeyPointSettings().max_words
    scores: dict[str, list[float]] = {
        name: [] for name in ("default", "oracle-limit", "oracle-no-limit", "oracle-selection")
    }
    reference: list[str] = []
    real = pipeline_module.build_keypoints

    def oracle(sentences: list[Any], points: list[Any], lang: Any, bounded: bool) -> list[str]:
        """Greedy: add or take back the one deletion that most raises ROUGE-1, until none does."""
        compressor = Compressor(lang)
        target = tokenize(" ".join(reference), None)
        states: list[tuple[Any, list[Deletion], _Core, list[Deletion]]] = []
        for point in points:
            sent = next(s for s in sentences if s.start == point.sources[0].start).span
            offered = compressor.deletions(sent)
            core = _Core.of(sent)
            if bounded:  # the digest's own choice: what its fragments leave out
                base = point.sources[0].start  # the sentence's first character
                kept = [(f.start - base, f.end - base) for f in point.fragments]
                chosen = [d for d in offered if not any(a < d.end and d.start < b for a, b in kept)]
            else:
                chosen = []
                for d in (d for d in offered if d.always):
                    if core.kept_by(sent, [*chosen, d]):
                        chosen.append(d)
            states.append((sent, offered, core, chosen))

        def bullets() -> list[str]:
            return [_apply(sent.text, chosen) for sent, _, _, chosen in states]

        def score() -> float:
            return rouge_n_f1(tokenize(" ".join(bullets()), None), target, 1)

        best = score()
        while True:
            move: tuple[float, int, list[Deletion]] | None = None
            for i, (sent, offered, core, chosen) in enumerate(states):
                for d in offered:
                    trial = [x for x in chosen if x != d] if d in chosen else [*chosen, d]
                    if not core.kept_by(sent, trial):
                        continue
                    if bounded and count_words(_apply(sent.text, trial)) > limit:
                        continue
                    states[i] = (sent, offered, core, trial)
                    value = score()
                    states[i] = (sent, offered, core, chosen)
                    if value > best + 1e-9 and (move is None or value > move[0]):
                        move = (value, i, trial)
            if move is None:
                return bullets()
            best, i, trial = move
            sent, offered, core, _ = states[i]
            states[i] = (sent, offered, core, trial)

    def with_oracles(  # type: ignore[no-untyped-def]
        text: str, sentences: list[Any], lang: Any, title: Any, settings: Any, day: Any, *rest: Any
    ):
        points, notices = real(text, sentences, lang, title, settings, day, *rest)
        everything = replace(settings, max_keypoints=max(len(sentences), settings.min_keypoints))
        every_bullet = [
            p.text for p in real(text, sentences, lang, title, everything, day, *rest)[0]
        ]
        # The oracle that labels the selector's training sentences, run over these bullets.
        picked = greedy_oracle(
            every_bullet, reference, list(range(len(every_bullet))), settings.max_keypoints
        )
        # Here, while the parse is alive (the pipeline frees it after the digest).
        for name, summary in (
            ("default", [p.text for p in points]),
            ("oracle-limit", oracle(sentences, points, lang, bounded=True)),
            ("oracle-no-limit", oracle(sentences, points, lang, bounded=False)),
            ("oracle-selection", [every_bullet[i] for i in sorted(picked)]),
        ):
            scores[name].append(rouge(summary, reference)["rouge-score", "rouge1"])
        return points, notices

    def remember(item: Any) -> None:  # the oracles read the abstract inside the digest
        reference[:] = item.reference

    pipeline_module.build_keypoints = with_oracles  # type: ignore[assignment]
    try:
        for _item in digest_each(held_out, before=remember):
            pass  # the scores are taken inside the digest, while its parse is alive
    finally:
        pipeline_module.build_keypoints = real  # type: ignore[assignment]
    table = {name: round(statistics.mean(values), 2) for name, values in scores.items()}
    report = {"documents": len(scores["default"]), "max_words": limit, "rouge1": table}
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
