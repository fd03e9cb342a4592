"""Driving LiveSplit's own timer through LiveSplit.Server (TCP on this computer only).

Off unless the setting `livesplit_server` is on. LiveSplit.Server listens on
localhost:16834 and reads one command per line (« starttimer », « split »,
« setgametime 00:01:02.50 », « pausegametime », « unpausegametime », « pause »,
« resume », « reset »; « initgametime » is not one of LiveSplit's server commands: it
answers « Invalid command », so game time is set with « setgametime » alone).

`LiveSplitLink(port=16834)`: `send(command)` never raises and never waits more than
`TIMEOUT` seconds; after a failure the link stays off (`error` holds a French sentence)
until `retry()`. `LiveSplitDriver(link)` turns a run's events into commands:
`started()`, `split(game_ms)`, `paused()`, `resumed()`, `busy(True|False)`, `reset()`.
"""

from __future__ import annotations

import contextlib
import socket

DEFAULT_PORT = 16834
LOCALHOST = "127.0.0.1"  # never another computer: the runner's own LiveSplit
TIMEOUT = 0.2


def game_time_text(ms: int) -> str:
    """LiveSplit.Server's time argument: « 00:01:02.50 »."""
    ms = max(0, int(ms))
    seconds, rest = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{rest // 10:02d}"


class LiveSplitLink:
    def __init__(self, port: int = DEFAULT_PORT, timeout: float = TIMEOUT):
        self.port = port
        self.timeout = timeout
        self.sock = None
        self.error: str | None = None
        self.sent: list[str] = []

    def _connect(self):
        self.sock = socket.create_connection((LOCALHOST, self.port), timeout=self.timeout)
        self.sock.settimeout(self.timeout)

    def send(self, command: str) -> bool:
        """Sends one line; False (and `error` set) when LiveSplit does not answer."""
        if self.error is not None:
            return False
        try:
            if self.sock is None:
                self._connect()
            self.sock.sendall((command + "\r\n").encode("ascii"))
        except (OSError, UnicodeError):
            self.close()
            self.error = (
                "LiveSplit ne répond pas : ouvre LiveSplit, puis clic droit → Control → "
                f"Start TCP Server (port {self.port})."
            )
            return False
        self.sent.append(command)
        return True

    def retry(self) -> None:
        self.error = None

    def close(self) -> None:
        if self.sock is not None:
            with contextlib.suppress(OSError):
                self.sock.close()
        self.sock = None


class LiveSplitDriver:
    """The run's events as LiveSplit commands (game time follows the game's own clock)."""

    def __init__(self, link: LiveSplitLink):
        self.link = link

    def started(self):
        self.link.send("reset")
        self.link.send("starttimer")
        self.link.send("setgametime " + game_time_text(0))

    def split(self, game_ms: int):
        self.link.send("setgametime " + game_time_text(game_ms))
        self.link.send("split")

    def paused(self):
        self.link.send("pause")

    def resumed(self):
        self.link.send("resume")

    def busy(self, computing: bool):
        self.link.send("pausegametime" if computing else "unpausegametime")

    def reset(self):
        self.link.send("reset")
