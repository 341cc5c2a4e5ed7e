"""Where does the extraction stages' cost go, beside trafilatura's own, page by page?

    PYTHONPATH=src .venv/bin/python experiments/extraction_cost_parts.py [--limit N]

On the development pages of trafilatura's evaluation set (``bench/extraction.py``'s split), runs
``ingest`` then ``clean`` and ``trafilatura.extract`` (the benchmark's settings), interleaved
as the benchmark runs them, and adds up the CPU time (``time.process_time``) of each step of
ours: the parse, trafilatura's extraction sequence, the XML steps, the page's metadata, date,
publisher summaries, bold and menu lines, and in ``clean`` the language identification. Each
step is timed by wrapping the module attribute ingest and clean call it by, so the steps
nest (``_article_tree`` holds ``_bare_extraction``; ``clean`` holds ``lang.identify``);
what is left of ``ours`` once its steps are taken out is the input checks and the loops of
``ingest._from_html``. Prints each step's seconds, its share of trafilatura's cost in the
same run, and milliseconds per page. The wrappers cost a little of their own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

INGEST_STEPS = (
    "parse_page",
    "_publisher_summaries",
    "_bold_lines",
    "read_metadata",
    "markup_date",
    "_article_tree",
    "_bare_extraction",
    "sanitize_tree",
    "build_xml_output",
    "_indent_as_pretty_printed",
    "_xml_lines",
    "_menu_lines",
    "date_line_date",
)


def timed_attribute(module: Any, name: str, label: str, totals: Counter[str]) -> None:
    """Replaces ``module.name`` by a wrapper that adds its CPU time to ``totals[label]``."""
    function: Callable[..., Any] = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[label] += time.process_time() - start

    setattr(module, name, wrapper)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, help="the first N development pages")
    args = parser.parse_args(argv)

    import trafilatura
    from htmldate.extractors import _external_date

    from essentiel import clean as clean_module
    from essentiel import ingest as ingest_module
    from essentiel import language
    from essentiel.errors import EssentielError
    from extraction import DATA, TRAFILATURA_OPTS, WARM_UP_PAGES, part_of

    if not DATA.exists():
        print(f"error: {DATA} is absent", file=sys.stderr)
        return 2
    totals: Counter[str] = Counter()
    for name in INGEST_STEPS:
        timed_attribute(ingest_module, name, name, totals)
    timed_attribute(language, "identify", "lang.identify", totals)
    timed_attribute(clean_module, "clean", "clean", totals)

    with gzip.open(DATA, "rt", encoding="utf-8") as stream:
        pages = [page for line in stream if part_of((page := json.loads(line))["url"]) == "dev"]
    pages = pages[: args.limit] if args.limit else pages

    def ours(page: dict[str, Any]) -> None:
        try:
            raw = ingest_module.ingest(page["html"], url=page["url"])
        except EssentielError:
            return
        clean_module.clean(raw)

    def theirs(page: dict[str, Any]) -> None:
        trafilatura.extract(page["html"], url=page["url"], **TRAFILATURA_OPTS)

    # Caches and models loaded before timing, as in bench/extraction.py.
    for page in pages[:WARM_UP_PAGES]:
        ours(page)
        theirs(page)
    _external_date("12 qqqq 2020")
    totals.clear()
    for number, page in enumerate(pages):
        sides = (("ours", ours), ("trafilatura", theirs))
        for label, run in sides if number % 2 else sides[::-1]:
            start = time.process_time()
            run(page)
            totals[label] += time.process_time() - start
    reference = totals["trafilatura"]
    for label, seconds in totals.most_common():
        print(
            f"{label:28} {seconds:7.2f} s  {seconds / reference:6.3f} of trafilatura"
            f"  {1000 * seconds / len(pages):6.2f} ms a page"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
