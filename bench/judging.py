"""Blind judging of key points: build a shuffled, unlabeled file for a judge, then score the
judge's answers against the key kept apart.

The judge (a news editor, human or model) receives only the blind file and the rubric
(``../shared/judging/RUBRIC.md``): per item, the headline, the article and several candidate
summaries under shuffled labels A, B, C…, with the publication date when the row has one (as
the page shows it: a bracketed day of the key points rests on it). Which system wrote which
candidate is in the key file, written separately; ``score`` unblinds the judgments with it.

    .venv/bin/python bench/judging.py build \\
        --data ../shared/eval-data/orangesum/orangesum_abstract_valid.jsonl.gz \\
        --skip 100 --documents 40 --seed 1 --exclude-ids bench/judging/used.jsonl \\
        --blind bench/out/judging/blind.json --key bench/out/judging/key.json \\
        --record bench/judging/used.jsonl
    .venv/bin/python bench/judging.py score --key bench/out/judging/key.json \\
        --judgments bench/out/judging/judgments.json --json bench/out/judging/scores.json

Candidates per article: ours (the digest's key points, summarised from the ``text`` field:
OrangeSum's HTML pages carry the reference as their chapô), LEAD-k on our sentence split
(datelines joined, as ``essentiel eval`` does), the reference, and every system output the
row carries (FRANK: five CNN/DM systems). Candidates that are word for word the same share
one label (the key lists all their systems), so a judge never sees the same text twice.
Tokenised spacing (« word . », "Locke 's") is closed up so that it does not betray a source.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import string
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OURS = "essentiel"
REFERENCE = "reference"
KEY_VERSION = 1
SCORES = ("informativeness", "readability")

_SPACE_BEFORE = re.compile(r" +([.,;:!?%)\]]|'s\b|n't\b|'re\b|'ve\b|'ll\b|'d\b|'m\b)")
_SPACE_AFTER = re.compile(r"([(\[$]) +")
_DOUBLE_QUOTES = re.compile(r"``\s*|\s*''")


class JudgingError(Exception):
    """A slice, a key or a judgment file that cannot be used as asked."""


def detokenised(text: str) -> str:
    """Close up the spacing of tokenised summaries (FRANK's references and systems) so that
    the form does not tell the judge where a candidate came from; the words stay."""
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    return _SPACE_AFTER.sub(r"\1", text).strip()


def labels(count: int) -> list[str]:
    if count > len(string.ascii_uppercase):
        raise JudgingError(f"{count} candidates: at most {len(string.ascii_uppercase)}")
    return list(string.ascii_uppercase[:count])


def read_id_file(path: Path) -> set[str]:
    """Ids already judged: a JSONL of runs (``{"ids": [...]}`` per line, as ``--record``
    writes) or a plain file with one id per line."""
    if not path.is_file():
        raise JudgingError(f"{path}: no such file")
    ids: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("{"):
            ids.update(str(i) for i in json.loads(line).get("ids", []))
        else:
            ids.add(line)
    return ids


def choose(
    items: Iterable[Any],
    *,
    skip: int = 0,
    documents: int | None = None,
    ids: Sequence[str] | None = None,
    exclude: set[str] | frozenset[str] = frozenset(),
) -> list[Any]:
    """The slice to judge: the rows named by ``ids`` (in that order), else ``documents`` rows
    after the first ``skip``, leaving out ``exclude`` (ids judged before)."""
    if ids:
        wanted = list(dict.fromkeys(ids))
        reused = sorted(set(wanted) & exclude)
        if reused:
            raise JudgingError(f"already judged: {', '.join(reused)}")
        by_id = {item.id: item for item in items if item.id in set(wanted)}
        missing = [i for i in wanted if i not in by_id]
        if missing:
            raise JudgingError(f"not in the data file: {', '.join(missing)}")
        return [by_id[i] for i in wanted]
    rows = list(items)[skip:]
    kept = [item for item in rows if item.id not in exclude]
    return kept[:documents] if documents is not None else kept


def candidates(item: Any, pipeline: Any, leads: Sequence[int], external: set[str] | None):
    """(system, bullets) for one article, and the article text the judge reads."""
    from essentiel import resources
    from essentiel.evaluation.baselines import lead, with_datelines_joined

    digest = pipeline.digest(
        item.article, published=item.published, lang=item.lang, title=item.title
    )
    code = digest.article.lang or item.lang or "en"
    sentences = with_datelines_joined(
        [s.span.text for s in digest.sentences], resources.language(code)
    )
    systems: list[tuple[str, list[str]]] = [(OURS, [k.text for k in digest.keypoints])]
    systems += [(f"lead-{k}", lead(sentences, k)) for k in leads]
    if item.reference:  # news with no summary of its own is judged without one
        systems.append((REFERENCE, list(item.reference)))
    for name, summary in sorted(item.system_outputs.items()):
        if external is None or name in external:
            systems.append((name, list(summary)))
    # The judge reads the text we summarised; from HTML, our clean text (the page is markup).
    article = item.article if item.source == "text" else digest.article.text
    return systems, article, code


def blind_item(
    number: int,
    title: str | None,
    article: str,
    systems: list[tuple[str, list[str]]],
    rng: random.Random,
    published: str | None = None,
) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The judge's item and its key: identical summaries merged, then shuffled under labels.
    ``published``: the article's date as its page shows it, which a bracketed day of the key
    points (« mercredi [22 janvier] ») rests on; left out when unknown."""
    merged: dict[tuple[str, ...], list[str]] = {}
    for name, bullets in systems:
        text = tuple(detokenised(b) for b in bullets if b.strip())
        merged.setdefault(text, []).append(name)
    groups = list(merged.items())
    rng.shuffle(groups)
    names = labels(len(groups))
    summaries = {label: list(text) for label, (text, _) in zip(names, groups, strict=True)}
    key = {label: systems_ for label, (_, systems_) in zip(names, groups, strict=True)}
    entry: dict[str, Any] = {"item": number, "title": title}
    if published:
        entry["published"] = published
    entry.update(article=article, summaries=summaries)
    return entry, key


def build(args: argparse.Namespace) -> int:
    from essentiel.evaluation.data import read_items
    from essentiel.pipeline import Pipeline

    exclude: set[str] = set()
    for path in args.exclude_ids or []:
        exclude |= read_id_file(path)
    wanted = None
    if args.ids:
        wanted = [i for part in args.ids for i in part.split(",") if i.strip()]
        if len(wanted) == 1 and wanted[0].startswith("@"):
            wanted = sorted(read_id_file(Path(wanted[0][1:])))
    items = read_items(
        args.data, source=args.source, where=dict(args.where), reference_required=False
    )
    chosen = choose(items, skip=args.skip, documents=args.documents, ids=wanted, exclude=exclude)
    if not chosen:
        raise JudgingError("the slice is empty")
    external = set(args.external) if args.external else None
    rng = random.Random(args.seed)
    pipeline = Pipeline()
    blind: list[dict[str, Any]] = []
    key_items: list[dict[str, Any]] = []
    for number, item in enumerate(chosen, 1):
        systems, article, code = candidates(item, pipeline, args.lead, external)
        published = str(item.published) if item.published else None
        entry, key = blind_item(number, item.title, article, systems, rng, published)
        blind.append(entry)
        key_items.append({"item": number, "id": item.id, "lang": code, "labels": key})
        print(f"\r  {number}/{len(chosen)} articles", end="", file=sys.stderr)
    print(file=sys.stderr)
    slice_ = {
        "data": args.data.name,
        "source": args.source,
        "where": dict(args.where),
        "skip": args.skip if not wanted else None,
        "documents": len(chosen),
        "ids": [item.id for item in chosen],
        "excluded": len(exclude),
    }
    key_file = {
        "version": KEY_VERSION,
        "built": dt.date.today().isoformat(),
        "seed": args.seed,
        "slice": slice_,
        "leads": list(args.lead),
        "items": key_items,
    }
    for path, payload in ((args.blind, blind), (args.key, key_file)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        line = {"date": key_file["built"], "data": args.data.name, "ids": slice_["ids"]}
        with args.record.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")
    print(f"{len(blind)} items -> {args.blind} (for the judge), key -> {args.key} (keep apart)")
    return 0


def _check(condition: bool, where: str, message: str) -> None:
    if not condition:
        raise JudgingError(f"{where}: {message}")


def _integer(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate(key: dict[str, Any], judgments: Any) -> dict[int, dict[str, dict[str, Any]]]:
    """The judgments by item and label, or JudgingError naming the first thing wrong: every
    item of the key judged once, every label of it present and no other, faithful 0/1 (with
    its errors when 0), informativeness and readability 1–5, ranks 1…k each used once."""
    _check(isinstance(judgments, list), "judgments", "must be a JSON list, one object per item")
    expected = {entry["item"]: entry["labels"] for entry in key["items"]}
    seen: dict[int, dict[str, dict[str, Any]]] = {}
    for n, judgment in enumerate(judgments):
        where = f"judgment #{n + 1}"
        _check(isinstance(judgment, dict), where, "must be an object")
        item = judgment.get("item")
        _check(_integer(item) and item in expected, where, f"unknown item {item!r}")
        _check(item not in seen, where, f"item {item} judged twice")
        where = f"item {item}"
        wanted = set(expected[item])
        given = set(judgment) - {"item"}
        _check(not wanted - given, where, f"missing labels {sorted(wanted - given)}")
        _check(not given - wanted, where, f"labels not in this item {sorted(given - wanted)}")
        for label in sorted(wanted):
            grade = judgment[label]
            at = f"{where}, {label}"
            _check(isinstance(grade, dict), at, "must be an object")
            faithful = grade.get("faithful")
            _check(faithful in (0, 1) and faithful is not None, at, "faithful must be 0 or 1")
            errors = grade.get("errors")
            if int(faithful) == 0:
                _check(bool(errors), at, "faithful is 0: say the errors")
            for field in SCORES:
                value = grade.get(field)
                _check(
                    _integer(value) and 1 <= value <= 5, at, f"{field} must be 1–5, not {value!r}"
                )
            _check(_integer(grade.get("rank")), at, "rank must be an integer")
        ranks = sorted(judgment[label]["rank"] for label in wanted)
        _check(
            ranks == list(range(1, len(wanted) + 1)),
            where,
            f"ranks must be 1…{len(wanted)}, each once (got {ranks})",
        )
        seen[item] = {label: judgment[label] for label in wanted}
    missing = sorted(set(expected) - set(seen))
    _check(not missing, "judgments", f"items not judged: {missing}")
    return seen


def score(key: dict[str, Any], judgments: Any) -> dict[str, Any]:
    """Per system: faithful count, mean informativeness, readability and rank, items ranked
    first, and (for ours) how often it ranks above, level with or below each other system."""
    graded = validate(key, judgments)
    per: dict[str, dict[str, Any]] = {}
    ours_vs: dict[str, dict[str, int]] = {}
    for entry in key["items"]:
        item = graded[entry["item"]]
        by_system = {
            name: item[label] for label, names in entry["labels"].items() for name in names
        }
        for name, grade in by_system.items():
            row = per.setdefault(
                name,
                {"items": 0, "faithful": 0, "informativeness": 0.0, "readability": 0.0,
                 "rank": 0.0, "ranked_first": 0, "errors": []},
            )  # fmt: skip
            row["items"] += 1
            row["faithful"] += int(grade["faithful"])
            for field in (*SCORES, "rank"):
                row[field] += grade[field]
            row["ranked_first"] += grade["rank"] == 1
            if not int(grade["faithful"]):
                row["errors"].append({"id": entry["id"], "errors": grade.get("errors")})
        if OURS in by_system:
            ours = by_system[OURS]["rank"]
            for name, grade in by_system.items():
                if name == OURS:
                    continue
                tally = ours_vs.setdefault(name, {"above": 0, "level": 0, "below": 0})
                side = (
                    "above"
                    if ours < grade["rank"]
                    else "below"
                    if ours > grade["rank"]
                    else "level"
                )
                tally[side] += 1
    systems = []
    for name, row in sorted(
        per.items(), key=lambda kv: (kv[0] != OURS, kv[1]["rank"] / kv[1]["items"])
    ):
        n = row["items"]
        systems.append(
            {
                "system": name,
                "items": n,
                "faithful": row["faithful"],
                "informativeness": round(row["informativeness"] / n, 2),
                "readability": round(row["readability"] / n, 2),
                "mean_rank": round(row["rank"] / n, 2),
                "ranked_first": row["ranked_first"],
                "ours_ranked": ours_vs.get(name) if name != OURS else None,
                "unfaithful": row["errors"],
            }
        )
    return {
        "built": key.get("built"),
        "seed": key.get("seed"),
        "slice": key["slice"],
        "systems": systems,
    }


def render(report: dict[str, Any]) -> str:
    slice_ = report["slice"]
    lines = [
        f"{slice_['documents']} articles of {slice_['data']} (seed {report['seed']}, "
        f"built {report['built']}); ids in the key",
        "| system | faithful | informativeness /5 | readability /5 | mean rank | ranked first "
        "| ours above / level / below |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in report["systems"]:
        vs = s["ours_ranked"]
        versus = f"{vs['above']} / {vs['level']} / {vs['below']}" if vs else ""
        lines.append(
            f"| {s['system']} | {s['faithful']}/{s['items']} | {s['informativeness']:.2f} "
            f"| {s['readability']:.2f} | {s['mean_rank']:.2f} | {s['ranked_first']} | {versus} |"
        )
    return "\n".join(lines)


def _read_json(path: Path, what: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise JudgingError(f"{path}: no such {what} file") from None
    except json.JSONDecodeError as exc:
        raise JudgingError(f"{path}: not JSON ({exc.msg}, line {exc.lineno})") from None


def score_command(args: argparse.Namespace) -> int:
    key = _read_json(args.key, "key")
    _check(key.get("version") == KEY_VERSION and "items" in key, str(args.key), "not a judging key")
    report = score(key, _read_json(args.judgments, "judgments"))
    print(render(report))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    from essentiel.evaluation.data import add_where_option

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="write the blind file and its key")
    make.add_argument("--data", type=Path, required=True, help="JSONL(.gz) as essentiel eval reads")
    make.add_argument("--source", choices=("text", "html"), default="text")
    add_where_option(make)
    make.add_argument("--skip", type=int, default=0, help="leave out the first N rows")
    make.add_argument("--documents", type=int, default=None, help="judge N rows")
    make.add_argument(
        "--ids", action="append", help="judge these ids (comma-separated, or @FILE of ids)"
    )
    make.add_argument(
        "--exclude-ids", type=Path, action="append", help="ids judged before (used.jsonl or a list)"
    )
    make.add_argument("--seed", type=int, required=True, help="seeds the labels' shuffle")
    make.add_argument("--lead", type=int, action="append", help="LEAD-k to include (default 2)")
    make.add_argument("--external", action="append", help="only these system_outputs (default all)")
    make.add_argument("--blind", type=Path, required=True, help="the file for the judge")
    make.add_argument("--key", type=Path, required=True, help="the key (never give to the judge)")
    make.add_argument("--record", type=Path, help="append the ids used to this JSONL")
    judge = commands.add_parser("score", help="unblind and score the judge's answers")
    judge.add_argument("--key", type=Path, required=True)
    judge.add_argument("--judgments", type=Path, required=True, help="the judge's JSON list")
    judge.add_argument("--json", type=Path, help="also write the scores as JSON here")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            args.lead = args.lead or [2]
            if args.blind.resolve() == args.key.resolve():
                raise JudgingError("--blind and --key must be different files")
            return build(args)
        return score_command(args)
    except JudgingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
