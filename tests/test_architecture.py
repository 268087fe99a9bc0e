"""The direction of imports between DigiKomp's top-level packages (docs/architecture.md).

Every module under src/digikomp is parsed with `ast`; an import anywhere in it counts (at module level or inside
a function: a function-level import is still a dependency), except under `if TYPE_CHECKING:`. The imports are
folded into a graph between top-level packages (`digikomp.<package>`; settings, urls, wsgi and __main__ are the
shell). Two tests guard it: no import may point up the layers below, and no cycle may join packages beyond the
known debt listed here. Paying off debt makes the test fail too, until its entry is removed, so the list stays
true.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import digikomp

ROOT = Path(digikomp.__file__).parent
SHELL = {"settings", "urls", "wsgi", "__main__", "__init__"}

# A package may import from its own layer or any layer below, never from one above. Same-layer imports are
# allowed as long as they do not close a cycle.
LAYERS: dict[str, int] = {
    # Pure helpers and cross-cutting records: no DigiKomp imports of their own.
    "lib": 0,
    "audit": 0,
    "checks": 0,
    # Who the requester is and what they may see: municipalities, units, people, roles, permissions.
    "tenancy": 1,
    # Users, login, tokens (a user belongs to a municipality and holds roles).
    "accounts": 2,
    # Domain packages.
    "orgimport": 3,
    "frameworks": 3,
    "profiles": 3,
    "assessments": 3,
    "catalogue": 3,
    # The read side over the domain.
    "insights": 4,
    # What the world talks to.
    "web": 5,
    "api": 5,
    "site": 5,
    "demo": 5,
    "shell": 6,
}

# Known debt: imports that point up a layer. Each entry names why it is still there; remove it when paid.
KNOWN_UPWARD: dict[tuple[str, str], str] = {
    # The campaign page shows the campaign's released figures (insights.selectors); moving that part of the page
    # into insights (or passing the figures in) would remove it.
    ("assessments", "insights"): "assessments/campaigns/views.py reads insights.selectors",
}

# Known debt: cycles between packages, as the sets of packages in each strongly connected component.
KNOWN_CYCLES: list[frozenset[str]] = [
    # frameworks -> profiles: the norm's public and editor URLconfs (frameworks/urls_public.py, urls_editor.py)
    # mount profiles' views, and the public competence page lists the profiles that require the competence
    # (frameworks/public/views.py); profiles -> frameworks is the right way (profiles are built on the model).
    # frameworks -> catalogue: the competence page links to the cases about its area (a function-level import
    # in frameworks/public/views.py); catalogue -> frameworks is the right way (cases are filed by area).
    # Paying it off: move the norm's pages (public and editor) above frameworks and profiles, or mount the
    # profile URLs from the shell.
    frozenset({"frameworks", "profiles", "catalogue"}),
    # assessments -> insights: the campaign page shows the campaign's released figures (insights.selectors);
    # insights -> assessments is the right way (the read side reads campaigns and answers). Also listed in
    # KNOWN_UPWARD.
    frozenset({"assessments", "insights"}),
]


def _module_name(path: Path) -> tuple[list[str], bool]:
    parts = ["digikomp", *path.relative_to(ROOT).with_suffix("").parts]
    if parts[-1] == "__init__":
        return parts[:-1], True
    return parts, False


def _package(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "digikomp" or len(parts) < 2:
        return None
    return "shell" if parts[1] in SHELL else parts[1]


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, module: list[str], is_package: bool):
    """Yield (line, imported module) for every import in the tree, skipping `if TYPE_CHECKING:` blocks."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module if is_package else module[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            if _package(source) is None:
                # `from digikomp import web` or `from . import x` at the top: the names are the modules.
                for alias in node.names:
                    yield node.lineno, f"{source}.{alias.name}"
            else:
                yield node.lineno, source
        stack.extend(ast.iter_child_nodes(node))


def package_graph() -> dict[tuple[str, str], list[str]]:
    """{(importing package, imported package): ["file:line module", ...]} between different packages."""
    edges: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(ROOT.rglob("*.py")):
        module, is_package = _module_name(path)
        source = _package(".".join(module)) if len(module) > 1 else "shell"
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for line, imported in _imports(tree, module, is_package):
            target = _package(imported)
            if target is not None and target != source:
                edges[(source, target)].append(f"{path.relative_to(ROOT)}:{line} {imported}")
    return edges


def strongly_connected(nodes, edges) -> list[frozenset[str]]:
    """Tarjan's algorithm; returns the components of more than one package (the cycles)."""
    successors = defaultdict(set)
    for a, b in edges:
        successors[a].add(b)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in successors[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(frozenset(component))

    for node in sorted(nodes):
        if node not in index:
            visit(node)
    return components


def _describe(edges, pairs) -> str:
    return "\n".join(f"  {a} -> {b}: " + "; ".join(edges[(a, b)][:3]) for a, b in sorted(pairs))


def test_every_package_has_a_layer():
    packages = {_package(".".join(_module_name(p)[0])) for p in ROOT.rglob("*.py") if p.parent != ROOT}
    packages |= {p.stem for p in ROOT.glob("*.py") if p.stem not in SHELL}
    missing = sorted(packages - set(LAYERS))
    assert not missing, f"Place the new package(s) {missing} in LAYERS (and in docs/architecture.md)"


def test_imports_point_down_the_layers():
    edges = package_graph()
    upward = {(a, b) for a, b in edges if LAYERS[a] < LAYERS[b]}
    new = upward - set(KNOWN_UPWARD)
    assert not new, "Imports against the direction of docs/architecture.md:\n" + _describe(edges, new)
    paid = set(KNOWN_UPWARD) - upward
    assert not paid, f"Debt paid off, remove from KNOWN_UPWARD: {sorted(paid)}"


def test_no_new_cycles_between_packages():
    edges = package_graph()
    cycles = strongly_connected({p for edge in edges for p in edge}, edges)
    new = [c for c in cycles if not any(c <= known for known in KNOWN_CYCLES)]
    assert not new, "New cycle(s) between packages:\n" + "\n".join(
        f"{sorted(c)}:\n" + _describe(edges, {(a, b) for a, b in edges if a in c and b in c}) for c in new
    )
    stale = [known for known in KNOWN_CYCLES if known not in cycles]
    assert not stale, (
        f"KNOWN_CYCLES no longer matches the code (cycles now: {[sorted(c) for c in cycles]}); "
        "shrink or remove the entries that were paid off"
    )


def test_the_guard_sees_function_level_imports_and_cycles():
    tree = ast.parse("def f():\n    from digikomp.web import x\nif TYPE_CHECKING:\n    import digikomp.api\n")
    assert [m for _, m in _imports(tree, ["digikomp", "lib", "m"], False)] == ["digikomp.web"]
    assert strongly_connected({"a", "b", "c"}, {("a", "b"), ("b", "a"), ("b", "c")}) == [frozenset({"a", "b"})]
