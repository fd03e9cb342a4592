"""Player profile data: the Profile and LevelProgress records, name rules, checks on reading."""

from __future__ import annotations

import math
import re
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

from game import i18n

PROFILE_VERSION = 1
PROFILES_DIR = "profiles"
TRASH_DIR = "corbeille"
NAME_MAX = 20
STARS = 3
SANDBOX = "sandbox"  # opens when the registry's last level is completed

# (name, RGB): kid-friendly, distinct; the name is the catalog key `common.colours.<name>`.
COLOURS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("red", (230, 75, 60)),
    ("orange", (245, 150, 40)),
    ("yellow", (245, 205, 45)),
    ("green", (80, 185, 90)),
    ("teal", (40, 180, 170)),
    ("blue", (60, 130, 220)),
    ("purple", (150, 95, 200)),
    ("pink", (235, 115, 170)),
)
# Avatars the game draws itself; the name is the catalog key `common.avatars.<name>`.
AVATARS: tuple[str, ...] = ("cat", "owl", "fish", "frog", "snail", "bee", "star", "robot")

NUMBER_MAX = 1e15  # metrics, losses, times: anything bigger was not written by the game
COUNT_MAX = 10**9  # plays, hints…

_NAME_PUNCTUATION = {" ", "-", "'", "\u2019"}
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,40}$")


class ProfileError(Exception):
    """A choice the kid can fix (name, colour…), explained in one French sentence."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.message = message
        self.key = key


def _error(key: str, **kwargs) -> ProfileError:
    return ProfileError(i18n.t(f"common.profile.{key}", **kwargs), key=f"common.profile.{key}")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


# --------------------------------------------------------------------------- data


@dataclass
class LevelProgress:
    """What a profile keeps about one level (keyed by the level id in `Profile.progress`)."""

    completed: bool = False
    stars: list[bool] = field(default_factory=lambda: [False] * STARS)
    best: dict[str, float] = field(default_factory=dict)  # best value of each metric
    hints_used: int | None = None  # fewest hints in a completed run
    log: dict | None = None  # replay log of the best run (seed + actions)
    log_stars: int = 0  # stars of the run whose log is kept
    log_metrics: dict[str, float] = field(default_factory=dict)  # metrics of that run
    plays: int = 0
    last_played: str = ""

    @property
    def star_count(self) -> int:
        return sum(1 for s in self.stars if s)


@dataclass
class Profile:
    id: str
    name: str
    colour: int = 0
    avatar: int = 0
    created: str = ""
    last_played: str = ""
    progress: dict[str, LevelProgress] = field(default_factory=dict)
    bigram_baseline: float | None = None  # level 1's loss, the bar level 5 compares to
    favourite_names: list[str] = field(default_factory=list)
    saved_model: dict | None = None
    seen_intro: dict[str, bool] = field(default_factory=dict)
    first_launch_done: bool = False
    speedrun: dict[str, Any] = field(default_factory=dict)  # see game.modes.course.speedrun.records
    homework: dict[str, Any] = field(
        default_factory=dict
    )  # see game.modes.devoir.homework.progress
    extra: dict[str, Any] = field(default_factory=dict)  # keys from a newer game, kept as is

    @property
    def colour_name(self) -> str:
        return COLOURS[self.colour % len(COLOURS)][0]

    @property
    def colour_rgb(self) -> tuple[int, int, int]:
        return COLOURS[self.colour % len(COLOURS)][1]

    @property
    def avatar_name(self) -> str:
        return AVATARS[self.avatar % len(AVATARS)]

    def level(self, level_id: str) -> LevelProgress:
        """The progress of one level (created empty if the kid never played it)."""
        if level_id not in self.progress:
            self.progress[level_id] = LevelProgress()
        return self.progress[level_id]

    def is_completed(self, level_id: str) -> bool:
        entry = self.progress.get(level_id)
        return bool(entry and entry.completed)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, "version": PROFILE_VERSION, **data}

    @classmethod
    def from_dict(cls, data: Any) -> Profile:
        """Build a profile from its JSON; raises ValueError on a wrong version or structure."""
        return _profile_from_dict(data)


# --------------------------------------------------------------------------- validation


def _expect(condition: bool, what: str) -> None:
    if not condition:
        raise ValueError(what)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    """A real, finite number (never a bool, an infinity or NaN)."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return math.isfinite(value) and abs(value) <= NUMBER_MAX


def _is_count(value: Any, top: int = COUNT_MAX) -> bool:
    return _is_int(value) and 0 <= value <= top


