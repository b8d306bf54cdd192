"""Candidate fixes: for a Finding, a few small replacements of a line range that may repair it.

Each builder is a pure function (program, finding) -> list of Fix; hints.py checks every
candidate (it compiles, the problem is gone, the program runs) before offering one, so a
builder may guess. Builders are registered by finding key, one small function each.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional

from kidcoder.assistant.diagnose.finding import Finding, Program
from kidcoder.assistant.diagnose.gameloop import GameLoop, called_name, dotted_name, find_game_loop
from kidcoder.assistant.diagnose.lines import code_part, indent_of, line_tokens, replace_word
from kidcoder.assistant.diagnose.syntax_brackets import PAIRS, open_brackets
from kidcoder.assistant.diagnose.syntax_words import ODD_CHARACTERS


@dataclass(frozen=True)
class Fix:
    """Replace lines start_line..end_line (1-based, inclusive) with replacement (no final newline)."""

    start_line: int
    end_line: int
    replacement: str

    def as_dict(self) -> dict:
        return {"start_line": self.start_line, "end_line": self.end_line, "replacement": self.replacement}


def apply_fix(source: str, fix: Fix) -> str:
    lines = source.splitlines()
    new = lines[: fix.start_line - 1] + fix.replacement.split("\n") + lines[fix.end_line:]
    return "\n".join(new) + "\n"


BUILDERS: Dict[str, Callable[[Program, Finding], List[Fix]]] = {}


def builds(*keys: str):
    def wrap(func):
        for key in keys:
            BUILDERS[key] = func
        return func
    return wrap


def candidate_fixes(program: Program, finding: Finding) -> List[Fix]:
    """Every candidate for this finding, best guess first; [] when there is no safe guess."""
    builder = BUILDERS.get(finding.key)
    if builder is None:
        return []
    try:
        fixes = builder(program, finding)
    except (ValueError, IndexError, AttributeError, TypeError, SyntaxError):
        return []
    seen, result = set(), []
    for fix in fixes:
        if fix is not None and fix not in seen and fix.replacement != "\n".join(
                program.lines[fix.start_line - 1: fix.end_line]):
            seen.add(fix)
            result.append(fix)
    return result


def _one(program: Program, number: int, text: Optional[str]) -> List[Fix]:
    return [Fix(number, number, text)] if text is not None and 1 <= number <= len(program.lines) else []


def _split(text: str):
    code = code_part(text)
    return code, text[len(code):]


# ---- syntax -------------------------------------------------------------------------------

@builds("diag.missing_colon")
def _colon(program, finding):
    code, rest = _split(program.line(finding.line))
    return _one(program, finding.line, code + ":" + rest)


@builds("diag.assign_in_condition")
def _double_equals(program, finding):
    code, rest = _split(program.line(finding.line))
    new = re.sub(r"(?<![=!<>:+\-*/%])=(?!=)", "==", code, count=1)
    return _one(program, finding.line, new + rest)


@builds("diag.unclosed_bracket")
def _close_bracket(program, finding):
    number = finding.line
    code, rest = _split(program.line(number))
    still_open = open_brackets([code], 1)
    closers = "".join(PAIRS[char] for char, _l, _c in reversed(still_open)) or finding.values.get("closer", ")")
    fixes = _one(program, number, code + closers + rest)
    # a bracket meant to span several lines: close it after the last line that belongs to it
    base = len(indent_of(program.line(number)))
    last = number
    for other in range(number + 1, len(program.lines) + 1):
        text = program.line(other)
        if not text.strip():
            continue
        if len(indent_of(text)) <= base:
            break
        last = other
    if last > number:
        code2, rest2 = _split(program.line(last))
        fixes.append(Fix(last, last, code2 + finding.values.get("closer", ")") + rest2))
    return fixes


@builds("diag.mismatched_bracket", "diag.extra_bracket")
def _swap_bracket(program, finding):
    text = program.line(finding.line)
    index = (finding.column or 0) - 1
    wrong = finding.values.get("wrong", finding.values.get("bracket"))
    if not (0 <= index < len(text)) or text[index] != wrong:
        index = text.rfind(wrong)
    if index < 0:
        return []
    new_char = finding.values.get("closer", "") if finding.key == "diag.mismatched_bracket" else ""
    return _one(program, finding.line, text[:index] + new_char + text[index + 1:])


@builds("diag.unclosed_string")
def _close_string(program, finding):
    text = program.line(finding.line).rstrip()
    quote = finding.values.get("quote", '"')
    stripped = text.rstrip(")]}:,")
    fixes = []
    if stripped != text:
        fixes += _one(program, finding.line, stripped + quote + text[len(stripped):])
    fixes += _one(program, finding.line, text + quote)
    return fixes


_ATOM_END = {")", "]", "}"}
_ATOM_START = {"(", "[", "{"}


@builds("diag.missing_comma")
def _comma(program, finding):
    text = program.line(finding.line)
    tokens = line_tokens(text)
    if tokens is None:
        return []
    start = finding.values.get("start", 1) - 1
    end = finding.values.get("end") or len(text) + 1
    fixes = []
    for (k1, t1, c1), (k2, t2, c2) in zip(tokens, tokens[1:]):
        if not (start <= c2 < end):
            continue
        left = k1 in (1, 2, 3) or t1 in _ATOM_END   # NAME, NUMBER, STRING
        right = k2 in (1, 2, 3) or t2 in _ATOM_START
        if left and right and c1 + len(t1) <= c2:
            at = c1 + len(t1)
            fixes += _one(program, finding.line, text[:at] + "," + text[at:])
    return fixes[:3]


def _previous_code_line(program, number):
    for other in range(number - 1, 0, -1):
        if program.line(other).strip() and not program.line(other).lstrip().startswith("#"):
            return other
    return 0


@builds("diag.unexpected_indent")
def _dedent(program, finding):
    above = _previous_code_line(program, finding.line)
    indent = indent_of(program.line(above)) if above else ""
    return _one(program, finding.line, indent + program.line(finding.line).lstrip())


@builds("diag.unindent_mismatch", "diag.mixed_tabs")
def _realign(program, finding):
    text = program.line(finding.line)
    width = len(text.expandtabs(8)) - len(text.expandtabs(8).lstrip())
    levels = []
    for other in range(finding.line - 1, 0, -1):
        line = program.line(other)
        if line.strip() and not line.lstrip().startswith("#"):
            indent = indent_of(line).expandtabs(4).replace("\t", "    ")
            if indent not in levels:
                levels.append(indent)
    levels.sort(key=lambda ind: abs(len(ind) - width))
    fixes = []
    for indent in levels[:3]:
        fixes += _one(program, finding.line, indent + text.lstrip())
    if "\t" in indent_of(text):
        fixes += _one(program, finding.line, indent_of(text).replace("\t", "    ") + text.lstrip())
    return fixes


@builds("diag.expected_indent")
def _indent(program, finding):
    header = program.line(finding.values.get("header", finding.line - 1))
    unit = "\t" if indent_of(header).startswith("\t") else "    "
    fixes = _one(program, finding.line, indent_of(header) + unit + program.line(finding.line).lstrip())
    # the lines below that were already further in belong to the same block: move them too
    last = finding.line
    while last + 1 <= len(program.lines) and (not program.line(last + 1).strip() or
                                              len(indent_of(program.line(last + 1))) > len(indent_of(header))):
        last += 1
    while last > finding.line and not program.line(last).strip():
        last -= 1
    if last > finding.line:
        moved = [unit + text if text.strip() else text for text in program.lines[finding.line - 1: last]]
        moved[0] = indent_of(header) + unit + program.line(finding.line).lstrip()
        fixes.append(Fix(finding.line, last, "\n".join(moved)))
    return fixes


@builds("diag.print_py2")
def _print_call(program, finding):
    code, rest = _split(program.line(finding.line))
    match = re.match(r"^(\s*)print\s+(.*?)\s*$", code)
    return _one(program, finding.line, f"{match.group(1)}print({match.group(2)}){rest}") if match else []


@builds("diag.misspelled_keyword")
def _keyword(program, finding):
    return _one(program, finding.line, replace_word(program.line(finding.line), finding.values["word"],
                                                    finding.values["keyword"]))


@builds("diag.odd_character")
def _plain_characters(program, finding):
    text = program.line(finding.line)
    return _one(program, finding.line, "".join(ODD_CHARACTERS.get(char, char) for char in text))


# ---- runtime ------------------------------------------------------------------------------

@builds("diag.name_error", "diag.name_keyword", "diag.name_pygame_constant")
def _rename(program, finding):
    return _one(program, finding.line, replace_word(program.line(finding.line), finding.values["name"],
                                                    finding.values["suggestion"], count=99))


@builds("diag.name_no_import")
def _import(program, finding):
    return [Fix(1, 1, f"import {finding.values['module']}\n{program.line(1)}")] if program.lines else []


@builds("diag.unbound_local")
def _global(program, finding):
    from kidcoder.assistant.diagnose.runtime_names import function_at

    function = function_at(program, finding.line)
    if function is None:
        return []
    first = function.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and len(function.body) > 1:
        first = function.body[1]
    text = program.line(first.lineno)
    return [Fix(first.lineno, first.lineno, f"{indent_of(text)}global {finding.values['name']}\n{text}")]


@builds("diag.attribute_suggest")
def _attribute(program, finding):
    text = program.line(finding.line)
    pattern = r"\." + re.escape(finding.values["name"]) + r"\b"
    new = re.sub(pattern, "." + finding.values["suggestion"], text)
    return _one(program, finding.line, new if new != text else None)


def _statement_at(program: Program, number: int) -> Optional[ast.stmt]:
    best = None
    for node in ast.walk(program.tree) if program.tree else []:
        if isinstance(node, ast.stmt) and node.lineno == number and node.end_lineno == number:
            best = node
    return best


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
    statement = _statement_at(program, finding.line)
    if statement is None:
        return []
    text = program.line(finding.line)
    fixes = []
    for node in ast.walk(statement):
        if not isinstance(node, ast.BinOp):
            continue
        for side, other in ((node.left, node.right), (node.right, node.left)):
            if isinstance(side, ast.Constant) or (isinstance(side, ast.Call) and
                                                  dotted_name(side.func) in ("str", "int", "float")):
                continue
            wrapper = "str" if _is_text(other) else "int" if (_is_number(other) or not _is_text(side)) else None
            if wrapper is None:
                continue
            segment = text[side.col_offset: side.end_col_offset]
            fixes += _one(program, finding.line,
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
    return _one(program, finding.line, new if new != text else None)


@builds("diag.key_error_suggest")
def _key(program, finding):
    text, key, good = program.line(finding.line), finding.values["key"], finding.values["suggestion"]
    for quote in ("\"", "'"):
        if f"{quote}{key}{quote}" in text:
            return _one(program, finding.line, text.replace(f"{quote}{key}{quote}", f"{quote}{good}{quote}"))
    return []


@builds("diag.pygame_not_init")
def _init(program, finding):
    for number, text in enumerate(program.lines, start=1):
        if re.match(r"^\s*import\s+pygame\b", text):
            return [Fix(number, number, f"{text}\n{indent_of(text)}pygame.init()")]
    return []


_COLOUR = re.compile(r"\(\s*(-?\d+)\s*,\s*(-?\d+)\s*,\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)")


@builds("diag.bad_colour")
def _clamp_colour(program, finding):
    places = [finding.line]
    statement = _statement_at(program, finding.line)
    used = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)} if statement else set()
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
            fixes += _one(program, number, new)
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
    return _one(program, finding.line, text[:end] + "()" + text[end:])


@builds("diag.compare_not_assign")
def _assign(program, finding):
    code, rest = _split(program.line(finding.line))
    return _one(program, finding.line, code.replace("==", "=", 1) + rest)


@builds("diag.quit_lowercase")
def _quit_event(program, finding):
    text = program.line(finding.line)
    return _one(program, finding.line, re.sub(r"pygame\.quit\b(?!\s*\()", "pygame.QUIT", text))


# ---- pygame pitfalls ----------------------------------------------------------------------

def _unit(program: Program, loop: GameLoop) -> str:
    outer = indent_of(program.line(loop.node.lineno))
    inner = indent_of(program.line(loop.node.body[0].lineno))
    return inner[len(outer):] or "    "


def _exit_lines(loop: GameLoop, inside_loop_body: bool) -> List[str]:
    test = loop.node.test
    if inside_loop_body and isinstance(test, ast.Name):
        return [f"{test.id} = False"]
    return ["pygame.quit()", "raise SystemExit"]


@builds("diag.no_events")
def _event_loop(program, finding):
    loop = find_game_loop(program)
    header = program.line(loop.node.lineno)
    body = indent_of(program.line(loop.node.body[0].lineno))
    unit = _unit(program, loop)
    lines = [header, f"{body}for event in pygame.event.get():", f"{body}{unit}if event.type == pygame.QUIT:"]
    lines += [f"{body}{unit}{unit}{stmt}" for stmt in _exit_lines(loop, True)]
    return [Fix(loop.node.lineno, loop.node.lineno, "\n".join(lines))]


@builds("diag.no_quit")
def _quit_check(program, finding):
    loop = find_game_loop(program)
    for node in loop.walk():
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Call) and \
                dotted_name(node.iter.func).endswith("event.get") and isinstance(node.target, ast.Name):
            header = program.line(node.lineno)
            inner = indent_of(program.line(node.body[0].lineno))
            unit = _unit(program, loop)
            inside = loop.node.lineno < node.lineno <= loop.node.end_lineno
            lines = [header, f"{inner}if {node.target.id}.type == pygame.QUIT:"]
            lines += [f"{inner}{unit}{stmt}" for stmt in _exit_lines(loop, inside)]
            return [Fix(node.lineno, node.lineno, "\n".join(lines))]
    return []


@builds("diag.no_way_out")
def _way_out(program, finding):
    loop = find_game_loop(program)
    for node in loop.walk():
        if isinstance(node, ast.If) and "QUIT" in ast.unparse(node.test):
            inside = loop.node.lineno < node.lineno <= loop.node.end_lineno
            exits = _exit_lines(loop, inside)
            last = node.body[-1]
            indent = indent_of(program.line(last.lineno))
            quits = [stmt for stmt in node.body if isinstance(stmt, ast.Expr) and
                     dotted_name(getattr(stmt.value, "func", None)) == "pygame.quit"]
            if quits and len(exits) == 1:
                return [Fix(quits[0].lineno, quits[0].lineno, indent + exits[0])]
            tail = "\n".join(indent + stmt for stmt in exits if not (quits and stmt == "pygame.quit()"))
            return [Fix(last.end_lineno, last.end_lineno, program.line(last.end_lineno) + "\n" + tail)]
    return []


def _last_statement_tick(loop: GameLoop) -> Optional[ast.stmt]:
    last = loop.node.body[-1]
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and called_name(last.value) in (
            "tick", "tick_busy_loop"):
        return last
    return None


@builds("diag.no_flip")
def _flip(program, finding):
    loop = find_game_loop(program)
    body = indent_of(program.line(loop.node.body[0].lineno))
    tick = _last_statement_tick(loop)
    if tick is not None:
        return [Fix(tick.lineno, tick.lineno, f"{body}pygame.display.flip()\n{program.line(tick.lineno)}")]
    end = loop.node.end_lineno
    return [Fix(end, end, f"{program.line(end)}\n{body}pygame.display.flip()")]


@builds("diag.no_tick")
def _tick(program, finding):
    loop = find_game_loop(program)
    body = indent_of(program.line(loop.node.body[0].lineno))
    end = loop.node.end_lineno
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and \
                dotted_name(node.value.func).endswith("Clock") and isinstance(node.targets[0], ast.Name):
            return [Fix(end, end, f"{program.line(end)}\n{body}{node.targets[0].id}.tick(60)")]
    start = loop.node.lineno
    lines = [f"{indent_of(program.line(start))}clock = pygame.time.Clock()"] + \
        program.lines[start - 1: end] + [f"{body}clock.tick(60)"]
    return [Fix(start, end, "\n".join(lines))]


@builds("diag.no_fill")
def _fill(program, finding):
    loop = find_game_loop(program)
    target = None
    for call in loop.calls():
        if call.lineno == finding.line:
            if called_name(call) == "blit" and isinstance(call.func, ast.Attribute):
                target = ast.unparse(call.func.value)
            elif call.args:
                target = ast.unparse(call.args[0])
            break
    if not target:
        return []
    statement = None
    if loop.node.lineno <= finding.line <= loop.node.end_lineno:
        statement = next((s for s in loop.node.body if s.lineno <= finding.line <= s.end_lineno), None)
    else:
        from kidcoder.assistant.diagnose.runtime_names import function_at

        function = function_at(program, finding.line)
        statement = function.body[0] if function else None
    if statement is None:
        return []
    text = program.line(statement.lineno)
    return [Fix(statement.lineno, statement.lineno, f"{indent_of(text)}{target}.fill((0, 0, 0))\n{text}")]


@builds("diag.draw_after_flip")
def _move_flip(program, finding):
    loop = find_game_loop(program)
    flip_line = finding.values["flip_line"]
    body = loop.node.body
    index = next(i for i, s in enumerate(body) if s.lineno == flip_line)
    if body[index].end_lineno != flip_line:
        return []
    last = index
    for i in range(index + 1, len(body)):
        calls = [n for n in ast.walk(body[i]) if isinstance(n, ast.Call)]
        if any(called_name(c) in ("blit", "fill", "blits") or ".draw." in "." + dotted_name(c.func)
               for c in calls):
            last = i
    end = body[last].end_lineno
    moved = program.lines[flip_line: end] + [program.line(flip_line)]
    return [Fix(flip_line, end, "\n".join(moved))]
