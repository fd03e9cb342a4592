"""A runner's way to play in a race room: the room's category and seed, one shared start.

The clock started at the host's start signal (converted to this computer's clock by
the runner's session), not when the level opened: every computer times the same race.
Real time runs all along; game time leaves out the engine's long work (the level
host's « busy »), as in the speedrun mode. Each level ends as soon as its goal is
reached; its split goes to the host at once (or later, if the network is down), and
the next level starts. At the end the run file (the speedrun mode's format) is handed
in to the host, which re-verifies it, and a copy is kept in `home_dir()/salon/courses/`.
"""

from __future__ import annotations

import contextlib

from game.modes.course.speedrun.timer import RunTimer
from game.modes.salon.race.clock import now_ms
from game.policies.base import Policy


def _race_seconds():
    """The race clock (`now_ms`, the one the session converts the host's start to), in s."""
    return now_ms() / 1000


class SalonPolicy(Policy):
    name = "salon"

    def __init__(self, session, category, seed, start_local, runner_name):
        self.session = session  # game.modes.salon.race.bridge.RunnerSession (or a stand-in)
        self.category, self.seed = category, seed
        self.start_local = start_local  # the start, on this computer's clock (ms)
        self.runner_name = runner_name
        self.index = 0
        # the speedrun mode's two clocks, on the race clock, from the shared start
        self.timer = RunTimer(clock=_race_seconds)
        self.timer.start(at=start_local / 1000)
        self.marks, self.logs = [], []

    # --- the clocks ------------------------------------------------------------------
    def now(self):
        """(real ms, game ms) since the start."""
        return self.timer.read()

    @property
    def busy_ms(self):
        return self.timer.busy_ms

    def game_seconds(self):
        return self.timer.game_seconds()

    def on_pause(self, host, reason):
        if reason == "busy":
            self.timer.busy_start()

    def on_resume(self, host, reason):
        if reason == "busy":
            self.timer.busy_end()

    # --- the level -------------------------------------------------------------------
    def seed_for(self, app, place):
        return self.seed

    def hints_allowed(self, place):
        from game.modes.course.speedrun.categories import category

        return category(self.category.id).hints_allowed

    def ask_question(self, host):
        return False

    def finish_when_done(self, host):
        return True

    def clock(self, app, place):
        # Action times in the level log follow game time, as the speedrun verifier expects.
        return self.game_seconds

    def top_bar_width(self, host):
        return 420

    def top_bar_items(self, host):
        from game.modes.salon.board import format_ms

        total = len(self.category.levels)
        real, game = self.now()
        t = host.app.t
        return [
            f"{self.index + 1}/{total}",
            t("salon.coureur.chrono_reel", temps=format_ms(real)),
            t("salon.coureur.chrono_jeu", temps=format_ms(game)),
        ]

    def on_level_complete(self, host):
        self.on_resume(host, "busy")
        mark = self.now()
        self.marks.append(mark)
        self.logs.append(host.partie.journal())
        level_id = self.category.levels[self.index]
        self.session.split(level_id, mark[0], mark[1])
        self.index += 1
        if self.index < len(self.category.levels):
            host.app.replace("level", self.place_of(host.app, self.index), policy=self)
            return
        self.hand_in()
        host.app.scenes.pop()  # back to the runner's room screen (standings, verdict)

    def on_quit(self, host):
        host.app.scenes.pop()

    def place_of(self, app, index):
        from game.scenes.places import build_places

        wanted = self.category.levels[index]
        return next(p for p in build_places(app.profile) if p.id == wanted)

    def run_file(self):
        from game.modes.salon.race.runfile import build_run_file, game_version

        return build_run_file(
            self.category.id,
            self.seed,
            game_version(),
            self.runner_name,
            self.logs,
            self.marks,
            busy_ms=self.busy_ms,
        )

    def hand_in(self):
        from game.storage import SaveError, home_dir, write_atomic

        data = self.run_file()
        self.session.hand_in(data)
        stamp = "-".join(str(v) for v in self.marks[-1])
        path = home_dir() / "salon" / "courses" / f"{self.category.id}-{self.seed}-{stamp}.json"
        with contextlib.suppress(SaveError):
            write_atomic(path, data, backup=False)  # can be handed in again by hand
