"""Child processes that hold the models and run one job at a time, under a time budget.

Why a process: a digest runs in spaCy's and the regex engine's C code, which a Python thread
cannot interrupt. A job that goes over its budget (or whose caller has gone) is stopped by
killing the process that runs it, and the next job runs in a clean one. Used by the service
(one per worker) and by batch (one per ``--workers``).

Why a template: loading the models costs seconds of CPU (spaCy's pipelines, the sentence
encoder, the selector), and on a busy machine far more of wall-clock time; a process started
afresh after every stopped job made every request behind it wait that long (docs/
benchmarks.md: on one worker, normal requests' p95 went from 3.9 to 84.8 s beside a hostile
client). So one process, the template, loads the models once and never runs a job; each
digest process is a ``fork()`` of it, models already in memory (copy-on-write pages, shared
until written), ready in milliseconds. A stopped job costs a fork, not a reload.

Fork safety: the template runs no thread of its own (a fork copies only the forking thread;
a lock held by another one would stay locked in the child). Its native libraries are held to
one thread (essentiel.threads) before any model runs: OpenMP (LightGBM) then never starts a
pool, and OpenBLAS stops and restarts its own around a fork. ``gc.freeze()`` moves the
loaded objects out of the garbage collector's reach, so that a child's collections neither
scan nor write them (which would copy their pages).

A job is a top-level function whose first parameter is the child's ``Pipeline``; it and its
arguments travel by pickle.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing as mp
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from importlib import resources as package_files
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import recv_handle, send_handle
from typing import Any

from essentiel.errors import EssentielError, WorkCancelled, WorkTimeout
from essentiel.pipeline import Pipeline, Settings

# Loading the models takes seconds, not minutes; far beyond it the template is stuck.
START_TIMEOUT = 600.0
_POLL = 0.1  # how often a waiting call looks at its deadline and at cancel()
# A fork and a reply over a local socket take milliseconds; beyond this the template is stuck.
_TEMPLATE_REPLY = 30.0


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
    """Linux: the kernel kills this process when its parent dies, even by kill -9."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


# ---- in the template process ----------------------------------------------------------------


def _template_main(
    control: Connection, settings: Settings, warm_up: Callable[[Pipeline], None] | None
) -> None:
    """Load the models, then fork a digest process on each request, until the parent goes."""
    _die_with_parent()
    # Ctrl-C and the service's SIGTERM reach the process group: the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    pipeline = Pipeline(settings)
    if warm_up is not None:
        warm_up(pipeline)
    gc.collect()
    gc.freeze()  # the models' objects: never scanned (nor their pages copied) by a child's gc
    control.send(("ready", None))
    children: set[int] = set()
    while True:
        try:
            command, argument = control.recv()
        except (EOFError, OSError):  # the parent has gone: so do the digest processes
            for pid in children:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            return
        _reap(children)
        if command == "fork":
            fd = recv_handle(control)
            pid = os.fork()
            if pid == 0:  # the digest process
                try:
                    control.close()
                    _die_with_parent()  # not inherited across fork()
                    if os.getppid() == 1:  # the template died before prctl took effect
                        os._exit(1)
                    # Other settings than the template's: a pipeline of their own, on the
                    # models already loaded (they are cached per process, not per pipeline).
                    _child_main(Connection(fd), Pipeline(argument) if argument else pipeline)
                finally:
                    os._exit(0)  # never the template's exit handlers
            os.close(fd)
            children.add(pid)
            control.send(("forked", pid))
        elif command == "kill":
            if argument in children:
                with contextlib.suppress(OSError):
                    os.kill(argument, signal.SIGKILL)
                    os.waitpid(argument, 0)
                children.discard(argument)
            control.send(("killed", argument))


def _reap(children: set[int]) -> None:
    """Collect the digest processes that ended on their own (their parent went away)."""
    for pid in list(children):
        with contextlib.suppress(ChildProcessError):
            done, _ = os.waitpid(pid, os.WNOHANG)
            if not done:
                continue
        children.discard(pid)


# ---- in a digest process --------------------------------------------------------------------


def _child_main(conn: Connection, pipeline: Pipeline) -> None:
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


