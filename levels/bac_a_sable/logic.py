"""Le bac à sable : le petit GPT du niveau 5, entraîné sur d'autres listes de mots.

Il s'ouvre après le niveau 5. Mêmes réglages, même entraînement, même terrain
de jeu (tout vient de `levels.atelier`) ; en plus, on choisit les mots :

- {"type": "choisir_donnees", "nom": "dinosaures"} : un jeu livré avec le jeu
  (« prenoms », « dinosaures », « prenoms_accents » avec son vocabulaire élargi) ;
- {"type": "liste_perso", "nom": "ma liste", "lignes": ["Zoé", "Léo", …]} : la liste
  de l'enfant, tapée ou lue dans un fichier .txt (les lignes sont dans le journal,
  donc la partie se rejoue partout). Une liste vide, trop courte ou avec des
  caractères bizarres est refusée avec un message en français qui dit quelles
  lignes corriger.

Changer de mots jette le modèle en cours (il ne connaît pas les mêmes lettres).
Le but, pour le plaisir : faire mieux que le modèle bigramme sur ces mots-là.
"""

import math
from dataclasses import dataclass

from engine.donnees import ErreurDonnees, lire_lignes, mots_depuis_lignes
from engine.entrainement import Entrainement, perte_validation
from engine.generation import generer
from engine.vocab import VOCAB_STANDARD
from levels.atelier.logique import Atelier, EtatAtelier
from levels.base import ActionRefusee, Objectif, lire_choix, lire_texte

JEUX = ("prenoms", "dinosaures", "prenoms_accents")
MOTS_MIN = 20  # en dessous, le modèle n'a presque rien pour apprendre
LIGNES_MAX = 5000
LONGUEUR_LIGNE_MAX = 60
NOM_LISTE_MAX = 40


@dataclass
class EtatBac(EtatAtelier):
    pass


def lignes_du_fichier(chemin):
    """Les lignes d'un fichier .txt de l'enfant (ErreurDonnees en français si illisible)."""
    return lire_lignes(chemin)


def verifier_liste(lignes, nom="ma liste"):
    """Les mots d'une liste de l'enfant, ou ErreurDonnees qui dit quoi corriger et où."""
    if len(lignes) > LIGNES_MAX:
        raise ErreurDonnees(
            f"« {nom} » a {len(lignes)} lignes : c'est trop pour le bac à sable "
            f"({LIGNES_MAX} au plus). Garde les {LIGNES_MAX} premières, puis réessaie."
        )
    trop_longues = [n for n, ligne in enumerate(lignes, 1) if len(ligne) > LONGUEUR_LIGNE_MAX]
    if trop_longues:
        montrees = ", ".join(str(n) for n in trop_longues[:8])
        raise ErreurDonnees(
            f"Dans « {nom} », des lignes sont très longues (ligne {montrees}). "
            "Écris un seul mot par ligne, puis réessaie."
        )
    mots = mots_depuis_lignes(lignes, nom, VOCAB_STANDARD, nettoyer=True)
    differents = len(set(mots))
    if differents < MOTS_MIN:
        raise ErreurDonnees(
            f"« {nom} » n'a que {differents} mot(s) différent(s) : il en faut au moins "
            f"{MOTS_MIN} pour que le modèle apprenne quelque chose. Ajoute des mots "
            "(un par ligne), puis réessaie."
        )
    return mots


class BacASable(Atelier):
    id = "bac_a_sable"
    numero = 6
    titre = "Bac à sable"
    concept = ("le bac à sable", "sandbox")
    objectif = Objectif("ecart_bigramme", 0.0, "sous")
    fonctions_capot = (Entrainement.pas, perte_validation, generer, mots_depuis_lignes)
    jeux = JEUX

    def nouvel_etat(self, graine):
        return EtatBac(graine=graine, source="dinosaures")

    def mesures(self, etat):
        atelier = self.mesures_atelier(etat)
        ecart = None  # pas encore mesuré : pas de but, pas de bannière (rien ne s'est passé)
        if etat.perte_val is not None:
            ecart = atelier["perte_validation"] - atelier["perte_bigramme"]
        mesures = {"ecart_bigramme": ecart}
        mesures.update(atelier)
        return mesures

    def _choisir_donnees(self, etat, action):
        nom = lire_choix(action, "nom", JEUX)
        if etat.source == nom:
            raise ActionRefusee("Ce sont déjà ces mots-là.")
        self._changer_de_mots(etat)
        etat.source, etat.mots_perso, etat.nom_perso = nom, None, ""

    def _liste_perso(self, etat, action):
        nom = lire_texte(action, "nom", NOM_LISTE_MAX).strip() or "ma liste"
        lignes = action.get("lignes")
        if not isinstance(lignes, list) or not all(isinstance(x, str) for x in lignes):
            raise ActionRefusee("Il faut une liste de lignes de texte.")
        try:
            mots = verifier_liste(lignes, nom)
        except ErreurDonnees as erreur:
            raise ActionRefusee(str(erreur)) from None
        self._changer_de_mots(etat)
        etat.source, etat.mots_perso, etat.nom_perso = "perso", mots, nom

    def _changer_de_mots(self, etat):
        if self.a_un_modele(etat):
            self.jeter_modele(etat)
            etat.recommencements += 1

    actions = {
        **Atelier.actions,
        "choisir_donnees": _choisir_donnees,
        "liste_perso": _liste_perso,
    }

    def decouverte(self, etat):
        donnees = self.donnees(etat)
        perte = etat.perte_val if etat.perte_val is not None else math.log(len(donnees.vocab))
        return {
            "nom": etat.nom_perso if etat.source == "perso" else etat.source,
            "mots": donnees.nombre_mots,
            "lettres": donnees.lettres_differentes,
            "perte": f"{perte:.2f}".replace(".", ","),
            "bigramme": f"{donnees.perte_bigramme:.2f}".replace(".", ","),
        }

    def resoudre(self, graine):
        return [
            {"type": "regler", "parametre": "etapes", "valeur": 100},
            {"type": "entrainer", "etapes": 100},
            {"type": "generer", "temperature": 0.7, "prefixe": "", "n": 6},
        ]


NIVEAU = BacASable()
