"""Les données : charger une liste de mots, la nettoyer, la vérifier, la découper.

Chaque erreur est expliquée en français (`ErreurDonnees`), avec les numéros de
ligne, pour qu'un enfant sache quoi corriger.
"""

import random
import unicodedata
from pathlib import Path

from engine.vocab import FIN, VOCAB_STANDARD, Vocabulaire, vocab_depuis_mots

DOSSIER_DONNEES = Path(__file__).resolve().parent.parent / "data"

# Les jeux de données livrés avec le jeu, et le vocabulaire de chacun.
DATASETS = {
    "prenoms": "prenoms.txt",
    "prenoms_courants": "prenoms_courants.txt",
    "prenoms_accents": "prenoms_accents.txt",
    "dinosaures": "dinosaures.txt",
}
VOCAB_LIBRE = {"prenoms_accents"}  # vocabulaire construit à partir des mots eux-mêmes

# La fréquence de chaque prénom, en 4 « bandes » (comme le paquet `prenoms`).
FICHIER_FREQUENCES = "prenoms_frequences.tsv"
ENTETE_FREQUENCES = "prenom\tbande"
BANDES = {1: "très courant", 2: "courant", 3: "rare", 4: "très rare"}
BANDE_COURANTS = 1  # « prenoms_courants » = les prénoms de la bande 1 seulement

LIGNES_MONTREES = 8  # au-delà, on résume le nombre de lignes fautives
TAILLE_MAX_FICHIER = 4_000_000  # octets (4 Mo : des centaines de milliers de mots)


class ErreurDonnees(Exception):
    """Un problème dans une liste de mots, expliqué en français."""


def nettoyer_mot(mot):
    """Met un mot en minuscules sans accents : « Zoé » → « zoe », « Œdipe » → « oedipe »."""
    decompose = unicodedata.normalize("NFD", mot.lower())  # « é » devient « e » + « ´ »
    sans_accents = "".join(c for c in decompose if not unicodedata.combining(c))
    return sans_accents.replace("œ", "oe").replace("æ", "ae").strip()


def garder_accents(mot):
    """Met un mot en minuscules en gardant ses accents (forme composée : « é » = 1 caractère)."""
    return unicodedata.normalize("NFC", mot.lower()).strip()


def decouper_lignes(texte):
    """Coupe un texte en lignes, quelle que soit la fin de ligne (Windows, Mac ou Linux)."""
    lignes = texte.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lignes[-1] == "":
        lignes.pop()  # le retour à la ligne final ne crée pas de ligne en plus
    return lignes


def lire_lignes(chemin):
    """Lit un fichier texte UTF-8 et renvoie ses lignes (sans les retours à la ligne)."""
    chemin = Path(chemin)
    if chemin.exists() and not chemin.is_file():
        raise ErreurDonnees(
            f"« {chemin} » n'est pas un fichier de texte ordinaire (un dossier, un tube, "
            "un périphérique…). Donne le chemin d'un fichier .txt, un mot par ligne."
        )
    if not chemin.is_file():
        raise ErreurDonnees(
            f"Je ne trouve pas le fichier « {chemin} ». Vérifie le nom et le dossier, "
            "ou choisis un des jeux de données du jeu : " + ", ".join(sorted(DATASETS)) + "."
        )
    try:
        with open(chemin, "rb") as fichier:
            brut = fichier.read(TAILLE_MAX_FICHIER + 1)  # jamais plus : la mémoire reste petite
    except OSError:
        raise ErreurDonnees(
            f"Je n'arrive pas à lire le fichier « {chemin} ». Vérifie qu'il n'est pas "
            "ouvert dans un autre programme et que tu as le droit de le lire, puis réessaie."
        ) from None
    if len(brut) > TAILLE_MAX_FICHIER:
        raise ErreurDonnees(
            f"Le fichier « {chemin.name} » est trop gros (plus de "
            f"{TAILLE_MAX_FICHIER // 1_000_000} Mo) : le modèle n'a pas besoin d'autant de mots. "
            "Garde-en une partie (quelques milliers de lignes suffisent), puis réessaie."
        )
    brut = brut.removeprefix(b"\xef\xbb\xbf")  # la « marque d'ordre » de certains éditeurs
    try:
        texte = brut.decode("utf-8")
    except UnicodeDecodeError as erreur:
        ligne = len(decouper_lignes(brut[: erreur.start].decode("utf-8") + "x"))
        raise ErreurDonnees(
            f"Le fichier « {chemin.name} » n'est pas du texte UTF-8 (problème à la ligne {ligne}). "
            "Enregistre-le en « UTF-8 » depuis ton éditeur de texte, puis réessaie."
        ) from None
    return decouper_lignes(texte)


