"""The digest processes: forks of a template that loaded the models once, so that a job
stopped for its budget (or killed from outside) is followed at once by a fresh process with
the models in memory, never by a reload (issue 29: on one worker a stopped digest made the
requests behind it wait for the models, p95 3.9 -> 84.8 s)."""

from __future__ import annotations

import os
import signal
import time

import pytest

from essentiel.errors import WorkTimeout
from essentiel.pipeline import Pipeline, Settings
from essentiel.service.engine import digest_job, sleep_job
from essentiel.worker import Template, Worker, WorkerDied

ARTICLE = (
    "Le conseil départemental du Finistère a voté jeudi une aide de 3,2 millions d'euros pour "
    "les ports de pêche de Douarnenez et du Guilvinec, touchés par la hausse du gazole. "
    "« Sans ce soutien, une vingtaine de bateaux resteraient à quai cet hiver », a estimé "
    "le président de la commission maritime, Erwan Le Goff.\n\n"
    "Les armateurs réclamaient depuis le printemps un plan d'urgence. La région doit annoncer "
    "sa propre enveloppe le 14 novembre, après une réunion avec les comités des pêches."
)


def slow_warm_up(_: Pipeline) -> None:
    # A load that takes seconds, as the models' does: longer than the bound on a takeover
    # below, so that a takeover which loaded again could not pass.
    time.sleep(6)


def where(_: Pipeline) -> tuple[int, int]:
    """The digest process's pid and its parent's."""
    return os.getpid(), os.getppid()


def test_a_stopped_job_is_followed_by_one_served_without_loading_the_models() -> None:
    worker = Worker(Settings(), warm_up=slow_warm_up)
    try:
        first, template = worker.call(where, timeout=None)
        assert template == worker.template.pid  # a fork of the template
        with pytest.raises(WorkTimeout):
            worker.call(sleep_job, 60.0, timeout=0.5)
        started = time.monotonic()
        pid, parent = worker.call(where, timeout=None)
        waited = time.monotonic() - started
        assert pid != first  # the stopped process is gone, a fresh one took over
        assert parent == template  # forked from the same template: its models
        assert worker.loads == 1 and worker.restarts == 1
        assert waited < 4.0  # not the 6 s a load takes here
    finally:
        worker.close()


def test_a_spare_is_forked_beforehand_and_takes_over() -> None:
    worker = Worker(Settings(), spare=True)
    try:
        worker.wait_ready()
        assert worker._standby is not None
        spare_pid = worker._standby[0]
        with pytest.raises(WorkTimeout):
            worker.call(sleep_job, 60.0, timeout=0.2)
        assert worker.call(where, timeout=None)[0] == spare_pid
        assert worker.loads == 1
    finally:
        worker.close()


def test_a_template_killed_from_outside_is_started_again() -> None:
    worker = Worker(Settings())
    try:
        worker.wait_ready()
        child = worker.pid
        os.kill(worker.template.pid or 0, signal.SIGKILL)
        # Its digest process dies with it (PR_SET_PDEATHSIG): the job in flight fails cleanly.
        with pytest.raises(WorkerDied):
            worker.call(sleep_job, 30.0, timeout=60.0)
        pid, parent = worker.call(where, timeout=None)
        assert pid != child and parent == worker.template.pid
        assert worker.loads == 2  # a new template, which loaded the models again
    finally:
        worker.close()


def test_workers_sharing_a_template_run_in_their_own_processes() -> None:
    template = Template(Settings())
    workers = [Worker(Settings(), template=template) for _ in range(2)]
    try:
        a, b = (w.call(where, timeout=None) for w in workers)
        assert a[0] != b[0] and a[1] == b[1] == template.pid
        with pytest.raises(WorkTimeout):
            workers[0].call(sleep_job, 60.0, timeout=0.2)
        assert workers[1].call(where, timeout=None) == b  # the other one untouched
        assert template.loads == 1
    finally:
        for w in workers:
            w.close()
        template.close()


def test_a_fork_digests_as_the_template_would_after_a_stop(
    warm_template: Template,
) -> None:
    """Fork safety with the real models (BLAS, OpenMP in LightGBM, spaCy): a forked process
    digests, and one forked after a stop gives the same digest; a hang would hit the budget.
    The template is the session's (conftest), which loaded the models with ``warm_up``."""
    worker = Worker(Settings(), template=warm_template)
    try:
        first = worker.call(digest_job, ARTICLE, timeout=120.0)
        with pytest.raises(WorkTimeout):
            worker.call(sleep_job, 60.0, timeout=0.2)
        again = worker.call(digest_job, ARTICLE, timeout=120.0)
        assert again.model_dump() == first.model_dump()
        assert len(first.keypoints) >= 2
        assert worker.loads == 1
    finally:
        worker.close()


def test_a_worker_s_settings_reach_its_fork_of_another_template(warm_template: Template) -> None:
    """A fork of a template with other settings digests with its worker's (here a byte limit
    under the article's size), on the models the template loaded."""
    from essentiel.errors import InputTooLarge

    worker = Worker(Settings(max_bytes=100), template=warm_template)
    try:
        assert warm_template.settings.max_bytes > len(ARTICLE.encode())
        with pytest.raises(InputTooLarge):
            worker.call(digest_job, ARTICLE, timeout=120.0)
        assert worker.loads == 1
    finally:
        worker.close()
