"""`tuto-llm screenshots` writes one PNG per screen, language and text size."""

import pygame

from game.cli import main


def test_screenshots_command_writes_pngs(tmp_path, capsys):
    folder = tmp_path / "images"
    status = main(
        [
            "screenshots",
            str(folder),
            "--scenes",
            "title,map_some,quit",
            "--langues",
            "fr,en",
            "--tailles",
            "0,2",
        ]
    )
    assert status == 0
    names = sorted(p.name for p in folder.glob("*.png"))
    assert len(names) == 12, names
    image = pygame.image.load(str(folder / "title_fr_t0.png"))
    assert image.get_size() == (1280, 720)
    assert "12 images" in capsys.readouterr().out


def test_screenshots_bad_arguments_are_explained(tmp_path, capsys):
    status = main(["screenshots", str(tmp_path), "--tailles", "7"])
    assert status == 2
    assert "tailles" in capsys.readouterr().err
