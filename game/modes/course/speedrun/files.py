"""Run files on disk: write (atomic), keep a copy in the game's data folder, read back.

- `run_file_text(data)` → readable JSON (each level log keeps one action per line);
- `write_run_file(path, data)` → atomic write (`game.storage.write_atomic`), raises
  `SaveError` (French message);
- `keep_run(data, profile_id)` → the copy kept in `home_dir()/courses/<profile>/`;
- `read_run_file(path)` → (data, None) or (None, French reason), through the one safe
  reader of the game (`game.proofs.core.read_log`).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

RUNS_DIR = "courses"


def run_file_text(data: dict) -> str:
    from levels.base import texte_journal

    lines = ["{"]
    keys = [k for k in data if k != "niveaux"]
    for key in keys:
        lines.append(f"  {json.dumps(key)}: {json.dumps(data[key], ensure_ascii=False)},")
    lines.append('  "niveaux": [')
    entries = data.get("niveaux", [])
    for number, entry in enumerate(entries):
        head = {k: v for k, v in entry.items() if k != "journal"}
        text = json.dumps(head, ensure_ascii=False)[:-1]
        journal = texte_journal(entry["journal"]).rstrip("\n").replace("\n", "\n    ")
        end = "," if number < len(entries) - 1 else ""
        lines.append(f'    {text}, "journal": {journal}}}{end}')
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_run_file(path, data: dict) -> None:
    from game.storage import write_atomic

    write_atomic(Path(path), run_file_text(data), backup=False)


def safe_name(text: str) -> str:
    """A file name part made of letters, digits and dashes."""
    return re.sub(r"[^a-zA-Z0-9-]+", "-", text).strip("-")[:40] or "course"


def keep_run(data: dict, profile_id: str) -> Path:
    """Keeps a copy of the run in the data folder; returns its path (raises SaveError)."""
    from game.storage import home_dir

    folder = home_dir() / RUNS_DIR / safe_name(profile_id)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = folder / f"{stamp}-{safe_name(data.get('categorie', ''))}.json"
    number = 2
    while path.exists():
        path = folder / f"{stamp}-{safe_name(data.get('categorie', ''))}-{number}.json"
        number += 1
    write_run_file(path, data)
    return path


def read_run_file(path):
    from game.proofs.core import read_log

    return read_log(path)
