"""The places of the adventure map: the registry's levels, the sandbox and the ending.

The levels and their order come from `levels.registry` (one line per level); a level
whose `view.py` is not written yet shows as « bientôt ». The sandbox and the ending open
when the last level of the registry is completed (`game.profiles.is_unlocked`).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass

from game.profiles import SANDBOX as PROFILE_SANDBOX
from game.profiles import is_unlocked

SANDBOX = "sandbox"
ENDING = "ending"
SANDBOX_MODULE = "levels.bac_a_sable"


@dataclass
class Place:
    id: str  # the level id, or SANDBOX / ENDING
    kind: str  # "level", "sandbox", "ending"
    number: int = 0  # 1..N for levels (the registry's order)
    niveau: object = None  # the level's NIVEAU (None when not written yet)
    status: str = "locked"  # "soon", "locked", "open", "done"
    stars: int = 0
    package: str = ""  # level package name, e.g. "l1_devine" (catalog namespace)

    @property
    def playable(self):
        return self.status in ("open", "done")


def package_of(niveau):
    """`levels.l1_devine.logic` → `l1_devine`."""
    parts = type(niveau).__module__.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "levels" else parts[-1]


def load_levels():
    """[(module name, NIVEAU)] in adventure order: the registry (`levels/registry.py`)."""
    from levels import registry

    return list(zip(registry.MODULES, registry.niveaux(), strict=True))


def has_view(package):
    """Does `levels/<package>/view.py` exist? (found without importing it)"""
    try:
        return importlib.util.find_spec(f"levels.{package}.view") is not None
    except (ImportError, ValueError):
        return False


def sandbox_level():
    """The sandbox's NIVEAU when its view exists, else None (« bientôt »)."""
    if not has_view(SANDBOX_MODULE.split(".")[1]):
        return None
    return importlib.import_module(f"{SANDBOX_MODULE}.logic").NIVEAU


def build_places(profile, levels=None):
    """The places (every level, the sandbox, the ending) with their status for `profile`
    (None: nobody, all locked). `levels`: [(module, NIVEAU)], default `load_levels()`."""
    levels = levels if levels is not None else load_levels()
    ids = [niveau.id for _name, niveau in levels]
    places = []
    for index, (_name, niveau) in enumerate(levels, start=1):
        place = Place(ids[index - 1], "level", index, niveau)
        place.package = package_of(niveau)
        if not has_view(place.package):
            place.status = "soon"
        else:
            if _completed(profile, place.id):
                place.status = "done"
            elif profile is not None and is_unlocked(profile, index, ids):
                place.status = "open"
            if profile is not None and place.id in profile.progress:
                place.stars = profile.progress[place.id].star_count
        places.append(place)
    last_done = profile is not None and is_unlocked(profile, PROFILE_SANDBOX, ids)
    sandbox = Place(SANDBOX, "sandbox", niveau=sandbox_level(), package="bac_a_sable")
    if sandbox.niveau is None:
        sandbox.status = "soon"
    elif last_done:
        sandbox.status = "open"
    ending = Place(ENDING, "ending", status="open" if last_done else "locked")
    places.extend([sandbox, ending])
    return places


def _completed(profile, level_id):
    return profile is not None and profile.is_completed(level_id)


def open_ids(places):
    return {place.id for place in places if place.playable}
