"""Niveau 2 : « Apprends de tes erreurs » — la perte, le gradient, la vitesse d'apprentissage.

Comme au basket : tu lances, tu vois si tu rates à gauche ou à droite, et de
combien, puis tu corriges. Ici, un tout petit modèle doit deviner ce qui vient
après une consonne dans un prénom : une voyelle, une autre consonne, ou la fin.
Il a trois poids (un par réponse) ; `softmax` en fait trois probabilités.
La perte dit à quel point il se trompe sur les vrais prénoms, et le gradient
(calculé par `Valeur.backward`, comme dans microgpt) dit dans quel sens corriger.

Ce que l'enfant fait (les actions) :
- {"type": "pousser", "poids": 0, "sens": 1} : pousser un poids à la main (+ ou −) ;
- {"type": "entrainer", "vitesse": 3, "etapes": 5} : laisser la machine faire
  des pas de descente de gradient, à la vitesse choisie — seulement une fois le but
  atteint À LA MAIN : c'est alors le moment d'explorer la vitesse (trop vite, ça explose) ;
- {"type": "recommencer"} : remettre les poids de départ (après une explosion !) ; les
  compteurs (coups, poussées, poussées à contresens, la courbe) gardent toute la partie :
  l'étoile « Précis » se lit sur ce qui s'est vraiment passé ;
- {"type": "poser"} puis {"type": "repondre", "question": …, "choix": i}.

Le but : descendre la perte sous `SEUIL_PERTE` par TES poussées, guidées par le
gradient. Le défi : y arriver sans une seule poussée qui fait monter la perte (comptées
depuis le début de la partie, « Recommencer » ne les efface pas).

Pourquoi la perte ne descend pas sous 0,844 (`plancher()`) : même avec chaque balle dans
son anneau, le modèle ne sait pas laquelle des trois réponses viendra ; il donne les vraies
fréquences, et -Σ f × log f est le doute qui reste. 0 voudrait dire « toujours sûr et juste ».
"""

import functools
import math
import random
from dataclasses import dataclass, field

from engine.autograd import Valeur
from engine.donnees import charger_dataset
from levels import questions
from levels.base import (
    ActionRefusee,
    Budget,
    EtatNiveau,
    Niveau,
    Objectif,
    lire_choix,
    lire_entier,
    longue,
    pas_a_pas,
    record_au_but,
)

VOYELLES = frozenset("aeiouy")
REPONSES = ("voyelle", "consonne", "fin")  # ce qui peut venir après une consonne
SEUIL_PERTE = 0.86  # la meilleure perte possible est 0,845 : il faut viser juste
DEFI_RATEES = 0  # 2e étoile : aucune poussée à contresens (qui fait monter la perte)
PAS_MAIN = 0.5  # de combien bouge un poids poussé à la main
BORNE_POIDS = 20.0  # un poids ne sort jamais de [-20, 20] (sinon exp déborde)
VITESSES = (0.1, 0.3, 1, 3, 10, 30, 100)  # les crans proposés à l'écran
ETAPES_MAX = 200
HISTORIQUE_MAX = 400


@functools.cache
def frequences():
    """Dans les vrais prénoms, après une consonne : combien de voyelles, de consonnes, de fins ?"""
    comptes = [0, 0, 0]
    for prenom in charger_dataset("prenoms"):
        lettres = prenom + "."
        for avant, apres in zip(lettres, lettres[1:], strict=False):
            if avant in VOYELLES:
                continue
            if apres == ".":
                comptes[2] += 1
            elif apres in VOYELLES:
                comptes[0] += 1
            else:
                comptes[1] += 1
    total = sum(comptes)
    return tuple(c / total for c in comptes)