def valider_vocab(mots, vocab=VOCAB_STANDARD):
    """Renvoie la liste des problèmes : (numéro de ligne, mot, caractères inconnus)."""
    mots = list(mots)
    if not caracteres_inconnus("".join(mots), vocab):  # tout le fichier d'un coup : rapide
        return []
    problemes = [(n, mot, caracteres_inconnus(mot, vocab)) for n, mot in enumerate(mots, 1)]
    return [probleme for probleme in problemes if probleme[2]]


def caracteres_inconnus(mot, vocab=VOCAB_STANDARD):
    """Les caractères de `mot` que le vocabulaire ne connaît pas (« . » est réservé)."""
    return sorted(c for c in set(mot) if c not in vocab or c == FIN)


def expliquer_problemes(problemes, nom):
    """Transforme la liste de `valider_vocab` en un paragraphe en français."""
    montres = problemes[:LIGNES_MONTREES]
    details = "; ".join(
        f"ligne {numero} « {mot} » ({', '.join(repr(c) for c in inconnus)})"
        for numero, mot, inconnus in montres
    )
    reste = len(problemes) - len(montres)
    suite = f" et {reste} autre(s) ligne(s)" if reste else ""
    return (
        f"Dans « {nom} », des mots contiennent des caractères que le modèle ne connaît pas : "
        f"{details}{suite}. Garde seulement les lettres a à z (un mot par ligne, sans espace "
        "ni chiffre), puis réessaie."
    )


def mots_depuis_lignes(lignes, nom, vocab=VOCAB_STANDARD, nettoyer=True):
    """Nettoie des lignes en mots et vérifie qu'ils tiennent dans le vocabulaire.

    Les lignes vides sont ignorées, mais les numéros de ligne restent ceux du fichier.
    """
    propre = nettoyer_mot if nettoyer else garder_accents
    numerotes = [(n, propre(ligne)) for n, ligne in enumerate(lignes, start=1)]
    numerotes = [(n, mot) for n, mot in numerotes if mot]
    if not numerotes:
        raise ErreurDonnees(
            f"« {nom} » est vide : il n'y a aucun mot dedans. "
            "Écris un mot par ligne (au moins quelques dizaines), puis réessaie."
        )
    if vocab is None:
        vocab = vocab_depuis_mots(mot for _, mot in numerotes)
    problemes = []
    if caracteres_inconnus("".join(mot for _, mot in numerotes), vocab):  # un mot au moins
        problemes = [(n, mot, caracteres_inconnus(mot, vocab)) for n, mot in numerotes]
        problemes = [probleme for probleme in problemes if probleme[2]]
    if problemes:
        raise ErreurDonnees(expliquer_problemes(problemes, nom))
    return [mot for _, mot in numerotes]


def chemin_dataset(nom_ou_chemin):
    """Le chemin du fichier d'un jeu de données (par son nom) ou d'un fichier donné."""
    nom = str(nom_ou_chemin)
    if nom in DATASETS:
        return DOSSIER_DONNEES / DATASETS[nom]
    return Path(nom)


