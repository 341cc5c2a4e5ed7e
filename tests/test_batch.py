"""Batch: one row per input whatever the input, resumable after kill -9, the same rows on Ray."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from essentiel.batch import run_batch
from essentiel.batch.outputs import arrow_schema
from essentiel.pipeline import Settings
from essentiel.worker import Template
from tests.conftest import BREST_ARTICLE

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "essentiel" / "examples"
FR = (EXAMPLES / "fr-orages-bretagne.txt").read_text(encoding="utf-8")
EN = (EXAMPLES / "en-coal-plant-vote.txt").read_text(encoding="utf-8")
# The runs' digest processes are forks of the session's template (conftest.warm_template),
# which loaded the models once: a run of its own would load them again.


def warc_record(uri: str, body: bytes, content_type: str, record_id: str) -> bytes:
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{record_id}>\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2025-08-14T08:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def html_page(text: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in text.splitlines() if p.strip())
    return f"<html><body><article>{paragraphs}</article></body></html>".encode()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Good inputs of every kind, and every fault the issue names."""
    root = tmp_path_factory.mktemp("corpus")
    pages = root / "pages"
    pages.mkdir()
    (pages / "a-good.txt").write_text(FR, encoding="utf-8")
    (pages / "b-good.html").write_bytes(html_page(EN))
    (pages / "c-empty.txt").write_bytes(b"")
    (pages / "d-binary.html").write_bytes(bytes(range(256)) * 20)
    (pages / "e-invalid-utf8.txt").write_bytes(
        FR.encode("utf-8")[:400] + b"\xff\xfe\xc3(" + b" fin."
    )
    (pages / "f-huge.html").write_bytes(b"<html><body>" + b"<p>Texte.</p>" * 4_200_000 + b"</body>")
    (pages / "ignored.pdf").write_bytes(b"%PDF")  # not a page type: a directory walk skips it
    jsonl = root / "articles.jsonl"
    jsonl.write_text(
        json.dumps({"id": "x1", "text": FR, "date": "2025-08-14"})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "x3", "title": "no body"})
        + "\n",
        encoding="utf-8",
    )
    warc = root / "crawl.warc"
    corrupt = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:c>\r\nContent-Length: 9\r\n\r\nno http\r\n\r\n\r\n"
    warc.write_bytes(
        warc_record("https://example.org/a", html_page(FR), "text/html; charset=utf-8", "a")
        + warc_record("https://example.org/b.pdf", b"%PDF-1.4", "application/pdf", "b")
        + corrupt
        + warc_record("https://example.org/d", html_page(EN), "text/html", "d")
    )
    return [str(pages), str(jsonl), str(warc)]


EXPECTED = {
    "a-good.txt": "ok",
    "b-good.html": "ok",
    "c-empty.txt": "empty_input",
    "d-binary.html": "binary_input",
    "f-huge.html": "input_too_large",
    "articles.jsonl#L1": "ok",
    "articles.jsonl#L2": "invalid_json",
    "articles.jsonl#L3": "missing_field",
    "crawl.warc@a": "ok",
    "crawl.warc@b": "not_html",
    "crawl.warc@c": "corrupt_record",
    "crawl.warc@d": "ok",
}


def _outcome(row: dict) -> tuple[str, str]:
    identity = row["input"]
    name = Path(identity["key"].split("#")[0].split("@")[0]).name
    if "#" in identity["key"]:
        name += "#" + identity["key"].split("#")[1]
    if identity.get("record_id"):
        name += "@" + identity["record_id"].strip("<>").split(":")[-1]
    return name, row["status"] if row["status"] == "ok" else row["error"]["reason"]


