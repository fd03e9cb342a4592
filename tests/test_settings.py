"""Settings: defaults, round trip, forgiving reading, recovery."""

import json

import pytest

from game import i18n, storage
from game.settings import (
    TEXT_SCALES,
    Settings,
    load_settings,
    save_settings,
    settings_path,
)
from game.storage import SaveError


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


def test_defaults_when_there_is_no_file(tuto_llm_home):
    settings, message = load_settings()
    assert settings == Settings()
    assert message is None
    assert settings.language == "fr" and settings.sound and settings.text_size == 0
    assert not (settings.colorblind_palette or settings.reduce_motion or settings.fullscreen)
    assert not tuto_llm_home.exists()  # reading never creates anything


def test_round_trip(tuto_llm_home):
    chosen = Settings(
        language="en",
        text_size=2,
        colorblind_palette=True,
        sound=False,
        reduce_motion=True,
        fullscreen=True,
    )
    save_settings(chosen)
    assert settings_path() == tuto_llm_home / "settings.json"
    assert json.loads(settings_path().read_text())["version"] == 1
    assert load_settings() == (chosen, None)


def test_text_scale():
    assert [Settings(text_size=i).text_scale for i in range(3)] == list(TEXT_SCALES)
    assert TEXT_SCALES[0] == 1.0


def write_raw(data):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps(data))


def test_unknown_keys_are_ignored():
    write_raw({"version": 1, "language": "en", "volume": 11, "theme": "dark"})
    settings, message = load_settings()
    assert settings == Settings(language="en")
    assert message is None


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("language", "de"),
        ("language", None),
        ("language", ["fr"]),
        ("text_size", 3),
        ("text_size", -1),
        ("text_size", 1.5),
        ("text_size", True),
        ("text_size", "1"),
        ("sound", "yes"),
        ("sound", 0),
        ("fullscreen", None),
        ("colorblind_palette", {"on": True}),
    ],
)
def test_bad_values_get_their_default(key, bad):
    write_raw({"version": 1, "reduce_motion": True, key: bad})
    settings, message = load_settings()
    assert getattr(settings, key) == getattr(Settings(), key)
    assert settings.reduce_motion  # the good values are kept
    assert message is None


def test_a_file_from_another_version_keeps_what_it_can():
    write_raw({"version": 7, "language": "en"})
    assert load_settings() == (Settings(language="en"), None)


@pytest.mark.parametrize("raw", [b"", b"{", b"[1, 2]", b'"fr"', b"\x00\xff\xfe"])
def test_damaged_file_without_backup_gives_defaults_and_a_message(raw):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_bytes(raw)
    settings, message = load_settings()
    assert settings == Settings()
    assert message == i18n.t("common.settings_save.lost")


def test_damaged_file_is_recovered_from_backup():
    save_settings(Settings(language="en"))
    save_settings(Settings(language="en", text_size=1))
    settings_path().write_text('{"language": "en", "text_si')
    settings, message = load_settings()
    assert settings == Settings(language="en")
    assert message == i18n.t("common.settings_save.recovered")


def test_save_failure_is_a_save_error(monkeypatch):
    save_settings(Settings(language="en"))

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(SaveError) as caught:
        patch.setattr(storage.tempfile, "mkstemp", full)
        save_settings(Settings(language="fr"))
    assert caught.value.key == "common.save.disk_full"
    assert load_settings()[0].language == "en"


def test_explicit_path(tmp_path):
    path = tmp_path / "school" / "réglages.json"
    save_settings(Settings(fullscreen=True), path)
    assert load_settings(path) == (Settings(fullscreen=True), None)
