"""La fin « Mon mini-LLM et ChatGPT » : chiffres honnêtes, deux pages, vrais événements."""

import tomllib
from pathlib import Path

import pygame
import pytest

from engine.gpt import Config, nombre_parametres
from game.scenes import ending
from game.scenes.ending import EndingScene, chiffres_enfant, mots_du_nombre

TEXTES = Path(ending.__file__).resolve().parent.parent / "textes"


@pytest.fixture
def app(app):
    app.profile = app.profiles.create("Léa", 1, 1)
    return app


def test_seulement_des_chiffres_publies_et_connus():
    assert ending.GPT2_PARAMETRES == 1.5e9
    assert ending.GPT3_PARAMETRES == 175e9
    assert ending.GPT3_JETONS == 300e9
    assert ending.GPT2_CONTEXTE == 1024 and ending.GPT3_CONTEXTE == 2048
    assert ending.GPT3_COUCHES == 96 and ending.GPT2_VOCAB == 50257
    fr = (TEXTES / "ending.fr.toml").read_text("utf-8")
    assert "environ" in fr


def test_les_grands_nombres_en_mots():
    def t(cle, **kw):
        modeles = {
            "ending.unites.milliard": "{n} milliard",
            "ending.unites.milliards": "{n} milliards",
            "ending.unites.million": "{n} million",
            "ending.unites.millions": "{n} millions",
        }
        return modeles[cle].format(**kw)

    assert mots_du_nombre(t, 175e9) == "175 milliards"
    assert mots_du_nombre(t, 1.5e9) == "1,5 milliard"
    assert mots_du_nombre(t, 175e9 / 4192) == "42 millions"
    assert mots_du_nombre(t, 900) is None


def test_les_chiffres_de_l_enfant_viennent_de_son_profil(app):
    defaut = chiffres_enfant(None)
    assert defaut["parametres"] == nombre_parametres(Config())
    assert defaut["contexte"] == Config().block_size and defaut["couches"] == 1
    profil = app.profile
    profil.level("l5_gpt").log_metrics = {"parametres": 1328, "mots_vus": 2000}
    chiffres = chiffres_enfant(profil)
    assert chiffres["parametres"] == 1328 and chiffres["lettres"] == round(2000 * 7.2)
    config = Config(n_embd=24, n_head=4)
    profil.saved_model = {"config": config.vers_dict()}
    assert chiffres_enfant(profil)["parametres"] == nombre_parametres(config)


def test_catalogues_fr_en_memes_cles():
    def cles(table, prefixe=""):
        resultat = set()
        for cle, valeur in table.items():
            if isinstance(valeur, dict):
                resultat |= cles(valeur, prefixe + cle + ".")
            else:
                resultat.add(prefixe + cle)
        return resultat

    fr = tomllib.loads((TEXTES / "ending.fr.toml").read_text("utf-8"))
    en = tomllib.loads((TEXTES / "ending.en.toml").read_text("utf-8"))
    assert cles(fr) == cles(en)
    for manque in ending.MANQUES:
        assert manque in fr["manques"] and f"{manque}_titre" in fr["manques"]


def test_deux_pages_au_clavier_puis_la_carte(app):
    from game.scenes.map import MapScene

    app.scenes.push(MapScene(app))
    app.scenes.push(EndingScene(app))

    def touche(k):
        for genre in (pygame.KEYDOWN, pygame.KEYUP):
            pygame.event.post(pygame.event.Event(genre, key=k, mod=0, unicode="", scancode=0))
        app.step(dt=1 / 60)

    for _ in range(60):  # les barres poussent
        app.step(dt=1 / 60)
    scene = app.scenes.top
    assert isinstance(scene, EndingScene) and scene.page == 0
    touche(pygame.K_RETURN)  # « Suivant » a le focus
    assert scene.page == 1
    touche(pygame.K_ESCAPE)  # Échap : page précédente
    assert scene.page == 0
    touche(pygame.K_RETURN)
    touche(pygame.K_RETURN)  # « Retour à la carte »
    assert isinstance(app.scenes.top, MapScene)
    assert app.crashes == 0


@pytest.mark.parametrize("taille", [0, 1, 2])
@pytest.mark.parametrize("langue", ["fr", "en"])
def test_les_pages_se_dessinent(app, taille, langue):
    app.translator.lang = langue
    app.theme.configure(text_size=taille)
    scene = EndingScene(app)
    app.scenes.push(scene)
    assert scene.pages == ending.PAGES or taille > 0  # deux pages à la taille normale
    for page in range(scene.pages):
        scene.page = page
        scene.rebuild()
        app.step(dt=1 / 60)
    assert app.crashes == 0


@pytest.mark.parametrize("taille", [0, 1, 2])
@pytest.mark.parametrize("langue", ["fr", "en"])
def test_aucune_explication_coupee(app, taille, langue, monkeypatch):
    """Aux trois tailles de texte, chaque texte de la fin tient dans sa boîte sans « … »
    (quitte à prendre une page de plus) et n'est pas rétréci sous 85 %."""
    from game.ui.theme import Theme, get_font

    app.translator.lang = langue
    app.theme.configure(text_size=taille)
    scene = EndingScene(app)
    app.scenes.push(scene)
    dessine = Theme.draw_text
    problemes = []

    def espion(theme, surface, text, rect, role="body", *args, **kwargs):
        rect = pygame.Rect(rect)
        taille_ok = theme.fit_size(text, rect, role)
        lignes = theme.wrap(text, rect.width, taille_ok)
        if len(lignes) * get_font(taille_ok).get_linesize() > rect.height:
            problemes.append(("coupé", text))
        elif taille_ok < 0.85 * theme.size(role):
            problemes.append(("rétréci", text))
        return dessine(theme, surface, text, rect, role, *args, **kwargs)

    monkeypatch.setattr(Theme, "draw_text", espion)
    for page in range(scene.pages):
        scene.page = page
        scene.rebuild()
        scene.age = 5.0
        app.step(dt=1 / 60)
    assert problemes == []
    assert app.crashes == 0


def test_les_grands_nombres_en_anglais():
    def t(cle, **kw):
        return {"ending.unites.milliard": "{n} billion"}[cle].format(**kw)

    assert mots_du_nombre(t, 1.5e9, ".") == "1.5 billion"
