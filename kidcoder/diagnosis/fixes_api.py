"""Fix guesses for pygame API misuse seen in real children's programs: draw.circle given a rectangle
(ellipse was meant), a dot for an underscore (image.get.rect()), a pygame module asked of the window
(window.display...), a class passed where its sprite was meant, a picture passed to fill(), a stray
name alone on a line. Each is only a guess: the hint offers it once the probe run of the fixed copy
shows the crash gone (diagnose.check_fix, chain.chained_fix)."""
from __future__ import annotations

import ast
import re
from typing import List, Optional

from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes_calls import call_of_nothing, extra_arguments
from kidcoder.diagnosis.fixes_drawargs import extra_colour
from kidcoder.diagnosis.fixes_firstvalue import define_earlier, drop_check_print, first_value
from kidcoder.diagnosis.fixes import Fix, builds, lines_fix, one_line
from kidcoder.diagnosis.fixes_locals import whole_number_index
from kidcoder.diagnosis.gameloop import dotted_name
from kidcoder.diagnosis.probed import pygame_prefix
from kidcoder.diagnosis.pygame_names import NAMES

MODULES = {name.split(".", 1)[1] for name in NAMES if name.startswith("pygame.")}
METHODS = {word for names in NAMES.values() for word in names if "_" in word}
_DOTTED_METHOD = re.compile(r"\.([a-z]+)\.([a-z]+)\(")


def _calls_on(program: Program, line: int) -> List[ast.Call]:
    if program.tree is None:
        return []
    return [n for n in ast.walk(program.tree) if isinstance(n, ast.Call) and n.lineno <= line <= (n.end_lineno or n.lineno)]


def circle_as_ellipse(program: Program, line: int) -> List[Fix]:
    """draw.circle(screen, colour, (x, y, w, h), ...): the four numbers are a rectangle, so ellipse was meant."""
    for call in _calls_on(program, line):
        if dotted_name(call.func).endswith("draw.circle") and len(call.args) >= 3 and \
                isinstance(call.args[2], (ast.Tuple, ast.List)) and len(call.args[2].elts) == 4 and \
                call.lineno == call.func.end_lineno:
            text = program.line(call.lineno)
            new = text[:call.func.end_col_offset - len("circle")] + "ellipse" + text[call.func.end_col_offset:]
            args = call.args[:3] + call.args[4:5]   # or: ellipse has no radius, keep a width after it
            if len(call.args) >= 4 and call.lineno == call.end_lineno and not call.keywords:
                inside = ", ".join(ast.get_source_segment(program.source, a) or "" for a in args)
                head = new[:call.col_offset] + new[call.col_offset:].split("(", 1)[0]
                return [Fix(call.lineno, call.lineno, new),
                        Fix(call.lineno, call.lineno, f"{head}({inside}){text[call.end_col_offset:]}")]
            return [Fix(call.lineno, call.lineno, new)]
    return []


@builds("diag.bad_position")
def _bad_position(program: Program, finding: Finding) -> List[Fix]:
    return circle_as_ellipse(program, finding.line) + extra_colour(program, finding.line)


def dot_for_underscore(program: Program, line: int) -> List[Fix]:
    """image.get.rect() -> image.get_rect(): two words joined by a dot that make one pygame method."""
    text = program.line(line)
    for match in _DOTTED_METHOD.finditer(text):
        joined = f"{match.group(1)}_{match.group(2)}"
        if joined in METHODS:
            return [Fix(line, line, text[:match.start()] + f".{joined}(" + text[match.end():])]
    return []


def module_of_window(program: Program, finding: Finding) -> List[Fix]:
    """window.display.set_caption(...): display belongs to pygame, not to the window."""
    name = str(finding.values.get("name", ""))
    if name not in MODULES:
        return []
    text = program.line(finding.line)
    uses_prefix = re.search(r"\bpygame\." + name + r"\b", program.source) is not None or \
        re.search(r"^\s*from pygame import \*", program.source, re.M) is None
    match = re.search(r"\b([A-Za-z_][\w.]*)\." + re.escape(name) + r"\.", text)
    if not match or match.group(1) == "pygame":
        return []
    return one_line(program, finding.line,
                    text[:match.start()] + ("pygame." if uses_prefix else "") + name + "." + text[match.end():])


