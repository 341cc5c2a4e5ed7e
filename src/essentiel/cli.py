"""Command line: ``essentiel digest PATH|-``, ``essentiel batch INPUT... --out OUT``,
``essentiel check --article FILE --summary FILE|-``, ``essentiel eval DATASET`` and
``essentiel schema``.

Exit codes (docs/cli.md): 0 success, 1 internal error, 2 usage error, 3 bad input,
4 unsupported language (the clean text and blocks are still printed).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from essentiel import __version__
from essentiel.errors import EssentielError, InputError, InputTooLarge, UnsupportedLanguage
from essentiel.ingest import DEFAULT_MAX_BYTES
from essentiel.keypoints import KeyPointSettings
from essentiel.model import Digest
from essentiel.pipeline import Pipeline, Settings
from essentiel.schema import digest_schema
from essentiel.threads import BLAS_THREADS_ENV

EXIT_INTERNAL = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 5  # batch: the output cannot be written (full disk); the same command resumes

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Faithful key points and the facts behind them, from raw news articles.",
)
# soft_wrap: an error stays one line whatever the terminal width (scripts grep it).
err = Console(stderr=True, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"essentiel {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
    blas_threads: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="BLAS/OpenMP threads per process (default 1, or ESSENTIEL_BLAS_THREADS; "
            "0: the libraries' default, one per core). Use --workers to use more cores.",
        ),
    ] = None,
) -> None:
    """essentiel: turn a news article into verified key points."""
    if blas_threads is not None:
        # Read by Settings() here and in every worker process (which inherit the environment).
        os.environ[BLAS_THREADS_ENV] = str(blas_threads)


PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date (YYYY-MM-DD), used when the article has none."),
]
LangOption = Annotated[
    str | None, typer.Option(help="Language of the article (fr, en); detected when omitted.")
]
MaxBytesOption = Annotated[
    int, typer.Option(min=1, help="Refuse inputs larger than this many bytes.")
]


def _published_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise _fail(f"--published {value!r} is not a date like 2025-07-04", EXIT_USAGE) from None


def _progress_bar(enabled: bool, *, with_rate: bool) -> Progress:
    """A progress bar on stderr: done/total, (docs/s,) elapsed and remaining time."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    rate = [TextColumn("{task.fields[rate]:.1f} docs/s")] if with_rate else []
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        *rate,
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err,
        disable=not enabled,
    )


def _fail(message: str, code: int) -> typer.Exit:
    # escape: a path or a value in the message may hold [brackets] that rich reads as markup.
    err.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def _read(path: str, max_bytes: int) -> bytes:
    if path == "-":
        # A closed standard input (« <&- ») leaves sys.stdin None, or a descriptor that fails.
        try:
            data: bytes = sys.stdin.buffer.read(max_bytes + 1)
        except (AttributeError, OSError, ValueError):
            raise InputError("cannot read standard input: it is closed") from None
    else:
        file = Path(path)
        if file.is_dir():
            raise InputError(f"{path} is a directory, not an article")
        try:
            size = file.stat().st_size
            if size > max_bytes:
                raise InputTooLarge(
                    f"{path} is {size:,} bytes, over the limit of {max_bytes:,} bytes"
                )
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
    return data


def _emit(digest: Digest, as_json: bool) -> None:
    with _writing_stdout():
        if as_json:
            sys.stdout.write(digest.model_dump_json(indent=2) + "\n")
            sys.stdout.flush()
        else:
            from essentiel.render import render

            render(digest, Console())


@contextmanager
def _writing_stdout() -> Iterator[None]:
    """A full disk or a closed pipe on stdout is one `error:` line and exit 1, not a
    traceback; stdout then points at /dev/null so the interpreter's last flush is quiet."""
    try:
        yield
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise _fail(f"cannot write the output: {exc.strerror or exc}", EXIT_INTERNAL) from None


