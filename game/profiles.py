"""Player profiles: several kids per computer (clubs and classrooms share machines).

One JSON file per profile in `home_dir()/profiles/<id>.json`, written atomically with a
`.bak` backup (see `game.storage`). Deleting moves the files to `profiles/corbeille/`.

The unlock rule (`is_unlocked`): level 1 is open; level N opens when level N-1 is
completed; the sandbox opens when the last level of `levels.registry` is completed.
"""

from __future__ import annotations

import logging
import re
import secrets
import time
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from game import i18n

# The profile records live in game/profile_model.py (names kept here).
from game.profile_model import (  # noqa: F401
    _ID_RE,
    _NAME_PUNCTUATION,
    AVATARS,
    COLOURS,
    COUNT_MAX,
    NAME_MAX,
    NUMBER_MAX,
    PROFILE_VERSION,
    PROFILES_DIR,
    SANDBOX,
    STARS,
    TRASH_DIR,
    LevelProgress,
    Profile,
    ProfileError,
    _error,
    _expect,
    _is_count,
    _is_int,
    _is_number,
    _level_from_dict,
    _now,
    _profile_from_dict,
    clean_name,
)
from game.storage import SaveError, home_dir, read_json, write_json

log = logging.getLogger(__name__)


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
