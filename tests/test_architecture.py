"""The layering rules of ../shared/ARCHITECTURE.md, checked on the source: every module's imports are read
with ast (imports inside functions too) and each rule names the module that breaks it.

Rules: no import cycle between modules; nothing outside kidcoder/ui/ imports kidcoder.ui (the
entry points that open the window excepted); the pure modules never import pygame, not even
through the modules they import at load time; whoosh is imported only in kidcoder/knowledge/index/;
gpt4all by one module at most; no module is over 400 lines.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Set, Tuple

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kidcoder"
MAX_LINES = 400

# It starts the window (python main.py, and `kidcoder` with no subcommand through it): the top of
# every arrow, so it may import the window.
ENTRY_POINTS = {"kidcoder.app"}
PURE_MODULES = {"kidcoder.editor.buffer", "kidcoder.runner.protocol", "kidcoder.ui.layout"}
PURE_PACKAGES = ("kidcoder.diagnosis", "kidcoder.knowledge", "kidcoder.making", "kidcoder.helper", "kidcoder.model",
                 "kidcoder.projects")
NOT_PURE = {"kidcoder.model.worker"}           # the model's worker process may use anything
WHOOSH_HOME = "kidcoder.knowledge.index"

# Today's violations in areas other sessions are changing at the same time (issue 13: ui/, model/,
# helper/, bench/window.py, cli.py, runner/viewer.py). The lead empties this list at merge; an entry
# that no longer happens fails the test, so the list can only shrink. (rule, module) pairs.
KNOWN_VIOLATIONS: Set[Tuple[str, str]] = set()    # none left: keep it that way


@dataclass(frozen=True)
class Import:
    target: str        # a kidcoder module, or the top name of an outside package ("pygame")
    line: int
    top_level: bool    # run when the module is loaded (not inside a function)


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES: Dict[str, Path] = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str:
    """A kidcoder module for a dotted name: itself, or the module that holds it (kidcoder.a.b.Thing -> kidcoder.a.b)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name


def _function_nodes(tree: ast.AST) -> Set[int]:
    inside: Set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inside.update(id(child) for child in ast.walk(node) if child is not node)
    return inside