@app.command()
def digest(
    path: Annotated[str, typer.Argument(help="Article file (text or HTML), or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Digest as JSON.")] = False,
    published: PublishedOption = None,
    lang: LangOption = None,
    url: Annotated[str | None, typer.Option(help="URL of the article, if known.")] = None,
    bullets: Annotated[
        int, typer.Option(min=1, max=4, help="Maximum number of key points.")
    ] = KeyPointSettings.max_keypoints,
    max_words: Annotated[
        int | None,
        typer.Option(
            min=8,
            max=80,
            help="Maximum words per key point (default: the language's, "
            f"{KeyPointSettings.max_words} in French, 30 in English).",
        ),
    ] = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    debug: Annotated[bool, typer.Option(help="Show the traceback of internal errors.")] = False,
) -> None:
    """Digest one article: clean text, labelled blocks and verified key points."""
    published_date = _published_date(published)
    keypoint_settings = KeyPointSettings(
        max_keypoints=bullets,
        min_keypoints=min(bullets, KeyPointSettings.min_keypoints),
    )
    if max_words is not None:
        keypoint_settings = dataclasses.replace(
            keypoint_settings,
            max_words=max_words,
            target_words=min(max_words, KeyPointSettings.target_words),
            words_from_language=False,
        )
    pipeline = Pipeline(Settings(max_bytes=max_bytes, keypoints=keypoint_settings))
    try:
        data = _read(path, max_bytes)
        result = pipeline.digest(data, published=published_date, lang=lang, url=url)
    except UnsupportedLanguage as exc:
        _emit(exc.partial, as_json)
        raise _fail(str(exc), exc.exit_code) from None
    except EssentielError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    except Exception as exc:
        if debug:
            raise
        raise _fail(
            f"internal error ({type(exc).__name__}: {exc}); rerun with --debug for details",
            EXIT_INTERNAL,
        ) from None
    _emit(result, as_json)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Directories of .html/.htm/.txt pages, JSONL files (text or html field), "
            "Parquet files, WARC files (.warc, .warc.gz)."
        ),
    ],
    out: Annotated[Path, typer.Option("--out", help="Output file: .jsonl or .parquet.")],
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (default: number of cores).")
    ] = None,
    engine: Annotated[str, typer.Option(help="local (processes) or ray (Ray Data).")] = "local",
    address: Annotated[
        str | None, typer.Option(help="Ray cluster address (--engine ray); local Ray if omitted.")
    ] = None,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Inputs larger than this many bytes get an error row.")
    ] = DEFAULT_MAX_BYTES,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
    part_rows: Annotated[
        int, typer.Option(min=1, help="Rows per part file (what an interruption can lose).")
    ] = 200,
    timeout: Annotated[
        float,
        typer.Option(
            min=0.1, help="Seconds one input may take (local engine); then a `timeout` error row."
        ),
    ] = 60.0,
) -> None:
    """Digest a corpus: one output row per input, resumable with the same command."""
    from essentiel.batch import BatchError, OutputWriteError, run_batch
    from essentiel.batch.outputs import output_format

    if engine not in {"local", "ray"}:
        raise _fail(f"--engine {engine!r}: choose local or ray", EXIT_USAGE)
    try:
        output_format(out)
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    bar = _progress_bar(progress, with_rate=True)
    task = bar.add_task("digesting", total=None, rate=0.0)
    started = time.perf_counter()
    done_here = 0

    def on_start(total: int | None, already: int) -> None:
        bar.update(task, total=total, completed=already)
        if already:
            err.print(f"resuming: {already:,} input(s) already done", highlight=False)

    def on_row(row: dict[str, object]) -> None:
        nonlocal done_here
        done_here += 1
        rate = done_here / max(1e-9, time.perf_counter() - started)
        bar.update(task, advance=1, rate=rate)

    try:
        with bar:
            report = run_batch(
                inputs,
                out,
                workers=workers,
                engine=engine,
                address=address,
                settings=Settings(max_bytes=max_bytes),
                on_start=on_start,
                on_row=on_row,
                rows_per_part=part_rows,
                timeout=timeout,
            )
    except (BatchError, FileNotFoundError, ValueError) as exc:
        raise _fail(str(exc), EXIT_USAGE if isinstance(exc, ValueError) else 3) from None
    except OutputWriteError as exc:
        raise _fail(str(exc), EXIT_OUTPUT) from None
    errors = ", ".join(f"{reason} {n:,}" for reason, n in report.errors.most_common())
    rate = report.processed / report.seconds if report.seconds else 0.0
    err.print(
        f"{report.total:,} row(s): {report.by_status['ok']:,} ok, "
        f"{report.by_status['error']:,} error(s){' (' + errors + ')' if errors else ''}; "
        f"{report.processed:,} digested in this run at {rate:.1f} docs/s",
        highlight=False,
    )
    if report.interrupted:
        raise _fail("interrupted; run the same command to resume", 130)
    err.print(f"wrote {out}", highlight=False)


