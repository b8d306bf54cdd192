"""Syntax repairs when no specific builder knows the slip: small edits at the line Python stopped at
(and the line before), kept only when the changed copy compiles or its first error moves further down.

Real children's programs break in ways no single rule names (`for x in y:  ;`, `class A(B): pos = (0, 0):`,
`import syspython3.13 --version`, `self.image =` left unfinished, a line cut in half). Each repair is a
guess; Python's own compiler (through pyparse, never two threads at once) sorts them: a copy that
compiles comes first, then the ones whose next error is furthest down (the fix chain mends that one).
The hint ladder still plays the final program before it offers anything, so a guess is never offered
unchecked.
"""
from __future__ import annotations

import re
import sys
from typing import Dict, List, Optional, Tuple

from kidcoder.codeparts import indent_of, split_comment
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, apply_fix, builds, fallback
from kidcoder.diagnosis.fixes_runs import run_shifts
from kidcoder.diagnosis.registry import compile_error
from kidcoder.diagnosis.syntax_brackets import PAIRS, open_brackets

BLOCK = re.compile(r"^(\s*)((?:class|def|if|elif|else|for|while|with|try|except|finally)\b[^:]*:)\s*(\S.*?)\s*:?\s*$")
# A line that starts a block (even without its colon, or with its body not indented): never left out,
# or what it guards would run every time.
OPENER = re.compile(r"^(?:class|def|if|elif|else|for|while|with|try|except|finally|async)\b")
INDENT_KEYS = ("diag.unexpected_indent", "diag.unindent_mismatch")
UNFINISHED = re.compile(r"^(\s*[\w.\[\]'\"]+\s*)=\s*$")
KEYWORD_ARG = re.compile(r"\b[A-Za-z_]\w*\s*=(?!=)\s*")
MAX_REPAIRS = 4
MODULES = sorted(getattr(sys, "stdlib_module_names", ()) | {"pygame", "random", "math", "sys", "time", "os"},
                 key=len, reverse=True)


def _blocks_needing_body(program: Program, number: int) -> bool:
    """Does line `number` stand alone as the body of the block opened on the line before it?"""
    above = number - 1
    while above >= 1 and (not program.line(above).strip() or program.line(above).lstrip().startswith("#")):
        above -= 1
    if above < 1 or not split_comment(program.line(above))[0].rstrip().endswith(":"):
        return False
    below = number + 1
    while below <= len(program.lines) and not program.line(below).strip():
        below += 1
    base = len(indent_of(program.line(above)))
    return below > len(program.lines) or len(indent_of(program.line(below))) <= base


def _opens_block(program: Program, number: int) -> bool:
    """Is the next line of code further in than this one (this line's colon opens its block)?"""
    below = next((program.line(n) for n in range(number + 1, len(program.lines) + 1)
                  if split_comment(program.line(n))[0].strip()), None)
    return below is not None and len(indent_of(below)) > len(indent_of(program.line(number)))


def _may_guard_next(program: Program, number: int) -> bool:
    """Could the next line of code be the body of the block this line starts (the child forgot to
    indent it)? It can when it is at least as far in as this line."""
    below = next((program.line(n) for n in range(number + 1, len(program.lines) + 1)
                  if split_comment(program.line(n))[0].strip()), None)
    return below is not None and len(indent_of(below)) >= len(indent_of(program.line(number)))


def _line_edits(program: Program, number: int, column: Optional[int]) -> List[str]:
    """New texts for one line (each may hold several lines), best guess first."""
    text = program.line(number)
    code, rest = split_comment(text)
    indent, stripped = indent_of(text), code.strip()
    edits: List[str] = []
    if ";" in code:       # stray semicolons: `for a in b:  ;`
        edits.append(re.sub(r"\s*;+\s*$", "", re.sub(r":\s*;+", ":", code)).rstrip() + rest)
    block = BLOCK.match(code)
    if block:             # `class A(B): pos = (0, 0):` -> the body on its own line
        edits.append(f"{block.group(1)}{block.group(2)}\n{block.group(1)}    {block.group(3)}")
    header = stripped.endswith(":") and _opens_block(program, number)
    if stripped.endswith(":") and not header:
        edits.append(code.rstrip()[:-1].rstrip() + rest)
    elif stripped:
        edits.append(code.rstrip() + ":" + rest)
    closers = "".join(PAIRS[char] for char, _l, _c in reversed(open_brackets([code], 1)))
    if closers:
        edits.append(code.rstrip() + closers + rest)
    unfinished = UNFINISHED.match(code)
    if unfinished:        # `self.image =` with nothing after it
        edits.append(unfinished.group(1).rstrip() + " = None" + rest)
    glued = re.match(r"^(\s*import\s+)([A-Za-z_]\w*)", code)
    if glued:             # `import syspython3.13 --version`: the module name runs into a pasted command
        module = next((m for m in MODULES if glued.group(2).startswith(m) and glued.group(2) != m), None)
        if module:
            edits.append(glued.group(1) + module + rest)
    if column and 1 <= column <= len(code) and not code[column - 1].isalnum() and \
            not (header and code[column - 1] == ":"):
        edits.append(code[:column - 1] + code[column:] + rest)    # a stray character where Python stopped
    if not header and not (OPENER.match(stripped) and _may_guard_next(program, number)):
        # leave the broken line out (never a block's first line: its body would then run every time)
        keep = "pass" if _blocks_needing_body(program, number) else ""
        edits.append(indent + (keep + "  # " if keep else "# ") + text.strip())
    return edits


