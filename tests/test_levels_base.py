"""The level framework (levels/base.py) and the registry, on a toy level."""

import copy
import pickle
import tomllib
from dataclasses import dataclass

import pytest
from hypothesis import strategies as st

from levels import base, questions, registry
from levels.base import (
    ActionRefusee,
    EtatNiveau,
    Niveau,
    Objectif,
    Partie,
    lire_entier,
    lire_journal,
    lire_nombre,
    longue,
    normaliser_action,
    rejouer,
)


@dataclass
class EtatJouet(EtatNiveau):
    total: float = 0.0
    pas: int = 0


class Jouet(Niveau):
    """Add numbers until the total reaches 10; "compter" adds 1 per step, in slices."""

    id = "jouet"
    numero = 99
    titre = "Jouet"
    concept = ("jouet", "toy")
    objectif = Objectif("total", 10.0, "sur")
    defi = Objectif("actions", 3, "sous")
    questions = ("q", "r", "s")
    predictions = ("q",)

    def nouvel_etat(self, graine):
        return EtatJouet(graine=graine, total=float(graine % 3))

    def _ajouter(self, etat, action):
        etat.total += lire_nombre(action, "n", -5, 5)

    def _compter(self, etat, action):
        etapes = lire_entier(action, "etapes", 1, 100)
        for fait in range(1, etapes + 1):
            etat.total += 1
            etat.pas += 1
            yield {"type": "compter", "etapes": fait}

    actions = {"ajouter": _ajouter, "compter": longue(_compter)}

    def mesures(self, etat):
        return {"total": etat.total, "actions": etat.actions, "pas": etat.pas}

    def calculer_question(self, etat, question):
        return {"choix": ["un", "deux", "trois"], "bonne": 1}

    def resoudre(self, graine):
        return [
            {"type": "ajouter", "n": 5},
            {"type": "ajouter", "n": 5},
            *reponses_justes(graine),
        ]


JOUET = Jouet()
NIVEAUX = {"jouet": JOUET}


class Horloge:
    def __init__(self):
        self.t = 0.0

    def __call__(self):
        self.t += 0.5
        return self.t


def partie_jouee(actions, graine=0):
    partie = Partie(JOUET, graine, horloge=Horloge())
    for action in actions:
        partie.jouer(action)
    return partie


def test_objectif_sous_et_sur():
    sous = Objectif("perte", 2.0)
    assert sous.atteint(1.9) and sous.atteint(2.0) and not sous.atteint(2.1)
    assert sous.atteint(2.0000005, tolerance=1e-6)
    assert not sous.atteint(float("nan")) and not sous.atteint(None) and not sous.atteint("1")
    assert not sous.atteint(True)
    sur = Objectif("precision", 0.8, "sur")
    assert sur.atteint(0.9) and not sur.atteint(0.7)


def test_partie_journal_et_rejeu_donnent_les_memes_mesures():
    partie = partie_jouee(JOUET.resoudre(0))
    assert partie.termine()
    journal = partie.journal()
    assert journal["niveau"] == "jouet" and journal["graine"] == 0
    assert [t for t, _ in journal["actions"]] == sorted(t for t, _ in journal["actions"])
    verdict = rejouer(journal, NIVEAUX)
    assert verdict.valide and verdict.termine
    assert verdict.mesures == JOUET.mesures(partie.etat)
    assert verdict.etoiles == [True, True, True]


def test_refus_non_note_et_message_en_francais():
    partie = partie_jouee([])
    assert "« voler »" in partie.jouer({"type": "voler"})
    assert "entre" in partie.jouer({"type": "ajouter", "n": 99})
    assert partie.jouer({"type": "ajouter"}).startswith("« n »")
    assert partie.jouer("pas une action") is not None
    assert partie.jouer({"type": "ajouter", "n": float("nan")}) is not None
    assert partie.actions == []


def test_le_journal_ne_croit_pas_les_annonces():
    partie = partie_jouee([{"type": "ajouter", "n": 1}])
    journal = partie.journal()
    journal["annonce"] = {"termine": True, "etoiles": [True] * 3, "mesures": {"total": 99}}
    verdict = rejouer(journal, NIVEAUX)
    assert not verdict.valide
    assert verdict.etoiles == [False, False, False]


