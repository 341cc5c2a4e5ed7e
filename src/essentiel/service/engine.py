"""The worker's engine: one pipeline (spaCy, the selector) and one store per process, and the
digest work run off the event loop so it keeps answering while an article is parsed.

Why dedicated threads rather than ``anyio.to_thread``: anyio hands each call to whichever of
its pooled threads is idle, and glibc gives every thread that allocates its own malloc arena,
so a worker's parse memory was spread over many arenas (``bench/memory.py --threads 8`` keeps
about 30 MiB more than ``bench/memory.py`` over 600 articles). All parsing happens on the
digest thread(s) and all SQLite work on one store thread.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from concurrent.futures import ThreadPoolExecutor
from importlib import resources as package_files
from typing import Any, TypeVar

from essentiel.check.checker import Checker
from essentiel.model import Digest, SummaryCheck
from essentiel.pipeline import Pipeline, Settings
from essentiel.service.config import ServiceConfig
from essentiel.service.store import Store

T = TypeVar("T")


class Engine:
    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.pipeline = Pipeline(Settings(max_bytes=config.max_bytes))
        self.checker = Checker(self.pipeline)
        self.store = Store(config.db)
        self.ready = False
        self._digests = ThreadPoolExecutor(config.threads, thread_name_prefix="essentiel-digest")
        self._store = ThreadPoolExecutor(1, thread_name_prefix="essentiel-store")

    def warm_up(self) -> None:
        """Load every language model and the learned selector by digesting the bundled
        examples once: the first real request then costs what every other one does."""
        self.pipeline.warm_up()
        examples = package_files.files("essentiel") / "examples"
        for name in ("fr-orages-bretagne.txt", "en-coal-plant-vote.txt"):
            self.pipeline.digest((examples / name).read_text("utf-8"))
        self.ready = True

    async def run(self, func: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Model work (a digest, a check, the warm-up) on the digest thread; calls queue."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._digests, functools.partial(func, *args, **kwargs))

    async def digest(
        self,
        source: str | bytes,
        *,
        published: dt.date | None = None,
        lang: str | None = None,
        url: str | None = None,
        title: str | None = None,
    ) -> Digest:
        result: Digest = await self.run(
            self.pipeline.digest, source, published=published, lang=lang, url=url, title=title
        )
        return result

    async def check(
        self,
        article: str | bytes,
        summary: str,
        *,
        published: dt.date | None = None,
        lang: str | None = None,
    ) -> SummaryCheck:
        result: SummaryCheck = await self.run(
            self.checker.check, article, summary, published=published, lang=lang
        )
        return result

    async def store_call(self, func: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A store operation on the store thread: searches never wait behind a parse."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store, functools.partial(func, *args, **kwargs))

    def close(self) -> None:
        self._digests.shutdown(wait=True, cancel_futures=True)
        self._store.shutdown(wait=True)
        self.store.close()
