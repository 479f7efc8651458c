"""The package's import contract, read from the source with ast (nothing is imported).

The stages are layers (DESIGN.md, "Shape of the pipeline"): a module imports from its
own layer or the layers below, never from above, and no two modules import each other,
however indirectly. Imports inside functions and under ``TYPE_CHECKING`` count: a circle
hidden in a function is still a circle. A private name (``_x``) is never imported from
another module, and an import inside a function says why it waits (a comment on its
line or just above: a heavy or optional dependency).
"""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "eventwire"

# The layers, lowest first. A module may import from its own layer and those before it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Records, options, errors and the readers of data files: everything may use them.
    ("base", ("errors", "options", "about", "records", "lexicon", "coding.words", "printable")),
    # read: bytes of any format into articles; the model and the text it parses.
    ("read", ("articles", "readers", "nlp", "labelled", "filing", "warcs")),
    # annotate: dates, actors, places and people named in the text.
    (
        "annotate",
        (
            "dates", "imported", "placenames", "admin_tables", "gazetteer", "geonames",
            "actor_tables", "actor_filters", "actors",
            "identities", "place_lexicon", "place_patterns", "divisions", "former_divisions",
            "villages", "fronts", "places", "people",
        ),
    ),  # fmt: skip
    # detect: triggers, frames, roles and tolls (the first half of the coding wing).
    (
        "detect",
        (
            "coding", "coding.records", "coding.syntax", "coding.numbers",
            "coding.decision_cards", "coding.victims", "coding.tolls", "coding.triggers",
            "coding.factuality", "coding.support", "coding.sides", "coding.role_sites",
            "coding.verb_roles", "coding.noun_roles", "coding.roles", "coding.frames",
        ),
    ),  # fmt: skip
    # resolve: which places of the article stand, given its actors.
    ("resolve", ("placement", "checks")),
    # assemble: events from frames (the rest of the coding wing); claims, quotes, relations.
    ("assemble", ("coding.*", "reading", "claims", "quotes", "relations")),
    ("pipeline", ("pipeline",)),
    # Running the pipeline in this process, in workers or on Dask.
    ("extract", ("parallel",)),
    # Learning from coded data and scoring the coder against it (the pipeline runs inside).
    ("learn", ("training", "evaluation")),
    # The store, and the merging of events across articles that it applies.
    ("store", ("clusters", "store", "store.*")),
    ("output", ("exports", "ingestion", "watching", "training_lines", "editing", "basemap")),
    # The faces: REST, CLI and the package root's public API.
    ("serve", ("api", "api_support", "cli", "cli_edit", "cli_gazetteer", "cli_learning",
               "cli_store", "cli_support", "__main__", "")),
)


def _modules() -> dict[str, Path]:
    """Dotted names relative to the package ("coding.frames"; "" is the package itself)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _layer(name: str) -> int:
    for k, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(name, p) for p in patterns):
            return k
    raise AssertionError(f"module {name or 'eventwire'!r} is in no layer of LAYERS")


def _target(module: str, node: ast.ImportFrom | ast.Import, path: Path) -> list[tuple[str, str]]:
    """(imported module, imported name) pairs that are eventwire modules."""
    out = []
    if isinstance(node, ast.Import):
        for alias in node.names:
            if alias.name == "eventwire" or alias.name.startswith("eventwire."):
                out.append((alias.name.removeprefix("eventwire").lstrip("."), ""))
        return out
    if node.level:
        base = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
        base = [p for p in base if p]
        base = base[: len(base) - (node.level - 1)]
        parent = ".".join([*base, *(node.module.split(".") if node.module else [])])
    elif node.module and (node.module == "eventwire" or node.module.startswith("eventwire.")):
        parent = node.module.removeprefix("eventwire").lstrip(".")
    else:
        return out
    for alias in node.names:
        child = f"{parent}.{alias.name}" if parent else alias.name
        out.append((child, "") if child in MODULES else (parent, alias.name))
    return out


def _imports() -> list[tuple[str, str, str, int, ast.stmt, bool]]:
    """(module, imported module, name, line, node, inside a function) for every import;
    imported module "?" for one from outside eventwire."""
    rows = []
    for name, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local: set[int] = set()
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                local |= {id(n) for n in ast.walk(fn) if isinstance(n, ast.Import | ast.ImportFrom)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target, imported in _target(name, node, path) or [("?", "")]:
                    rows.append((name, target, imported, node.lineno, node, id(node) in local))
    return rows


IMPORTS = _imports()


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for module, target, _name, _line, _node, _local in IMPORTS:
        if target in MODULES and target != module:
            graph[module].add(target)
    return graph


def test_imports_every_module_has_a_layer() -> None:
    for name in MODULES:
        _layer(name)


def test_imports_no_circle() -> None:
    graph = _graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                circles.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    assert not circles, f"import circles: {circles}"


def test_imports_follow_the_layers() -> None:
    wrong = [
        f"{module or 'eventwire'}:{line} imports {target or 'eventwire'} "
        f"({LAYERS[_layer(module)][0]} -> {LAYERS[_layer(target)][0]})"
        for module, target, _name, line, _node, _local in IMPORTS
        if target in MODULES and target != module and _layer(target) > _layer(module)
    ]
    assert not wrong, "\n".join(wrong)


def test_imports_no_private_name_crosses_modules() -> None:
    wrong = [
        f"{module or 'eventwire'}:{line} imports {name} from {target or 'eventwire'}"
        for module, target, name, line, _node, _local in IMPORTS
        if name.startswith("_") and not name.startswith("__") and target != module
    ]
    assert not wrong, "\n".join(wrong)


def test_imports_inside_functions_say_why() -> None:
    """An import inside a function defers a heavy or optional dependency, and says so."""
    wrong = set()
    for module, _target, _name, line, node, local in IMPORTS:
        if not local:
            continue
        lines = MODULES[module].read_text(encoding="utf-8").splitlines()
        # The comment may sit on the import, above it, or above the block of imports it
        # opens (a few imports together share one reason).
        k = line - 1
        while k > 0 and lines[k - 1].strip().startswith(("import ", "from ")):
            k -= 1
        said = "#" in lines[line - 1] or (k > 0 and lines[k - 1].strip().startswith("#"))
        if not said:
            wrong.add(f"{module or 'eventwire'}:{line}: {ast.unparse(node)}")
    assert not wrong, "imports inside functions without a reason:\n" + "\n".join(sorted(wrong))


@pytest.mark.parametrize("layer", [name for name, _ in LAYERS])
def test_imports_layer_names_a_module(layer: str) -> None:
    """Every layer's patterns match a module (a renamed module must be renamed here too)."""
    patterns = dict(LAYERS)[layer]
    for p in patterns:
        assert any(fnmatch.fnmatchcase(m, p) for m in MODULES), f"{layer}: {p!r} matches nothing"
