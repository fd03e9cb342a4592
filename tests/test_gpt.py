"""The fast GPT (engine.gpt) against the Valeur reference (engine.gpt_valeur)."""

import math
import random

import pytest

from engine import gpt, gpt_valeur, marche_arriere
from engine.autograd import Valeur

TOLERANCE = 1e-9


def config_au_hasard(rng):
    """A small random configuration: 1–2 layers, 1–4 heads."""
    n_head = rng.randint(1, 4)
    return gpt.Config(
        n_embd=n_head * rng.randint(1, 4),
        n_head=n_head,
        n_layer=rng.randint(1, 2),
        block_size=rng.randint(2, 7),
        vocab_size=rng.randint(3, 9),
    )


def sequence_au_hasard(rng, config, longueur):
    """[0, lettres…, 0] like `formater_training`, with `longueur` tokens in all."""
    return [0, *(rng.randrange(1, config.vocab_size) for _ in range(longueur - 2)), 0]


@pytest.mark.parametrize("graine", range(12))
def test_gradients_rapides_egaux_a_ceux_de_valeur(graine):
    rng = random.Random(graine)
    config = config_au_hasard(rng)
    poids = gpt.init_poids(config, graine)
    # several lengths: short, exactly the context, longer than the context (truncated)
    for longueur in (2, 3, config.block_size + 1, config.block_size + 4):
        jetons = sequence_au_hasard(rng, config, longueur)
        perte, grads = marche_arriere.perte_et_gradients(poids, config, jetons)
        perte_ref, grads_ref = gpt_valeur.perte_et_gradients(poids, config, jetons)
        assert perte == pytest.approx(perte_ref, rel=TOLERANCE)
        assert gpt_valeur.ecart_relatif_max(grads, grads_ref) < TOLERANCE
        assert grads.keys() == poids.keys()


def test_gradients_sur_des_poids_plus_grands():
    """Larger weights give sharper attention and dead ReLUs: still the same gradients."""
    rng = random.Random(7)
    config = gpt.Config(n_embd=8, n_head=2, n_layer=2, block_size=6, vocab_size=6)
    poids = gpt.init_poids(config, 3)
    poids = {nom: [[x * 10 for x in ligne] for ligne in m] for nom, m in poids.items()}
    jetons = sequence_au_hasard(rng, config, 7)
    _, grads = marche_arriere.perte_et_gradients(poids, config, jetons)
    _, grads_ref = gpt_valeur.perte_et_gradients(poids, config, jetons)
    assert gpt_valeur.ecart_relatif_max(grads, grads_ref) < TOLERANCE


def test_ecart_relatif_max():
    a = {"w": [[1.0, 0.0, 1e-12]]}
    assert gpt_valeur.ecart_relatif_max(a, a) == 0
    b = {"w": [[1.0 + 1e-10, 0.0, 1.5e-12]]}
    # under the floor, a gap is measured against the floor, not against almost nothing
    assert gpt_valeur.ecart_relatif_max(a, b, plancher=1e-2) == pytest.approx(1e-10, rel=1e-3)
    assert gpt_valeur.ecart_relatif_max(a, b, plancher=1e-13) == pytest.approx(1 / 3)
    c = {"w": [[1.1, 0.0, 1e-12]]}
    assert gpt_valeur.ecart_relatif_max(a, c) == pytest.approx(0.1 / 1.1)


def test_lot_egal_a_la_moyenne_des_sequences():
    config = gpt.Config(n_embd=8, n_head=2, n_layer=1, block_size=5, vocab_size=7)
    poids = gpt.init_poids(config, 1)
    sequences = [[0, 1, 2, 0], [0, 3, 0], [0, 4, 5, 6, 1, 2, 3, 0]]
    perte, grads = marche_arriere.perte_et_gradients_lot(poids, config, sequences)
    seules = [marche_arriere.perte_et_gradients(poids, config, s) for s in sequences]
    assert perte == pytest.approx(sum(p for p, _ in seules) / 3, rel=1e-12)
    moyenne = {
        nom: [
            [sum(g[nom][i][j] for _, g in seules) / 3 for j in range(len(ligne))]
            for i, ligne in enumerate(m)
        ]
        for nom, m in grads.items()
    }
    assert gpt_valeur.ecart_relatif_max(grads, moyenne) < 1e-12
    perte_ref, grads_ref = gpt_valeur.perte_et_gradients_lot(poids, config, sequences)
    assert perte == pytest.approx(perte_ref, rel=TOLERANCE)
    assert gpt_valeur.ecart_relatif_max(grads, grads_ref) < TOLERANCE


def test_sequence_coupee_au_contexte():
    config = gpt.Config(n_embd=4, n_head=1, n_layer=1, block_size=3, vocab_size=5)
    poids = gpt.init_poids(config, 0)
    longue = [0, 1, 2, 3, 4, 1, 0]
    assert gpt.longueur_utile(config, longue) == 3
    assert marche_arriere.perte_et_gradients(poids, config, longue)[0] == pytest.approx(
        marche_arriere.perte_et_gradients(poids, config, longue[:4])[0], rel=1e-15
    )
    with pytest.raises(ValueError):
        marche_arriere.perte_et_gradients(poids, config, [0])


