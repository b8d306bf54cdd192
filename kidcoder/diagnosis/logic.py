"""Logic slips Python accepts but that do nothing: `score == score + 1` (compare, not set),
`pygame.display.flip` without brackets (not called), `event.type == pygame.quit`
(the function, not the QUIT event), and loops that can never end (confirmed by a timeout).
"""
from __future__ import annotations

import ast
import re
from typing import List, Set

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.gameloop import dotted_name, functions
from kidcoder.diagnosis.registry import static_check

# finding key -> knowledge card the level-2 hint shows (a missing card is fine)
CARDS = {"diag.quit_lowercase": "events-quit", "diag.compare_not_assign": "comparisons",
         "diag.plus_equals_typo": "numbers-math", "diag.missing_call": "functions",
         "diag.endless_loop": "while-loop"}

# Things a child must call to get a value: `clock = pygame.time.Clock` keeps the class, not a clock.
MAKERS = ("pygame.time.Clock", "pygame.Rect", "pygame.Surface", "pygame.font.Font", "pygame.font.SysFont",
          "pygame.display.set_mode", "pygame.key.get_pressed", "pygame.mouse.get_pos", "pygame.event.get",
          "pygame.display.get_surface", "random.randint", "random.choice", "input")
KNOWN_FUNCTIONS = ("pygame.display.flip", "pygame.display.update", "pygame.quit", "pygame.init",
                   "sys.exit", "exit", "quit", "pygame.event.get", "pygame.event.pump")


@static_check
def statements_that_do_nothing(program: Program) -> List[Finding]:
    findings: List[Finding] = []
    defs = functions(program.tree)
    for node in ast.walk(program.tree):
        if not isinstance(node, ast.Expr):
            continue
        value = node.value
        if isinstance(value, ast.Compare) and len(value.ops) == 1 and isinstance(value.ops[0], ast.Eq) \
                and isinstance(value.left, (ast.Name, ast.Attribute, ast.Subscript)):
            findings.append(Finding("logic", node.lineno, node.col_offset + 1, "diag.compare_not_assign",
                                    {"line": node.lineno, "name": ast.unparse(value.left)}))
        elif isinstance(value, (ast.Name, ast.Attribute)):
            name = dotted_name(value)
            last = name.rsplit(".", 1)[-1]
            if name in KNOWN_FUNCTIONS or last in ("flip", "tick") or last in defs \
                    or name.endswith(("display.update", "display.flip")):
                findings.append(Finding("logic", node.lineno, node.col_offset + 1, "diag.missing_call",
                                        {"line": node.lineno, "name": name}))
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Attribute, ast.Name)) \
                and dotted_name(node.value) in MAKERS:
            findings.append(Finding("logic", node.lineno, node.value.col_offset + 1, "diag.missing_call",
                                    {"line": node.lineno, "name": dotted_name(node.value)}))
    findings.extend(_plus_equals_typos(program))
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Compare):
            parts = [node.left] + list(node.comparators)
            if any(dotted_name(part) == "pygame.quit" for part in parts):
                findings.append(Finding("logic", node.lineno, None, "diag.quit_lowercase", {"line": node.lineno}))
    return findings


def _plus_equals_typos(program: Program) -> List[Finding]:
    """`x =+ 3` sets x to 3 (it means x = +3); the child meant x += 3. Same for `x =- 3`."""
    findings = []
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.value, ast.UnaryOp) \
                and isinstance(node.value.op, (ast.UAdd, ast.USub)) and node.lineno == node.end_lineno:
            text = program.line(node.lineno)
            wrong = "=+" if isinstance(node.value.op, ast.UAdd) else "=-"
            pattern = r"=\+" if wrong == "=+" else r"=-\s"
            if re.search(r"[\w\]\)]\s*" + pattern, text):
                findings.append(Finding("logic", node.lineno, None, "diag.plus_equals_typo",
                                        {"line": node.lineno, "wrong": wrong, "right": wrong[::-1]}))
    return findings


def _names(node) -> Set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def endless_loops(program: Program) -> List[Finding]:
    """while loops whose condition nothing inside changes and that have no break: used after a timeout."""
    if program.tree is None:
        return []
    findings = []
    for node in ast.walk(program.tree):
        if not isinstance(node, ast.While):
            continue
        inner = [n for stmt in node.body for n in ast.walk(stmt)]
        if any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for n in inner):
            continue
        if any(isinstance(n, ast.Call) and dotted_name(n.func) in ("sys.exit", "exit", "quit") for n in inner):
            continue
        if any(isinstance(n, ast.Call) and dotted_name(n.func).rsplit(".", 1)[-1] in ("input", "sleep", "delay", "wait")
               for n in inner):
            continue  # waiting for a person, or a clock that ticks on purpose
        watched = _names(node.test)
        stored = {n.id for n in inner if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        changed_by_call = any(isinstance(n, ast.Call) for n in inner) and isinstance(node.test, ast.Compare) \
            and any(isinstance(p, (ast.Call, ast.Attribute, ast.Subscript)) for p in [node.test.left] +
                    list(node.test.comparators))
        constant_true = isinstance(node.test, ast.Constant) and bool(node.test.value)
        if constant_true or (watched and not (watched & stored) and not changed_by_call):
            findings.append(Finding("logic", node.lineno, None, "diag.endless_loop",
                                    {"line": node.lineno, "names": ", ".join(sorted(watched)) or "True"}))
    return findings
