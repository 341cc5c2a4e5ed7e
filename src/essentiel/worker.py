"""A child process that holds the models and runs one job at a time, under a time budget.

Why a process: a digest runs in spaCy's and the regex engine's C code, which a Python thread
cannot interrupt. A job that goes over its budget (or whose caller has gone) is stopped by
killing the child; a fresh one starts at once and loads the models again, so the next job
runs in a clean process. Used by the service (one per worker) and by batch (one per
``--workers``).

A job is a top-level function whose first parameter is the child's ``Pipeline``; it and its
arguments travel by pickle.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import signal
import sys
import threading
import time
from collections.abc import Callable
from importlib import resources as package_files
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from essentiel.errors import EssentielError, WorkCancelled, WorkTimeout
from essentiel.pipeline import Pipeline, Settings

# Loading the models takes seconds, not minutes; far beyond it the child is stuck.
START_TIMEOUT = 600.0
_POLL = 0.1  # how often a waiting call looks at its deadline and at cancel()


def warm_up(pipeline: Pipeline) -> None:
    """Load every language model and the learned selector by digesting the bundled
    examples once: the first real job then costs what every other one does (and its time
    budget is not spent on loading)."""
    pipeline.warm_up()
    examples = package_files.files("essentiel") / "examples"
    for name in ("fr-orages-bretagne.txt", "en-coal-plant-vote.txt"):
        pipeline.digest((examples / name).read_text("utf-8"))


class WorkerDied(EssentielError):
    """The child process ended while running a job (killed from outside, out of memory)."""

    code = "worker_died"


def _die_with_parent() -> None:
    """Linux: the kernel kills the child when its parent dies, even by kill -9."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _child_main(
    conn: Connection, settings: Settings, warm_up: Callable[[Pipeline], None] | None
) -> None:
    _die_with_parent()
    # Ctrl-C and the service's SIGTERM reach the process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    pipeline = Pipeline(settings)
    if warm_up is not None:
        warm_up(pipeline)
    conn.send(("ready", None))
    while True:
        try:
            func, args, kwargs = conn.recv()
        except (EOFError, OSError):
            return  # the parent has gone
        try:
            reply: tuple[str, Any] = ("ok", func(pipeline, *args, **kwargs))
        except Exception as exc:
            reply = ("error", exc)
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return
        except Exception as exc:  # an exception or result that does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


class Worker:
    """One child process; ``call`` runs a job in it and waits at most ``timeout`` seconds.

    With ``spare``, a second child loads the models beforehand and takes over at once when
    the first is killed (a new spare then loads): a stopped job costs no wait for the
    models, for the memory of one more process.

    ``call`` is for one thread at a time; ``cancel`` may come from any thread and stops the
    job in progress (its ``call`` raises ``WorkCancelled``)."""

    def __init__(
        self,
        settings: Settings,
        *,
        warm_up: Callable[[Pipeline], None] | None = None,
        start_timeout: float = START_TIMEOUT,
        spare: bool = False,
    ) -> None:
        self.settings = settings
        self.spare = spare
        self._standby: tuple[BaseProcess, Connection] | None = None
        self.warm_up = warm_up
        self.start_timeout = start_timeout
        self.restarts = 0
        self._ctx = mp.get_context("spawn")
        self._cancel = threading.Event()
        self._cancel_at: float | None = None
        self._closed = False
        self._start()

    def _spawn(self) -> tuple[BaseProcess, Connection]:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_child_main,
            args=(child, self.settings, self.warm_up),
            name="essentiel-digest",
            daemon=True,
        )
        process.start()
        child.close()
        return process, parent

    def _start(self) -> None:
        if self._standby is not None:  # already loaded (or loading): no wait for the models
            (self._process, self._conn), self._standby = self._standby, None
        else:
            self._process, self._conn = self._spawn()
        self._ready = False
        if self.spare:
            self._standby = self._spawn()

    @property
    def pid(self) -> int | None:
        pid: int | None = self._process.pid
        return pid

    def wait_ready(self) -> None:
        """Block until the child has loaded its models (its first message)."""
        if self._ready:
            return
        if not self._conn.poll(self.start_timeout):
            self._restart()
            raise WorkerDied(f"the digest process did not start in {self.start_timeout:.0f} s")
        try:
            kind, _ = self._conn.recv()
        except (EOFError, OSError):
            self._restart()
            raise WorkerDied("the digest process ended while loading its models") from None
        assert kind == "ready"
        self._ready = True

    def call(
        self, func: Callable[..., Any], *args: Any, timeout: float | None, **kwargs: Any
    ) -> Any:
        """``func(pipeline, *args, **kwargs)`` in the child. Over ``timeout`` seconds of work
        (the wait for a restarting child not counted), the child is killed and replaced and
        ``WorkTimeout`` is raised; exceptions of ``func`` are raised here as they are."""
        if self._closed:
            raise WorkerDied("the worker is closed")
        self._cancel.clear()
        self._cancel_at = None
        self.wait_ready()
        self._conn.send((func, args, kwargs))
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._poll():
            if self._cancel.is_set() and time.monotonic() >= (self._cancel_at or 0.0):
                self._restart()
                raise WorkCancelled("the request was cancelled")
            if deadline is not None and time.monotonic() >= deadline:
                self._restart()
                raise WorkTimeout(
                    f"the work took over the time budget of {timeout:g} s and was stopped"
                )
        try:
            status, value = self._conn.recv()
        except (EOFError, OSError):
            self._restart()
            raise WorkerDied("the digest process ended during the work") from None
        if status == "error":
            raise value
        return value

    def _poll(self) -> bool:
        try:
            return self._conn.poll(_POLL)
        except (OSError, ValueError):  # closed by close() from another thread
            self._cancel.set()
            return False

    def cancel(self, grace: float = 0.0) -> None:
        """Stop the job in progress, from any thread (its ``call`` raises WorkCancelled),
        unless it ends within ``grace`` seconds: killing a process costs a reload of the
        models, far more than letting a nearly done digest finish."""
        self._cancel_at = time.monotonic() + grace
        self._cancel.set()

    def _stop(self) -> None:
        self._process.kill()
        self._process.join(5)
        self._conn.close()

    def _restart(self) -> None:
        self._stop()
        if not self._closed:
            self.restarts += 1
            self._start()

    def close(self) -> None:
        """Kill the child now: whatever it was doing is abandoned."""
        self._closed = True
        self.cancel()
        self._stop()
        if self._standby is not None:
            process, conn = self._standby
            process.kill()
            process.join(5)
            conn.close()
            self._standby = None
