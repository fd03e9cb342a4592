"""Issue #9: every level demands understanding (audit players, questions, old proofs)."""

import copy
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.commands import audit
from levels import questions, registry
from levels.base import ActionRefusee, rejouer

NIVEAUX = registry.niveaux()
RAPIDES = [n for n in NIVEAUX if n.numero < 5]  # level 5 trains a GPT: one seed, below


@pytest.mark.parametrize("niveau", RAPIDES, ids=lambda n: n.id)
@pytest.mark.parametrize("graine", [0, 1])
def test_random_loses_hints_and_solver_win(niveau, graine):
    resultat = audit.audit_seed(niveau.id, graine)
    assert resultat["solver_wins"]
    assert resultat["hint_win"], "doing what the three hints say must reach the goal"
    assert not resultat["random_win"], "random clicking must not reach the goal"


def test_level5_hint_player_wins_and_defaults_do_not():
    niveau = registry.niveau_numero(5)
    assert audit._hint_player(niveau, 0)
    etat = niveau.nouvel_etat(0)
    for position, bloc in enumerate(("plongements", "attention", "mlp", "sortie")):
        niveau.appliquer(etat, {"type": "placer", "bloc": bloc, "position": position})
    niveau.appliquer(etat, {"type": "entrainer", "etapes": etat.reglages["etapes"]})
    assert not niveau.est_termine(etat), "the starting settings must not pass"
    with pytest.raises(ActionRefusee):
        niveau.appliquer(etat, {"type": "regler", "parametre": "etapes", "valeur": 3000})


@pytest.mark.parametrize("niveau", NIVEAUX, ids=lambda n: n.id)
def test_question_pool_and_texts(niveau):
    assert len(niveau.questions) >= 3
    assert niveau.predictions and set(niveau.predictions) <= set(niveau.questions)
    for langue in ("fr", "en"):
        textes = niveau.textes(langue)["questions"]
        tailles = {len(textes[q]["choix"]) for q in niveau.questions}
        assert tailles == {3}, "same number of choices everywhere: positions stay uniform"
        for q in niveau.questions:
            assert textes[q]["texte"] and textes[q]["explication"]
            # (issue 19: the right answer must be the longest 20-50 % of the time over the
            # seeds, not never — measured over the posed questions, see tests/l5_mesures.py)


@settings(max_examples=60, deadline=None)
@given(graine=st.integers(0, 2**63 - 1))
def test_questions_chosen_and_shuffled_by_the_seed(graine):
    for niveau in NIVEAUX:
        choisies = questions.choisir_questions(niveau, graine)
        assert 1 <= len(choisies) <= 2 and len(set(choisies)) == len(choisies)
        assert choisies[0] in niveau.predictions
        assert choisies == questions.choisir_questions(niveau, graine)  # replayable
        for q in choisies:
            ordre = questions.ordre_des_choix(niveau, graine, q, 3)
            assert sorted(ordre) == [0, 1, 2]


def test_right_answer_is_in_every_position_about_equally():
    for niveau in NIVEAUX:
        compte = [0, 0, 0]
        for graine in range(300):
            for q in questions.choisir_questions(niveau, graine):
                compte[questions.ordre_des_choix(niveau, graine, q, 3).index(0)] += 1
        assert max(compte) <= 2 * min(compte), (niveau.id, compte)


def test_prediction_is_computed_from_the_kids_own_state():
    """Two kids with different tables get different right answers (a copy is a guess)."""
    from levels.l1_devine import logic

    niveau = registry.niveau_numero(1)
    cartes = list(logic._pioche(3))
    reponses = set()
    for debut in (0, 40, 80, 120):
        etat = niveau.nouvel_etat(3)
        for prenom in cartes[debut : debut + 12]:
            niveau.appliquer(etat, {"type": "nourrir", "prenom": prenom})
        calcul = niveau.calculer_question(etat, "predire_lettre")
        reponses.add((calcul["valeurs"]["lettre"], calcul["choix"][calcul["bonne"]]))
    assert len(reponses) > 1


def test_answers_need_a_posed_question_and_only_the_first_counts():
    niveau = registry.niveau_numero(4)
    actions = niveau.resoudre(2)
    etat = niveau.nouvel_etat(2)
    for action in actions:
        if action["type"] not in ("poser", "repondre"):
            niveau.appliquer(etat, action)
    with pytest.raises(ActionRefusee):
        niveau.appliquer(etat, {"type": "repondre", "question": "futur", "choix": 0})
    niveau.appliquer(etat, {"type": "poser"})
    with pytest.raises(ActionRefusee):
        niveau.appliquer(etat, {"type": "poser"})
    posee = etat.posees[0]
    faux = (posee["bonne"] + 1) % 3
    niveau.appliquer(etat, {"type": "repondre", "question": posee["id"], "choix": faux})
    niveau.appliquer(etat, {"type": "repondre", "question": posee["id"], "choix": posee["bonne"]})
    assert niveau.etoiles(etat)[2] is False


