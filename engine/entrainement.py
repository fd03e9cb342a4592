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


def perte_validation(poids, config, mots, vocab=VOCAB_STANDARD):
    """La perte moyenne par jeton sur toute une liste de mots (sans rien apprendre).

    Comme `engine.bigramme.perte_moyenne` : on additionne -log p(bon jeton) à
    chaque position de chaque mot, puis on divise par le nombre de positions.
    Les mots trop longs sont coupés à `block_size` positions (comme à l'entraînement).
    """
    total, nombre = 0.0, 0
    for mot in mots:
        jetons = formater_training(mot, vocab)
        cles, valeurs = gpt.nouveau_cache(config)
        for position in range(gpt.longueur_utile(config, jetons)):
            logits = gpt.gpt(poids, config, jetons[position], position, cles, valeurs)
            probas = gpt.softmax(logits)
            total -= math.log(max(probas[jetons[position + 1]], PROBA_MIN))
            nombre += 1
    return total / nombre if nombre else float("nan")
