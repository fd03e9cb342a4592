"""Scenes by name, as Tuxemon's state manager does it.

Scenes reach each other by name — `app.push("result", place, partie)`,
`app.replace("level", place, policy=…)`, `app.scenes.pop_to("map")` — instead of
importing each other inside functions. The registry holds « module:Class » paths and
imports a scene's module the first time that scene is made, so no scene module imports
another one and there is no import circle.

A scene's registered name is its class attribute `name` (checked when it is loaded).
The screens of the ways to play are declared by each way to play (`SCENES` in
`game/modes/<mode>/__init__.py`, found through `game.modes.MODES`); `register(name,
"package.module:Class")` (or the class itself) adds one more. A name that is not a
scene raises `UnknownScene` (a `KeyError`) saying « tu voulais dire … ? ».
"""

from __future__ import annotations

import difflib
import importlib

from game import modes

SCENES: dict[str, object] = {
    "title": "game.scenes.title:TitleScene",
    "first_launch": "game.scenes.intro:FirstLaunchScene",
    "profiles": "game.scenes.profiles:ProfileChoiceScene",
    "profile_new": "game.scenes.profile_edit:ProfileCreateScene",
    "profile_rename": "game.scenes.profile_edit:RenameProfileScene",
    "profile_delete": "game.scenes.profile_edit:DeleteProfilePrompt",
    "map": "game.scenes.map:MapScene",
    "level": "game.scenes.level:LevelHost",
    "pause": "game.scenes.pause:PauseMenu",
    "hints": "game.scenes.pause:HintsPanel",
    "capot": "game.scenes.capot:CapotPanel",
    "question": "game.scenes.question:QuestionPanel",
    "dico": "game.scenes.dico:DicoPanel",
    "result": "game.scenes.result:ResultScene",
    "proof": "game.scenes.proof:ProofPanel",
    "settings": "game.scenes.settings:SettingsScene",
    "ending": "game.scenes.ending:EndingScene",
    "quit": "game.scenes.dialogs:QuitPrompt",
    "error": "game.scenes.dialogs:ErrorPanel",
    "fallback": "game.scenes.dialogs:FallbackScene",
}


SCENES.update(modes.scenes())


class UnknownScene(KeyError):
    """`app.push("mpa")`: no scene has that name; the message names the closest one."""

    def __str__(self):
        return self.args[0]


def did_you_mean(word, choices):
    """« Tu voulais dire « map » ? » when a choice looks like `word`, else ""."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Tu voulais dire « {found[0]} » ?" if found else ""


def register(name, target):
    """Make `name` a scene: `target` is a Scene class or a « module:Class » path."""
    if not isinstance(target, str) and getattr(target, "name", None) != name:
        raise ValueError(f"la scène {target!r} doit avoir name = {name!r}")
    SCENES[name] = target


def scene_class(name):
    """The class of the scene called `name` (`UnknownScene` for an unknown name)."""
    if name not in SCENES:
        SCENES.update({k: v for k, v in modes.scenes().items() if k not in SCENES})
    if name not in SCENES:
        raise UnknownScene(f"il n'y a pas de scène « {name} ».{did_you_mean(str(name), SCENES)}")
    target = SCENES[name]
    if isinstance(target, str):
        module_name, _, class_name = target.partition(":")
        target = getattr(importlib.import_module(module_name), class_name)
        if getattr(target, "name", None) != name:
            raise ValueError(f"{module_name}.{class_name}.name devrait valoir {name!r}")
        SCENES[name] = target
    return target


def make(app, name, *args, **kwargs):
    """A new scene `name` for `app` (not pushed)."""
    return scene_class(name)(app, *args, **kwargs)
