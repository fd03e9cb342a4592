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
- {"type": "duel"} puis {"type": "deviner", "lettre": "u"} : le duel « joue la
  machine » : pour chaque lettre montrée d'un prénom caché, deviner la lettre que
  TA machine choisirait, c'est-à-dire lire TON tableau (« . » = la fin du prénom).
  Le tableau est figé au début de la manche, et seules les lignes qui ont une lettre
  clairement en tête sont demandées (voir `levels.l1_devine.duel`) ;
- {"type": "poser"} puis {"type": "repondre", "question": …, "choix": i}.

Le but : une manche du duel avec au moins `SEUIL_DUEL` lettres (sur `COUPS_DUEL`)
devinées comme ta machine (le hasard en trouve une sur 27) : savoir lire le
tableau, c'est comprendre comment la machine devine.
Le défi : la perte de ta machine sous `SEUIL_PERTE` sur des prénoms « secrets »
qu'elle n'a jamais vus, avec `DEFI_PRENOMS` prénoms au plus (des prénoms variés).
"""

import functools
import math
import random
from dataclasses import dataclass, field

from engine.bigramme import ajouter_mot, compter, perte_moyenne, probabilites, tableau_vide
from engine.donnees import charger_dataset, nettoyer_mot, separer_train_val
from engine.vocab import FIN, LETTRES, VOCAB_STANDARD  # noqa: F401 - FIN: for the views
from levels import questions
from levels.base import (
    ActionRefusee,
    EtatNiveau,
    Niveau,
    Objectif,
    lire_texte,
    record_au_but,
)
from levels.l1_devine import indices
from levels.l1_devine.duel import COUPS_DUEL, Duel, en_tete, nouveau_duel  # noqa: F401

SEUIL_PERTE = 2.85  # le défi : un enfant l'atteint avec 15 à 22 prénoms bien choisis
LISSAGE = 0.5  # un petit compte ajouté partout : rien n'est jamais « impossible »
DEFI_PRENOMS = 22  # 2e étoile : la perte sous SEUIL_PERTE avec 22 prénoms ou moins
PRENOMS_DUEL = 10  # le duel s'ouvre quand ton tableau a lu 10 prénoms
SEUIL_DUEL = 8  # le but : 8 sur 10 comme ta machine
NOMBRE_CARTES = 6
LONGUEUR_MIN, LONGUEUR_MAX = 2, 15
GRAINE_EXAMEN = 7  # les prénoms secrets sont les mêmes pour tout le monde
PART_EXAMEN = 0.05  # 5 % des prénoms courants (environ 200)


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


def perte_du_modele(comptes):
    """La perte moyenne du modèle bigramme (ces comptes) sur les prénoms secrets."""
    return perte_moyenne(probabilites(comptes, LISSAGE), prenoms_examen())


def choix_de_la_machine(comptes, lettre):
    """La lettre que la machine devine après `lettre` avec ces comptes : la plus fréquente
    (à égalité, la première dans l'ordre « . », a, b…)."""
    ligne = comptes[VOCAB_STANDARD.char_to_id[lettre]]
    meilleur = max(range(len(ligne)), key=lambda j: (ligne[j], -j))
    return VOCAB_STANDARD.id_to_char[meilleur]


def prenom_lu(brut):
    """Ce que la machine lira d'un prénom tapé : « Jean-Pierre » → « jeanpierre ».

    Les accents, tirets, apostrophes et espaces sont normaux dans un prénom : on les
    enlève. Lève ActionRefusee (en français) s'il reste autre chose que des lettres.
    """
    prenom = nettoyer_mot(brut)
    for signe in "-'’ ":
        prenom = prenom.replace(signe, "")
    if not prenom or any(c not in LETTRES for c in prenom):
        raise ActionRefusee(
            "Un prénom s'écrit avec des lettres (les accents, tirets et apostrophes "
            "sont acceptés, pas les chiffres ni les autres signes)."
        )
    if not LONGUEUR_MIN <= len(prenom) <= LONGUEUR_MAX:
        raise ActionRefusee(f"Un prénom doit avoir entre {LONGUEUR_MIN} et {LONGUEUR_MAX} lettres.")
    return prenom


# --- l'état ---------------------------------------------------------------------------


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
    record_duel: int = 0  # le plus de lettres devinées comme ta machine en une manche


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
    ligne_bigramme = True  # sa perte devient la ligne du joueur au niveau du GPT
    titre = "Devine la suite"
    concept = ("probabilités, bigrammes", "probabilities, bigrams")
    objectif = Objectif("record_duel", SEUIL_DUEL, "sur")
    defi = Objectif("prenoms_au_but", DEFI_PRENOMS, "sous")
    defi_au_premier_but = False
    autres_barres = (SEUIL_PERTE,)  # la perte du défi : « sous 2,85 »
    questions = ("predire_lettre", "predire_perte", "compter_q", "varies")
    predictions = ("predire_lettre", "predire_perte")
    fonctions_capot = (ajouter_mot, probabilites, perte_moyenne)

    def nouvel_etat(self, graine):
        etat = EtatDevine(graine=graine)
        _recalculer(etat)
        for _ in range(NOMBRE_CARTES):
            etat.cartes.append(_tirer(etat))
        return etat

    # --- les actions -------------------------------------------------------------

    def _prenom(self, action):
        return prenom_lu(lire_texte(action, "prenom", 40))

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
        if len(etat.prenoms) < PRENOMS_DUEL:
            raise ActionRefusee(
                f"Donne d'abord au moins {PRENOMS_DUEL} prénoms à ta machine : "
                "sans tableau, elle ne sait rien deviner."
            )
        etat.manches += 1
        etat.duel = nouveau_duel(etat.comptes, _donnees()[0], etat.graine, etat.manches)

    def _deviner(self, etat, action):
        """Un coup du duel : juste si la lettre est celle que ton tableau (figé au début
        de la manche) met seule en tête de la ligne de la dernière lettre montrée."""
        duel = etat.duel
        if duel is None or duel.fini:
            raise ActionRefusee("Lance d'abord un duel.")
        lettre = lire_texte(action, "lettre", 1)
        if lettre not in VOCAB_STANDARD.char_to_id:
            raise ActionRefusee("Devine une lettre de a à z, ou « . » pour la fin du prénom.")
        duel.jouer(lettre)
        # Le compteur de l'écran et le but : le même nombre, à chaque coup.
        etat.record_duel = max(etat.record_duel, duel.toi)
        if duel.fini:
            etat.duels_gagnes += duel.toi >= SEUIL_DUEL
            meilleur = etat.meilleur_duel
            if meilleur is None or duel.toi > meilleur[0]:
                etat.meilleur_duel = (duel.toi, duel.machine)

    actions = {
        "nourrir": _nourrir,
        "oublier": _oublier,
        "vider": _vider,
        "cartes": _cartes,
        "duel": _duel,
        "deviner": _deviner,
    }

    # --- mesures, questions, étoiles, solveur -------------------------------------------

    def mesures(self, etat):
        return {
            "record_duel": etat.record_duel,
            "perte": etat.perte,
            "meilleure_perte": etat.meilleure_perte,
            "prenoms": len(etat.prenoms),
            "prenoms_au_but": etat.prenoms_au_but,
            "actions": etat.actions,
            "duels_gagnes": etat.duels_gagnes,
            # Le niveau 5 s'en sert : la perte que le GPT devra battre.
            "perte_bigramme": etat.perte,
        }

    def calculer_question(self, etat, question):
        from levels.l1_devine import questions_l1  # late: they import this module

        return questions_l1.calculer(etat, question)

    def resoudre(self, graine, candidats=50):
        """Le solveur : il donne à chaque tour le prénom qui fait le plus baisser la perte
        (parmi les cartes et des prénoms qu'il « tape ») jusqu'à passer sous la barre,
        puis joue le duel en lisant son tableau, et répond aux questions."""
        from levels.l1_devine import joueurs  # late: they import this module

        etat = self.nouvel_etat(graine)
        reserve = list(_pioche(graine)[::-1][:candidats])
        actions = []

        def jouer(action):
            self.appliquer(etat, action)
            actions.append(action)

        while etat.perte > SEUIL_PERTE or len(etat.prenoms) < PRENOMS_DUEL:
            possibles = [p for p in [*etat.cartes, *reserve] if p not in etat.prenoms]
            meilleur = min(possibles, key=lambda p: _perte_avec(etat.comptes, p))
            jouer({"type": "nourrir", "prenom": meilleur})
        while not self.est_termine(etat):
            jouer(joueurs.coup_du_duel(etat))
        for action in questions.reponse_du_solveur(self, etat):
            jouer(action)
        return actions

    def joueur_hasard(self, etat, hasard):
        from levels.l1_devine import joueurs  # late: they import this module

        return joueurs.au_hasard(etat, hasard)

    def joueur_indices(self, etat):
        from levels.l1_devine import joueurs  # late: they import this module

        return joueurs.selon_les_indices(self, etat)

    def joueur_copie_indice3(self, etat):
        from levels.l1_devine import joueurs  # late: they import this module

        return joueurs.copie_indice3(self, etat)

    def valeurs_indices(self, etat):
        return indices.valeurs_indices(etat)

    def decouverte(self, etat):
        return indices.decouverte(etat)


@functools.cache
def _examen_par_ligne():
    """Les paires des prénoms secrets, comptées par ligne : {avant: {après: n}}, et leur total."""
    paires = {}
    total = 0
    for mot in prenoms_examen():
        jetons = [0, *(VOCAB_STANDARD.char_to_id[c] for c in mot), 0]
        for avant, apres in zip(jetons, jetons[1:], strict=False):
            ligne = paires.setdefault(avant, {})
            ligne[apres] = ligne.get(apres, 0) + 1
            total += 1
    return paires, total


def _perte_ligne(ligne, avant):
    """La part de la ligne `avant` dans la perte sur les prénoms secrets (même calcul
    que `perte_moyenne`, ligne par ligne : le solveur n'a qu'à refaire les lignes touchées)."""
    paires = _examen_par_ligne()[0].get(avant, {})
    total = sum(ligne) + LISSAGE * len(ligne)
    return -sum(n * math.log((ligne[apres] + LISSAGE) / total) for apres, n in paires.items())


def _perte_avec(comptes, prenom):
    """La perte si la machine lisait aussi `prenom` (seules ses lignes changent)."""
    jetons = [0, *(VOCAB_STANDARD.char_to_id[c] for c in prenom), 0]
    touchees = {}
    for avant, apres in zip(jetons, jetons[1:], strict=False):
        ligne = touchees.setdefault(avant, list(comptes[avant]))
        ligne[apres] += 1
    paires, total = _examen_par_ligne()
    somme = sum(_perte_ligne(touchees.get(avant, comptes[avant]), avant) for avant in paires)
    return somme / total


def ligne_de_probabilites(comptes, lettre, combien=5):
    """Pour l'écran : les lettres les plus probables après `lettre`, [(lettre, proba), …]."""
    ligne = probabilites([comptes[VOCAB_STANDARD.char_to_id[lettre]]], LISSAGE)[0]
    ordre = sorted(range(len(ligne)), key=lambda j: (-ligne[j], j))[:combien]
    return [(VOCAB_STANDARD.id_to_char[j], ligne[j]) for j in ordre]


NIVEAU = NiveauDevine()
