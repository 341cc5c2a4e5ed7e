"""The service's bounds, from the reliability probe: a digest over the time budget is stopped
and answered 503 (the worker goes on), a client that leaves stops its digest, search costs
the same whatever is stored and never holds the other reads, SIGTERM ends within a bound."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from essentiel.errors import WorkCancelled
from essentiel.model import Digest
from essentiel.pipeline import Pipeline, Settings
from essentiel.service import ServiceConfig, create_app
from essentiel.service import engine as engine_module
from essentiel.service.engine import Engine, sleep_job
from essentiel.service.store import QueryError, SearchTimeout, Store
from essentiel.worker import Template
from tests.conftest import BREST_ARTICLE as ARTICLE

ROOT = Path(__file__).resolve().parents[1]
# The engines' digest processes are forks of the session's template (conftest.warm_template),
# which loaded the models once; the tests of a template's own start use one of their own.


def sleepy_digest(pipeline: Pipeline, source: str | bytes, **options: Any) -> Digest:
    """The real digest job, except that an article saying SLEEP hangs like a stage stuck in
    C code (it travels to the digest process by reference: that process imports this module)."""
    text = source if isinstance(source, str) else source.decode("utf-8", "replace")
    if "SLEEP" in text:
        time.sleep(600)
    return engine_module.digest_job(pipeline, source, **options)


def _gone(pid: int | None, within: float = 10.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid or 0, 0)
        except ProcessLookupError:
            return True
        # A killed child of ours is a zombie until reaped; /proc says so.
        try:
            if Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z":
                return True
        except OSError:
            return True
        time.sleep(0.1)
    return False


# ---- the time budget ------------------------------------------------------------------------


def test_a_digest_over_the_budget_is_a_503_and_the_worker_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warm_template: Template
) -> None:
    monkeypatch.setattr(engine_module, "digest_job", sleepy_digest)
    config = ServiceConfig(db=str(tmp_path / "s.db"), timeout=4.0, warm_up=True)
    app = create_app(config, template=warm_template)
    with TestClient(app) as client:
        engine: Engine = client.app.state.engine  # type: ignore[attr-defined]
        stuck_pid = engine.workers[0].pid
        started = time.monotonic()
        r = client.post("/v1/digest", json={"text": ARTICLE + "\n\nSLEEP"})
        assert r.status_code == 503, r.text
        error = r.json()["error"]
        assert error["code"] == "timeout" and "4 s" in error["message"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert time.monotonic() - started < 4.0 + 10.0  # stopped, not run to its end
        assert _gone(stuck_pid)  # the work itself was stopped
        assert client.get("/healthz").json()["status"] == "ok"
        ok = client.post("/v1/digest", json={"text": ARTICLE})  # a fresh process takes over
        assert ok.status_code == 201, ok.text
        assert engine.workers[0].pid != stuck_pid


class _LeavingClient:
    """A request whose client disconnects after ``after`` seconds (the ASGI channel says so)."""

    def __init__(self, after: float) -> None:
        self.after = after

    async def is_disconnected(self) -> bool:
        return False  # there when the digest starts

    async def receive(self) -> dict[str, str]:
        await asyncio.sleep(self.after)
        return {"type": "http.disconnect"}


def test_a_client_that_disconnects_stops_its_digest(warm_template: Template) -> None:
    async def scenario() -> None:
        config = ServiceConfig(db=":memory:", timeout=600.0, warm_up=False)
        engine = Engine(config, template=warm_template)
        await engine.start()
        try:
            await asyncio.get_running_loop().run_in_executor(None, engine.workers[0].wait_ready)
            pid = engine.workers[0].pid
            started = time.monotonic()
            with pytest.raises(WorkCancelled):
                await engine.run(sleep_job, 300.0, request=_LeavingClient(0.5))  # type: ignore[arg-type]
            assert time.monotonic() - started < 10.0
            assert _gone(pid)  # stopped after the grace, not left to run its 300 s
            # The next request gets a process again.
            assert await engine.run(sleep_job, 0.01) == 0.01
        finally:
            engine.close()

    asyncio.run(scenario())


# ---- search -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def huge_digest(example_fr: Digest) -> Digest:
    """A stored article of 2 MB whose every line names « maison » and « marché »: the probe's
    one large article that made search take minutes."""
    line = "La maison du marché ouvre ses portes aux habitants du quartier ce matin.\n"
    text = line * (2_000_000 // len(line))
    article = example_fr.article.model_copy(update={"text": text, "id": "huge0000000000"})
    return example_fr.model_copy(update={"article": article})


@pytest.fixture
def huge_store(tmp_path: Path, huge_digest: Digest, example_fr: Digest) -> Iterator[Store]:
    store = Store(tmp_path / "s.db")
    store.put(example_fr, b"example")
    store.put(huge_digest, b"huge")
    yield store
    store.close()


@pytest.mark.parametrize("q", ["maison", "ma*", "maison marché", " ".join(["mar*"] * 40)])
def test_search_over_a_huge_article_is_fast(huge_store: Store, q: str) -> None:
    started = time.process_time()
    total, rows = huge_store.search(q)
    spent = time.process_time() - started
    assert total >= 1
    huge = next(r for r in rows if r.id == "huge0000000000")
    assert huge.snippet is not None and huge.snippet.highlights
    a, b = huge.snippet.highlights[0]
    assert huge.snippet.text[a:b].lower().startswith("ma")
    assert spent < 1.0, f"{q!r}: {spent:.2f} s of CPU"  # FTS5's snippet() took 8 s on "maison"


def test_snippet_offsets_point_at_the_matched_words(huge_store: Store, example_fr: Digest) -> None:
    _, rows = huge_store.search("orages")
    [row] = [r for r in rows if r.id == example_fr.article.id]
    assert row.snippet is not None
    assert [row.snippet.text[a:b].lower() for a, b in row.snippet.highlights][:1] == ["orages"]


@pytest.mark.parametrize("q", ["a*", "un deux trois quatre cinq six sept huit neuf", "x* y*"])
def test_queries_over_the_cost_limits_are_refused(huge_store: Store, q: str) -> None:
    with pytest.raises(QueryError):
        huge_store.search(q)


def _fill(store: Store, digest: Digest, copies: int) -> None:
    """``copies`` articles that all match « orages »: a search with work to interrupt."""
    for i in range(copies):
        article = digest.article.model_copy(update={"id": f"copy{i:010d}"})
        store.put(digest.model_copy(update={"article": article}), b"copy")


def test_a_search_over_its_budget_is_stopped(tmp_path: Path, example_fr: Digest) -> None:
    store = Store(tmp_path / "s.db", search_seconds=0.0)
    _fill(store, example_fr, 300)
    with pytest.raises(SearchTimeout):
        store.search("orages")
    assert store.count() == 300  # the other reads are not bounded by the search budget
    store.close()


def test_a_slow_read_never_holds_the_others(tmp_path: Path, example_fr: Digest) -> None:
    store = Store(tmp_path / "s.db")
    store.put(example_fr, b"example")
    busy = threading.Event()
    held: list[sqlite3.Connection] = []
    stopped: list[SearchTimeout] = []

    def long_read() -> None:
        try:
            with store._reading() as db:  # as a search that takes seconds would
                held.append(db)
                busy.set()
                # Busy in SQLite's C code until interrupted below (hours otherwise): still
                # running while the other reads are timed, whatever the machine's speed.
                db.execute(
                    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c"
                    " WHERE x < 1000000000000) SELECT count(*) FROM c"
                ).fetchone()
        except SearchTimeout as exc:  # how the store reports an interrupted read
            stopped.append(exc)

    reader = threading.Thread(target=long_read)
    reader.start()
    # Were the reads held behind it, they would wait for this: a failure, not a hang.
    deadline = threading.Timer(10.0, lambda: held[0].interrupt())
    try:
        assert busy.wait(5)
        deadline.start()
        started = time.monotonic()
        assert store.count() == 1
        assert store.get(example_fr.article.id) is not None
        assert time.monotonic() - started < 1.0
        assert reader.is_alive()  # the long read ran all along
    finally:
        deadline.cancel()
        while reader.is_alive():
            held[0].interrupt()
            reader.join(0.1)
    assert stopped
    store.close()


def test_search_errors_are_json(
    tmp_path: Path, example_fr: Digest, warm_template: Template
) -> None:
    config = ServiceConfig(db=str(tmp_path / "s.db"), search_timeout=0.0, warm_up=False)
    with TestClient(create_app(config, template=warm_template)) as client:
        _fill(client.app.state.engine.store, example_fr, 300)  # type: ignore[attr-defined]
        r = client.get("/v1/articles", params={"q": "a*"})
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_query"
        r = client.get("/v1/articles", params={"q": "orages"})
        assert r.status_code == 503 and r.json()["error"]["code"] == "search_timeout"
        assert r.headers["x-frame-options"] == "DENY"
        page = client.get("/library", params={"q": "a*"})
        assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
        assert client.get("/healthz").status_code == 200


# ---- SIGTERM ----------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _port_free(port: int) -> bool:
    """Whether a new server could listen on ``port`` now. With SO_REUSEADDR, as a server binds
    (uvicorn does): a connection the stopped server closed first lingers in TIME_WAIT for a
    minute, which a plain bind counts as taken (two clean-clone runs of 2026-12-07 failed on
    it); a process still listening on the port is refused either way."""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


STUCK_STAGE = """
import time
from essentiel import pipeline as _pipeline


