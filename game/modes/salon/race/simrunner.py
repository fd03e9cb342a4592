"""One simulated computer of `game.modes.salon.race.simulate`: an honest runner, or a
planted cheater.

An honest runner plays each level the way a child who applies the hints' method does
(`game.modes.course.speedrun.human.method_actions`, on its own seed from the `welcome`), at an
uneven pace that is never faster than a hand (`MIN_ACTION_MS`), sends its splits live and hands
in its run file. A cheater (`CHEATS`, one of each attack the room must resist) does the
same with one lie:

- « faux_chrono »: sends its four splits within a second of the start, then an honest
  file (the first place bought with fake splits);
- « copie »: hands in a classmate's exact run file, its splits sent at the classmate's times;
- « renomme »: its own run, with another runner's name as « coureur »;
- « solveur »: the built-in solver's actions, its tool mark deleted, times made uneven;
- « echelle »: an honest run with every time scaled to 9 %, splits sent at those times;
- « metronome »: clicks at exactly the same interval (a program's).

None of them may end in the host-verified table.
"""

import asyncio

from game.modes.course.speedrun.human import DEFAULT_ACTION_MS, MIN_ACTION_MS, method_actions
from game.modes.salon.race.client import RaceClient
from game.modes.salon.race.clock import now_ms
from game.modes.salon.race.runfile import build_run_file
from levels.journal import FORMAT_JOURNAL

HOST = "127.0.0.1"
CHEATS = ("faux_chrono", "copie", "renomme", "solveur", "echelle", "metronome")
SAFETY = 1.6  # an honest runner takes at least this times a hand's least time per action
METRONOME_MS = 500
SCALE = 0.09


def _least(action):
    return MIN_ACTION_MS.get(action.get("type"), DEFAULT_ACTION_MS)


class SimRunner:
    """One simulated computer: a client, its plan, its pace (and maybe its cheat)."""

    def __init__(self, k, port, room, name, drop=False, cheat=None):
        self.k, self.room, self.drop, self.cheat = k, room, drop, cheat
        self.client = RaceClient(HOST, port, name, room.game_version, local_addr=f"127.0.1.{k + 1}")
        self.logs, self.total_ms, self.finish_real_ms = [], 0, None
        self.splits, self.data = [], None  # what was sent and handed in
        self.victim = None  # the honest SimRunner a « copie » copies

    @property
    def honest(self):
        return self.cheat is None

    def prepare(self, by_id):
        """The actions of every level, on this runner's own seed (from the `welcome`)."""
        seed = self.client.welcome["seed"]
        self.logs = []
        for level_id in self.room.levels:
            niveau = by_id[level_id]
            if self.cheat == "solveur":
                actions = list(niveau.resoudre(seed))
            else:
                actions = method_actions(niveau, seed) or list(niveau.resoudre(seed))
            self.logs.append((level_id, actions))

    def need_ms(self):
        """The least planned time of this runner's race (at an honest pace)."""
        return sum(self._level_need(actions) for _, actions in self.logs)

    def _level_need(self, actions):
        if self.cheat == "metronome":
            return METRONOME_MS * len(actions) + 50
        return round(sum(SAFETY * _least(a) + 60 for a in actions))

    def _plan(self):
        """The moment each level ends (ms since the start), proportional to its need."""
        needs = [self._level_need(actions) for _, actions in self.logs]
        ends, acc = [], 0
        for need in needs:
            acc += need
            ends.append(round(self.total_ms * acc / sum(needs)))
        return ends

    def _times(self, actions, segment_ms):
        """Uneven action times inside a segment of `segment_ms` (game ms from its start)."""
        if self.cheat == "metronome":  # one steady interval, the last click at the split
            gap = max(METRONOME_MS, (segment_ms - 30) // max(1, len(actions)))
            return [gap * (i + 1) for i in range(len(actions))]
        weights = [
            _least(a) * (1 + ((i * 389 + self.k * 97) % 50) / 100) for i, a in enumerate(actions)
        ]
        room_ms, acc, times = max(0, segment_ms - 30), 0.0, []
        for w in weights:
            acc += w
            times.append(round(room_ms * acc / sum(weights)))
        return times

    def _journal(self, level_id, actions, segment_ms):
        times = self._times(actions, segment_ms)
        return {
            "format": FORMAT_JOURNAL,
            "jeu": "tuto-llm",
            "niveau": level_id,
            "graine": self.client.welcome["seed"],
            "actions": [[t, a] for t, a in zip(times, actions, strict=True)],
        }

    async def race(self):
        client = self.client
        while client.local_start() is None or not client.offset.ready:
            await asyncio.sleep(0.01)
        if self.cheat == "copie":
            await self._copy(client.local_start())
            return
        start = client.local_start()
        ends = self._plan()
        scale = SCALE if self.cheat == "echelle" else 1.0
        journals, splits, level_start = [], [], 0
        for index, ((level_id, actions), end) in enumerate(zip(self.logs, ends, strict=True)):
            if self.cheat == "faux_chrono":
                await _sleep_until(start + 200 * (index + 1))
                real_ms = end  # claims the honest moment, sent long before it
            else:
                await _sleep_until(start + round(end * scale))
                real_ms = max(now_ms() - start, splits[-1][0] if splits else 0)
            journals.append(self._journal(level_id, actions, real_ms - level_start))
            splits.append((real_ms, real_ms))  # no engine time in a simulation: game = real
            client.split(level_id, real_ms, real_ms)
            level_start = real_ms
            if self.drop and index == 0:  # the network goes for the whole next level
                client.drop(offline_s=(ends[1] - ends[0]) / 1000 + 0.5 if len(ends) > 1 else 0)
        if self.cheat == "faux_chrono":
            await _sleep_until(start + ends[-1])
        self.splits, self.finish_real_ms = splits, splits[-1][0]
        name = client.name if self.cheat != "renomme" else self.victim.client.name
        room = self.room
        seed = client.welcome["seed"]
        self.data = build_run_file(room.category, seed, room.game_version, name, journals, splits)
        client.hand_in(self.data)

    async def _copy(self, start):
        """Sends the victim's splits at the victim's times, then hands in its file."""
        victim = self.victim
        while victim.data is None:
            await asyncio.sleep(0.02)
        for (level_id, _), (real_ms, game_ms) in zip(victim.logs, victim.splits, strict=True):
            await _sleep_until(start + real_ms)
            self.client.split(level_id, real_ms, game_ms)
        self.finish_real_ms = victim.finish_real_ms
        self.data = victim.data
        self.client.hand_in(victim.data)


async def _sleep_until(moment_ms):
    await asyncio.sleep(max(0, moment_ms - now_ms()) / 1000)
