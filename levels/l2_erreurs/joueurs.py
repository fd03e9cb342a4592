"""Les joueurs de l'audit pour le niveau 2 (voir `tuto-llm audit`).

- au hasard : une poussée, « recommencer », ou (au but) la machine, tirés uniformément ;
- selon les indices 1 et 2 : la balle la plus loin de son anneau, vers l'anneau ;
- le copieur de l'indice 3 : il pousse la ligne de l'exemple dans le sens écrit, tant
  que l'indice écrit un sens (il ne regarde pas les autres lignes).
"""

from levels.l2_erreurs import indices, logic


def actions_legales(niveau, etat):
    actions = [
        {"type": "pousser", "poids": k, "sens": sens}
        for k in range(len(logic.REPONSES))
        for sens in (1, -1)
    ]
    if etat.poids != etat.depart:
        actions.append({"type": "recommencer"})
    if niveau.est_termine(etat):
        actions += [{"type": "entrainer", "vitesse": v, "etapes": 10} for v in logic.VITESSES]
    return actions


def au_hasard(niveau, etat, hasard):
    return hasard.choice(actions_legales(niveau, etat))


def poussee_des_indices(etat):
    """Les indices : la balle la plus loin de son anneau ; trop court → +, trop loin → −."""
    ecarts = [f - p for p, f in zip(etat.probas, logic.frequences(), strict=True)]
    k = max(range(len(ecarts)), key=lambda i: abs(ecarts[i]))
    return {"type": "pousser", "poids": k, "sens": 1 if ecarts[k] > 0 else -1}


def copie_indice3(niveau, etat):
    valeurs = indices.valeurs_indices(etat)
    if valeurs["signe"] == "0":
        return None
    sens = 1 if valeurs["signe"] == "+" else -1
    return {"type": "pousser", "poids": valeurs["numero"] - 1, "sens": sens}
