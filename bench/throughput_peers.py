"""The tools a user would pick instead of essentiel, timed page by page for bench/throughput.py.

Runs in its own environment (bench/throughput.py creates it from PyPI: trafilatura, sumy,
newspaper4k), never essentiel's: reads one JSON object per line on stdin ({"html": ...,
"url": ...}) and answers one per line with each tool's [CPU seconds, wall seconds] for the
page, or null when the tool failed on it. The first line it writes says which tools loaded.

- trafilatura: ``trafilatura.extract(html)``, the text alone.
- sumy: trafilatura's text, then LexRank (3 sentences) with the French stemmer and stop
  words; its tokenizer is a regex one (sumy's own needs NLTK data fetched at run time).
- newspaper4k: ``Article.parse()`` then ``Article.nlp()`` (keywords and a summary). ``nlp()``
  splits sentences with NLTK's Punkt, whose trained data is downloaded at run time and cannot
  be here: an untrained ``PunktSentenceTokenizer`` (same algorithm, no abbreviation list)
  stands in for it.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from typing import Any

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[«\"“(]?[A-ZÀ-ÖØ-Þ0-9])")
_WORD = re.compile(r"\w+", re.UNICODE)


class _Tokenizer:
    language = "french"

    def to_sentences(self, paragraph: str) -> list[str]:
        return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]

    def to_words(self, sentence: str) -> list[str]:
        return _WORD.findall(sentence)


def _tools() -> dict[str, Callable[[str, str | None], Any]]:
    tools: dict[str, Callable[[str, str | None], Any]] = {}
    try:
        import trafilatura

        tools["trafilatura"] = lambda html, url: trafilatura.extract(html, url=url)
    except ImportError:
        return tools
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.utils import get_stop_words

        lexrank = LexRankSummarizer(Stemmer("french"))
        lexrank.stop_words = get_stop_words("french")
        tokenizer = _Tokenizer()

        def sumy(html: str, url: str | None) -> Any:
            text = trafilatura.extract(html, url=url) or ""
            document = PlaintextParser.from_string(text, tokenizer).document
            return lexrank(document, 3)

        tools["sumy"] = sumy
    except ImportError:
        pass
    try:
        import newspaper
        from newspaper import nlp as newspaper_nlp
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        newspaper_nlp.split_sentences._tokenizer = PunktSentenceTokenizer()  # type: ignore[attr-defined]

        def newspaper4k(html: str, url: str | None) -> Any:
            article = newspaper.Article(url or "https://example.org/article", language="fr")
            article.download(input_html=html)
            article.parse()
            article.nlp()
            return article.summary

        tools["newspaper4k"] = newspaper4k
    except ImportError:
        pass
    return tools


def main() -> int:
    tools = _tools()
    print(json.dumps({"tools": sorted(tools)}), flush=True)
    for line in sys.stdin:
        page = json.loads(line)
        times: dict[str, list[float] | None] = {}
        for name, tool in tools.items():
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                result = tool(page["html"], page.get("url"))
            except Exception:  # a peer failing on a page is counted, not fatal
                times[name] = None
                continue
            times[name] = [time.process_time() - cpu, time.perf_counter() - wall]
            del result
        print(json.dumps(times), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