def sprite_for_class(program: Program, line: int) -> List[Fix]:
    """spritecollide(Player, ...) where `player = Player(...)` was meant: the class for the thing made from it."""
    if program.tree is None:
        return []
    classes = {n.name for n in ast.walk(program.tree) if isinstance(n, ast.ClassDef)}
    made = {}
    for node in ast.walk(program.tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name) \
                and node.value.func.id in classes:
            made.setdefault(node.value.func.id, set()).add(node.targets[0].id)
    text = program.line(line)
    for call in _calls_on(program, line):
        for arg in call.args:
            if isinstance(arg, ast.Name) and arg.lineno == line and len(made.get(arg.id, ())) == 1:
                (instance,) = made[arg.id]
                return [Fix(line, line, text[:arg.col_offset] + instance + text[arg.end_col_offset:])]
    return []


@builds("diag.attribute_error")
def _attribute_misuse(program: Program, finding: Finding) -> List[Fix]:
    return (module_of_window(program, finding) + dot_for_underscore(program, finding.line)
            + sprite_for_class(program, finding.line)
            + call_of_nothing(program, finding.line, str(finding.values.get("thing", "")),
                              str(finding.values.get("name", ""))))


def picture_to_fill(program: Program, line: int) -> List[Fix]:
    """surface.fill(picture): fill takes a colour; a picture is drawn with blit (or used as the image)."""
    for call in _calls_on(program, line):
        if isinstance(call.func, ast.Attribute) and call.func.attr == "fill" and len(call.args) == 1 \
                and isinstance(call.args[0], (ast.Name, ast.Attribute)) and call.lineno == call.end_lineno:
            text = program.line(line)
            target = ast.get_source_segment(program.source, call.func.value)
            picture = ast.get_source_segment(program.source, call.args[0])
            if not target or not picture or not text.strip().startswith(target + ".fill("):
                return []
            indent = text[: len(text) - len(text.lstrip())]
            return [Fix(line, line, f"{indent}{target} = {picture}"),
                    Fix(line, line, f"{indent}{target}.blit({picture}, (0, 0))")]
    return []


def stray_name(program: Program, line: int, name: str) -> Optional[Fix]:
    """A name alone on a line (ds): left over from typing; the line does nothing but crash."""
    if program.line(line).strip() == name and program.function_at(line) is None:
        return Fix(line, line, "")
    return None


_BLIT_CALLED = re.compile(r"\.blit\(\s*([A-Za-z_]\w*)\(")


def blit_missing_comma(program: Program) -> List[Fix]:
    """window.blit(picture(0, 0)): the comma between the picture and its place is missing, so Python
    calls the picture. Mends every blit written that way (one Fix over those lines)."""
    if program.tree is None:
        return []
    functions = {n.name for n in ast.walk(program.tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef))}
    changed = {}
    for number, text in enumerate(program.lines, 1):
        new = _BLIT_CALLED.sub(lambda m: m.group(0) if m.group(1) in functions else f".blit({m.group(1)}, (", text)
        if new != text:
            changed[number] = new
    return lines_fix(program, changed)


def pressed_called(program: Program) -> List[Fix]:
    """keys = key.get_pressed() then keys(K_w): the keys are looked up with [ ], not called with ( )."""
    if program.tree is None:
        return []
    names = {t.id for n in ast.walk(program.tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call)
             and dotted_name(n.value.func).endswith("get_pressed") for t in n.targets if isinstance(t, ast.Name)}
    changed = {}
    for name in names:
        pattern = re.compile(r"(?<![\w.])" + re.escape(name) + r"\(([^()]*)\)")
        for number, text in enumerate(program.lines, 1):
            new = pattern.sub(lambda m: f"{name}[{m.group(1)}]", changed.get(number, text))
            if new != text:
                changed[number] = new
    return lines_fix(program, changed)


