"""The level contract, checked for every level of the registry (no level is named here).

A new level added to `levels/registry.py` is checked by this file without touching it:
the solver earns three stars and its log verifies, a log cut before the goal does not,
a refused action changes nothing, random legal actions never raise, the « sous le capot »
functions have code to show, both catalogs have every key the game reads, and the view
draws at the three text sizes. `levels.contrat` does the fast part at load time.
"""

import copy
import inspect
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_levels_base import VALEURS_BIZARRES, Horloge, ouvrir_niveau

from levels import registry
from levels.base import (
    ActionRefusee,
    Niveau,
    Partie,
    normaliser_action,
    rejouer,
)
from levels.contrat import (
    NiveauIncomplet,
    charger,
    cles_requises,
    problemes_du_niveau,
    textes_du_niveau,
)

NIVEAUX = registry.niveaux()
IDS = [niveau.id for niveau in NIVEAUX]
GRAINE = 3


@pytest.fixture(scope="module", params=NIVEAUX, ids=IDS)
def niveau(request):
    return request.param


_SOLUTIONS = {}


def solution(niveau):
    """The solver played live (once per level): (partie, log, index of the goal action)."""
    if niveau.id not in _SOLUTIONS:
        partie = Partie(niveau, GRAINE, horloge=Horloge())
        au_but = None
        for numero, action in enumerate(niveau.resoudre(GRAINE)):
            assert partie.jouer(action) is None, f"the solver's action is refused: {action}"
            if au_but is None and partie.termine():
                au_but = numero
        _SOLUTIONS[niveau.id] = (partie, json.loads(json.dumps(partie.journal())), au_but)
    return _SOLUTIONS[niveau.id]


def test_the_declaration_is_complete(niveau):
    assert problemes_du_niveau(niveau) == []


def test_the_solver_earns_three_stars_and_its_log_verifies(niveau):
    solveur_verifie(niveau)


def test_a_log_cut_before_the_goal_does_not_verify(niveau):
    coupe_refusee(niveau)


@pytest.mark.parametrize("niveau", NIVEAUX, ids=IDS)
def test_random_actions_never_raise_and_refusals_change_nothing(niveau):
    hasard_sans_danger(niveau)


def test_the_under_the_hood_functions_exist(niveau):
    capot_lisible(niveau)


def test_every_engine_function_the_capot_text_names_is_shown(niveau):
    """« Sous le capot » shows what it says (issue #19): a function named in the text
    (« perte_et_gradients ») is one the panel shows."""
    from levels.contrat import fonctions_du_capot_absentes

    assert fonctions_du_capot_absentes(niveau) == []


def test_the_sandbox_capot_shows_what_it_names():
    from levels.bac_a_sable.logic import NIVEAU as bac
    from levels.contrat import fonctions_du_capot_absentes

    assert fonctions_du_capot_absentes(bac) == []


@pytest.mark.parametrize("langue", ["fr", "en"])
def test_both_catalogs_have_every_required_key(niveau, langue):
    textes_complets(niveau, langue)


def test_the_view_draws_at_the_three_text_sizes(niveau):
    vue_aux_trois_tailles(niveau)


def test_a_copied_sixth_level_meets_the_contract(sixth_level):
    """A new level (a copy of level 2 added to the registry) is checked the same way."""
    from levels import registry as registre

    assert registre.niveaux()[-1] is sixth_level
    assert problemes_du_niveau(sixth_level) == []
    solveur_verifie(sixth_level)
    coupe_refusee(sixth_level)
    hasard_sans_danger(sixth_level)
    capot_lisible(sixth_level)
    for langue in ("fr", "en"):
        textes_complets(sixth_level, langue)
    vue_aux_trois_tailles(sixth_level)


# --- the checks ------------------------------------------------------------------------


def solveur_verifie(niveau):
    partie, journal, au_but = solution(niveau)
    assert au_but is not None, "the solver reaches the goal"
    assert niveau.etoiles(partie.etat) == [True, True, True]
    verdict = rejouer(journal, {niveau.id: niveau})
    assert verdict.valide and verdict.termine and verdict.actions_refusees == 0
    assert verdict.etoiles == [True, True, True]
    for cle, valeur in niveau.mesures(partie.etat).items():
        assert verdict.mesures[cle] == pytest.approx(valeur, abs=1e-9), cle


def coupe_refusee(niveau):
    _, journal, au_but = solution(niveau)
    coupe = copy.deepcopy(journal)
    coupe["actions"] = coupe["actions"][:au_but]
    coupe["annonce"]["termine"] = True  # what the file claims is never believed
    verdict = rejouer(coupe, {niveau.id: niveau})
    assert not verdict.valide and verdict.etoiles == [False, False, False]


