"""A throwaway fifth way to play: one folder and one line in `game.modes.MODES`.

`install_mode_copy(root, patches)` writes the package `mode_essai` under `root` (its
`__init__.py` declaring a subcommand, a screen and a screenshot set-up; a policy, a
screen, a command, a demo module) and adds only its line to `MODES`. Nothing else in
the game is edited: the test proves the CLI, the scene registry and the screenshots
find it there.
"""

import sys
import textwrap

FILES = {
    "__init__.py": '''
        """A way to play made by a test."""

        COMMANDS = ["mode_essai.command"]
        SCENES = {"essai_menu": "mode_essai.menu:EssaiMenu"}
        DEMO = "mode_essai.demo"
    ''',
    "policy.py": '''
        from game.modes.aventure.policy import Aventure


        class Essai(Aventure):
            """Everyone plays the same seed, with no intro."""

            def seed_for(self, app, place):
                return 4242

            def show_intro(self, app, place):
                return False
    ''',
    "menu.py": """
        import pygame

        from game.scenes.base import Scene


        class EssaiMenu(Scene):
            name = "essai_menu"

            def handle_event(self, event):
                if event.type == pygame.KEYDOWN and event.key == pygame.K_RETURN:
                    from game.scenes.places import build_places
                    from mode_essai.policy import Essai

                    place = next(p for p in build_places(self.app.profile) if p.kind == "level")
                    self.app.push("level", place, policy=Essai())
                    return True
                return False

            def draw(self, surface):
                surface.fill((20, 90, 60))
    """,
    "command.py": """
        NAME = "essai"
        HELP = "Une façon de jouer d'essai (test)."


        def add_arguments(parser):
            parser.add_argument("--dire", default="bonjour")


        def run(args):
            print(f"essai : {args.dire}")
            return 0
    """,
    "demo.py": """
        def setup_essai_menu(app):
            from game.scenes.demo import _reset, demo_profile

            _reset(app)
            app.push("profiles")
            demo_profile(app, "some")
            app.push("essai_menu")


        SETUPS = {"essai_menu": setup_essai_menu}
    """,
}


def install_mode_copy(root, patches):
    """Writes `mode_essai` under `root` and adds its line to `game.modes.MODES`."""
    from game import modes
    from game.scenes import registry

    folder = root / "mode_essai"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    patches.syspath_prepend(str(root))
    patches.setattr(modes, "MODES", [*modes.MODES, "mode_essai"])  # the one line
    patches.setattr(registry, "SCENES", dict(registry.SCENES))  # undone after the test
    return folder


def uninstall_mode_copy(patches):
    patches.undo()
    for name in [m for m in sys.modules if m == "mode_essai" or m.startswith("mode_essai.")]:
        del sys.modules[name]
