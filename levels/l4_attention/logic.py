"""Niveau 4 : l'attention — la salle de classe.

Chaque lettre d'un mot est un élève assis à sa table, dans l'ordre du mot.
L'élève qui cherche une information lève une carte-question (la « requête »,
Query) ; chaque élève montre un panneau avec ses spécialités (la « clé », Key)
et tient une réponse : sa lettre (la « valeur », Value). Un élève ne peut
interroger que les élèves assis devant lui et lui-même : c'est le masque
causal (au moment de deviner la lettre suivante, les lettres d'après
n'existent pas encore).

Ce que l'enfant règle, pour chaque tête d'attention de chaque énigme :

- la carte-question : combien l'élève cherche une « voyelle » et quelle
  « place » (négatif : tout devant, vers le début du mot ; positif : près de lui) ;
- les panneaux : en quelle taille les élèves affichent « voyelle » et leur
  numéro de place.

Le calcul, lui, est celui du vrai GPT : `engine.gpt.attention` compare la
question à chaque panneau (produit scalaire), en fait des poids avec softmax et
mélange les réponses. La lettre que l'élève rassemble est sa prédiction.
"""

import copy
import functools
import itertools
from dataclasses import dataclass, field

from engine.gpt import attention, softmax
from engine.vocab import VOCAB_STANDARD
from levels import questions
from levels.base import (
    ActionRefusee,
    EtatNiveau,
    Niveau,
    Objectif,
    lire_choix,
    lire_entier,
)

VOYELLES = frozenset("aeiouy")
AXES = ("voyelle", "place")  # les deux spécialités : les deux nombres d'une carte
CARTES = ("question", "panneau")
QUESTION_MIN, QUESTION_MAX = -5, 5
PANNEAU_MIN, PANNEAU_MAX = 0, 3
QUESTION_DEPART = (0, 0)  # au départ, la question ne cherche rien : tout le monde pareil
PANNEAU_DEPART = (1, 1)
SEUIL_REUSSITE = 0.9
CRANS_MAX_ETOILE = 30  # le défi d'efficacité : régler en peu de crans


@dataclass(frozen=True)
class Exemple:
    """Un élève (à la table `place`, comptée depuis 0) doit rassembler la lettre `cibles[tête]`."""

    mot: str
    place: int
    cibles: tuple


@dataclass(frozen=True)
class Enigme:
    id: str
    tetes: int
    exemples: tuple


def _exemples(liste):
    return tuple(Exemple(mot, place, tuple(cibles)) for mot, place, cibles in liste)


ENIGMES = (
    # Comme dans le cours : dans « chat », le « t » écoute la voyelle.
    Enigme("chat", 1, _exemples([("chat", 3, "a")])),
    # La lettre suivante est la première du mot : « pa » → « p » (papa), « li » → « l » (lili).
    Enigme(
        "premier",
        1,
        _exemples(
            [
                ("papa", 1, "p"),
                ("lili", 1, "l"),
                ("anna", 2, "a"),
                ("otto", 2, "o"),
                ("bob", 1, "b"),
                ("coco", 1, "c"),
            ]
        ),
    ),
    # La lettre suivante est la dernière voyelle déjà vue : « kimon » → « o ».
    Enigme(
        "voyelle",
        1,
        _exemples(
            [
                ("alibi", 3, "i"),
                ("olala", 3, "a"),
                ("kimono", 4, "o"),
                ("ukulele", 5, "e"),
                ("papa", 2, "a"),
                ("banana", 4, "a"),
            ]
        ),
    ),
    # Deviner les DEUX lettres suivantes : une tête pour chacune.
    Enigme(
        "deux_tetes",
        2,
        _exemples(
            [
                ("papa", 1, "pa"),
                ("lili", 1, "li"),
                ("coco", 1, "co"),
                ("nina", 1, "ni"),
                ("bonbon", 2, "bo"),
                ("tintin", 2, "ti"),
            ]
        ),
    ),
)


def actions_regler(numero, tete, actuel, cible):
    """Les actions « regler » qui mènent une tête de `actuel` à `cible` ({carte: [voyelle,
    place]}), carte après carte, axe après axe."""
    return [
        {
            "type": "regler",
            "enigme": numero,
            "tete": tete,
            "carte": carte,
            "axe": axe,
            "valeur": cible[carte][i],
        }
        for carte in CARTES
        for i, axe in enumerate(AXES)
        if actuel[carte][i] != cible[carte][i]
    ]


