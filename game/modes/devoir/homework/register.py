"""The teacher's list of homeworks made on this computer: code → class label, date.

Kept in `<home>/enseignant/devoirs.json` (atomic, with backup) so the grid, the
report and the certificates can name the class without putting it in the code.
"""

from __future__ import annotations

import datetime as dt

FILE = "devoirs.json"
MAX_ENTRIES = 500


def _path():
    from game.modes.devoir.homework.certificate import teacher_dir

    return teacher_dir() / FILE


def load():
    """{code: {"classe": str, "cree_le": str}}; {} when there is nothing (never raises)."""
    from game.storage import read_json

    data, _ = read_json(_path(), lambda d: d if isinstance(d, dict) else None)
    return {k: v for k, v in (data or {}).items() if isinstance(v, dict)}


def remember(code, classe, class_list=None):
    """Notes a new homework (with the first names its class list has twice, if given: the
    game then asks those pupils for an initial). Raises `SaveError` (French)."""
    from game.storage import write_json

    entries = load()
    entries[code] = {"classe": str(classe)[:40], "cree_le": dt.date.today().isoformat()}
    if class_list is not None:
        keys = [e.cle for e in class_list.eleves]
        entries[code]["homonymes"] = sorted({k for k in keys if keys.count(k) > 1})[:50]
    write_json(_path(), dict(list(entries.items())[-MAX_ENTRIES:]))


def label(code):
    """The class label of a homework made here, or « »."""
    entry = load().get(code, {})
    value = entry.get("classe", "")
    return value if isinstance(value, str) else ""


def twins(code):
    """The normalised first names shared by two pupils of this homework's class list."""
    value = load().get(code, {}).get("homonymes", [])
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()
