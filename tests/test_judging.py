"""bench/judging.py: the blind file, its key kept apart, the seeded shuffle and the scoring of
a judge's answers (original articles written for the test)."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .conftest import load_script

ROWS = [
    {
        "id": "t-1",
        "lang": "fr",
        "title": "Grenoble : un incendie détruit un entrepôt de meubles",
        "text": (
            "Un incendie a détruit mardi soir un entrepôt de meubles de 4.000 mètres carrés "
            "dans la zone industrielle de Grenoble. Quatre-vingts pompiers ont lutté pendant "
            "six heures contre les flammes, selon la préfecture de l'Isère. Aucun blessé "
            "n'est à déplorer. Le propriétaire, Marc Vidal, estime les pertes à deux "
            "millions d'euros. Une enquête a été ouverte pour déterminer l'origine du feu."
        ),
        "reference_summary": "Un entrepôt de meubles a brûlé mardi à Grenoble. Aucun blessé.",
        "system_outputs": {"sysx": "un entrepôt a brûlé à grenoble ."},
    },
    {
        "id": "t-2",
        "lang": "fr",
        "title": "Lyon : la ligne D du métro fermée trois jours",
        "text": (
            "La ligne D du métro lyonnais sera fermée du vendredi au dimanche pour des travaux "
            "de modernisation, a annoncé jeudi l'opérateur des transports. Des bus de "
            "substitution desserviront les quinze stations concernées. Les travaux coûteront "
            "12 millions d'euros, financés par la métropole. La circulation reprendra lundi "
            "matin à 5 heures."
        ),
        "reference_summary": "Travaux sur la ligne D du métro de Lyon ce week-end.",
        "system_outputs": {"sysx": "la ligne d du métro sera fermée trois jours ."},
    },
    {
        "id": "t-3",
        "lang": "fr",
        "title": "Nantes : le festival de jazz bat son record",
        "text": (
            "Le festival de jazz de Nantes a accueilli 85.000 spectateurs en quatre jours, un "
            "record depuis sa création en 1998. La directrice, Claire Moreau, s'est félicitée "
            "dimanche d'une « édition exceptionnelle ». Trente concerts étaient gratuits. La "
            "prochaine édition aura lieu en juin."
        ),
        "reference_summary": "Le festival de jazz de Nantes a attiré 85.000 spectateurs.",
        "system_outputs": {"sysx": "le festival a battu son record ."},
    },
]


@pytest.fixture(scope="module")
def judging() -> ModuleType:
    return load_script("bench/judging.py")


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("judging") / "articles.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS))
    return path


def build(judging: ModuleType, data: Path, out: Path, seed: int, *extra: str) -> int:
    return judging.main(
        ["build", "--data", str(data), "--seed", str(seed), "--lead", "2", "--lead", "3",
         "--blind", str(out / "blind.json"), "--key", str(out / "key.json"), *extra]
    )  # fmt: skip


@pytest.fixture(scope="module")
def built(judging: ModuleType, data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("run")
    assert build(judging, data, out, 7, "--record", str(out / "used.jsonl")) == 0
    return out


def answers(key: dict[str, Any], first: str) -> list[dict[str, Any]]:
    """A judge's answers ranking ``first`` first and the others in label order."""
    judged = []
    for entry in key["items"]:
        order = sorted(entry["labels"], key=lambda lab: (first not in entry["labels"][lab], lab))
        row: dict[str, Any] = {"item": entry["item"]}
        for rank, label in enumerate(order, 1):
            faithful = 0 if "sysx" in entry["labels"][label] else 1
            row[label] = {
                "faithful": faithful,
                "errors": "invented" if not faithful else "",
                "informativeness": 5 if rank == 1 else 3,
                "readability": 4,
                "rank": rank,
            }
        judged.append(row)
    return judged


def test_build_then_score_round_trip(judging: ModuleType, built: Path) -> None:
    blind = json.loads((built / "blind.json").read_text())
    key = json.loads((built / "key.json").read_text())
    assert [b["item"] for b in blind] == [1, 2, 3]
    assert key["slice"]["ids"] == ["t-1", "t-2", "t-3"]
    systems = {n for e in key["items"] for names in e["labels"].values() for n in names}
    assert {"essentiel", "lead-2", "lead-3", "reference", "sysx"} <= systems
    report = judging.score(key, answers(key, "essentiel"))
    by = {s["system"]: s for s in report["systems"]}
    assert by["essentiel"]["ranked_first"] == 3 and by["essentiel"]["mean_rank"] == 1.0
    assert by["essentiel"]["informativeness"] == 5.0
    assert by["sysx"]["faithful"] == 0 and len(by["sysx"]["unfaithful"]) == 3
    assert by["reference"]["faithful"] == 3
    # Ours above every other system in every article, unless they wrote the same text.
    for name, row in by.items():
        if name != "essentiel":
            vs = row["ours_ranked"]
            assert vs["below"] == 0 and vs["above"] + vs["level"] == 3
    # Unblinded the other way round: the scores follow the key, not the labels.
    flipped = {s["system"]: s for s in judging.score(key, answers(key, "sysx"))["systems"]}
    assert flipped["sysx"]["ranked_first"] == 3 and flipped["essentiel"]["ranked_first"] == 0
    assert (built / "used.jsonl").read_text().count("t-2") == 1