def test_journal_trafique_juge_sur_ce_qu_il_atteint():
    journal = partie_jouee(JOUET.resoudre(0)).journal()
    coupe = copy.deepcopy(journal)
    del coupe["actions"][1]
    assert not rejouer(coupe, NIVEAUX).valide
    modifie = copy.deepcopy(journal)
    modifie["actions"][0][1]["n"] = 500  # hors bornes : aucun bouton ne le donne
    verdict = rejouer(modifie, NIVEAUX)
    assert not verdict.valide and "action n° 1 " in verdict.raison
    graine = copy.deepcopy(journal)
    graine["graine"] = 2  # départ à 2 : 12 >= 10, toujours valide, parce que c'est vrai
    assert rejouer(graine, NIVEAUX).valide
    desordre = copy.deepcopy(journal)
    desordre["actions"].reverse()
    verdict = rejouer(desordre, NIVEAUX)
    assert not verdict.valide and "pas dans l'ordre" in verdict.raison


@pytest.mark.parametrize(
    "journal",
    [
        None,
        [],
        "texte",
        {},
        {"format": 3, "graine": 0, "actions": []},
        {"format": 3, "graine": "0", "actions": []},
        {"format": 3, "graine": True, "actions": []},
        {"format": 3, "graine": -1, "actions": []},
        {"format": 3, "graine": 0},
        {"format": 3, "graine": 0, "actions": [[0]]},
        {"format": 3, "graine": 0, "actions": [[-5, {"type": "ajouter", "n": 1}]]},
        {"format": 3, "graine": 0, "actions": [["0", {"type": "ajouter"}]]},
        {"format": 3, "graine": 0, "actions": [[0, "ajouter"]]},
        {"format": 3, "jeu": "autre", "niveau": "jouet", "graine": 0, "actions": []},
        {"format": 3, "niveau": "inconnu", "graine": 0, "actions": []},
        {"format": 3, "niveau": ["jouet"], "graine": 0, "actions": []},
    ],
)
def test_journaux_mal_formes_refuses_proprement(journal):
    verdict = rejouer(journal, NIVEAUX)
    assert not verdict.valide
    assert verdict.raison


def test_actions_bizarres_comptees_comme_refusees():
    journal = {
        "format": 3,
        "niveau": "jouet",
        "graine": 0,
        "actions": [
            [0, {}],
            [1, {"type": 3}],
            [2, {"type": "ajouter", "n": [1]}],
            [3, {"type": "indice", "numero": 9}],
        ],
    }
    for numero, entree in enumerate(journal["actions"], start=1):  # each one alone
        verdict = rejouer({**journal, "actions": [entree]}, NIVEAUX)
        assert not verdict.valide and "action n° 1 " in verdict.raison, numero
        assert "aucune commande du jeu" in verdict.raison


def test_trop_d_actions():
    journal = {
        "format": 3,
        "niveau": "jouet",
        "graine": 0,
        "actions": [[0, {"type": "x"}]] * (base.MAX_ACTIONS_JOURNAL + 1),
    }
    assert "trop" in rejouer(journal, NIVEAUX).raison


def test_bug_du_niveau_donne_un_verdict_pas_une_exception():
    class Bogue(Jouet):
        def appliquer(self, etat, action):
            raise ZeroDivisionError("oups")

    journal = {
        "format": 3,
        "niveau": "jouet",
        "graine": 0,
        "actions": [[0, {"type": "ajouter", "n": 1}]],
    }
    verdict = rejouer(journal, {"jouet": Bogue()})
    assert not verdict.valide and "action n° 1" in verdict.raison
    assert "ZeroDivisionError" not in verdict.raison  # French only; the Python text is logged


def test_indices_notes_sans_bloquer_les_etoiles():
    actions = [{"type": "indice", "numero": 1}, {"type": "indice", "numero": 3}, *JOUET.resoudre(0)]
    partie = partie_jouee(actions)
    assert partie.indices_utilises == 2
    assert partie.etat.indices == [1, 3]
    verdict = rejouer(partie.journal(), NIVEAUX)
    assert verdict.indices == 2 and verdict.etoiles == [True, True, True]
    assert partie_jouee([{"type": "indice", "numero": 0}]).actions == []


def reponses_justes(graine, juste=True):
    """Pose the toy's questions and answer each one (right, or wrong when `juste` is False)."""
    etat = JOUET.nouvel_etat(graine)
    questions.poser(JOUET, etat)
    return [{"type": "poser"}] + [
        {
            "type": "repondre",
            "question": p["id"],
            "choix": p["bonne"] if juste else (p["bonne"] + 1) % 3,
        }
        for p in etat.posees
    ]