# ---- in the parent --------------------------------------------------------------------------


class Template:
    """The process that loads the models once and forks digest processes from them.

    Thread-safe: several ``Worker`` objects (batch's ``--workers``, the service's digest
    processes) may share one. ``loads`` counts the times the models were loaded: 1 unless the
    template itself died (killed from outside) and was started again."""

    def __init__(
        self,
        settings: Settings,
        *,
        warm_up: Callable[[Pipeline], None] | None = None,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        self.settings = settings
        self.warm_up = warm_up
        self.start_timeout = start_timeout
        self.loads = 0
        self._ctx = mp.get_context("spawn")
        self._lock = threading.Lock()
        self._closed = False
        self._start()

    def _start(self) -> None:
        control, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_template_main,
            args=(child, self.settings, self.warm_up),
            name="essentiel-template",
            daemon=True,
        )
        process.start()
        child.close()
        self._process: BaseProcess = process
        self._control = control
        self._ready = False
        self.loads += 1

    @property
    def pid(self) -> int | None:
        pid: int | None = self._process.pid
        return pid

    def _wait_ready(self) -> None:
        if self._ready:
            return
        if not self._control.poll(self.start_timeout):
            self._replace()
            raise WorkerDied(f"the digest process did not start in {self.start_timeout:.0f} s")
        try:
            kind, _ = self._control.recv()
        except (EOFError, OSError):
            self._replace()
            raise WorkerDied("the digest process ended while loading its models") from None
        assert kind == "ready"
        self._ready = True

    def _replace(self) -> None:
        self._stop()
        if not self._closed:
            self._start()

    def _ask(self, command: str, argument: Any, fd: int | None = None) -> Any:
        self._control.send((command, argument))
        if fd is not None:
            send_handle(self._control, fd, self._process.pid or 0)
        if not self._control.poll(_TEMPLATE_REPLY):
            raise EOFError("the template did not answer")
        _, value = self._control.recv()
        return value

    def wait_ready(self) -> None:
        """Block until the models are loaded."""
        with self._lock:
            self._wait_ready()

    def fork(self, settings: Settings | None = None) -> tuple[int, Connection]:
        """A new digest process, models loaded: its pid and the connection to it. Its
        pipeline has ``settings`` when given and not the template's (a ``Worker`` passes its
        own), else the template's own pipeline."""
        wanted = None if settings is None or settings == self.settings else settings
        with self._lock:
            if self._closed:
                raise WorkerDied("the worker is closed")
            for attempt in (1, 2):
                self._wait_ready()
                ours, theirs = self._ctx.Pipe()
                try:
                    pid: int = self._ask("fork", wanted, theirs.fileno())
                except (EOFError, OSError):
                    ours.close()
                    if attempt == 2:
                        raise WorkerDied("the template process ended") from None
                    self._replace()  # killed from outside: load the models once more
                    continue
                finally:
                    theirs.close()
                return pid, ours
        raise AssertionError("unreachable")

    def kill(self, pid: int) -> None:
        """Kill one of the digest processes and wait until it has gone."""
        with self._lock:
            if not self._ready or not self._process.is_alive():
                return  # a template that died took its digest processes with it
            with contextlib.suppress(EOFError, OSError):
                self._ask("kill", pid)

    def _stop(self) -> None:
        self._process.kill()
        self._process.join(5)
        self._control.close()

    def close(self) -> None:
        """Kill the template (its digest processes die with it)."""
        with self._lock:
            self._closed = True
            self._stop()


