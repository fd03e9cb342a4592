"""The room's results on disk: SQLite, one transaction per change.

A host that crashes loses nothing it had acknowledged: every join, split and run
file is committed before the runner gets its answer, and `load_room(code)` rebuilds
the room (runners, tokens, splits, verdicts) when the host opens the room again.
A damaged database is moved aside (`<name>.abime-<date>`), never deleted.
"""

import dataclasses
import json
import sqlite3
import time
from pathlib import Path

from game.modes.salon.race.room import Room, Runner, Split, fold
from game.modes.salon.race.runfile import RunCheck

SCHEMA = """
CREATE TABLE IF NOT EXISTS race_rooms (
    code TEXT PRIMARY KEY, category TEXT, category_name TEXT, levels TEXT, seed INTEGER,
    game_version TEXT, host_name TEXT, state TEXT, start_at INTEGER, created TEXT);
CREATE TABLE IF NOT EXISTS race_runners (
    code TEXT, name TEXT, token TEXT, PRIMARY KEY (code, name));
CREATE TABLE IF NOT EXISTS race_splits (
    code TEXT, name TEXT, idx INTEGER, level TEXT, real_ms INTEGER, game_ms INTEGER,
    host_ms INTEGER, PRIMARY KEY (code, name, idx));
CREATE TABLE IF NOT EXISTS race_results (
    code TEXT, name TEXT, run_file BLOB, valid INTEGER, reason TEXT, real_ms INTEGER,
    game_ms INTEGER, levels_done INTEGER, PRIMARY KEY (code, name));
CREATE TABLE IF NOT EXISTS race_checks (
    code TEXT, name TEXT, detail TEXT, PRIMARY KEY (code, name));
"""


class RaceStore:
    def __init__(self, path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            self.db = None
            aside = self.path.with_name(f"{self.path.name}.abime-{time.strftime('%Y%m%d-%H%M%S')}")
            self.path.replace(aside)
            self.db = self._open()

    def _open(self):
        db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        db.execute("PRAGMA journal_mode=WAL")  # a crashed game loses no committed write
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.execute("SELECT count(*) FROM race_rooms").fetchone()  # fails if damaged
        return db

    def close(self):
        if self.db is not None:
            self.db.close()

    def _write(self, sql, args):
        with self.db:  # one transaction, committed before we answer anyone
            self.db.execute("BEGIN IMMEDIATE")
            self.db.execute(sql, args)
            self.db.execute("COMMIT")

    def save_room(self, room):
        self._write(
            "INSERT OR REPLACE INTO race_rooms VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                room.code,
                room.category,
                room.category_name,
                json.dumps(list(room.levels)),
                room.seed,
                room.game_version,
                room.host_name,
                room.state,
                room.start_at,
                time.strftime("%Y-%m-%dT%H:%M:%S"),
            ),
        )

    def save_runner(self, room, runner):
        self._write(
            "INSERT OR REPLACE INTO race_runners VALUES (?,?,?)",
            (room.code, runner.name, runner.token),
        )

    def save_split(self, room, runner, index, split):
        self._write(
            "INSERT OR REPLACE INTO race_splits VALUES (?,?,?,?,?,?,?)",
            (
                room.code,
                runner.name,
                index,
                split.level,
                split.real_ms,
                split.game_ms,
                split.host_ms,
            ),
        )

    def save_result(self, room, runner, data, check):
        self._write(
            "INSERT OR REPLACE INTO race_results VALUES (?,?,?,?,?,?,?,?)",
            (
                room.code,
                runner.name,
                bytes(data),
                int(check.valid),
                check.reason,
                check.real_ms,
                check.game_ms,
                check.levels_done,
            ),
        )
        detail = json.dumps(dataclasses.asdict(check), ensure_ascii=False)
        self._write(
            "INSERT OR REPLACE INTO race_checks VALUES (?,?,?)", (room.code, runner.name, detail)
        )

    def rooms(self):
        """[(code, category_name, state, created)] newest first."""
        rows = self.db.execute(
            "SELECT code, category_name, state, created FROM race_rooms ORDER BY created DESC"
        )
        return rows.fetchall()

    def run_file(self, code, name):
        row = self.db.execute(
            "SELECT run_file FROM race_results WHERE code=? AND name=?", (code, name)
        ).fetchone()
        return row[0] if row else None

    def load_room(self, code, max_age_s=None):
        """The room as it was last written (None if absent, or older than `max_age_s`)."""
        row = self.db.execute("SELECT * FROM race_rooms WHERE code=?", (code,)).fetchone()
        if row is None or (max_age_s is not None and _age_s(row[9]) > max_age_s):
            return None
        room = Room(
            row[0],
            row[1],
            row[2],
            tuple(json.loads(row[3])),
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
        )
        for name, token in self.db.execute(
            "SELECT name, token FROM race_runners WHERE code=?", (code,)
        ):
            room.runners[fold(name)] = Runner(name, token, connected=False)
        for name, _idx, level, real, game, host in self.db.execute(
            "SELECT name, idx, level, real_ms, game_ms, host_ms FROM race_splits "
            "WHERE code=? ORDER BY name, idx",
            (code,),
        ):
            if fold(name) in room.runners:
                room.runners[fold(name)].splits.append(Split(level, real, game, host))
        for name, valid, reason, real, game, done in self.db.execute(
            "SELECT name, valid, reason, real_ms, game_ms, levels_done FROM race_results "
            "WHERE code=?",
            (code,),
        ):
            runner = room.runners.get(fold(name))
            if runner is not None:
                runner.file_received = True
                runner.check = RunCheck(bool(valid), reason, done, real, game)
        for name, detail in self.db.execute(
            "SELECT name, detail FROM race_checks WHERE code=?", (code,)
        ):
            runner = room.runners.get(fold(name))
            if runner is not None and runner.check is not None:
                runner.check = _check(detail, runner.check)
        return room


def _check(detail, fallback):
    """The whole RunCheck (remarks, the file's splits…) saved as JSON, or `fallback`."""
    try:
        fields = json.loads(detail)
        return RunCheck(**{f.name: fields[f.name] for f in dataclasses.fields(RunCheck)})
    except (TypeError, ValueError, KeyError):
        return fallback


def _age_s(stamp):
    """Seconds since a « 2026-12-01T21:30:00 » local time stamp (unreadable: very old)."""
    try:
        return time.time() - time.mktime(time.strptime(stamp, "%Y-%m-%dT%H:%M:%S"))
    except (TypeError, ValueError, OverflowError):
        return float("inf")
