"""The host's view of a room, as plain data (no sockets, no clock of its own).

Who is in the room, each runner's splits in order, the run files received and their
verdicts, and the standings. The host (`game.modes.salon.race.host`) feeds it what arrives with
the host's own clock readings; the store (`game.modes.salon.race.store`) saves every change.

Times, and what they prove:
- `real_ms` / `game_ms` of a split are the runner's own clock: « déclaré ».
- `host_ms` is the host's observation: the split's arrival on the host's clock, minus
  the race start on the host's clock, minus half the best round trip measured to that
  computer. A split counts as observed when it arrived within `LATE_MS` of the moment
  it claims; the final time of a run is « vérifié par l'hôte » only if the last split
  was observed and the run file passed re-verification.
"""

import secrets
import unicodedata
from dataclasses import dataclass, field

from game.modes.salon.race.protocol import MAX_RUNNERS, PROTOCOL, ProtocolError

LATE_MS = 250  # a split arriving later than that after its claimed moment: not observed
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
    """Two names are the same runner name when they match ignoring case and accents' forms."""
    return unicodedata.normalize("NFC", name).casefold()


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

    def final_time(self, runner):
        """(time_ms, kind) of a verified run: kind "hote" when the host observed the end."""
        if not runner.finished:
            return None, ""
        last = runner.splits[-1] if len(runner.splits) == len(self.levels) else None
        if last is not None and last.host_ms is not None:
            return last.host_ms, "hote"
        return runner.check.real_ms, "declare"

    def standings(self):
        """Rows for the board: verified finishers by time, then the others by progress."""
        rows = []
        for runner in self.runners.values():
            time_ms, kind = self.final_time(runner)
            last = runner.splits[-1].real_ms if runner.splits else 0
            key = (0, time_ms, 0) if time_ms is not None else (1, -len(runner.splits), last)
            rows.append((key, runner.name, runner, time_ms, kind))
        rows.sort(key=lambda row: (row[0], fold(row[1])))
        out = []
        for rank, (_key, name, runner, time_ms, kind) in enumerate(rows, start=1):
            out.append(
                {
                    "rank": rank if time_ms is not None else None,
                    "name": name,
                    "levels": len(runner.splits),
                    "time_ms": time_ms,
                    "kind": kind,
                    "status": self.status(runner),
                }
            )
        return out

    def status(self, runner):
        """One word or sentence for the board (French)."""
        if runner.check is not None:
            if runner.check.valid:
                return "vérifié par l'hôte" if self.final_time(runner)[1] == "hote" else "déclaré"
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
