"""Entraîner sur tous les cœurs de l'ordinateur, avec exactement le même résultat.

Un lot de mots est coupé en morceaux de `MOTS_PAR_MORCEAU` mots, toujours de la
même façon (le découpage ne dépend que de la taille du lot). Chaque morceau
donne sa part de la perte et des gradients ; on les additionne ensuite dans
l'ordre des morceaux. Que les morceaux soient calculés par un seul processus ou
répartis entre plusieurs « aides » (d'autres processus Python, un par cœur), ce
sont les mêmes calculs dans le même ordre : les poids obtenus sont identiques au
bit près, quel que soit le nombre de travailleurs. Un rejeu ne dépend donc pas
de l'ordinateur.

Les aides sont des processus Python lancés une fois (`subprocess`) et gardés
pour les étapes suivantes. Ils reçoivent les poids (tous les nombres à la suite,
en binaire) et leurs mots par leur entrée standard, et renvoient leurs gradients
par leur sortie standard. Quand le programme principal s'arrête, leur entrée se
ferme et ils s'arrêtent aussi. Si une aide a un problème, le calcul est refait
ici même : le résultat est le même, juste moins vite.
"""

import atexit
import contextlib
import os
import pickle
import select
import subprocess
import sys
import time
from array import array
from operator import add

from engine.adam import aplatir

MOTS_PAR_MORCEAU = 4  # la taille d'un morceau de lot (fixe : le résultat n'en dépend pas)
TRAVAILLEURS_MAX = 64
# Une aide qui ne répond pas en 2 minutes (un morceau prend des millisecondes) est bloquée :
# ses morceaux sont refaits ici et les aides relancées, l'entraînement ne reste pas figé.
ATTENTE_AIDE_S = 120.0
_defaut = None  # le nombre de travailleurs par défaut, s'il a été fixé (`fixer_defaut`)


def coeurs():
    """Combien de cœurs ce programme peut utiliser."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def travailleurs_par_defaut():
    """Les cœurs de l'ordinateur, moins un (pour l'image du jeu) ; au moins 1."""
    if _defaut is not None:
        return _defaut
    return max(1, coeurs() - 1)


def fixer_defaut(n):
    """Change le nombre de travailleurs par défaut (None : revenir au calcul automatique)."""
    global _defaut
    _defaut = None if n is None else max(1, min(TRAVAILLEURS_MAX, int(n)))


def morceaux(lot):
    """Le lot coupé en morceaux de `MOTS_PAR_MORCEAU` mots (le dernier peut être plus court)."""
    return [lot[i : i + MOTS_PAR_MORCEAU] for i in range(0, len(lot), MOTS_PAR_MORCEAU)]


def calculer_morceau(calcul, poids, config, morceau, taille_lot):
    """(perte, gradients à plat) d'un morceau, divisés par la taille du lot entier."""
    perte, gradients = calcul(poids, config, morceau, taille_lot)
    return perte, aplatir(gradients, list(poids))


def perte_et_gradients_repartis(calcul, poids, config, lot, travailleurs=None):
    """La perte moyenne du lot et ses gradients (une seule liste, dans l'ordre de `poids`).

    `calcul(poids, config, sequences, taille_lot)` donne la part d'un morceau
    (`engine.marche_arriere.perte_et_gradients_lot`). Les morceaux sont
    additionnés dans leur ordre : même résultat pour 1, 2, 4… travailleurs.
    """
    parts = morceaux(lot)
    travailleurs = travailleurs_par_defaut() if travailleurs is None else travailleurs
    aides = min(travailleurs, len(parts)) - 1
    equipe = _equipe(aides) if aides > 0 else None
    if equipe is not None and equipe.aides:
        resultats = equipe.calculer(calcul, poids, config, parts, len(lot))
    else:  # un seul travailleur, ou pas d'aide possible ici : tout se calcule ici, pareil
        resultats = [calculer_morceau(calcul, poids, config, p, len(lot)) for p in parts]
    perte, gradients = resultats[0]
    for perte_part, gradients_part in resultats[1:]:
        perte += perte_part
        gradients = list(map(add, gradients, gradients_part))  # même ordre, mêmes additions
    return perte, gradients