def test_seule_la_premiere_reponse_compte():
    fausses, justes = reponses_justes(0, juste=False), reponses_justes(0)
    fausse_puis_bonne = [
        *fausses,
        *justes[1:],
        {"type": "ajouter", "n": 5},
        {"type": "ajouter", "n": 5},
    ]
    partie = partie_jouee(fausse_puis_bonne)
    assert partie.termine()
    assert JOUET.etoiles(partie.etat) == [True, False, False]  # 4 actions > 3 : pas de défi
    assert partie.jouer({"type": "repondre", "question": "autre", "choix": 1}) is not None
    assert partie.jouer({"type": "repondre", "question": "q", "choix": 99}) is not None


def test_pas_d_etoile_sans_le_but():
    partie = partie_jouee(reponses_justes(0))
    assert JOUET.etoiles(partie.etat) == [False, False, False]


def test_defi_lu_au_moment_du_but():
    partie = partie_jouee(
        [*JOUET.resoudre(0), {"type": "ajouter", "n": 1}, {"type": "ajouter", "n": 1}]
    )
    assert partie.etat.actions == 7  # 2 additions, poser + 2 answers, 2 more additions
    assert partie.etat.au_but["actions"] == 2
    assert JOUET.etoiles(partie.etat)[1]


def test_tranches_interrompues_et_rejeu_coherents():
    partie = Partie(JOUET, 0, horloge=Horloge())
    fractions = []
    for fraction in partie.jouer_en_tranches({"type": "compter", "etapes": 20}):
        fractions.append(fraction)
        if len(fractions) == 7:
            break
    assert fractions[-1] == pytest.approx(7 / 20)
    assert partie.actions[-1][1] == {"type": "compter", "etapes": 7}
    verdict = rejouer(partie.journal(), NIVEAUX)
    assert verdict.mesures == JOUET.mesures(partie.etat)


def test_depuis_journal_reprend_la_partie():
    partie = partie_jouee(
        [{"type": "ajouter", "n": 3}, {"type": "indice", "numero": 2}, {"type": "ajouter", "n": 99}]
    )
    reprise = Partie.depuis_journal(JOUET, partie.journal(), horloge=Horloge())
    assert reprise.etat == partie.etat
    assert reprise.actions == partie.actions
    assert reprise.t_ms() >= partie.actions[-1][0]
    with pytest.raises(ValueError):
        Partie.depuis_journal(JOUET, {"format": 3})


def test_etat_copiable_et_picklable():
    partie = partie_jouee(JOUET.resoudre(1))
    assert pickle.loads(pickle.dumps(partie.etat)) == partie.etat
    assert copy.deepcopy(partie.etat) == partie.etat


def test_progression():
    partie = partie_jouee([])
    assert JOUET.progression(partie.etat) == 0.0
    partie.jouer({"type": "ajouter", "n": 5})
    assert JOUET.progression(partie.etat) == pytest.approx(0.5)
    partie.jouer({"type": "ajouter", "n": 5})
    assert JOUET.progression(partie.etat) == 1.0


def test_normaliser_et_lire():
    assert normaliser_action({"type": "a", "x": (1, 2)}) == {"type": "a", "x": [1, 2]}
    with pytest.raises(ActionRefusee):
        normaliser_action({"type": "a", "x": float("inf")})
    with pytest.raises(ActionRefusee):
        normaliser_action({"type": "a", "x": object()})
    with pytest.raises(ActionRefusee):
        lire_entier({"n": True}, "n", 0, 5)
    with pytest.raises(ActionRefusee):
        lire_nombre({"n": 10**400}, "n", 0, 5)
    assert lire_nombre({"n": 3}, "n", 0, 5) == 3.0
    graine, actions = lire_journal({"format": 3, "graine": 4, "actions": [[1, {"type": "a"}]]})
    assert graine == 4 and actions == [(1, {"type": "a"})]


def test_le_registre_trouve_chaque_niveau_par_numero_et_par_id():
    niveaux = registry.niveaux()
    for niveau in niveaux:
        assert registry.niveau_numero(niveau.numero) is niveau
        assert registry.par_id()[niveau.id] is niveau
    with pytest.raises(KeyError):
        registry.niveau_numero(max(n.numero for n in niveaux) + 1)


