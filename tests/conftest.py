"""Shared fixtures. Tests that need ../shared skip only when it is absent (an outside clone)."""

from __future__ import annotations

import datetime as dt
import gzip
import importlib.util
import json
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from essentiel import Digest, Pipeline
from essentiel.model import Quote
from essentiel.pipeline import Settings
from essentiel.worker import Template, warm_up

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_19b2c24360e5fd56.txt"
ORANGESUM_VALID = SHARED / "eval-data" / "orangesum" / "orangesum_abstract_valid.jsonl.gz"
EXAMPLES = ROOT / "src" / "essentiel" / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason="../shared is not beside the checkout"
)


def load_script(relative: str) -> ModuleType:
    """A bench, training or experiments script (not a package module), loaded from its file;
    registered under its name before it runs (a dataclass in it looks its module up)."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def digest_fr(pipe: Pipeline, text: str) -> Digest:
    """A French digest of ``text`` published on a fixed day (the speaker tests' articles)."""
    return pipe.digest(text, lang="fr", published=dt.date(2025, 3, 4))


def quote_starting(digest: Digest, start: str) -> Quote:
    """The one quote of ``digest`` whose content opens on ``start``."""
    found = [q for q in digest.quotes if q.content.text.startswith(start)]
    assert len(found) == 1, [q.content.text for q in digest.quotes]
    return found[0]


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def warm_template() -> Iterator[Template]:
    """A template process that loaded the models (and digested the examples) once, for the
    service apps and batch runs of the tests (``create_app(config, template=...)``,
    ``run_batch(..., template=...)``): their digest processes are forks of it, with their
    own settings. Each app or run would otherwise start its own and load the models again,
    seconds of CPU each: the most of the suite's time. Tests of a template itself (killed,
    restarted, its load count, a slow load) start their own."""
    template = Template(Settings(), warm_up=warm_up)
    yield template
    template.close()


@pytest.fixture(scope="session")
def seed_digest(pipeline: Pipeline) -> Digest:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not beside the checkout")
    import datetime as dt

    return pipeline.digest(SEED.read_bytes(), published=dt.date(2025, 7, 4))


@pytest.fixture(scope="session")
def example_fr(pipeline: Pipeline) -> Digest:
    return pipeline.digest((EXAMPLES / "fr-orages-bretagne.txt").read_bytes())


@pytest.fixture(scope="session")
def example_en(pipeline: Pipeline) -> Digest:
    return pipeline.digest((EXAMPLES / "en-coal-plant-vote.txt").read_bytes())


def orangesum_pages(limit: int) -> Iterator[dict[str, str]]:
    with gzip.open(ORANGESUM_VALID, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i >= limit:
                return
            yield json.loads(line)


# A short French article of our own, for tests that need any digestible text.
BREST_ARTICLE = (
    "Le conseil municipal de Brest a adopté mardi soir le budget de la nouvelle médiathèque, "
    "dont l'ouverture est prévue au printemps 2027. Le chantier coûtera 14 millions d'euros, "
    "a précisé l'adjoint à la culture, Yann Kerhervé, devant une salle comble.\n\n"
    "Les élus d'opposition ont voté contre, jugeant le projet « trop éloigné des quartiers ». "
    "Une consultation des habitants sur les horaires d'ouverture aura lieu cet automne."
)


@cache
def keypoint_defects_script() -> ModuleType:
    """bench/keypoint_defects.py (the reader's measure), loaded once for the tests that read it."""
    return load_script("bench/keypoint_defects.py")
