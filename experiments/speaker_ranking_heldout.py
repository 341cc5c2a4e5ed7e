"""The learned speaker ranking against the rules on the held-aside French gold, one run.

    .venv/bin/python experiments/speaker_ranking_heldout.py [--examples FILE]

``experiments/speaker_ranking.py`` ships its model only when it beats the rules beyond chance by
article folds on the development gold; when it does not, this is how the not-shipped ranking
(fitted on every development quote, same parameters) compares with the rules on the articles
held aside (bench/gold/fr-facts-heldout.jsonl), by bench/facts_fr.py's scoring. Look at the
held-aside gold only when reporting, never to choose anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "experiments"))

import facts_fr  # noqa: E402
import speaker_ranking  # noqa: E402

HELDOUT = ROOT / "bench" / "gold" / "fr-facts-heldout.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--examples", type=Path, help="development features saved by speaker_ranking.py"
    )
    parser.add_argument("--gold", type=Path, default=HELDOUT, help="(to try the script: dev)")
    args = parser.parse_args(argv)
    from essentiel.facts import quotes
    from essentiel.facts.speaker_model import SpeakerModel, load_speaker_model
    from essentiel.pipeline import Pipeline

    if args.examples is not None and args.examples.exists():
        examples = pickle.loads(args.examples.read_bytes())
    else:
        dev = facts_fr.load_gold([facts_fr.GOLD])
        examples = speaker_ranking.collect(dev, facts_fr.load_texts(set(dev), facts_fr.DATA))
    ranking = SpeakerModel(
        speaker_ranking.fit(examples), speaker_ranking.THRESHOLD, frozenset({"fr"})
    )
    gold = facts_fr.load_gold([args.gold])
    texts = facts_fr.load_texts(set(gold), facts_fr.DATA)
    if set(gold) - set(texts):
        print("error: no OrangeSum texts under ../shared/eval-data", file=sys.stderr)
        return 2
    pipe = Pipeline()
    for label, model in (("as shipped", load_speaker_model()), ("with the ranking", ranking)):
        setattr(quotes, "load_speaker_model", lambda model=model: model)  # noqa: B010
        found = {
            k: facts_fr.found_by_digest(pipe, texts[k], dt.date.fromisoformat(g["date"]))
            for k, g in gold.items()
        }
        results, _ = facts_fr.score(gold, found, texts)
        facts_fr.print_results(results, f"{args.gold.name}, {label}")
    setattr(quotes, "load_speaker_model", load_speaker_model)  # noqa: B010
    return 0


if __name__ == "__main__":
    sys.exit(main())
