"""Misspelt hooks and scene names are told at load time: « tu voulais dire … ? »."""

import pytest

from game.app import App
from game.modes.aventure.policy import Aventure
from game.policies.base import Policy
from game.scenes import registry
from levels.vue import VueNiveau


def test_a_policy_with_a_misspelt_hook_is_refused_when_it_is_written():
    with pytest.raises(TypeError, match="on_pasue.*Tu voulais dire « on_pause » ?"):

        class Distraite(Policy):
            def on_pasue(self, host, reason):
                pass


def test_an_on_method_the_host_never_calls_is_refused_too():
    with pytest.raises(TypeError, match="on_victoire"):

        class Bavarde(Aventure):
            def on_victoire(self, host):
                pass


def test_a_near_miss_of_another_hook_is_refused():
    with pytest.raises(TypeError, match="Tu voulais dire « replay » ?"):

        class Presse(Aventure):
            def replya(self, app, place):
                pass


def test_a_policy_keeps_its_own_helpers_and_overrides():
    class Calme(Aventure):
        def on_pause(self, host, reason):
            pass

        def start_run(self, app):
            pass

        def replay(self, app, place):
            pass

    assert Calme().name


def test_a_level_view_with_a_misspelt_hook_is_refused_when_it_is_written():
    with pytest.raises(TypeError, match="rebiuld.*Tu voulais dire « rebuild » ?"):

        class VueDistraite(VueNiveau):
            def rebiuld(self):
                pass

    with pytest.raises(TypeError, match="Tu voulais dire « handle_event » ?"):

        class VueDistraite2(VueNiveau):
            def handle_evnet(self, event):
                return False


def test_a_level_view_keeps_its_own_helpers():
    class VueSage(VueNiveau):
        def handle_event(self, event):
            return False

        def construire(self):
            pass

        def dessiner_la_grille(self, surface):
            pass

    assert VueSage.dessiner_la_grille


def test_pushing_a_misspelt_scene_says_which_one_was_meant():
    app = App(headless=True, runner_mode="slices")
    try:
        with pytest.raises(KeyError) as error:
            app.push("mpa")
        assert str(error.value) == "il n'y a pas de scène « mpa ». Tu voulais dire « map » ?"
        with pytest.raises(registry.UnknownScene, match="course_menu"):
            app.push("cours_menu")
    finally:
        app.close()