def preparer_aides(travailleurs=None):
    """Lance les aides et attend qu'elles répondent (un Python qui démarre met un moment) :
    la première vraie étape ne les attend pas. Renvoie le nombre d'aides prêtes."""
    from engine.gpt import Config, init_poids
    from engine.marche_arriere import perte_et_gradients_lot

    travailleurs = travailleurs_par_defaut() if travailleurs is None else travailleurs
    if travailleurs < 2:
        return 0
    equipe = _equipe(travailleurs - 1)
    config = Config(n_embd=4, n_head=1, n_layer=1, block_size=4, vocab_size=3)
    parts = [[[0, 1, 0]]] * (len(equipe.aides) + 1)
    equipe.calculer(perte_et_gradients_lot, init_poids(config, 0), config, parts, len(parts))
    return len(equipe.aides)


def plafond_machine(calcul, poids, config, morceau, repetitions=4, travailleurs=None):
    """Ce que l'ordinateur lui-même permet : (secondes pour `repetitions` morceaux calculés
    ici seul, secondes quand ce processus et chaque aide en calculent autant en même temps,
    chacun de son côté, sans rien à partager ni à additionner), et le nombre de processus.

    Le plafond du gain est `processus × seul / ensemble` : 2 sur deux vrais cœurs libres ;
    moins quand deux « cœurs » se partagent un même cœur physique ou sur une machine
    virtuelle chargée. C'est ce que l'entraînement sur plusieurs cœurs peut gagner ici, au
    mieux. (0, 0, 1) quand il n'y a pas d'aide.
    """
    travailleurs = travailleurs_par_defaut() if travailleurs is None else travailleurs
    if preparer_aides(travailleurs) == 0:
        return 0.0, 0.0, 1
    equipe = _equipe(travailleurs - 1)
    qui = len(equipe.aides) + 1
    parts = [morceau] * repetitions
    debut = time.perf_counter()
    for part in parts:
        calculer_morceau(calcul, poids, config, part, len(morceau))
    seul = time.perf_counter() - debut
    debut = time.perf_counter()
    equipe.calculer(calcul, poids, config, parts * qui, len(morceau))
    return seul, time.perf_counter() - debut, qui


def repartir(parts, qui):
    """Qui calcule quels morceaux : une liste de numéros de morceaux pour ce processus
    (le rang 0), puis pour chaque aide.

    Le plus long morceau d'abord (en lettres), à celui qui a le moins à faire ; à égalité,
    ce processus d'abord (une aide a en plus à recevoir les poids et à renvoyer ses
    gradients). Le résultat n'en dépend pas : les morceaux s'additionnent toujours dans
    leur ordre ; seul le temps d'attente change.
    """
    charges, repartition = [0] * qui, [[] for _ in range(qui)]
    longueurs = [sum(len(sequence) for sequence in part) for part in parts]
    for i in sorted(range(len(parts)), key=lambda i: -longueurs[i]):
        rang = min(range(qui), key=lambda r: charges[r])
        charges[rang] += longueurs[i]
        repartition[rang].append(i)
    return [sorted(a_faire) for a_faire in repartition]


# ---------------------------------------------------------------------------
# Les aides : d'autres processus Python qui calculent des morceaux
# ---------------------------------------------------------------------------


