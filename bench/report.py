"""Writing an evaluation's figures (--json) and its error list (--errors)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def write_report(
    figures: Any, json_path: Path | None, errors: list[Any], errors_path: Path | None
) -> None:
    if json_path:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(json.dumps(figures, indent=2))
    if errors_path:
        errors_path.write_text(json.dumps(errors, ensure_ascii=False, indent=1, default=list))
