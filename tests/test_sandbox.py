"""Le bac à sable : autres jeux de données, listes de l'enfant, messages d'erreur en français."""

import json

import pytest

from engine.donnees import ErreurDonnees
from engine.vocab import VOCAB_STANDARD
from levels.bac_a_sable import logic
from levels.bac_a_sable.logic import NIVEAU, lignes_du_fichier, verifier_liste
from levels.base import Partie, rejouer

PETIT = [
    {"type": "regler", "parametre": "n_embd", "valeur": 8},
    {"type": "regler", "parametre": "n_head", "valeur": 2},
    {"type": "regler", "parametre": "batch", "valeur": 2},
    {"type": "regler", "parametre": "etapes", "valeur": 20},
]
MA_LISTE = [
    "Zoé",
    "Léo",
    "Inès",
    "Noé",
    "Chloé",
    "Maël",
    "Anaïs",
    "Loïc",
    "Hélène",
    "Jérôme",
    "Agathe",
    "Basile",
    "Capucine",
    "Dorian",
    "Éloïse",
    "Félix",
    "Garance",
    "Hugo",
    "Iris",
    "Jules",
    "Lila",
    "Malo",
    "Nina",
    "Oscar",
]


def jouer_tout(partie, actions):
    for action in actions:
        assert partie.jouer(action) is None, (action, partie.dernier_refus)
    return partie


def test_le_solveur_bat_les_bigrammes_sur_les_dinosaures():
    partie = jouer_tout(Partie(NIVEAU, 4), NIVEAU.resoudre(4))
    assert partie.etat.source == "dinosaures" and partie.termine()
    verdict = rejouer(json.loads(json.dumps(partie.journal())), {NIVEAU.id: NIVEAU})
    assert verdict.valide
    assert verdict.mesures["perte_validation"] == pytest.approx(partie.etat.perte_val, abs=1e-9)
    assert verdict.etat.noms == partie.etat.noms


def test_prenoms_avec_accents_vocabulaire_elargi():
    partie = jouer_tout(
        Partie(NIVEAU, 1),
        [
            {"type": "choisir_donnees", "nom": "prenoms_accents"},
            *PETIT,
            {"type": "entrainer", "etapes": 3},
            {"type": "generer", "temperature": 1.0, "prefixe": "Hé", "n": 4},
        ],
    )
    donnees = NIVEAU.donnees(partie.etat)
    assert len(donnees.vocab) > len(VOCAB_STANDARD) and "é" in donnees.vocab
    assert NIVEAU.config(partie.etat).vocab_size == len(donnees.vocab)
    assert all(nom.startswith("hé") for nom in partie.etat.noms)


def test_ma_liste_tapee():
    partie = jouer_tout(
        Partie(NIVEAU, 2),
        [
            {"type": "liste_perso", "nom": "ma classe", "lignes": MA_LISTE},
            *PETIT,
            {"type": "entrainer", "etapes": 4},
        ],
    )
    assert partie.etat.source == "perso" and "zoe" in partie.etat.mots_perso
    assert NIVEAU.donnees(partie.etat).vocab == VOCAB_STANDARD  # les accents sont enlevés
    verdict = rejouer(partie.journal(), {NIVEAU.id: NIVEAU})  # la liste est dans le journal
    assert verdict.etat.poids == partie.etat.poids


@pytest.mark.parametrize(
    ("lignes", "attendu"),
    [
        ([], "vide"),
        (["", "   ", ""], "vide"),
        (["lina", "zoe", "hugo", "lina"], "n'a que 3 mot(s) différent(s)"),
        ([*MA_LISTE[:10], "jean-paul", *MA_LISTE[10:], "r2d2", "marie claire"], "ligne 11"),
        (["x" * 100, *MA_LISTE], "ligne 1"),
    ],
)
def test_mauvaises_listes_messages_en_francais(lignes, attendu):
    partie = Partie(NIVEAU, 0)
    refus = partie.jouer({"type": "liste_perso", "nom": "ma liste", "lignes": lignes})
    assert refus is not None and attendu in refus
    assert "réessaie" in refus  # le message dit quoi faire
    assert partie.actions == [] and partie.etat.source == "dinosaures"


