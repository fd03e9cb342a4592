"""The teacher space's pygame parts: printable pictures (sheet, certificates) and scenes.

The homework logic itself is pygame-free in `game.modes.devoir.homework`.
"""


def t(scene, key, **kwargs):
    """A text of the homework catalogs (`devoirs.<key>`) in the game's language."""
    return scene.app.t(f"devoirs.{key}", **kwargs)


def tn(scene, key, n, **kwargs):
    """Like `t`, with the singular text `<key>_un` for one (and for zero in French)."""
    singular = n == 1 or (n == 0 and scene.app.translator.lang == "fr")
    if singular and scene.app.translator.has(f"devoirs.{key}_un"):
        key += "_un"
    return scene.app.t(f"devoirs.{key}", n=n, **kwargs)
