"""Fix builders for syntax findings: add the colon, close the bracket, line up the indent, fix the word."""
from __future__ import annotations

import re

from kidcoder.codeparts import indent_of, split_comment
from kidcoder.diagnosis.fixes import Fix, builds, one_line
from kidcoder.diagnosis.lines import line_tokens, replace_word
from kidcoder.diagnosis.syntax_brackets import PAIRS, open_brackets
from kidcoder.diagnosis.syntax_words import ODD_CHARACTERS


@builds("diag.missing_colon")
def _colon(program, finding):
    code, rest = split_comment(program.line(finding.line))
    return one_line(program, finding.line, code + ":" + rest)


@builds("diag.assign_in_condition")
def _double_equals(program, finding):
    code, rest = split_comment(program.line(finding.line))
    new = re.sub(r"(?<![=!<>:+\-*/%])=(?!=)", "==", code, count=1)
    return one_line(program, finding.line, new + rest)


@builds("diag.unclosed_bracket")
def _close_bracket(program, finding):
    number = finding.line
    code, rest = split_comment(program.line(number))
    still_open = open_brackets([code], 1)
    closers = "".join(PAIRS[char] for char, _l, _c in reversed(still_open)) or finding.values.get("closer", ")")
    fixes = one_line(program, number, code + closers + rest)
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
        code2, rest2 = split_comment(program.line(last))
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
    return one_line(program, finding.line, text[:index] + new_char + text[index + 1:])


@builds("diag.unclosed_string")
def _close_string(program, finding):
    text = program.line(finding.line).rstrip()
    quote = finding.values.get("quote", '"')
    stripped = text.rstrip(")]}:,")
    fixes = []
    if stripped != text:
        fixes += one_line(program, finding.line, stripped + quote + text[len(stripped):])
    fixes += one_line(program, finding.line, text + quote)
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
            fixes += one_line(program, finding.line, text[:at] + "," + text[at:])
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
    return one_line(program, finding.line, indent + program.line(finding.line).lstrip())


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
        fixes += one_line(program, finding.line, indent + text.lstrip())
    if "\t" in indent_of(text):
        fixes += one_line(program, finding.line, indent_of(text).replace("\t", "    ") + text.lstrip())
    return fixes


@builds("diag.expected_indent")
def _indent(program, finding):
    number = finding.values.get("header", finding.line - 1)
    header = program.line(number)
    unit = "\t" if indent_of(header).startswith("\t") else "    "
    if len(indent_of(program.line(finding.line))) < len(indent_of(header)):   # an empty def: the line below is not its body
        return [Fix(number, number, header + "\n" + indent_of(header) + unit + "pass")]
    fixes = one_line(program, finding.line, indent_of(header) + unit + program.line(finding.line).lstrip())
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
    code, rest = split_comment(program.line(finding.line))
    match = re.match(r"^(\s*)print\s+(.*?)\s*$", code)
    return one_line(program, finding.line, f"{match.group(1)}print({match.group(2)}){rest}") if match else []


@builds("diag.misspelled_keyword")
def _keyword(program, finding):
    return one_line(program, finding.line, replace_word(program.line(finding.line), finding.values["word"],
                                                    finding.values["keyword"]))


@builds("diag.odd_character")
def _plain_characters(program, finding):
    text = program.line(finding.line)
    return one_line(program, finding.line, "".join(ODD_CHARACTERS.get(char, char) for char in text))




@builds("diag.else_if")
def _elif(program, finding):
    text = program.line(finding.line)
    return one_line(program, finding.line, re.sub(r"\belse\s+if\b", "elif", text, count=1))


@builds("diag.wrong_comparison", "diag.plus_equals_typo")
def _comparison(program, finding):
    code, rest = split_comment(program.line(finding.line))
    return one_line(program, finding.line, code.replace(finding.values["wrong"], finding.values["right"], 1) + rest)


@builds("diag.def_brackets")
def _def_brackets(program, finding):
    code, rest = split_comment(program.line(finding.line))
    if not code.endswith(":"):
        return []
    return one_line(program, finding.line, code[:-1].rstrip() + "():" + rest)


@builds("diag.fstring_brace")
def _close_brace(program, finding):
    text = program.line(finding.line)
    new = re.sub(r"\{([^{}\"']*)([\"'])", r"{\1}\2", text, count=1)
    return one_line(program, finding.line, new if new != text else None)