def test_caracteres_bizarres_toutes_les_lignes_citees():
    lignes = [*MA_LISTE[:10], "jean-paul", *MA_LISTE[10:], "r2d2", "marie claire"]
    with pytest.raises(ErreurDonnees) as erreur:
        verifier_liste(lignes, "ma liste")
    message = str(erreur.value)
    assert "ligne 11" in message and "ligne 26" in message and "ligne 27" in message
    assert "'-'" in message and "'2'" in message


def test_fichier_de_l_enfant(tmp_path):
    bon = tmp_path / "dinos_a_moi.txt"
    bon.write_text("\n".join(MA_LISTE), encoding="utf-8")
    assert len(verifier_liste(lignes_du_fichier(bon), bon.name)) == len(MA_LISTE)
    with pytest.raises(ErreurDonnees, match="Je ne trouve pas"):
        lignes_du_fichier(tmp_path / "absent.txt")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("lina\nzoe\nchlo\xe9\n".encode("latin-1"))
    with pytest.raises(ErreurDonnees, match="ligne 3"):
        lignes_du_fichier(latin)


def test_changer_de_mots_jette_le_modele():
    partie = jouer_tout(Partie(NIVEAU, 3), [*PETIT, {"type": "entrainer", "etapes": 2}])
    assert partie.etat.poids is not None
    assert partie.jouer({"type": "choisir_donnees", "nom": "dinosaures"}) is not None
    jouer_tout(partie, [{"type": "choisir_donnees", "nom": "prenoms"}])
    assert partie.etat.poids is None and partie.etat.etapes_totales == 2
    assert partie.jouer({"type": "choisir_donnees", "nom": "pokemons"}) is not None


def test_trop_de_lignes_refuse():
    refus = Partie(NIVEAU, 0).jouer(
        {"type": "liste_perso", "nom": "x", "lignes": ["lina"] * (logic.LIGNES_MAX + 1)}
    )
    assert refus and "trop" in refus


def test_vue_du_bac_a_sable_liste_tapee_et_messages():
    """Le vrai jeu (headless) : taper une liste avec de vrais événements, lire le message."""
    import pygame

    from game.app import App
    from game.scenes.level import LevelHost
    from game.scenes.places import Place

    app = App(headless=True, runner_mode="slices")
    try:
        app.profile = app.profiles.create("Lou", 0, 0)
        hote = LevelHost(app, Place(NIVEAU.id, "sandbox", 0, NIVEAU, "open", 0, "bac_a_sable"))
        app.scenes.push(hote)
        hote.skip_intro()
        vue = hote.view

        def clic(pos):
            for genre in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
                pygame.event.post(pygame.event.Event(genre, pos=pos, button=1))
            app.step(dt=1 / 60)

        clic(vue.champ_liste.rect.center)
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="lina, zoé, r2d2, hugo"))
        app.step(dt=1 / 60)
        assert vue.texte_liste == "lina, zoé, r2d2, hugo"
        clic(vue.bouton_liste.rect.center)
        assert "mot n° 3" in vue.message and "r2d2" in vue.message
        assert hote.partie.actions == []  # rien n'est noté : la liste est refusée
        vue.champ_liste.set_text("")
        clic(vue.champ_liste.rect.center)
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=", ".join(MA_LISTE)))
        app.step(dt=1 / 60)
        clic(vue.bouton_liste.rect.center)
        assert vue.message_bon and hote.partie.etat.source == "perso"
        clic(vue.jeux["prenoms_accents"].rect.center)
        assert hote.partie.etat.source == "prenoms_accents"
        for onglet in ("entrainement", "terrain", "mots"):
            clic(vue.onglets[onglet].rect.center)
            assert vue.onglet == onglet
        vue.texte_chemin = "/nulle/part/villes.txt"
        clic(vue.bouton_fichier.rect.center)
        assert "Je ne trouve pas" in vue.message
        assert app.crashes == 0
    finally:
        app.close()
