"""Player profiles: several kids per computer (clubs and classrooms share machines).

One JSON file per profile in `home_dir()/profiles/<id>.json`, written atomically with a
`.bak` backup (see `game.storage`). Deleting moves the files to `profiles/corbeille/`.

The unlock rule (`is_unlocked`): level 1 is open; level N opens when level N-1 is
completed; the sandbox opens when the last level of `levels.registry` is completed.
"""

from __future__ import annotations

import logging
import math
import re
import secrets
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from game import i18n
from game.storage import SaveError, home_dir, read_json, write_json

log = logging.getLogger(__name__)

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
    speedrun: dict[str, Any] = field(default_factory=dict)  # see game.speedrun.records
    homework: dict[str, Any] = field(default_factory=dict)  # see game.homework.progress
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
    _expect(isinstance(speedrun, dict), "speedrun")  # game.speedrun.records cleans the rest
    profile.speedrun = speedrun
    if "homework" in data:  # a damaged homework part is dropped, never the whole profile
        from game.homework.progress import clean

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


def name_error(name: Any) -> str | None:
    """The French message for a name being typed, or None when it is fine (live check)."""
    try:
        clean_name(name)
    except ProfileError as error:
        return error.message
    return None


def _same_name(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a).casefold() == unicodedata.normalize("NFC", b).casefold()


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:16].strip("-")
    return slug or "joueur"


# --------------------------------------------------------------------------- progress helpers


def touch(profile: Profile) -> None:
    """Mark the profile as just played (the list shows the most recent first)."""
    profile.last_played = _now()


def record_level_result(
    profile: Profile,
    level_id: str,
    stars: Sequence[bool],
    metrics: dict[str, float],
    log: dict | None,
    hints_used: int = 0,
    *,
    completed: bool = True,
    higher_is_better: Iterable[str] = (),
) -> LevelProgress:
    """Merge one run into the profile; never lowers what was earned before.

    - stars: each of the 3 stars, once earned, stays earned;
    - best: each metric keeps its best value (lower is better, except `higher_is_better`);
    - log: the replay of the run with the most stars is kept (ties: the new run if its
      `time_ms` is lower, or if the old log has no time);
    - hints_used: the fewest hints used in a completed run.
    Does not save: call `ProfileStore.save(profile)` after.
    """
    entry = profile.level(level_id)
    new_stars = ([bool(s) for s in stars] + [False] * STARS)[:STARS]
    entry.stars = [old or new for old, new in zip(entry.stars, new_stars, strict=True)]
    entry.plays += 1
    entry.last_played = _now()
    touch(profile)
    if not completed:
        return entry
    entry.completed = True
    higher = set(higher_is_better)
    for name, value in metrics.items():
        if not _is_number(value):  # NaN, infinity: never kept (the file would be refused)
            continue
        old = entry.best.get(name)
        if old is None or (value > old if name in higher else value < old):
            entry.best[name] = value
    hints = max(0, int(hints_used or 0))
    entry.hints_used = hints if entry.hints_used is None else min(entry.hints_used, hints)
    count = sum(new_stars)
    if log is not None and (entry.log is None or _better_log(count, metrics, entry)):
        entry.log = log
        entry.log_stars = count
        entry.log_metrics = {k: v for k, v in metrics.items() if _is_number(v)}
    return entry


def _better_log(count: int, metrics: dict, entry: LevelProgress) -> bool:
    if count != entry.log_stars:
        return count > entry.log_stars
    new_time, old_time = metrics.get("time_ms"), entry.log_metrics.get("time_ms")
    if not _is_number(new_time):
        return False
    return not _is_number(old_time) or new_time < old_time


def registry_level_ids() -> list[str]:
    """The level ids in adventure order, from `levels.registry`."""
    from levels import registry

    return [level.id for level in registry.niveaux()]


def is_unlocked(profile: Profile, level: int | str, level_ids: Sequence[str] | None = None) -> bool:
    """Whether a level can be played.

    `level` is a 1-based number (1 = first of `level_ids`, the registry order), a level id
    from `level_ids`, or `SANDBOX`. Level 1 is open; level N opens when N-1 is completed;
    the sandbox opens when the last of `level_ids` is completed. Without `level_ids`,
    the order comes from `levels.registry`.
    """
    ids = list(level_ids) if level_ids is not None else registry_level_ids()
    if level == SANDBOX:
        if not ids:
            return False
        return profile.is_completed(ids[-1])
    if isinstance(level, str):
        if level not in ids:
            return False
        level = ids.index(level) + 1
    if not _is_int(level) or level < 1 or level > len(ids):
        return False
    return level == 1 or profile.is_completed(ids[level - 2])


# --------------------------------------------------------------------------- store


