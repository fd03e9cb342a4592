"""No import circles: the modules of engine/, levels/ and game/ import each other along a
graph without cycles (module-level imports, the ones run when a module is loaded;
an import inside a function is a deliberate late import and is not counted)."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("engine", "levels", "game")


def module_name(path, root=ROOT):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(tree):
    """Import nodes run at load time: the module body, its classes, its if/try blocks —
    not functions, not `if TYPE_CHECKING:`."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            test = ast.unparse(node.test)
            if "TYPE_CHECKING" not in test:
                todo.extend(node.body)
            todo.extend(node.orelse)
        elif isinstance(node, ast.Try | ast.With | ast.ClassDef):
            for field in ("body", "orelse", "finalbody"):
                todo.extend(getattr(node, field, []))
            for handler in getattr(node, "handlers", []):
                todo.extend(handler.body)


def import_graph(root=ROOT, packages=PACKAGES):
    """{module: {modules of the tree it imports at load time}}."""
    files = {module_name(p, root): p for top in packages for p in (root / top).rglob("*.py")}
    graph = {}
    for name, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in _top_level_imports(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
            edges.update(t for t in targets if t in files and t != name)
        graph[name] = edges
    return graph


def cycles(graph):
    """The strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_module_of_the_tree_is_in_an_import_circle():
    found = cycles(import_graph())
    assert not found, "modules qui s'importent en cercle : " + " ; ".join(
        " ↔ ".join(component) for component in found
    )


def test_the_check_sees_a_circle(tmp_path):
    package = tmp_path / "game"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from game import b\n")
    (package / "b.py").write_text("import os\n\n\ndef f():\n    pass\n\n\nfrom game.a import x\n")
    (package / "c.py").write_text("def f():\n    from game import a\n")
    assert cycles(import_graph(tmp_path, ("game",))) == [["game.a", "game.b"]]


def test_no_module_outside_the_commands_imports_a_command():
    commands = {"game.commands"} | {
        module_name(p) for p in (ROOT / "game" / "commands").glob("*.py")
    }
    for path in (ROOT / "game").rglob("*.py"):
        name = module_name(path)
        if name in commands or name.endswith((".command", "_command")):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = {node.module} | {f"{node.module}.{a.name}" for a in node.names}
                bad = {t for t in targets if t in commands or t.endswith((".command", "_command"))}
                assert not bad - {"game.commands"}, f"{name} importe la commande {bad}"
