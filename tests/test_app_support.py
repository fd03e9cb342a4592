"""A tiny stand-in level (« compteur ») for testing the game frame without the real levels.

`install_fake_level(tmp_path, monkeypatch)` writes the package `levels.zz_compteur`
(logic, view, texts) in a temporary folder, makes it importable and puts it first in
the registry, so the map shows it as level 1 whatever the real levels' state.
"""

import importlib
import sys
import textwrap

import pytest

import levels
from levels import registry

PACKAGE = "zz_compteur"

LOGIC = '''
"""Niveau de test : faire monter un compteur jusqu'à 10."""
from dataclasses import dataclass

from levels.base import EtatNiveau, Niveau, Objectif, lire_entier, longue


@dataclass
class EtatCompteur(EtatNiveau):
    valeur: int = 0
    pas: int = 0


def compter(valeur, n):
    """Ajoute n au compteur (la fonction « sous le capot »)."""
    return valeur + n


class NiveauCompteur(Niveau):
    id = "zz_compteur"
    numero = 1
    titre = "Le compteur"
    concept = ("compter", "counting")
    objectif = Objectif("valeur", 10, "sur")
    defi = Objectif("actions", 5, "sous")
    questions = ("q", "r", "s")
    predictions = ("q",)
    fonctions_capot = (compter,)

    def nouvel_etat(self, graine):
        return EtatCompteur(graine=graine)

    def _un_pas(self, etat):
        total = 0
        for i in range(3000):
            total += i * i
        etat.pas += 1
        etat.valeur += 1

    def _ajouter(self, etat, action):
        etat.valeur = compter(etat.valeur, lire_entier(action, "n", 1, 5))

    def _entrainer(self, etat, action):
        etapes = lire_entier(action, "etapes", 1, 100000)
        for k in range(1, etapes + 1):
            self._un_pas(etat)
            yield {"type": "entrainer", "etapes": k}

    actions = {"ajouter": _ajouter, "entrainer": longue(_entrainer)}

    def suivi(self, etat):
        return {"valeur": etat.valeur}

    def decouverte(self, etat):
        return {"valeur": etat.valeur, "actions": etat.actions}

    def mesures(self, etat):
        return {"valeur": etat.valeur, "actions": etat.actions, "pas": etat.pas}

    def resoudre(self, graine):
        from levels import questions

        actions = [{"type": "ajouter", "n": 5}, {"type": "ajouter", "n": 5}]
        etat = self.nouvel_etat(graine)
        for action in actions:
            self.appliquer(etat, action)
        return actions + questions.reponse_du_solveur(self, etat)


NIVEAU = NiveauCompteur()
'''

VIEW = '''
"""La vue du niveau de test : deux boutons et une courbe."""


class VueCompteur:
    def __init__(self, niveau, partie, ctx):
        self.niveau, self.partie, self.ctx = niveau, partie, ctx
        self.finished = False
        self.job = None
        self.rebuild()

    def rebuild(self):
        ui, theme, area = self.ctx.ui, self.ctx.theme, self.ctx.area
        h = theme.control_height
        self.box = ui.Container(theme)
        self.plus = ui.Button(theme, (area.x + 120, area.y + 60, 260, h), self.ctx.t("plus"),
                              self.ajouter)
        self.train = ui.Button(theme, (area.x + 120, area.y + 80 + h, 260, h),
                               self.ctx.t("entrainer"), self.entrainer, style="secondary")
        self.end = ui.Button(theme, (area.x + 120, area.y + 100 + 2 * h, 260, h),
                             self.ctx.t("fini"), self.fin, style="secondary")
        self.chart = ui.LineChart(theme, (area.x + 480, area.y + 40, 640, 380), "valeur")
        self.box.add(self.plus, self.train, self.end, self.chart)

    def ajouter(self):
        self.partie.jouer({"type": "ajouter", "n": 1})
        self.chart.append(self.partie.etat.valeur)

    def entrainer(self):
        self.job = self.ctx.runner.play(self.partie, {"type": "entrainer", "etapes": 20})

    def fin(self):
        self.finished = True

    def handle_event(self, event):
        return self.box.handle_event(event)

    def update(self, dt):
        self.box.update(dt)
        self.train.enabled = self.job is None or self.job.done
        if self.job is not None and self.job.infos:
            for info in self.job.infos:
                self.chart.append(info["valeur"])
            self.job.infos.clear()

    def draw(self, surface):
        theme = self.ctx.theme
        theme.text(surface, self.ctx.t("valeur", n=self.partie.etat.valeur),
                   (self.ctx.area.x + 120, self.ctx.area.y + 10), "heading")
        self.box.draw(surface)


def make_view(niveau, partie, ctx):
    return VueCompteur(niveau, partie, ctx)
'''

