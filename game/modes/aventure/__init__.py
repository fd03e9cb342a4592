"""The adventure: a kid at home plays the levels in order (the level host's default policy,
`game.modes.aventure.policy.Aventure`). Its screens (title, map, level host, result…) are
the game's shared screens in `game/scenes/`, its screenshots `game/scenes/demo.py`."""

COMMANDS = []
SCENES = {}
DEMO = None
