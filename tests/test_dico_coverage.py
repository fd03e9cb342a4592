"""The petit dico covers every technical word a kid reads in a level (issue #19/#24)."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# a technical word as it appears on screen (regex, case-insensitive) → its dico entry
TERMES = {
    r"\bpertes?\b": "perte",
    r"\bpoids\b": "poids",
    r"\bgradients?\b|\bpentes?\b": "gradient",
    r"\bvitesse": "vitesse",
    r"\bjetons?\b": "jeton",
    r"\bplongements?\b|\bembeddings?\b": "plongement",
    r"\battention\b": "attention",
    r"\btêtes?\b": "tete",
    r"\bMLP\b": "mlp",
    r"\bGPT\b": "gpt",
    r"\bvalidation\b": "validation",
    r"\blargeur": "largeur",
    r"\blots?\b": "lot",
    r"par cœur": "par_coeur",
    r"\bbigrammes?\b": "bigramme",
    r"\bprobabilit": "probabilite",
    r"\bcreux\b": "creux",
    r"\bvecteurs?\b": "vecteur",
    r"\bsoftmax\b": "softmax",
    r"\brequêtes?\b": "requete_cle_valeur",
    r"\bparamètres?\b": "parametre",
    r"\bentraîn": "entrainement",
    r"\bAdam\b": "adam",
    r"\bcouches?\b": "couche",
    r"\blogits?\b": "logits",
    r"\bmodèles? de langage\b|\bLLM\b": "modele",
}
SCREENS = sorted((ROOT / "levels").glob("*/textes.fr.toml")) + [
    ROOT / "game" / "textes" / name for name in ("scenes.fr.toml", "ending.fr.toml")
]


def _texts(table):
    for value in table.values():
        if isinstance(value, dict):
            yield from _texts(value)
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, str))
        elif isinstance(value, str):
            yield value


def _dico(lang):
    path = ROOT / "game" / "textes" / f"dico.{lang}.toml"
    return tomllib.loads(path.read_text("utf-8"))


@pytest.mark.parametrize("screen", SCREENS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_technical_word_on_screen_has_a_dico_page(screen):
    words = _dico("fr")
    text = "\n".join(_texts(tomllib.loads(screen.read_text("utf-8"))))
    missing = sorted(
        {key for motif, key in TERMES.items() if re.search(motif, text, re.I)} - set(words["mots"])
    )
    assert not missing, f"{screen}: no dico entry for {missing}"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_dico_entry_is_listed_once_with_its_four_fields(lang):
    dico = _dico(lang)
    assert sorted(dico["ordre"]) == sorted(dico["mots"]) and len(set(dico["ordre"])) == len(
        dico["ordre"]
    )
    for key, entry in dico["mots"].items():
        assert {"niveau", "mot", "definition", "anglais"} <= set(entry), key
    assert set(_dico("fr")["mots"]) == set(_dico("en")["mots"])


def test_the_dico_says_what_a_loss_of_zero_and_a_random_guess_mean():
    perte = _dico("fr")["mots"]["perte"]["definition"]
    assert "0" in perte and ("3,3" in perte or "27" in perte)
