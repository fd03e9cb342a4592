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

NOMBRE_INDICES = 3
ACTION_INDICE = "indice"  # demander un indice : noté dans le journal, ne change pas l'état
ACTION_REPONDRE = "repondre"  # répondre à la question de compréhension
MAX_CHOIX_QUESTION = 10


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


def lire_entier(action, cle, mini, maxi):
    """Le champ `cle` de l'action, un entier entre `mini` et `maxi`, sinon ActionRefusee."""
    valeur = action.get(cle)
    if not isinstance(valeur, int) or isinstance(valeur, bool):
        raise ActionRefusee(f"« {cle} » doit être un nombre entier.")
    if not mini <= valeur <= maxi:
        raise ActionRefusee(f"« {cle} » doit être entre {mini} et {maxi}.")
    return valeur


def lire_nombre(action, cle, mini, maxi):
    """Le champ `cle` de l'action, un nombre (entier ou à virgule) entre `mini` et `maxi`."""
    valeur = action.get(cle)
    if not isinstance(valeur, int | float) or isinstance(valeur, bool):
        raise ActionRefusee(f"« {cle} » doit être un nombre.")
    if not mini <= valeur <= maxi or not math.isfinite(valeur):
        raise ActionRefusee(f"« {cle} » doit être entre {mini} et {maxi}.")
    return float(valeur)


def lire_sur_grille(action, cle, mini, maxi, pas):
    """Un nombre entre `mini` et `maxi` que l'écran peut vraiment donner : un multiple de
    `pas` (le plateau du niveau 3 avance de 0,1 en 0,1). Sinon ActionRefusee."""
    valeur = lire_nombre(action, cle, mini, maxi)
    crans = valeur / pas
    if abs(crans - round(crans)) > 1e-6:
        raise ActionRefusee(f"« {cle} » doit avancer de {pas} en {pas}, comme sur le plateau.")
    return valeur


def lire_texte(action, cle, longueur_max=40):
    """Le champ `cle` de l'action, un texte de `longueur_max` caractères au plus."""
    valeur = action.get(cle)
    if not isinstance(valeur, str):
        raise ActionRefusee(f"« {cle} » doit être un texte.")
    if len(valeur) > longueur_max:
        raise ActionRefusee(f"« {cle} » est trop long ({longueur_max} caractères au plus).")
    return valeur


def lire_choix(action, cle, possibles):
    """Le champ `cle` de l'action, qui doit être une des valeurs de `possibles`."""
    valeur = action.get(cle)
    if isinstance(valeur, bool) or valeur not in possibles:
        raise ActionRefusee(
            f"« {cle} » doit être une de ces valeurs : {', '.join(map(str, possibles))}."
        )
    return valeur


def normaliser_action(action):
    """Une action est un dict JSON avec une clé « type » ; renvoie sa copie « propre »."""
    if not isinstance(action, dict) or not isinstance(action.get("type"), str):
        raise ActionRefusee("Une action doit être un objet avec un « type ».")
    try:
        return json.loads(json.dumps(action, allow_nan=False))
    except (TypeError, ValueError, RecursionError):
        raise ActionRefusee("Cette action contient des valeurs impossibles à noter.") from None


def verifier_indice(action):
    """Une demande d'indice : {"type": "indice", "numero": 1 à 3}."""
    lire_entier(action, "numero", 1, NOMBRE_INDICES)
