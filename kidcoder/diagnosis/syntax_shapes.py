"""Syntax family: lines with the wrong shape that Python names only in its own words — default
values before plain names in a def, name=value before a plain value in a call, a dotted name as
a def parameter, a module name with a space in it, two import lines glued into one.
"""
from __future__ import annotations

import keyword
import re
from typing import List, Optional

from kidcoder.codeparts import code_part
from kidcoder.diagnosis.finding import Finding, Program
from kidcoder.diagnosis.fixes import Fix, builds
from kidcoder.diagnosis.lines import first_word
from kidcoder.diagnosis.registry import syntax_rule

CARDS = {"diag.default_order": "parameters", "diag.keyword_order": "parameters",
         "diag.def_dotted_param": "parameters", "diag.import_space": "modules-import",
         "diag.glued_lines": "modules-import", "diag.space_in_name": "variables"}

STATEMENT = re.compile(r"(?:from\s+[\w.]+\s+import|import)\b")


@syntax_rule(15)
def argument_order(program: Program, error: SyntaxError) -> Optional[Finding]:
    line = error.lineno or 1
    if error.msg.startswith(("non-default argument follows default argument",
                             "parameter without a default follows parameter with a default")):
        return Finding("syntax", line, error.offset, "diag.default_order", {"line": line})
    if error.msg.startswith("positional argument follows keyword argument"):
        return Finding("syntax", line, error.offset, "diag.keyword_order", {"line": line})
    return None


@syntax_rule(16)
def line_shapes(program: Program, error: SyntaxError) -> Optional[Finding]:
    if error.msg != "invalid syntax":
        return None
    line = error.lineno or 1
    text = code_part(program.line(line)).strip()
    word = first_word(text)
    if word == "def":
        params = text.partition("(")[2].rpartition(")")[0]
        if re.search(r"(^|,)\s*\w+\.\w", params):
            return Finding("syntax", line, None, "diag.def_dotted_param", {"line": line})
    if len(STATEMENT.findall(text)) >= 2:
        return Finding("syntax", line, None, "diag.glued_lines", {"line": line})
    match = re.fullmatch(r"import\s+(\w+)\s+(\w+)", text)
    if match and match.group(2) not in ("as",):
        joined = match.group(1) + match.group(2)
        return Finding("syntax", line, None, "diag.import_space", {"line": line, "module": joined})
    return None


@syntax_rule(17)
def space_in_name(program: Program, error: SyntaxError) -> Optional[Finding]:
    """speed y where the program has speed_y: a space typed for the underscore (did you mean speed_y?)."""
    if not error.msg.startswith("invalid syntax"):
        return None
    line = error.lineno or 1
    code = code_part(program.line(line))
    for match in re.finditer(r"(?<![\w.'\"])([A-Za-z_]\w*) ([A-Za-z_]\w*)(?![\w'\"])", code):
        if keyword.iskeyword(match.group(1)) or keyword.iskeyword(match.group(2)):
            continue
        for joined in (f"{match.group(1)}_{match.group(2)}", match.group(1) + match.group(2)):
            if re.search(r"\b" + joined + r"\b", program.source):
                return Finding("syntax", line, match.start() + 1, "diag.space_in_name",
                               {"line": line, "words": match.group(0), "name": joined})
    return None


@builds("diag.def_dotted_param")
def _plain_params(program: Program, finding: Finding) -> List[Fix]:
    """def hit(player.rect, ...): a parameter is a plain name; keep the first word (player)."""
    text = program.line(finding.line)
    head, bracket, rest = text.partition("(")
    params, close, tail = rest.rpartition(")")
    if not bracket or not close:
        return []
    plain = re.sub(r"(^|,)(\s*)(\w+)(?:\.\w+)+", r"\1\2\3", params)
    return [Fix(finding.line, finding.line, f"{head}({plain}){tail}")] if plain != params else []


@builds("diag.space_in_name")
def _join_name(program: Program, finding: Finding) -> List[Fix]:
    text = program.line(finding.line)
    words = str(finding.values["words"])
    return [Fix(finding.line, finding.line, text.replace(words, str(finding.values["name"]), 1))] if words in text else []


@builds("diag.glued_lines")
def _split_glued(program: Program, finding: Finding) -> List[Fix]:
    text = program.line(finding.line)
    starts = [m.start() for m in STATEMENT.finditer(text)]
    if len(starts) < 2:
        return []
    indent = text[: len(text) - len(text.lstrip())]
    return [Fix(finding.line, finding.line, text[: starts[1]].rstrip() + "\n" + indent + text[starts[1]:].strip())]


@builds("diag.import_space")
def _join_module(program: Program, finding: Finding) -> List[Fix]:
    text = program.line(finding.line)
    indent = text[: len(text) - len(text.lstrip())]
    return [Fix(finding.line, finding.line, f"{indent}import {finding.values['module']}")]
