"""Niveau 3 : « La mémoire du modèle » — les plongements (embeddings).

Chaque lettre reçoit deux notes sur 10, comme un élève : c'est sa place (x, y)
sur le plateau. Le modèle devine la lettre suivante en ne regardant QUE les
deux notes de la lettre actuelle : logits = W · (x, y) + b, puis softmax
(voir `plateau.py`). Deux lettres posées au même endroit donnent donc exactement
la même prédiction : il faut rapprocher les lettres qui se comportent pareil.

Chaque partie a son plateau (tourné, retourné par la graine) : la machine y a déjà
posé la plupart des lettres ; l'enfant place les autres (`Plateau.libres`), chacune
près d'une lettre de la machine qui a la même carte « ce qui vient après ».

Ce que l'enfant fait (les actions) :
- {"type": "deplacer", "lettre": "e", "x": 7.5, "y": 6.0} : poser une lettre ;
- {"type": "entrainer", "etapes": 20} : laisser la machine déplacer les lettres
  (descente de gradient avec Adam, comme le vrai GPT) ;
- {"type": "recommencer"} : remettre les lettres à leur place de départ ;
- {"type": "repondre", "question": "voisines", "choix": 1}.

Le but : une perte sous `SEUIL_PERTE` atteinte par TON placement, avant que
la machine t'aide (`perte_a_la_main`). Le défi : y arriver en peu de déplacements.
"""

import math
from dataclasses import dataclass, field

from engine.adam import Adam
from engine.vocab import LETTRES, VOCAB
from levels import questions
from levels.base import (
    ActionRefusee,
    Budget,
    EtatNiveau,
    Niveau,
    Objectif,
    lire_entier,
    lire_sur_grille,
    lire_texte,
    longue,
    pas_a_pas,
    record_au_but,
)
from levels.l3_memoire import aides
from levels.l3_memoire.plateau import (  # noqa: F401 - l'écran et les tests les lisent ici
    DISTANCE_MIN,
    NOMBRE_LIBRES,
    NOTE_MAX,
    NOTE_MIN,
    comptes,
    gradients_des_places,
    logits_de,
    modele,
    perte_du_placement,
    perte_ligne,
    place_libre,
    plateau_de,
    plus_proches,
    probabilites_de,
    suivantes,
)

SEUIL_PERTE = 2.70  # au départ 3,0 à 3,9 ; tes lettres près de leurs sosies : ~2,61
DEFI_DEPLACEMENTS = NOMBRE_LIBRES + 1  # 2e étoile : chaque lettre à toi placée du 1er coup
PAS_PLATEAU = 0.1  # on pose une lettre de 0,1 en 0,1 (l'écran arrondit au dixième)
ETAPES_MACHINE = 150  # la machine apprend en 150 pas au plus (puis elle a fini)
VITESSE_MACHINE = 0.3  # le pas d'Adam, en points de note
HISTORIQUE_MAX = 400
PERTE_HASARD = math.log(len(VOCAB))  # deviner au hasard parmi 27 : ln 27 ≈ 3,30


def _borner(note):
    return max(NOTE_MIN, min(NOTE_MAX, note))


@dataclass
class EtatMemoire(EtatNiveau):
    places: list = field(default_factory=list)  # [x, y] des 27 jetons (0 = « . », fixe)
    depart: list = field(default_factory=list)
    pertes: list = field(default_factory=list)  # la part de perte de chaque jeton
    perte: float = 0.0
    perte_a_la_main: float = math.inf  # la meilleure perte de TON placement
    deplacements: int = 0  # depuis le dernier « recommencer »
    deplacements_au_but: int | None = None
    aide: bool = False  # la machine a déplacé les lettres depuis le dernier « recommencer »
    pas: int = 0  # pas d'entraînement de la machine depuis le dernier « recommencer »
    adam: dict | None = None  # l'état d'Adam (élan de chaque note)
    historique: list = field(default_factory=list)
    # Ce qu'a fait le dernier déplacement (montré APRÈS le coup, jamais avant) :
    # {"lettre", "avant", "apres", "voisine"} ; None après « recommencer » ou la machine.
    dernier: dict | None = None

    @property
    def plateau(self):
        return plateau_de(self.graine)

    def calculer(self, lettres=None):
        """Recalcule la perte (seulement les lignes des `lettres` données, ou tout)."""
        plateau = self.plateau
        if lettres is None or not self.pertes:
            self.pertes = [perte_ligne(i, p, plateau) for i, p in enumerate(self.places)]
        else:
            for i in lettres:
                self.pertes[i] = perte_ligne(i, self.places[i], plateau)
        self.perte = math.fsum(self.pertes)
        self.historique.append(self.perte)
        del self.historique[:-HISTORIQUE_MAX]
        if not self.aide:
            self.perte_a_la_main = min(self.perte_a_la_main, self.perte)
            if self.perte <= SEUIL_PERTE:
                self.deplacements_au_but = record_au_but(
                    self.deplacements_au_but, self.deplacements
                )


