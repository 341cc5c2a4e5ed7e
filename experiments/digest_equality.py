"""Are two states of the code's digests the same, to the byte, on N pages of a data file?

    .venv/bin/python experiments/digest_equality.py --base main --head . [--limit 100]
        [--start 0] [--data ../shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz]
        [--show 5]

``--base`` and ``--head`` are each a git revision of this repository (its ``src/`` is taken
with ``git archive`` into a temporary folder) or a folder holding a ``src/`` (``.``: the
working tree as it is, uncommitted changes included). Each side digests the same rows in its
own process (``PYTHONPATH`` set to its ``src/``, the interpreter running this script), the two
at once, and writes each digest's full JSON (``Digest.model_dump_json``); the script then
compares them row by row and names, for the first ``--show`` rows that differ, the top-level
fields that do. A speed change is output-identical when it prints « 0 of N differ ».

Rows are read from a JSON-lines file, gzipped or not, with an ``html`` field (a page,
digested as HTML) or else a ``text`` field (digested as plain text, with its ``title`` and
``published`` when given). A row that raises an essentiel error is compared by its code.
Rows of the OrangeSum validation file kept for the lead's blind judging (700-1000 and
1300-1499) are refused.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
# 0-based rows of orangesum_abstract_valid.jsonl.gz reserved for the lead's judging round.
RESERVED = {"orangesum_abstract_valid.jsonl.gz": (range(700, 1001), range(1300, 1500))}


def rows(data: Path, start: int, limit: int) -> Iterator[dict[str, str]]:
    opener = gzip.open if data.suffix == ".gz" else open
    with opener(data, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number >= start + limit:
                break
            if number >= start:
                yield json.loads(line)


def dump(data: Path, start: int, limit: int, out: Path) -> None:
    """The worker: digest the rows with the essentiel on PYTHONPATH, one JSON line each."""
    import essentiel
    from essentiel import EssentielError, Pipeline

    tree = Path(os.environ["PYTHONPATH"]).resolve()
    if tree not in Path(essentiel.__file__).resolve().parents:
        raise RuntimeError(f"imported {essentiel.__file__}, not the one in {tree}")
    pipeline = Pipeline()
    with out.open("w", encoding="utf-8") as handle:
        for row in rows(data, start, limit):
            try:
                if "html" in row:
                    digest = pipeline.digest(row["html"])
                else:
                    digest = pipeline.digest(
                        row["text"],
                        title=row.get("title"),
                        published=row.get("published") or row.get("date"),
                    )
                line = digest.model_dump_json()
            except EssentielError as exc:
                line = json.dumps({"error": exc.code})
            handle.write(line + "\n")


def source_tree(side: str, scratch: Path) -> Path:
    """The folder whose ``src/`` is imported for ``side`` (a folder, or a git revision)."""
    folder = Path(side)
    if (folder / "src").is_dir():
        return folder.resolve()
    target = scratch / side.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", side, "src"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def differing_fields(a: str, b: str) -> list[str]:
    left, right = json.loads(a), json.loads(b)
    if not (isinstance(left, dict) and isinstance(right, dict)):
        return ["(whole)"]
    return sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", required=True, help="git revision or folder with a src/")
    parser.add_argument("--head", default=".", help="git revision or folder (default: .)")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--start", type=int, default=0, help="first row (0-based)")
    parser.add_argument("--limit", type=int, default=100, help="how many rows")
    parser.add_argument("--show", type=int, default=5, help="differing rows described")
    parser.add_argument("--dump", type=Path, help=argparse.SUPPRESS)  # the worker's output
    args = parser.parse_args()
    for reserved in RESERVED.get(args.data.name, ()):
        if args.start < reserved.stop and reserved.start < args.start + args.limit:
            print(f"rows {reserved.start}-{reserved.stop - 1} are reserved", file=sys.stderr)
            return 2
    if args.dump is not None:
        dump(args.data, args.start, args.limit, args.dump)
        return 0

    with tempfile.TemporaryDirectory(prefix="digest-equality-") as scratch_name:
        scratch = Path(scratch_name)
        outputs: list[Path] = []
        workers = []
        for name, side in (("base", args.base), ("head", args.head)):
            tree = source_tree(side, scratch / "trees" / name)
            out = scratch / f"{name}.jsonl"
            outputs.append(out)
            command = [sys.executable, __file__, "--base", side, "--data", str(args.data)]
            command += ["--start", str(args.start), "--limit", str(args.limit), "--dump", str(out)]
            env = {**os.environ, "PYTHONPATH": str(tree / "src")}
            workers.append(subprocess.Popen(command, env=env))
        if any(worker.wait() != 0 for worker in workers):
            print("a side failed", file=sys.stderr)
            return 1
        base = outputs[0].read_text(encoding="utf-8").splitlines()
        head = outputs[1].read_text(encoding="utf-8").splitlines()
    if len(base) != len(head):
        print(f"the sides digested {len(base)} and {len(head)} rows", file=sys.stderr)
        return 1
    differ = [k for k, (a, b) in enumerate(zip(base, head, strict=True)) if a != b]
    for k in differ[: args.show]:
        fields = ", ".join(differing_fields(base[k], head[k]))
        print(f"row {args.start + k}: {fields}")
    print(
        f"{len(differ)} of {len(base)} digests differ (rows {args.start}-"
        f"{args.start + len(base) - 1} of {args.data.name}; base {args.base}, head {args.head})"
    )
    return 0 if not differ else 1


if __name__ == "__main__":
    sys.exit(main())
