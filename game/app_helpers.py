"""App helpers: silent sounds, friendly notices, level warm-up, theme options."""

from __future__ import annotations

import logging

log = logging.getLogger("game.app")  # the same log as before the split

NOTICE_SECONDS = 7.0


class _SilentSounds:
    """Stands in when game.sound is missing or broken: the game stays silent."""

    def play(self, name):
        return False

    def set_muted(self, muted):
        pass


def _make_sounds(muted):
    try:
        from game.sound import Sounds

        return Sounds(muted=muted)
    except Exception:  # noqa: BLE001 - no sound is never a reason to stop
        log.exception("sons indisponibles")
        return _SilentSounds()


class Notice:
    """A friendly one-sentence message shown at the bottom for a few seconds."""

    def __init__(self, text, kind="info"):
        self.text = text
        self.kind = kind
        self.left = NOTICE_SECONDS


def _warm_levels():
    """Load what every level computes once (datasets, starting losses), off the frame loop."""
    try:
        from engine.donnees import DATASETS
        from levels import registry as level_registry
        from levels.atelier.donnees import donnees_dataset

        for niveau in level_registry.niveaux():
            etat = niveau.nouvel_etat(0)
            niveau.progression(etat)
        for name in sorted(DATASETS):  # the sandbox's lists
            donnees_dataset(name)
    except Exception:  # noqa: BLE001 - only a head start: the level does it again if needed
        log.warning("préchargement des niveaux impossible", exc_info=True)


def warm_levels_in_background():
    """Start `_warm_levels` in a daemon thread (the first click on a level stays smooth)."""
    import threading

    thread = threading.Thread(target=_warm_levels, name="tuto-llm-warm", daemon=True)
    thread.start()
    return thread


def _theme_options(settings):
    """The theme's settings: text size, palette, and the language its widgets write
    numbers in."""
    return {
        "text_size": settings.text_size,
        "colorblind": settings.colorblind_palette,
        "lang": settings.language,
    }