def _valeurs_du_solveur(niveau):
    """The fields and values the solver uses: random actions mix them with odd values."""
    valeurs = {"question": [], "choix": [0, 1, 2], "numero": [0, 1, 3, 4]}
    valeurs["question"] += list(niveau.questions)
    for action in niveau.resoudre(GRAINE):
        for cle, valeur in action.items():
            if cle != "type":
                valeurs.setdefault(cle, []).append(valeur)
    return {cle: [v for v in vues if v is not None] or [0] for cle, vues in valeurs.items()}


def actions_au_hasard(niveau):
    champs = _valeurs_du_solveur(niveau)
    valeur = {
        cle: st.one_of(st.sampled_from(vues), VALEURS_BIZARRES) for cle, vues in champs.items()
    }
    return st.builds(
        lambda genre, extra: {"type": genre, **extra},
        st.one_of(st.sampled_from(niveau.types_d_action()), st.text(max_size=8)),
        st.fixed_dictionaries({}, optional=valeur),
    )


def hasard_sans_danger(niveau):
    depart = solution(niveau)[0].actions[: max(0, len(solution(niveau)[0].actions) // 2)]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.lists(actions_au_hasard(niveau), max_size=12), st.booleans())
    def essai(actions, a_mi_chemin):
        etat = niveau.nouvel_etat(GRAINE)
        if a_mi_chemin:  # from half-way through the solver's game, not only from the start
            for _, action in depart:
                niveau.appliquer(etat, action)
        for action in actions:
            try:
                action = normaliser_action(action)
            except ActionRefusee:
                continue
            avant = copy.deepcopy(etat)
            try:
                niveau.appliquer(etat, action)
            except ActionRefusee as refus:
                assert str(refus), "a refusal says why"
                assert etat == avant, f"the refused action {action} changed the state"

    essai()


def capot_lisible(niveau):
    assert niveau.fonctions_capot
    for fonction in niveau.fonctions_capot:
        assert callable(fonction)
        assert inspect.getsource(fonction).lstrip().startswith(("def ", "@"))


def textes_complets(niveau, langue):
    textes = textes_du_niveau(niveau, langue)
    manquantes = [cle for cle in cles_requises(niveau) if not textes.get(cle)]
    assert manquantes == [], f"textes.{langue}.toml"


def vue_aux_trois_tailles(niveau):
    app, hote = ouvrir_niveau(niveau.id, graine=GRAINE)
    try:
        for taille in (0, 1, 2):
            app.theme.configure(text_size=taille)
            hote.rebuild()
            for _ in range(2):
                app.step(dt=1 / 60)
            zone = app.logical.subsurface(hote.view.area)
            couleurs = {
                zone.get_at((x, y))[:3]
                for x in range(0, zone.get_width(), 23)
                for y in range(0, zone.get_height(), 17)
            }
            assert len(couleurs) > 3, f"the view draws almost nothing at text size {taille}"
        assert app.crashes == 0
    finally:
        app.close()


# --- the load-time check names the level and what is missing --------------------------


class Incomplet(Niveau):
    id = "l9_essai"
    numero = 9
    titre = "Essai"
    concept = ("essai", "test")
    action = {"pousser": print}  # misspelt: the table is `actions`

    def nouvel_etat(self, graine):
        return None

    def mesure(self, etat):  # misspelt: `mesures`
        return {}

    def resoudre(self, graine):
        return []


Incomplet.__module__ = "levels.l1_devine.logic"  # borrow a folder with texts and a view


def test_a_badly_declared_level_is_explained_at_load(monkeypatch):
    import levels.l1_devine.logic as module

    monkeypatch.setattr(module, "NIVEAU", Incomplet())
    with pytest.raises(NiveauIncomplet) as erreur:
        charger("levels.l1_devine.logic")
    message = str(erreur.value)
    assert "l9_essai" in message and "levels.l1_devine.logic" in message
    assert "`mesures`" in message and "tu voulais dire `mesure`" in message
    assert "`actions`" in message and "tu voulais dire `action`" in message
    assert "fonctions_capot" in message


def test_a_missing_module_or_level_object_is_explained(monkeypatch):
    with pytest.raises(NiveauIncomplet, match="levels.l9_absent.logic"):
        charger("levels.l9_absent.logic")
    import levels.l1_devine.logic as module

    monkeypatch.delattr(module, "NIVEAU")
    monkeypatch.setattr(module, "NIVEAUX", 1, raising=False)
    with pytest.raises(NiveauIncomplet, match="tu voulais dire `NIVEAUX`"):
        charger("levels.l1_devine.logic")