def test_registre_des_vrais_niveaux():
    niveaux = registry.niveaux()
    assert niveaux, "au moins un niveau"
    numeros = [n.numero for n in niveaux]
    assert numeros == sorted(numeros)
    assert len({n.id for n in niveaux}) == len(niveaux)
    for niveau in niveaux:
        assert niveau.id and niveau.titre and all(niveau.concept)
        assert isinstance(niveau.objectif, Objectif)


# --- contract checks shared by the tests of levels 1–3 --------------------------------

VALEURS_BIZARRES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


def actions_au_hasard(types, champs, valeurs_utiles=None):
    """A hypothesis strategy for actions: known and unknown types, sane and insane fields."""
    utiles = st.nothing() if valeurs_utiles is None else valeurs_utiles
    valeur = st.one_of(utiles, VALEURS_BIZARRES)
    return st.builds(
        lambda genre, extra: {"type": genre, **extra},
        st.one_of(st.sampled_from(types), st.text(max_size=8)),
        st.dictionaries(st.sampled_from(champs), valeur, max_size=len(champs)),
    )


def jouer_et_rejouer(niveau, graine, actions):
    """Plays actions live (never raising), then replays the log: same figures."""
    partie = Partie(niveau, graine, horloge=Horloge())
    for action in actions:
        refus = partie.jouer(action)
        assert refus is None or isinstance(refus, str)
    journal = partie.journal()
    verdict = rejouer(journal, {niveau.id: niveau})
    assert verdict.actions_refusees == 0  # the log holds only accepted actions
    assert verdict.mesures == niveau.mesures(partie.etat)
    assert verdict.etoiles == niveau.etoiles(partie.etat, base.TOLERANCE_VERIFICATION)
    assert verdict.valide == niveau.est_termine(partie.etat, base.TOLERANCE_VERIFICATION)
    return partie, verdict


def etat_avec_une_mauvaise_reponse(niveau, graine):
    """The solver's run with every answer one choice off (of three)."""
    etat = niveau.nouvel_etat(graine)
    for action in niveau.resoudre(graine):
        if action["type"] == "repondre":
            action = {**action, "choix": (action["choix"] + 1) % 3}
        niveau.appliquer(etat, action)
    return etat


def verifier_indices_et_decouverte_remplis(niveau, graines=range(8)):
    """Every {value} of the hints and of « ce que tu viens de découvrir » is filled, in both
    languages, on the solver's run up to its questions."""
    for graine in graines:
        etat = niveau.nouvel_etat(graine)
        for action in niveau.resoudre(graine):
            niveau.appliquer(etat, action)
            if action["type"] == "poser":
                break
        for langue in ("fr", "en"):
            textes = niveau.textes(langue)
            for texte in textes["indices"]:
                assert "{" not in texte.format(**niveau.valeurs_indices(etat))
            assert "{" not in textes["decouvert"].format(**niveau.decouverte(etat))


def journal_du_solveur(niveau, graine):
    partie, verdict = jouer_et_rejouer(niveau, graine, niveau.resoudre(graine))
    assert partie.termine(), "the solver reaches the goal"
    assert verdict.valide and verdict.etoiles == [True, True, True]
    return partie.journal()


def verifier_journaux_trafiques(niveau, journal):
    """Cut, edited, reordered, re-seeded logs are judged on what they really reach."""
    niveaux = {niveau.id: niveau}

    def recalcule(j):
        etat = niveau.nouvel_etat(j["graine"])
        for _, action in j["actions"]:
            try:
                if action.get("type") != "indice":
                    niveau.appliquer(etat, normaliser_action(action))
            except ActionRefusee:
                pass
        return niveau.est_termine(etat, base.TOLERANCE_VERIFICATION)

    # Stops before the goal: every prefix that is not complete must be refused.
    actions = journal["actions"]
    for fin in range(len(actions)):
        coupe = {**journal, "actions": actions[:fin]}
        verdict = rejouer(coupe, niveaux)
        assert verdict.valide == recalcule(coupe)
    premier = next(
        i
        for i in range(len(actions) + 1)
        if rejouer({**journal, "actions": actions[:i]}, niveaux).valide
    )
    assert not rejouer({**journal, "actions": actions[: premier - 1]}, niveaux).valide
    import random

    hasard = random.Random(0)
    for _ in range(4):
        melange = copy.deepcopy(journal)
        faites = [action for _t, action in melange["actions"]]
        hasard.shuffle(faites)  # the actions reordered, the times still going forward
        melange["actions"] = [[t, a] for (t, _), a in zip(journal["actions"], faites, strict=True)]
        assert rejouer(melange, niveaux).valide == recalcule(melange)
        sans = copy.deepcopy(journal)
        del sans["actions"][hasard.randrange(len(actions))]
        assert rejouer(sans, niveaux).valide == recalcule(sans)
        autre = {**copy.deepcopy(journal), "graine": hasard.randrange(1000)}
        assert rejouer(autre, niveaux).valide == recalcule(autre)
    # The figures written in the file are never trusted.
    faux = copy.deepcopy(journal)
    faux["actions"] = faux["actions"][: premier - 1]
    faux["annonce"]["termine"] = True
    faux["annonce"]["mesures"] = {niveau.objectif.metrique: niveau.objectif.seuil}
    assert not rejouer(faux, niveaux).valide