def reglage_depart():
    return {"question": list(QUESTION_DEPART), "panneau": list(PANNEAU_DEPART)}


@dataclass
class EtatAttention(EtatNiveau):
    # reglages[énigme][tête] = {"question": [voyelle, place], "panneau": [voyelle, place]}
    reglages: list = field(
        default_factory=lambda: [[reglage_depart() for _ in range(e.tetes)] for e in ENIGMES]
    )
    crans: int = 0  # de combien de crans les boutons ont bougé en tout
    nb_reglages: int = 0


# ---------------------------------------------------------------------------
# Le calcul (tout passe par engine.gpt.attention, comme dans le GPT)
# ---------------------------------------------------------------------------


def specialites(mot, place):
    """Les spécialités de l'élève assis à `place` : (voyelle ? 1 ou 0, numéro de table 1, 2, 3…)."""
    return (1.0 if mot[place] in VOYELLES else 0.0, float(place + 1))


def cle(mot, place, panneau):
    """Le panneau (la clé) d'un élève : ses spécialités, écrites en taille `panneau`."""
    voyelle, numero = specialites(mot, place)
    return [panneau[0] * voyelle, panneau[1] * numero]


def valeur(lettre):
    """La réponse (la valeur) d'un élève : sa lettre, en « un parmi 27 »."""
    vecteur = [0.0] * len(VOCAB_STANDARD)
    vecteur[VOCAB_STANDARD.char_to_id[lettre]] = 1.0
    return vecteur


def ecouter(mot, place, reglage):
    """L'élève à `place` pose sa question aux élèves 0…place (jamais à ceux de derrière).

    Renvoie (poids d'attention pour chaque élève visible, réponse rassemblée :
    une probabilité par lettre).
    """
    visibles = range(place + 1)  # le masque causal : personne derrière moi
    cles = [cle(mot, j, reglage["panneau"]) for j in visibles]
    valeurs = [valeur(mot[j]) for j in visibles]
    requete = [float(x) for x in reglage["question"]]
    return attention(requete, cles, valeurs)


@dataclass
class Ecoute:
    """Ce qu'un élève rassemble avec une tête : de quoi dessiner et noter."""

    mot: str
    place: int
    tete: int
    cible: str
    poids: list  # un poids par élève visible (0…place)
    reponse: dict  # lettre → probabilité
    proba_cible: float

    @property
    def prediction(self):
        """La lettre la plus écoutée (en cas d'égalité, celle qui n'est pas la bonne)."""
        return max(self.reponse, key=lambda lettre: (self.reponse[lettre], lettre != self.cible))

    @property
    def juste(self):
        """La bonne lettre est-elle strictement la plus écoutée ?"""
        return self.prediction == self.cible


def ecoutes(etat, numero_enigme):
    """Toutes les écoutes d'une énigme : [[Ecoute par tête] par exemple]."""
    enigme = ENIGMES[numero_enigme]
    resultat = []
    for ex in enigme.exemples:
        ligne = []
        for tete in range(enigme.tetes):
            poids, sortie = ecouter(ex.mot, ex.place, etat.reglages[numero_enigme][tete])
            reponse = {}
            for lettre in dict.fromkeys(ex.mot[: ex.place + 1]):
                reponse[lettre] = sortie[VOCAB_STANDARD.char_to_id[lettre]]
            cible = ex.cibles[tete]
            ligne.append(
                Ecoute(ex.mot, ex.place, tete, cible, poids, reponse, reponse.get(cible, 0.0))
            )
        resultat.append(ligne)
    return resultat


def score_enigme(etat, numero_enigme):
    """La réussite d'une énigme : la probabilité moyenne donnée à la bonne lettre."""
    lignes = ecoutes(etat, numero_enigme)
    par_exemple = [sum(e.proba_cible for e in ligne) / len(ligne) for ligne in lignes]
    return sum(par_exemple) / len(par_exemple)


# ---------------------------------------------------------------------------
# Le niveau
# ---------------------------------------------------------------------------


