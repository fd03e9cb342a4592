"""Les actions d'un niveau : leur forme, leur lecture sans jamais planter, leur déclaration.

Une action est un petit dict qu'on peut écrire en JSON, toujours avec une clé
« type » (« nourrir », « pousser », « deplacer », « entrainer », « repondre »…).

Un niveau déclare ses actions dans une table (`Niveau.actions`) :

    actions = {
        "pousser": _pousser,             # une fonction (niveau, etat, action)
        "entrainer": longue(_entrainer), # une action longue, jouée pas à pas
    }

Une action longue est un générateur : après chaque pas, il donne l'action
*équivalente à ce qui est déjà fait* (par exemple {"type": "entrainer", "etapes": 7}
au 7e pas), pour que l'écran ne fige jamais et qu'un arrêt en route reste juste.
"""

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

NOMBRE_INDICES = 3
ACTION_INDICE = "indice"  # demander un indice : noté dans le journal, ne change pas l'état
ACTION_REPONDRE = "repondre"  # répondre à la question de compréhension
MAX_CHOIX_QUESTION = 10
TOLERANCE_GRILLE = 1e-9  # en part d'un cran : un milliardième de cran, c'est le bruit des calculs


class ActionRefusee(Exception):
    """L'action n'a pas de sens dans cet état ; le message (en français) dit pourquoi."""


@dataclass(frozen=True)
class Longue:
    """Une action longue (l'entraînement) : `faire(niveau, etat, action)` est un générateur
    qui donne, après chaque pas, l'action équivalente à ce qui est déjà fait."""

    faire: Callable


def longue(faire):
    """Marque une action de la table comme longue : `"entrainer": longue(_entrainer)`."""
    return Longue(faire)


def pas_a_pas(etapes, un_pas, tranche):
    """Pour une action longue : `etapes` appels de `un_pas()`, et après chacun l'action
    équivalente à ce qui est fait (`tranche` avec `"etapes": pas faits`)."""
    for fait in range(1, etapes + 1):
        un_pas()
        yield {**tranche, "etapes": fait}


# --- lire les champs d'une action sans jamais planter ------------------------------
#
# Une valeur qu'aucune commande du jeu ne peut donner (un texte à la place d'un nombre,
# un nombre hors de ce que l'écran propose, une place hors du quadrillage…) lève
# `ValeurImpossible` : le journal qui la contient a été écrit ou modifié à la main, il est
# refusé en entier (`levels.journal`). Le jeu ne note jamais une action refusée : un
# vrai journal n'en contient aucune.


class ValeurImpossible(ActionRefusee):
    """Une valeur qu'aucune commande du jeu ne produit : le journal n'est pas un vrai journal."""


def _montrer(valeur):
    """La valeur, en court (jamais un nombre ou un texte de mille caractères)."""
    texte = json.dumps(valeur, ensure_ascii=True) if _notable(valeur) else type(valeur).__name__
    return texte if len(texte) <= 24 else texte[:23] + "…"


def _notable(valeur):
    try:
        json.dumps(valeur, allow_nan=False)
        return True
    except (TypeError, ValueError, RecursionError):
        return False


def lire_entier(action, cle, mini, maxi):
    """Le champ `cle` de l'action, un entier entre `mini` et `maxi`, sinon ValeurImpossible."""
    valeur = action.get(cle)
    if not isinstance(valeur, int) or isinstance(valeur, bool):
        raise ValeurImpossible(f"« {cle} » doit être un nombre entier (pas {_montrer(valeur)}).")
    if not mini <= valeur <= maxi:
        raise ValeurImpossible(
            f"« {cle} » doit être entre {mini} et {maxi} (pas {_montrer(valeur)})."
        )
    return valeur


def lire_nombre(action, cle, mini, maxi):
    """Le champ `cle` de l'action, un nombre (entier ou à virgule) entre `mini` et `maxi`."""
    valeur = action.get(cle)
    if not isinstance(valeur, int | float) or isinstance(valeur, bool):
        raise ValeurImpossible(f"« {cle} » doit être un nombre (pas {_montrer(valeur)}).")
    if not (mini <= valeur <= maxi and math.isfinite(valeur)):  # NaN n'est entre rien
        raise ValeurImpossible(
            f"« {cle} » doit être entre {mini} et {maxi} (pas {_montrer(valeur)})."
        )
    return float(valeur)


def lire_sur_grille(action, cle, mini, maxi, pas):
    """Un nombre entre `mini` et `maxi` que l'écran peut vraiment donner : un multiple de
    `pas` écrit comme l'écran l'écrit (le plateau du niveau 3 avance de 0,1 en 0,1 :
    7,9 oui, 7,900000001 non). Sinon ValeurImpossible."""
    valeur = lire_nombre(action, cle, mini, maxi)
    sur_grille = float(Decimal(repr(pas)) * round(valeur / pas))
    # le bruit des calculs à virgule (10 − 9,8 = 0,1999999999999993) passe, 7,900000001 non
    if abs(valeur - sur_grille) > TOLERANCE_GRILLE * pas:
        raise ValeurImpossible(
            f"« {cle} » doit avancer de {pas} en {pas}, comme sur le plateau "
            f"(pas {_montrer(valeur)})."
        )
    return valeur


def lire_texte(action, cle, longueur_max=40):
    """Le champ `cle` de l'action, un texte de `longueur_max` caractères au plus."""
    valeur = action.get(cle)
    if not isinstance(valeur, str):
        raise ValeurImpossible(f"« {cle} » doit être un texte (pas {_montrer(valeur)}).")
    if len(valeur) > longueur_max:
        raise ValeurImpossible(f"« {cle} » est trop long ({longueur_max} caractères au plus).")
    return valeur


def lire_choix(action, cle, possibles):
    """Le champ `cle` de l'action, qui doit être une des valeurs de `possibles`."""
    valeur = action.get(cle)
    if isinstance(valeur, bool) or not _parmi(valeur, possibles):
        raise ValeurImpossible(
            f"« {cle} » doit être une de ces valeurs : {', '.join(map(str, possibles))} "
            f"(pas {_montrer(valeur)})."
        )
    return valeur


def _parmi(valeur, possibles):
    """`valeur in possibles`, sans jamais planter (une liste ou un dict ne se hachent pas),
    et un texte n'est jamais égal à un nombre."""
    try:
        return any(type(valeur) is type(p) and valeur == p for p in possibles) or (
            isinstance(valeur, int | float) and any(_meme_nombre(valeur, p) for p in possibles)
        )
    except Exception:
        return False


def _meme_nombre(valeur, possible):
    nombre = isinstance(possible, int | float) and not isinstance(possible, bool)
    return nombre and valeur == possible


def normaliser_action(action):
    """Une action est un dict JSON avec une clé « type » ; renvoie sa copie « propre »."""
    if not isinstance(action, dict) or not isinstance(action.get("type"), str):
        raise ValeurImpossible("Une action doit être un objet avec un « type ».")
    try:
        return json.loads(json.dumps(action, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        raise ValeurImpossible("Cette action contient des valeurs impossibles à noter.") from None


def verifier_indice(action):
    """Une demande d'indice : {"type": "indice", "numero": 1 à 3}."""
    lire_entier(action, "numero", 1, NOMBRE_INDICES)