@app.command()
def check(
    article: Annotated[str, typer.Option("--article", help="The article: text or HTML file.")],
    summary: Annotated[
        str, typer.Option("--summary", help="The summary to check: a text file, or - for stdin.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
    published: PublishedOption = None,
    lang: LangOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Check a summary against its article: a verdict per sentence, with the reasons.

    Exit code 0 when every sentence is supported or cannot be told, 1 when one is unsupported.
    """
    from essentiel.check.checker import Checker
    from essentiel.model import SentenceVerdict

    published_date = _published_date(published)
    try:
        article_data = _read(article, max_bytes)
        summary_text = _read(summary, max_bytes).decode("utf-8", errors="replace")
        if not summary_text.strip():
            raise InputError("the summary is empty")
        result = Checker(Pipeline(Settings(max_bytes=max_bytes))).check(
            article_data, summary_text, published=published_date, lang=lang
        )
    except EssentielError as exc:
        raise _fail(str(exc), exc.exit_code) from None
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    if as_json:
        sys.stdout.write(result.model_dump_json(indent=2) + "\n")
    else:
        from essentiel.render import render_check

        render_check(result, Console())
    if result.verdict is SentenceVerdict.UNSUPPORTED:
        raise typer.Exit(1)


@app.command("eval")
def evaluate_command(
    dataset: Annotated[
        Path,
        typer.Argument(
            help="JSONL(.gz): text or html, reference_bullets or reference_summary, "
            "optional system_outputs, lang, title, date."
        ),
    ],
    source: Annotated[
        str | None,
        typer.Option(help="Summarise the text or the html field (default: text when present)."),
    ] = None,
    where: Annotated[
        list[str] | None,
        typer.Option(help="Keep rows whose FIELD equals VALUE (FIELD=VALUE, repeatable)."),
    ] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N rows.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    run_check: Annotated[
        bool, typer.Option("--check/--no-check", help="Run our checker on every summary.")
    ] = True,
    selector: Annotated[
        str | None,
        typer.Option(
            help="Key-point selector: learned (shipped model), heuristic, or lead (body order); "
            "default: the article language's (learned for French, lead for English)."
        ),
    ] = None,
    selector_model: Annotated[
        str,
        typer.Option(
            help="The learned selector's model: vectors+lexical (the default: static word "
            "vectors and TF-IDF cosines), embedding (the sentence encoder's), lexical (TF-IDF "
            "only, no encoder), or editor (the default's features fitted on editors' picks)."
        ),
    ] = KeyPointSettings.selector_model,
    max_keypoints: Annotated[int, typer.Option(min=1, help="At most this many bullets.")] = (
        KeyPointSettings.max_keypoints
    ),
    max_words: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="A bullet may have at most this many words (default: the language's, "
            f"{KeyPointSettings.max_words} in French, 30 in English).",
        ),
    ] = None,
    target_words: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Compress bullets towards this many words (default: the language's, "
            f"{KeyPointSettings.target_words} in French, 25 in English).",
        ),
    ] = None,
    extra_ratio: Annotated[
        float,
        typer.Option(help="A bullet beyond the second needs this share of the best score."),
    ] = KeyPointSettings.extra_ratio,
    learned_weight: Annotated[
        float, typer.Option(help="Share of the learned model in the selection score (0-1).")
    ] = KeyPointSettings.learned_weight,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Score our key points, LEAD-k, LexRank, TextRank and the file's system outputs with
    ROUGE (two tokenizers) and our checker, in one run."""
    from essentiel.evaluation import EvalDataError, evaluate, read_items
    from essentiel.evaluation.data import count_items, parse_where
    from essentiel.render import render_eval

    if source not in {None, "text", "html"}:
        raise _fail(f"--source {source!r}: choose text or html", EXIT_USAGE)
    try:
        filters = parse_where(where)
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from exc
    try:
        settings = KeyPointSettings(
            max_keypoints=max_keypoints,
            min_keypoints=min(KeyPointSettings.min_keypoints, max_keypoints),
            # Either given: both are the caller's (the other the box's default), not the
            # language's.
            max_words=max_words if max_words is not None else KeyPointSettings.max_words,
            target_words=(
                target_words
                if target_words is not None
                else min(KeyPointSettings.target_words, max_words or KeyPointSettings.max_words)
            ),
            words_from_language=max_words is None and target_words is None,
            extra_ratio=extra_ratio,
            selector=selector,
            learned_weight=learned_weight,
            selector_model=selector_model,
        )
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    bar = _progress_bar(progress, with_rate=False)
    try:
        total = count_items(dataset, filters, limit) if dataset.is_file() else None
        items = read_items(dataset, source=source, where=filters, limit=limit)  # type: ignore[arg-type]
        with bar:
            task = bar.add_task("evaluating", total=total)
            run = evaluate(
                items,
                Pipeline(Settings(keypoints=settings)),
                check=run_check,
                on_item=lambda _: bar.advance(task),
            )
    except EvalDataError as exc:
        raise _fail(str(exc), 3) from None
    report = run.report(
        dataset=str(dataset),
        source=source or "text (html when a row has no text)",
        where=filters,
        keypoint_settings=dataclasses.asdict(settings),
    )
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    else:
        # The table is wide; piped into a file it should not wrap at 80 columns.
        render_eval(report, Console(width=None if sys.stdout.isatty() else 160))


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    db: Annotated[
        str, typer.Option(help="The SQLite store file (created if missing; :memory: keeps none).")
    ] = "essentiel.db",
    workers: Annotated[
        int, typer.Option(min=1, help="Worker processes, each with its own models (~1 GB).")
    ] = 1,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest request body accepted (413 above).")
    ] = 2_000_000,
    cors_origin: Annotated[
        list[str] | None,
        typer.Option(
            help="An origin allowed to call the API from a browser (repeat it). "
            "CORS is off when none is given."
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            min=0.1, help="Seconds a digest or check may take; then it is stopped (503 timeout)."
        ),
    ] = 60.0,
    slow_after: Annotated[
        float,
        typer.Option(
            min=0.0,
            help="Seconds after which a running digest is slow: the requests queued behind it "
            "get an extra digest process meanwhile (0: they wait).",
        ),
    ] = 5.0,
    search_timeout: Annotated[
        float,
        typer.Option(min=0.01, help="Seconds a search may take; then 503 search_timeout."),
    ] = 5.0,
    shutdown_timeout: Annotated[
        float,
        typer.Option(
            min=0.0,
            help="On SIGTERM or Ctrl-C: seconds in-flight requests may finish before they "
            "are stopped.",
        ),
    ] = 10.0,
    warm_up: Annotated[
        bool,
        typer.Option(help="Load the models before serving (--no-warm-up: on the first digest)."),
    ] = True,
    spare: Annotated[
        bool,
        typer.Option(
            help="Keep a spare digest process per worker, forked beforehand, that takes over "
            "when a digest is stopped (without it the replacement is forked then, in "
            "milliseconds; the models are not loaded again)."
        ),
    ] = False,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Run the HTTP API and the web page (needs the `serve` extra: pip install essentiel[serve]).

    Write endpoints need an API key when the environment variable ESSENTIEL_API_KEY is set.
    """
    try:
        import uvicorn

        from essentiel.service.config import CONFIG_ENV, ServiceConfig
        from essentiel.service.store import Store, StoreError
    except ImportError as exc:
        raise _fail(
            f"the service needs the serve extra ({exc.name} is missing): "
            "pip install 'essentiel[serve]'",
            EXIT_USAGE,
        ) from None
    config = ServiceConfig(
        db=db,
        max_bytes=max_bytes,
        api_key=os.environ.get("ESSENTIEL_API_KEY") or None,
        cors_origins=tuple(cors_origin or ()),
        timeout=timeout,
        slow_after=slow_after,
        search_timeout=search_timeout,
        warm_up=warm_up,
        spare=spare,
    )
    try:
        Store(config.db).close()  # a bad store path fails here, once, with a clear message
    except (StoreError, OSError) as exc:
        raise _fail(str(exc), 3) from None
    if workers > 1 and config.db == ":memory:":
        raise _fail("--db :memory: cannot be shared by several workers", EXIT_USAGE)
    os.environ[CONFIG_ENV] = config.to_env()
    err.print(
        f"essentiel {__version__}: loading models, then serving http://{host}:{port}/ "
        f"(store {db}{', API key required for writes' if config.api_key else ''})",
        highlight=False,
    )
    uvicorn.run(
        "essentiel.service.app:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
        # The body limit is ours (413 with a JSON error); keep uvicorn's own defaults otherwise.
        # On SIGTERM: stop accepting, let requests finish this long, then cancel them (the
        # engine kills the digest processes) and release the port.
        timeout_graceful_shutdown=math.ceil(shutdown_timeout),
    )


@app.command()
def schema(
    of_check: Annotated[
        bool, typer.Option("--check", help="The schema of `essentiel check --json` instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of the Digest (the public output contract)."""
    from essentiel.schema import check_schema

    chosen = check_schema() if of_check else digest_schema()
    sys.stdout.write(json.dumps(chosen, indent=2, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    """The `essentiel` command. Usage errors (an unknown option, a value out of range) are the
    documented one `error:` line and exit 2, not click's boxed usage message."""
    try:
        code = app(args=argv, prog_name="essentiel", standalone_mode=False)
    except typer.TyperException as exc:  # click's errors, as typer vendors click
        code = getattr(exc, "exit_code", EXIT_USAGE)
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `essentiel`: the help
            typer.echo(exc.format_message())
        else:
            message = " ".join(exc.format_message().split())
            ctx = getattr(exc, "ctx", None)
            if ctx is not None and ctx.parent is not None:
                message += f" (see essentiel {ctx.info_name} --help)"
            _fail(message, code)
    except typer.Abort:
        _fail("interrupted", 130)
        code = 130
    sys.exit(code if isinstance(code, int) else 0)
