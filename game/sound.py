"""Sound effects made by the game itself: a few sine notes with soft envelopes.

No sound file, no numpy: each effect is computed with the `array` module (16-bit mono),
in a few milliseconds, the same samples every time. They are short and quiet on purpose
(kids, shared classrooms). `Sounds` plays them through pygame.mixer when it can and stays
silent otherwise (no audio device, mixer failure, muted): it never raises.

The game plays them from `assets/sounds/<name>.wav` (written by `tuto-llm assets build`
with `export_wav`, the same samples); a missing or damaged file is made again here, in
memory: the files are a convenience, never a requirement.
"""

from __future__ import annotations

import io
import logging
import math
import wave
from array import array
from itertools import accumulate, repeat
from operator import add, mul
from pathlib import Path

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000  # plenty for soft beeps (all below 3 kHz), and fast to compute
MIXER_SETTINGS = (44100, -16, 2, 512)  # frequency, size, channels, buffer (small: no lag)
PEAK = 0.30  # fraction of full scale: gentle, whatever the speakers
MAX_AMPLITUDE = 32767
MAX_WAV_BYTES = 2 * SAMPLE_RATE * 4  # a file longer than 4 s is not one of ours

# A note: (start s, frequency Hz, duration s, loudness 0..1, overtone 0..1).
# The overtone adds a little of the octave (brighter) or, for the buzz, the 3rd harmonic.
_C5, _E5, _G5, _C6 = 523.25, 659.25, 783.99, 1046.50
RECIPES: dict[str, dict] = {
    "click": {"notes": [(0.0, 1320.0, 0.035, 0.8, 0.2)]},
    "hover": {"notes": [(0.0, 1760.0, 0.018, 0.35, 0.0)]},
    "tick": {"notes": [(0.0, 2640.0, 0.012, 0.4, 0.0)]},
    "unlock": {  # a rising arpeggio
        "notes": [
            (0.00, 392.00, 0.16, 0.7, 0.3),
            (0.07, 493.88, 0.16, 0.7, 0.3),
            (0.14, 587.33, 0.16, 0.7, 0.3),
            (0.21, 783.99, 0.30, 0.8, 0.3),
        ]
    },
    "success": {  # a short happy fanfare: C E G, then a held C with its chord
        "notes": [
            (0.00, _C5, 0.12, 0.7, 0.35),
            (0.11, _E5, 0.12, 0.7, 0.35),
            (0.22, _G5, 0.12, 0.7, 0.35),
            (0.33, _C6, 0.42, 0.8, 0.35),
            (0.33, _G5, 0.42, 0.35, 0.0),
            (0.33, _E5, 0.42, 0.3, 0.0),
        ]
    },
    "error": {  # a soft low buzz, two notes going down
        "notes": [
            (0.00, 196.00, 0.13, 0.8, 0.5),
            (0.12, 164.81, 0.20, 0.8, 0.5),
        ],
        "buzz": True,
    },
}
SOUND_NAMES: tuple[str, ...] = tuple(RECIPES)


# --------------------------------------------------------------------------- synthesis


