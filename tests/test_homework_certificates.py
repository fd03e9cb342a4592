"""Certificates survive a lost key honestly, and travel with the teacher's backup."""

from game.modes.devoir.homework import backup, certificate

PAPER = certificate.Attestation("Chloé", "5e B", "2C8G-FYZP-TNDS", ((1, 3), (2, 2)), "2026-12-09")


def test_a_deleted_key_cannot_check_never_says_modified(tmp_path):
    code = certificate.issue(PAPER, tmp_path)
    (tmp_path / certificate.KEY_FILE).unlink()
    found, problem = certificate.check(code, tmp_path)
    assert found is None and "je ne peux pas vérifier" in problem.lower()
    assert "modifiée" not in problem
    assert not (tmp_path / certificate.KEY_FILE).exists()  # no new key made silently


def test_a_changed_key_cannot_check_but_an_edit_is_still_caught(tmp_path):
    code = certificate.issue(PAPER, tmp_path)
    (tmp_path / certificate.KEY_FILE).write_text("ab" * 32 + "\n", "ascii")
    problem = certificate.check(code, tmp_path)[1]
    assert "ne peux pas vérifier" in problem and "modifiée" not in problem
    other = tmp_path / "autre"
    code = certificate.issue(PAPER, other)
    ledger = (other / certificate.LEDGER).read_text("utf-8").replace('"Chloé"', '"Chloe"')
    (other / certificate.LEDGER).write_text(ledger, "utf-8")
    assert "modifiée" in certificate.check(code, other)[1]


def test_the_backup_lets_another_computer_check_the_certificates(tmp_path):
    school_a, school_b = tmp_path / "a", tmp_path / "b"
    code = certificate.issue(PAPER, school_a)
    mine = certificate.issue(PAPER, school_b)  # the same words, another key: another code
    assert mine != code and certificate.check(code, school_b)[0] is None
    path = backup.export(tmp_path / "sauvegarde.zip", school_a)
    summary = backup.import_backup(path, school_b)
    assert "1 attestation" in summary
    found, problem = certificate.check(code, school_b)
    assert problem is None and found == PAPER
    assert certificate.check(mine, school_b)[0] == PAPER  # its own still checks
    (tmp_path / "pas-une-sauvegarde.zip").write_bytes(b"PK\x03\x04 nope")
    try:
        backup.import_backup(tmp_path / "pas-une-sauvegarde.zip", school_b)
    except backup.BackupError as error:
        assert "sauvegarde" in str(error)
    else:
        raise AssertionError("a broken backup must be refused")
