"""Test helpers for the speedrun tests: the real levels, with level 5's training cached.

`CachedLevel` wraps a real level: every (seed, actions so far) state is computed once by
the real engine, then copied. Level 5 trains a real GPT (≈15 s); the categories that end
with it share one seed, so the suite trains it once and every run and replay reuses the
same engine results.
"""

import copy
import json

from levels import registry


class CachedLevel:
    def __init__(self, niveau):
        self._niveau = niveau
        self._states = {}
        self._keys = {}

    def __getattr__(self, name):
        return getattr(self._niveau, name)

    def nouvel_etat(self, graine):
        etat = self._niveau.nouvel_etat(graine)
        self._keys[id(etat)] = (graine,)
        return etat

    def appliquer(self, etat, action):
        key = (*self._keys.get(id(etat), ("?",)), json.dumps(action, sort_keys=True))
        if key not in self._states:
            self._niveau.appliquer(etat, action)  # raises ActionRefusee as the real level
            self._states[key] = copy.deepcopy(etat.__dict__)
        else:
            etat.__dict__.update(copy.deepcopy(self._states[key]))
        self._keys[id(etat)] = key

    def appliquer_en_tranches(self, etat, action):
        self.appliquer(etat, action)
        yield action


_LEVELS = None


def levels():
    """The registry's levels, level 5 wrapped in a cache (one list for the whole session)."""
    global _LEVELS
    if _LEVELS is None:
        _LEVELS = [CachedLevel(n) if n.numero == 5 else n for n in registry.niveaux()]
    return _LEVELS


def step(app, frames=1):
    """`frames` frames of the game with no event (1/60 s each)."""
    for _ in range(frames):
        app.step([], 1 / 60)
