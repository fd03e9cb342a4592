"""Progress of a long check on the command line: « vérifiés : 12/40 » on stderr.

`stderr_progress(label)` returns `progress(done, total)`: on a terminal one line redrawn
in place, in a log file at most about ten lines (never one per file). stdout keeps
only the result (a JSON line stays the last line). `finish()` ends the line.
"""

from __future__ import annotations

import sys


class StderrProgress:
    def __init__(self, label: str):
        self.label = label
        self.shown = -1
        self.open = False

    def __call__(self, done: int, total: int) -> None:
        stream = sys.stderr
        tty = stream.isatty()
        step = max(1, total // 10)
        if not tty and done != total and done // step == self.shown // step:
            return
        self.shown = done
        text = f"  {self.label} : {done}/{total}"
        if tty:
            print("\r" + text, end="", file=stream, flush=True)
            self.open = True
        else:
            print(text, file=stream, flush=True)

    def finish(self) -> None:
        if self.open:
            print(file=sys.stderr, flush=True)
            self.open = False


def stderr_progress(label: str) -> StderrProgress:
    return StderrProgress(label)
