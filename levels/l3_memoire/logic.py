"""Niveau 3 : « La mémoire du modèle » — les plongements (embeddings).

Chaque lettre reçoit deux notes sur 10, comme un élève : c'est sa place (x, y)
sur le plateau. Le modèle devine la lettre suivante en ne regardant QUE les
deux notes de la lettre actuelle : logits = W · (x, y) + b, puis softmax.
W et b sont fixes (appris une fois pour toutes, voir `preentrainement.py`).
Deux lettres posées au même endroit donnent donc exactement la même
prédiction : il faut rapprocher les lettres qui se comportent pareil.

Ce que l'enfant fait (les actions) :
- {"type": "deplacer", "lettre": "e", "x": 7.5, "y": 6.0} : poser une lettre ;
- {"type": "entrainer", "etapes": 20} : laisser la machine déplacer les lettres
  (descente de gradient avec Adam, comme le vrai GPT) ;
- {"type": "recommencer"} : remettre les lettres à leur place de départ ;
- {"type": "repondre", "question": "voisines", "choix": 1}.

Le but : une perte sous `SEUIL_PERTE` atteinte par TON placement, avant que
la machine t'aide (`perte_a_la_main`). Le défi : y arriver en peu de déplacements.
"""

import functools
import math
import random
from dataclasses import dataclass, field

from engine.adam import Adam
from engine.bigramme import compter
from engine.donnees import charger_dataset
from engine.gpt import softmax
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
from levels.l3_memoire.modele_appris import MODELE

# Les lettres de la plus fréquente à la plus rare dans les prénoms (l'indice 2 les cite).
ORDRE_FREQUENCE = "aeinlrsomyhdtuckbjgfvzpwxq"

SEUIL_PERTE = 2.75  # au départ ~3,4 ; la meilleure place de chaque lettre donne 2,58
DEFI_DEPLACEMENTS = 10  # 2e étoile : y arriver en 10 déplacements ou moins
NOTE_MIN, NOTE_MAX = 0.0, 10.0  # le plateau : deux notes sur 10
PAS_PLATEAU = 0.1  # on pose une lettre de 0,1 en 0,1 (l'écran arrondit au dixième)
ETAPES_MACHINE = 150  # la machine apprend en 150 pas au plus (puis elle a fini)
VITESSE_MACHINE = 0.3  # le pas d'Adam, en points de note
HISTORIQUE_MAX = 400
DISTANCE_MIN = 0.5  # deux lettres ne se cachent jamais : une lettre posée trop près glisse à côté


def modele():
    """W (27 × 2), b (27), la place fixe du « . » et les places apprises."""
    return MODELE


@functools.cache
def comptes():
    """Combien de fois chaque lettre suit chaque lettre dans les vrais prénoms."""
    return compter(charger_dataset("prenoms"))


@functools.cache
def _total():
    return sum(map(sum, comptes()))


def logits_de(notes):
    """Les scores de chaque lettre suivante, pour une lettre placée en `notes` = (x, y)."""
    x, y = notes
    return [wx * x + wy * y + b for (wx, wy), b in zip(modele()["W"], modele()["b"], strict=True)]


def probabilites_de(notes):
    """Ce que le modèle prédit après une lettre placée en (x, y)."""
    return softmax(logits_de(notes))


def perte_ligne(lettre_id, notes):
    """La part de la perte due à une lettre : -log(proba de la bonne suite), pondérée par
    le nombre de fois où cette lettre apparaît dans les prénoms."""
    probas = probabilites_de(notes)
    ligne = comptes()[lettre_id]
    return (
        sum(-c * math.log(max(p, 1e-300)) for c, p in zip(ligne, probas, strict=True) if c)
        / _total()
    )


def perte_du_placement(places):
    """La perte moyenne du modèle sur tous les prénoms, pour ces places des 27 jetons."""
    return sum(perte_ligne(i, places[i]) for i in range(len(VOCAB)))


def gradients_des_places(places):
    """Pour chaque lettre, dans quelle direction sa place fait monter la perte.

    Pour une lettre a : Σ sur les lettres suivantes k de (n_a × p_k − compte[a][k]) × W[k].
    """
    total = _total()
    gradients = [[0.0, 0.0] for _ in places]
    for a in range(1, len(VOCAB)):  # le « . » ne bouge pas
        ligne = comptes()[a]
        n = sum(ligne)
        for k, p in enumerate(probabilites_de(places[a])):
            d = (n * p - ligne[k]) / total
            gradients[a][0] += d * modele()["W"][k][0]
            gradients[a][1] += d * modele()["W"][k][1]
    return gradients


