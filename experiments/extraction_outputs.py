"""Does a change to the extraction stages change what they give? Their outputs, page by page.

    .venv/bin/python experiments/extraction_outputs.py --out /tmp/before.jsonl
    .venv/bin/python experiments/extraction_outputs.py --out /tmp/after.jsonl
    .venv/bin/python experiments/extraction_outputs.py --compare /tmp/before.jsonl /tmp/after.jsonl

Runs ``ingest`` then ``clean`` (what ``bench/extraction.py`` times) on the development pages of
trafilatura's evaluation set (736: ``bench/extraction.part_of``) and on the HTML pages of
OrangeSum validation rows 0-299, and writes per page what leaves these stages: the clean text,
every block (kind, language, offsets), the page's title, URL, site name and publication date,
the cleaned title and the article's language, or the error. ``--compare`` lists the pages on
which two such files differ, field by field; for the publication date it also gives the
reference where there is one: the row's ``date`` for OrangeSum, a date written in the URL for
trafilatura's pages (``/2021/03/04/``, ``20210304``, ``nid03052022``...), so that a date that
changes can be judged. ``--part heldout`` writes trafilatura's held-out pages instead (254,
OrangeSum's rows left out): to report a change measured on the development pages.

``--block-languages FILE`` counts, in an ``--out`` file, the blocks whose language is not
their article's and the pages holding one: what identifying the language once per document
instead of per block would change (a block's language picks the model that parses it and
whether facts are drawn from it).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

EVAL = ROOT.parent / "shared" / "eval-data" / "trafilatura-eval" / "trafilatura_eval.jsonl.gz"
ORANGESUM = ROOT.parent / "shared" / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
ORANGESUM_ROWS = 300  # rows 0-299; rows from 700 on are kept for the lead's judging
FIELDS = (
    "error",
    "text",
    "blocks",
    "title",
    "url",
    "site_name",
    "published",
    "clean_title",
    "lang",
)

# A date written in a URL: year, month, day with separators, or eight digits in either order.
_URL_DATES = (
    re.compile(r"(?<!\d)(20\d\d|19\d\d)[/_-](\d\d?)[/_-](\d\d?)(?!\d)"),
    re.compile(r"(?<!\d)(20\d\d)(\d\d)(\d\d)(?!\d)"),
)
_URL_DATE_DMY = re.compile(r"(?<!\d)(\d\d)(\d\d)(20\d\d)(?!\d)")


def url_date(url: str | None) -> str | None:
    """A full date written in ``url``, ISO, else None."""
    if not url:
        return None
    for pattern in _URL_DATES:
        found = pattern.search(url)
        if found and 1 <= int(found[2]) <= 12 and 1 <= int(found[3]) <= 31:
            return f"{found[1]}-{int(found[2]):02d}-{int(found[3]):02d}"
    found = _URL_DATE_DMY.search(url)
    if found and 1 <= int(found[2]) <= 12 and 1 <= int(found[1]) <= 31:
        return f"{found[3]}-{found[2]}-{found[1]}"
    return None


def pages(part: str = "dev") -> Iterator[dict[str, Any]]:
    """(source, key, html, url, reference date) of every page, in a fixed order: the ``part``
    of trafilatura's set, then for the development part OrangeSum's rows."""
    from extraction import part_of

    with gzip.open(EVAL, "rt", encoding="utf-8") as stream:
        for line in stream:
            page = json.loads(line)
            if part_of(page["url"]) == part:
                yield {
                    "source": f"trafilatura-{part}",
                    "key": page["url"],
                    "html": page["html"],
                    "url": page["url"],
                    "reference_date": url_date(page["url"]),
                }
    if part != "dev":
        return
    with gzip.open(ORANGESUM, "rt", encoding="utf-8") as stream:
        for number, line in enumerate(stream):
            if number >= ORANGESUM_ROWS:
                break
            row = json.loads(line)
            yield {
                "source": "orangesum-valid",
                "key": row["id"],
                "html": row["html"],
                "url": None,
                "reference_date": row.get("date"),
            }


def outputs(html: str, url: str | None) -> dict[str, Any]:
    from essentiel.clean import clean
    from essentiel.errors import EssentielError
    from essentiel.ingest import ingest

    try:
        raw = ingest(html, url=url)
    except EssentielError as error:
        return {"error": f"{type(error).__name__}: {error}"}
    cleaned = clean(raw)
    return {
        "error": None,
        "text": cleaned.text,
        "blocks": [
            [block.kind.value, block.lang, block.span.start, block.span.end]
            for block in cleaned.blocks
        ],
        "title": raw.title,
        "url": raw.url,
        "site_name": raw.site_name,
        "published": raw.published.isoformat() if raw.published else None,
        "clean_title": cleaned.title,
        "lang": cleaned.lang,
    }


def write(out: Path, limit: int | None, part: str = "dev") -> None:
    with out.open("w", encoding="utf-8") as stream:
        for number, page in enumerate(pages(part)):
            if limit is not None and number >= limit:
                break
            row = {
                "source": page["source"],
                "key": page["key"],
                "reference_date": page["reference_date"],
            }
            row.update(outputs(page["html"], page["url"]))
            stream.write(json.dumps(row, ensure_ascii=False) + "\n")


def compare(before: Path, after: Path, show: int) -> int:
    """Prints the differences; returns how many pages differ."""
    old = [json.loads(line) for line in before.open(encoding="utf-8")]
    new = [json.loads(line) for line in after.open(encoding="utf-8")]
    if [row["key"] for row in old] != [row["key"] for row in new]:
        print("the two files do not hold the same pages")
        return -1
    changed_pages = 0
    per_field: dict[str, int] = {}
    dates = {"better": 0, "worse": 0, "unjudged": 0}
    for a, b in zip(old, new, strict=True):
        fields = [name for name in FIELDS if a.get(name) != b.get(name)]
        if not fields:
            continue
        changed_pages += 1
        for name in fields:
            per_field[name] = per_field.get(name, 0) + 1
        line = f"{a['source']} {a['key'][:90]}: {', '.join(fields)}"
        if "published" in fields:
            reference = a["reference_date"]
            line += f" (date {a.get('published')} -> {b.get('published')}, reference {reference})"
            if reference is None:
                dates["unjudged"] += 1
            elif b.get("published") == reference:
                dates["better"] += 1
            elif a.get("published") == reference:
                dates["worse"] += 1
            else:
                dates["unjudged"] += 1
        if changed_pages <= show:
            print(line)
    print(f"{changed_pages} of {len(old)} pages differ; by field: {per_field}")
    print(f"changed dates against the reference: {dates}")
    return changed_pages


def block_languages(path: Path) -> dict[str, tuple[int, int, int]]:
    """Per source: (pages, pages with a block in another language, such blocks)."""
    counts: dict[str, list[int]] = {}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("error"):
            continue
        other = sum(1 for block in row["blocks"] if block[1] != row["lang"])
        tally = counts.setdefault(row["source"], [0, 0, 0])
        tally[0] += 1
        tally[1] += other > 0
        tally[2] += other
    return {source: (a, b, c) for source, (a, b, c) in counts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="write the outputs to this JSONL file")
    parser.add_argument("--limit", type=int, help="the first N pages only")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    parser.add_argument("--show", type=int, default=50, help="print N differing pages")
    parser.add_argument("--block-languages", type=Path, metavar="FILE")
    parser.add_argument(
        "--part",
        choices=("dev", "heldout"),
        default="dev",
        help="trafilatura's pages of this part (heldout: to report on, without OrangeSum's)",
    )
    args = parser.parse_args(argv)
    if args.block_languages:
        for source, (pages, with_other, blocks) in block_languages(args.block_languages).items():
            print(f"{source}: {with_other}/{pages} pages, {blocks} blocks not in their language")
        return 0
    if args.compare:
        return 1 if compare(*args.compare, args.show) else 0
    if not args.out:
        parser.error("--out or --compare is needed")
    if not EVAL.exists() or not ORANGESUM.exists():
        print("error: ../shared/eval-data is absent", file=sys.stderr)
        return 2
    write(args.out, args.limit, args.part)
    return 0


if __name__ == "__main__":
    sys.exit(main())
