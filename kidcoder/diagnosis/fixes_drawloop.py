"""Fix for a drawing made once before the game loop while the loop fills the screen every frame
(diag.draw_before_loop): the drawing line moves into the loop, just after the fill, so it is drawn
again on every clean frame.
"""
from __future__ import annotations

from typing import List

from kidcoder.codeparts import indent_of
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds


@builds("diag.draw_before_loop")
def _draw_after_the_fill(program: Program, finding: Finding) -> List[Fix]:
    line, fill = int(finding.values.get("line", 0)), int(finding.values.get("fill_line", 0))
    if program.tree is None or not 0 < line < fill <= len(program.lines):
        return []
    statements = [s for s in program.tree.body if s.lineno == line]
    if not statements or statements[0].end_lineno != line or indent_of(program.line(line)):
        return []
    moved = indent_of(program.line(fill)) + program.line(line).strip()
    return [Fix(line, fill, "\n".join(program.lines[line:fill] + [moved]))]