def imports_of(module: str) -> List[Import]:
    """Every import in the module's source, resolved to kidcoder modules or outside top-level packages."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    in_functions = _function_nodes(tree)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: List[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names] if base.startswith("kidcoder") else [base]
        else:
            continue
        for name in names:
            target = _resolve(name) if name.split(".")[0] == "kidcoder" else name.split(".")[0]
            if target and target != module:
                found.append(Import(target, node.lineno, id(node) not in in_functions))
    return found


IMPORTS: Dict[str, List[Import]] = {module: imports_of(module) for module in MODULES}


def _in(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


Imports = Dict[str, List[Import]]


def import_cycles(imports: Imports) -> List[List[str]]:
    """Groups of modules that import each other (directly or round a loop), each sorted (Tarjan)."""
    graph = {m: sorted({i.target for i in imports[m] if i.target in imports}) for m in imports}
    index: Dict[str, int] = {}
    low: Dict[str, int] = {}
    stack: List[str] = []
    on_stack: Set[str] = set()
    groups: List[List[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return sorted(groups)


def is_pure(module: str) -> bool:
    return module not in NOT_PURE and (module in PURE_MODULES or any(_in(module, p) for p in PURE_PACKAGES))


def pygame_chain(module: str, imports: Imports) -> List[str]:
    """How a module gets pygame: [] when it never does, else the modules from it to the one importing pygame.
    Its own imports count wherever they are; the modules it reaches count by what they import at load time."""
    if any(i.target == "pygame" for i in imports[module]):
        return [module, "pygame"]
    seen, queue = {module: [module]}, [module]
    while queue:
        current = queue.pop(0)
        for imp in imports[current]:
            if not imp.top_level or imp.target not in imports or imp.target in seen:
                continue
            path = seen[current] + [imp.target]
            if any(i.target == "pygame" and i.top_level for i in imports[imp.target]):
                return path + ["pygame"]
            seen[imp.target] = path
            queue.append(imp.target)
    return []


def violations(imports: Imports = IMPORTS) -> Dict[Tuple[str, str], str]:
    """(rule, module) -> what is wrong, for every rule and module."""
    found: Dict[Tuple[str, str], str] = {}
    for group in import_cycles(imports):
        for module in group:
            found[("cycle", module)] = f"{module} is in an import cycle with {', '.join(sorted(set(group) - {module}))}"
    gpt4all = sorted(m for m in imports if any(i.target == "gpt4all" for i in imports[m]))
    for module, own in imports.items():
        for imp in own:
            if _in(imp.target, "kidcoder.ui") and not _in(module, "kidcoder.ui") and module not in ENTRY_POINTS:
                found[("ui", module)] = f"{module} imports {imp.target} (line {imp.line}): only kidcoder/ui/ may"
            if imp.target == "whoosh" and not _in(module, WHOOSH_HOME):
                found[("whoosh", module)] = (f"{module} imports whoosh (line {imp.line}): only "
                                             f"kidcoder/knowledge/index/ may")
        if len(gpt4all) > 1 and module in gpt4all:
            found[("gpt4all", module)] = f"{module} imports gpt4all, and so do {', '.join(sorted(set(gpt4all) - {module}))}"
        if is_pure(module):
            chain = pygame_chain(module, imports)
            if chain:
                found[("pygame", module)] = f"{module} is pure but imports pygame: {' -> '.join(chain)}"
        lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found[("size", module)] = f"{module} has {lines} lines (over {MAX_LINES}: it holds two ideas)"
    return found


def test_the_architecture_rules_hold():
    broken = violations()
    new = [f"[{rule}] {broken[(rule, module)]}" for rule, module in sorted(broken)
           if (rule, module) not in KNOWN_VIOLATIONS]
    assert new == [], "\n".join(["architecture rules broken:"] + new)


def test_known_violations_only_shrink():
    stale = sorted(KNOWN_VIOLATIONS - set(violations()))
    assert stale == [], f"fixed now, take them off KNOWN_VIOLATIONS: {stale}"


# ----- the checker itself finds what it is meant to find ---------------------------------------------

def test_imports_are_read_at_every_depth_and_resolved_to_modules():
    checkrun = {i.target: i.top_level for i in IMPORTS["kidcoder.diagnosis.checkrun"]}
    assert checkrun["kidcoder.runner.headless"] is True
    frames = {(i.target, i.top_level) for i in IMPORTS["kidcoder.runner.frames"]}
    assert ("pygame", False) in frames and ("pygame", True) not in frames
    assert "kidcoder.diagnosis.pyparse" in {i.target for i in IMPORTS["kidcoder.diagnosis.registry"]}


def test_a_cycle_and_a_pure_module_with_pygame_would_be_caught():
    fake = {**IMPORTS,
            "kidcoder.config": IMPORTS["kidcoder.config"] + [Import("kidcoder.diagnosis.finding", 1, True)],
            "kidcoder.diagnosis.finding": IMPORTS["kidcoder.diagnosis.finding"] + [Import("kidcoder.config", 1, True)],
            "kidcoder.making.nouns": IMPORTS["kidcoder.making.nouns"] + [Import("whoosh", 9, False)],
            "kidcoder.i18n": IMPORTS["kidcoder.i18n"] + [Import("kidcoder.ui.layout", 4, False), Import("gpt4all", 5, False)],
            "kidcoder.paths": IMPORTS["kidcoder.paths"] + [Import("pygame", 1, True), Import("gpt4all", 2, True)]}
    broken = violations(fake)
    assert "line 4" in broken[("ui", "kidcoder.i18n")] and ("gpt4all", "kidcoder.paths") in broken
    assert "kidcoder.diagnosis.finding" in broken[("cycle", "kidcoder.config")]
    # knowledge.cards imports paths at load time, so it now reaches pygame through it
    assert broken[("pygame", "kidcoder.knowledge.cards")].endswith("kidcoder.paths -> pygame")
    assert "line 9" in broken[("whoosh", "kidcoder.making.nouns")]


@pytest.mark.parametrize("module", sorted(PURE_MODULES | set(PURE_PACKAGES) | NOT_PURE | ENTRY_POINTS) + [WHOOSH_HOME])
def test_the_named_modules_exist(module):
    assert module in MODULES
