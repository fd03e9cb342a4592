"""Ready-made game states, for screenshots, the perf command and the tests.

`SETUPS` maps a scene name to a function `setup(app)` that clears the stack and builds
that screen the way a kid would reach it (a demo profile, some progress…). Every setup
works with whatever levels exist: a level missing from `levels/` is skipped.
"""

from __future__ import annotations

import importlib

from game import modes
from game.modes.aventure.policy import record_result
from game.profiles import record_level_result
from game.scenes.places import ENDING, SANDBOX, Place, build_places, load_levels, package_of
from game.scenes.proof import save_proof

DEMO_NAMES = (("Léa", 6, 0), ("Noé", 3, 7), ("Zoé-Chloé", 1, 3))
DEMO_BIGRAM_LINE = 2.83  # the demo player's level 1 loss (the line level 5 shows)
TRAINING_STEPS = 2000  # the view's longest plan: the runner stays busy while perf measures


def demo_profile(app, progress="none"):
    """The demo player « Léa »; progress: "none", "some" (2 levels) or "all"."""
    existing = {p.name: p for p in app.profiles.list_profiles()}
    for name, colour, avatar in DEMO_NAMES:
        if name not in existing:
            existing[name] = app.profiles.create(name, colour, avatar)
    profile = existing["Léa"]
    profile.progress = {}
    profile.first_launch_done = True
    # Level 1's loss, the kid's own line in level 5: only once level 1 is done.
    profile.bigram_baseline = DEMO_BIGRAM_LINE if progress != "none" else None
    levels = load_levels()
    count = {"none": 0, "some": 2, "all": len(levels)}[progress]
    for index, (_name, niveau) in enumerate(levels[:count]):
        if niveau is None:
            continue
        stars = [True, index % 2 == 0, True] if progress == "some" else [True, True, True]
        record_level_result(profile, niveau.id, stars, {}, None, 0)
    for niveau in [n for _name, n in levels if n is not None]:
        profile.seen_intro[niveau.id] = True
    app.profiles.save(profile)
    app.profile = profile
    return profile


def _reset(app, profile_progress=None):
    app.scenes.clear()
    app.notices.clear()
    app.runner.cancel_all()
    for job in app.runner.jobs:  # a stopped training ends first: the next screen is quiet
        app.runner.wait(job, timeout=10)
    app.profile = None
    app.push("title")
    if profile_progress is not None:
        demo_profile(app, profile_progress)


def _map(app, progress):
    _reset(app)
    app.push("profiles")
    demo_profile(app, progress)
    return app.push("map")


def playable_places(app):
    """Places of the levels that can be hosted (logic and view present)."""
    demo_profile(app, "all")
    return [p for p in build_places(app.profile) if p.kind == "level" and p.status != "soon"]


def logic_places(app):
    """Places of the levels whose logic exists (for result screens)."""
    demo_profile(app, "all")
    places = []
    for index, (_name, niveau) in enumerate(load_levels(), start=1):
        if niveau is not None:
            places.append(Place(niveau.id, "level", index, niveau, "done", 3, package_of(niveau)))
    return places


def setup_title(app):
    _reset(app)


def setup_profiles(app):
    _reset(app)
    demo_profile(app, "some")
    app.profile = None
    app.push("profiles")


def setup_profile_new(app):
    _reset(app)
    scene = app.push("profile_new", first=True)
    scene.field.set_text("Léa")
    scene._changed("Léa")
    scene.colour, scene.avatar = 6, 0


def setup_first_launch(app):
    _map(app, "none")
    profile = app.profile
    app.scenes.pop()
    app.profile = profile
    profile.first_launch_done = False
    app.push("first_launch")


def setup_map_empty(app):
    _map(app, "none")


def setup_map_some(app):
    _map(app, "some")


def setup_map_all(app):
    _map(app, "all")


def setup_map_unlock(app):
    scene = _map(app, "some")
    opened = [p.id for p in scene.places if p.status == "open"]
    levels = [p.id for p in scene.places if p.kind == "level" and p.status != "soon"]
    scene.announce_unlock(opened[:1] or levels[-1:] or [ENDING])


def setup_settings(app):
    _reset(app)
    app.push("settings")


def setup_quit(app):
    _map(app, "some")
    app.ask_quit()


def setup_error(app):
    _map(app, "some")
    app.push("error")


def setup_ending(app):
    _map(app, "all")
    app.push("ending")


def _host(app, place, intro=False):
    _map(app, "all")
    if intro:
        app.profile.seen_intro.pop(place.id, None)
    return app.push("level", place, seed=1)


def _first_playable(app):
    places = playable_places(app)
    return places[0] if places else None


def setup_level_intro(app):
    place = _first_playable(app)
    if place is None:
        raise LookupError("aucun niveau jouable")
    _host(app, place, intro=True)


def setup_pause(app):
    place = _first_playable(app)
    if place is None:
        raise LookupError("aucun niveau jouable")
    host = _host(app, place)
    app.push("pause", host)


def setup_hints(app):
    place = _first_playable(app)
    if place is None:
        raise LookupError("aucun niveau jouable")
    host = _host(app, place)
    host.partie.jouer({"type": "indice", "numero": 1})
    app.push("hints", host)


def setup_level1_duel(app):
    """Level 1's duel halfway: the kid plays the machine, its table's row on the right."""
    place = next((p for p in playable_places(app) if p.id == "l1_devine"), None)
    if place is None:
        raise LookupError("pas de niveau 1")
    host = _host(app, place)
    for action in place.niveau.resoudre(1):
        if action["type"] == "deviner":
            break
        if action["type"] == "nourrir":
            host.partie.jouer(action)
    host.view.montrer("duel")
    for lettre in ("a", "e", "i"):
        duel = host.partie.etat.duel
        mot = duel.lettres()
        guess = mot[duel.montrees] if lettre == "a" else lettre
        host.view.deviner(guess)


