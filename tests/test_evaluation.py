"""The evaluation harness: ROUGE against hand-computed values, the oracle, data reading,
baselines and the `essentiel eval` command."""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from essentiel.cli import app
from essentiel.evaluation.baselines import graph_rank, lead
from essentiel.evaluation.data import EvalDataError, add_where_option, parse_where, read_items
from essentiel.evaluation.rouge import UnicodeTokenizer, rouge, rouge_n_f1, split_reference

from .conftest import EXAMPLES, load_script


def test_rouge_matches_hand_computed_values() -> None:
    # unigrams: le, chat shared of 3 each -> P = R = 2/3; bigrams: "le chat" of 2 -> 1/2;
    # LCS "le chat" -> 2/3.
    scores = rouge(["Le chat mange."], ["Le chat dort."])
    for tok in ("rouge-score", "unicode"):
        assert scores[tok, "rouge1"] == pytest.approx(200 / 3)
        assert scores[tok, "rouge2"] == pytest.approx(50.0)
        assert scores[tok, "rougeL"] == pytest.approx(200 / 3)


def test_default_tokenizer_splits_accented_words_and_unicode_does_not() -> None:
    # rouge-score: "la s curit routi re" vs "la s curit": P 3/5, R 3/3 -> F 0.75.
    # Unicode words: "la sécurité routière" vs "la sécurité": P 2/3, R 1 -> F 0.8.
    scores = rouge(["La sécurité routière"], ["La sécurité"])
    assert scores["rouge-score", "rouge1"] == pytest.approx(75.0)
    assert scores["unicode", "rouge1"] == pytest.approx(80.0)
    assert UnicodeTokenizer().tokenize("L'Élysée, 550 engins") == ["l", "élysée", "550", "engins"]


def test_rouge_lsum_uses_one_line_per_sentence() -> None:
    # Summary-level LCS: each reference sentence is matched by the union of its LCS with
    # every summary line; here each line matches one reference sentence exactly.
    summary = ["la pluie tombe", "le vent souffle"]
    reference = ["le vent souffle", "la pluie tombe"]
    assert rouge(summary, reference)["unicode", "rougeLsum"] == pytest.approx(100.0)
    # As one line the LCS can only follow one order: 3 of 6 tokens.
    assert rouge([" ".join(summary)], [" ".join(reference)])["unicode", "rougeL"] == (
        pytest.approx(50.0)
    )


def test_rouge_n_f1_and_empty_inputs() -> None:
    assert rouge_n_f1(["a", "b", "c"], ["a", "b", "d"], 1) == pytest.approx(2 / 3)
    assert rouge_n_f1(["a", "b", "c"], ["a", "b", "d"], 2) == pytest.approx(0.5)
    assert rouge_n_f1([], ["a"], 1) == 0.0
    assert rouge([], ["Le chat dort."])["rouge-score", "rouge1"] == 0.0


def test_split_reference_prose_and_tokenised() -> None:
    assert split_reference("Il pleut. « Le vent » souffle. 3 morts") == [
        "Il pleut.",
        "« Le vent » souffle.",
        "3 morts",
    ]
    assert split_reference("locke will be confirmed . the club went unbeaten .") == [
        "locke will be confirmed .",
        "the club went unbeaten .",
    ]


def test_greedy_oracle_picks_what_raises_rouge_and_stops() -> None:
    greedy_oracle = load_script("training/oracle.py").greedy_oracle
    sentences = [
        "Le maire a inauguré le pont hier.",
        "Le pont relie les deux rives du fleuve.",
        "Il a plu toute la journée.",
    ]
    reference = ["Le nouveau pont relie les deux rives du fleuve, inauguré par le maire."]
    picked = greedy_oracle(sentences, reference, [0, 1, 2])
    assert picked[0] == 1
    assert 2 not in picked
    assert greedy_oracle(sentences, reference, [0, 2], limit=1) == [0]


def _write(path: Path, rows: list[dict[str, object]]) -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def test_reads_frank_style_rows(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "set.jsonl.gz",
        [
            {
                "id": "a",
                "lang": "en",
                "dataset": "cnndm",
                "text": "Body.",
                "reference_summary": "ignored . when bullets exist .",
                "reference_bullets": "['First bullet .', \"It's the second .\"]",
                "system_outputs": "{'bart': 'one . two .', 'pgn': ''}",
            },
            {"id": "b", "dataset": "xsum", "text": "Body.", "reference_summary": "One."},
        ],
    )
    items = list(read_items(path, where={"dataset": "cnndm"}))
    assert [i.id for i in items] == ["a"]
    assert items[0].reference == ["First bullet .", "It's the second ."]
    assert items[0].system_outputs == {"bart": ["one .", "two ."]}
    assert [i.id for i in read_items(path, limit=1)] == ["a"]


def test_bad_rows_are_named(tmp_path: Path) -> None:
    path = _write(tmp_path / "bad.jsonl.gz", [{"id": "x", "text": "Body only."}])
    with pytest.raises(EvalDataError, match=r"bad.jsonl.gz:1: no reference"):
        list(read_items(path))
    path = _write(tmp_path / "nohtml.jsonl.gz", [{"text": "Body.", "reference_summary": "R."}])
    with pytest.raises(EvalDataError, match="no 'html' field"):
        list(read_items(path, source="html"))
    with pytest.raises(EvalDataError, match="no such file"):
        list(read_items(tmp_path / "missing.jsonl"))


