"""Level screens: no text drawn over another text (the rects each view lays out), at the
smallest and the largest text size (the screen review of the level screens)."""

import pygame
import pytest

from game.app import App
from game.scenes import demo


@pytest.fixture
def app():
    app = App(headless=True, runner_mode="slices")
    app.seed_override = 1
    yield app
    app.close()


def _ecran(app, nom, taille):
    app.settings.text_size = taille
    app.apply_settings()
    demo.screen_setups(app)[nom](app)
    for _ in range(3):
        app.step(dt=1 / 60)
    return app.scenes.top.view


def _sans_chevauchement(rangs):
    noms = list(rangs)
    for i, a in enumerate(noms):
        for b in noms[i + 1 :]:
            assert not pygame.Rect(rangs[a]).colliderect(rangs[b]), (a, rangs[a], b, rangs[b])


@pytest.mark.parametrize("taille", [0, 1, 2])
def test_duel_la_question_le_compte_et_le_dernier_coup_ont_chacun_leur_rang(app, taille):
    vue = _ecran(app, "level1_duel", taille)
    rangs = {k: v for k, v in vue.duel_rows.items() if k != "fin"}
    _sans_chevauchement(rangs)
    for rect in rangs.values():
        assert vue.duel_panel.contains(rect) and rect.bottom <= vue.keys_top
    duel = vue.etat.duel
    assert duel.dernier is not None and duel.coups == 3


def test_duel_compte_les_coups_et_dit_quand_le_prenom_change(app):
    vue = _ecran(app, "level1_duel", 0)
    duel = vue.etat.duel
    textes = []
    theme = type(vue.theme)
    origine = theme.text

    def noter(self, surface, text, pos, *args, **kwargs):
        textes.append(text.replace("\xa0", " "))
        return origine(self, surface, text, pos, *args, **kwargs)

    theme.text = noter
    try:
        numero = duel.numero
        while duel.numero == numero:
            vue.deviner("e")
        textes.clear()
        app.step(dt=1 / 60)
    finally:
        theme.text = origine
    assert f"Coup {duel.coups + 1} sur 10" in textes
    assert "Nouveau prénom !" in textes
    textes.clear()
    vue.deviner("e")
    if duel.dernier["nouveau"] is False:
        theme.text = noter
        try:
            app.step(dt=1 / 60)
        finally:
            theme.text = origine
        assert "Nouveau prénom !" not in textes


@pytest.mark.parametrize("taille", [0, 1, 2])
def test_attention_le_titre_reglages_ne_passe_pas_sous_la_reussite(app, taille):
    vue = _ecran(app, "level_l4_attention", taille)
    rangs = vue.rangs_titre
    assert ("reussite", "body") in rangs
    _sans_chevauchement(rangs)
    for rect in rangs.values():
        assert vue.droite.contains(rect)
    if taille == 0:
        assert ("titre", "heading") in rangs  # room enough: the heading stays as it was