TEXTES_FR = """
titre = "Le compteur"
concept = "compter"
objectif = "Fais monter le compteur jusqu'à {seuil}."
capot = "Regarde « compter » : elle ajoute n au compteur."
etoiles = ["Objectif atteint", "En 5 actions au plus", "Tu sais compter"]
appris = "Compter, c'est ajouter un à chaque fois."
decouvert = "Tu as compté jusqu'à {valeur} en {actions} actions : compter, c'est ajouter."
indices = ["Clique sur +1.", "Clique dix fois sur +1.", "Ou entraîne : 20 pas d'un coup."]
plus = "+1"
entrainer = "Entraîner 20 pas"
fini = "J'ai fini"
valeur = "Compteur : {n}"

[intro]
ecrans = ["Un compteur commence à zéro.", "Fais-le monter jusqu'à 10 !"]

[questions.q]
texte = "Combien font 5 + 5 ?"
choix = ["10", "5", "55"]
explication = "5 + 5 = 10."

[questions.r]
texte = "Combien font 2 + 2 ?"
choix = ["4", "22", "5"]
explication = "2 + 2 = 4."

[questions.s]
texte = "Combien font 3 + 3 ?"
choix = ["6", "33", "9"]
explication = "3 + 3 = 6."

[mesures]
valeur = "Compteur"
actions = "Actions"
"""

TEXTES_EN = TEXTES_FR.replace("Le compteur", "The counter").replace(
    "Fais monter le compteur jusqu'à {seuil}.", "Count up to {seuil}."
)


def write_fake_level(root):
    folder = root / PACKAGE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "__init__.py").write_text('"""Niveau de test."""\n', encoding="utf-8")
    (folder / "logic.py").write_text(textwrap.dedent(LOGIC), encoding="utf-8")
    (folder / "view.py").write_text(textwrap.dedent(VIEW), encoding="utf-8")
    (folder / "textes.fr.toml").write_text(TEXTES_FR, encoding="utf-8")
    (folder / "textes.en.toml").write_text(TEXTES_EN, encoding="utf-8")
    return folder


def install_fake_level(tmp_path, monkeypatch):
    """Make `levels.zz_compteur` the first level of the adventure (for this test only)."""
    from game import i18n

    root = tmp_path / "fake_levels"
    write_fake_level(root)
    monkeypatch.setattr(levels, "__path__", [*levels.__path__, str(root)])
    monkeypatch.setattr(registry, "MODULES", [f"levels.{PACKAGE}.logic", *registry.MODULES[1:]])
    for name in [m for m in sys.modules if m.startswith(f"levels.{PACKAGE}")]:
        del sys.modules[name]
    importlib.invalidate_caches()
    monkeypatch.setattr(
        i18n, "_levels_dirs", lambda: [*map(__import__("pathlib").Path, levels.__path__)]
    )
    i18n.reload_catalogs()
    yield_module = importlib.import_module(f"levels.{PACKAGE}.logic")
    return yield_module.NIVEAU


@pytest.fixture
def fake_level(tmp_path, monkeypatch):
    niveau = install_fake_level(tmp_path, monkeypatch)
    yield niveau
    from game import i18n

    i18n.reload_catalogs()


def test_fake_level_follows_the_contract(fake_level):
    """The stand-in level itself is a real level: its solution replays to three stars."""
    from levels.base import Partie, rejouer

    partie = Partie(fake_level, 1)
    for action in fake_level.resoudre(1):
        assert partie.jouer(action) is None
    verdict = rejouer(partie.journal(), {fake_level.id: fake_level})
    assert verdict.valide and verdict.etoiles == [True, True, True]
