"""Training (Adam, Entrainement, perte_validation), generation and saving."""

import json
import math

import pytest

from engine import gpt, gpt_valeur
from engine.adam import Adam
from engine.donnees import ErreurDonnees, formater_training
from engine.entrainement import Entrainement, perte_validation
from engine.generation import generer
from engine.sauvegarde import ErreurSauvegarde, charger, sauvegarder
from engine.vocab import VOCAB_STANDARD, Vocabulaire

MOTS = [
    "emma", "lina", "jade", "louise", "mila", "alice", "rose", "anna", "lea", "mia",
    "leo", "louis", "noah", "jules", "adam", "hugo", "arthur", "paul", "nael", "sacha",
    "marius", "maelle", "manon", "mathis", "maxime", "marie", "martin", "margot",
]  # fmt: skip
PETITE = gpt.Config(n_embd=8, n_head=2, n_layer=1, block_size=8, vocab_size=27)


def test_valeur_et_rapide_meme_trajectoire_sur_20_pas_adam():
    config = gpt.Config(n_embd=8, n_head=2, n_layer=2, block_size=6, vocab_size=27)
    rapide = Entrainement(MOTS, config, lr=0.01, etapes=20, graine=3)
    reference = Entrainement(
        MOTS, config, lr=0.01, etapes=20, graine=3, calcul=gpt_valeur.perte_et_gradients_lot
    )
    for _ in range(20):
        a, b = rapide.pas(), reference.pas()
        assert a["mots"] == b["mots"]
        assert a["perte"] == pytest.approx(b["perte"], rel=1e-9, abs=1e-9)
    assert gpt_valeur.ecart_relatif_max(rapide.poids, reference.poids) < 1e-9


def test_meme_graine_meme_entrainement_au_bit_pres():
    un = Entrainement(MOTS, PETITE, etapes=30, batch=2, graine=7)
    deux = Entrainement(MOTS, PETITE, etapes=30, batch=2, graine=7)
    stats_un = [un.pas() for _ in range(30)]
    stats_deux = list(deux)
    assert stats_un == stats_deux
    assert un.poids == deux.poids
    autre = Entrainement(MOTS, PETITE, etapes=30, batch=2, graine=8)
    autre.tranche(30)
    assert autre.pertes != un.pertes


def test_reprendre_par_tranches_donne_le_meme_resultat():
    dun_coup = Entrainement(MOTS, PETITE, etapes=25, graine=1)
    dun_coup.tranche(25)
    par_tranches = Entrainement(MOTS, PETITE, etapes=25, graine=1)
    tailles = [len(t) for t in par_tranches.tranches(10)]
    assert tailles == [10, 10, 5]
    assert par_tranches.fini and par_tranches.etape == 25
    assert par_tranches.pertes == dun_coup.pertes
    assert par_tranches.poids == dun_coup.poids
    assert par_tranches.tranche(10) == []
    with pytest.raises(RuntimeError, match="fini"):
        par_tranches.pas()


def test_ordre_des_mots_comme_microgpt():
    run = Entrainement(MOTS, PETITE, etapes=100, graine=5)
    assert sorted(run.mots) == sorted(MOTS)
    assert run.mots != MOTS  # shuffled once with the seed
    vus = [run.pas()["mots"] for _ in range(len(MOTS) + 2)]
    assert vus == [[run.mots[e % len(MOTS)]] for e in range(len(MOTS) + 2)]
    lots = Entrainement(MOTS, PETITE, etapes=100, batch=3, graine=5)
    assert lots.mots == run.mots
    assert lots.pas()["mots"] == run.mots[:3]
    assert lots.mots_de_l_etape(9) == [run.mots[27], run.mots[0], run.mots[1]]


def test_stats_d_une_etape():
    run = Entrainement(MOTS, PETITE, lr=0.02, etapes=4, graine=0)
    stats = [run.pas() for _ in range(4)]
    assert [s["etape"] for s in stats] == [1, 2, 3, 4]
    assert [s["lr"] for s in stats] == pytest.approx([0.02, 0.015, 0.01, 0.005])
    assert stats[-1]["perte_moyenne"] == pytest.approx(sum(s["perte"] for s in stats) / 4)
    assert all(s["etapes"] == 4 for s in stats)


