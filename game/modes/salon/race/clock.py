"""Clocks of two computers: how far apart they are, measured like NTP.

One ping: A sends at t0 (A's clock), B receives at t1 and answers at t2 (B's clock),
A receives at t3 (A's clock). Then

    offset = ((t1 - t0) + (t2 - t3)) / 2     (B's clock minus A's clock)
    delay  = (t3 - t0) - (t2 - t1)           (the round trip on the wire)

The offset is exact when both directions take the same time; its error is at most
delay / 2. So we keep the sample with the smallest delay among the last few.
"""

import time

KEEP = 8  # samples remembered


def now_ms():
    """This computer's clock in milliseconds (monotonic: it never jumps back)."""
    return time.monotonic_ns() // 1_000_000


def sample(t0, t1, t2, t3):
    """(offset, delay) of one ping, in ms; the offset is B's clock minus A's."""
    return ((t1 - t0) + (t2 - t3)) / 2, (t3 - t0) - (t2 - t1)


class OffsetEstimate:
    """The best of several pings: the one that went fastest tells the most."""

    def __init__(self):
        self.samples = []  # [(delay, offset)]

    def add(self, t0, t1, t2, t3):
        offset, delay = sample(t0, t1, t2, t3)
        if delay < 0:  # impossible (a clock went back, or someone lies): ignore it
            return False
        self.samples.append((delay, offset))
        self.samples = self.samples[-KEEP:]
        return True

    @property
    def ready(self):
        return bool(self.samples)

    @property
    def offset(self):
        """B minus A in ms (0 before any ping)."""
        return min(self.samples)[1] if self.samples else 0.0

    @property
    def delay(self):
        """Round trip of the best sample in ms (None before any ping)."""
        return min(self.samples)[0] if self.samples else None
