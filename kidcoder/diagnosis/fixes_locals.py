"""Fixes for two slips met in real programs: a local that takes the name of the module it is made
from (`font = font.SysFont(...)` inside a function: Python then calls the local font "not made yet"),
and a number with a point used to pick from a list (`frames[frame_index]` after `frame_index += 0.2`)."""
from __future__ import annotations

import re
from typing import List

from kidcoder.diagnosis.finding import Program
from kidcoder.diagnosis.fixes import Fix, lines_fix


def renamed_local(program: Program, number: int, name: str) -> List[Fix]:
    """`font = font.SysFont(...)` in the function around line `number`: the new thing gets its own name (my_font) there and
    on the rest of the function's lines."""
    function = program.function_at(number)
    if function is None:
        return []
    shape = re.compile(rf"^(\s*){re.escape(name)}(\s*=\s*){re.escape(name)}\.")
    number = next((n for n in range(function.lineno, (function.end_lineno or number) + 1)
                   if shape.match(program.line(n))), 0)
    if not number:
        return []
    text = program.line(number)
    match = shape.match(text)
    new_name = f"my_{name}"
    word = re.compile(rf"(?<![\w.]){re.escape(name)}\b(?!\s*\.\s*[A-Z]\w*\()")
    changed = {number: f"{match.group(1)}{new_name}{text[match.end(1) + len(name):]}"}
    for other in range(number + 1, (function.end_lineno or number) + 1):
        line = program.line(other)
        new = word.sub(new_name, line)
        if new != line:
            changed[other] = new
    return lines_fix(program, changed)


def whole_number_index(program: Program, number: int) -> List[Fix]:
    """`frames[frame_index]` where the index may have a point: `frames[int(frame_index)]`."""
    text = program.line(number)
    new = re.sub(r"(\w\[)([A-Za-z_][\w.]*)(\])", r"\1int(\2)\3", text)
    return [Fix(number, number, new)] if new != text else []