class Worker:
    """One digest process; ``call`` runs a job in it and waits at most ``timeout`` seconds.

    The process is a fork of ``template`` (a ``Template`` of its own when none is given): a
    job stopped for its budget is followed at once by a fresh process with the models loaded.
    Its pipeline has this worker's ``settings``, whatever the template's.
    With ``spare``, that process is forked beforehand and waits, sparing even the fork.

    ``call`` is for one thread at a time; ``cancel`` may come from any thread and stops the
    job in progress (its ``call`` raises ``WorkCancelled``)."""

    def __init__(
        self,
        settings: Settings,
        *,
        warm_up: Callable[[Pipeline], None] | None = None,
        start_timeout: float = START_TIMEOUT,
        spare: bool = False,
        template: Template | None = None,
    ) -> None:
        self.settings = settings
        self.spare = spare
        self._own_template = template is None
        self.template = template or Template(settings, warm_up=warm_up, start_timeout=start_timeout)
        self._child: tuple[int, Connection] | None = None
        self._standby: tuple[int, Connection] | None = None
        self.restarts = 0
        self._cancel = threading.Event()
        self._cancel_at: float | None = None
        self._closed = False

    @property
    def loads(self) -> int:
        """Times the models were loaded for this worker's processes (see ``Template``)."""
        return self.template.loads

    @property
    def pid(self) -> int | None:
        """The digest process's pid (None before ``wait_ready``)."""
        return self._child[0] if self._child else None

    def wait_ready(self) -> None:
        """Block until a digest process is there, its models loaded."""
        if self._child is None:
            if self._standby is not None:
                self._child, self._standby = self._standby, None
            else:
                self._child = self._ready_child()
        if self.spare and self._standby is None:
            self._standby = self._ready_child()

    def _ready_child(self) -> tuple[int, Connection]:
        pid, conn = self.template.fork(self.settings)
        if not conn.poll(_TEMPLATE_REPLY):
            self.template.kill(pid)
            conn.close()
            raise WorkerDied("the digest process did not start")
        try:
            conn.recv()  # ("ready", None)
        except (EOFError, OSError):
            conn.close()
            raise WorkerDied("the digest process ended as it started") from None
        return pid, conn

    def call(
        self, func: Callable[..., Any], *args: Any, timeout: float | None, **kwargs: Any
    ) -> Any:
        """``func(pipeline, *args, **kwargs)`` in the child. Over ``timeout`` seconds of work
        (the wait for the models at start-up not counted), the child is killed and replaced
        and ``WorkTimeout`` is raised; exceptions of ``func`` are raised here as they are."""
        if self._closed:
            raise WorkerDied("the worker is closed")
        self._cancel.clear()
        self._cancel_at = None
        self.wait_ready()
        assert self._child is not None
        conn = self._child[1]  # close() from another thread may clear self._child meanwhile
        try:
            conn.send((func, args, kwargs))
        except (OSError, ValueError):  # ended since its last job (killed from outside)
            self._restart()
            raise WorkerDied("the digest process had ended") from None
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self._poll(conn):
            if self._cancel.is_set() and time.monotonic() >= (self._cancel_at or 0.0):
                self._restart()
                raise WorkCancelled("the request was cancelled")
            if deadline is not None and time.monotonic() >= deadline:
                self._restart()
                raise WorkTimeout(
                    f"the work took over the time budget of {timeout:g} s and was stopped"
                )
        try:
            status, value = conn.recv()
        except (EOFError, OSError):
            self._restart()
            raise WorkerDied("the digest process ended during the work") from None
        if status == "error":
            raise value
        return value

    def _poll(self, conn: Connection) -> bool:
        try:
            return conn.poll(_POLL)
        except (OSError, ValueError):  # closed by close() from another thread
            self._cancel.set()
            return False

    def cancel(self, grace: float = 0.0) -> None:
        """Stop the job in progress, from any thread (its ``call`` raises WorkCancelled),
        unless it ends within ``grace`` seconds: a nearly done digest is worth finishing."""
        self._cancel_at = time.monotonic() + grace
        self._cancel.set()

    def _kill(self, child: tuple[int, Connection] | None) -> None:
        if child is not None:
            pid, conn = child
            self.template.kill(pid)
            conn.close()

    def _restart(self) -> None:
        """Kill the digest process; the next call gets a fresh fork (or the spare)."""
        child, self._child = self._child, None
        self._kill(child)
        if not self._closed:
            self.restarts += 1

    def close(self) -> None:
        """Kill the child now: whatever it was doing is abandoned."""
        self._closed = True
        self.cancel()
        child, self._child = self._child, None
        standby, self._standby = self._standby, None
        if self._own_template:
            self.template.close()  # its digest processes die with it
            for c in (child, standby):
                if c is not None:
                    c[1].close()
        else:
            self._kill(child)
            self._kill(standby)
