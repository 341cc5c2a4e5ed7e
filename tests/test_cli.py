"""The command line: exit codes, stdout and one-line errors. A few tests run it as a user
runs it (``python -m essentiel`` in a process of its own: the real exit status and streams);
the others call the same ``cli.main`` in this process, where the models are loaded once
(each process of its own loads them again: seconds of CPU)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import jsonschema
import pytest

from essentiel import cli
from essentiel.schema import committed_schema
from tests.conftest import EXAMPLES

FR = EXAMPLES / "fr-orages-bretagne.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """The command in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "essentiel", *args], input=stdin, capture_output=True, timeout=300
    )


@dataclass
class Result:
    returncode: int
    stdout: bytes
    stderr: bytes


class Run(Protocol):
    def __call__(self, *args: str, stdin: bytes | None = None) -> Result: ...


@pytest.fixture
def run_here(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run`` in this process: ``cli.main`` with these arguments and standard input."""

    def call(*args: str, stdin: bytes | None = None) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), "utf-8"))
        with pytest.raises(SystemExit) as exited:
            cli.main(list(args))
        out, err = capsys.readouterr()
        code = exited.value.code
        return Result(code if isinstance(code, int) else 0, out.encode(), err.encode())

    return call


def test_readable_digest() -> None:
    result = run("digest", str(FR), "--published", "2025-08-14")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "L'essentiel" in out and "2025-08-14" in out and "embedded post" in out


def test_json_from_stdin_validates_against_the_schema(run_here: Run) -> None:
    result = run_here("digest", "-", "--json", "--bullets", "2", stdin=FR.read_bytes())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, committed_schema())
    assert len(data["keypoints"]) == 2


@pytest.mark.parametrize(
    ("content", "args", "code", "message"),
    [
        # The first in a process of its own (the real exit status), the others in this one.
        (b"", (), 3, "input is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", (), 3, "binary"),
        (FR.read_bytes(), ("--max-bytes", "100"), 3, "over the limit of 100 bytes"),
        (b"<html><body><nav><a href='/'>x</a></nav></body></html>", (), 3, "no article"),
        (FR.read_bytes(), ("--published", "14/08/2025"), 2, "is not a date"),
        (FR.read_bytes(), ("--lang", "xx"), 2, "not supported"),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(
    tmp_path: Path, run_here: Run, content: bytes, args: tuple[str, ...], code: int, message: str
) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    result = (run if content == b"" else run_here)("digest", str(path), *args)
    assert result.returncode == code
    err = result.stderr.decode()
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_missing_file(run_here: Run) -> None:
    result = run_here("digest", "/nonexistent/article.txt")
    assert result.returncode == 3
    assert "cannot read" in result.stderr.decode()


def test_unsupported_language_prints_blocks_and_exits_4(tmp_path: Path, run_here: Run) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Der Bundestag hat am Donnerstag ein neues Gesetz zur Förderung erneuerbarer Energien "
        "verabschiedet. Die Opposition kritisierte die hohen Kosten des Vorhabens scharf.\n",
        encoding="utf-8",
    )
    result = run_here("digest", str(path), "--json")
    assert result.returncode == 4
    data = json.loads(result.stdout)
    assert data["article"]["lang"] == "de" and data["article"]["blocks"]
    assert "not supported" in result.stderr.decode()


def test_schema_command_prints_the_committed_schema() -> None:
    result = run("schema")
    assert result.returncode == 0
    assert json.loads(result.stdout) == committed_schema()


def test_check_exit_codes_and_json(tmp_path: Path, run_here: Run) -> None:
    held = tmp_path / "held.txt"
    held.write_text(
        "De violents orages ont frappé la Bretagne dans la nuit de mercredi à jeudi.\n",
        encoding="utf-8",
    )
    result = run_here("check", "--article", str(FR), "--summary", str(held), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1.4" and data["verdict"] == "supported"
    wrong = run_here(
        "check", "--article", str(FR), "--summary", "-",
        stdin="De violents orages ont frappé la Normandie dans la nuit de mercredi à jeudi.".encode(),
    )  # fmt: skip
    assert wrong.returncode == 1
    assert "Normandie" in wrong.stdout.decode()
    empty = run_here("check", "--article", str(FR), "--summary", "-", stdin=b"  \n")
    assert empty.returncode == 3 and empty.stderr.decode().startswith("error:")
