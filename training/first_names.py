"""Build ``src/essentiel/resources/common/first_names.toml``: first names with a clear majority
gender, for the speaker ranking's gender evidence (facts/entities.py, issue 32).

    .venv/bin/python training/first_names.py --data /path/to/nomquamgender/name_data.json

Source: the name–gender association data of the PyPI package ``nomquamgender`` 0.1.4 (MIT
licence, © 2022 Ian Van Buskirk; https://github.com/ianvanbuskirk/nomquamgender; the data of
Van Buskirk, Clauset & Larremore, "An open-source cultural consensus approach to name-based
gender classification", aggregating public name–gender tables). Its ``name_data.json`` maps
a folded first name (lowercase, accents removed) to [number of sources, number of people,
share recorded as women, …]. The package is not a dependency: unzip its wheel and point
``--data`` at the file (or install it in a scratch environment).

Kept: names of Latin letters (one hyphen allowed) seen in at least ``--min-sources`` sources and
``--min-count`` people, whose share of women is at most ``--margin`` (men) or at least
``1 - margin`` (women). Everything else (« Jean » at 0.48 worldwide, « Dominique », « Claude »,
« Camille », « Kim ») is left out: the list says nothing of it. Language-specific corrections
(« Jean » is a man's name in French) live in that language's ``language.toml``
(``[entities] first_name_genders``), not here. The same command writes the same file.
"""

from __future__ import annotations

import argparse
import json
import re
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "essentiel" / "resources" / "common" / "first_names.toml"
_WORD = re.compile(r"^[a-z]{2,}(?:-[a-z]{2,})?$")


def select(
    data: dict[str, list[object]], min_sources: int, min_count: int, margin: float
) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {"female": [], "male": []}
    for name, row in data.items():
        sources, count, share = row[0], row[1], row[2]
        assert isinstance(sources, int) and isinstance(count, int)
        assert isinstance(share, int | float)
        if not _WORD.match(name) or sources < min_sources or count < min_count:
            continue
        if share >= 1 - margin:
            found["female"].append(name)
        elif share <= margin:
            found["male"].append(name)
    return {k: sorted(v) for k, v in found.items()}


def render(found: dict[str, list[str]], args: argparse.Namespace) -> str:
    head = (
        "# First names with a clear majority gender, folded (lowercase, no accents).\n"
        "# Written by training/first_names.py; do not edit by hand (corrections per language go\n"
        "# in its language.toml, [entities] first_name_genders).\n"
        "# Source: nomquamgender 0.1.4 (PyPI), name_data.json. MIT licence, (c) 2022 Ian Van\n"
        "# Buskirk, https://github.com/ianvanbuskirk/nomquamgender.\n"
        f"# Kept: at least {args.min_sources} sources and {args.min_count} people; share of women\n"
        f"# at most {args.margin} (male) or at least {1 - args.margin:.2f} (female).\n"
    )
    parts = [head]
    for key in ("female", "male"):
        body = ", ".join(f'"{n}"' for n in found[key])
        lines = textwrap.wrap(body, width=96, break_on_hyphens=False, break_long_words=False)
        parts.append(f"{key} = [\n" + "".join(f"    {line}\n" for line in lines) + "]\n")
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="nomquamgender's name_data.json")
    parser.add_argument("--min-sources", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=5000)
    parser.add_argument("--margin", type=float, default=0.05)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = json.loads(args.data.read_text(encoding="utf-8"))
    found = select(data, args.min_sources, args.min_count, args.margin)
    args.out.write_text(render(found, args), encoding="utf-8")
    print(f"{len(found['female'])} female, {len(found['male'])} male → {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
