"""Shared test set-up: pygame runs headless, and every test gets its own save folder."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ.setdefault("TUTO_LLM_SALON_LOCAL", "1")  # race rooms on 127.0.0.1 only, never the LAN

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def tuto_llm_home(tmp_path, monkeypatch):
    """A fresh, empty save folder for each test (profiles, settings, runs)."""
    home = tmp_path / "tuto-llm-home"
    monkeypatch.setenv("TUTO_LLM_HOME", str(home))
    return home


@pytest.fixture
def app():
    """The game, headless, its levels run in slices (a test file overrides it to add a
    profile or a seed: `def app(app): app.seed_override = 7; return app`)."""
    from game.app import App

    game = App(headless=True, runner_mode="slices")
    yield game
    game.close()


@pytest.fixture
def sixth_level(tmp_path):
    """A copy of level 2 registered as level 6 (`levels.l6_essai`): see tests/level_copy.py."""
    from level_copy import install_level_copy, uninstall_level_copy

    patches = pytest.MonkeyPatch()  # its own: undone without touching the test's patches
    niveau = install_level_copy(tmp_path, patches)
    yield niveau
    uninstall_level_copy(patches)


@pytest.fixture
def fifth_mode(tmp_path):
    """A throwaway way to play `mode_essai` (one folder + one `MODES` line): tests/mode_copy.py."""
    from mode_copy import install_mode_copy, uninstall_mode_copy

    patches = pytest.MonkeyPatch()
    folder = install_mode_copy(tmp_path, patches)
    yield folder
    uninstall_mode_copy(patches)