def test_blind_file_names_no_system(built: Path) -> None:
    text = (built / "blind.json").read_text().lower()
    for name in ("essentiel", "lead", "reference", "sysx", "t-1", "seed"):
        assert name not in text
    for item in json.loads((built / "blind.json").read_text()):
        assert set(item) == {"item", "title", "article", "summaries"}  # the rows have no date
        assert sorted(item["summaries"]) == [chr(65 + i) for i in range(len(item["summaries"]))]
        assert all(isinstance(s, list) for s in item["summaries"].values())
    # Tokenised spacing closed up: « grenoble . » would tell the judge a system wrote it.
    assert " ." not in text


def test_shuffle_is_seeded(judging: ModuleType, data: Path, built: Path, tmp_path: Path) -> None:
    again, other = tmp_path / "again", tmp_path / "other"
    assert build(judging, data, again, 7) == 0
    assert build(judging, data, other, 8) == 0
    assert (again / "blind.json").read_text() == (built / "blind.json").read_text()
    key = json.loads((built / "key.json").read_text())
    assert json.loads((again / "key.json").read_text())["items"] == key["items"]
    assert json.loads((other / "key.json").read_text())["items"] != key["items"]


def test_used_ids_are_left_out(
    judging: ModuleType, data: Path, built: Path, tmp_path: Path
) -> None:
    used = built / "used.jsonl"
    assert build(judging, data, tmp_path, 7, "--exclude-ids", str(used)) == 2  # nothing left
    assert build(judging, data, tmp_path, 7, "--ids", "t-2", "--exclude-ids", str(used)) == 2
    (tmp_path / "first.txt").write_text("t-1\n")
    assert build(judging, data, tmp_path, 7, "--exclude-ids", str(tmp_path / "first.txt"),
                 "--documents", "1") == 0  # fmt: skip
    assert json.loads((tmp_path / "key.json").read_text())["slice"]["ids"] == ["t-2"]


@pytest.mark.parametrize(
    ("spoil", "message"),
    [
        (lambda j: j.pop(), "items not judged"),
        (lambda j: j.append(dict(j[0])), "judged twice"),
        (lambda j: j[0].pop("A"), "missing labels"),
        (lambda j: j[0].update(Z=j[0]["A"]), "labels not in this item"),
        (lambda j: j[0]["A"].update(informativeness=6), "informativeness must be 1–5"),
        (lambda j: j[0]["B"].update(readability="4"), "readability must be 1–5"),
        (lambda j: j[0]["A"].update(faithful=2), "faithful must be 0 or 1"),
        (lambda j: j[0]["A"].update(faithful=0, errors=""), "say the errors"),
        (lambda j: j[0]["A"].update(rank=j[0]["B"]["rank"]), "each once"),
        (lambda j: j[1].update(item=99), "unknown item"),
    ],
)
def test_bad_judgments_are_refused(
    judging: ModuleType, built: Path, tmp_path: Path, spoil: Any, message: str
) -> None:
    key = json.loads((built / "key.json").read_text())
    judged = answers(key, "essentiel")
    spoil(judged)
    with pytest.raises(judging.JudgingError, match=message):
        judging.score(key, judged)
    path = tmp_path / "judged.json"
    path.write_text(json.dumps(judged))
    assert judging.main(["score", "--key", str(built / "key.json"), "--judgments", str(path)]) == 2


def test_judgments_must_be_a_list(judging: ModuleType, built: Path) -> None:
    key = json.loads((built / "key.json").read_text())
    with pytest.raises(judging.JudgingError, match="JSON list"):
        judging.score(key, {"item": 1})


def test_the_publication_date_is_shown_when_known(judging: ModuleType, tmp_path: Path) -> None:
    # A bracketed day of the key points (« mercredi [22 janvier] ») rests on it.
    dated = tmp_path / "dated.jsonl"
    row = {**ROWS[1], "date": "2020-01-23"}
    dated.write_text(json.dumps(row, ensure_ascii=False) + "\n")
    assert build(judging, dated, tmp_path, 3) == 0
    (item,) = json.loads((tmp_path / "blind.json").read_text())
    assert item["published"] == "2020-01-23"
    assert list(item) == ["item", "title", "published", "article", "summaries"]


def test_news_without_a_summary_of_its_own_is_judged_without_a_reference(
    judging: ModuleType, tmp_path: Path
) -> None:
    # Gender Gap Tracker articles carry no summary: ours and the leads are judged alone.
    bare = tmp_path / "bare.jsonl"
    row = {k: v for k, v in ROWS[0].items() if k not in ("reference_summary", "system_outputs")}
    bare.write_text(json.dumps(row, ensure_ascii=False) + "\n")
    assert build(judging, bare, tmp_path, 5) == 0
    (entry,) = json.loads((tmp_path / "key.json").read_text())["items"]
    systems = {name for names in entry["labels"].values() for name in names}
    assert "reference" not in systems
    assert "essentiel" in systems and "lead-2" in systems


def test_the_engine_s_evaluation_still_needs_a_reference(tmp_path: Path) -> None:
    from essentiel.evaluation.data import EvalDataError, read_items

    bare = tmp_path / "bare.jsonl"
    row = {k: v for k, v in ROWS[0].items() if k != "reference_summary"}
    bare.write_text(json.dumps(row, ensure_ascii=False) + "\n")
    with pytest.raises(EvalDataError, match="no reference"):
        list(read_items(bare))
