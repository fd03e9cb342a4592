"""Niveau 1 : « Devine la suite » — les probabilités et les bigrammes.

Comme le clavier du téléphone qui devine le mot suivant, la machine devine la
lettre suivante. Pour ça, elle compte : dans les prénoms qu'on lui donne, quelle
lettre suit quelle lettre (le tableau 27 × 27 de `engine.bigramme`).

Ce que l'enfant fait (les actions) :
- {"type": "nourrir", "prenom": "lina"} : donner un prénom à la machine (une des
  cartes proposées, ou un prénom tapé au clavier) ;
- {"type": "oublier", "prenom": "lina"} : le lui retirer ;
- {"type": "vider"} : tout effacer et recommencer le tableau ;
- {"type": "cartes"} : tirer six nouvelles cartes ;
- {"type": "duel"} puis {"type": "deviner", "lettre": "u"} : le duel contre la
  machine qui a lu tous les prénoms (« . » = la fin du prénom) ;
- {"type": "repondre", "question": "q_u", "choix": 1}.

Le but : le modèle construit avec les prénoms donnés a une perte moyenne sous
`SEUIL_PERTE` sur des prénoms « secrets » qu'il n'a jamais vus.
"""

import functools
import math
import random
from dataclasses import dataclass, field

from engine.bigramme import ajouter_mot, compter, perte_moyenne, probabilites, tableau_vide
from engine.donnees import charger_dataset, nettoyer_mot, separer_train_val
from engine.vocab import FIN, LETTRES, VOCAB_STANDARD
from levels.base import (
    ActionRefusee,
    EtatNiveau,
    Niveau,
    Objectif,
    lire_texte,
    record_au_but,
)

SEUIL_PERTE = 2.85  # la barre : un enfant l'atteint avec 15 à 40 prénoms bien choisis
LISSAGE = 0.5  # un petit compte ajouté partout : rien n'est jamais « impossible »
DEFI_PRENOMS = 22  # 2e étoile : atteindre le but avec 22 prénoms ou moins
NOMBRE_CARTES = 6
LONGUEUR_MIN, LONGUEUR_MAX = 2, 15
GRAINE_EXAMEN = 7  # les prénoms secrets sont les mêmes pour tout le monde
PART_EXAMEN = 0.05  # 5 % des prénoms courants (environ 200)
PRENOMS_PAR_DUEL = 4
QUESTION = {"id": "q_u", "bonne": 1}


# --- les données (chargées une fois) ------------------------------------------------


@functools.cache
def _donnees():
    """(cartes possibles, prénoms secrets de l'examen, tous les prénoms hors examen)."""
    courants = charger_dataset("prenoms_courants")
    cartes, examen = separer_train_val(courants, graine=GRAINE_EXAMEN, part_validation=PART_EXAMEN)
    secrets = set(examen)
    tous = [mot for mot in charger_dataset("prenoms") if mot not in secrets]
    return tuple(cartes), tuple(examen), tuple(tous)


def prenoms_examen():
    """Les prénoms secrets sur lesquels on mesure la perte (jamais donnés à la machine)."""
    return _donnees()[1]


@functools.cache
def _examen():
    return frozenset(prenoms_examen())


@functools.cache
def comptes_machine():
    """Le tableau de la machine du duel : elle a lu tous les prénoms (sauf les secrets)."""
    return compter(_donnees()[2])


@functools.cache
def probas_machine():
    return probabilites(comptes_machine(), LISSAGE)


@functools.cache
def _pioche(graine):
    """L'ordre des cartes pour une graine : toujours le même."""
    cartes = list(_donnees()[0])
    random.Random(f"cartes-{graine}").shuffle(cartes)
    return tuple(cartes)


def prenoms_du_duel(graine, manche):
    cartes = _donnees()[0]
    return random.Random(f"duel-{graine}-{manche}").sample(cartes, PRENOMS_PAR_DUEL)


def perte_du_modele(comptes):
    """La perte moyenne du modèle bigramme (ces comptes) sur les prénoms secrets."""
    return perte_moyenne(probabilites(comptes, LISSAGE), prenoms_examen())


def choix_de_la_machine(lettre):
    """La lettre que la machine du duel devine après `lettre` : la plus probable."""
    ligne = comptes_machine()[VOCAB_STANDARD.char_to_id[lettre]]
    meilleur = max(range(len(ligne)), key=lambda j: (ligne[j], -j))
    return VOCAB_STANDARD.id_to_char[meilleur]


