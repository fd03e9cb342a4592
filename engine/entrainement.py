"""L'entraînement : montrer des mots au modèle, encore et encore, et corriger ses poids.

Un objet `Entrainement` = un entraînement complet, qu'on fait avancer par petits
bouts (`pas()`, `tranche(n)`) : le jeu peut afficher la progression, s'arrêter
et reprendre, sans jamais geler l'écran.

L'ordre des mots (comme microgpt) : la liste d'entraînement est mélangée une fois
avec la graine, puis on la parcourt dans l'ordre, en boucle. Avec des lots de
`batch` mots, l'étape `e` (à partir de 0) prend les mots numéro
`e × batch`, `e × batch + 1`, … (modulo la longueur de la liste) ; avec
`batch = 1`, c'est `docs[step % len(docs)]` de microgpt.
"""

import math
import random

from engine import gpt, marche_arriere, parallele
from engine.adam import Adam
from engine.donnees import ErreurDonnees, expliquer_problemes, formater_training, valider_vocab
from engine.vocab import VOCAB_STANDARD

FENETRE_MOYENNE = 100  # la perte moyenne est calculée sur les 100 dernières étapes
PROBA_MIN = 1e-300  # une probabilité nulle donnerait -log(0) = l'infini : on la borne


# La divergence (une leçon, pas un plantage) : voir `diagnostic_divergence`.
DEBUT_DIVERGENCE = 20  # les premiers pas peuvent secouer la perte : on ne juge qu'après
FENETRE_DIVERGENCE = 20  # la perte est lue en moyenne sur 20 pas (un lot seul est bruyant)
MONTEE_DIVERGENCE = 1.0  # une moyenne remontée de 1 au-dessus de son plus bas : ça diverge


def diagnostic_divergence(pertes, taille_vocab, perte_val=None):
    """L'entraînement a-t-il explosé ? None si non, sinon un dict qui dit pourquoi.

    Un modèle qui devine au hasard parmi `taille_vocab` jetons a une perte de
    ln(taille_vocab) (ln 27 ≈ 3,30 pour 26 lettres + la fin). Après les
    `DEBUT_DIVERGENCE` premiers pas, c'est une explosion si :
    - une perte n'est plus un nombre (infinie ou NaN) — à n'importe quel pas ;
    - la perte moyenne des `FENETRE_DIVERGENCE` derniers pas est au-dessus du hasard ;
    - elle est remontée de `MONTEE_DIVERGENCE` au-dessus de son plus bas ;
    - la perte de validation `perte_val` (si on l'a mesurée) est au-dessus du hasard.

    Le dict : {"raison": "infini"|"hasard"|"montee"|"validation", "etape": pas (1 = le
    premier), "perte": la perte lue, "hasard": ln(taille_vocab)}. C'est la même règle
    au niveau 5, au bac à sable et dans `tuto-llm train`.
    """
    hasard = math.log(taille_vocab)

    def verdict(raison, etape, perte):
        return {"raison": raison, "etape": etape, "perte": perte, "hasard": hasard}

    total, plus_bas = 0.0, math.inf
    for i, perte in enumerate(pertes):
        if not math.isfinite(perte):
            return verdict("infini", i + 1, perte)
        total += perte
        if i >= FENETRE_DIVERGENCE:
            total -= pertes[i - FENETRE_DIVERGENCE]
        if i + 1 < max(DEBUT_DIVERGENCE, FENETRE_DIVERGENCE):
            continue
        moyenne = total / FENETRE_DIVERGENCE
        if moyenne > hasard:
            return verdict("hasard", i + 1, moyenne)
        if moyenne > plus_bas + MONTEE_DIVERGENCE:
            return verdict("montee", i + 1, moyenne)
        plus_bas = min(plus_bas, moyenne)
    valide = perte_val is not None and len(pertes) >= DEBUT_DIVERGENCE
    if valide and (not math.isfinite(perte_val) or perte_val > hasard):
        return verdict("validation", len(pertes), perte_val)
    return None


