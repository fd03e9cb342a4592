"""Settings of this computer (not of a profile): language, text size, colours, sound, motion.

Stored in `home_dir()/settings.json` through `game.storage` (atomic, with a backup).
Reading is forgiving: unknown keys are ignored and a bad value falls back to its default,
so an old or hand-edited file never stops the game.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from game.i18n import DEFAULT_LANGUAGE, LANGUAGES
from game.storage import home_dir, read_json, write_json

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SETTINGS_FILE = "settings.json"
TEXT_SIZES = ("normal", "large", "largest")  # catalog keys common.settings.text_sizes.<name>
TEXT_SCALES = (1.0, 1.25, 1.5)


@dataclass
class Settings:
    language: str = DEFAULT_LANGUAGE  # "fr" or "en"
    text_size: int = 0  # 0 normal, 1 large, 2 largest
    colorblind_palette: bool = False
    sound: bool = True
    reduce_motion: bool = False
    fullscreen: bool = False
    livesplit_server: bool = False  # speedrun: drive LiveSplit's server on this computer

    @property
    def text_scale(self) -> float:
        return TEXT_SCALES[self.text_size]

    def to_dict(self) -> dict[str, Any]:
        return {"version": SETTINGS_VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: Any) -> Settings:
        """Known keys with valid values are kept; anything else gets its default."""
        settings = cls()
        if not isinstance(data, dict):
            return settings
        for spec in fields(cls):
            if spec.name in data and _valid(spec.name, data[spec.name]):
                setattr(settings, spec.name, data[spec.name])
            elif spec.name in data:
                log.warning("réglage %s invalide (%r) : par défaut", spec.name, data[spec.name])
        return settings


def _valid(name: str, value: Any) -> bool:
    if name == "language":
        return value in LANGUAGES
    if name == "text_size":
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 3
    return isinstance(value, bool)


def _validate(data: Any) -> Settings:
    if not isinstance(data, dict):
        raise ValueError("settings: not an object")
    return Settings.from_dict(data)


def settings_path() -> Path:
    return home_dir() / SETTINGS_FILE


def load_settings(path: Path | str | None = None) -> tuple[Settings, str | None]:
    """(settings, message for the kid or None); defaults when there is no usable file."""
    result = read_json(path or settings_path(), _validate, messages="common.settings_save")
    settings = result.data if isinstance(result.data, Settings) else Settings()
    return settings, result.message


def save_settings(settings: Settings, path: Path | str | None = None) -> None:
    """Atomic write with a backup; raises only `game.storage.SaveError`."""
    write_json(path or settings_path(), settings.to_dict())
