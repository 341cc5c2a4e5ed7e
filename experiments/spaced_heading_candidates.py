"""Candidates for a subheading run into the next sentence with a space, that cleaning keeps
whole: in a body block, after a sentence's end (or the block's start), a short run with no
stop whose last word is lowercase, then a capitalised word and a lowercase word
(« ... a-t-elle ajouté.Un deuxième vol de rapatriement Parties de Wuhan, quelque 180 ... »).

    .venv/bin/python experiments/spaced_heading_candidates.py --data FILE --skip N --documents M
        [--field text] [--words 11]

Prints one tab-separated line per candidate (row, the run, the capitalised word, what
follows), then the capitalised words by count: a list to sort by hand (a heading, a name's
part, something else), not a measure. It prints the text, so the rows no one may read (kept for
judging, or report slices) are refused: validation 501-1100 and 1300-1499, train 19000-19999.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import re
from pathlib import Path

from essentiel import resources
from essentiel.clean import TEXT_SUBHEADING_MAX_WORDS, clean
from essentiel.ingest import ingest
from essentiel.model import BlockKind

# 0-based rows of each file never to be read (judging pools and report slices).
UNREAD = {
    "orangesum_abstract_valid.jsonl.gz": (range(501, 1101), range(1300, 1500)),
    "orangesum_abstract_train.jsonl.gz": (range(19000, 20000),),
}
_STOP = re.compile(r"[.!?…][\"»”’)]*\s*(?=[«\"“]?[A-ZÀ-ÖØ-Þ])")
_CAPITALISED = re.compile(r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ'’-]+")
_LOWER = re.compile(r"[a-zà-öø-ÿ][a-zà-öø-ÿ'’-]*")


def candidates(text: str, titles: frozenset[str], words: int) -> list[tuple[str, str, str]]:
    found = []
    starts = [0] + [m.end() for m in _STOP.finditer(text)]
    for start in starts:
        end = _STOP.search(text, start)
        sentence = text[start : end.start() if end else len(text)]
        tokens = sentence.split(" ")
        for i in range(1, min(len(tokens) - 1, words + 1)):
            before, word, after = tokens[i - 1], tokens[i], tokens[i + 1]
            if re.search(r"[,;:()«»\"]", " ".join(tokens[:i])):
                break
            if not _LOWER.fullmatch(before) or before in titles:
                continue
            if before.endswith(("'", "’")):
                continue
            if not _CAPITALISED.fullmatch(word.rstrip(",")) or not _LOWER.match(after):
                continue
            found.append((" ".join(tokens[:i]), word, " ".join(tokens[i + 1 : i + 7])))
            break
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--field", default="text")
    parser.add_argument("--words", type=int, default=TEXT_SUBHEADING_MAX_WORDS - 1)
    args = parser.parse_args()
    unread = UNREAD.get(args.data.name, ())
    wanted = range(args.skip, args.skip + args.documents)
    if any(range(max(r.start, wanted.start), min(r.stop, wanted.stop)) for r in unread):
        parser.error(f"rows {wanted.start}-{wanted.stop - 1} of {args.data.name} are unread")
    titles = resources.language("fr").title_words
    counts: collections.Counter[str] = collections.Counter()
    with gzip.open(args.data, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number < args.skip:
                continue
            if number >= args.skip + args.documents:
                break
            row = json.loads(line)
            cleaned = clean(ingest(row[args.field]), "fr", row.get("title"))
            for block in cleaned.blocks:
                if block.kind is not BlockKind.BODY:
                    continue
                for run, word, rest in candidates(block.span.text, titles, args.words):
                    counts[word.rstrip(",")] += 1
                    print(f"{number}\t{run}\t{word}\t{rest}")
    for word, count in counts.most_common():
        print(f"# {count}\t{word}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
