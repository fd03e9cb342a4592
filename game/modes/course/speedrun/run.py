"""One attempt of a category: the levels in a row, the timer, the splits, the run file.

API (pygame-free):
- `Run(category, seed, levels, clock=time.monotonic, code="", runner="", practice=None)`:
  `levels` is the registry's list (`levels.registry.niveaux()`); `practice` a level id of
  the category to practise alone (improves best segments, never the personal best).
- `run.start()`; `run.partie` is the current level's `levels.base.Partie`, stamped with
  the timer's game-time clock (so a level log's `t_ms` are game-time ms since the split
  that started it); play actions through it. With `auto_partie=False` the game's level
  host makes each Partie and hands it over with `run.attach(partie)`.
- `run.check()` after each action: when the current level meets the category's
  requirement it is split at once and the next level starts (no intro, no
  confirmation); returns "split", "finished" or None.
- `run.pause()` / `run.resume()` (both clocks stop; recorded), `run.busy_start()` /
  `run.busy_end()` (engine computing: game time stops).
- `run.splits` → [(real ms, game ms)] cumulative, one per finished level;
  `run.segments()` → per-level durations; `run.run_file(version)` → the dict written to disk.

Run file (JSON, `FORMAT_COURSE`): {"format", "jeu": "tuto-llm", "type": "course",
"version", "categorie", "graine", "code", "coureur", "debut" (wall clock, declared),
"entrainement" (practice: bool), "niveaux": [{"niveau": id, "debut": [real, game],
"fin": [real, game], "journal": the level log}], "pauses": [[real ms, length ms]],
"calcul_ms", "annonce": {"temps_reel_ms", "temps_jeu_ms", "termine"}}. Everything but the
seed and the actions is a claim: `game.modes.course.speedrun.verify` re-plays and checks it.
"""

from __future__ import annotations

import time

from game.modes.course.speedrun.categories import STARS, Category
from game.modes.course.speedrun.timer import RunTimer

FORMAT_COURSE = 1
RUN_TYPE = "course"


def utc_now() -> str:
    """The wall clock in UTC, ISO 8601 (« 2026-12-01T20:55:24Z »), as LiveSplit keeps it."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def requirement_met(category: Category, niveau, etat) -> bool:
    """Does this level's state end the level in this category (goal, or all stars)?"""
    if category.requirement == STARS:
        return all(niveau.etoiles(etat))
    return niveau.est_termine(etat)


class Run:
    def __init__(
        self,
        category,
        seed,
        levels,
        clock=time.monotonic,
        code="",
        runner="",
        practice=None,
        auto_partie=True,
    ):
        ids = category.level_ids(levels)
        by_id = {level.id: level for level in levels}
        if practice is not None:
            if practice not in ids:
                raise KeyError(practice)
            ids = [practice]
        self.category = category
        self.seed = int(seed)
        self.code = code
        self.runner = runner
        self.practice = practice
        self.niveaux = [by_id[i] for i in ids]
        self.timer = RunTimer(clock)
        self.index = 0
        self.partie = None
        self.starts: list[tuple[int, int]] = []
        self.splits: list[tuple[int, int]] = []
        self.logs: list[dict] = []
        self.started_at = ""  # wall clock, UTC ISO (declared)
        self.ended_at = ""
        self.auto_partie = auto_partie  # False: the game's level host makes each Partie
        self.tool = None  # "solveur" when the built-in solver played (marked in the file)

    @property
    def finished(self) -> bool:
        return len(self.splits) == len(self.niveaux)

    @property
    def niveau(self):
        return self.niveaux[min(self.index, len(self.niveaux) - 1)]

    def start(self) -> None:
        from levels.base import Partie

        self.started_at = utc_now()
        self.timer.start()
        self.starts = [self.timer.read()]
        if self.auto_partie:
            self.partie = Partie(self.niveaux[0], self.seed, horloge=self.timer.game_seconds)

    def attach(self, partie) -> None:
        """The game's level host made the current level's Partie (stamped with
        `timer.game_seconds`, see `game.modes.course.policy`)."""
        self.partie = partie

    def check(self) -> str | None:
        """Split when the current level is done; "split", "finished" or None."""
        if self.partie is None or self.finished:
            return None
        if not requirement_met(self.category, self.niveau, self.partie.etat):
            return None
        return self.split()

    def split(self) -> str:
        from levels.base import Partie

        mark = self.timer.read()
        self.splits.append(mark)
        log = self.partie.journal()
        if self.tool:
            log["outil"] = self.tool  # levels.horodatage marks such logs on verification
        self.logs.append(log)
        self.index += 1
        if self.finished:
            self.ended_at = utc_now()
            self.timer.pause()  # the clocks stop on the last split
            return "finished"
        self.starts.append(mark)
        self.partie = None
        if self.auto_partie:
            self.partie = Partie(self.niveau, self.seed, horloge=self.timer.game_seconds)
        return "split"

    def pause(self) -> None:
        if not self.finished:
            self.timer.pause()

    def resume(self) -> None:
        if not self.finished:
            self.timer.resume()

    def busy_start(self) -> None:
        self.timer.busy_start()

    def busy_end(self) -> None:
        self.timer.busy_end()

    def now(self) -> tuple[int, int]:
        """(real ms, game ms) now; frozen at the last split once finished."""
        return self.splits[-1] if self.finished else self.timer.read()

    def segments(self) -> list[tuple[int, int]]:
        """Duration of each finished level, (real ms, game ms)."""
        return [
            (end[0] - start[0], end[1] - start[1])
            for start, end in zip(self.starts, self.splits, strict=False)
        ]

    def run_file(self, version: str) -> dict:
        total = self.splits[-1] if self.splits else (0, 0)
        extra = {"outil": self.tool} if self.tool else {}
        return {
            **extra,
            "format": FORMAT_COURSE,
            "jeu": "tuto-llm",
            "type": RUN_TYPE,
            "version": version,
            "categorie": self.category.id,
            "graine": self.seed,
            "code": self.code,
            "coureur": self.runner,
            "debut": self.started_at,
            "entrainement": self.practice is not None,
            "niveaux": [
                {"niveau": log["niveau"], "debut": list(s), "fin": list(e), "journal": log}
                for s, e, log in zip(self.starts, self.splits, self.logs, strict=False)
            ],
            "pauses": [list(p) for p in self.timer.pauses],
            "calcul_ms": self.timer.busy_ms,
            "annonce": {
                "temps_reel_ms": total[0],
                "temps_jeu_ms": total[1],
                "termine": self.finished,
            },
        }
