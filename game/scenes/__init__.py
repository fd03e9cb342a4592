"""The game's screens: a stack of scenes (see `base.py` and docs/GAME.md)."""