def test_l_entrainement_fait_baisser_la_perte():
    run = Entrainement(MOTS, PETITE, lr=0.02, etapes=300, batch=4, graine=0)
    avant = perte_validation(run.poids, PETITE, MOTS)
    assert avant == pytest.approx(math.log(27), abs=0.2)
    run.tranche(300)
    assert perte_validation(run.poids, PETITE, MOTS) < avant - 0.8


def test_perte_validation_moyenne_par_jeton():
    poids = gpt.init_poids(PETITE, 2)
    mots = ["ab", "louise"]
    total, nombre = 0.0, 0
    for mot in mots:
        jetons = formater_training(mot)
        for i in range(1, len(jetons)):
            probas = gpt.probabilites_suivantes(poids, PETITE, jetons[:i])
            total -= math.log(probas[jetons[i]])
            nombre += 1
    assert perte_validation(poids, PETITE, mots) == pytest.approx(total / nombre, rel=1e-12)
    assert math.isnan(perte_validation(poids, PETITE, []))


def test_entrainement_refuse_les_mauvais_reglages():
    with pytest.raises(ValueError):
        Entrainement([], PETITE)
    with pytest.raises(ValueError):
        Entrainement(MOTS, PETITE, batch=0)
    with pytest.raises(ValueError):
        Entrainement(MOTS, PETITE, etapes=0)
    with pytest.raises(ValueError):
        Entrainement(MOTS, PETITE, vocab=Vocabulaire("abc"))
    with pytest.raises(ErreurDonnees, match="ligne 2"):
        Entrainement(["emma", "zoé"], PETITE)


def test_adam_lr_lineaire_et_premier_pas():
    poids = {"w": [[1.0, -1.0, 0.5]]}
    adam = Adam(poids, lr=0.1, etapes=4)
    lr = adam.appliquer(poids, {"w": [[0.3, -2.0, 0.0]]})
    assert lr == 0.1
    # first step: m̂/√v̂ = sign(g), so each weight moves by lr against its gradient
    assert poids["w"][0] == pytest.approx([0.9, -0.9, 0.5], abs=1e-6)
    assert [adam.appliquer(poids, {"w": [[0.0] * 3]}) for _ in range(3)] == pytest.approx(
        [0.075, 0.05, 0.025]
    )
    assert adam.taux() == 0.0
    copie = Adam(poids, lr=0.1, etapes=4)
    copie.restaurer(adam.etat())
    assert copie.etat() == adam.etat()


# --- generation -------------------------------------------------------------


@pytest.fixture(scope="module")
def modele():
    run = Entrainement(MOTS, PETITE, lr=0.02, etapes=200, batch=4, graine=0)
    run.tranche(200)
    return run.poids


def test_meme_graine_memes_mots(modele):
    assert generer(modele, PETITE, n=10, graine=4) == generer(modele, PETITE, n=10, graine=4)
    assert generer(modele, PETITE, n=10, graine=4) != generer(modele, PETITE, n=10, graine=5)


def test_temperature_tres_basse_donne_le_plus_probable(modele):
    glouton = generer(modele, PETITE, n=3, temperature=0)
    assert len(set(glouton)) == 1  # no chance at all: always the same word
    assert generer(modele, PETITE, n=5, temperature=1e-4, graine=9) == glouton[:1] * 5
    # the greedy word follows the most probable token at every position
    mot = glouton[0]
    jetons = formater_training(mot)
    for i in range(1, len(jetons)):
        probas = gpt.probabilites_suivantes(modele, PETITE, jetons[:i])
        assert probas.index(max(probas)) == jetons[i]


def test_temperature_haute_donne_plus_de_variete(modele):
    froids = generer(modele, PETITE, n=60, temperature=0.2, graine=1)
    chauds = generer(modele, PETITE, n=60, temperature=2.0, graine=1)
    assert len(set(chauds)) > len(set(froids))


def test_prefixe_garde_et_longueur_limitee(modele):
    mots = generer(modele, PETITE, n=20, temperature=1.0, prefixe="ma", graine=2)
    assert all(m.startswith("ma") for m in mots)
    assert all(len(m) <= PETITE.block_size for m in mots)
    chauds = generer(modele, PETITE, n=50, temperature=50.0, graine=3)
    assert all(len(m) <= PETITE.block_size for m in chauds)


