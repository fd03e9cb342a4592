"""The checker's flags: figures edited by hand, identical actions between pupils.

An edited figure is a problem (the file was changed after the game wrote it); the
same actions at the same instants in two pupils' logs is only a remark for the
teacher (a flag, not a verdict).
"""

from game.modes.devoir.homework.french import que
from game.modes.devoir.homework.handin import canonical

TRAINING_KEYS = ("etapes_totales", "pas_machine", "pas")
# An announced figure is « edited » only if it differs from the replay by more than
# this (relative): another computer may end a long training a hair apart (DESIGN.md).
FIGURE_TOLERANCE = 1e-3
SAME_ACTIONS_MIN = 3  # shorter logs are too alike by nature to be a flag


def action_count(mesures, journal):
    """The level's own action count, else the non-hint actions of the log."""
    if isinstance(mesures.get("actions"), int):
        return mesures["actions"]
    actions = journal.get("actions")
    if not isinstance(actions, list):
        return 0
    return sum(
        1
        for entry in actions
        if isinstance(entry, list)
        and len(entry) == 2
        and isinstance(entry[1], dict)
        and entry[1].get("type") != "indice"
    )


def edited_figures(journal, result, metrique):
    """What the file announces (never trusted) against what the replay found.

    Only the figures a pupil would want to improve are compared: the goal's figure,
    training steps, actions, the stars and « goal reached ».
    """
    claims = journal.get("annonce")
    if not isinstance(claims, dict):
        return []
    found = []
    mesures = result.get("mesures", {})
    claimed = claims.get("mesures") if isinstance(claims.get("mesures"), dict) else {}
    for key in (metrique, "actions", *TRAINING_KEYS):
        value, real = claimed.get(key), mesures.get(key)
        if key not in claimed or isinstance(value, bool) or real is None:
            continue  # (a figure the replay does not compute: nothing to compare)
        numbers = all(isinstance(v, int | float) for v in (value, real))
        if not numbers or abs(value - real) > FIGURE_TOLERANCE * max(1.0, abs(real)):
            found.append(
                f"chiffre modifié : le fichier annonce {key} = {_fr(value)}, "
                f"le rejeu trouve {_fr(real)}"
            )
    stars = claims.get("etoiles")
    claimed = sum(1 for e in stars if e is True) if isinstance(stars, list) else 0
    real = sum(1 for e in result.get("etoiles", []) if e is True)
    if claimed > real:  # more stars than earned: edited (fewer is never to anyone's gain)
        found.append(
            f"étoiles modifiées : le fichier en annonce {claimed}, le rejeu en trouve {real}"
        )
    if claims.get("termine") is True and not result.get("termine"):
        found.append("le fichier annonce l'objectif atteint, mais le rejeu ne l'atteint pas")
    return found[:3]


def _fr(value):
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return str(value)


def flag_same_actions(grille, jobs):
    """Two pupils with the very same actions at the very same times: a flag, not a verdict."""
    by_level = {}
    for copie in grille.copies:
        for case in copie.cases.values():
            journal = jobs.get((copie.fichier, case.numero))
            actions = journal.get("actions") if journal else None
            if isinstance(actions, list) and len(actions) >= SAME_ACTIONS_MIN:
                key = canonical(actions)
                by_level.setdefault((case.numero, key), []).append((copie, case))
    for group in by_level.values():
        if len(group) < 2:
            continue
        for copie, case in group:
            others = ", ".join(c.prenom for c, _ in group if c is not copie)
            case.remarques.append(f"mêmes actions, aux mêmes instants, {que(others)} (à vérifier)")
