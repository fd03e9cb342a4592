"""The host's view of a room, as plain data (no sockets, no clock of its own).

Who is in the room, each runner's splits in order, the run files received and their
verdicts, and the standings. The host (`game.modes.salon.race.host`) feeds it what arrives with
the host's own clock readings; the store (`game.modes.salon.race.store`) saves every change.

Times, and what they prove:
- `real_ms` / `game_ms` of a split are the runner's own clock: « déclaré ».
- `host_ms` is the host's observation: the split's arrival on the host's clock, minus
  the race start on the host's clock, minus half the best round trip measured to that
  computer. A split counts as observed when it arrived within `LATE_MS` of the moment
  it claims.

A run is « vérifié par l'hôte » (`verdict()` → kind "hote") only when all of this holds:
the run file passed re-verification (every level replayed) with the runner's own seed
and name; no verifier remark says a program played (`RunCheck.human`); the last split
was observed; every observed split agrees with the run file's own time for that level
within `AGREE_MS` + half the round trip + `DRIFT` of the time; and each observed level
lasted at least the least time a hand needs for its actions
(`game.modes.course.speedrun.human.MIN_ACTION_MS`).
Otherwise a verified run is « déclaré », with the reason, in a second table below.

A run belongs to its runner: each runner plays its own seed, mixed from the room's seed
and the secret token the host gave at the join (`personal_seed`): a classmate's file
replays on another seed and is refused, and a file whose « coureur » is not the runner's
name is refused too. Names are compared after folding look-alikes
(`game.modes.course.speedrun.names.fold_name`: « Lіna » with a Cyrillic і is « Lina »).
"""

import hashlib
import re
import secrets
from dataclasses import dataclass, field

from game.modes.course.speedrun.names import fold_name
from game.modes.salon.race.protocol import MAX_RUNNERS, PROTOCOL, ProtocolError

LATE_MS = 250  # a split arriving later than that after its claimed moment: not observed
AGREE_MS = 250  # the file's time of a split vs the host's observation (+ half the round trip)
DRIFT = 0.002  # two computers' clocks may run apart by this share of the time (2 ms a second)
SEED_LIMIT = 2**31  # personal seeds stay in the levels' usual range
STATES = ("lobby", "countdown", "running", "finished")


@dataclass
class Split:
    level: str
    real_ms: int
    game_ms: int
    host_ms: int | None = None  # what the host observed (None: arrived too late / offline)


@dataclass
class Runner:
    name: str
    token: str
    connected: bool = True
    splits: list = field(default_factory=list)
    chunks: dict = field(default_factory=dict)  # index → bytes of the run file being sent
    chunk_count: int = 0
    file_received: bool = False
    check: object = None  # the RunCheck of the run file, once verified
    rtt_ms: float | None = None

    @property
    def finished(self):
        return self.check is not None and self.check.valid


def fold(name):
    """Two names are the same runner name when they look the same (`fold_name`)."""
    return fold_name(name)


