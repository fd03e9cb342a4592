"""`tuto-llm --fenetre 1920x1080`: the options of `play` work without the word `play`."""

import pytest

import game.app
from game.cli import main


class FakeApp:
    made = []

    def __init__(self, **kwargs):
        self.kwargs = kwargs
        FakeApp.made.append(self)

    def run(self):
        self.ran = True


@pytest.fixture
def fake_app(monkeypatch):
    FakeApp.made = []
    monkeypatch.setattr(game.app, "App", FakeApp)
    return FakeApp


@pytest.mark.parametrize(
    "argv",
    [
        ["--fenetre", "1920x1080"],
        ["--fenetre=1920x1080"],
        ["play", "--fenetre", "1920x1080"],
    ],
)
def test_play_options_without_the_word_play(fake_app, argv):
    assert main(argv) == 0
    (app,) = fake_app.made
    assert app.kwargs["window_size"] == (1920, 1080) and app.ran
    assert app.kwargs["runner_mode"] == "worker"


def test_several_play_options(fake_app):
    assert main(["--tranches", "--fenetre", "1600x900"]) == 0
    (app,) = fake_app.made
    assert app.kwargs == {"runner_mode": "slices", "window_size": (1600, 900)}


def test_nothing_runs_play(fake_app):
    assert main([]) == 0
    assert fake_app.made[0].kwargs["window_size"] is None


def test_a_bad_size_is_explained(fake_app, capsys):
    assert main(["--fenetre", "grand"]) == 2
    assert "taille de fenêtre" in capsys.readouterr().err
    assert not fake_app.made


def test_help_is_still_the_general_help(fake_app, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "verify" in out and "--fenetre" in out
    assert not fake_app.made


def test_an_unknown_option_is_refused(fake_app, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--pas-une-option"])
    assert stop.value.code == 2
    assert not fake_app.made