class NiveauMemoire(Niveau):
    id = "l3_memoire"
    numero = 3
    titre = "La mémoire du modèle"
    concept = ("plongement", "embedding")
    objectif = Objectif("perte_a_la_main", SEUIL_PERTE, "sous")
    defi = Objectif("deplacements_au_but", DEFI_DEPLACEMENTS, "sous")
    # une vraie partie : la machine revue une vingtaine de fois (150 pas chaque fois)
    budget = Budget(pas=3_000, actions=20_000)
    defi_au_premier_but = False
    questions = ("predire_voisine", "voisines", "notes")
    predictions = ("predire_voisine",)
    fonctions_capot = (logits_de, perte_ligne, gradients_des_places, Adam.appliquer)

    def nouvel_etat(self, graine):
        places = [list(p) for p in plateau_de(graine).depart]
        etat = EtatMemoire(graine=graine, places=places, depart=[list(p) for p in places])
        etat.calculer()
        return etat

    def _entrainer(self, etat, action):
        """La machine apprend pas à pas : on voit les lettres bouger."""
        etapes = self._lire_etapes(etat, action)
        etat.dernier = None
        yield from pas_a_pas(etapes, lambda: self._un_pas(etat), {"type": "entrainer"})

    def _recommencer(self, etat, action):
        if etat.places == etat.depart and not etat.aide:
            raise ActionRefusee("Les lettres sont déjà à leur place de départ.")
        etat.places = [list(p) for p in etat.depart]
        etat.deplacements = etat.pas = 0
        etat.aide = False
        etat.adam = None
        etat.dernier = None
        etat.calculer()

    def _deplacer(self, etat, action):
        lettre = lire_texte(action, "lettre", 1)
        if not lettre or lettre not in LETTRES:
            raise ActionRefusee("On ne peut déplacer que les lettres de a à z.")
        x = lire_sur_grille(action, "x", NOTE_MIN, NOTE_MAX, PAS_PLATEAU)
        y = lire_sur_grille(action, "y", NOTE_MIN, NOTE_MAX, PAS_PLATEAU)
        i = VOCAB.index(lettre)
        avant = etat.perte
        etat.places[i] = place_libre(etat.places, i, x, y)
        etat.deplacements += 1
        etat.calculer([i])
        voisine = plus_proches(etat.places, lettre, 1)[0]
        etat.dernier = {"lettre": lettre, "avant": avant, "apres": etat.perte, "voisine": voisine}

    def _lire_etapes(self, etat, action):
        etapes = lire_entier(action, "etapes", 1, ETAPES_MACHINE)
        if etat.pas + etapes > ETAPES_MACHINE:
            raise ActionRefusee(
                "La machine a fini d'apprendre. Clique sur « recommencer » pour la revoir."
            )
        return etapes

    def _un_pas(self, etat):
        """Un pas d'Adam sur les notes de toutes les lettres (W et b ne bougent pas)."""
        poids = {"notes": etat.places}
        adam = Adam(poids, lr=VITESSE_MACHINE, etapes=ETAPES_MACHINE)
        if etat.adam is not None:
            adam.restaurer(etat.adam)
        gradients = gradients_des_places(etat.places, etat.plateau)
        adam.appliquer(poids, {"notes": gradients})
        etat.places = [list(etat.depart[0])] + [
            [_borner(x), _borner(y)] for x, y in poids["notes"][1:]
        ]
        etat.adam = adam.etat()
        etat.aide = True
        etat.pas += 1
        etat.calculer()

    actions = {
        "deplacer": _deplacer,
        "entrainer": longue(_entrainer),
        "recommencer": _recommencer,
    }

    def mesures(self, etat):
        return {
            "perte": etat.perte,
            "perte_a_la_main": etat.perte_a_la_main,
            "deplacements": etat.deplacements,
            "deplacements_au_but": etat.deplacements_au_but,
            "pas_machine": etat.pas,
            "actions": etat.actions,
        }

    def resoudre(self, graine):
        """Le solveur : pose d'abord la lettre qui fait le plus baisser la perte, à sa
        meilleure place sur CE plateau (arrondie au dixième, comme la souris), puis laisse
        la machine apprendre et répond aux questions."""
        etat = self.nouvel_etat(graine)
        plateau = etat.plateau
        actions = []
        while etat.perte > SEUIL_PERTE:

            def gain(lettre):
                i = VOCAB.index(lettre)
                return etat.pertes[i] - perte_ligne(i, plateau.apprises[i], plateau)

            lettre = max(LETTRES, key=gain)
            x, y = (round(_borner(v), 1) for v in plateau.apprises[VOCAB.index(lettre)])
            action = {"type": "deplacer", "lettre": lettre, "x": x, "y": y}
            self.appliquer(etat, action)
            actions.append(action)
        for action in [{"type": "entrainer", "etapes": 100}]:
            self.appliquer(etat, action)
            actions.append(action)
        return actions + questions.reponse_du_solveur(self, etat)

    def calculer_question(self, etat, question):
        if question != "predire_voisine":
            return None
        return aides.question_voisines(etat)

    def joueur_hasard(self, etat, hasard):
        genre = hasard.randrange(len(LETTRES) + 2)
        if genre == len(LETTRES):
            return {"type": "recommencer"}
        if genre == len(LETTRES) + 1:
            return {"type": "entrainer", "etapes": 10}
        x, y = (hasard.randrange(101) / 10 for _ in range(2))
        return {"type": "deplacer", "lettre": LETTRES[genre], "x": x, "y": y}

    def joueur_indices(self, etat):
        return aides.joueur_indices(etat)

    def joueur_copie_indice3(self, etat):
        return aides.joueur_copie_indice3(etat)

    def valeurs_indices(self, etat):
        return aides.valeurs_indices(etat)

    def decouverte(self, etat):
        return aides.decouverte(etat)


NIVEAU = NiveauMemoire()