def personal_seed(room_seed, token):
    """The seed this runner plays: the room's seed mixed with the host's secret token."""
    digest = hashlib.sha256(f"{room_seed}:{token}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % SEED_LIMIT


def same_runner(file_name, runner_name):
    """Is the file's « coureur » this runner (« Lina » for « Lina 2 » too)?"""
    a, b = fold(file_name), fold(runner_name)
    return a == b or re.fullmatch(re.escape(a) + r" \d+", b) is not None


def clean_runner_name(raw):
    """The first name a runner joins with, or ProtocolError (French reason)."""
    from game.profiles import ProfileError, clean_name

    try:
        return clean_name(raw)
    except ProfileError as error:
        raise ProtocolError(f"Prénom refusé : {error.message}", "name") from None


@dataclass
class Room:
    code: str
    category: str
    category_name: str
    levels: tuple  # level ids in order
    seed: int
    game_version: str
    host_name: str = ""
    state: str = "lobby"
    start_at: int | None = None  # host clock (ms) of the start signal
    runners: dict = field(default_factory=dict)  # folded name → Runner

    # --- joining ----------------------------------------------------------------------

    def join(self, hello):
        """A `hello` message → (runner, rejoined?), or ProtocolError with the French reason.

        Two runners with the same first name: the second gets a number (« Lina 2 »), so
        no kid is turned away because a classmate shares their name; coming back to
        one's own place needs the token the host gave at the first join.
        """
        if hello["protocol"] != PROTOCOL:
            raise ProtocolError(
                f"Ce salon parle la version {PROTOCOL} du protocole, ton jeu la version "
                f"{hello['protocol']} : mettez le même jeu sur les deux ordinateurs.",
                "version",
            )
        if hello["game_version"] != self.game_version:
            raise ProtocolError(
                f"Ce salon est pour la version {self.game_version} du jeu, tu as la "
                f"version {hello['game_version']} : il faut la même version pour courir "
                "la même course.",
                "version",
            )
        name = clean_runner_name(hello["name"])
        for runner in self.runners.values():
            token_ok = hello["token"] and secrets.compare_digest(runner.token, hello["token"])
            if token_ok and fold(runner.name).startswith(fold(name)):
                runner.connected = True
                return runner, True
        if len(self.runners) >= MAX_RUNNERS:
            raise ProtocolError(f"Le salon est plein ({MAX_RUNNERS} coureurs).", "full")
        if self.state != "lobby":
            raise ProtocolError("La course a déjà commencé : attends la prochaine.", "started")
        unique = self._unique(name)
        runner = Runner(unique, secrets.token_urlsafe(16))
        self.runners[fold(unique)] = runner
        return runner, False

    def _unique(self, name):
        if fold(name) not in self.runners:
            return name
        number = 2
        while fold(f"{name} {number}") in self.runners:
            number += 1
        return f"{name} {number}"

    # --- the race -----------------------------------------------------------------------

    def start(self, start_at):
        self.state, self.start_at = "countdown", start_at

    def observe(self, runner, real_ms, arrival):
        """The host's time for a split arriving at `arrival` (host ms), or None if late."""
        if self.start_at is None:
            return None
        one_way = (runner.rtt_ms or 0) / 2
        host_ms = round(arrival - self.start_at - one_way)
        if host_ms < 0 or host_ms - real_ms > LATE_MS:
            return None
        return host_ms

    def record_split(self, runner, message, arrival):
        """Adds the runner's next split; returns it, or None for a repeat already known.

        Raises ProtocolError for a split out of order or of the wrong level.
        """
        index = message["index"]
        if self.start_at is None:
            raise ProtocolError("La course n'a pas commencé.", "order")
        if index < len(runner.splits):
            return None  # sent again after a reconnection: already here
        if index > len(runner.splits) or index >= len(self.levels):
            raise ProtocolError(f"Temps intermédiaire n° {index + 1} hors d'ordre.", "order")
        if message["level"] != self.levels[index]:
            raise ProtocolError("Ce n'est pas le bon niveau pour ce temps.", "order")
        previous = runner.splits[-1] if runner.splits else None
        if previous and (message["real_ms"] < previous.real_ms):
            raise ProtocolError("Un temps intermédiaire ne peut pas reculer.", "order")
        split = Split(message["level"], message["real_ms"], message["game_ms"])
        split.host_ms = self.observe(runner, split.real_ms, arrival)
        runner.splits.append(split)
        if self.state == "countdown":
            self.state = "running"
        return split

    def add_chunk(self, runner, message):
        """A piece of the run file; returns the whole file (bytes) when complete, else None."""
        if runner.file_received:
            return None
        if runner.chunks and message["count"] != runner.chunk_count:
            runner.chunks.clear()  # a new sending started over
        runner.chunk_count = message["count"]
        runner.chunks[message["index"]] = message["data"]
        if len(runner.chunks) < runner.chunk_count:
            return None
        data = b"".join(runner.chunks[i] for i in range(runner.chunk_count))
        runner.chunks.clear()
        runner.file_received = True
        return data

    def seed_for(self, runner):
        return personal_seed(self.seed, runner.token)

    def bind_check(self, runner, check):
        """The verifier's check, refused when the file is not this runner's own run."""
        if check.seed is not None and check.seed != self.seed_for(runner):
            owner = next(
                (r.name for r in self.runners.values() if self.seed_for(r) == check.seed), None
            )
            check.valid = False
            check.reason = (
                f"Refusée : ce fichier est la course de {owner}, pas la tienne (chacun rend la "
                "course qu'il a jouée, avec sa propre graine)."
                if owner is not None and owner != runner.name
                else "Refusée : ce fichier n'a pas été joué avec ta graine de ce salon."
            )
        elif check.valid and not same_runner(check.runner, runner.name):
            check.valid = False
            check.reason = (
                f"Refusée : ce fichier est au nom de « {check.runner[:24]} », pas de "
                f"« {runner.name} » : chacun rend sa propre course."
            )
        return check

    def verdict(self, runner):
        """(time_ms, kind, reason) of a verified run: kind "hote" when the host's own
        observations agree with the file (see the module's docstring), else "declare"
        with the reason; (None, "", "") for a run not (yet) verified."""
        if not runner.finished:
            return None, "", ""
        check = runner.check
        reason = self._not_observed(runner, check)
        if reason:
            return check.real_ms, "declare", reason
        return runner.splits[-1].host_ms, "hote", ""

    def _not_observed(self, runner, check):
        if not check.human:
            return "d'après le rejeu, un programme a joué (voir les remarques)"
        if len(runner.splits) != len(self.levels) or runner.splits[-1].host_ms is None:
            return "l'hôte n'a pas vu l'arrivée (fin de course hors ligne ou en retard)"
        slack = AGREE_MS + (runner.rtt_ms or 0) / 2
        previous = 0
        for number, split in enumerate(runner.splits, start=1):
            if split.host_ms is None:
                continue
            mine = check.splits[number - 1][0] if number <= len(check.splits) else None
            if mine is None or abs(mine - split.host_ms) > slack + DRIFT * split.host_ms:
                return (
                    f"le fichier dit {_seconds(mine)} au niveau {number}, l'hôte a vu "
                    f"{_seconds(split.host_ms)}"
                )
            least = check.least_ms[number - 1] if number <= len(check.least_ms) else 0
            if split.host_ms - previous + slack < least:
                return f"niveau {number} joué plus vite qu'une main ne le peut"
            previous = split.host_ms
        return ""

    def final_time(self, runner):
        """(time_ms, kind): kind "hote" only when the host verified it (`verdict`)."""
        time_ms, kind, _reason = self.verdict(runner)
        return time_ms, kind

    def standings(self):
        """Rows for the board: the host-verified table (ranked), then the declared table
        (ranked apart), then the others by progress; refused runs are never ranked.
        Ties are broken by what the replay proves (game time, then the hardware-free
        costs), never by a computer's real time."""
        rows = []
        for runner in self.runners.values():
            time_ms, kind, _reason = self.verdict(runner)
            check = runner.check if runner.finished else None
            table = {"hote": 0, "declare": 1}.get(kind, 2)
            if check is not None:
                costs = tuple(check.costs.get(k, 0) for k in ("actions", "pas", "prenoms"))
                key = (table, time_ms, check.game_ms or 0, *costs)
            else:
                key = (table, -len(runner.splits), 0, 0, 0, 0)
            rows.append((key, fold(runner.name), runner, time_ms, kind))
        rows.sort(key=lambda row: (row[0], row[1]))
        out, ranks = [], {"hote": 0, "declare": 0}
        for _key, _folded, runner, time_ms, kind in rows:
            rank = None
            if kind in ranks:
                ranks[kind] += 1
                rank = ranks[kind]
            out.append(
                {
                    "rank": rank,
                    "name": runner.name,
                    "levels": len(runner.splits),
                    "time_ms": time_ms,
                    "kind": kind,
                    "status": self.status(runner)[:300],
                    "remarks": self.remarks(runner),
                }
            )
        return out

    def remarks(self, runner):
        """The verifier's remarks, in its words (solver, metronome, pauses…)."""
        check = runner.check
        return " ; ".join(check.remarks)[:300] if check is not None else ""

    def status(self, runner):
        """One word or sentence for the board (French)."""
        if runner.check is not None:
            if runner.check.valid:
                _time, kind, reason = self.verdict(runner)
                return "vérifié par l'hôte" if kind == "hote" else f"déclaré : {reason}"
            return f"refusé : {runner.check.reason}"
        if runner.file_received:
            return "vérification…"
        if not runner.connected:
            return "déconnecté"
        if len(runner.splits) == len(self.levels):
            return "envoie son fichier…"
        return "en course" if self.start_at is not None else "prêt"

    def lobby_rows(self):
        return [
            {
                "name": r.name,
                "connected": r.connected,
                "levels": len(r.splits),
                "finished": r.finished,
            }
            for r in self.runners.values()
        ]

    def all_done(self):
        return bool(self.runners) and all(r.check is not None for r in self.runners.values())


def _seconds(ms):
    return "?" if ms is None else f"{ms / 1000:.1f} s".replace(".", ",")