def test_init_poids_comme_microgpt():
    config = gpt.Config()
    poids = gpt.init_poids(config, 42)
    assert list(poids) == [
        "wte",
        "wpe",
        "lm_head",
        "layer0.attn_wq",
        "layer0.attn_wk",
        "layer0.attn_wv",
        "layer0.attn_wo",
        "layer0.mlp_fc1",
        "layer0.mlp_fc2",
    ]
    assert len(poids["layer0.mlp_fc1"]) == 64
    assert len(poids["layer0.mlp_fc2"][0]) == 64
    assert gpt.nombre_parametres(config) == 4192
    tous = [x for m in poids.values() for ligne in m for x in ligne]
    ecart_type = math.sqrt(sum(x * x for x in tous) / len(tous))
    assert 0.07 < ecart_type < 0.09
    assert poids == gpt.init_poids(config, 42)
    assert poids != gpt.init_poids(config, 43)


@pytest.mark.parametrize(
    "tailles",
    [
        {"n_embd": 10, "n_head": 4},
        {"n_embd": 0},
        {"n_layer": -1},
        {"block_size": 10**6},
        {"n_head": 2.5},
        {"vocab_size": True},
    ],
)
def test_config_impossible(tailles):
    with pytest.raises(ValueError):
        gpt.Config(**tailles)


def test_config_aller_retour():
    config = gpt.Config(n_embd=12, n_head=3, n_layer=2, block_size=8, vocab_size=30)
    assert gpt.Config.depuis_dict(config.vers_dict()) == config
    assert config.head_dim == 4


def test_softmax():
    probas = gpt.softmax([1.0, 2.0, 3.0])
    assert sum(probas) == pytest.approx(1.0)
    assert probas[2] > probas[1] > probas[0]
    assert gpt.softmax([1000.0, 1000.0]) == [0.5, 0.5]  # no overflow


def test_rmsnorm():
    y = gpt.rmsnorm([3.0, -4.0])
    assert sum(v * v for v in y) / 2 == pytest.approx(1.0, rel=1e-5)


def test_attention_une_tete_une_position():
    requete = [1.0, 0.0]
    cles = [[1.0, 0.0], [0.0, 1.0], [2.0, 0.0]]
    valeurs = [[1.0, 0.0], [0.0, 1.0], [5.0, 5.0]]
    poids, sortie = gpt.attention(requete, cles, valeurs)
    assert len(poids) == 3
    assert sum(poids) == pytest.approx(1.0)
    assert poids[2] > poids[0] > poids[1]  # the key most like the question wins
    racine = math.sqrt(2)
    attendus = gpt.softmax([1 / racine, 0.0, 2 / racine])
    assert poids == pytest.approx(attendus)
    for j in range(2):
        assert sortie[j] == pytest.approx(
            sum(p * v[j] for p, v in zip(poids, valeurs, strict=True))
        )
    # only one visible pupil (the first position): it gets all the attention
    assert gpt.attention([0.3, 0.7], [[1.0, 2.0]], [[4.0, 5.0]]) == ([1.0], [4.0, 5.0])


def test_le_gpt_utilise_vraiment_attention(monkeypatch):
    config = gpt.Config(n_embd=8, n_head=2, n_layer=2, block_size=6, vocab_size=5)
    poids = gpt.init_poids(config, 0)
    appels = []
    vraie = gpt.attention

    def espionne(requete, cles, valeurs):
        appels.append(len(cles))
        return vraie(requete, cles, valeurs)

    monkeypatch.setattr(gpt, "attention", espionne)
    monkeypatch.setattr(marche_arriere, "attention", espionne)  # training uses the same one
    gpt.probabilites_suivantes(poids, config, [0, 1, 2])
    # 3 positions × 2 layers × 2 heads, each seeing the past and itself
    assert sorted(appels) == sorted([1, 2, 3] * 4)
    appels.clear()
    marche_arriere.perte_et_gradients(poids, config, [0, 1, 2, 0])
    assert len(appels) == 3 * 2 * 2


def test_probabilites_suivantes_comme_la_reference():
    config = gpt.Config(n_embd=8, n_head=2, n_layer=2, block_size=6, vocab_size=7)
    poids = gpt.init_poids(config, 5)
    contexte = [0, 3, 1, 4]
    probas = gpt.probabilites_suivantes(poids, config, contexte)
    assert sum(probas) == pytest.approx(1.0)
    poids_v = gpt_valeur.vers_valeurs(poids)
    cles, valeurs = [[], []], [[], []]
    for position, jeton in enumerate(contexte):
        logits = gpt_valeur.gpt(poids_v, config, jeton, position, cles, valeurs)
    attendues = [p.data for p in gpt_valeur.softmax(logits)]
    assert probas == pytest.approx(attendues, rel=1e-12)
    # a context longer than block_size: only the last block_size tokens count
    long = [0, 1, 2, 3, 4, 5, 6, 1, 2]
    assert gpt.probabilites_suivantes(poids, config, long) == gpt.probabilites_suivantes(
        poids, config, long[-6:]
    )
    with pytest.raises(ValueError):
        gpt.probabilites_suivantes(poids, config, [])


def test_reference_valeur_perte_est_une_valeur():
    config = gpt.Config(n_embd=4, n_head=2, n_layer=1, block_size=4, vocab_size=4)
    perte = gpt_valeur.perte(gpt_valeur.vers_valeurs(gpt.init_poids(config)), config, [0, 1, 0])
    assert isinstance(perte, Valeur)
    assert perte.data == pytest.approx(math.log(4), abs=0.3)