def perte_et_gradient(poids, cibles=None):
    """La perte du modèle et le gradient de chaque poids, calculés par `Valeur`.

    probabilités = softmax(poids) ; perte = moyenne de -log(probabilité de la bonne
    réponse) sur tous les prénoms, donc -Σ fréquence × log(probabilité).
    Renvoie (perte, gradients, probabilités).
    """
    cibles = frequences() if cibles is None else cibles
    w = [Valeur(p) for p in poids]
    plus_grand = max(poids)  # on l'enlève avant exp : rien ne déborde
    exps = [(x - plus_grand).exp() for x in w]
    total = sum(exps)
    probas = [e / total for e in exps]
    perte = sum(-p.log() * f for p, f in zip(probas, cibles, strict=True))
    perte.backward()  # remonte le calcul : chaque poids reçoit son gradient
    return perte.data, [x.grad for x in w], [p.data for p in probas]


def borner(x):
    return max(-BORNE_POIDS, min(BORNE_POIDS, x))


def poids_de_depart(graine):
    """Trois poids tirés au hasard (multiples de 0,5), assez mauvais pour avoir à apprendre."""
    hasard = random.Random(f"l2-{graine}")
    while True:
        poids = [round(hasard.uniform(-5, 5) * 2) / 2 for _ in REPONSES]
        if perte_et_gradient(poids)[0] >= 2.5:
            return poids


@dataclass
class EtatErreurs(EtatNiveau):
    depart: list = field(default_factory=list)
    poids: list = field(default_factory=list)
    perte: float = 0.0
    gradient: list = field(default_factory=list)
    probas: list = field(default_factory=list)
    meilleure_perte: float = math.inf
    coups: int = 0  # poussées + pas de la machine, depuis le début de la partie
    coups_au_but: int | None = (
        None  # le moins de coups avec lesquels la perte est passée sous la barre
    )
    poussees: int = 0
    pas: int = 0
    vitesse: float | None = None  # la dernière vitesse utilisée
    historique: list = field(default_factory=list)  # les pertes successives (pour la courbe)
    explose: bool = False  # un poids a touché le bord : la vitesse était trop grande
    ratees: int = 0  # poussées qui ont fait monter la perte (toute la partie)
    a_la_main: float = math.inf  # la meilleure perte atteinte par tes poussées seules

    def calculer(self):
        self.perte, self.gradient, self.probas = perte_et_gradient(self.poids)
        self.meilleure_perte = min(self.meilleure_perte, self.perte)
        if self.perte <= SEUIL_PERTE:
            self.coups_au_but = record_au_but(self.coups_au_but, self.coups)
        self.historique.append(self.perte)
        del self.historique[:-HISTORIQUE_MAX]


