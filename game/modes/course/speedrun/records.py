"""Personal bests, best segments (gold), sum of best, attempts and history.

Kept per profile and category in `profile.speedrun[category_id]` and saved with the
profile (`ProfileStore.save`: atomic, `.bak` backup). The stored dict (JSON):

    {"attempts": int, "practice": int,
     "pb": {"splits": [[real, game], …] cumulative ms, "seed": int, "date": str,
            "attempt": int} | null,
     "best_segments": {level_id: [real ms, game ms]},   # each clock's own best
     "history": [{"id": int, "started": str, "ended": str, "seed": int,
                  "finished": bool, "segments": [[real, game] | null, …]}, …]}

The personal best is ranked by game time (the club board's clock); real time is kept
with it. A practice run (one level alone) may improve a best segment, never the PB.

API (pygame-free): `category_record(profile, cat_id)` → `Record` (a cleaned view, never
raises on a damaged dict); `record_attempt(profile, run)` → `AttemptResult`;
`Record.sum_of_best(level_ids)`, `Record.pb_split(k)`, `Record.delta(k, split)`,
`Record.is_gold(level_id, segment)`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

HISTORY_MAX = 500  # oldest attempts beyond this are dropped from the history
REAL, GAME = 0, 1


def _ms(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _pair(value):
    if isinstance(value, list | tuple) and len(value) == 2 and all(_ms(v) for v in value):
        return [int(value[0]), int(value[1])]
    return None


@dataclass
class Record:
    attempts: int = 0
    practice: int = 0
    pb: dict | None = None
    best_segments: dict = field(default_factory=dict)
    history: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {
            "attempts": self.attempts,
            "practice": self.practice,
            "pb": self.pb,
            "best_segments": self.best_segments,
            "history": self.history,
        }

    def pb_split(self, index):
        """The PB's cumulative [real, game] at split `index`, or None."""
        splits = (self.pb or {}).get("splits", [])
        return splits[index] if 0 <= index < len(splits) else None

    def pb_total(self):
        splits = (self.pb or {}).get("splits", [])
        return splits[-1] if splits else None

    def delta(self, index, split, clock=GAME):
        """Cumulative split minus the PB's (negative = ahead), or None without a PB."""
        pb = self.pb_split(index)
        return None if pb is None else split[clock] - pb[clock]

    def is_gold(self, level_id, segment, clock=GAME) -> bool:
        """Beats the best segment ever for this level (or is the first one)."""
        best = self.best_segments.get(level_id)
        return best is None or segment[clock] < best[clock]

    def sum_of_best(self, level_ids):
        """[real, game] sum of the best segments, or None while a level has none."""
        bests = [self.best_segments.get(i) for i in level_ids]
        if not bests or any(b is None for b in bests):
            return None
        return [sum(b[REAL] for b in bests), sum(b[GAME] for b in bests)]


def _clean(raw) -> Record:
    record = Record()
    if not isinstance(raw, dict):
        return record
    record.attempts = raw["attempts"] if _ms(raw.get("attempts")) else 0
    record.practice = raw["practice"] if _ms(raw.get("practice")) else 0
    pb = raw.get("pb")
    if isinstance(pb, dict) and isinstance(pb.get("splits"), list):
        splits = [_pair(s) for s in pb["splits"]]
        if splits and all(splits):
            record.pb = {**pb, "splits": splits}
    segments = raw.get("best_segments")
    if isinstance(segments, dict):
        record.best_segments = {
            k: _pair(v) for k, v in segments.items() if isinstance(k, str) and _pair(v)
        }
    history = raw.get("history")
    if isinstance(history, list):
        record.history = [h for h in history if isinstance(h, dict)][-HISTORY_MAX:]
    return record


def category_record(profile, cat_id) -> Record:
    """The cleaned record of one category (empty if never raced)."""
    store = getattr(profile, "speedrun", None)
    return _clean(store.get(cat_id) if isinstance(store, dict) else None)


@dataclass
class AttemptResult:
    attempt: int  # this attempt's number (1 = first)
    new_pb: bool
    previous_pb: list | None  # previous total [real, game], or None
    golds: list  # per finished segment: did it beat its best ever (game time)?
    record: Record


def record_attempt(profile, run) -> AttemptResult:
    """Merge a finished or abandoned `Run` into the profile (call `ProfileStore.save` after)."""
    record = category_record(profile, run.category.id)
    segments = [list(s) for s in run.segments()]
    ids = [n.id for n in run.niveaux]
    golds = [record.is_gold(i, s) for i, s in zip(ids, segments, strict=False)]
    for level_id, segment in zip(ids, segments, strict=False):
        best = record.best_segments.get(level_id)
        record.best_segments[level_id] = (
            list(segment) if best is None else [min(best[0], segment[0]), min(best[1], segment[1])]
        )
    previous = record.pb_total()
    new_pb = False
    if run.practice is not None:
        record.practice += 1
        number = record.attempts
    else:
        record.attempts += 1
        number = record.attempts
        record.history.append(_history_entry(run, number, ids, segments))
        record.history = record.history[-HISTORY_MAX:]
        if run.finished and (previous is None or run.splits[-1][GAME] < previous[GAME]):
            new_pb = True
            record.pb = {
                "splits": [list(s) for s in run.splits],
                "seed": run.seed,
                "date": run.ended_at,
                "attempt": number,
            }
    if not isinstance(getattr(profile, "speedrun", None), dict):
        profile.speedrun = {}
    profile.speedrun[run.category.id] = record.to_json()
    return AttemptResult(number, new_pb, previous, golds, record)


def _history_entry(run, number, ids, segments) -> dict:
    return {
        "id": number,
        "started": run.started_at,
        "ended": run.ended_at,
        "seed": run.seed,
        "finished": run.finished,
        "segments": [segments[i] if i < len(segments) else None for i in range(len(ids))],
    }