def phrase_divergence(diagnostic):
    """La leçon en une phrase française : ce qui s'est passé et ce qu'il faut changer."""
    if diagnostic["raison"] == "infini":
        quoi = "la perte est devenue infinie"
    elif diagnostic["raison"] == "montee":
        quoi = f"la perte est remontée jusqu'à {diagnostic['perte']:.2f}".replace(".", ",")
    else:
        lue = "de validation " if diagnostic["raison"] == "validation" else ""
        quoi = (
            f"la perte {lue}vaut {diagnostic['perte']:.2f}, plus que {diagnostic['hasard']:.2f} "
            "(deviner au hasard)"
        ).replace(".", ",")
    return (
        f"L'entraînement a explosé (pas {diagnostic['etape']}) : {quoi}. La vitesse "
        "d'apprentissage est trop grande : les poids font des bonds trop grands. "
        "Recommence avec une vitesse plus petite."
    )


class Explosion(ArithmeticError):
    """L'entraînement a explosé : la perte est devenue infinie (ou n'est plus un nombre).

    Ce n'est pas un bug, c'est une leçon : la vitesse d'apprentissage (lr) était trop
    grande, les poids ont fait des bonds de plus en plus grands. L'étape qui explose
    n'est pas appliquée : les poids restent ceux de l'étape d'avant.
    """

    def __init__(self, etape):
        super().__init__(
            f"L'entraînement a explosé à l'étape {etape} : la perte est devenue infinie. "
            "La vitesse d'apprentissage (lr) est trop grande pour ce modèle : "
            "recommence avec une vitesse plus petite."
        )
        self.etape = etape


def _tout_fini(perte, gradients):
    """La perte et tous les gradients (une seule liste, `engine.parallele`) sont-ils de
    vrais nombres (ni infinis, ni NaN) ? Un seul infini ou NaN rend la somme infinie ou NaN."""
    return math.isfinite(perte) and math.isfinite(sum(gradients))