def _rows(path: Path) -> list[dict]:
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_one_row_per_input_whatever_fails(
    corpus: list[str], tmp_path: Path, suffix: str, warm_template: Template
) -> None:
    out = tmp_path / f"out{suffix}"
    # Parts of three rows: the output is joined from several (for Parquet, pages copied as
    # they are, footers shifted: every column of every row read back here).
    settings = Settings(max_bytes=5_000_000)
    report = run_batch(
        corpus,
        out,
        workers=2,
        settings=settings,
        rows_per_part=3,
        template=warm_template,
    )
    rows = _rows(out)
    outcomes = dict(_outcome(r) for r in rows)
    invalid = outcomes.pop("e-invalid-utf8.txt")
    assert invalid in {"ok", "no_article"}  # decoded with a fallback charset: no row is lost
    assert outcomes == EXPECTED
    assert len(rows) == len(EXPECTED) + 1 == report.total
    assert report.errors["input_too_large"] == 1 and not report.interrupted
    assert not out.with_name(out.name + ".parts").exists()
    ok = next(r for r in rows if r["input"]["key"].endswith("a-good.txt"))
    assert ok["digest"]["keypoints"] and ok["digest"]["schema_version"] == "1.6"
    if suffix == ".parquet":
        assert pq.read_schema(out).equals(arrow_schema())


def test_existing_output_is_never_overwritten(corpus: list[str], tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("keep me\n")
    with pytest.raises(Exception, match="exists"):
        run_batch(corpus, out, workers=1)
    assert out.read_text() == "keep me\n"


def _many(root: Path, n: int) -> Path:
    folder = root / "many"
    folder.mkdir()
    for k in range(n):
        # Different texts, so rows differ; the same texts in every run, so runs compare.
        # A short article: what is tested is the parts and the resumption, not the digest.
        (folder / f"doc-{k:03d}.txt").write_text(
            BREST_ARTICLE.replace("Brest", f"Brest {k}"), encoding="utf-8"
        )
    return folder


def _cli(out: Path, folder: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "essentiel", "batch", str(folder), "--out", str(out),
        "--workers", "1", "--part-rows", "3", "--no-progress", *extra,
    ]  # fmt: skip


def test_kill_9_then_resume_equals_an_uninterrupted_run(
    tmp_path: Path, warm_template: Template
) -> None:
    folder = _many(tmp_path, 24)
    whole = tmp_path / "whole.jsonl"
    # The uninterrupted run in this process, with what the command line passes (its default
    # settings, one worker, parts of 3 rows); the killed run and its resumption are the command.
    run_batch([str(folder)], whole, workers=1, rows_per_part=3, template=warm_template)

    out = tmp_path / "resumed.jsonl"
    parts = out.with_name(out.name + ".parts")
    run = subprocess.Popen(_cli(out, folder), start_new_session=True, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while len(list(parts.glob("part-*.jsonl"))) < 2:
        assert run.poll() is None, "the run ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.2)
    os.killpg(run.pid, signal.SIGKILL)  # the whole process group: the run and its workers
    run.wait()
    done_before = sum(1 for p in parts.glob("part-*.jsonl") for _ in p.open())
    assert 0 < done_before < 24 and not out.exists()

    resumed = subprocess.run(_cli(out, folder), check=True, capture_output=True, timeout=600)
    assert f"resuming: {done_before}" in resumed.stderr.decode()
    assert out.read_bytes() == whole.read_bytes()
    assert len(_rows(out)) == 24 and not parts.exists()


def test_ray_engine_gives_the_same_rows(
    corpus: list[str], tmp_path: Path, warm_template: Template
) -> None:
    ray = pytest.importorskip("ray")
    small = [corpus[1]]  # the JSONL file: a good article and two faults
    local = tmp_path / "local.jsonl"
    on_ray = tmp_path / "ray.jsonl"
    run_batch(small, local, workers=1, template=warm_template)
    try:
        report = run_batch(small, on_ray, workers=1, engine="ray")
    finally:
        ray.shutdown()  # its cluster's processes would otherwise run beside every later test
    assert report.total == 3
    assert _rows(on_ray) == _rows(local)
