"""Scenes by name, as Tuxemon's state manager does it.

Scenes reach each other by name — `app.push("result", place, partie)`,
`app.replace("level", place, policy=…)`, `app.scenes.pop_to("map")` — instead of
importing each other inside functions. The registry holds « module:Class » paths and
imports a scene's module the first time that scene is made, so no scene module imports
another one and there is no import circle.

A scene's registered name is its class attribute `name` (checked when it is loaded).
A new way to play that brings screens of its own registers them with `register(name,
"package.module:Class")` (or the class itself).
"""

from __future__ import annotations

import importlib

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
    "race_menu": "game.modes.salon.menu:RaceMenuScene",
    "race_host": "game.modes.salon.board:RaceHostScene",
    "race_runner": "game.modes.salon.menu:RaceRunnerScene",
    "homework_code": "game.modes.devoir.pupil:CodeEntryScene",
    "homework": "game.modes.devoir.pupil:HomeworkPanel",
    "teacher": "game.modes.devoir.teacher.scenes:TeacherSpace",
    "teacher_new": "game.modes.devoir.teacher.scenes:NewHomeworkScene",
    "teacher_created": "game.modes.devoir.teacher.scenes:HomeworkCreatedScene",
    "teacher_check": "game.modes.devoir.teacher.correction:CheckScene",
    "teacher_grid": "game.modes.devoir.teacher.grid:GridScene",
    "teacher_picture": "game.modes.devoir.teacher.grid:PicturePreview",
    "course_menu": "game.modes.course.menu:CourseMenuScene",
    "course_end": "game.modes.course.end:CourseEndScene",
    "club_board": "game.modes.course.club:ClubBoardScene",
    "club_projector": "game.modes.course.club:ClubProjectorScene",
}


def register(name, target):
    """Make `name` a scene: `target` is a Scene class or a « module:Class » path."""
    if not isinstance(target, str) and getattr(target, "name", None) != name:
        raise ValueError(f"la scène {target!r} doit avoir name = {name!r}")
    SCENES[name] = target


def scene_class(name):
    """The class of the scene called `name` (KeyError for an unknown name)."""
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