class NiveauAttention(Niveau):
    id = "l4_attention"
    numero = 4
    titre = "L'attention"
    concept = ("l'attention", "attention (Query / Key / Value)")
    objectif = Objectif("reussite", SEUIL_REUSSITE, "sur")
    defi = Objectif("crans", CRANS_MAX_ETOILE, "sous")  # lu quand le but est atteint
    questions = ("predire_ecoute", "futur", "panneau")
    predictions = ("predire_ecoute",)
    fonctions_capot = (attention, softmax)
    enigmes = ENIGMES

    def nouvel_etat(self, graine):
        return EtatAttention(graine=graine)

    def _regler(self, etat, action):
        numero = lire_entier(action, "enigme", 0, len(ENIGMES) - 1)
        tete = lire_entier(action, "tete", 0, ENIGMES[numero].tetes - 1)
        carte = lire_choix(action, "carte", CARTES)
        axe = lire_choix(action, "axe", AXES)
        if carte == "question":
            nouvelle = lire_entier(action, "valeur", QUESTION_MIN, QUESTION_MAX)
        else:
            nouvelle = lire_entier(action, "valeur", PANNEAU_MIN, PANNEAU_MAX)
        vecteur = etat.reglages[numero][tete][carte]
        i = AXES.index(axe)
        if vecteur[i] == nouvelle:
            raise ActionRefusee("C'est déjà réglé comme ça.")
        etat.crans += abs(nouvelle - vecteur[i])
        etat.nb_reglages += 1
        vecteur[i] = nouvelle

    actions = {"regler": _regler}

    def mesures(self, etat):
        scores = [score_enigme(etat, n) for n in range(len(ENIGMES))]
        justes = total = 0
        for n in range(len(ENIGMES)):
            for ligne in ecoutes(etat, n):
                for e in ligne:
                    total += 1
                    justes += e.juste
        mesures = {
            "reussite": sum(scores) / len(scores),
            "bonnes_lettres": justes,
            "lettres": total,
            "crans_au_but": etat.au_but["crans"] if etat.au_but else None,
            "crans": etat.crans,
            "reglages": etat.nb_reglages,
        }
        for enigme, score in zip(ENIGMES, scores, strict=True):
            mesures[f"enigme_{enigme.id}"] = score
        return mesures

    def resoudre(self, graine):
        """Pour chaque tête, le réglage le moins coûteux (en crans) qui fait ≥ 95 %."""
        actions = []
        for numero, enigme in enumerate(ENIGMES):
            for tete in range(enigme.tetes):
                cible = _meilleur_reglage(enigme, tete)
                actions += actions_regler(numero, tete, reglage_depart(), cible)
        etat = self.nouvel_etat(graine)
        for action in actions:
            self.appliquer(etat, action)
        return actions + questions.reponse_du_solveur(self, etat)

    def calculer_question(self, etat, question):
        from levels.l4_attention import joueurs  # late: they import this module

        return joueurs.predire_ecoute(etat) if question == "predire_ecoute" else None

    def joueur_hasard(self, etat, hasard):
        from levels.l4_attention import joueurs  # late: they import this module

        return joueurs.au_hasard(etat, hasard)

    def joueur_indices(self, etat):
        from levels.l4_attention import joueurs  # late: they import this module

        return joueurs.selon_les_indices(etat)


def _score_tete(enigme, tete, reglage):
    total = 0.0
    for ex in enigme.exemples:
        _, sortie = ecouter(ex.mot, ex.place, reglage)
        total += sortie[VOCAB_STANDARD.char_to_id[ex.cibles[tete]]]
    return total / len(enigme.exemples)


def _cout(reglage):
    depart = reglage_depart()
    return sum(
        abs(reglage[carte][i] - depart[carte][i]) for carte in CARTES for i in range(len(AXES))
    )


def _meilleur_reglage(enigme, tete, vise=0.95):
    """Le réglage le moins coûteux qui fait `vise` (copie : l'appelant peut le changer)."""
    return copy.deepcopy(_meilleur_reglage_calcule(enigme, tete, vise))


@functools.cache  # ne dépend pas de la graine : calculé une fois par énigme et par tête
def _meilleur_reglage_calcule(enigme, tete, vise):
    candidats = []
    questions = range(QUESTION_MIN, QUESTION_MAX + 1)
    panneaux = range(PANNEAU_MIN, PANNEAU_MAX + 1)
    for qv, qp, pv, pp in itertools.product(questions, questions, panneaux, panneaux):
        reglage = {"question": [qv, qp], "panneau": [pv, pp]}
        candidats.append((_cout(reglage), reglage))
    candidats.sort(key=lambda c: c[0])
    meilleur = None
    for _, reglage in candidats:
        score = _score_tete(enigme, tete, reglage)
        if score >= vise:
            return copy.deepcopy(reglage)
        if meilleur is None or score > meilleur[0]:
            meilleur = (score, reglage)
    return copy.deepcopy(meilleur[1])


NIVEAU = NiveauAttention()
