"""Le contrat d'un niveau, vérifié au chargement (voir `levels.registry`).

Un niveau mal déclaré doit se voir tout de suite, avec un message qui dit quel
niveau, ce qui manque, et « tu voulais dire … ? » pour un nom mal écrit — pas un
`KeyError` trois écrans plus loin. La vérification est rapide (aucun calcul du
moteur) ; `tests/test_level_contract.py` vérifie le reste en jouant vraiment.
"""

import difflib
import importlib
import importlib.util
import inspect
import tomllib
import weakref
from importlib import resources

from levels.actions import ACTION_INDICE, NOMBRE_INDICES, Longue
from levels.base import NOMBRE_ETOILES, Niveau, Objectif

# Ce que chaque niveau doit écrire lui-même (le cadre ne sait pas le faire).
METHODES = ("nouvel_etat", "mesures", "resoudre")
# Les textes que le jeu lit pour chaque niveau, dans les deux langues.
CLES_TEXTES = ("titre", "concept", "objectif", "capot", "etoiles", "appris", "indices")
CLES_QUESTION = ("texte", "choix", "explication")  # pour chaque `questions.<id>`
QUESTIONS_MIN = 3  # une réserve d'au moins trois questions (voir `levels.questions`)
LANGUES = ("fr", "en")


_VERIFIES = weakref.WeakSet()  # les niveaux déjà vérifiés (une fois par processus)


class NiveauIncomplet(Exception):
    """Un niveau du registre ne respecte pas le contrat ; le message dit quoi corriger."""


def charger(nom_module):
    """Le `NIVEAU` du module `nom_module`, vérifié ; lève NiveauIncomplet sinon."""
    try:
        module = importlib.import_module(nom_module)
    except ImportError as erreur:
        raise NiveauIncomplet(f"{nom_module} : impossible de l'importer ({erreur}).") from None
    niveau = getattr(module, "NIVEAU", None)
    if niveau is None:
        raise NiveauIncomplet(f"{nom_module} : il manque `NIVEAU = …`{_proche('NIVEAU', module)}.")
    if niveau in _VERIFIES:
        return niveau
    problemes = problemes_du_niveau(niveau)
    if problemes:
        nom = getattr(niveau, "id", "") or nom_module
        raise NiveauIncomplet(f"Niveau « {nom} » ({nom_module}) :\n- " + "\n- ".join(problemes))
    _VERIFIES.add(niveau)
    return niveau


def problemes_du_niveau(niveau):
    """Ce qui manque ou cloche dans la déclaration de `niveau` (liste de phrases)."""
    if not isinstance(niveau, Niveau):
        return [f"`NIVEAU` doit être une instance d'une sous-classe de Niveau, pas {niveau!r}."]
    classe = type(niveau)
    problemes = _problemes_identite(niveau)
    for methode in METHODES:
        if getattr(classe, methode) is getattr(Niveau, methode):
            problemes.append(f"il manque la méthode `{methode}`{_proche(methode, classe)}.")
    if classe.appliquer is not Niveau.appliquer:
        problemes.append(
            "ne réécris pas `appliquer` : déclare la table `actions` (le cadre fait le reste)."
        )
    problemes += _problemes_actions(niveau)
    for fonction in niveau.fonctions_capot:
        if not callable(fonction) or not _source_lisible(fonction):
            problemes.append(f"`fonctions_capot` : {fonction!r} n'a pas de code à montrer.")
    if not niveau.fonctions_capot:
        problemes.append("`fonctions_capot` est vide : montre au moins une vraie fonction.")
    problemes += problemes_des_textes(niveau)
    paquet = classe.__module__.rpartition(".")[0]
    if paquet and importlib.util.find_spec(f"{paquet}.view") is None:
        problemes.append(f"il manque la vue : `{paquet}/view.py` (avec `make_view`).")
    return problemes


def _problemes_identite(niveau):
    problemes = []
    if not isinstance(niveau.id, str) or not niveau.id:
        problemes.append('`id` doit être un petit texte, par exemple "l6_essai".')
    if not isinstance(niveau.numero, int) or isinstance(niveau.numero, bool):
        problemes.append("`numero` doit être un nombre entier.")
    if not isinstance(niveau.titre, str) or not niveau.titre:
        problemes.append("`titre` doit être un texte.")
    concept = niveau.concept
    if not (isinstance(concept, tuple) and len(concept) == 2 and all(concept)):
        problemes.append("`concept` doit être (mot français, terme anglais).")
    if not isinstance(niveau.objectif, Objectif):
        problemes.append("`objectif` doit être un Objectif(metrique, seuil, sens).")
    if niveau.defi is not None and not isinstance(niveau.defi, Objectif):
        problemes.append("`defi` doit être un Objectif ou None.")
    questions = niveau.questions
    if questions:
        if not (
            isinstance(questions, tuple)
            and len(questions) >= QUESTIONS_MIN
            and all(isinstance(q, str) and q for q in questions)
        ):
            problemes.append(
                f"`questions` doit être un tuple d'au moins {QUESTIONS_MIN} noms de questions."
            )
        elif not niveau.predictions or not set(niveau.predictions) <= set(questions):
            problemes.append(
                "`predictions` : au moins une question de `questions` doit être une "
                "prédiction calculée sur l'état de l'enfant."
            )
    return problemes


