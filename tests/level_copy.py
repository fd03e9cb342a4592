"""A throwaway sixth level, made the way a new engineer would: copy a level's folder,
rename it, add one line to the registry (`numero=None` keeps the copied `numero`:
the registry's order numbers the levels anyway).

`install_level_copy(tmp_path, monkeypatch)` copies `levels/l2_erreurs` (logic, view,
both catalogs) to `<tmp>/levels_extra/l6_essai`, renames its package and id, sets
`numero = 6`, makes it importable as `levels.l6_essai` and appends
`levels.l6_essai.logic` to `levels.registry.MODULES`. Nothing else of the game is told:
if the map, the screenshots, `solve` or `verify` need more than that, the tests using
it fail. The copy is made from the real level at test time, so it follows every change
of the real levels (no stale duplicate in the repository).

Use the `sixth_level` fixture (tests/conftest.py); `uninstall_level_copy` undoes it.
"""

import importlib
import re
import shutil
import sys
from pathlib import Path

import levels
from levels import registry

SOURCE = "l2_erreurs"
PACKAGE = "l6_essai"
NUMERO = 6


def install_level_copy(tmp_path, monkeypatch, source=SOURCE, package=PACKAGE, numero=NUMERO):
    """Register a copy of `levels/<source>` as the last level; returns its NIVEAU."""
    from game import i18n

    root = Path(tmp_path) / "levels_extra"
    folder = root / package
    shutil.copytree(
        Path(levels.__path__[0]) / source, folder, ignore=shutil.ignore_patterns("__pycache__")
    )
    for path in folder.iterdir():
        if path.suffix in (".py", ".toml"):
            text = path.read_text(encoding="utf-8").replace(source, package)
            if path.name == "logic.py" and numero is not None:  # None: keeps the old one
                text = re.sub(r"^(\s+)numero = \d+$", rf"\g<1>numero = {numero}", text, flags=re.M)
            path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(levels, "__path__", [*levels.__path__, str(root)])
    monkeypatch.setattr(registry, "MODULES", [*registry.MODULES, f"levels.{package}.logic"])
    _forget(package)
    importlib.invalidate_caches()
    monkeypatch.setattr(i18n, "_levels_dirs", lambda: [Path(p) for p in levels.__path__])
    i18n.reload_catalogs()
    return importlib.import_module(f"levels.{package}.logic").NIVEAU


def uninstall_level_copy(monkeypatch, package=PACKAGE):
    """Undo `install_level_copy`: give it a `pytest.MonkeyPatch()` of its own, since
    every patch of that object is undone."""
    from game import i18n

    monkeypatch.undo()
    _forget(package)
    i18n.reload_catalogs()


def _forget(package):
    for name in [
        m for m in sys.modules if m == f"levels.{package}" or m.startswith(f"levels.{package}.")
    ]:
        del sys.modules[name]
