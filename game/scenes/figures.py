"""What the level host and the result screen both write: a level's texts, its figures
(« 2,8498 » next to « sous 2,85 »), its goal line and the name of a place.

Its own module so that `level.py` and `result.py` share it without importing each other.
"""

from __future__ import annotations

import math


class LevelTexts:
    """A level's texts (strings and lists), read through the game's translator."""

    def __init__(self, app, niveau, package):
        self.app = app
        self.niveau = niveau
        self.package = package

    def list(self, key, **kwargs):
        """A list of strings (`intro.ecrans`, `indices`, `etoiles`, `questions.<id>.choix`)."""
        return self.app.translator.t_list(f"{self.package}.{key}", **kwargs)

    def text(self, key, **kwargs):
        full = f"{self.package}.{key}"
        return self.app.t(full, **kwargs) if self.app.translator.has(full) else ""

    def has(self, key):
        """The key exists (a text or a list) and is not empty."""
        full = f"{self.package}.{key}"
        if not self.app.translator.has(full):
            return False
        return bool(self.app.translator.t_list(full))


def is_real(value):
    """A finite int or float (not a bool)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def format_value(app, niveau, key, value, bars=()):
    """A figure for kids: a French (or English) number, a percentage for a « sur » goal.

    `bars`: the goal values shown next to it (« sous 2,85 »). A figure that is not a bar
    never reads like one: 2.8498 next to « sous 2,85 » shows « 2,8498 », not « 2,85 ».
    """
    text = _format_value(app, niveau, key, value)
    if not isinstance(value, float) or not math.isfinite(value):
        return text
    for bar in bars:
        if not is_real(bar) or bar == value:
            continue
        if text == _format_value(app, niveau, key, float(bar)):
            return _format_apart(app, niveau, key, value, float(bar))
    return text


def _format_value(app, niveau, key, value, decimals=None):
    if isinstance(value, bool):
        return app.t("common.yes") if value else app.t("common.no")
    if isinstance(value, int):
        return app.translator.number(value, 0)
    if isinstance(value, float):
        if _is_percent(niveau, key):
            return app.translator.percent(value, decimals or 0)
        if decimals is None:
            decimals = 0 if abs(value) >= 100 else (2 if abs(value) >= 1 else 3)
        return app.translator.number(value, decimals)
    return str(value)


def _is_percent(niveau, key):
    objectif = niveau.objectif
    return key == objectif.metrique and objectif.sens == "sur" and 0 < objectif.seuil <= 1


def _format_apart(app, niveau, key, value, bar):
    """`value` with the fewest decimals that make it differ from `bar` (at most 6 more)."""
    scale = 100 if _is_percent(niveau, key) else 1
    start = 0 if scale == 100 else (0 if abs(value) >= 100 else (2 if abs(value) >= 1 else 3))
    decimals = start + 1
    while decimals < start + 6 and round(value * scale, decimals) == round(bar * scale, decimals):
        decimals += 1
    return _format_value(app, niveau, key, value, decimals)


def goal_text(app, texts, niveau):
    """The goal line (« Fais descendre l'erreur sous 2,85 »), from the level's catalog."""
    seuil = format_value(app, niveau, niveau.objectif.metrique, niveau.objectif.seuil)
    return texts.text("objectif", seuil=seuil) or niveau.titre


def place_name(scene, place):
    """« Niveau 3 », « Bac à sable »: what a place is called on the map."""
    if place.kind == "sandbox":
        return scene.t("map.sandbox")
    if place.kind == "ending":
        return scene.t("map.ending")
    return scene.t("map.level", n=place.number)


def localised(app, values):
    """A level's values for a text (hints, « ce que tu viens de découvrir »), with every
    float written in the kid's language: 0.851 → « 0,851 » in French. A level rounds its
    floats to the decimals it wants shown (`round(x, 3)`); ints and texts pass as they are."""
    out = {}
    for key, value in (values or {}).items():
        if isinstance(value, float) and math.isfinite(value):
            decimals = len(repr(value).partition(".")[2]) if "e" not in repr(value) else 3
            out[key] = app.translator.number(value, min(decimals, 4))
        else:
            out[key] = value
    return out
