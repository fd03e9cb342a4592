"""assets/: the sound files match the code that makes them, the game plays them, and a
missing or damaged file is made again in memory (never a crash)."""

import io
import wave

import pygame
import pytest

import assets
from game import sound
from game.cli import main
from game.sound import SOUND_NAMES, Sounds, samples, wav_bytes, wav_for


def test_every_sound_file_is_committed_and_matches_the_code():
    for name in SOUND_NAMES:
        path = assets.SOUNDS / f"{name}.wav"
        assert path.exists(), f"{path} manque : tuto-llm assets build"
        assert path.read_bytes() == wav_bytes(samples(name)), f"{name}: tuto-llm assets build"
    assert main(["assets", "check"]) == 0


def test_build_writes_the_same_files_every_time(tmp_path, capsys):
    assert main(["assets", "check", "--dir", str(tmp_path)]) == 1
    assert "tuto-llm assets build" in capsys.readouterr().out
    assert main(["assets", "build", "--dir", str(tmp_path)]) == 0
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert sorted(first) == sorted(f"{n}.wav" for n in SOUND_NAMES)
    assert main(["assets", "build", "--dir", str(tmp_path)]) == 0
    assert first == {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert main(["assets", "check", "--dir", str(tmp_path)]) == 0


def test_build_into_a_folder_it_cannot_write_is_explained(tmp_path, capsys):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier", encoding="utf-8")
    assert main(["assets", "build", "--dir", str(blocker)]) == 2
    err = capsys.readouterr().err
    assert "Impossible d'écrire" in err and "Traceback" not in err


def _short_wav():
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(sound.SAMPLE_RATE)
        out.writeframes(b"\x10\x00" * 160)
    return buffer.getvalue()


def test_the_game_plays_the_file(tmp_path):
    (tmp_path / "click.wav").write_bytes(_short_wav())
    assert wav_for("click", tmp_path) == _short_wav()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"RIFF garbage",
        b"\x00" * 100,
        wav_bytes(samples("click"), rate=8000),  # another rate: not one of ours
        b"RIFF" + b"\x00" * (sound.MAX_WAV_BYTES + 10),  # far too long
    ],
)
def test_a_damaged_file_is_made_again_in_memory(tmp_path, content):
    (tmp_path / "click.wav").write_bytes(content)
    assert wav_for("click", tmp_path) == wav_bytes(samples("click"))


def test_missing_files_still_give_every_sound(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "SOUNDS", tmp_path / "nowhere")
    pygame.mixer.quit()
    sounds = Sounds()
    try:
        assert sounds.play("click") in (True, False)  # no device may mean silence
        if sounds.available:
            length = sounds._sounds["success"].get_length()
            assert length == pytest.approx(len(samples("success")) / sound.SAMPLE_RATE, 0.05)
    finally:
        pygame.mixer.quit()
