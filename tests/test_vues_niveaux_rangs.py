"""Level screens: no text drawn over another text (the rects each view lays out), at the
smallest and the largest text size (the screen review of the level screens)."""

import pygame
import pytest

from game.app import App
from game.scenes import demo
from game.scenes.figures import goal_text
from levels.l3_memoire import logic


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


def _textes_dessines(app):
    """The lines of text one frame draws."""
    textes = []
    theme = type(app.theme)
    origine = theme.text

    def noter(self, surface, text, pos, *args, **kwargs):
        textes.append(text.replace("\xa0", " "))
        return origine(self, surface, text, pos, *args, **kwargs)

    theme.text = noter
    try:
        app.step(dt=1 / 60)
    finally:
        theme.text = origine
    return textes


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
    numero = duel.numero
    while duel.numero == numero:
        vue.deviner("e")
    textes = _textes_dessines(app)
    assert f"Coup {duel.coups + 1} sur 10" in textes
    assert "Nouveau prénom !" in textes
    vue.deviner("e")
    if duel.dernier["nouveau"] is False:
        assert "Nouveau prénom !" not in _textes_dessines(app)


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


def test_memoire_ecarter_ne_laisse_aucun_jeton_sur_un_autre():
    from levels.l3_memoire.jetons import ecarter

    places = {"a": (100, 100), "b": (105, 102), "c": (100, 100), "k": (110, 95), "z": (98, 104)}
    ecarts = ecarter(places, 40, (0, 0, 400, 400), fixes="k")
    dessines = {
        lettre: pygame.Rect(x + ecarts[lettre][0], y + ecarts[lettre][1], 40, 40)
        for lettre, (x, y) in places.items()
    }
    _sans_chevauchement(dessines)
    assert ecarts["k"] == (0, 0)  # the kid's letter stays where the kid put it


@pytest.mark.parametrize("taille", [0, 2])
def test_memoire_les_lettres_dessinees_ne_se_cachent_pas_et_l_etat_ne_bouge_pas(app, taille):
    vue = _ecran(app, "level_l3_memoire", taille)
    places = list(vue.etat.places)
    for aide in (False, True):
        if aide:  # the machine learned: the vowels pile up with their neighbours
            vue.jouer({"type": "entrainer", "etapes": 200})
            places = list(vue.etat.places)
        for _ in range(3):
            app.step(dt=1 / 60)
        assert vue.etat.places == places  # drawing apart never moves a letter in the state
        _sans_chevauchement({t.text: t.montre for t in vue.tokens.values()})
        for token in vue.tokens.values():
            assert vue.board.contains(token.montre)
    libres = logic.plateau_de(vue.etat.graine).libres
    ordre = [w.text for w in vue.box.widgets if w in set(vue.tokens.values())]
    assert set(ordre[-len(libres) :]) == set(libres)  # the kid's letters on top


@pytest.mark.parametrize("taille", [0, 1, 2])
def test_memoire_la_consigne_tient_sous_les_boutons(app, taille):
    vue = _ecran(app, "level_l3_memoire", taille)
    rangs = vue.rangs_consigne
    assert len(rangs) >= 1
    for rect in rangs:
        assert vue.status_rect.contains(rect)
        assert rect.top > vue.stop.rect.bottom
    texte = " ".join(t for t, _r in vue._mise_en_page_consigne(*vue.status_rect.size))
    assert vue.t("vue.machine_bloquee") in texte  # no line left out


@pytest.mark.parametrize("taille", [0, 2])
def test_devine_l_explication_de_la_perte_est_entiere_et_les_barres_gardent_une_decimale(
    app, taille
):
    vue = _ecran(app, "level_l1_devine", taille)
    sous_titre = vue._sous_titre_perte()
    rect = vue.sous_titre_rect
    assert rect.h == vue.theme.text_height(sous_titre, rect.w, "small")  # wrapped, not cut
    assert vue.loss_rect.contains(rect)
    dessines = []
    origine = type(vue.theme).text

    def noter(self, surface, text, pos, *args, **kwargs):
        dessines.append(text.replace("\xa0", " "))
        return origine(self, surface, text, pos, *args, **kwargs)

    type(vue.theme).text = noter
    try:
        app.step(dt=1 / 60)
    finally:
        type(vue.theme).text = origine
    assert "3,7 %" in dessines and "4 %" not in dessines


@pytest.mark.parametrize("taille", [0, 2])
def test_erreurs_une_seule_ecriture_de_la_barre_et_les_bornes_dans_le_panneau(app, taille):
    from levels.l2_erreurs import logic as logic2

    vue = _ecran(app, "level_l2_erreurs", taille)
    barre = vue.nombre(logic2.SEUIL_PERTE, 3)  # « 0,860 », as the goal line writes it
    assert barre in vue.curve.reference_label
    hote = app.scenes.top
    assert barre in goal_text(app, hote.texts, hote.niveau)  # the goal line says the same
    assert len(vue.bornes_terrain) == len(logic2.REPONSES)
    for rect, bornes in vue.bornes_terrain.items():
        for borne in bornes:
            rect = pygame.Rect(rect)
            assert rect.left <= borne.left and borne.right <= rect.right
            assert vue.left.contains(borne)
