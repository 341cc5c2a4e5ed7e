"""Full garbage collections held during a digest, one run at its end when due (issue 29:
the collector's cost per KB rose 2x from 10 KB to 2 MB)."""

from __future__ import annotations

import gc
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

import pytest

from essentiel import Pipeline
from essentiel.collection import freeze_loaded, full_collections_held


@pytest.fixture
def full_collections() -> Iterator[list[str]]:
    """The phases of generation-2 collections seen while the test runs."""
    seen: list[str] = []

    def watch(phase: str, info: dict[str, Any]) -> None:
        if info["generation"] == 2:
            seen.append(phase)

    gc.collect()
    gc.callbacks.append(watch)
    try:
        yield seen
    finally:
        gc.callbacks.remove(watch)


def test_the_old_generation_threshold_is_lifted_inside_and_restored_after() -> None:
    before = gc.get_threshold()
    with full_collections_held():
        inside = gc.get_threshold()
        with full_collections_held():  # a digest in another thread: the hold is shared
            assert gc.get_threshold() == inside
        assert gc.get_threshold() == inside
    assert inside[0] == max(before[0], 5_000)  # fewer young collections (issue 31)
    assert inside[1] == before[1]
    assert inside[2] > 1_000_000
    assert gc.get_threshold() == before


def test_a_full_collection_due_during_the_hold_runs_once_at_its_end(
    full_collections: list[str],
) -> None:
    threshold = gc.get_threshold()[2]
    with full_collections_held():
        for _ in range(threshold + 2):
            gc.collect(1)  # each counts towards the next full collection, as the interpreter's do
        assert gc.get_count()[2] > threshold
        assert full_collections == []  # nothing forced inside
    assert full_collections == ["start", "stop"]
    assert gc.get_count()[2] == 0


def test_no_full_collection_at_the_end_when_none_was_due(full_collections: list[str]) -> None:
    with full_collections_held():
        gc.collect(1)
    assert full_collections == []


def test_the_threshold_is_restored_when_the_digest_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), full_collections_held():
        raise RuntimeError("a digest that fails")
    assert gc.get_threshold() == before


def test_a_digest_leaves_the_collector_as_it_found_it() -> None:
    before = gc.get_threshold()
    text = (
        "Le conseil municipal de Quimper a voté mardi soir un budget de 4,2 millions d'euros "
        "pour rénover la piscine du quartier de Kerfeunteun, fermée depuis l'été. "
        "« Les travaux commenceront en mars », a déclaré la maire, Isabelle Le Goff. "
        "L'opposition a voté contre, jugeant le projet trop coûteux pour la commune."
    )
    Pipeline().digest(text, lang="fr")
    assert gc.get_threshold() == before


class _Held:
    """A tracked object (a class instance with a dict) standing for a model's."""


def test_what_is_alive_when_a_model_is_loaded_is_out_of_the_collectors_reach() -> None:
    held = _Held()
    assert gc.is_tracked(held)
    assert any(o is held for o in gc.get_objects())
    freeze_loaded()
    try:
        # A full collection walks gc.get_objects()'s generations, never the frozen one.
        assert not any(o is held for o in gc.get_objects())
    finally:
        gc.unfreeze()


def test_each_model_is_frozen_once_loaded() -> None:
    # A fresh process: the models the other tests loaded are cached in this one.
    script = textwrap.dedent(
        """
        import gc
        from essentiel.analyze import pipeline
        from essentiel.keypoints.features import embedder
        from essentiel.keypoints.learned import load_selector

        for load in (lambda: pipeline("fr"), embedder, load_selector):
            model = load()
            assert not any(o is model for o in gc.get_objects()), load
        print(gc.get_freeze_count())
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) > 100_000  # spaCy's pipeline alone is hundreds of thousands


def test_free_memory_goes_back_to_the_system_every_trim_every_digests(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from essentiel import collection

    if sys.platform.startswith("linux") and "glibc" in " ".join(platform_libc()):
        assert collection.malloc_trim is not None
        assert collection.malloc_trim(0) in (0, 1)  # the real call, harmless
    calls: list[int] = []
    monkeypatch.setattr(collection, "malloc_trim", lambda pad: calls.append(pad) or 1)
    monkeypatch.setattr(collection, "_digests", 0)
    for _ in range(2 * collection.TRIM_EVERY + 1):
        collection.digest_ended()
    assert calls == [0, 0]


def platform_libc() -> tuple[str, str]:
    import platform

    return platform.libc_ver()
