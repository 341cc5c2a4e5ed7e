"""The timed copy of the encoder's batch step is the encoder's own computation."""

from __future__ import annotations

import numpy as np
from tests.conftest import load_script

TEXTS = [
    "La communauté de communes a voté jeudi la gratuité des bus le samedi, dès le 1er mars.",
    "« Nous voulons faire revenir les habitants dans le centre », a expliqué sa présidente.",
    "L'opposition dénonce une mesure coûteuse, chiffrée à 320 000 euros par an.",
    "Les commerçants du marché couvert saluent une bonne nouvelle.",
]


def test_the_timed_copy_gives_the_encoder_s_vectors_and_times_each_step() -> None:
    script = load_script("experiments/encoder_costs.py")
    from essentiel.keypoints.features import embedder

    model = embedder()
    backend = model._model._backend
    expected = model.encode(TEXTS)
    clock = script.StepClock()
    backend._encode_batch = script.timed_encode_batch(backend, clock)
    try:
        again = model.encode(TEXTS)
    finally:
        del backend._encode_batch
    assert np.array_equal(again, expected)
    assert {"branch products", "window gathers", "layer norm", "dense layers"} <= set(clock.seconds)
    assert all(seconds >= 0 for seconds in clock.seconds.values())


def test_branch_flops_count_the_six_products() -> None:
    script = load_script("experiments/encoder_costs.py")
    # Orders 2, 3 and 5, two products each of (tokens, n*256) by (n*256, 256).
    assert script.branch_flops(1) == 2 * 2 * (2 + 3 + 5) * 256 * 256
