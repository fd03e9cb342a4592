"""Saves: atomic writes, backups, recovery from every kind of damage, never a crash."""

import errno
import json
import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import i18n, storage
from game.storage import ReadResult, SaveError, read_json, write_atomic, write_json


@pytest.fixture(autouse=True)
def french():
    i18n.set_language("fr")
    yield
    i18n.set_language("fr")


def check_version(data):
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError("wrong version")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --------------------------------------------------------------------------- home_dir


def test_home_dir_follows_the_environment_at_call_time(monkeypatch, tmp_path):
    monkeypatch.setenv("TUTO_LLM_HOME", str(tmp_path / "a"))
    assert storage.home_dir() == tmp_path / "a"
    monkeypatch.setenv("TUTO_LLM_HOME", str(tmp_path / "b"))
    assert storage.home_dir() == tmp_path / "b"


def test_home_dir_is_not_created_by_asking(tuto_llm_home):
    assert storage.home_dir() == tuto_llm_home
    assert not tuto_llm_home.exists()


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_DATA_HOME": "/data/xdg"}, Path("/data/xdg/tuto-llm")),
        ("linux", {}, Path.home() / ".local" / "share" / "tuto-llm"),
        ("linux", {"XDG_DATA_HOME": "relative/path"}, Path.home() / ".local/share/tuto-llm"),
        ("darwin", {}, Path.home() / "Library" / "Application Support" / "TutoLLM"),
        ("win32", {"APPDATA": "/appdata"}, Path("/appdata/TutoLLM")),
    ],
)
def test_home_dir_by_os_convention(monkeypatch, platform, env, expected):
    monkeypatch.delenv("TUTO_LLM_HOME")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.delenv("APPDATA", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setattr(sys, "platform", platform)
    assert storage.home_dir() == expected


# --------------------------------------------------------------------------- write_atomic


def test_write_creates_folders_and_keeps_the_previous_version(tuto_llm_home):
    path = tuto_llm_home / "deep" / "folder" / "file.json"
    write_atomic(path, "one")
    assert path.read_text() == "one"
    assert not storage.backup_path(path).exists()
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two"
    assert storage.backup_path(path).read_text() == "one"
    write_atomic(path, "trois é")
    assert path.read_text(encoding="utf-8") == "trois é"
    assert storage.backup_path(path).read_text() == "two"
    assert leftovers(path.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_written_files_can_be_read_by_others_and_keep_a_chosen_mode(tuto_llm_home):
    """A run file, a .lss or a CSV is made to be handed in or opened by LiveSplit under
    another account: not the private 0600 of a temp file."""
    path = tuto_llm_home / "course" / "run.lss"
    write_atomic(path, "<Run/>")
    assert path.stat().st_mode & 0o777 == 0o644
    path.chmod(0o600)  # someone chose private: the next save keeps it
    write_atomic(path, "<Run></Run>")
    assert path.stat().st_mode & 0o777 == 0o600


def test_an_empty_file_never_replaces_a_good_backup(tuto_llm_home):
    path = tuto_llm_home / "f.json"
    write_atomic(path, "good")
    write_atomic(path, "newer")
    path.write_bytes(b"")  # damaged by something else
    write_atomic(path, "latest")
    assert storage.backup_path(path).read_text() == "good"


def test_write_without_backup(tuto_llm_home):
    path = tuto_llm_home / "f.txt"
    write_atomic(path, "a")
    write_atomic(path, "b", backup=False)
    assert not storage.backup_path(path).exists()


@pytest.mark.parametrize(
    ("error", "key"),
    [
        (PermissionError(errno.EACCES, "denied"), "common.save.write_denied"),
        (OSError(errno.EROFS, "read-only file system"), "common.save.write_denied"),
        (OSError(errno.ENOSPC, "no space left"), "common.save.disk_full"),
        (OSError(errno.EIO, "i/o error"), "common.save.write_failed"),
    ],
)
@pytest.mark.parametrize("where", ["mkstemp", "replace", "fsync"])
def test_a_failed_write_raises_one_save_error_and_loses_nothing(
    tuto_llm_home, monkeypatch, error, key, where
):
    path = tuto_llm_home / "progress.json"
    write_json(path, {"version": 1, "stars": 1})
    write_json(path, {"version": 1, "stars": 2})
    before = path.read_bytes(), storage.backup_path(path).read_bytes()

    def boom(*args, **kwargs):
        raise error

    target = {"mkstemp": storage.tempfile, "replace": storage.os, "fsync": storage.os}[where]
    with monkeypatch.context() as patch, pytest.raises(SaveError) as caught:
        patch.setattr(target, where, boom)
        write_json(path, {"version": 1, "stars": 3})
    assert caught.value.key == key
    assert str(caught.value) == i18n.t(key)
    assert str(caught.value) != key  # a real sentence from the catalog
    assert caught.value.path == path
    assert path.read_bytes() == before[0]
    assert read_json(path, check_version).data == {"version": 1, "stars": 2}
    assert leftovers(tuto_llm_home) == []


def test_failing_on_the_second_replace_keeps_the_current_file(tuto_llm_home, monkeypatch):
    """The backup was refreshed, then the final rename failed: the file is still the last write."""
    path = tuto_llm_home / "p.json"
    write_json(path, {"version": 1, "n": 1})
    write_json(path, {"version": 1, "n": 2})
    real_replace = os.replace

    def replace(src, dst):
        if Path(dst) == path:
            raise OSError(errno.EIO, "disk error")
        return real_replace(src, dst)

    with monkeypatch.context() as patch, pytest.raises(SaveError):
        patch.setattr(storage.os, "replace", replace)
        write_json(path, {"version": 1, "n": 3})
    assert read_json(path, check_version) == ReadResult({"version": 1, "n": 2})
    assert leftovers(tuto_llm_home) == []


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores permissions"
)
def test_read_only_directory(tuto_llm_home):
    path = tuto_llm_home / "p.json"
    write_json(path, {"version": 1, "n": 1})
    tuto_llm_home.chmod(0o500)
    try:
        with pytest.raises(SaveError) as caught:
            write_json(path, {"version": 1, "n": 2})
        assert caught.value.key == "common.save.write_denied"
        assert read_json(path, check_version).data == {"version": 1, "n": 1}
    finally:
        tuto_llm_home.chmod(0o700)


def test_read_only_folder_as_a_file_in_the_way(tuto_llm_home):
    """A file where the folder should be: the write fails cleanly, even as root."""
    tuto_llm_home.mkdir(parents=True)
    (tuto_llm_home / "profiles").write_text("not a folder")
    with pytest.raises(SaveError):
        write_atomic(tuto_llm_home / "profiles" / "x.json", "{}")
    assert (tuto_llm_home / "profiles").read_text() == "not a folder"


@pytest.mark.parametrize("content", [object(), 12, None, {"a": 1}])
def test_write_atomic_refuses_non_text_with_a_save_error(tuto_llm_home, content):
    with pytest.raises(SaveError):
        write_atomic(tuto_llm_home / "x", content)


def test_write_json_refuses_unserialisable_data_with_a_save_error(tuto_llm_home):
    path = tuto_llm_home / "x.json"
    write_json(path, {"ok": True})
    with pytest.raises(SaveError):
        write_json(path, {"bad": object()})
    with pytest.raises(SaveError):
        write_json(path, {"bad": "\ud800"})  # lone surrogate: not encodable
    assert json.loads(path.read_text()) == {"ok": True}


# --------------------------------------------------------------------------- read_json

DAMAGE = {
    "truncated": lambda good: good[: len(good) // 2],
    "empty": lambda good: b"",
    "whitespace": lambda good: b"  \n\t ",
    "garbage": lambda good: b"ceci n'est pas du JSON {{{",
    "binary junk": lambda good: bytes(range(256)) * 4,
    "not utf-8": lambda good: good.replace(b"1", b"\xff\xfe"),
    "wrong version": lambda good: good.replace(b'"version": 1', b'"version": 99'),
    "wrong structure": lambda good: b"[1, 2, 3]",
    "null": lambda good: b"null",
    "deep nesting": lambda good: b"[" * 100_000,
    "huge integer": lambda good: b'{"version": 1, "n": ' + b"9" * 5000 + b"}",
}


def test_missing_file_is_a_fresh_start_without_message(tuto_llm_home):
    result = read_json(tuto_llm_home / "nothing.json", check_version)
    assert result == ReadResult(None, None)
    data, message = result
    assert data is None and message is None


def test_a_good_file_reads_without_message(tuto_llm_home):
    path = tuto_llm_home / "ok.json"
    write_json(path, {"version": 1, "prénom": "Zoé"})
    assert read_json(path, check_version) == ReadResult({"version": 1, "prénom": "Zoé"})


def test_a_bom_from_a_text_editor_is_fine(tuto_llm_home):
    path = tuto_llm_home / "ok.json"
    tuto_llm_home.mkdir()
    path.write_bytes(b'\xef\xbb\xbf{"version": 1}')
    assert read_json(path, check_version).data == {"version": 1}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_file_is_recovered_from_the_backup(tuto_llm_home, damage):
    path = tuto_llm_home / "profile.json"
    write_json(path, {"version": 1, "n": 1})
    write_json(path, {"version": 1, "n": 2})
    damaged = DAMAGE[damage](path.read_bytes())
    path.write_bytes(damaged)

    result = read_json(path, check_version)

    assert result.data == {"version": 1, "n": 1}  # only the last write is lost
    assert result.recovered
    assert result.message == i18n.t("common.save.recovered")
    assert result.message_key == "common.save.recovered"
    assert result.message.count(".") == 1 and result.message.endswith(".")  # one sentence
    # the damaged file is kept aside, and the good copy is back in place
    assert len(result.moved_aside) == 1
    assert result.moved_aside[0].read_bytes() == damaged
    assert ".abime-" in result.moved_aside[0].name
    assert read_json(path, check_version) == ReadResult({"version": 1, "n": 1})
    # the next save keeps the recovered version as its backup
    write_json(path, {"version": 1, "n": 3})
    assert read_json(storage.backup_path(path), check_version).data == {"version": 1, "n": 1}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_both_damaged_moves_them_aside_and_starts_fresh(tuto_llm_home, damage):
    path = tuto_llm_home / "profile.json"
    write_json(path, {"version": 1, "n": 1})
    write_json(path, {"version": 1, "n": 2})
    bad_main = DAMAGE[damage](path.read_bytes())
    bad_bak = b"\x00\x01junk"
    path.write_bytes(bad_main)
    storage.backup_path(path).write_bytes(bad_bak)

    result = read_json(path, check_version)

    assert result.data is None
    assert result.message == i18n.t("common.save.lost")
    assert not path.exists() and not storage.backup_path(path).exists()
    kept = sorted(p.read_bytes() for p in tuto_llm_home.iterdir())
    assert kept == sorted([bad_main, bad_bak])  # moved, never deleted
    assert len(result.moved_aside) == 2
    # a fresh start can be saved and read again
    write_json(path, {"version": 1, "n": 0})
    assert read_json(path, check_version) == ReadResult({"version": 1, "n": 0})


def test_damaged_without_backup(tuto_llm_home):
    tuto_llm_home.mkdir()
    path = tuto_llm_home / "s.json"
    path.write_text("{oops")
    result = read_json(path)
    assert result.data is None
    assert result.message == i18n.t("common.save.lost")
    assert [p.read_text() for p in result.moved_aside] == ["{oops"]


def test_moving_aside_twice_in_the_same_second_keeps_both(tuto_llm_home):
    tuto_llm_home.mkdir()
    path = tuto_llm_home / "s.json"
    for text in ("{one", "{two"):
        path.write_text(text)
        read_json(path)
    assert sorted(p.read_text() for p in tuto_llm_home.iterdir()) == ["{one", "{two"]


def test_missing_file_with_a_good_backup_is_recovered(tuto_llm_home):
    path = tuto_llm_home / "s.json"
    write_json(path, {"version": 1, "n": 1})
    write_json(path, {"version": 1, "n": 2})
    path.unlink()
    result = read_json(path, check_version)
    assert result.data == {"version": 1, "n": 1}
    assert result.message == i18n.t("common.save.recovered")
    assert path.exists()


def test_validate_can_convert_the_data(tuto_llm_home):
    path = tuto_llm_home / "s.json"
    write_json(path, {"version": 1, "n": 5})
    assert read_json(path, lambda d: d["n"] * 2).data == 10


def test_an_unreadable_file_is_not_moved_or_erased(tuto_llm_home, monkeypatch):
    path = tuto_llm_home / "s.json"
    write_json(path, {"version": 1})
    write_json(path, {"version": 1, "n": 2})

    def denied(self):
        raise PermissionError(errno.EACCES, "denied")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "read_bytes", denied)
        result = read_json(path, check_version)
    assert result.data is None
    assert result.message == i18n.t("common.save.unreadable")
    assert result.moved_aside == []
    assert json.loads(path.read_text()) == {"version": 1, "n": 2}


def test_messages_follow_the_language(tuto_llm_home):
    tuto_llm_home.mkdir()
    path = tuto_llm_home / "s.json"
    path.write_text("{")
    i18n.set_language("en")
    result = read_json(path)
    assert result.message == i18n.get_translator().t("common.save.lost")
    assert "damaged" in result.message


def test_messages_prefix_chooses_the_sentences(tuto_llm_home):
    tuto_llm_home.mkdir()
    path = tuto_llm_home / "settings.json"
    path.write_text("{")
    result = read_json(path, messages="common.settings_save")
    assert result.message == i18n.t("common.settings_save.lost")


def test_a_buggy_validator_never_escapes(tuto_llm_home):
    path = tuto_llm_home / "s.json"
    write_json(path, {"version": 1})

    def buggy(data):
        raise RuntimeError("bug")

    result = read_json(path, buggy)
    assert result.data is None and result.message


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(junk=st.binary(max_size=600), with_backup=st.booleans())
def test_arbitrary_bytes_never_raise(tuto_llm_home, junk, with_backup):
    path = tuto_llm_home / "fuzz" / "s.json"
    for leftover in path.parent.glob("*") if path.parent.exists() else []:
        leftover.unlink()
    write_json(path, {"version": 1, "n": 1})
    write_json(path, {"version": 1, "n": 2})
    if not with_backup:
        storage.backup_path(path).unlink()
    path.write_bytes(junk)
    result = read_json(path, check_version)
    assert result.data in (None, {"version": 1, "n": 1}) or result.data == json.loads(junk)
    if result.data is None:
        assert result.message