class _Aide:
    """Un processus Python qui attend des morceaux à calculer."""

    def __init__(self):
        code = (
            f"import sys; sys.path[:0] = {[p for p in sys.path if isinstance(p, str)]!r}; "
            "from engine.parallele import boucle_aide; boucle_aide()"
        )
        # une session à elle : un Ctrl+C dans le terminal n'interrompt pas une aide au
        # milieu d'une réponse (c'est le programme principal qui décide, en fermant son entrée)
        options = {"start_new_session": True}
        if os.name == "nt":  # pas de fenêtre noire sous Windows
            options = {"creationflags": getattr(subprocess, "CREATE_NO_WINDOW", 0)}
        self.processus = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            **options,
        )

    def envoyer(self, tache):
        pickle.dump(tache, self.processus.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        self.processus.stdin.flush()

    def recevoir(self):
        """La réponse de l'aide ; TimeoutError si elle ne vient pas (aide bloquée)."""
        if os.name != "nt":  # (sous Windows, select ne sait pas attendre un tube)
            pret, _, _ = select.select([self.processus.stdout], [], [], ATTENTE_AIDE_S)
            if not pret:
                raise TimeoutError("l'aide ne répond plus")
        return pickle.load(self.processus.stdout)

    def arreter(self):
        for canal in (self.processus.stdin, self.processus.stdout):
            with contextlib.suppress(OSError):
                canal.close()
        try:
            self.processus.wait(timeout=1.0)
        except subprocess.TimeoutExpired:
            self.processus.kill()
            self.processus.wait()


class _Equipe:
    """Les aides de ce processus, lancées une fois et gardées (voir `_equipe`)."""

    def __init__(self):
        self.pid = os.getpid()
        self.aides = []

    def agrandir(self, n):
        try:
            while len(self.aides) < n:
                self.aides.append(_Aide())
        except (OSError, ValueError, subprocess.SubprocessError):  # pas de Python à lancer ici
            pass  # on fera avec les aides qu'on a (ou sans)

    def calculer(self, calcul, poids, config, parts, taille_lot):
        """Les résultats de chaque morceau, dans l'ordre ; ce processus en calcule sa part."""
        repartition = repartir(parts, len(self.aides) + 1)
        formes = [(nom, len(m), len(m[0])) for nom, m in poids.items()]
        nombres = array("d", aplatir(poids, list(poids))).tobytes()
        envoyes = {}
        for rang, aide in enumerate(self.aides, start=1):
            a_faire = repartition[rang]
            if not a_faire:
                continue
            try:
                aide.envoyer(
                    (calcul, formes, nombres, config, [parts[i] for i in a_faire], taille_lot)
                )
                envoyes[rang] = a_faire
            except (OSError, pickle.PicklingError, ValueError):
                pass  # cette aide ne répond plus : ses morceaux seront faits ici
        resultats = [None] * len(parts)
        for i in repartition[0]:
            resultats[i] = calculer_morceau(calcul, poids, config, parts[i], taille_lot)
        for rang, a_faire in envoyes.items():
            try:
                recus = self.aides[rang - 1].recevoir()
            except Exception:  # noqa: BLE001 - une aide perdue : on refait ses morceaux ici
                recus = None
            if isinstance(recus, list) and len(recus) == len(a_faire):
                for i, (perte, brut) in zip(a_faire, recus, strict=True):
                    resultats[i] = (perte, array("d", brut))
        for i, resultat in enumerate(resultats):
            if resultat is None:  # pas de réponse (aide arrêtée, erreur) : calcul ici
                self.reparer()
                resultats[i] = calculer_morceau(calcul, poids, config, parts[i], taille_lot)
        return resultats

    def reparer(self):
        """Arrête toutes les aides : de nouvelles seront lancées à la prochaine étape."""
        for aide in self.aides:
            aide.arreter()
        self.aides = []


_EQUIPE = None


def _equipe(aides):
    """L'équipe de ce processus, avec au moins `aides` aides (lancées une seule fois)."""
    global _EQUIPE
    if _EQUIPE is None or _EQUIPE.pid != os.getpid():  # nouveau processus : nouvelle équipe
        _EQUIPE = _Equipe()
    _EQUIPE.agrandir(aides)
    return _EQUIPE


def arreter_les_aides():
    """Arrête les aides de ce processus (appelé tout seul quand le programme se termine)."""
    if _EQUIPE is not None and _EQUIPE.pid == os.getpid():
        _EQUIPE.reparer()


atexit.register(arreter_les_aides)


def _reconstruire(formes, nombres):
    """Le dictionnaire de poids, à partir de ses formes et de tous ses nombres à la suite."""
    plat = memoryview(nombres).cast("d").tolist()
    poids, debut = {}, 0
    for nom, lignes, colonnes in formes:
        fin = debut + lignes * colonnes
        poids[nom] = [plat[i : i + colonnes] for i in range(debut, fin, colonnes)]
        debut = fin
    return poids


def boucle_aide():
    """Le travail d'une aide : lire un morceau, le calculer, renvoyer ses résultats."""
    entree, sortie = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # un print égaré ne doit pas se mêler aux résultats
    while True:
        try:
            calcul, formes, nombres, config, parts, taille_lot = pickle.load(entree)
        except (EOFError, OSError):  # le programme principal est parti : on s'arrête
            return
        poids = _reconstruire(formes, nombres)
        try:
            resultats = []
            for morceau in parts:
                perte, gradients = calculer_morceau(calcul, poids, config, morceau, taille_lot)
                resultats.append((perte, array("d", gradients).tobytes()))
        except Exception as erreur:  # noqa: BLE001 - le programme principal refera le calcul
            resultats = repr(erreur)
        pickle.dump(resultats, sortie, protocol=pickle.HIGHEST_PROTOCOL)
        sortie.flush()
