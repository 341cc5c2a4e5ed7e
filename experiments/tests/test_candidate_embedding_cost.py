"""The embedding-cost variants run the pipeline's own code and put it back afterwards."""

from __future__ import annotations

import pytest
from tests.conftest import load_script

ROW = {
    "title": "Quimper : le conseil municipal vote un budget en hausse",
    "text": (
        "Le conseil municipal de Quimper a voté lundi soir un budget de 48,5 millions d'euros. "
        "La hausse tient surtout aux travaux du pont de l'Odet, prévus pour le printemps. "
        "« C'est une décision responsable », a déclaré le maire, Jean-Yves Le Goff. "
        "L'opposition a voté contre, dénonçant une dette qui atteindra 60 millions en 2028. "
        "Les riverains du pont seront reçus en mairie le 12 mars pour une réunion publique. "
        "Le chantier doit durer dix-huit mois et fermera le pont aux voitures tout l'été."
    ),
}


def test_cost_and_positions_print_each_variant_and_restore_the_pipeline(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import essentiel.keypoints as keypoints
    import essentiel.pipeline as pipeline_module

    script = load_script("experiments/candidate_embedding_cost.py")
    shipped = (vars(keypoints)["score_learned"], vars(pipeline_module)["build_keypoints"])
    script.cost([ROW, ROW], [8])
    script.positions([ROW])
    out = capsys.readouterr().out
    for name in ("before", "passed", "cap-8"):
        assert f"{name} " in out and "boxes differing from before: 0/2" in out
    assert "1 pages" in out and "embedded per page" in out
    assert (vars(keypoints)["score_learned"], vars(pipeline_module)["build_keypoints"]) == shipped