@builds("diag.runtime_generic", "diag.name_unknown")
def _misuse_or_stray(program: Program, finding: Finding) -> List[Fix]:
    stray = stray_name(program, finding.line, str(finding.values.get("name", "")))
    if stray is not None:
        return [stray]
    if finding.key == "diag.name_unknown":
        return commented_definition(program, str(finding.values.get("name", "")))
    fixes = (picture_to_fill(program, finding.line) + circle_as_ellipse(program, finding.line)
             + extra_colour(program, finding.line) + blit_missing_comma(program) + pressed_called(program))
    if finding.values.get("type") == "TypeError":
        fixes += whole_number_index(program, finding.line)
    return fixes


@builds("diag.name_before_assign")
def _loop_flag(program: Program, finding: Finding) -> List[Fix]:
    """`while game:` before anything sets game (the loop sets it to False to stop): start it True;
    a name only ever changed gets a first value; a print() check run too early goes."""
    text = program.line(finding.line)
    name = str(finding.values.get("name", ""))
    match = re.fullmatch(r"(\s*)while\s+(not\s+)?" + re.escape(name) + r"\s*:\s*(#.*)?", text)
    if not match:
        return (first_value(program, finding.line, name) + define_earlier(program, finding.line, name)
                + drop_check_print(program, finding.line))
    start = "False" if match.group(2) else "True"
    return [Fix(finding.line, finding.line, f"{match.group(1)}{name} = {start}\n{text}")]


def _mentions(node: ast.AST, word: str) -> bool:
    return any(isinstance(n, (ast.Name, ast.Attribute)) and (getattr(n, "id", None) == word or getattr(n, "attr", None) == word)
               for n in ast.walk(node))


@builds("diag.event_part_outside")
def _ask_the_type_first(program: Program, finding: Finding) -> List[Fix]:
    """if event.key == K_s: outside the KEYDOWN branch: ask `event.type == KEYDOWN and` first, on every
    such `if` (a mouse move has no key)."""
    part, kind = str(finding.values.get("part", "key")), str(finding.values.get("event", "KEYDOWN"))
    prefix = pygame_prefix(program)
    if program.tree is None or prefix is None:
        return []
    guarded = set()
    for node in ast.walk(program.tree):
        if isinstance(node, ast.If) and _mentions(node.test, kind):
            guarded.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    changed = {}
    for node in ast.walk(program.tree):
        if isinstance(node, ast.If) and id(node) not in guarded and not _mentions(node.test, kind) and \
                any(isinstance(n, ast.Attribute) and n.attr == part for n in ast.walk(node.test)):
            owner = next(dotted_name(n.value) for n in ast.walk(node.test) if isinstance(n, ast.Attribute) and n.attr == part)
            text = program.line(node.lineno)
            match = re.match(r"(\s*)(if|elif)\s+", text)
            if match and node.test.lineno == node.lineno:
                changed[node.lineno] = f"{match.group(0)}{owner}.type == {prefix}{kind} and {text[match.end():]}"
    return lines_fix(program, changed)


def commented_definition(program: Program, name: str) -> List[Fix]:
    """textRect used, but the lines that make it are commented out (#textRect = ...): bring them back."""
    lines = [n for n, text in enumerate(program.lines, 1)
             if re.match(r"\s*#\s*" + re.escape(name) + r"\b(\s*=|\.\w+\s*=)", text)]
    if not lines:
        return []
    first, last = lines[0], lines[0]
    while last + 1 in lines:
        last += 1
    return [Fix(first, last, "\n".join(re.sub(r"#\s?", "", program.line(n), count=1) for n in range(first, last + 1)))]


@builds("diag.wrong_arg_count")
def _clock_without_number(program: Program, finding: Finding) -> List[Fix]:
    """time.Clock(3000): a Clock is made with empty brackets (the speed goes to clock.tick(...)); alone
    on its line it was meant as a wait, time.delay(3000)."""
    text = program.line(finding.line)
    wait = re.fullmatch(r"(\s*)([\w.]*)\bClock(\([^()]+\))\s*(#.*)?", text)
    waits = one_line(program, finding.line, f"{wait.group(1)}{wait.group(2)}delay{wait.group(3)}") if wait else []
    new = re.sub(r"\bClock\([^()]+\)", "Clock()", text)
    return waits + one_line(program, finding.line, new if new != text else None) + \
        extra_arguments(program, finding.line)
