"""Fix builders for runtime findings: rename to the suggested name, convert text and numbers,
add `global`, `pygame.init()` or a missing comma, keep colours inside 0-255."""
from __future__ import annotations

import ast
import builtins
import re
from typing import List

from kidcoder.codeparts import indent_of, split_comment
from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes_api import dot_for_underscore
from kidcoder.diagnosis.fixes_locals import renamed_local
from kidcoder.diagnosis.fixes import Fix, builds, lines_fix, one_line
from kidcoder.diagnosis.gameloop import dotted_name
from kidcoder.diagnosis.lines import replace_word
from kidcoder.diagnosis.pygame_names import NAMES


@builds("diag.name_error", "diag.name_keyword", "diag.name_pygame_constant")
def _rename(program, finding):
    """The suggested name on this line; first, when the wrong name is made nowhere and used on other
    lines too (font1 on lines 127, 128 and 171), on every line that uses it."""
    name, suggestion = finding.values["name"], finding.values["suggestion"]
    here = one_line(program, finding.line, replace_word(program.line(finding.line), name, suggestion, count=99))
    constants = _constants_case(program) if name.lower() == suggestion.lower() else []
    return constants + _rename_everywhere(program, name, suggestion) + here


BUILTIN_NAMES = set(dir(builtins))


def _constants_case(program: Program) -> List[Fix]:
    """K_up, K_Left and K_right on three lines: every pygame name the program writes in the wrong case
    and makes nowhere, mended in one go (one crash at a time would need a mend each)."""
    if program.tree is None:
        return []
    upper = {}
    for real in NAMES["pygame"]:
        upper.setdefault(real.lower(), set()).add(real)
    defined = set(program.defined_names())
    changed: dict = {}
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in defined:
            word = node.id
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "pygame":
            word = node.attr        # pygame.k_w
        else:
            continue
        if word not in NAMES["pygame"] and word not in BUILTIN_NAMES and len(upper.get(word.lower(), ())) == 1:
            (real,) = upper[word.lower()]
            text = changed.get(node.lineno, program.line(node.lineno))
            new = replace_word(text, word, real, count=99) if isinstance(node, ast.Name) else \
                re.sub(r"(?<![\w.])pygame\." + word + r"\b", "pygame." + real, text)
            if new is not None and new != text:
                changed[node.lineno] = new
    return lines_fix(program, changed) if len(changed) > 1 else []


def _rename_everywhere(program: Program, name: str, suggestion: str) -> List[Fix]:
    if program.tree is None or name in program.defined_names():
        return []
    used = sorted({n.lineno for n in ast.walk(program.tree) if isinstance(n, ast.Name) and n.id == name})
    if len(used) < 2:
        return []
    changed = {number: replace_word(program.line(number), name, suggestion, count=99) for number in used}
    return [] if None in changed.values() else lines_fix(program, changed)


@builds("diag.name_no_import")
def _import(program, finding):
    module = str(finding.values["module"])
    # the import lines are there but commented out (#import pygame, random, sys): bring them all back
    commented = [n for n, text in enumerate(program.lines, 1)
                 if re.match(r"^#\s*(import\s+|from\s+\w+(\.\w+)*\s+import\s)", text) and re.search(rf"\b{module}\b", text)]
    fixes = []
    if commented:
        module_lines = {n for n, text in enumerate(program.lines, 1) if re.match(r"^#\s*(import|from)\s", text)}
        first = last = commented[0]
        while last + 1 in module_lines:
            last += 1
        fixes.append(Fix(first, last, "\n".join(re.sub(r"^#\s*", "", program.line(n)) for n in range(first, last + 1))))
    return fixes + ([Fix(1, 1, f"import {module}\n{program.line(1)}")] if program.lines else [])


@builds("diag.unbound_local")
def _global(program, finding):
    function = program.function_at(finding.line)
    if function is None:
        return []
    first = function.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and len(function.body) > 1:
        first = function.body[1]
    text = program.line(first.lineno)
    return renamed_local(program, finding.line, str(finding.values["name"])) + \
        [Fix(first.lineno, first.lineno, f"{indent_of(text)}global {finding.values['name']}\n{text}")]


@builds("diag.attribute_suggest")
def _attribute(program, finding):
    text = program.line(finding.line)
    pattern = r"\." + re.escape(finding.values["name"]) + r"\b"
    new = re.sub(pattern, "." + finding.values["suggestion"], text)
    constants = _constants_case(program) if finding.values["name"].lower() == finding.values["suggestion"].lower() else []
    return constants + dot_for_underscore(program, finding.line) + one_line(program, finding.line, new if new != text else None)


def _nodes_on_line(program: Program, number: int) -> List[ast.AST]:
    """Every expression that starts and ends on this line (so its columns index that line's text)."""
    if program.tree is None:
        return []
    return [node for node in ast.walk(program.tree)
            if isinstance(node, ast.expr) and node.lineno == number and node.end_lineno == number]


def _is_text(node) -> bool:
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.Call) and dotted_name(node.func) in ("str", "input"):
        return True
    return isinstance(node, ast.BinOp) and (_is_text(node.left) or _is_text(node.right))


def _is_number(node) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and \
        not isinstance(node.value, bool)


