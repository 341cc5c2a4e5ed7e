"""Does htmldate's fast search find a page's publication date better with ``original_date``
on (what ``publication_date.markup_date`` asks) or off? Against the dates of trafilatura's
extraction corpus (``../shared/eval-data/trafilatura-eval``: the rows with a gold ``date``).

    .venv/bin/python experiments/publication_dates.py

Prints, per setting, the pages whose date is exactly the gold's, within a day, and none found.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
from pathlib import Path

import htmldate

from essentiel.html_tree import parse_page
from essentiel.publication_date import _iso_date, microdata_date

DATA = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "eval-data"
    / "trafilatura-eval"
    / "trafilatura_eval.jsonl.gz"
)
LATEST = dt.date(2024, 1, 1)


def found(html: str, url: str, original: bool) -> str | None:
    tree = parse_page(html)
    if tree is None:
        return None
    date = _iso_date(
        htmldate.find_date(
            tree,
            extensive_search=False,
            original_date=original,
            url=url,
            max_date=LATEST.isoformat(),
        ),
        LATEST,
    )
    if date is None:
        again = parse_page(html)
        date = microdata_date(again, LATEST) if again is not None else None
    return date.isoformat() if date else None


def near(a: str, b: str) -> bool:
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1
    except ValueError:
        return False


def main() -> None:
    logging.disable(logging.CRITICAL)
    with gzip.open(DATA, "rt", encoding="utf-8") as fh:
        pages = [row for row in map(json.loads, fh) if row.get("date")]
    for original in (True, False):
        exact = close = missing = 0
        for row in pages:
            gold, date = row["date"][:10], found(row["html"], row["url"], original)
            if date is None:
                missing += 1
            elif date == gold:
                exact += 1
            elif near(date, gold):
                close += 1
        print(
            f"original_date={original}: exact {exact}, within a day {close}, "
            f"none {missing}, of {len(pages)}"
        )


if __name__ == "__main__":
    main()