class NiveauErreurs(Niveau):
    id = "l2_erreurs"
    numero = 2
    titre = "Apprends de tes erreurs"
    concept = ("perte, gradient, vitesse d'apprentissage", "loss, gradient, learning rate")
    objectif = Objectif("perte_a_la_main", SEUIL_PERTE, "sous")
    defi = Objectif("poussees_ratees", DEFI_RATEES, "sous")
    questions = ("predire_pente", "predire_vitesse", "sens", "vitesse")
    predictions = ("predire_pente", "predire_vitesse")
    # une vraie partie : au plus une centaine d'entraînements de 200 pas (~2 s à rejouer)
    budget = Budget(pas=20_000, actions=20_000)
    fonctions_capot = (perte_et_gradient, Valeur.backward)

    def nouvel_etat(self, graine):
        depart = poids_de_depart(graine)
        etat = EtatErreurs(graine=graine, depart=depart, poids=list(depart))
        etat.calculer()
        return etat

    def _pousser(self, etat, action):
        k = lire_entier(action, "poids", 0, len(REPONSES) - 1)
        sens = lire_choix(action, "sens", (1, -1))
        avant = etat.perte
        etat.poids[k] = borner(etat.poids[k] + sens * PAS_MAIN)
        etat.coups += 1
        etat.poussees += 1
        etat.calculer()
        etat.ratees += etat.perte > avant
        if etat.pas == 0:
            etat.a_la_main = min(etat.a_la_main, etat.perte)

    def _entrainer(self, etat, action):
        """L'entraînement se fait pas à pas : l'écran montre chaque pas."""
        vitesse, etapes = self._lire_entrainement(etat, action)
        yield from pas_a_pas(
            etapes,
            lambda: self._un_pas(etat, vitesse),
            {"type": "entrainer", "vitesse": action["vitesse"]},
        )

    def _recommencer(self, etat, action):
        """Les poids de départ reviennent ; les compteurs gardent toute la partie (une
        poussée à contresens reste comptée), et la courbe montre le saut."""
        if etat.poids == etat.depart:
            raise ActionRefusee("Les poids sont déjà ceux du départ.")
        etat.poids = list(etat.depart)
        etat.explose = False
        etat.calculer()

    def _lire_entrainement(self, etat, action):
        if not self.est_termine(etat):
            raise ActionRefusee(
                "D'abord, fais passer la perte sous la barre toi-même, en poussant les "
                "poids : la machine t'aidera ensuite."
            )
        vitesse = float(lire_choix(action, "vitesse", VITESSES))  # les 7 crans de l'écran
        etapes = lire_entier(action, "etapes", 1, ETAPES_MAX)
        return vitesse, etapes

    def _un_pas(self, etat, vitesse):
        """Un pas de descente de gradient : chaque poids recule dans le sens de sa pente."""
        nouveaux = [p - vitesse * g for p, g in zip(etat.poids, etat.gradient, strict=True)]
        etat.explose = etat.explose or any(abs(p) > BORNE_POIDS for p in nouveaux)
        etat.poids = [borner(p) for p in nouveaux]
        etat.vitesse = vitesse
        etat.coups += 1
        etat.pas += 1
        etat.calculer()
        self.noter_but(etat)

    actions = {
        "pousser": _pousser,
        "entrainer": longue(_entrainer),
        "recommencer": _recommencer,
    }

    def mesures(self, etat):
        return {
            "perte": etat.perte,
            "meilleure_perte": etat.meilleure_perte,
            "coups": etat.coups,
            "coups_au_but": etat.coups_au_but,
            "perte_a_la_main": etat.a_la_main,
            "poussees_ratees": etat.ratees,
            "poussees": etat.poussees,
            "pas": etat.pas,
            "actions": etat.actions,
        }

    def calculer_question(self, etat, question):
        from levels.l2_erreurs import questions_l2  # late: they import this module

        return questions_l2.calculer(self, etat, question)

    def resoudre(self, graine):
        """Le solveur : il pousse le poids dont la balle est le plus loin de l'anneau,
        vers l'anneau, jusqu'au but ; puis un pas de machine et les questions."""
        from levels.l2_erreurs import joueurs  # late: they import this module

        etat = self.nouvel_etat(graine)
        actions = []
        while not self.est_termine(etat):
            action = joueurs.poussee_des_indices(etat)
            self.appliquer(etat, action)
            actions.append(action)
        fin = [{"type": "entrainer", "vitesse": 0.3, "etapes": 1}]  # un pas : voir la machine
        for action in fin:
            self.appliquer(etat, action)
        actions += fin
        return actions + questions.reponse_du_solveur(self, etat)

    def joueur_hasard(self, etat, hasard):
        from levels.l2_erreurs import joueurs  # late: they import this module

        return joueurs.au_hasard(self, etat, hasard)

    def joueur_indices(self, etat):
        from levels.l2_erreurs import joueurs  # late: they import this module

        return joueurs.poussee_des_indices(etat)

    def joueur_copie_indice3(self, etat):
        from levels.l2_erreurs import joueurs  # late: they import this module

        return joueurs.copie_indice3(self, etat)

    def valeurs_indices(self, etat):
        from levels.l2_erreurs import indices  # late: they import this module

        return indices.valeurs_indices(etat)

    def decouverte(self, etat):
        from levels.l2_erreurs import indices  # late: they import this module

        return indices.decouverte(etat)


def plancher():
    """La plus petite perte possible : les balles dans leurs anneaux (-Σ f × log f)."""
    return -sum(f * math.log(f) for f in frequences())


NIVEAU = NiveauErreurs()
