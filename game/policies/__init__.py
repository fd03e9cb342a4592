"""Ways to play: one policy object per way (see `game.policies.base.Policy`).

`Aventure` (a kid at home) is the default of the level host.
"""
