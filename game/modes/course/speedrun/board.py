"""The club board: run files verified and kept in a SQLite database in the data folder.

Layout (`home_dir()/club/`): `club.sqlite` (the board) and `courses/` (a copy of every
imported run file, named by its SHA-256: nothing stored is ever lost). The database is
only an index of those files: written in transactions; when it is damaged it is moved
aside (`club.sqlite.abime-<date>`) and rebuilt from the stored files.

API (pygame-free, never raises on bad input):
- `Board(folder=None)`; `board.import_file(path)` → `ImportResult` (status « ajoutée »,
  « déjà là », « refusée », with a French reason); `board.import_files(paths)` and
  `board.import_folder(folder)` replay on every core (`parallel=False` from the game);
- `board.leaderboard(category_id, seed=None, human=True)` → ranked `Row`s, each runner's
  best verified run (practice runs never count), ties broken by the hardware-free costs,
  never real time; runs a remark says a program played are only in `human=False`;
- `board.refused(limit)` → the refused files with their reasons;
- `board.histogram(category_id, level_id, cost, seed=None)` → `Histogram` of a cost
  (« actions », « pas », « prenoms ») over the club's verified runs, with « toi »;
- `board.csv_text(category_id, seed=None)` → CSV for French Excel (BOM added by
  `write_csv`); `board.rebuild()` re-verifies every stored file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from game.modes.course.speedrun.board_errors import (  # noqa: F401 - the board's errors, one import
    BUSY_MESSAGE,
    BUSY_WAIT_S,
    QUICK_CHECK_FAILED,
    UNAVAILABLE_MESSAGE,
    BoardBusy,
    BoardError,
    is_busy,
    is_corrupt,
)
from game.modes.course.speedrun.copies import mark_copies, remarks_list
from game.modes.course.speedrun.human import machine_remark
from game.modes.course.speedrun.names import fold_name
from game.modes.course.speedrun.verify import COST_ORDER, is_run_file, verify_run

log = logging.getLogger(__name__)

CLUB_DIR = "club"
DB_NAME = "club.sqlite"
STORE_DIR = "courses"
SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY, sha TEXT UNIQUE NOT NULL, imported TEXT, source TEXT,
  runner TEXT, runner_key TEXT, category TEXT, seed INTEGER, code TEXT, started TEXT,
  valid INTEGER, practice INTEGER, reason TEXT, real_ms INTEGER, game_ms INTEGER,
  actions INTEGER, pas INTEGER, prenoms INTEGER, remarks TEXT);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS levels (
  run_id INTEGER REFERENCES runs(id), position INTEGER, level_id TEXT,
  actions INTEGER, pas INTEGER, prenoms INTEGER, stars INTEGER, hints INTEGER,
  real_ms INTEGER, game_ms INTEGER);
CREATE INDEX IF NOT EXISTS runs_category ON runs(category, valid);
CREATE TABLE IF NOT EXISTS run_actions (
  sha TEXT PRIMARY KEY, key TEXT, runner_key TEXT, runner TEXT);
CREATE INDEX IF NOT EXISTS run_actions_key ON run_actions(key);
"""
SCHEMA_VERSION = "2"  # another version: the tables are made again from the stored files
ADDED, ALREADY, REFUSED = "ajoutée", "déjà là", "refusée"


def runner_key(name: str) -> str:
    """Two names that look the same on screen are one runner (`names.fold_name`)."""
    return fold_name(name)


@dataclass
class ImportResult:
    path: str
    status: str  # ADDED, ALREADY, REFUSED
    reason: str
    verdict: object = None


@dataclass
class Row:
    rank: int
    runner: str
    game_ms: int
    real_ms: int
    costs: dict
    seed: int
    code: str
    started: str
    run_id: int
    remarks: str = ""  # what looks odd without refusing the run (e.g. played by the solver)