def charger_dataset(nom_ou_chemin, vocab=VOCAB_STANDARD):
    """Charge une liste de mots : « prenoms », « dinosaures »… ou le chemin d'un fichier .txt.

    Les mots sont nettoyés (minuscules, sans accents) sauf pour les jeux à vocabulaire
    libre comme « prenoms_accents ». Lève `ErreurDonnees` avec un message clair si
    le fichier manque, est vide, n'est pas en UTF-8 ou contient des caractères inconnus.
    « prenoms_courants » ne garde que les prénoms très courants (bande 1, voir `BANDES`).
    """
    nom = str(nom_ou_chemin)
    if nom in VOCAB_LIBRE:
        return mots_depuis_lignes(lire_lignes(chemin_dataset(nom)), nom, None, nettoyer=False)
    return mots_depuis_lignes(lire_lignes(chemin_dataset(nom)), Path(nom).name, vocab)


def lire_frequences(chemin=None):
    """Lit le fichier des fréquences : {prénom: bande}, de 1 (très courant) à 4 (très rare).

    Chaque ligne est « prénom », une tabulation, puis le numéro de la bande.
    """
    chemin = Path(chemin) if chemin is not None else DOSSIER_DONNEES / FICHIER_FREQUENCES
    lignes = lire_lignes(chemin)
    frequences, problemes = {}, []
    for numero, ligne in enumerate(lignes, start=1):
        if not ligne.strip() or (numero == 1 and ligne == ENTETE_FREQUENCES):
            continue
        prenom, _, bande = ligne.partition("\t")
        if bande.strip() not in {"1", "2", "3", "4"}:
            problemes.append(f"ligne {numero} « {ligne} » (il faut « prénom, tabulation, 1 à 4 »)")
        elif caracteres_inconnus(prenom) or not prenom:
            problemes.append(f"ligne {numero} « {prenom} » (seulement les lettres a à z)")
        elif prenom in frequences:
            problemes.append(f"ligne {numero} « {prenom} » (déjà vu plus haut)")
        else:
            frequences[prenom] = int(bande)
    if problemes:
        reste = len(problemes) - LIGNES_MONTREES
        suite = f" et {reste} autre(s) ligne(s)" if reste > 0 else ""
        raise ErreurDonnees(
            f"Le fichier « {chemin.name} » a des lignes mal formées : "
            + "; ".join(problemes[:LIGNES_MONTREES])
            + f"{suite}. Relance « tuto-llm data build » pour le refaire."
        )
    if not frequences:
        raise ErreurDonnees(
            f"« {chemin.name} » est vide. Relance « tuto-llm data build » pour le refaire."
        )
    return frequences


def prenoms_par_bande(bande_max=BANDE_COURANTS, chemin=None):
    """Les prénoms dont la bande est au plus `bande_max` (1 : les plus courants), triés."""
    return sorted(p for p, bande in lire_frequences(chemin).items() if bande <= bande_max)


def vocab_du_dataset(mots):
    """Le vocabulaire standard si les mots s'y tiennent, sinon celui de leurs caractères."""
    if not valider_vocab(mots, VOCAB_STANDARD):
        return VOCAB_STANDARD
    return vocab_depuis_mots(mots)


def formater_training(mot, vocab=VOCAB_STANDARD):
    """Un mot prêt pour l'entraînement : « . » + ses lettres + « . », en numéros de jetons."""
    return [0, *vocab.encoder(mot), 0]


def separer_train_val(mots, graine=42, part_validation=0.1):
    """Découpe les mots en (entraînement, validation), toujours pareil pour une même graine.

    Les mots de validation ne sont jamais montrés au modèle pendant l'entraînement :
    ils servent à vérifier qu'il a appris des règles, pas des mots par cœur.
    """
    melanges = sorted(set(mots))
    random.Random(graine).shuffle(melanges)
    n_val = max(1, round(len(melanges) * part_validation)) if len(melanges) > 1 else 0
    return melanges[n_val:], melanges[:n_val]


__all__ = [
    "BANDES",
    "DATASETS",
    "ErreurDonnees",
    "Vocabulaire",
    "charger_dataset",
    "formater_training",
    "lire_frequences",
    "mots_depuis_lignes",
    "nettoyer_mot",
    "prenoms_par_bande",
    "separer_train_val",
    "valider_vocab",
]
