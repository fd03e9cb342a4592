"""Les joueurs de l'audit du niveau 5 (voir `tuto-llm audit`)."""

from levels.atelier import logique as atelier
from levels.l5_gpt import logic

# L'indice 3, mot pour mot.
REGLAGES_INDICE = {"lr": 0.02, "batch": 8}


def reglages_des_indices():
    return [{"type": "regler", "parametre": p, "valeur": v} for p, v in REGLAGES_INDICE.items()]


def actions_legales(niveau, etat):
    actions = []
    if not niveau.a_un_modele(etat):
        for position in range(logic.NB_PLACES):
            actions += [
                {"type": "placer", "bloc": bloc, "position": position} for bloc in logic.BLOCS
            ]
            if etat.blocs[position] is not None:
                actions.append({"type": "retirer", "position": position})
        for parametre, valeurs in atelier.CHOIX.items():
            actions += [
                {"type": "regler", "parametre": parametre, "valeur": v}
                for v in valeurs
                if v != etat.reglages[parametre]
            ]
    else:
        actions.append({"type": "recommencer"})
    if niveau.peut_entrainer(etat) is None and etat.etape < etat.reglages["etapes"]:
        actions.append({"type": "entrainer", "etapes": etat.reglages["etapes"] - etat.etape})
    return actions


def au_hasard(niveau, etat, hasard):
    return hasard.choice(actions_legales(niveau, etat))


def selon_les_indices(niveau, etat):
    """Indice 1-2 : l'ordre des pièces ; indice 3 : vitesse 0,02 et lot 8 ; puis entraîner."""
    for position, bloc in enumerate(logic.ORDRE_GPT):
        if etat.blocs[position] != bloc:
            return {"type": "placer", "bloc": bloc, "position": position}
    for parametre, valeur in REGLAGES_INDICE.items():
        if etat.reglages[parametre] != valeur:
            return {"type": "regler", "parametre": parametre, "valeur": valeur}
    if etat.etape < etat.reglages["etapes"]:
        return {"type": "entrainer", "etapes": etat.reglages["etapes"] - etat.etape}
    return None
