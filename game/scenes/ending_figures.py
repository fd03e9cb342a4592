"""Les chiffres de la fin : ceux du mini-LLM de l'enfant et ceux des grands modèles publiés."""

from __future__ import annotations

import math

MESURES_GPT = ("parametres", "mots_vus")  # ce que mesure un niveau qui entraîne un GPT

# Les grands modèles : seulement des chiffres publiés et connus (articles de 2019 et 2020).
GPT2_PARAMETRES = 1.5e9  # GPT-2 : environ 1,5 milliard de paramètres
GPT3_PARAMETRES = 175e9  # GPT-3 : environ 175 milliards de paramètres
GPT3_JETONS = 300e9  # GPT-3 : environ 300 milliards de jetons lus à l'entraînement
GPT2_CONTEXTE = 1024  # jetons que GPT-2 peut regarder à la fois
GPT3_CONTEXTE = 2048
GPT3_COUCHES = 96
GPT2_VOCAB = 50257
ECHELLE_MAX = 12  # l'axe va de 1 à 10^12
MANQUES = ("gpu", "jetons", "couches", "memoire", "conversation")


def chiffres_enfant(profile):
    """Les chiffres du mini-LLM de l'enfant : paramètres, lettres lues, contexte, couches."""
    from engine.gpt import Config, nombre_parametres

    config = Config()
    parametres = None
    modele = getattr(profile, "saved_model", None) if profile is not None else None
    if isinstance(modele, dict):
        try:
            config = Config.depuis_dict(modele["config"])
            parametres = nombre_parametres(config)
        except (KeyError, TypeError, ValueError):
            parametres = None
    mots_vus = None
    if profile is not None:
        mesures = mesures_gpt(profile)
        if mesures:
            if parametres is None and _nombre(mesures.get("parametres")):
                parametres = int(mesures["parametres"])
            if _nombre(mesures.get("mots_vus")):
                mots_vus = int(mesures["mots_vus"])
    if parametres is None:
        parametres = nombre_parametres(config)
    if not mots_vus:
        mots_vus = 1200  # l'entraînement du jeu par défaut : 300 pas de 4 prénoms
    lettres = round(mots_vus * LETTRES_PAR_PRENOM)
    return {
        "parametres": parametres,
        "lettres": lettres,
        "contexte": config.block_size,
        "couches": config.n_layer,
    }


def mesures_gpt(profile):
    """Les mesures du meilleur essai du dernier niveau (ordre du registre) qui a entraîné
    un GPT ; {} si l'enfant n'en a joué aucun."""
    from levels import registry

    for niveau in reversed(registry.niveaux()):
        entree = profile.progress.get(niveau.id)
        if entree is None:
            continue
        mesures = entree.log_metrics or entree.best or {}
        if any(cle in mesures for cle in MESURES_GPT):
            return mesures
    return {}


LETTRES_PAR_PRENOM = 7.2  # un prénom fait environ 6,2 lettres, plus le « . » de la fin


def _nombre(valeur):
    nombre = isinstance(valeur, int | float) and not isinstance(valeur, bool)
    return nombre and math.isfinite(valeur) and 0 < valeur < 1e15


def mots_du_nombre(t, valeur, virgule=","):
    """Un grand nombre en mots : 175e9 → « 175 milliards » (pour les enfants).

    `virgule` : le séparateur décimal de la langue (« 1,5 milliard », "1.5 billion")."""
    for puissance, cle in ((1e12, "mille_milliards"), (1e9, "milliard"), (1e6, "million")):
        if valeur >= puissance:
            n = valeur / puissance
            texte = f"{n:.1f}".rstrip("0").rstrip(".") if n < 10 else f"{round(n)}"
            pluriel = "s" if n >= 2 else ""
            return t(f"ending.unites.{cle}{pluriel}", n=texte.replace(".", virgule))
    return None