# --- l'état ---------------------------------------------------------------------------


@dataclass
class Duel:
    """Une manche du duel : deviner la lettre suivante de quelques prénoms cachés."""

    manche: int
    prenoms: list
    numero: int = 0  # le prénom en cours
    montrees: int = 1  # combien de lettres du prénom en cours sont montrées
    toi: int = 0  # tes bonnes réponses
    machine: int = 0  # celles de la machine
    coups: int = 0
    dernier: dict | None = None  # le dernier coup : {"toi", "machine", "bonne"}

    @property
    def fini(self):
        return self.numero >= len(self.prenoms)

    def lettres(self):
        """Le prénom en cours avec le « . » de fin : « lina. »."""
        return self.prenoms[self.numero] + FIN


@dataclass
class EtatDevine(EtatNiveau):
    prenoms: list = field(default_factory=list)  # les prénoms donnés, dans l'ordre
    comptes: list = field(default_factory=tableau_vide)
    perte: float = 0.0
    meilleure_perte: float = math.inf  # la plus basse atteinte (le but ne se perd pas)
    prenoms_au_but: int | None = (
        None  # le moins de prénoms avec lesquels la perte était sous la barre
    )
    cartes: list = field(default_factory=list)
    tirees: int = 0  # combien de cartes sont sorties de la pioche
    duel: Duel | None = None
    manches: int = 0
    duels_gagnes: int = 0
    meilleur_duel: tuple | None = None  # (toi, machine) de la meilleure manche finie


def _recalculer(etat):
    etat.perte = perte_du_modele(etat.comptes)
    etat.meilleure_perte = min(etat.meilleure_perte, etat.perte)
    if etat.perte <= SEUIL_PERTE:
        etat.prenoms_au_but = record_au_but(etat.prenoms_au_but, len(etat.prenoms))


def _tirer(etat):
    pioche = _pioche(etat.graine)
    while True:
        prenom = pioche[etat.tirees % len(pioche)]
        etat.tirees += 1
        if prenom not in etat.prenoms and prenom not in etat.cartes:
            return prenom


