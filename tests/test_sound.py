"""Sound effects: generated fast and always the same, gentle, and never a crash when playing."""

import time
import wave
from array import array

import pygame
import pytest

from game import sound
from game.sound import PEAK, SAMPLE_RATE, SOUND_NAMES, Sounds, export_wav, generate_all, wav_bytes


@pytest.fixture
def mixer_off():
    """Each test starts and ends without a running mixer."""
    pygame.mixer.quit()
    yield
    pygame.mixer.quit()


def test_the_expected_effects_exist():
    assert {"click", "unlock", "success", "error", "hover", "tick"} <= set(SOUND_NAMES)


def test_generation_is_fast():
    best = min(_timed(generate_all) for _ in range(5))
    assert best < 0.050, f"{best * 1000:.0f} ms"


def _timed(function):
    """CPU time of this process: other programs sharing the machine do not count."""
    start = time.process_time()
    function()
    return time.process_time() - start


def test_generation_is_deterministic():
    assert generate_all() == generate_all()


@pytest.mark.parametrize("name", SOUND_NAMES)
def test_each_effect_is_short_gentle_and_starts_and_ends_softly(name):
    data = sound.samples(name)
    assert isinstance(data, array) and data.typecode == "h"
    duration = len(data) / SAMPLE_RATE
    assert 0.005 < duration < 1.0
    loudest = max(abs(v) for v in data)
    assert 0 < loudest <= PEAK * 32767 + 1  # never loud
    assert abs(data[0]) < 200 and abs(data[-1]) < 200  # no click at the edges


def test_durations_make_sense():
    lengths = {name: len(data) for name, data in generate_all().items()}
    assert lengths["hover"] < lengths["click"] < lengths["error"] < lengths["success"]
    assert lengths["unlock"] > lengths["click"]


def test_an_arpeggio_rises():
    notes = sound.RECIPES["unlock"]["notes"]
    frequencies = [note[1] for note in sorted(notes)]
    assert frequencies == sorted(frequencies)


def test_other_sample_rates():
    assert len(sound.samples("click", 2 * SAMPLE_RATE)) == pytest.approx(
        2 * len(sound.samples("click")), abs=2
    )


def test_wav_export(tmp_path):
    paths = export_wav(tmp_path / "sons")
    assert sorted(p.stem for p in paths) == sorted(SOUND_NAMES)
    for path in paths:
        with wave.open(str(path), "rb") as wav:
            assert wav.getnchannels() == 1
            assert wav.getsampwidth() == 2
            assert wav.getframerate() == SAMPLE_RATE
            frames = wav.readframes(wav.getnframes())
        assert array("h", frames).tolist() == sound.samples(path.stem).tolist()


def test_wav_bytes_is_a_whole_file():
    raw = wav_bytes(sound.samples("tick"))
    assert raw[:4] == b"RIFF" and raw[8:12] == b"WAVE"


def test_play_with_the_dummy_driver(mixer_off):
    sounds = Sounds()
    assert not sounds.available  # nothing started before the first play
    for name in SOUND_NAMES:
        assert sounds.play(name) in (True, False)  # True when the dummy device works
    assert sounds.play("nope") is False
    sounds.set_muted(True)
    assert sounds.play("click") is False
    sounds.set_muted(False)
    assert sounds.play("click") == sounds.available


def test_muted_never_starts_the_mixer(mixer_off, monkeypatch):
    calls = []
    monkeypatch.setattr(pygame.mixer, "init", lambda *a, **k: calls.append(a))
    sounds = Sounds(muted=True)
    assert sounds.play("success") is False
    assert calls == [] and pygame.mixer.get_init() is None


def test_no_audio_device_means_silence(mixer_off, monkeypatch):
    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    sounds = Sounds()
    assert sounds.play("click") is False
    assert sounds.play("success") is False
    assert not sounds.available
    assert sounds.preload() is False


def test_a_failing_sound_object_is_silent(mixer_off, monkeypatch):
    sounds = Sounds()
    if not sounds.preload():
        pytest.skip("no mixer here")

    class Broken:
        def play(self):
            raise pygame.error("mixer gone")

    sounds._sounds["click"] = Broken()
    assert sounds.play("click") is False
    pygame.mixer.quit()
    sounds.set_muted(True)  # stopping a mixer that is gone: still fine
