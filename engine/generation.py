"""Faire inventer des mots au modèle, une lettre après l'autre.

À chaque position, le modèle donne une probabilité à chaque jeton ; on en tire
un au hasard (comme un dé truqué), on l'ajoute, et on recommence jusqu'au « . »
de fin (ou jusqu'à la taille du contexte).

La température règle l'audace : basse (0,1), le modèle prend presque toujours
la lettre la plus probable ; haute (1 ou plus), il ose des lettres rares.
"""

import math
import random

from engine import gpt
from engine.donnees import ErreurDonnees
from engine.vocab import FIN, VOCAB_STANDARD


def choisir(logits, temperature, rng):
    """Tire un jeton : la température divise les scores avant softmax (0 = le plus probable)."""
    meilleur = max(range(len(logits)), key=logits.__getitem__)
    if temperature == 0:
        return meilleur
    # On enlève d'abord le plus grand score : divisés par une toute petite température,
    # les écarts deviennent -l'infini (probabilité 0), jamais « l'infini moins l'infini ».
    plus_grand = logits[meilleur]
    probas = gpt.softmax([(score - plus_grand) / temperature for score in logits])
    if not all(math.isfinite(p) for p in probas):  # des scores déjà abîmés : le plus probable
        return meilleur
    return rng.choices(range(len(probas)), weights=probas)[0]


def verifier_prefixe(prefixe, config, vocab):
    """Lève `ErreurDonnees` si le début imposé ne peut pas servir."""
    inconnus = sorted({c for c in prefixe if c not in vocab or c == FIN})
    if inconnus:
        raise ErreurDonnees(
            f"Le début « {prefixe} » contient des caractères que le modèle ne connaît pas : "
            + ", ".join(repr(c) for c in inconnus)
            + ". Utilise seulement les lettres de son vocabulaire."
        )
    if len(prefixe) >= config.block_size:
        raise ErreurDonnees(
            f"Le début « {prefixe} » est trop long : le modèle ne lit que "
            f"{config.block_size} jetons, « . » compris. Raccourcis-le."
        )


def generer_un(poids, config, vocab, temperature, prefixe, rng):
    """Invente un mot qui commence par `prefixe`."""
    jetons = [0, *vocab.encoder(prefixe)]  # « . » : le début d'un mot
    cles, valeurs = gpt.nouveau_cache(config)
    for position, jeton in enumerate(jetons[:-1]):  # le modèle lit le début imposé
        gpt.gpt(poids, config, jeton, position, cles, valeurs)
    lettres, jeton = list(prefixe), jetons[-1]
    for position in range(len(jetons) - 1, config.block_size):
        logits = gpt.gpt(poids, config, jeton, position, cles, valeurs)
        jeton = choisir(logits, temperature, rng)
        if jeton == 0:  # le « . » de fin : le mot est fini
            break
        lettres.append(vocab.id_to_char[jeton])
    return "".join(lettres)


def generer(
    poids, config, vocab=VOCAB_STANDARD, n=20, temperature=0.5, prefixe="", graine=42, rng=None
):
    """Invente `n` mots. Même graine (ou même `rng`) ⇒ mêmes mots.

    `prefixe` impose le début (« ma » → des prénoms qui commencent par « ma »).
    `temperature` : 0 prend toujours le jeton le plus probable.
    """
    if not temperature >= 0:
        raise ValueError(f"La température doit être positive ou nulle (reçu : {temperature!r}).")
    verifier_prefixe(prefixe, config, vocab)
    rng = rng if rng is not None else random.Random(graine)
    return [generer_un(poids, config, vocab, temperature, prefixe, rng) for _ in range(n)]