def places_de_depart(graine):
    """Au début, les lettres sont posées au hasard sur une grille : la machine ne sait rien."""
    lettres = list(LETTRES)
    random.Random(f"l3-{graine}").shuffle(lettres)
    places = [list(modele()["debut"])] + [None] * len(LETTRES)
    for rang, lettre in enumerate(lettres):
        places[VOCAB.index(lettre)] = [1.0 + (rang % 6) * 1.6, 1.0 + (rang // 6) * 2.0]
    return places


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

    def calculer(self, lettres=None):
        """Recalcule la perte (seulement les lignes des `lettres` données, ou tout)."""
        if lettres is None or not self.pertes:
            self.pertes = [perte_ligne(i, p) for i, p in enumerate(self.places)]
        else:
            for i in lettres:
                self.pertes[i] = perte_ligne(i, self.places[i])
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
        places = places_de_depart(graine)
        etat = EtatMemoire(graine=graine, places=places, depart=[list(p) for p in places])
        etat.calculer()
        return etat

    def _entrainer(self, etat, action):
        """La machine apprend pas à pas : on voit les lettres bouger."""
        etapes = self._lire_etapes(etat, action)
        yield from pas_a_pas(etapes, lambda: self._un_pas(etat), {"type": "entrainer"})

    def _recommencer(self, etat, action):
        if etat.places == etat.depart and not etat.aide:
            raise ActionRefusee("Les lettres sont déjà à leur place de départ.")
        etat.places = [list(p) for p in etat.depart]
        etat.deplacements = etat.pas = 0
        etat.aide = False
        etat.adam = None
        etat.calculer()

    def _deplacer(self, etat, action):
        lettre = lire_texte(action, "lettre", 1)
        if not lettre or lettre not in LETTRES:
            raise ActionRefusee("On ne peut déplacer que les lettres de a à z.")
        x = lire_sur_grille(action, "x", NOTE_MIN, NOTE_MAX, PAS_PLATEAU)
        y = lire_sur_grille(action, "y", NOTE_MIN, NOTE_MAX, PAS_PLATEAU)
        i = VOCAB.index(lettre)
        etat.places[i] = place_libre(etat.places, i, x, y)
        etat.deplacements += 1
        etat.calculer([i])

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
        gradients = gradients_des_places(etat.places)
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
        meilleure place (arrondie au dixième, comme la souris), puis laisse la machine
        apprendre et répond à la question."""
        etat = self.nouvel_etat(graine)
        apprises = modele()["places_apprises"]
        actions = []
        while etat.perte > SEUIL_PERTE:

            def gain(lettre):
                i = VOCAB.index(lettre)
                return etat.pertes[i] - perte_ligne(i, apprises[lettre])

            lettre = max(LETTRES, key=gain)
            x, y = (round(_borner(v), 1) for v in apprises[lettre])
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
        hasard = random.Random(f"l3-question-{etat.graine}")
        lettre = hasard.choice("aeinlrso")
        proches = plus_proches(etat.places, lettre, len(LETTRES) - 1)
        choix = [proches[0], proches[len(proches) // 2], proches[-1]]
        return {"valeurs": {"lettre": lettre}, "choix": [c.upper() for c in choix], "bonne": 0}

    def joueur_hasard(self, etat, hasard):
        genre = hasard.randrange(len(LETTRES) + 2)
        if genre == len(LETTRES):
            return {"type": "recommencer"}
        if genre == len(LETTRES) + 1:
            return {"type": "entrainer", "etapes": 10}
        x, y = (hasard.randrange(101) / 10 for _ in range(2))
        return {"type": "deplacer", "lettre": LETTRES[genre], "x": x, "y": y}

    def joueur_indices(self, etat):
        """Les indices : les lettres les plus fréquentes d'abord, chacune lâchée là où la
        perte en direct est la plus basse (on essaie le plateau tous les demi-points)."""
        for lettre in ORDRE_FREQUENCE:
            i = VOCAB.index(lettre)
            x, y = meilleure_place(i)
            if math.dist(etat.places[i], (x, y)) > 1.5:  # pas encore à sa bonne place
                return {"type": "deplacer", "lettre": lettre, "x": x, "y": y}
        return None


def place_libre(places, i, x, y):
    """(x, y) si aucune autre lettre n'est à moins de DISTANCE_MIN, sinon la place libre
    la plus proche (au dixième, toujours la même) : deux lettres ne se cachent jamais."""

    def libre(px, py):
        return all(
            math.dist((px, py), p) >= DISTANCE_MIN for j, p in enumerate(places) if j not in (0, i)
        )

    if libre(x, y):
        return [x, y]
    for rayon in range(1, 101):
        autour = []
        for dx in range(-rayon, rayon + 1):
            for dy in (-rayon, rayon) if abs(dx) != rayon else range(-rayon, rayon + 1):
                px, py = round(x + dx / 10, 1), round(y + dy / 10, 1)
                if NOTE_MIN <= px <= NOTE_MAX and NOTE_MIN <= py <= NOTE_MAX and libre(px, py):
                    autour.append((math.dist((px, py), (x, y)), px, py))
        if autour:
            _, px, py = min(autour)
            return [px, py]
    return [x, y]


@functools.cache
def meilleure_place(i):
    """La place (tous les demi-points) où la part de perte de la lettre i est la plus basse."""
    grille = [k / 2 for k in range(21)]
    return min(((x, y) for x in grille for y in grille), key=lambda p: perte_ligne(i, p))


def plus_proches(places, lettre, combien=3):
    """Les lettres posées le plus près de `lettre` (pour l'écran et la question)."""
    i = VOCAB.index(lettre)
    x, y = places[i]
    autres = [c for c in LETTRES if c != lettre]
    autres.sort(key=lambda c: math.dist(places[VOCAB.index(c)], (x, y)))
    return autres[:combien]


def suivantes(lettre, combien=4):
    """Ce qui vient le plus souvent après `lettre` dans les vrais prénoms : une liste de
    (lettre suivante, part entre 0 et 1), de la plus fréquente à la moins fréquente.
    Le « . » veut dire « fin du prénom »."""
    ligne = comptes()[VOCAB.index(lettre)]
    total = sum(ligne)
    if not total:
        return []
    rangees = sorted(range(len(VOCAB)), key=lambda k: (-ligne[k], k))
    return [(VOCAB[k], ligne[k] / total) for k in rangees[:combien] if ligne[k]]


def perte_si(etat, lettre, x, y):
    """La perte si on posait `lettre` en (x, y) : l'aperçu pendant qu'on glisse la lettre."""
    i = VOCAB.index(lettre)
    return etat.perte - etat.pertes[i] + perte_ligne(i, (x, y))


NIVEAU = NiveauMemoire()