def test_prefixe_refuse(modele):
    with pytest.raises(ErreurDonnees, match="ne connaît pas"):
        generer(modele, PETITE, prefixe="Zoé")
    with pytest.raises(ErreurDonnees, match="trop long"):
        generer(modele, PETITE, prefixe="a" * 8)
    with pytest.raises(ValueError):
        generer(modele, PETITE, temperature=-1)


# --- saving -----------------------------------------------------------------


def test_sauvegarde_aller_retour(tmp_path, modele):
    chemin = sauvegarder(tmp_path / "modele.json", modele, PETITE, VOCAB_STANDARD, {"etapes": 200})
    relu = charger(chemin)
    assert relu.poids == modele  # bit for bit
    assert relu.config == PETITE
    assert relu.vocab == VOCAB_STANDARD
    assert relu.infos == {"etapes": 200}
    assert generer(relu.poids, relu.config, relu.vocab, n=5) == generer(modele, PETITE, n=5)
    assert [p.name for p in tmp_path.iterdir()] == ["modele.json"]  # no temporary file left


def test_sauvegarde_vocabulaire_accents(tmp_path):
    vocab = Vocabulaire("aeéz")
    config = gpt.Config(n_embd=4, n_head=1, n_layer=1, block_size=4, vocab_size=len(vocab))
    poids = gpt.init_poids(config)
    relu = charger(sauvegarder(tmp_path / "m.json", poids, config, vocab))
    assert relu.vocab == vocab


def _ecrit(tmp_path, contenu, binaire=False):
    chemin = tmp_path / "abime.json"
    if binaire:
        chemin.write_bytes(contenu)
    else:
        chemin.write_text(contenu if isinstance(contenu, str) else json.dumps(contenu))
    return chemin


def _valide(modele):
    return {
        "format": "tuto-llm-gpt",
        "version": 1,
        "config": PETITE.vers_dict(),
        "vocab": VOCAB_STANDARD.jetons,
        "poids": modele,
    }


@pytest.mark.parametrize(
    "abimer",
    [
        lambda d: "ceci n'est pas du JSON",
        lambda d: [1, 2, 3],
        lambda d: {**d, "format": "autre-chose"},
        lambda d: {**d, "version": 99},
        lambda d: {**d, "config": {"n_embd": 8}},
        lambda d: {**d, "config": {**d["config"], "n_head": 3}},
        lambda d: {**d, "vocab": ["a", "b"]},
        lambda d: {**d, "poids": {}},
        lambda d: {**d, "poids": {**d["poids"], "wte": [[0.0] * 8]}},
        lambda d: {**d, "poids": {**d["poids"], "wpe": [["x"] * 8] * 8}},
    ],
)
def test_mauvais_fichier_de_poids(tmp_path, modele, abimer):
    chemin = _ecrit(tmp_path, abimer(_valide(modele)))
    with pytest.raises(ErreurSauvegarde, match="n'est pas un modèle que je sais lire"):
        charger(chemin)


def test_fichier_de_poids_absent_ou_binaire(tmp_path):
    with pytest.raises(ErreurDonnees, match="Je ne trouve pas"):
        charger(tmp_path / "absent.json")
    with pytest.raises(ErreurSauvegarde, match="UTF-8"):
        charger(_ecrit(tmp_path, b"\xff\xfe\x00garbage", binaire=True))
    assert issubclass(ErreurSauvegarde, ErreurDonnees)


def test_validation_reports_its_progress_on_a_long_list():
    """Issue #22: a 43,000-word validation took minutes with nothing shown."""
    from engine.entrainement import perte_validation
    from engine.gpt import Config, init_poids

    config = Config(vocab_size=27, n_embd=4, n_head=1, n_layer=1, block_size=8)
    poids = init_poids(config, 1)
    vus = []
    perte = perte_validation(poids, config, ["ana"] * 1200, progres=lambda f, t: vus.append((f, t)))
    assert vus == [(0, 1200), (500, 1200), (1000, 1200)]
    assert perte == perte_validation(poids, config, ["ana"] * 1200)
