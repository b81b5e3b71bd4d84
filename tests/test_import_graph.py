"""The packages under app/ depend on each other one way: no import cycle between packages, and
app/core (the leaf) imports none of them.

Every import counts, at module level or inside a function (`from app.x import y`,
`import app.x.y`, relative imports). The top-level modules (app/main.py, api.py, cli.py, seed.py,
models.py, ...) are the composition root: they import everything, so they are not nodes, and no
package may import them."""

from __future__ import annotations

import ast
from collections import defaultdict, deque
from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"

# (package imported from, package imported) -> where: "app/x/y.py:12"
Edges = Mapping[tuple[str, str], list[str]]


def packages() -> set[str]:
    return {path.parent.name for path in APP.glob("*/__init__.py")}


def _module_parts(path: Path) -> tuple[list[str], bool]:
    """app/x/y.py -> (["app", "x", "y"], False); app/x/__init__.py -> (["app", "x"], True)."""
    parts = list(path.relative_to(APP.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return parts[:-1], True
    return parts, False


def _imported(node: ast.AST, parts: list[str], is_package: bool) -> Iterator[str]:
    """The dotted modules (or `app.name` for `from app import name`) an import names."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        if node.level:
            base = parts if is_package else parts[:-1]
            base = base[: len(base) - (node.level - 1)]
            module = ".".join([*base, *([node.module] if node.module else [])])
        else:
            module = node.module or ""
        if module == "app":
            yield from (f"app.{alias.name}" for alias in node.names)
        else:
            yield module


def imports() -> tuple[dict[tuple[str, str], list[str]], dict[str, list[str]]]:
    """Edges between packages, and each package's imports of a top-level module."""
    known = packages()
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    of_root: dict[str, list[str]] = defaultdict(list)
    for path in sorted(APP.rglob("*.py")):
        parts, is_package = _module_parts(path)
        if len(parts) < 2 or parts[1] not in known:
            continue  # a top-level module: the composition root
        source = parts[1]
        where = path.relative_to(APP.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for module in _imported(node, parts, is_package):
                names = module.split(".")
                if names[0] != "app" or len(names) < 2 or names[1] == source:
                    continue
                line = f"{where}:{getattr(node, 'lineno', 0)} imports {module}"
                if names[1] in known:
                    edges[(source, names[1])].append(line)
                else:
                    of_root[source].append(line)
    return edges, of_root


def cycles(edges: Edges) -> list[list[str]]:
    """One shortest cycle through each package that lies on one ([a, b, ..., a]), each cycle
    once."""
    after: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        after[source].add(target)
    found: list[list[str]] = []
    seen: set[frozenset[str]] = set()
    for start in sorted(after):
        # Breadth first from start's successors back to start: the shortest way round.
        came_from: dict[str, str] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for target in sorted(after[node]):
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    cycle = [start, *reversed(path[:-1]), start]
                    if frozenset(cycle) not in seen:
                        seen.add(frozenset(cycle))
                        found.append(cycle)
                    queue.clear()
                    break
                if target not in came_from:
                    came_from[target] = node
                    queue.append(target)
    return found


def describe(cycle: list[str], edges: Edges) -> str:
    steps = [f"  {a} -> {b}: {edges[(a, b)][0]}" for a, b in pairwise(cycle)]
    return " -> ".join(cycle) + "\n" + "\n".join(steps)


def test_the_packages_of_app_import_each_other_without_a_cycle() -> None:
    edges, _ = imports()
    found = [describe(cycle, edges) for cycle in cycles(edges)]
    assert not found, "import cycle(s) between packages of app/:\n" + "\n".join(found)


def test_core_imports_no_other_package_of_app() -> None:
    edges, of_root = imports()
    outward = [line for (source, _), lines in edges.items() if source == "core" for line in lines]
    assert not outward + of_root.get("core", []), "\n".join(outward + of_root.get("core", []))


def test_no_package_imports_the_composition_root() -> None:
    _, of_root = imports()
    lines = [line for found in of_root.values() for line in found]
    assert not lines, "\n".join(lines)


def test_the_graph_sees_every_kind_of_import() -> None:
    """The reader finds function-local, `import app.x.y`, `from app import x` and relative
    imports, and the cycle finder names a cycle of three."""
    source = (
        "import app.b.models\n"
        "from app import c\n"
        "from . import sibling\n"
        "from ..d.service import f\n"
        "def later():\n"
        "    from app.e.x import y\n"
    )
    tree = ast.parse(source)
    found = [
        module
        for node in ast.walk(tree)
        for module in _imported(node, ["app", "a", "service"], is_package=False)
    ]
    assert sorted(found) == ["app.a", "app.b.models", "app.c", "app.d.service", "app.e.x"]
    three = {("a", "b"): ["1"], ("b", "c"): ["2"], ("c", "a"): ["3"], ("c", "d"): ["4"]}
    assert cycles(three) == [["a", "b", "c", "a"]]
    assert cycles({("a", "b"): ["1"], ("b", "c"): ["2"]}) == []
    assert describe(["a", "b", "c", "a"], three).startswith("a -> b -> c -> a\n  a -> b: 1")