def _reindents(program: Program, number: int) -> List[Tuple[int, int, str]]:
    """Move the line to its neighbours' level, or bring the line above in line with it."""
    above = number - 1
    while above >= 1 and (not program.line(above).strip() or program.line(above).lstrip().startswith("#")):
        above -= 1
    if above < 1:
        return []
    text, upper = program.line(number), program.line(above)
    level = indent_of(upper)
    deeper = level + "    " if split_comment(upper)[0].rstrip().endswith(":") else level
    return [(number, number, deeper + text.lstrip()), (above, above, indent_of(text) + upper.lstrip())]


def progress(source: str, fix: Fix, line: int) -> Optional[Tuple[int, int]]:
    """(0, 0) when the fixed copy compiles; (1, -next error line) when it stops further down; else None."""
    error = compile_error(apply_fix(source, fix))
    if error is None:
        return (0, 0)
    if (error.lineno or 0) > line:
        return (1, -(error.lineno or 0))
    return None


def syntax_repairs(program: Program, finding: Finding) -> List[Fix]:
    """Up to MAX_REPAIRS one-line repairs near the finding that let Python read further, best first."""
    line = finding.line
    if not 1 <= line <= len(program.lines):
        return []
    tries: List[Fix] = []
    for number in (line, line - 1):
        if number < 1:
            continue
        column = finding.column if number == line else None
        tries += [Fix(number, number, new) for new in _line_edits(program, number, column)]
    tries += [Fix(start, end, new) for start, end, new in _reindents(program, line)]
    if finding.key in INDENT_KEYS:
        tries += run_shifts(program, line)
    ranked: Dict[Fix, Tuple[int, int, int]] = {}
    for order, fix in enumerate(tries):
        if fix in ranked or fix.replacement == "\n".join(program.lines[fix.start_line - 1: fix.end_line]):
            continue
        score = progress(program.source, fix, line)
        if score is not None:
            ranked[fix] = (*score, order)
    return sorted(ranked, key=ranked.get)[:MAX_REPAIRS]


def by_progress(source: str, finding: Finding, fixes: List[Fix]) -> List[Fix]:
    """The fixes that let Python read further than the finding's line, the ones that compile first."""
    scored = [(progress(source, fix, finding.line), order, fix) for order, fix in enumerate(fixes)]
    return [fix for score, _order, fix in sorted((s for s in scored if s[0] is not None),
                                                  key=lambda item: (item[0], item[1]))]


@builds("diag.default_order")
def _defaults_last(program: Program, finding: Finding) -> List[Fix]:
    """Plain parameters after one with a default also get `=None` (callers that name them still work)."""
    code, rest = split_comment(program.line(finding.line))
    match = re.match(r"^(\s*def\s+\w+\s*\()(.*)(\)\s*(?:->[^:]*)?:\s*)$", code)
    if not match:
        return syntax_repairs(program, finding)
    params = [p.strip() for p in match.group(2).split(",")]
    seen_default, new = False, []
    for param in params:
        if "=" in param or param.startswith("*"):
            seen_default = seen_default or "=" in param
        elif seen_default and param:
            param += "=None"
        new.append(param)
    return [Fix(finding.line, finding.line, match.group(1) + ", ".join(new) + match.group(3) + rest)]


@builds("diag.keyword_order")
def _plain_argument(program: Program, finding: Finding) -> List[Fix]:
    """`set_timer(slow = True, 5000)`: the name= before a plain value goes (the value stays)."""
    code, rest = split_comment(program.line(finding.line))
    fixes = []
    named = re.sub(r"(=[^=,()]+(?:\([^()]*\))?,\s*)([A-Za-z_]\w*)\s*\)", r"\1\2=\2)", code, count=1)
    if named != code:       # `f(a=1, b)` where b is the parameter's own name: `f(a=1, b=b)`
        fixes.append(Fix(finding.line, finding.line, named + rest))
    for match in KEYWORD_ARG.finditer(code):
        fixes.append(Fix(finding.line, finding.line, code[:match.start()] + code[match.end():] + rest))
    return fixes[:2] + syntax_repairs(program, finding)


@builds("diag.syntax_generic", "diag.unfinished_line")
def _generic(program: Program, finding: Finding) -> List[Fix]:
    return syntax_repairs(program, finding)


@fallback("syntax")
def _after_builder(program: Program, finding: Finding) -> List[Fix]:
    """After a specific builder's own guesses (which may not be enough on real code)."""
    return syntax_repairs(program, finding)