def _level_from_dict(data: Any) -> LevelProgress:
    _expect(isinstance(data, dict), "progress entry")
    entry = LevelProgress()
    entry.completed = data.get("completed", False)
    _expect(isinstance(entry.completed, bool), "completed")
    stars = data.get("stars", [False] * STARS)
    _expect(isinstance(stars, list) and all(isinstance(s, bool) for s in stars), "stars")
    entry.stars = (list(stars) + [False] * STARS)[:STARS]
    for name in ("best", "log_metrics"):
        value = data.get(name, {})
        _expect(isinstance(value, dict) and all(_is_number(v) for v in value.values()), name)
        setattr(entry, name, dict(value))
    hints = data.get("hints_used")
    _expect(hints is None or _is_count(hints), "hints_used")
    entry.hints_used = hints
    log_ = data.get("log")
    _expect(log_ is None or isinstance(log_, dict), "log")
    entry.log = log_
    for name, top in (("log_stars", STARS), ("plays", COUNT_MAX)):
        value = data.get(name, 0)
        _expect(_is_count(value, top), name)
        setattr(entry, name, value)
    entry.last_played = data.get("last_played", "")
    _expect(isinstance(entry.last_played, str), "last_played")
    return entry


def _profile_from_dict(data: Any) -> Profile:
    _expect(isinstance(data, dict), "not an object")
    version = data.get("version")
    _expect(_is_int(version) and version == PROFILE_VERSION, f"version {version!r}")
    pid, name = data.get("id"), data.get("name")
    _expect(isinstance(pid, str) and _ID_RE.match(pid) is not None, "id")
    try:  # the same rules as when the kid typed it: a NUL, 1,000 letters… is a damaged file
        name = clean_name(name)
    except ProfileError as error:
        raise ValueError(f"name: {error.key}") from None
    profile = Profile(id=pid, name=name)
    for attr, count in (("colour", len(COLOURS)), ("avatar", len(AVATARS))):
        value = data.get(attr, 0)
        _expect(_is_int(value), attr)
        setattr(profile, attr, value % count)
    for attr in ("created", "last_played"):
        value = data.get(attr, "")
        _expect(isinstance(value, str), attr)
        setattr(profile, attr, value)
    progress = data.get("progress", {})
    _expect(isinstance(progress, dict), "progress")
    profile.progress = {}
    for level_id, entry in progress.items():
        profile.progress[level_id] = _level_from_dict(entry)
    baseline = data.get("bigram_baseline")
    _expect(baseline is None or _is_number(baseline), "bigram_baseline")
    profile.bigram_baseline = None if baseline is None else float(baseline)
    names = data.get("favourite_names", [])
    _expect(isinstance(names, list) and all(isinstance(n, str) for n in names), "favourites")
    profile.favourite_names = list(names)
    model = data.get("saved_model")
    _expect(model is None or isinstance(model, dict), "saved_model")
    profile.saved_model = model
    seen = data.get("seen_intro", {})
    _expect(isinstance(seen, dict) and all(isinstance(v, bool) for v in seen.values()), "seen")
    profile.seen_intro = dict(seen)
    done = data.get("first_launch_done", False)
    _expect(isinstance(done, bool), "first_launch_done")
    profile.first_launch_done = done
    speedrun = data.get("speedrun", {})
    _expect(
        isinstance(speedrun, dict), "speedrun"
    )  # game.modes.course.speedrun.records cleans the rest
    profile.speedrun = speedrun
    if "homework" in data:  # a damaged homework part is dropped, never the whole profile
        from game.modes.devoir.homework.progress import clean

        profile.homework = clean(data["homework"])
    known = {f for f in Profile.__dataclass_fields__} | {"version"}
    profile.extra = {k: v for k, v in data.items() if k not in known}
    return profile


def clean_name(name: Any) -> str:
    """The trimmed first name (NFC, single spaces), or `ProfileError` saying what to fix."""
    if not isinstance(name, str):
        raise _error("name_empty")
    text = " ".join(unicodedata.normalize("NFC", name).split())
    if not text:
        raise _error("name_empty")
    if len(text) > NAME_MAX:
        raise _error("name_too_long", max=NAME_MAX)
    for char in text:
        category = unicodedata.category(char)
        if not (category.startswith("L") or category.startswith("M") or char in _NAME_PUNCTUATION):
            raise _error("name_bad_char", char=char)
    if not any(unicodedata.category(c).startswith("L") for c in text):
        raise _error("name_no_letter")
    return text