def setup_dico(app):
    """The little dictionary over a level, open on level 2's words."""
    place = _first_playable(app)
    if place is None:
        raise LookupError("aucun niveau jouable")
    _host(app, place)
    app.push("dico", "2")


def setup_capot(app):
    place = _first_playable(app)
    if place is None:
        raise LookupError("aucun niveau jouable")
    host = _host(app, place)
    app.push("capot", host)


def _solved_partie(place, seed=1):
    from levels.base import Partie

    partie = Partie(place.niveau, seed)
    for action in place.niveau.resoudre(seed):
        if action.get("type") in ("repondre", "poser"):
            continue
        partie.jouer(action)
    return partie


def setup_question(app):
    for place in playable_places(app):
        if getattr(place.niveau, "questions", ()):
            host = _host(app, place)
            host.partie = _solved_partie(place)
            host.partie.jouer({"type": "poser"})
            view = importlib.import_module(f"levels.{host.package}.view")
            host.view = view.make_view(host.niveau, host.partie, host.ctx)  # the solved run
            app.push("question", host)
            return
    raise LookupError("aucun niveau avec une question")


def setup_result(app):

    places = logic_places(app)
    if not places:
        raise LookupError("aucun niveau")
    place = places[0]
    _map(app, "some")
    partie = _solved_partie(place)
    if getattr(place.niveau, "questions", ()):
        from levels import questions

        for action in questions.reponse_du_solveur(place.niveau, partie.etat):
            partie.jouer(action)
    record_result(app, place, partie)  # its log is kept: « Enregistrer ma preuve » shows
    return app.push("result", place, partie, [])


def setup_map_proof(app):
    """The map with level 1 done and its log kept: its info panel offers the proof."""
    places = logic_places(app)
    if not places:
        raise LookupError("aucun niveau")
    scene = _map(app, "some")
    record_result(app, places[0], _solved_partie(places[0]))
    scene.selected = places[0].id
    scene.rebuild()
    scene.container.focus.set(scene.tiles[places[0].id])
    return scene


def setup_proof(app):
    result = setup_result(app)
    if save_proof(app, result.place) is None:
        raise LookupError("pas de preuve à enregistrer")


def setup_profile_rename(app):
    setup_profiles(app)
    choice = app.scenes.top
    app.push("profile_rename", choice.profiles[0])


def setup_profile_delete(app):
    setup_profiles(app)
    choice = app.scenes.top
    app.push("profile_delete", choice.profiles[0])


def level_setups(app):
    """{"level_<id>": setup} for every playable level (intro already seen), and the sandbox."""
    setups = {}
    for place in playable_places(app):

        def setup(app, place=place):
            _host(app, place)

        setups[f"level_{place.id}"] = setup
    for place in playable_places(app):
        if getattr(place.niveau, "suivi", None) is None:
            continue  # no live training to show

        def setup_training(app, place=place):
            start_training(app, _host(app, place))

        setups[f"level_{place.id}_training"] = setup_training
    sandbox = next((p for p in build_places(app.profile) if p.kind == "sandbox"), None)
    if sandbox is not None and sandbox.status != "soon":

        def setup_sandbox(app, place=sandbox):
            _host(app, place)

        setups["sandbox"] = setup_sandbox
    return setups


def start_training(app, host, etapes=TRAINING_STEPS):
    """A level that trains (level 5), training now: the solver's actions up to its first
    training, a long plan, then « Entraîner » the way the view's button does it."""
    partie = host.partie
    for action in partie.niveau.resoudre(partie.graine):
        if action.get("type") in ("entrainer", "repondre"):
            break
        partie.jouer(action)
    if partie.jouer({"type": "regler", "parametre": "etapes", "valeur": etapes}) is not None:
        # refused: the level allows fewer steps (level 5's budget); train what it allows
        etapes = getattr(partie.etat, "reglages", {}).get("etapes", etapes)
    view = host.view
    atelier = getattr(view, "atelier", None)
    if hasattr(view, "choisir"):
        view.choisir("entrainement")
    if atelier is not None and hasattr(atelier, "entrainer"):
        atelier.entrainer()
        return atelier.job
    return app.runner.play(partie, {"type": "entrainer", "etapes": etapes})


SETUPS = {
    "title": setup_title,
    "profiles": setup_profiles,
    "profile_new": setup_profile_new,
    "first_launch": setup_first_launch,
    "map_empty": setup_map_empty,
    "map_some": setup_map_some,
    "map_all": setup_map_all,
    "map_unlock": setup_map_unlock,
    "map_proof": setup_map_proof,
    "level_intro": setup_level_intro,
    "pause": setup_pause,
    "hints": setup_hints,
    "capot": setup_capot,
    "dico": setup_dico,
    "level1_duel": setup_level1_duel,
    "question": setup_question,
    "result": setup_result,
    "proof": setup_proof,
    "profile_rename": setup_profile_rename,
    "profile_delete": setup_profile_delete,
    "settings": setup_settings,
    "quit": setup_quit,
    "error": setup_error,
    "ending": setup_ending,
}

SETUPS.update(modes.demo_setups())  # each way to play's screens (game/modes/<mode>/demo.py)

__all__ = ["SETUPS", "SANDBOX", "demo_profile", "level_setups", "screen_setups"]


def screen_setups(app):
    """Every screen to draw: the shared ones, each way to play's, and each level's."""
    return {**SETUPS, **modes.demo_setups(), **level_setups(app)}