class NiveauDevine(Niveau):
    id = "l1_devine"
    numero = 1
    titre = "Devine la suite"
    concept = ("probabilités, bigrammes", "probabilities, bigrams")
    objectif = Objectif("meilleure_perte", SEUIL_PERTE, "sous")
    defi = Objectif("prenoms_au_but", DEFI_PRENOMS, "sous")
    defi_au_premier_but = False
    question = QUESTION
    fonctions_capot = (ajouter_mot, probabilites, perte_moyenne)

    def nouvel_etat(self, graine):
        etat = EtatDevine(graine=graine)
        _recalculer(etat)
        for _ in range(NOMBRE_CARTES):
            etat.cartes.append(_tirer(etat))
        return etat

    # --- les actions -------------------------------------------------------------

    def _prenom(self, action):
        brut = lire_texte(action, "prenom", 40)
        prenom = nettoyer_mot(brut)
        if not prenom or any(c not in LETTRES for c in prenom):
            raise ActionRefusee("Un prénom s'écrit seulement avec les lettres de a à z.")
        if not LONGUEUR_MIN <= len(prenom) <= LONGUEUR_MAX:
            raise ActionRefusee(
                f"Un prénom doit avoir entre {LONGUEUR_MIN} et {LONGUEUR_MAX} lettres."
            )
        return prenom

    def _nourrir(self, etat, action):
        prenom = self._prenom(action)
        if prenom in _examen():
            raise ActionRefusee(
                f"« {prenom} » fait partie des prénoms secrets de l'examen : choisis-en un autre !"
            )
        if prenom in etat.prenoms:
            raise ActionRefusee(f"La machine a déjà lu « {prenom} ».")
        etat.prenoms.append(prenom)
        ajouter_mot(etat.comptes, prenom)
        _recalculer(etat)
        if prenom in etat.cartes:
            etat.cartes[etat.cartes.index(prenom)] = _tirer(etat)

    def _oublier(self, etat, action):
        prenom = self._prenom(action)
        if prenom not in etat.prenoms:
            raise ActionRefusee(f"La machine n'a pas lu « {prenom} ».")
        etat.prenoms.remove(prenom)
        etat.comptes = compter(etat.prenoms)
        _recalculer(etat)

    def _vider(self, etat, action):
        if not etat.prenoms:
            raise ActionRefusee("Le tableau est déjà vide.")
        etat.prenoms.clear()
        etat.comptes = tableau_vide()
        _recalculer(etat)

    def _cartes(self, etat, action):
        etat.cartes = [_tirer(etat) for _ in range(NOMBRE_CARTES)]

    def _duel(self, etat, action):
        etat.manches += 1
        etat.duel = Duel(etat.manches, prenoms_du_duel(etat.graine, etat.manches))

    def _deviner(self, etat, action):
        duel = etat.duel
        if duel is None or duel.fini:
            raise ActionRefusee("Lance d'abord un duel contre la machine.")
        lettre = lire_texte(action, "lettre", 1)
        if lettre not in VOCAB_STANDARD.char_to_id:
            raise ActionRefusee("Devine une lettre de a à z, ou « . » pour la fin du prénom.")
        mot = duel.lettres()
        bonne = mot[duel.montrees]
        machine = choix_de_la_machine(mot[duel.montrees - 1])
        duel.toi += lettre == bonne
        duel.machine += machine == bonne
        duel.coups += 1
        duel.dernier = {
            "toi": lettre,
            "machine": machine,
            "bonne": bonne,
            "apres": mot[duel.montrees - 1],
        }
        duel.montrees += 1
        if duel.montrees >= len(mot):
            duel.numero += 1
            duel.montrees = 1
            if duel.fini:
                if duel.toi > duel.machine:
                    etat.duels_gagnes += 1
                meilleur = etat.meilleur_duel
                if meilleur is None or duel.toi - duel.machine > meilleur[0] - meilleur[1]:
                    etat.meilleur_duel = (duel.toi, duel.machine)

    actions = {
        "nourrir": _nourrir,
        "oublier": _oublier,
        "vider": _vider,
        "cartes": _cartes,
        "duel": _duel,
        "deviner": _deviner,
    }

    # --- mesures, étoiles, solveur ----------------------------------------------------

    def mesures(self, etat):
        return {
            "perte": etat.perte,
            "meilleure_perte": etat.meilleure_perte,
            "prenoms": len(etat.prenoms),
            "prenoms_au_but": etat.prenoms_au_but,
            "actions": etat.actions,
            "duels_gagnes": etat.duels_gagnes,
            # Le niveau 5 s'en sert : la perte que le GPT devra battre.
            "perte_bigramme": etat.perte,
        }

    def comprehension(self, etat):
        """3e étoile : la bonne réponse à la question, ou un duel gagné contre la machine."""
        return self.bonne_reponse(etat) or etat.duels_gagnes > 0

    def resoudre(self, graine, candidats=80):
        """Le solveur : à chaque tour, il donne le prénom qui fait le plus baisser la perte,
        parmi les cartes et quelques prénoms qu'il « tape », puis répond à la question."""
        etat = self.nouvel_etat(graine)
        reserve = list(_pioche(graine)[::-1][:candidats])
        actions = []
        while etat.perte > SEUIL_PERTE:
            possibles = [p for p in [*etat.cartes, *reserve] if p not in etat.prenoms]
            meilleur = min(possibles, key=lambda p: _perte_avec(etat.comptes, p))
            action = {"type": "nourrir", "prenom": meilleur}
            self.appliquer(etat, action)
            actions.append(action)
        actions.append({"type": "repondre", "question": QUESTION["id"], "choix": QUESTION["bonne"]})
        return actions


def _perte_avec(comptes, prenom):
    essai = [ligne[:] for ligne in comptes]
    ajouter_mot(essai, prenom)
    return perte_du_modele(essai)


def ligne_de_probabilites(comptes, lettre, combien=5):
    """Pour l'écran : les lettres les plus probables après `lettre`, [(lettre, proba), …]."""
    ligne = probabilites([comptes[VOCAB_STANDARD.char_to_id[lettre]]], LISSAGE)[0]
    ordre = sorted(range(len(ligne)), key=lambda j: (-ligne[j], j))[:combien]
    return [(VOCAB_STANDARD.id_to_char[j], ligne[j]) for j in ordre]


NIVEAU = NiveauDevine()