def _problemes_actions(niveau):
    table = niveau.actions
    if not isinstance(table, dict) or not table:
        return [f"il manque la table `actions` (type → fonction){_proche('actions', niveau)}."]
    problemes = []
    for genre, faire in table.items():
        if not isinstance(genre, str) or not genre or genre == ACTION_INDICE:
            problemes.append(f"`actions` : le type {genre!r} n'est pas permis.")
        elif not (callable(faire) or isinstance(faire, Longue)):
            problemes.append(f"`actions[{genre!r}]` doit être une fonction ou longue(…).")
        elif isinstance(faire, Longue) and not inspect.isgeneratorfunction(faire.faire):
            problemes.append(f"`actions[{genre!r}]` est longue : sa fonction doit faire `yield`.")
    return problemes


def textes_du_niveau(niveau, langue):
    """Le catalogue `textes.<langue>.toml` du niveau, à plat : {« clé.pointée »: valeur}."""
    paquet = type(niveau).__module__.rpartition(".")[0]
    brut = resources.files(paquet).joinpath(f"textes.{langue}.toml").read_text("utf-8")
    return _a_plat(tomllib.loads(brut))


def cles_requises(niveau):
    """Les clés de texte que le jeu lit pour ce niveau."""
    cles = list(CLES_TEXTES)
    for question in niveau.questions or ():
        cles += [f"questions.{question}.{cle}" for cle in CLES_QUESTION]
    cles += [f"mesures.{o.metrique}" for o in (niveau.objectif, niveau.defi) if o is not None]
    return cles


def problemes_des_textes(niveau):
    problemes = []
    for langue in LANGUES:
        fichier = f"textes.{langue}.toml"
        try:
            textes = textes_du_niveau(niveau, langue)
        except (OSError, ValueError) as erreur:  # absent, ou TOML mal écrit
            problemes.append(f"{fichier} : illisible ou absent ({erreur}).")
            continue
        for cle in cles_requises(niveau):
            if cle not in textes:
                problemes.append(f"{fichier} : il manque « {cle} »{_proche(cle, textes)}.")
        for cle, combien in (("indices", NOMBRE_INDICES), ("etoiles", NOMBRE_ETOILES)):
            if cle in textes and len(textes[cle]) != combien:
                problemes.append(f"{fichier} : « {cle} » doit avoir {combien} phrases.")
    return problemes


def fonctions_du_capot_absentes(niveau):
    """Les fonctions du moteur que le texte « capot » nomme (« perte_moyenne »,
    « Adam.appliquer ») et que le panneau ne montre pas : [(langue, nom)].

    Un nom entre guillemets qui n'est pas une fonction du moteur (« scores », une ligne
    du code ; « Valeur », une classe) n'est pas une fonction : il n'est pas compté."""
    import re

    montrees = set()
    for fonction in niveau.fonctions_capot:
        montrees |= {fonction.__name__, fonction.__qualname__}
    moteur = fonctions_du_moteur()
    absentes = []
    for langue in LANGUES:
        texte = textes_du_niveau(niveau, langue).get("capot", "")
        for nom in re.findall(r"«\s*([A-Za-z_][\w.]*)\s*»", texte):
            if nom in moteur and nom not in montrees:
                absentes.append((langue, nom))
    return absentes


def fonctions_du_moteur():
    """Les noms (et noms qualifiés) de toutes les fonctions et méthodes du moteur."""
    import pkgutil

    import engine

    noms = set()
    for info in pkgutil.iter_modules(engine.__path__):
        module = importlib.import_module(f"engine.{info.name}")
        for nom, objet in vars(module).items():
            if inspect.isfunction(objet) and objet.__module__ == module.__name__:
                noms.add(nom)
            elif inspect.isclass(objet) and objet.__module__ == module.__name__:
                for attribut, membre in vars(objet).items():
                    if inspect.isfunction(membre) and not attribut.startswith("__"):
                        noms |= {attribut, f"{objet.__name__}.{attribut}"}
    return noms


def _a_plat(table, prefixe=""):
    resultat = {}
    for cle, valeur in table.items():
        if isinstance(valeur, dict):
            resultat.update(_a_plat(valeur, prefixe + cle + "."))
        else:
            resultat[prefixe + cle] = valeur
    return resultat


def _proche(nom, ou):
    """« (tu voulais dire `nmo` ?) » si un nom de `ou` ressemble à `nom`, sinon rien."""
    if isinstance(ou, dict):
        noms = list(ou)
    else:
        noms = [n for n in dir(ou) if not n.startswith("__")]
        base = set(dir(Niveau)) if isinstance(ou, type | Niveau) else set()
        noms = [n for n in noms if n not in base]
    trouves = difflib.get_close_matches(nom, noms, n=1, cutoff=0.75)
    return f" (tu voulais dire `{trouves[0]}` ?)" if trouves else ""


def _source_lisible(fonction):
    try:
        inspect.getsource(fonction)
    except (OSError, TypeError):
        return False
    return True