def _add_note(mix: list[float], rate: int, start, freq, duration, loud, overtone, buzz) -> None:
    first = int(start * rate)
    count = max(2, int(duration * rate))
    if first + count > len(mix):
        mix.extend([0.0] * (first + count - len(mix)))
    w = 2 * math.pi * freq / rate
    # sin(w·i) for every sample, the loops running in C (map) to stay fast
    x = list(map(math.sin, map(mul, range(count), repeat(w))))
    if overtone and buzz:  # + the 3rd harmonic, sin(3θ) = 3·sin θ − 4·sin³θ: a soft buzz
        cube = map(mul, x, map(mul, x, x))
        third = map(add, map(mul, x, repeat(3.0)), map(mul, cube, repeat(-4.0)))
        x = list(map(add, x, map(mul, third, repeat(overtone))))
    elif overtone and 2 * freq < rate / 2:  # + the octave, cos(2θ) = 1 − 2·sin²θ: brighter
        octave = map(add, repeat(1.0), map(mul, map(mul, x, x), repeat(-2.0)))
        x = list(map(add, x, map(mul, octave, repeat(overtone))))
    # Envelope: starts at `loud`, fades about 95 % by the end of the note (exponential).
    decay = math.exp(-3.0 / count)
    envelope = list(accumulate(repeat(decay, count - 1), mul, initial=loud / (1 + overtone)))
    attack = min(count // 2, max(1, int(0.004 * rate)))  # 4 ms: no click at the start
    release = min(count // 2, max(1, int(min(0.03, duration / 3) * rate)))  # nor at the end
    for i in range(attack):
        envelope[i] *= i / attack
    for i in range(release):
        envelope[count - 1 - i] *= i / release
    end = first + count
    mix[first:end] = map(add, mix[first:end], map(mul, x, envelope))


def samples(name: str, rate: int = SAMPLE_RATE) -> array:
    """The 16-bit mono samples of one effect (same result at each call)."""
    recipe = RECIPES[name]
    mix: list[float] = []
    for note in recipe["notes"]:
        _add_note(mix, rate, *note, recipe.get("buzz", False))
    peak = max(map(abs, mix), default=0.0)
    scale = PEAK * MAX_AMPLITUDE / max(peak, 1.0)  # overlapping notes never exceed PEAK
    return array("h", map(int, map(mul, mix, repeat(scale))))


def generate_all(rate: int = SAMPLE_RATE) -> dict[str, array]:
    """Every effect, {name: samples}."""
    return {name: samples(name, rate) for name in SOUND_NAMES}


def wav_bytes(data: array, rate: int = SAMPLE_RATE) -> bytes:
    """A complete .wav file (16-bit mono) holding these samples."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        pcm = array("h", data)
        if pcm.itemsize == 2 and array("h", [1]).tobytes() != b"\x01\x00":
            pcm.byteswap()  # WAV is little-endian
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def asset_wav(name: str, folder: Path | str | None = None) -> bytes | None:
    """The effect's file in `folder` (default `assets/sounds`) if it is a sound the game
    can play (a 16-bit mono WAV at SAMPLE_RATE, not empty, not too long); else None."""
    if folder is None:
        try:
            from assets import SOUNDS as folder
        except ImportError:
            return None
    path = Path(folder) / f"{name}.wav"
    try:
        data = path.read_bytes()
        if len(data) > MAX_WAV_BYTES:
            return None
        with wave.open(io.BytesIO(data), "rb") as wav:
            shape = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
            if shape != (1, 2, SAMPLE_RATE) or wav.getnframes() == 0:
                return None
    except (OSError, EOFError, wave.Error):
        return None
    return data


def wav_for(name: str, folder: Path | str | None = None) -> bytes:
    """The WAV the game plays for `name`: the asset file, or the synthesis when it is
    missing or damaged."""
    return asset_wav(name, folder) or wav_bytes(samples(name))


def export_wav(folder: Path | str, rate: int = SAMPLE_RATE) -> list[Path]:
    """Write every effect as `<folder>/<name>.wav` (to listen to them); returns the paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in generate_all(rate).items():
        path = folder / f"{name}.wav"
        path.write_bytes(wav_bytes(data, rate))
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- playing


def mixer_pre_init() -> None:
    """Call before `pygame.init()` so the mixer it starts has a small buffer (no lag)."""
    try:
        import pygame

        pygame.mixer.pre_init(*MIXER_SETTINGS)
    except Exception as error:
        log.info("pre_init du son impossible : %s", error)


class Sounds:
    """The game's sound effects; `play(name)` never raises and is silent when muted.

    pygame.mixer is started on the first unmuted `play` (or `preload`). If it cannot
    start (no audio device, broken driver), the game simply goes on without sound.
    """

    def __init__(self, muted: bool = False, volume: float = 0.7):
        self.muted = bool(muted)
        self.volume = max(0.0, min(1.0, float(volume)))
        self._sounds: dict[str, object] = {}
        self._ready = False
        self._failed = False
        self._unknown: set[str] = set()

    @property
    def available(self) -> bool:
        """True once the mixer works (False before the first play, and when there is none)."""
        return self._ready and not self._failed

    def set_muted(self, muted: bool) -> None:
        self.muted = bool(muted)
        if self.muted and self._ready:
            try:
                import pygame

                pygame.mixer.stop()
            except Exception:
                pass

    def _start(self) -> bool:
        if self._ready or self._failed:
            return self._ready
        try:
            import pygame

            if pygame.mixer.get_init() is None:
                pygame.mixer.init(*MIXER_SETTINGS)
            for name in SOUND_NAMES:
                sound = pygame.mixer.Sound(file=io.BytesIO(wav_for(name)))
                sound.set_volume(self.volume)
                self._sounds[name] = sound
        except Exception as error:  # no device, dummy driver refusing, anything: no sound
            log.info("pas de son : %s", error)
            self._failed = True
            self._sounds.clear()
            return False
        self._ready = True
        return True

    def preload(self) -> bool:
        """Start the mixer and build the sounds now (e.g. during the loading screen)."""
        return self._start()

    def play(self, name: str) -> bool:
        """Play an effect; True if a sound was actually started."""
        if self.muted:
            return False
        if name not in RECIPES:
            if name not in self._unknown:
                self._unknown.add(name)
                log.warning("son inconnu : %r", name)
            return False
        if not self._start():
            return False
        try:
            self._sounds[name].play()
        except Exception as error:
            log.info("son %s non joué : %s", name, error)
            return False
        return True
