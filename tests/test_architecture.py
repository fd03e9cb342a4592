"""The dependency arrow of DESIGN.md: game → levels → engine, never the other way."""

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STDLIB = set(sys.stdlib_module_names)


def imported_modules(path):
    """Every module a Python file imports (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            for alias in node.names:  # `from levels import questions`: a module too
                name = f"{node.module}.{alias.name}"
                if (ROOT / (name.replace(".", "/") + ".py")).exists():
                    yield name


def top(module):
    return module.split(".")[0]


def test_the_engine_uses_only_the_standard_library_and_itself():
    for path in (ROOT / "engine").glob("*.py"):
        for module in imported_modules(path):
            assert top(module) in STDLIB | {"engine"}, f"{path.name} imports {module}"


def test_levels_never_import_the_game():
    for path in (ROOT / "levels").rglob("*.py"):
        for module in imported_modules(path):
            assert top(module) != "game", f"{path.relative_to(ROOT)} imports {module}"


def test_level_logic_is_pygame_free():
    """logic.py imports the engine, the standard library and pygame-free level modules."""
    for path in (ROOT / "levels").glob("*/logic.py"):
        for module in imported_modules(path):
            where = f"{path.relative_to(ROOT)} imports {module}"
            assert top(module) in STDLIB | {"engine", "levels"}, where
            if top(module) == "levels":
                helper = ROOT / (module.replace(".", "/") + ".py")
                if not helper.exists():  # a package: its __init__.py
                    helper = ROOT / module.replace(".", "/") / "__init__.py"
                assert "pygame" not in {top(m) for m in imported_modules(helper)}, where
