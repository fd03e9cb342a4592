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
from levels.l4_attention import methode
from levels.l4_attention.enigmes import FORME, VOYELLES, enigmes_de

AXES = ("voyelle", "place")  # les deux spécialités : les deux nombres d'une carte
CARTES = ("question", "panneau")
QUESTION_MIN, QUESTION_MAX = -5, 5
PANNEAU_MIN, PANNEAU_MAX = 0, 3
QUESTION_DEPART = (0, 0)  # au départ, la question ne cherche rien : tout le monde pareil
PANNEAU_DEPART = (1, 1)
SEUIL_REUSSITE = methode.SEUIL  # chaque tête de chaque énigme
VISE_SOLVEUR = 0.95
CRANS_MAX_ETOILE = 45  # le défi d'efficacité : régler en peu de crans
NB_ENIGMES = len(FORME)
TETES = tuple(tetes for _, tetes, _ in FORME)


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
    enigmes: tuple = ()  # les énigmes de la graine (`enigmes.enigmes_de`)
    # reglages[énigme][tête] = {"question": [voyelle, place], "panneau": [voyelle, place]}
    reglages: list = field(
        default_factory=lambda: [[reglage_depart() for _ in range(t)] for t in TETES]
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
    enigme = etat.enigmes[numero_enigme]
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


def scores_tetes(lignes):
    """La réussite de chaque tête : la probabilité moyenne qu'elle donne à sa bonne lettre."""
    tetes = range(len(lignes[0]))
    return [sum(ligne[t].proba_cible for ligne in lignes) / len(lignes) for t in tetes]


def score_enigme(etat, numero_enigme):
    """La réussite d'une énigme : celle de sa tête la plus faible (toutes doivent réussir)."""
    return min(scores_tetes(ecoutes(etat, numero_enigme)))


# ---------------------------------------------------------------------------
# Le niveau
# ---------------------------------------------------------------------------


class NiveauAttention(Niveau):
    id = "l4_attention"
    numero = 4
    titre = "L'attention"
    concept = ("l'attention", "attention (Query / Key / Value)")
    # la tête la plus faible de tout le niveau : chaque tête de chaque énigme doit réussir
    objectif = Objectif("reussite", SEUIL_REUSSITE, "sur")
    defi = Objectif("crans", CRANS_MAX_ETOILE, "sous")  # lu quand le but est atteint
    questions = ("predire_ecoute", "futur", "panneau", "deux_tetes")
    predictions = ("predire_ecoute",)
    fonctions_capot = (attention, softmax)

    def nouvel_etat(self, graine):
        return EtatAttention(graine=graine, enigmes=enigmes_de(graine))

    def _regler(self, etat, action):
        numero = lire_entier(action, "enigme", 0, NB_ENIGMES - 1)
        tete = lire_entier(action, "tete", 0, TETES[numero] - 1)
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

    def tableau(self, etat):
        """[[réussite par tête] par énigme] : le seul calcul d'où viennent le but, la barre
        de progression et les chiffres que la vue dessine."""
        return [scores_tetes(ecoutes(etat, n)) for n in range(NB_ENIGMES)]

    def est_termine(self, etat, tolerance=0.0):
        toutes = [score for scores in self.tableau(etat) for score in scores]
        return self.objectif.atteint(min(toutes), tolerance)

    def mesures(self, etat):
        toutes, justes, total, par_enigme = [], 0, 0, {}
        for enigme, n in zip(etat.enigmes, range(NB_ENIGMES), strict=True):
            lignes = ecoutes(etat, n)
            scores = scores_tetes(lignes)
            toutes += scores
            par_enigme[f"enigme_{enigme.id}"] = min(scores)
            total += sum(len(ligne) for ligne in lignes)
            justes += sum(e.juste for ligne in lignes for e in ligne)
        return {
            "reussite": min(toutes),
            "tetes_reussies": sum(s >= SEUIL_REUSSITE for s in toutes),
            "tetes": len(toutes),
            "bonnes_lettres": justes,
            "lettres": total,
            "crans_au_but": etat.au_but["crans"] if etat.au_but else None,
            "crans": etat.crans,
            "reglages": etat.nb_reglages,
            **par_enigme,
        }

    def progression(self, etat):
        """La barre : chaque tête avance de son départ vers la barre ; pleine seulement quand
        toutes y sont (le but)."""
        if self.est_termine(etat):
            return 1.0
        depart = self.tableau(self.nouvel_etat(etat.graine))
        parts = []
        for scores, debuts in zip(self.tableau(etat), depart, strict=True):
            for score, debut in zip(scores, debuts, strict=True):
                ecart = SEUIL_REUSSITE - debut
                parts.append(1.0 if score >= SEUIL_REUSSITE else max(0.0, (score - debut) / ecart))
        return min(sum(parts) / len(parts), 0.99)

    def resoudre(self, graine):
        """Pour chaque tête, le réglage le moins coûteux (en crans) qui fait ≥ 95 %."""
        etat = self.nouvel_etat(graine)
        actions = []
        for numero, enigme in enumerate(etat.enigmes):
            for tete in range(enigme.tetes):
                cible = meilleur_reglage(enigme, tete)
                actions += actions_regler(numero, tete, reglage_depart(), cible)
        for action in actions:
            self.appliquer(etat, action)
        return actions + questions.reponse_du_solveur(self, etat)

    def calculer_question(self, etat, question):
        from levels.l4_attention import joueurs  # late: it imports this module

        return joueurs.predire_ecoute(etat) if question == "predire_ecoute" else None

    def joueur_hasard(self, etat, hasard):
        from levels.l4_attention import joueurs  # late: it imports this module

        return joueurs.au_hasard(etat, hasard)

    def joueur_indices(self, etat):
        from levels.l4_attention import joueurs  # late: it imports this module

        return joueurs.selon_les_indices(etat)

    def joueur_copie_indice3(self, etat):
        from levels.l4_attention import joueurs  # late: it imports this module

        return joueurs.copie_indice3(etat)

    def valeurs_indices(self, etat):
        from levels.l4_attention import joueurs  # late: it imports this module

        return joueurs.valeurs_indice3(etat)

    def decouverte(self, etat):
        from levels.l4_attention import joueurs  # late: it imports this module

        return joueurs.decouverte(etat)


def cout(reglage):
    """Les crans qui mènent du réglage de départ à `reglage`."""
    depart = reglage_depart()
    return sum(
        abs(reglage[carte][i] - depart[carte][i]) for carte in CARTES for i in range(len(AXES))
    )


@functools.cache
def _reglages_par_cout():
    """Tous les réglages, du moins coûteux au plus coûteux (un seul par effet a×b)."""
    questions_ = range(QUESTION_MIN, QUESTION_MAX + 1)
    panneaux = range(PANNEAU_MIN, PANNEAU_MAX + 1)
    vus, liste = set(), []
    tous = [
        {"question": [qv, qp], "panneau": [pv, pp]}
        for qv, qp, pv, pp in itertools.product(questions_, questions_, panneaux, panneaux)
    ]
    for reglage in sorted(tous, key=cout):
        effet = (
            reglage["question"][0] * reglage["panneau"][0],
            reglage["question"][1] * reglage["panneau"][1],
        )
        if effet not in vus:
            vus.add(effet)
            liste.append(reglage)
    return tuple(liste)


def meilleur_reglage(enigme, tete, vise=VISE_SOLVEUR):
    """Le réglage le moins coûteux qui fait `vise` pour cette tête (une copie neuve)."""
    cibles = methode.cibles_de(enigme, tete)
    meilleur = None
    for reglage in _reglages_par_cout():
        score = methode.score_rapide(cibles, reglage)
        if score >= vise:
            return {carte: list(v) for carte, v in reglage.items()}
        if meilleur is None or score > meilleur[0]:
            meilleur = (score, reglage)
    return {carte: list(v) for carte, v in meilleur[1].items()}


NIVEAU = NiveauAttention()
