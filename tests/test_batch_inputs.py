"""Batch inputs: every page name a directory holds gets an item, readable or not."""

from __future__ import annotations

import os
from pathlib import Path

from essentiel.batch.inputs import expand, items


def test_symlinks_and_fifos_get_an_error_item_not_silence(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a-good.txt").write_text("Le maire a annoncé jeudi la fermeture de la piscine.\n")
    (pages / "b-dangling.html").symlink_to(pages / "gone.html")
    (pages / "c-loop.html").symlink_to(pages / "c-loop.html")
    os.mkfifo(pages / "d-fifo.html")
    (pages / "e-link.txt").symlink_to(pages / "a-good.txt")
    files = expand([str(pages)])
    assert [f.name for f in files] == [
        "a-good.txt",
        "b-dangling.html",
        "c-loop.html",
        "d-fifo.html",
        "e-link.txt",
    ]
    found = {Path(i.key).name: i for i in items(files, max_bytes=1_000_000)}
    assert found["a-good.txt"].payload and found["e-link.txt"].payload
    for name in ("b-dangling.html", "c-loop.html", "d-fifo.html"):
        assert found[name].error is not None and found[name].error[0] == "unreadable", name
    assert "regular file" in found["d-fifo.html"].error[1]  # read, it would block for ever


def test_a_fifo_named_on_the_command_line_is_an_item(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    [item] = items(expand([str(fifo)]), max_bytes=1_000_000)
    assert item.error is not None and item.error[0] == "unreadable"


def test_workers_leave_ctrl_c_to_the_parent() -> None:
    """Ctrl-C reaches every process of the group; a worker that took it printed a traceback
    each. The parent alone stops the run (exit 130, resumable)."""
    import os
    import signal

    from essentiel.pipeline import Settings
    from essentiel.service.engine import sleep_job
    from essentiel.worker import Worker

    worker = Worker(Settings())
    try:
        worker.wait_ready()
        os.kill(worker.pid or 0, signal.SIGINT)
        assert worker.call(sleep_job, 0.2, timeout=30) == 0.2  # still there, no traceback
    finally:
        worker.close()
