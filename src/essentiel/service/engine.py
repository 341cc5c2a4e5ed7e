"""The worker's engine: the digest process(es) that hold the models, and the store.

Digests and checks run in a child process (``essentiel.worker.Worker``), never in the
service's own process: a request that goes over the time budget (``ServiceConfig.timeout``)
or whose client disconnects is stopped by killing that child, which a thread running spaCy's
C code could not be; a fresh child, forked from the template process that holds the loaded
models, takes its place at once. The service's process keeps only the
event loop and the store, so ``/healthz`` and searches answer while an article is parsed.

Why dedicated threads for the store rather than ``anyio.to_thread``: all SQLite work stays on
known threads (one for writes, a few for reads), each with its own connection.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from starlette.requests import Request

from essentiel.check.checker import Checker
from essentiel.errors import WorkCancelled
from essentiel.model import Digest, SummaryCheck
from essentiel.pipeline import Pipeline, Settings
from essentiel.service.config import ServiceConfig
from essentiel.service.store import Store
from essentiel.worker import Template, Worker, warm_up

# ---- jobs run in the digest process ---------------------------------------------------------


def digest_job(pipeline: Pipeline, source: str | bytes, **options: Any) -> Digest:
    return pipeline.digest(source, **options)


_checkers: dict[int, Checker] = {}


def check_job(pipeline: Pipeline, article: str | bytes, summary: str, **options: Any) -> Any:
    checker = _checkers.setdefault(id(pipeline), Checker(pipeline))
    return checker.check(article, summary, **options)


def sleep_job(_: Pipeline, seconds: float) -> float:
    """A job that only waits (tests and ``bench/load.py`` use it as a stand-in for a slow
    digest: it holds the process like one)."""
    import time

    time.sleep(seconds)
    return seconds


# A client that leaves lets its digest run this much longer before the process is killed:
# a normal digest takes about a second, and a kill costs seconds of model loading.
DISCONNECT_GRACE = 2.0


# ---- the engine -----------------------------------------------------------------------------


class Engine:
    """``template``: a ``Template`` already started by the caller, which this engine forks
    its digest processes from (with this config's settings) instead of starting its own; the
    caller closes it. For the tests, which run many short-lived services: each would
    otherwise load the models once more."""

    def __init__(self, config: ServiceConfig, *, template: Template | None = None) -> None:
        self.config = config
        self._settings = Settings(max_bytes=config.max_bytes)
        self.store = Store(config.db, search_seconds=config.search_timeout)
        self.ready = False
        self.workers: list[Worker] = []
        self.template: Template | None = None
        self._given_template = template
        self._idle: asyncio.Queue[Worker] | None = None
        # Jobs running past config.slow_after, and the extra digest processes serving the
        # queue meanwhile (at most config.threads of them).
        self._slow: set[asyncio.Future[Any]] = set()
        self._extra = 0
        self._closed = False
        # Threads that wait on the digest processes (they only block on a pipe), extra ones
        # included.
        self._waiters = ThreadPoolExecutor(
            2 * config.threads + 1, thread_name_prefix="essentiel-digest"
        )
        self._store = ThreadPoolExecutor(1, thread_name_prefix="essentiel-store")
        # Searches on threads of their own: a slow one never holds a write, get or /healthz.
        self._search = ThreadPoolExecutor(2, thread_name_prefix="essentiel-search")

    async def start(self) -> None:
        """Start the digest processes and, with ``warm_up``, wait until their models are
        loaded (the service answers only then)."""
        settings = self._settings
        job = warm_up if self.config.warm_up else None
        # One template loads the models; every digest process is a fork of it.
        self.template = self._given_template or Template(settings, warm_up=job)
        self.workers = [
            Worker(settings, spare=self.config.spare, template=self.template)
            for _ in range(self.config.threads)
        ]
        self._idle = asyncio.Queue()
        for worker in self.workers:
            self._idle.put_nowait(worker)
        if self.config.warm_up:
            loop = asyncio.get_running_loop()
            for worker in self.workers:
                await loop.run_in_executor(self._waiters, worker.wait_ready)
        self.ready = True

    async def run(
        self, func: Any, /, *args: Any, request: Request | None = None, **kwargs: Any
    ) -> Any:
        """``func(pipeline, *args, **kwargs)`` in a digest process, within the time budget;
        calls queue for a free process. Stopped (``WorkCancelled``) when ``request``'s
        client disconnects or this coroutine is cancelled (the server is stopping)."""
        assert self._idle is not None, "Engine.start() was not awaited"
        worker = await self._idle.get()
        if request is not None and await request.is_disconnected():
            self._idle.put_nowait(worker)  # gone while queued: nothing to start, nothing to stop
            raise WorkCancelled("the client disconnected; the digest was not started")
        loop = asyncio.get_running_loop()
        call = functools.partial(worker.call, func, *args, timeout=self.config.timeout, **kwargs)
        job = loop.run_in_executor(self._waiters, call)

        slow_timer = (
            loop.call_later(self.config.slow_after, self._is_slow, job)
            if self.config.slow_after > 0
            else None
        )

        def give_back(done: asyncio.Future[Any]) -> None:
            # The process is free again only once its call has returned (or was stopped).
            if not done.cancelled():
                done.exception()  # retrieved: an abandoned job's error is not "never retrieved"
            if slow_timer is not None:
                slow_timer.cancel()
            self._slow.discard(done)
            assert self._idle is not None
            if self._extra > len(self._slow):  # an extra process no slow job needs now
                self._extra -= 1
                self.workers.remove(worker)
                loop.run_in_executor(self._waiters, worker.close)
            else:
                self._idle.put_nowait(worker)

        job.add_done_callback(give_back)
        watcher = asyncio.ensure_future(_disconnected(request)) if request else None
        try:
            waiting = {job, watcher} if watcher else {job}
            done, _ = await asyncio.wait(waiting, return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            worker.cancel()
            raise
        finally:
            if watcher is not None:
                watcher.cancel()
        if job not in done:
            # A digest that is nearly done is left to finish (its process is given back then);
            # one that is not is stopped after DISCONNECT_GRACE seconds.
            worker.cancel(grace=DISCONNECT_GRACE)
            raise WorkCancelled("the client disconnected; the digest was stopped")
        return job.result()

    def _is_slow(self, job: asyncio.Future[Any]) -> None:
        """A job still running past ``slow_after``: the requests queued behind it get an
        extra digest process (a fork, ready in milliseconds) rather than wait up to the time
        budget for it."""
        if job.done() or self._closed:
            return
        self._slow.add(job)
        if self._extra < self.config.threads:
            assert self._idle is not None and self.template is not None
            self._extra += 1
            extra = Worker(self._settings, template=self.template)
            self.workers.append(extra)
            self._idle.put_nowait(extra)

    async def digest(
        self,
        source: str | bytes,
        *,
        published: dt.date | None = None,
        lang: str | None = None,
        url: str | None = None,
        title: str | None = None,
        request: Request | None = None,
    ) -> Digest:
        result: Digest = await self.run(
            digest_job,
            source,
            published=published,
            lang=lang,
            url=url,
            title=title,
            request=request,
        )
        return result

    async def check(
        self,
        article: str | bytes,
        summary: str,
        *,
        published: dt.date | None = None,
        lang: str | None = None,
        request: Request | None = None,
    ) -> SummaryCheck:
        result: SummaryCheck = await self.run(
            check_job, article, summary, published=published, lang=lang, request=request
        )
        return result

    async def store_call(self, func: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A store operation on the store thread: searches never wait behind a parse."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._store, functools.partial(func, *args, **kwargs))

    async def search_call(self, func: Any, /, *args: Any, **kwargs: Any) -> Any:
        """A search or entity list, on a search thread, within the search budget."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._search, functools.partial(func, *args, **kwargs))

    def close(self) -> None:
        """Stop at once: digest processes are killed (their requests were cancelled by the
        server's graceful-shutdown timeout already), a running search is interrupted."""
        self._closed = True
        for worker in list(self.workers):
            worker.close()
        if self.template is not None and self._given_template is None:
            self.template.close()
        self.store.interrupt()
        self._waiters.shutdown(wait=True, cancel_futures=True)
        self._store.shutdown(wait=True, cancel_futures=True)
        self._search.shutdown(wait=True, cancel_futures=True)
        self.store.close()


async def _disconnected(request: Request) -> None:
    """Returns when the client has gone (the body is read by then: what comes next on the
    ASGI channel is the disconnect)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return