class Entrainement:
    """Un entraînement du petit GPT : même graine ⇒ même entraînement, au bit près.

    `poids` : partir de ces poids (ils sont modifiés sur place) au lieu de
    `init_poids(config, graine)`. `calcul` est la fonction qui donne (perte,
    gradients) pour une liste de séquences : le moteur rapide par défaut, ou
    `engine.gpt_valeur.perte_et_gradients_lot` pour la référence.
    `travailleurs` : combien de processus se partagent les mots d'un lot (None :
    les cœurs de l'ordinateur moins un) ; le résultat est le même au bit près
    (voir `engine.parallele`).
    """

    def __init__(
        self,
        mots_train,
        config,
        lr=0.01,
        etapes=1000,
        batch=1,
        graine=42,
        vocab=VOCAB_STANDARD,
        poids=None,
        calcul=marche_arriere.perte_et_gradients_lot,
        travailleurs=None,
    ):
        mots = list(mots_train)
        if not mots:
            raise ValueError("Il faut au moins un mot pour entraîner le modèle.")
        if not (isinstance(batch, int) and batch >= 1):
            raise ValueError(f"La taille du lot doit être un entier au moins égal à 1 ({batch!r}).")
        if len(vocab) != config.vocab_size:
            raise ValueError(
                f"Le vocabulaire a {len(vocab)} jetons mais le modèle en attend "
                f"{config.vocab_size}."
            )
        problemes = valider_vocab(mots, vocab)
        if problemes:
            raise ErreurDonnees(expliquer_problemes(problemes, "la liste d'entraînement"))
        random.Random(graine).shuffle(mots)  # l'ordre de passage des mots
        self.mots = mots
        self.sequences = [formater_training(mot, vocab) for mot in mots]
        self.config, self.vocab, self.batch, self.graine = config, vocab, batch, graine
        self.poids = poids if poids is not None else gpt.init_poids(config, graine)
        self.adam = Adam(self.poids, lr=lr, etapes=etapes)
        self.calcul, self.travailleurs = calcul, travailleurs
        self.pertes = []  # la perte de chaque étape, pour la courbe

    @property
    def etape(self):
        """Combien d'étapes sont déjà faites."""
        return self.adam.etape

    @property
    def etapes(self):
        """Combien d'étapes sont prévues."""
        return self.adam.etapes

    @property
    def fini(self):
        return self.etape >= self.etapes

    def mots_de_l_etape(self, etape):
        """Les mots montrés à l'étape `etape` (à partir de 0)."""
        debut = etape * self.batch
        return [self.mots[(debut + i) % len(self.mots)] for i in range(self.batch)]

    def pas(self):
        """Une étape : montrer un lot de mots, calculer les gradients, corriger les poids.

        Renvoie les chiffres de l'étape : etape (1 = la première), perte,
        perte_moyenne (sur les 100 dernières étapes), lr, mots, etapes (prévues).
        """
        if self.fini:
            raise RuntimeError(f"L'entraînement est fini : ses {self.etapes} étapes sont faites.")
        debut = self.etape * self.batch
        n = len(self.sequences)
        lot = [self.sequences[(debut + i) % n] for i in range(self.batch)]
        try:
            perte, gradients = parallele.perte_et_gradients_repartis(
                self.calcul, self.poids, self.config, lot, self.travailleurs
            )
        except (ValueError, OverflowError, ZeroDivisionError) as erreur:  # log(0), exp trop grand
            raise Explosion(self.etape + 1) from erreur
        if not _tout_fini(perte, gradients):
            raise Explosion(self.etape + 1)
        lr = self.adam.appliquer(self.poids, gradients)
        self.pertes.append(perte)
        recentes = self.pertes[-FENETRE_MOYENNE:]
        return {
            "etape": self.etape,
            "etapes": self.etapes,
            "perte": perte,
            "perte_moyenne": sum(recentes) / len(recentes),
            "lr": lr,
            "mots": self.mots_de_l_etape(self.etape - 1),
        }

    def tranche(self, n):
        """Fait au plus `n` étapes (moins si l'entraînement finit) ; renvoie leurs chiffres."""
        return [self.pas() for _ in range(min(n, self.etapes - self.etape))]

    def tranches(self, taille=10):
        """Un générateur : chaque `next()` fait une tranche de `taille` étapes.

        On peut s'arrêter entre deux tranches et reprendre plus tard.
        """
        while not self.fini:
            yield self.tranche(taille)

    def __iter__(self):
        """Itérer sur l'entraînement fait une étape à chaque tour."""
        while not self.fini:
            yield self.pas()


def perte_validation(poids, config, mots, vocab=VOCAB_STANDARD, progres=None):
    """La perte moyenne par jeton sur toute une liste de mots (sans rien apprendre).

    Comme `engine.bigramme.perte_moyenne` : on additionne -log p(bon jeton) à
    chaque position de chaque mot, puis on divise par le nombre de positions.
    Les mots trop longs sont coupés à `block_size` positions (comme à l'entraînement).
    `progres(fait, total)`, si on le donne, est appelé tous les 500 mots (une longue
    liste prend des minutes : on montre où on en est).
    """
    total, nombre = 0.0, 0
    for rang, mot in enumerate(mots):
        if progres is not None and rang % 500 == 0:
            progres(rang, len(mots))
        jetons = formater_training(mot, vocab)
        cles, valeurs = gpt.nouveau_cache(config)
        for position in range(gpt.longueur_utile(config, jetons)):
            logits = gpt.gpt(poids, config, jetons[position], position, cles, valeurs)
            probas = gpt.softmax(logits)
            total -= math.log(max(probas[jetons[position + 1]], PROBA_MIN))
            nombre += 1
    return total / nombre if nombre else float("nan")
