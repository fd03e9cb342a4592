"""The run timer: two clocks, both always labelled on screen.

- real time (« temps réel »): the wall clock since the start; it never stops, not even
  in a pause;
- game time (« temps de jeu »): real time minus the time the engine spends computing
  (training, long replays) — the « loads removed » clock of speedrunners, so a slow
  school computer is not a handicap — and minus the pauses.

Pausing stops game time only, and is recorded (`pauses`: [start real ms, length ms]);
the speedrun policy hides the level while paused (nothing can be studied for free).
Engine work is bracketed by `busy_start()` / `busy_end()` (the speedrun policy calls
them from the level host's `on_pause(host, "busy")` / `on_resume`).

The clock is injected (`clock()` → seconds, default `time.monotonic`) so tests drive
it. Every reading is an int of milliseconds. `game_seconds` is the clock a `Partie`
stamps its actions with, so a level log's `t_ms` are game-time milliseconds.
"""

from __future__ import annotations

import time


class RunTimer:
    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.started = False
        self.paused = False
        self.busy = False
        self._real = 0.0  # seconds counted so far, up to `_last`
        self._game = 0.0
        self._last = 0.0
        self._pause_start_ms = 0
        self.pauses: list[list[int]] = []  # [[real ms at pause, length ms], …]
        self.busy_ms = 0  # engine time left out of game time

    # --------------------------------------------------------------- transitions
    def _advance(self) -> None:
        now = self.clock()
        if self.started:
            if now <= self._last:  # a start still to come (a race room's shared start)
                return
            step = now - self._last
            self._real += step  # real time never stops
            if self.busy and not self.paused:
                self.busy_ms += int(round(step * 1000))
            elif not self.paused:
                self._game += step
        self._last = now

    def start(self, at: float | None = None) -> None:
        """Start now, or at `at` (the clock's seconds; a race's start, maybe past or
        to come: nothing is counted before it)."""
        self._last = self.clock() if at is None else at
        self.started = True

    def pause(self) -> None:
        self._advance()
        if self.started and not self.paused:
            self.paused = True
            self._pause_start_ms = self.real_ms()
            self._pause_clock = self._last

    def resume(self) -> None:
        self._advance()
        if self.paused:
            self.paused = False
            length = int(round((self._last - self._pause_clock) * 1000))
            self.pauses.append([self._pause_start_ms, length])

    def busy_start(self) -> None:
        self._advance()
        self.busy = True

    def busy_end(self) -> None:
        self._advance()
        self.busy = False

    # --------------------------------------------------------------- readings
    def real_ms(self) -> int:
        self._advance()
        return int(round(self._real * 1000))

    def game_ms(self) -> int:
        self._advance()
        return int(round(self._game * 1000))

    def read(self) -> tuple[int, int]:
        """(real ms, game ms) from one reading of the clock."""
        self._advance()
        return int(round(self._real * 1000)), int(round(self._game * 1000))

    def game_seconds(self) -> float:
        """Game time in seconds: the clock a level's `Partie` stamps its actions with."""
        self._advance()
        return self._game


class SimClock:
    """A clock that moves only when told (the solver's runs, tests): `advance(seconds)`."""

    def __init__(self, start: float = 0.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


def format_time(ms, decimals: int = 1, lang: str = "fr") -> str:
    """« 1:02,3 » (« 1:02.3 » in English; « 1:02:03,4 » past an hour); « — » for None."""
    if ms is None:
        return "—"
    sign = "−" if ms < 0 else ""
    ms = abs(int(ms))
    seconds, rest = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    point = "." if lang == "en" else ","
    tail = f"{point}{rest:03d}"[: decimals + 1] if decimals else ""
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}{tail}"
    return f"{sign}{minutes}:{seconds:02d}{tail}"


def format_delta(ms, lang: str = "fr") -> str:
    """A delta to the personal best: « +1,2 » behind, « −0,8 » ahead, « — » without one."""
    if ms is None:
        return "—"
    sign = "+" if ms > 0 else "−" if ms < 0 else "±"
    if abs(ms) >= 60_000:
        return sign + format_time(abs(ms), 1, lang)
    point = "." if lang == "en" else ","
    return f"{sign}{abs(ms) // 1000}{point}{abs(ms) % 1000 // 100}"