# --- headless UI helpers: the real app, real pygame events ----------------------------


def textes_a_plat(dossier):
    """Les catalogues fr et en d'un niveau (dans `dossier`), en {« clé.pointée »: valeur}."""

    def cles(table, prefixe=""):
        resultat = {}
        for cle, valeur in table.items():
            if isinstance(valeur, dict):
                resultat.update(cles(valeur, prefixe + cle + "."))
            else:
                resultat[prefixe + cle] = valeur
        return resultat

    return tuple(
        cles(tomllib.loads((dossier / f"textes.{langue}.toml").read_text("utf-8")))
        for langue in ("fr", "en")
    )


def ouvrir_niveau(level_id, graine=1):
    """A headless App showing the level host of `level_id` (intro already seen)."""
    from game.app import App
    from game.scenes import demo

    app = App(headless=True, runner_mode="slices")
    app.seed_override = graine
    demo._map(app, "all")
    place = next(p for p in demo.playable_places(app) if p.id == level_id)
    host = demo._host(app, place)
    for _ in range(2):
        app.step([], 1 / 60)
    return app, host


def poster(app, *events, images=1):
    import pygame

    for event in events:
        pygame.event.post(event)
    for _ in range(images):
        app.step(dt=1 / 60)


def cliquer(app, pos, images=1):
    import pygame

    pos = (int(pos[0]), int(pos[1]))
    poster(
        app,
        pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1),
        images=images,
    )


def glisser(app, depart, arrivee, etapes=6):
    import pygame

    x0, y0 = (int(v) for v in depart)
    x1, y1 = (int(v) for v in arrivee)
    events = [
        pygame.event.Event(pygame.MOUSEMOTION, pos=(x0, y0), rel=(0, 0), buttons=(0, 0, 0)),
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(x0, y0), button=1),
    ]
    for k in range(1, etapes + 1):
        pos = (x0 + (x1 - x0) * k // etapes, y0 + (y1 - y0) * k // etapes)
        events.append(
            pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0))
        )
    poster(app, *events)
    poster(app, pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(x1, y1), button=1))


def touche(app, key, unicode="", images=1):
    import pygame

    poster(
        app,
        pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=unicode, scancode=0),
        pygame.event.Event(pygame.KEYUP, key=key, mod=0, unicode=unicode, scancode=0),
        images=images,
    )


def taper(app, texte):
    import pygame

    poster(app, pygame.event.Event(pygame.TEXTINPUT, text=texte))


def finir_avec_la_question(app, host, juste=True):
    """Result button → each question of the play (answered right, or wrong) → the result."""
    from game.scenes.question import QuestionPanel
    from game.scenes.result import ResultScene

    assert host.done and host.result_button.visible
    cliquer(app, host.result_button.rect.center)
    assert isinstance(app.scenes.top, QuestionPanel), app.scenes.top
    if app.scenes.top.discovery:  # « ce que tu viens de découvrir » comes first
        app.scenes.top.to_question()
    while isinstance(app.scenes.top, QuestionPanel):
        panel = app.scenes.top
        bonne = panel.posee["bonne"]
        tuiles = [w for w in panel.container.widgets if w.visible]
        cliquer(app, tuiles[bonne if juste else (bonne + 1) % len(tuiles)].rect.center)
        suivant = next(
            w for w in app.scenes.top.container.widgets if getattr(w, "label", "") and w.visible
        )
        cliquer(app, suivant.rect.center)
    assert isinstance(app.scenes.top, ResultScene), app.scenes.top