def test_a_dateline_does_not_take_one_of_the_lead_places() -> None:
    from essentiel import resources
    from essentiel.evaluation.baselines import with_datelines_joined

    sentences = [
        "(CNN)",
        "Engineers have found a crack in the dam, the state's water agency said.",
        "Residents downstream were told to leave by Monday night.",
        "PARIS (AFP) - is how the agency signs its copy, a guide for trainees says.",
    ]
    joined = with_datelines_joined(sentences, resources.language("en"))
    assert joined == [
        "(CNN) Engineers have found a crack in the dam, the state's water agency said.",
        *sentences[2:],
    ]
    assert lead(joined, 1) == joined[:1]


def test_baselines_keep_document_order() -> None:
    sentences = [
        "Les pompiers ont maîtrisé l'incendie de la forêt de Brocéliande mardi soir.",
        "Le feu avait parcouru deux cents hectares de forêt en deux jours.",
        "Les habitants de Paimpont ont été évacués par précaution.",
        "La forêt de Brocéliande rouvrira au public la semaine prochaine.",
    ]
    assert lead(sentences, 2) == sentences[:2]
    for method in ("lexrank", "textrank"):
        picked = graph_rank(method, sentences, "fr", 2)
        assert len(picked) == 2
        assert picked == [s for s in sentences if s in picked]
        assert graph_rank(method, sentences, "fr", 2) == picked
    assert graph_rank("lexrank", sentences[:1], "fr", 2) == sentences[:1]


def test_eval_command_scores_every_system(tmp_path: Path) -> None:
    article = (EXAMPLES / "fr-orages-bretagne.txt").read_text(encoding="utf-8")
    # A reference written for this test, in the style of an « L'essentiel » box.
    path = _write(
        tmp_path / "one.jsonl.gz",
        [
            {
                "id": "orages",
                "lang": "fr",
                "date": "2025-08-14",
                "text": article,
                "reference_summary": "Des orages violents ont frappé la Bretagne. "
                "Des milliers de foyers ont été privés d'électricité.",
                "system_outputs": {
                    "copy": article.split("\n")[0],
                    "invented": "Les orages ont privé 4 712 foyers d'électricité en Bretagne.",
                },
            }
        ],
    )
    result = CliRunner().invoke(app, ["eval", str(path), "--json", "--no-progress"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    names = [s["name"] for s in report["systems"]]
    assert names[0] == "essentiel"
    assert {"lead-1", "lead-2", "lead-3", "lexrank-2", "textrank-3", "copy"} <= set(names)
    ours = report["systems"][0]
    assert ours["verified_share"] == 1.0
    assert 1 <= ours["bullets_per_summary"] <= 3
    assert ours["ms_per_document"] > 0
    assert 0 < ours["rouge"]["unicode"]["rouge1"] <= 100
    copy = next(s for s in report["systems"] if s["name"] == "copy")
    assert copy["kind"] == "external" and copy["ms_per_document"] is None
    # Which rows the checker flags for a fact, so that a reader can look at them.
    invented = next(s for s in report["systems"] if s["name"] == "invented")
    assert invented["fact_problem_ids"] == ["orages"] and invented["fact_problem_share"] == 1.0
    assert ours["fact_problem_ids"] == []
    table = CliRunner().invoke(app, ["eval", str(path), "--no-progress", "--no-check"])
    assert table.exit_code == 0 and "lexrank-2" in table.stdout
    lexical = ["eval", str(path), "--json", "--no-progress", "--no-check"]
    result = CliRunner().invoke(app, [*lexical, "--selector-model", "lexical"])
    assert result.exit_code == 0, result.output
    assert 1 <= json.loads(result.stdout)["systems"][0]["bullets_per_summary"] <= 3
    result = CliRunner().invoke(app, [*lexical, "--selector-model", "neural"])
    assert result.exit_code == 2 and "selector_model" in result.output


def test_eval_command_refuses_bad_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "none.jsonl"), "--no-progress"])
    assert result.exit_code == 3 and "no such file" in result.output
    result = CliRunner().invoke(app, ["eval", "x.jsonl", "--where", "dataset"])
    assert result.exit_code == 2


def test_where_conditions_are_field_equals_value() -> None:
    # The CLI and the bench and training scripts read --where the same way.
    assert parse_where(["dataset=cnndm", "split=valid", "note=a=b"]) == {
        "dataset": "cnndm",
        "split": "valid",
        "note": "a=b",
    }
    assert parse_where(None) == {}
    for bad in ("dataset", "=cnndm"):
        with pytest.raises(ValueError, match="FIELD=VALUE"):
            parse_where([bad])


def test_the_scripts_where_option_reads_conditions_as_the_cli_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    parser = argparse.ArgumentParser()
    add_where_option(parser)
    args = parser.parse_args(["--where", "dataset=cnndm", "--where", "note=a=b"])
    assert dict(args.where) == {"dataset": "cnndm", "note": "a=b"}
    assert dict(parser.parse_args([]).where) == {}
    with pytest.raises(SystemExit) as refused:
        parser.parse_args(["--where", "dataset"])
    assert refused.value.code == 2 and "FIELD=VALUE" in capsys.readouterr().err