def _wrapped_operands(program, finding) -> List[Fix]:
    """str(x) next to text, int(x) next to a number, for each operand of a + (or other sum) on the line."""
    text = program.line(finding.line)
    fixes = []
    for node in _nodes_on_line(program, finding.line):
        if isinstance(node, ast.BinOp):
            pairs = ((node.left, node.right), (node.right, node.left))
        elif isinstance(node, ast.Compare) and len(node.comparators) == 1:
            pairs = ((node.left, node.comparators[0]), (node.comparators[0], node.left))
        else:
            continue
        for side, other in pairs:
            if isinstance(side, ast.Constant) or (isinstance(side, ast.Call) and
                                                  dotted_name(side.func) in ("str", "int", "float")):
                continue
            wrapper = "str" if _is_text(other) else "int" if (_is_number(other) or not _is_text(side)) else None
            if wrapper is None:
                continue
            segment = text[side.col_offset: side.end_col_offset]
            fixes += one_line(program, finding.line,
                          text[: side.col_offset] + f"{wrapper}({segment})" + text[side.end_col_offset:])
    return fixes[:3]


@builds("diag.str_plus_number", "diag.number_and_text")
def _convert(program, finding):
    return _wrapped_operands(program, finding)


@builds("diag.tuple_called")
def _tuple_comma(program, finding):
    text = program.line(finding.line)
    return [Fix(finding.line, finding.line, text[: m.start() + 1] + "," + text[m.start() + 1:])
            for m in re.finditer(r"\)\s*\(", text)][:2]


@builds("diag.index_error")
def _last_index(program, finding):
    text = program.line(finding.line)
    new = re.sub(r"\[\s*len\((\w+)\)\s*\]", r"[len(\1) - 1]", text)
    return one_line(program, finding.line, new if new != text else None)


@builds("diag.key_error_suggest")
def _key(program, finding):
    text, key, good = program.line(finding.line), finding.values["key"], finding.values["suggestion"]
    for quote in ("\"", "'"):
        if f"{quote}{key}{quote}" in text:
            return one_line(program, finding.line, text.replace(f"{quote}{key}{quote}", f"{quote}{good}{quote}"))
    return []


@builds("diag.pygame_not_init")
def _init(program, finding):
    for number, text in enumerate(program.lines, start=1):
        if re.match(r"^\s*import\s+pygame\b", text):
            return [Fix(number, number, f"{text}\n{indent_of(text)}pygame.init()")]
        if re.match(r"^\s*from\s+pygame\s+import\s*\*", text):
            return [Fix(number, number, f"{text.rstrip()}\n{indent_of(text)}init()")]
    return []


_COLOUR = re.compile(r"\(\s*(-?\d+)\s*,\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)")


@builds("diag.bad_colour")
def _clamp_colour(program, finding):
    places = [finding.line]
    used = {n.id for n in _nodes_on_line(program, finding.line) if isinstance(n, ast.Name)}
    for node in ast.walk(program.tree) if program.tree else []:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id in used for t in node.targets):
            places.append(node.lineno)
    fixes = []
    for number in places:
        text = program.line(number)

        def clamp(match):
            numbers = [int(g) for g in match.groups() if g is not None]
            if all(0 <= n <= 255 for n in numbers):
                return match.group(0)
            return "(" + ", ".join(str(max(0, min(255, n))) for n in numbers) + ")"
        new = _COLOUR.sub(clamp, text)
        if new != text:
            fixes += one_line(program, number, new)
    return fixes


@builds("diag.missing_call")
def _call(program, finding):
    text, name = program.line(finding.line), finding.values["name"]
    start = (finding.column or 1) - 1
    if text[start: start + len(name)] != name:
        start = text.find(name)
    if start < 0:
        return []
    end = start + len(name)
    return one_line(program, finding.line, text[:end] + "()" + text[end:])


@builds("diag.compare_not_assign")
def _assign(program, finding):
    code, rest = split_comment(program.line(finding.line))
    return one_line(program, finding.line, code.replace("==", "=", 1) + rest)


@builds("diag.quit_lowercase")
def _quit_event(program, finding):
    text = program.line(finding.line)
    return one_line(program, finding.line, re.sub(r"pygame\.quit\b(?!\s*\()", "pygame.QUIT", text))




@builds("diag.module_name")
def _module(program, finding):
    """Rename the module on the import line and on every later line that uses the old name."""
    old, new = finding.values["name"], finding.values["suggestion"]
    lines = program.lines[finding.line - 1:]
    renamed = [replace_word(text, old, new, count=99) or text for text in lines]
    last = max((i for i, (a, b) in enumerate(zip(lines, renamed)) if a != b), default=-1)
    if last < 0:
        return []
    return [Fix(finding.line, finding.line + last, "\n".join(renamed[: last + 1]))]


@builds("diag.needs_tuple")
def _tuple_brackets(program, finding):
    text = program.line(finding.line)
    new = re.sub(r"(set_mode|\.fill)\(\s*([^()]+?,[^()]+?)\s*\)", r"\1((\2))", text, count=1)
    return one_line(program, finding.line, new if new != text else None)


@builds("diag.render_number")
def _render_text(program, finding):
    text = program.line(finding.line)
    for node in _nodes_on_line(program, finding.line):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "render" \
                and node.args:
            arg = node.args[0]
            segment = text[arg.col_offset: arg.end_col_offset]
            return one_line(program, finding.line,
                            text[: arg.col_offset] + f"str({segment})" + text[arg.end_col_offset:])
    return []


@builds("diag.missing_quotes")
def _quotes(program, finding):
    name = finding.values["name"]
    for node in _nodes_on_line(program, finding.line):
        if isinstance(node, ast.Name) and node.id == name:
            text = program.line(finding.line)
            return one_line(program, finding.line,
                            text[: node.col_offset] + f'"{name}"' + text[node.end_col_offset:])
    return []
