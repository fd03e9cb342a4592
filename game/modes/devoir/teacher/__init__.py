"""The teacher space's pygame parts: printable pictures (sheet, certificates) and scenes.

The homework logic itself is pygame-free in `game.modes.devoir.homework`.
"""


def t(scene, key, **kwargs):
    """A text of the homework catalogs (`devoirs.<key>`) in the game's language."""
    return scene.app.t(f"devoirs.{key}", **kwargs)