def test_old_version_proof_is_refused_in_french():
    niveau = registry.niveau_numero(2)
    journal = {"format": 1, "jeu": "tuto-llm", "niveau": niveau.id, "graine": 1, "actions": []}
    verdict = rejouer(journal, registry.par_id())
    assert not verdict.valide
    assert "ancienne version du jeu (version 1)" in verdict.raison


def test_level1_names_with_hyphens_apostrophes_accents():
    from levels.l1_devine.logic import prenom_lu

    niveau = registry.niveau_numero(1)
    etat = niveau.nouvel_etat(0)
    niveau.appliquer(etat, {"type": "nourrir", "prenom": "Jean-Pierre"})
    niveau.appliquer(etat, {"type": "nourrir", "prenom": "N'Golo"})
    assert etat.prenoms[-2:] == ["jeanpierre", "ngolo"]
    assert prenom_lu("Zoé") == "zoe"
    with pytest.raises(ActionRefusee, match="lettres"):
        prenom_lu("R2D2")


def test_level3_letters_never_hide_each_other():
    niveau = registry.niveau_numero(3)
    etat = niveau.nouvel_etat(0)
    niveau.appliquer(etat, {"type": "deplacer", "lettre": "a", "x": 8.0, "y": 7.0})
    niveau.appliquer(etat, {"type": "deplacer", "lettre": "e", "x": 8.0, "y": 7.0})
    a, e = etat.places[1], etat.places[5]
    assert ((a[0] - e[0]) ** 2 + (a[1] - e[1]) ** 2) ** 0.5 >= 0.5


def test_level2_machine_waits_for_the_kids_own_pushes():
    niveau = registry.niveau_numero(2)
    etat = niveau.nouvel_etat(0)
    with pytest.raises(ActionRefusee, match="toi-même"):
        niveau.appliquer(etat, {"type": "entrainer", "vitesse": 3, "etapes": 10})


def test_audit_command_prints_json_on_its_last_line(capsys):
    from game.cli import main

    assert main(["audit", "--json", "--seeds", "2", "--niveau", "4", "--processus", "1"]) == 0
    derniere = capsys.readouterr().out.strip().splitlines()[-1]
    figures = json.loads(derniere)["levels"]["l4_attention"]
    assert figures["random_win_rate"] == 0 and figures["hint_player_win_rate"] == 1
    assert figures["questions"]["pool"] >= 3
    assert sum(figures["questions"]["answer_position_counts"]) == 4


def test_random_player_only_plays_legal_actions_mostly():
    """The random players draw real actions of their level (few refusals)."""
    for niveau in RAPIDES:
        etat = niveau.nouvel_etat(0)
        hasard = random.Random(0)
        refus = 0
        for _ in range(60):
            try:
                niveau.appliquer(etat, niveau.joueur_hasard(copy.deepcopy(etat), hasard))
            except ActionRefusee:
                refus += 1
        assert refus < 30, niveau.id


def test_one_way_of_writing_the_size_of_the_names_list():
    """« 26 000 », « plus de 24 000 », « 26 694 mots »: one figure everywhere, the real one."""
    import re
    from pathlib import Path

    from engine.donnees import charger_dataset

    vrai = len(charger_dataset("prenoms"))
    racine = Path(__file__).resolve().parent.parent
    for chemin in racine.glob("levels/*/textes.*.toml"):
        for nombre in re.findall(
            r"(\d{1,3}(?:[  ,]\d{3})+)\s+(?:prénoms|French first names|names)",
            chemin.read_text("utf-8"),
        ):
            assert int(re.sub(r"\D", "", nombre)) == vrai, (chemin.name, nombre)


def test_learning_by_heart_is_told():
    """Sandbox: 0,5 on its own words and 8,56 on new ones is « appris par cœur »."""
    from levels.atelier import logique as atelier

    etat = atelier.EtatAtelier(graine=0, pertes=[0.5] * 60, perte_val=8.56)
    assert atelier.appris_par_coeur(etat)
    etat = atelier.EtatAtelier(graine=0, pertes=[2.4] * 60, perte_val=2.45)
    assert not atelier.appris_par_coeur(etat)
    assert not atelier.appris_par_coeur(atelier.EtatAtelier(graine=0))
