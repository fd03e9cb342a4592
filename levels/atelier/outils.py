"""Petits outils de l'atelier : le modèle en dict, la synchronisation, le « par cœur »."""

from engine import sauvegarde
from engine.donnees import garder_accents, nettoyer_mot
from engine.gpt import formes


def modele_en_dict(niveau, etat, infos=None):
    """Le modèle de `etat` comme `engine.sauvegarde` l'écrit (pour le garder dans le profil)."""
    if etat.poids is None:
        return None
    config = niveau.config(etat)
    return {
        "format": sauvegarde.FORMAT,
        "version": sauvegarde.VERSION,
        "config": config.vers_dict(),
        "vocab": list(niveau.donnees(etat).vocab.jetons),
        "poids": {nom: [list(ligne) for ligne in etat.poids[nom]] for nom, _, _ in formes(config)},
        "infos": dict(infos or {}),
    }


def synchroniser(etat, e):
    """Recopie dans l'état ce que l'entraînement `e` vient de changer (sans copier les listes)."""
    etat.adam_m, etat.adam_v = e.adam.m, e.adam.v
    etat.etape, etat.pertes = e.etape, e.pertes


ECART_PAR_COEUR = 1.0  # perte de validation plus haute que celle d'entraînement de 1 : par cœur


def appris_par_coeur(etat):
    """Le modèle a-t-il appris sa liste par cœur ? Sa perte sur ses propres mots (la
    moyenne des derniers pas) est bien plus basse que sur des mots jamais vus : les
    deux courbes s'écartent (le surapprentissage)."""
    recente = moyenne_recente(etat.pertes)
    if etat.perte_val is None or recente is None:
        return False
    return etat.perte_val - recente > ECART_PAR_COEUR


def moyenne_recente(pertes, fenetre=50):
    if not pertes:
        return None
    recentes = pertes[-fenetre:]
    return sum(recentes) / len(recentes)


def mot_plie(textes):
    """Le premier texte tapé dont les accents ou ligatures sont pliés (« Léa » → « lea »,
    « Œdipe » → « oedipe ») : (avant, après), ou None. L'écran le dit à l'enfant."""
    for texte in textes:
        avant = garder_accents(texte)
        apres = nettoyer_mot(texte)
        if avant != apres:
            return avant, apres
    return None