@dataclass
class Histogram:
    cost: str
    values: list  # one per verified run (each runner's runs)
    you: int | None  # the runner's best value, or None

    def bins(self, count=8):
        """[(low, high, how many)] covering the values (empty list without values)."""
        if not self.values:
            return []
        low, high = min(self.values), max(self.values)
        width = max(1, -(-(high - low + 1) // count))
        edges = range(low, high + 1, width)
        return [(a, a + width - 1, sum(a <= v < a + width for v in self.values)) for a in edges]


class Board:
    def __init__(self, folder=None):
        if folder is None:
            from game.storage import home_dir

            folder = home_dir() / CLUB_DIR
        self.folder = Path(folder)
        self.store = self.folder / STORE_DIR
        self.db_path = self.folder / DB_NAME
        self.message: str | None = None  # French: what happened to a damaged database
        self.conn = None
        self._stale = False  # the tables must be refilled from the stored files

    # ------------------------------------------------------------------ database
    def connect(self):
        """The open database. A database another program holds is waited for
        (`BUSY_WAIT_S`), then `BoardBusy` (French); never renamed. Only a database SQLite
        itself says is damaged is set aside and made again from the stored files."""
        if self.conn is not None:
            return self.conn
        try:
            self.store.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            log.warning("dossier du club %s : %r", self.store, error)
            raise BoardError(UNAVAILABLE_MESSAGE) from None
        try:
            self.conn = self._open()
        except sqlite3.DatabaseError as error:
            if not is_corrupt(error):
                log.warning("base du club pas ouverte (%s) : %r", self.db_path, error)
                raise BoardBusy() if is_busy(error) else BoardError(UNAVAILABLE_MESSAGE) from None
            log.warning("base du club abîmée : %r", error)
            self._set_aside()
            self.conn = self._open()
            self._stale = True
            self.message = (
                "La base du tableau du club était abîmée : elle a été mise de côté et "
                "refaite à partir des fichiers de course gardés."
            )
        if self._stale:
            self._stale = False
            self.rebuild()
        return self.conn

    def _open(self):
        conn = sqlite3.connect(self.db_path, timeout=BUSY_WAIT_S)
        try:
            if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError(QUICK_CHECK_FAILED)
            with conn:
                conn.executescript(SCHEMA)
            version = conn.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
            if version is None or version[0] != SCHEMA_VERSION:  # older game: made again
                with conn:
                    conn.executescript("DROP TABLE levels; DROP TABLE runs;" + SCHEMA)
                    conn.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('version', ?)", (SCHEMA_VERSION,)
                    )
                self._stale = True
        except sqlite3.DatabaseError:
            conn.close()
            raise
        return conn

    def _set_aside(self):
        from game.storage import move_aside

        for suffix in ("", "-journal", "-wal", "-shm"):
            path = self.db_path.with_name(self.db_path.name + suffix)
            if path.exists() and move_aside(path) is None and suffix == "":
                path.unlink(missing_ok=True)  # cannot rename: a fresh one must still open

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def rebuild(self) -> int:
        """Re-verifies every stored run file into the (empty or new) database."""
        conn = self.conn or self.connect()
        count = 0
        with conn:
            conn.execute("DELETE FROM levels")
            conn.execute("DELETE FROM runs")
        for path in sorted(self.store.glob("*.json")):
            data = _load(path)
            if data is not None:
                self._insert(path.stem, data, str(path.name))
                count += 1
        return count

    # ------------------------------------------------------------------ import
    def import_file(self, path) -> ImportResult:
        return self.import_files([path], parallel=False)[0]

    def import_files(self, paths, parallel=True, progress=None, game=False) -> list[ImportResult]:
        """Stores and verifies run files; one `ImportResult` per path, in order.

        With `parallel`, the replays run on several cores (`game.proofs.core.
        verify_files`); with `game` (from the game's window), fresh Pythons are started
        (never a fork of the window) on every core but one, kept for the frames.
        `progress(done, total)` after each verified file."""
        results, pending = [], []
        for path in paths:
            result, sha, data = self._store(path, {p[1] for p in pending})
            results.append(result)
            if result is None:
                pending.append((len(results) - 1, sha, data, Path(path).name))
        if pending:
            stored = [str(self.store / f"{sha}.json") for _, sha, _, _ in pending]
            if parallel:
                from engine.parallele import coeurs
                from game.proofs.core import verify_files

                processes = max(1, coeurs() - 1) if game else None
                checked = verify_files(stored, processes=processes, spawn=game)
                verdicts = (_run_verdict(verdict) for _journal, verdict in checked)
            else:
                verdicts = (verify_run(data) for _, _, data, _ in pending)
            for done, ((index, sha, data, source), verdict) in enumerate(
                zip(pending, verdicts, strict=True), start=1
            ):
                if progress is not None:  # files already on the board count as done
                    progress(len(paths) - len(pending) + done, len(paths))
                self._insert(sha, data, source, verdict)
                status = ADDED if verdict.valid else REFUSED
                results[index] = ImportResult(str(paths[index]), status, verdict.reason, verdict)
        return results

    def _store(self, path, pending_shas):
        """(ImportResult when done already, sha, data): reads, dedupes, keeps a copy."""
        from game.modes.course.speedrun.files import read_run_file
        from game.storage import SaveError, write_atomic

        data, problem = read_run_file(path)
        if problem is not None:
            return ImportResult(str(path), REFUSED, problem[0].upper() + problem[1:] + "."), 0, 0
        if not is_run_file(data):
            return ImportResult(str(path), REFUSED, "Ce n'est pas un fichier de course."), 0, 0
        raw = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
        sha = hashlib.sha256(raw).hexdigest()
        known = self.connect().execute("SELECT 1 FROM runs WHERE sha = ?", (sha,)).fetchone()
        if known or sha in pending_shas:
            return ImportResult(str(path), ALREADY, "Cette course est déjà au tableau."), sha, 0
        try:
            write_atomic(self.store / f"{sha}.json", raw, backup=False)
        except SaveError as error:
            return ImportResult(str(path), REFUSED, f"Impossible de la garder : {error}"), sha, 0
        return None, sha, data

    def import_folder(self, folder, parallel=True, progress=None) -> list[ImportResult]:
        from game.files import os_error_text

        folder = Path(folder)
        try:
            paths = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json")
        except OSError as error:
            reason = f"Dossier illisible ({os_error_text(error)})."
            return [ImportResult(str(folder), REFUSED, reason)]
        return self.import_files(paths, parallel, progress)

    def _insert(self, sha, data, source, verdict=None):
        from game.modes.course.speedrun.run import utc_now

        verdict = verdict or verify_run(data)
        costs = verdict.costs or {}
        with self.conn:
            cursor = self.conn.execute(
                "INSERT OR IGNORE INTO runs (sha, imported, source, runner, runner_key, "
                "category, seed, code, started, valid, practice, reason, real_ms, game_ms, "
                "actions, pas, prenoms, remarks) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    sha,
                    utc_now(),
                    source,
                    verdict.runner,
                    runner_key(verdict.runner),
                    verdict.category_id,
                    verdict.seed,
                    verdict.code,
                    verdict.started,
                    int(verdict.valid),
                    int(verdict.practice),
                    verdict.reason,
                    verdict.real_ms,
                    verdict.game_ms,
                    *(costs.get(k) for k in COST_ORDER),
                    " ; ".join(verdict.remarks),
                ),
            )
            for position, level in enumerate(verdict.levels):
                self.conn.execute(
                    "INSERT INTO levels VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        cursor.lastrowid,
                        position,
                        level["niveau"],
                        *(level["couts"].get(k) for k in COST_ORDER),
                        sum(level["etoiles"]),
                        level["indices"],
                        *level["segment_ms"],
                    ),
                )
            if verdict.valid:
                mark_copies(self.conn, sha, data, verdict, runner_key(verdict.runner))
        return verdict

    # ------------------------------------------------------------------ reading
    def _where(self, category_id, seed):
        sql = "category = ? AND valid = 1 AND practice = 0"
        args = [category_id]
        if seed is not None:
            sql += " AND seed = ?"
            args.append(seed)
        return sql, args

    def leaderboard(self, category_id, seed=None, human=True) -> list[Row]:
        """Each runner's best verified run, by game time, ties by the hardware-free costs
        (never by real time: a faster computer must not win). `human=False`: the runs a
        remark says a program played (solver, metronome…), ranked apart."""
        where, args = self._where(category_id, seed)
        rows = (
            self.connect()
            .execute(
                f"SELECT runner, runner_key, game_ms, real_ms, actions, pas, prenoms, seed, code, "
                f"started, id, remarks FROM runs WHERE {where} "
                "ORDER BY game_ms, actions, pas, prenoms, runner_key, id",
                args,
            )
            .fetchall()
        )
        best, seen = [], set()
        for row in rows:
            if row[1] in seen or human == any(machine_remark(r) for r in remarks_list(row[11])):
                continue
            seen.add(row[1])
            costs = dict(zip(COST_ORDER, row[4:7], strict=True))
            best.append(
                Row(len(best) + 1, row[0], row[2], row[3], costs, *row[7:11], row[11] or "")
            )
        return best

    def refused(self, limit=50) -> list[tuple[str, str, str]]:
        """[(source file, runner, reason)] of the refused runs, newest first."""
        return (
            self.connect()
            .execute(
                "SELECT source, runner, reason FROM runs WHERE valid = 0 ORDER BY id DESC LIMIT ?",
                (limit,),
            )
            .fetchall()
        )

    def histogram(self, category_id, level_id, cost, you=None, seed=None) -> Histogram:
        if cost not in COST_ORDER:
            raise ValueError(cost)
        where, args = self._where(category_id, seed)
        rows = (
            self.connect()
            .execute(
                f"SELECT levels.{cost}, runs.runner_key FROM levels JOIN runs ON runs.id = run_id "
                f"WHERE {where.replace('category', 'runs.category')} AND levels.level_id = ?",
                [*args, level_id],
            )
            .fetchall()
        )
        values = [r[0] for r in rows if r[0] is not None]
        mine = [r[0] for r in rows if you is not None and r[1] == runner_key(you)]
        return Histogram(cost, values, min(mine) if mine else None)


def _load(path):
    from game.modes.course.speedrun.files import read_run_file

    data, problem = read_run_file(path)  # the game's one bounded reader
    if problem is not None:
        log.warning("fichier de course gardé illisible : %s (%s)", path, problem)
        return None
    return data if is_run_file(data) else None


def _run_verdict(verdict):
    """A run file's verdict; a replay that failed in its process (a plain level Verdict
    with a French reason) becomes a refused run, never an AttributeError."""
    if hasattr(verdict, "valid"):
        return verdict
    from game.modes.course.speedrun.verify import RunVerdict

    return RunVerdict(False, getattr(verdict, "raison", "") or "Vérification impossible.")
