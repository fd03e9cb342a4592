"""Copied run files on the club board (pygame-free).

`mark_copies(conn, sha, data, verdict, who)`: when another runner's valid run on the board
has the very same seed and actions (times left out: a copy whose times were changed is
still a copy), both runs get the remark « mêmes actions que la course de X »
(`human.SAME_AS_RUN`, a remark the boards rank apart), whichever was imported first, so
a board made again from its files says the same. `remarks_list(text)` splits the stored
remarks.
"""

from __future__ import annotations

import hashlib
import json

from game.modes.course.speedrun.human import SAME_AS_RUN


def mark_copies(conn, sha, data, verdict, who):
    """Two runners with the very same actions on the same seed: one copied the other's
    file (maybe with its times changed). Both runs get the remark, whichever came
    first (a board made again from its files says the same), and leave the ranking."""
    key = _actions_key(data)
    others = conn.execute(
        "SELECT run_actions.runner, runs.id FROM run_actions JOIN runs ON runs.sha = "
        "run_actions.sha WHERE run_actions.key = ? AND run_actions.runner_key != ? "
        "AND runs.valid = 1",
        (key, who),
    ).fetchall()
    for other, run_id in others:
        _add_remark(conn, run_id, f"{SAME_AS_RUN} {verdict.runner or '?'}")
        mine = conn.execute("SELECT id FROM runs WHERE sha = ?", (sha,)).fetchone()
        if mine is not None:
            _add_remark(conn, mine[0], f"{SAME_AS_RUN} {other or '?'}")
    conn.execute(
        "INSERT OR REPLACE INTO run_actions VALUES (?,?,?,?)", (sha, key, who, verdict.runner)
    )


def _actions_key(data):
    """The seed and every action of the run, times left out: what a copy keeps."""
    levels = [
        [e.get("niveau"), [a[1] for a in e.get("journal", {}).get("actions", [])]]
        for e in data.get("niveaux", [])
    ]
    raw = json.dumps([data.get("graine"), levels], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _add_remark(conn, run_id, remark):
    row = conn.execute("SELECT remarks FROM runs WHERE id = ?", (run_id,)).fetchone()
    remarks = remarks_list(row[0] if row else "")
    if remark not in remarks:
        conn.execute(
            "UPDATE runs SET remarks = ? WHERE id = ?", (" ; ".join([*remarks, remark]), run_id)
        )


def remarks_list(text):
    return [r for r in (text or "").split(" ; ") if r]
