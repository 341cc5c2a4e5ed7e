"""The checking package's import paths: the new ones, and the old ones kept with a warning."""

from __future__ import annotations

import importlib
import sys

import pytest

import essentiel
from essentiel.check import Checker, Verifier, check
from essentiel.check.checker import Checker as CheckerFromModule
from essentiel.check.claims import ClaimReader
from essentiel.check.verifier import Verifier as VerifierFromModule


def test_essentiel_check_is_still_the_function() -> None:
    # The package essentiel.check must not shadow the public function of the same name.
    assert callable(essentiel.check)
    assert essentiel.check is check
    assert essentiel.Checker is Checker is CheckerFromModule
    assert Verifier is VerifierFromModule
    assert issubclass(Verifier, ClaimReader)


@pytest.mark.parametrize(
    ("old", "new", "names"),
    [
        ("essentiel.verify", "essentiel.check.verifier", ["Verifier", "clauses", "_fold"]),
        ("essentiel.checker", "essentiel.check.checker", ["Checker", "split_summary", "_BULLET"]),
        (
            "essentiel.checker_model",
            "essentiel.check.learned_score",
            ["FEATURE_NAMES", "load_checker_model", "_tokens"],
        ),
    ],
)
def test_old_paths_import_the_same_objects_and_warn(old: str, new: str, names: list[str]) -> None:
    sys.modules.pop(old, None)
    with pytest.warns(DeprecationWarning, match=new.replace(".", r"\.")):
        module = importlib.import_module(old)
    for name in names:
        found = getattr(module, name)
        home = next(
            m
            for m in ("essentiel.check.verifier", "essentiel.check.claims", new)
            if hasattr(sys.modules[m], name)
        )
        assert found is getattr(sys.modules[home], name)
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018
