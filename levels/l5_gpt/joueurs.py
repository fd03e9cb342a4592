"""Les joueurs de l'audit du niveau 5 (voir `tuto-llm audit`) et la règle des indices.

La règle (indice 2) : chaque pas déplace chaque nombre du modèle d'environ « vitesse » ;
en `pas` pas, il peut donc aller jusqu'à vitesse × pas. Il faut que cela fasse au moins
`DISTANCE_MIN` ; plus vite encore, le modèle risque d'exploser (surtout avec un petit
lot). Le lot le plus grand calme la courbe. Si ça explose : la vitesse d'en dessous ;
si la perte n'est pas sous la barre : celle d'au-dessus.
"""

from levels.atelier import logique as atelier
from levels.l5_gpt import logic

VITESSES = atelier.CHOIX["lr"]
LOT_MAX = max(atelier.CHOIX["batch"])


def vitesse_de_la_regle(budget):
    """La plus petite vitesse telle que vitesse × pas ≥ DISTANCE_MIN (ce que fait l'indice 2)."""
    for vitesse in VITESSES:
        if vitesse * budget >= logic.DISTANCE_MIN - 1e-9:
            return vitesse
    return VITESSES[-1]


def vitesse_a_essayer(etat):
    """La vitesse du prochain modèle : la règle, corrigée par le dernier essai de l'écran."""
    if not etat.essais:
        return vitesse_de_la_regle(logic.budget_de(etat.graine))
    dernier = etat.essais[-1]
    i = VITESSES.index(dernier["lr"]) if dernier["lr"] in VITESSES else 0
    i = i - 1 if dernier["explose"] else i + 1
    return VITESSES[max(0, min(len(VITESSES) - 1, i))]


def reglages_de_la_regle(etat):
    """Les actions « regler » du solveur : le plus grand lot, la vitesse de la règle."""
    vitesse = vitesse_de_la_regle(logic.budget_de(etat.graine))
    return [
        {"type": "regler", "parametre": "batch", "valeur": LOT_MAX},
        {"type": "regler", "parametre": "lr", "valeur": vitesse},
    ]


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


def _assembler(etat):
    for position, bloc in enumerate(logic.ORDRE_GPT):
        if etat.blocs[position] != bloc:
            return {"type": "placer", "bloc": bloc, "position": position}
    return None


def selon_les_indices(niveau, etat):
    """Indice 1 : l'assemblage, puis lire « Pas 0 sur N », la courbe et la ligne du hasard ;
    indice 2 : la règle vitesse × pas, le plus grand lot ; explosé → plus lent, pas sous la
    barre → plus vite, en recommençant. Seulement ce que l'écran montre."""
    assembler = _assembler(etat)
    if assembler is not None:
        return assembler
    fini = etat.explose is not None or etat.etape >= etat.reglages["etapes"]
    if niveau.a_un_modele(etat) and fini:
        if len(etat.essais) >= 3:
            return None  # trois modèles : il abandonne
        return {"type": "recommencer"}
    if not niveau.a_un_modele(etat):
        if etat.reglages["batch"] != LOT_MAX:
            return {"type": "regler", "parametre": "batch", "valeur": LOT_MAX}
        vitesse = vitesse_a_essayer(etat)
        if etat.reglages["lr"] != vitesse:
            return {"type": "regler", "parametre": "lr", "valeur": vitesse}
    return {"type": "entrainer", "etapes": etat.reglages["etapes"] - etat.etape}


def copie_de_l_indice3(niveau, etat):
    """Recopie l'indice 3 : l'assemblage qu'il suppose, la vitesse qu'il calcule (celle de
    départ, 0,002) et son nombre de pas ; puis « Entraîner »."""
    assembler = _assembler(etat)
    if assembler is not None:
        return assembler
    if niveau.a_un_modele(etat):
        return None
    vitesse = niveau.valeurs_indices(etat)["vitesse_exemple"]
    if etat.reglages["lr"] != vitesse:
        return {"type": "regler", "parametre": "lr", "valeur": vitesse}
    return {"type": "entrainer", "etapes": etat.reglages["etapes"]}