class ProfileStore:
    """The profiles of this computer, in `<root>` (default `home_dir()/profiles`)."""

    def __init__(self, root: Path | str | None = None):
        self.root = Path(root) if root is not None else home_dir() / PROFILES_DIR
        self.messages: list[str] = []  # kid messages from the last list_profiles()

    @property
    def trash(self) -> Path:
        return self.root / TRASH_DIR

    def path(self, profile_id: str) -> Path:
        return self.root / f"{profile_id}.json"

    def _ids(self) -> list[str]:
        try:
            files = list(self.root.iterdir())
        except OSError:
            return []
        ids = set()
        for path in files:
            name = path.name
            for suffix in (".json", ".json.bak"):
                if name.endswith(suffix) and _ID_RE.match(name[: -len(suffix)]):
                    ids.add(name[: -len(suffix)])
        return sorted(ids)

    def list_profiles(self) -> list[Profile]:
        """Every readable profile, the most recently played first (damaged ones recovered).

        Messages about damaged files found on the way are left in `self.messages`.
        """
        profiles, self.messages = self._load_all()
        profiles.sort(key=lambda p: p.name.casefold())
        profiles.sort(key=lambda p: p.last_played or p.created, reverse=True)
        return profiles

    def _load_all(self) -> tuple[list[Profile], list[str]]:
        profiles, messages = [], []
        for profile_id in self._ids():
            profile, message = self.load(profile_id)
            if message:
                messages.append(message)
            if profile is not None:
                profiles.append(profile)
        return profiles, messages

    def load(self, profile_id: str) -> tuple[Profile | None, str | None]:
        """(profile, message for the kid or None); (None, message) if nothing is usable."""
        if not isinstance(profile_id, str) or not _ID_RE.match(profile_id):
            return None, i18n.t("common.profile.not_found")
        path = self.path(profile_id)
        result = read_json(path, _profile_from_dict)
        profile = result.data
        if profile is None and result.message is None:
            return None, i18n.t("common.profile.not_found")
        if profile is not None and profile.id != profile_id:
            profile.id = profile_id  # a file copied under another name: the name wins
        return profile, result.message

    def save(self, profile: Profile) -> None:
        """Atomic write with a `.bak` of the previous version; raises only `SaveError`."""
        path = self.path(profile.id)
        try:
            data = profile.to_dict()
        except Exception as error:  # a bug or a strange profile: the game must not stop
            log.error("profil impossible à préparer %s : %r", path, error)
            key = "common.save.write_failed"
            raise SaveError(i18n.t(key), key=key, path=path) from error
        write_json(path, data)

    def _check_free(self, name: str, except_id: str | None = None) -> None:
        for other in self._load_all()[0]:
            if other.id != except_id and _same_name(other.name, name):
                raise _error("name_taken", name=other.name)

    def create(self, name: str, colour: int = 0, avatar: int = 0) -> Profile:
        """A new saved profile; `ProfileError` (bad or taken name…) or `SaveError`."""
        name = clean_name(name)
        if not _is_int(colour) or not 0 <= colour < len(COLOURS):
            raise _error("colour_invalid")
        if not _is_int(avatar) or not 0 <= avatar < len(AVATARS):
            raise _error("avatar_invalid")
        self._check_free(name)
        existing = set(self._ids())
        profile_id = f"{_slug(name)}-{secrets.token_hex(3)}"
        while profile_id in existing:
            profile_id = f"{_slug(name)}-{secrets.token_hex(3)}"
        now = _now()
        profile = Profile(
            id=profile_id, name=name, colour=colour, avatar=avatar, created=now, last_played=now
        )
        self.save(profile)
        return profile

    def rename(self, profile: Profile | str, new_name: str) -> Profile:
        """Change the first name (the id stays); `ProfileError` or `SaveError`."""
        if isinstance(profile, str):
            loaded, _message = self.load(profile)
            if loaded is None:
                raise _error("not_found")
            profile = loaded
        name = clean_name(new_name)
        self._check_free(name, except_id=profile.id)
        old = profile.name
        profile.name = name
        try:
            self.save(profile)
        except SaveError:
            profile.name = old
            raise
        return profile

    def delete(self, profile: Profile | str) -> Path:
        """Move the profile's files to the trash folder (never unlinked); returns the new path."""
        profile_id = profile if isinstance(profile, str) else profile.id
        if not _ID_RE.match(profile_id):
            raise _error("not_found")
        path = self.path(profile_id)
        if not path.exists() and not path.with_name(path.name + ".bak").exists():
            raise _error("not_found")
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.trash / f"{profile_id}-{stamp}.json"
        n = 2
        while target.exists():
            target = self.trash / f"{profile_id}-{stamp}-{n}.json"
            n += 1
        try:
            self.trash.mkdir(parents=True, exist_ok=True)
            bak = path.with_name(path.name + ".bak")
            if path.exists():
                path.replace(target)
            if bak.exists():
                bak.replace(target.with_name(target.name + ".bak"))
        except OSError as error:
            log.error("suppression impossible %s : %r", path, error)
            key = (
                "common.save.write_denied"
                if isinstance(error, PermissionError)
                else ("common.save.write_failed")
            )
            raise SaveError(i18n.t(key), key=key, path=path) from error
        return target
