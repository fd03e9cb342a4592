"""Enregistrer un modèle entraîné dans un fichier JSON, et le relire.

Le fichier contient la taille du modèle (`config`), son vocabulaire et tous ses
poids, avec un numéro de version du format. Un fichier abîmé ou qui n'est pas
un modèle donne une `ErreurSauvegarde` expliquée en français.
"""

import json
import math
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from engine.donnees import ErreurDonnees
from engine.gpt import Config, formes
from engine.vocab import FIN, Vocabulaire

FORMAT = "tuto-llm-gpt"
VERSION = 1


class ErreurSauvegarde(ErreurDonnees):
    """Un fichier de modèle illisible, expliqué en français."""


class ModeleSauve(NamedTuple):
    poids: dict
    config: Config
    vocab: Vocabulaire
    infos: dict


def sauvegarder(chemin, poids, config, vocab, infos=None):
    """Écrit le modèle dans `chemin` (d'abord dans un fichier temporaire, puis on remplace)."""
    contenu = {
        "format": FORMAT,
        "version": VERSION,
        "config": config.vers_dict(),
        "vocab": list(vocab.jetons),
        "poids": {nom: poids[nom] for nom, _, _ in formes(config)},
        "infos": dict(infos or {}),
    }
    chemin = Path(chemin)
    descripteur, temporaire = tempfile.mkstemp(dir=chemin.parent, prefix=chemin.name, suffix=".tmp")
    try:
        with os.fdopen(descripteur, "w", encoding="utf-8") as fichier:
            json.dump(contenu, fichier, ensure_ascii=False)
            fichier.flush()
            os.fsync(fichier.fileno())
        os.chmod(temporaire, 0o644)  # un fichier temporaire est privé (0600) ; un modèle non
        os.replace(temporaire, chemin)
    except BaseException:
        Path(temporaire).unlink(missing_ok=True)
        raise
    return chemin


def _abime(chemin, detail):
    return ErreurSauvegarde(
        f"Le fichier « {Path(chemin).name} » n'est pas un modèle que je sais lire : {detail}. "
        "Choisis un fichier enregistré par Tuto LLM (par exemple avec « tuto-llm train --save »)."
    )


def charger(chemin):
    """Relit un modèle enregistré par `sauvegarder` : renvoie (poids, config, vocab, infos)."""
    chemin = Path(chemin)
    if not chemin.is_file():
        raise ErreurSauvegarde(f"Je ne trouve pas le fichier de modèle « {chemin} ».")
    try:
        contenu = json.loads(chemin.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise _abime(chemin, "ce n'est pas du texte UTF-8") from None
    except json.JSONDecodeError as erreur:
        raise _abime(chemin, f"le JSON est cassé à la ligne {erreur.lineno}") from None
    except (RecursionError, ValueError):  # trop imbriqué, ou un nombre de mille chiffres
        raise _abime(chemin, "le JSON est trop imbriqué ou contient un nombre impossible") from None
    if not isinstance(contenu, dict) or contenu.get("format") != FORMAT:
        raise _abime(chemin, "il ne contient pas de modèle Tuto LLM")
    version = contenu.get("version")
    if version != VERSION:
        montree = repr(version)[:20]  # jamais mille chiffres recopiés
        raise _abime(chemin, f"sa version de format est {montree}, je ne lis que la {VERSION}")
    try:
        config = Config.depuis_dict(contenu["config"])
    except (KeyError, TypeError, ValueError):
        raise _abime(chemin, "la taille du modèle (« config ») est incomplète ou fausse") from None
    vocab = _lire_vocab(chemin, contenu.get("vocab"), config)
    poids = _lire_poids(chemin, contenu.get("poids"), config)
    infos = contenu.get("infos") if isinstance(contenu.get("infos"), dict) else {}
    return ModeleSauve(poids, config, vocab, infos)


def _lire_vocab(chemin, jetons, config):
    valide = (
        isinstance(jetons, list)
        and all(isinstance(j, str) and len(j) == 1 for j in jetons)
        and jetons[:1] == [FIN]
        and len(set(jetons)) == len(jetons)
    )
    if not valide:
        raise _abime(chemin, "son vocabulaire est abîmé")
    vocab = Vocabulaire(jetons[1:])
    if vocab.jetons != jetons or len(vocab) != config.vocab_size:
        raise _abime(chemin, "son vocabulaire ne correspond pas à la taille du modèle")
    return vocab


def _lire_poids(chemin, poids, config):
    if not isinstance(poids, dict):
        raise _abime(chemin, "il n'y a pas de poids dedans")
    lus = {}
    for nom, lignes, colonnes in formes(config):
        matrice = poids.get(nom)
        bonne_forme = (
            isinstance(matrice, list)
            and len(matrice) == lignes
            and all(isinstance(ligne, list) and len(ligne) == colonnes for ligne in matrice)
        )
        if not bonne_forme:
            raise _abime(chemin, f"la matrice « {nom} » manque ou n'a pas la bonne taille")
        if not all(_nombre_fini(x) for ligne in matrice for x in ligne):
            raise _abime(chemin, f"la matrice « {nom} » contient autre chose que des nombres")
        lus[nom] = [[float(x) for x in ligne] for ligne in matrice]
    return lus


def _nombre_fini(x):
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)