_real_digest = _pipeline.Pipeline.digest


def _digest(self, source, **options):
    text = source if isinstance(source, str) else source.decode("utf-8", "replace")
    if "SLEEP" in text:
        time.sleep(600)  # a stage stuck where no Python thread can stop it
    return _real_digest(self, source, **options)


_pipeline.Pipeline.digest = _digest
"""


def test_sigterm_stops_a_busy_server_within_its_bound(tmp_path: Path) -> None:
    # Every process of the server (and its digest process) runs this at start-up: an article
    # saying SLEEP makes the digest hang, whichever process digests it.
    (tmp_path / "sitecustomize.py").write_text(STUCK_STAGE)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT / 'src'}"}
    server = subprocess.Popen(
        [
            sys.executable, "-m", "essentiel", "serve", "--port", str(port),
            "--db", str(tmp_path / "s.db"), "--no-warm-up", "--shutdown-timeout", "2",
            "--log-level", "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail("the server did not start")
        answers: list[Any] = []

        def slow_request() -> None:
            try:
                answers.append(
                    httpx.post(base + "/v1/digest", json={"text": ARTICLE + "\n\nSLEEP"},
                               timeout=120)
                )  # fmt: skip
            except httpx.HTTPError as exc:
                answers.append(exc)

        client = threading.Thread(target=slow_request)
        client.start()
        time.sleep(1.5)
        assert not answers, "the request ended before SIGTERM: not a test of in-flight work"
        server.send_signal(signal.SIGTERM)
        started = time.monotonic()
        server.wait(timeout=2 + 20)  # the graceful bound, then the digest process is killed
        assert time.monotonic() - started < 2 + 20
        assert _port_free(port)
        client.join(30)
        [answer] = answers  # the request was stopped: the JSON 503 (or a closed connection)
        if isinstance(answer, httpx.Response):
            assert answer.status_code == 503 and answer.json()["error"]["code"] == "cancelled"
            assert answer.headers["retry-after"] == "5"
        else:
            assert isinstance(answer, httpx.HTTPError)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def slow_warm_up(_: Pipeline) -> None:
    # A load that takes seconds, as the models' does: longer than the bound on a takeover
    # below, so that a takeover which loaded again could not pass.
    time.sleep(6)


def test_a_spare_process_takes_over_at_once_after_a_stop() -> None:
    from essentiel.errors import WorkTimeout
    from essentiel.worker import Worker

    worker = Worker(Settings(), warm_up=slow_warm_up, spare=True)
    try:
        worker.wait_ready()  # the spare loaded at the same time
        with pytest.raises(WorkTimeout):
            worker.call(sleep_job, 60.0, timeout=0.5)
        started = time.monotonic()
        assert worker.call(sleep_job, 0.0, timeout=None) == 0.0
        assert time.monotonic() - started < 4.0  # no 6 s load: the spare was ready
    finally:
        worker.close()


def test_a_digest_process_killed_from_outside_is_a_503_and_replaced(
    warm_template: Template,
) -> None:
    from essentiel.service.errors import status_of
    from essentiel.worker import WorkerDied

    async def scenario() -> None:
        config = ServiceConfig(db=":memory:", timeout=600.0, warm_up=False)
        engine = Engine(config, template=warm_template)
        await engine.start()
        try:
            await asyncio.get_running_loop().run_in_executor(None, engine.workers[0].wait_ready)
            pid = engine.workers[0].pid or 0
            asyncio.get_running_loop().call_later(0.5, os.kill, pid, signal.SIGKILL)
            with pytest.raises(WorkerDied) as died:  # as the kernel's OOM killer would
                await engine.run(sleep_job, 300.0)
            assert status_of(died.value) == 503 and died.value.code == "worker_died"
            assert await engine.run(sleep_job, 0.01) == 0.01
            assert engine.workers[0].pid != pid
        finally:
            engine.close()

    asyncio.run(scenario())


def test_a_slow_job_does_not_hold_the_requests_queued_behind_it(
    warm_template: Template,
) -> None:
    """One digest process, a job that runs long (as a hostile article would, up to the time
    budget): past ``slow_after`` the queue gets an extra process, forked from the loaded
    template, and the quick job behind it does not wait for the slow one; the extra process
    is stopped once no slow job is left."""

    async def scenario() -> None:
        config = ServiceConfig(db=":memory:", timeout=600.0, warm_up=False, slow_after=1.0)
        engine = Engine(config, template=warm_template)
        await engine.start()
        try:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(None, engine.workers[0].wait_ready)
            slow = asyncio.ensure_future(engine.run(sleep_job, 8.0))
            await asyncio.sleep(0.2)
            started = time.monotonic()
            assert await engine.run(sleep_job, 0.01) == 0.01
            # About slow_after (1 s) and a fork: not the 7.8 s left of the slow job.
            assert time.monotonic() - started < 5.0
            assert len(engine.workers) == 2
            assert engine.template is not None and engine.template.loads == 1
            assert await slow == 8.0
            assert len(engine.workers) == 1  # the extra process went with the slow job
        finally:
            engine.close()

    asyncio.run(scenario())


def test_without_slow_after_the_queue_waits(warm_template: Template) -> None:
    async def scenario() -> None:
        config = ServiceConfig(db=":memory:", timeout=600.0, warm_up=False, slow_after=0.0)
        engine = Engine(config, template=warm_template)
        await engine.start()
        try:
            slow = asyncio.ensure_future(engine.run(sleep_job, 4.0))
            await asyncio.sleep(0.2)
            started = time.monotonic()
            assert await engine.run(sleep_job, 0.01) == 0.01
            assert time.monotonic() - started > 3.0  # behind the slow job
            await slow
            assert len(engine.workers) == 1
        finally:
            engine.close()

    asyncio.run(scenario())
