"""Claims in a model's retelling that the rules' finding does not back: pure checks, one per kind of claim.

Each kind was seen in the real corpus with Qwen2.5-Coder-0.5B (issue 19, tenth pass),
in texts that kept every key fact and so were shown beneath the rules' hint:
- a name said to have no value that the finding does not name ("la variable WIDTH no
  está definida" for a line Python could not read; `ball.rect.x` for speed_x);
- a short name for a longer one: `quit()` for pygame.quit(), another function;
- a call written with arguments the program never has
  ("pygame.draw.circle(windowSurface, RED, (300, 250))");
- code the model writes for the child (```python …```): only the rules' fix is checked;
- "line 17" in quote marks, as if it were code to mend;
- the mend put on the problem line when the rules put it above ("You need to import the
  pygame module at line 45", "give `baddies` a value first, on line 42");
- a mend the wrong way for the kind of problem: "a colon after the keyword if" (it goes at
  the end of the line), "add a space at the start of line 101" for a line already too far right.
"""
from __future__ import annotations

import re
from typing import List, Optional

_NAME = r"`?([A-Za-z_][\w.]*)`?"
# "X is not defined", "X has no value", "X todavía no tiene valor", "la variable X no está definida"
_NO_VALUE = re.compile(_NAME + r"\s+(?:is not defined|isn't defined|is undefined|has no value|"
                       r"does(?: not|n't) have a value|(?:todav[íi]a\s+)?no tiene (?:ning[úu]n )?valor|"
                       r"no est[áa] definid[oa])", re.I)
_CALL_START = re.compile(r"(?<![\w.])((?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*)\(")
_BARE_CALL = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\(")
_DOTTED_CALL = re.compile(r"\b[A-Za-z_][\w.]*\.([A-Za-z_]\w*)\(")
_FENCE = re.compile(r"```")
# The rules' words that put the mend above the problem line, and an answer's "do X on line N".
_ABOVE = re.compile(r"line above|lines above|at the top|top of the program|before it|de arriba|al principio|"
                    r"antes de (?:esa|la) l[íi]nea", re.I)
_DO_ON_LINE = re.compile(r"\b(?:give|assign|import|add|put|define|set|create|make|write|dale|da|asigna|importa|pon|"
                         r"añade|agrega|define|crea|escribe)\b[^.!?\n]*?\b(?:on|at|in|en)\s+(?:the\s+)?"
                         r"(?:line|l[íi]nea)\s+(\d+)(?![^.!?\n]*\b(?:above|before|arriba|antes)\b)", re.I)
_KEYWORDS = r"(?:if|elif|else|for|while|def|class|try|except|with)"
# For a kind of problem (the finding's key), words that send the mend the wrong way, and what is wrong.
_WRONG_WAY = {
    "diag.missing_colon": (re.compile(r"(?:colon|dos puntos)\W+(?:\w+\s+){0,2}(?:after|despu[ée]s\s+del?)\s+(?:the\s+)?"
                                      r"(?:keyword\s+|palabra\s+)?[\"'`“«]?" + _KEYWORDS +
                                      r"[\"'`”»]?(?:\s+(?:keyword|word|in|on|at|en)\b|\s*[.,;]|\s*$)", re.I),
                           "puts the colon after the keyword: it goes at the end of the line"),
    "diag.unexpected_indent": (re.compile(r"\badd\s+(?:a\s+|some\s+|more\s+)?spaces?\b|\bmove\b[^.]*\bright\b|"
                                          r"\bindent\b[^.]*\bmore\b|a[ñn]ade\s+(?:un\s+|m[áa]s\s+)?espacios?|"
                                          r"m[áa]s a la derecha", re.I),
                               "tells to move right a line that is already too far right"),
}
_QUOTED_LINE = re.compile(r"[\"'`“«]\s*(?:line|l[íi]nea)\s+\d+\s*[\"'`”»]", re.I)


def code_tokens(code: str) -> str:
    """Code as its tokens between single spaces (" score == score + 1 "): spacing never matters, and a
    search for " scor " cannot find score."""
    return " " + " ".join(re.findall(r"\w+|[^\w\s]", code)) + " "


def said_without_value(answer: str, named: Optional[str]) -> List[str]:
    """Names the answer says have no value (or are not defined) other than the one the finding names."""
    found = []
    for name in _NO_VALUE.findall(answer):
        if name.lower() in ("it", "this", "that", "esto", "eso", "ello"):
            continue
        if named and name.rsplit(".", 1)[-1] == named.rsplit(".", 1)[-1]:
            continue
        found.append(name)
    return list(dict.fromkeys(found))


def shortened_calls(answer: str, rules_text: str) -> List[str]:
    """Bare calls in the answer (`quit()`) where the rules only ever call a longer name (pygame.quit()), and
    the answer never writes that longer name: in Python the bare name is another function."""
    rules_bare = set(_BARE_CALL.findall(rules_text))
    rules_dotted = set(_DOTTED_CALL.findall(rules_text))
    answer_dotted = set(_DOTTED_CALL.findall(answer))
    return list(dict.fromkeys(name for name in _BARE_CALL.findall(answer)
                              if name in rules_dotted and name not in rules_bare and name not in answer_dotted))


def _call_text(text: str, start: int) -> Optional[str]:
    """The call that starts at start, to its closing bracket (None when it is not closed within 120 chars)."""
    depth = 0
    for i in range(start, min(len(text), start + 120)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return None


def invented_calls(answer: str, known: str) -> List[str]:
    """Calls with arguments the answer writes out that are nowhere, token for token, in known (the child's
    program, the rules' words and the checked fix)."""
    known_tokens = code_tokens(known)
    found = []
    for match in _CALL_START.finditer(answer):
        call = _call_text(answer, match.start())
        if not call or call.endswith("()"):
            continue
        if code_tokens(call) not in known_tokens:
            found.append(call)
    return found


def writes_code(answer: str) -> bool:
    """Does the answer write a block of code for the child (```…```)? Only the rules' fix is checked by a run."""
    return _FENCE.search(answer) is not None


def quotes_a_line_number(answer: str) -> bool:
    """Does the answer put "line N" in quote marks, as if it were the code to mend?"""
    return _QUOTED_LINE.search(answer) is not None


def mends_on_the_problem_line(answer: str, rules_text: str, line: Optional[int]) -> bool:
    """Does the answer tell the child to do the mend on the problem line itself when the rules say it goes
    above (a value given, a module imported before the line that uses it)?"""
    if line is None or not _ABOVE.search(rules_text):
        return False
    return any(int(n) == line for n in _DO_ON_LINE.findall(answer))


def wrong_way(answer: str, key: str) -> Optional[str]:
    """What is wrong when the answer sends the mend the wrong way for this kind of problem, else None."""
    words, wrong = _WRONG_WAY.get(key, (None, None))
    return wrong if words is not None and words.search(answer) else None


def claims(answer: str, *, named: Optional[str], rules_text: str, known: str, line: Optional[int] = None,
           key: str = "") -> List[str]:
    """Every claim above the answer makes, one line each for the teacher's log ([] when it makes none)."""
    found = []
    others = said_without_value(answer, named)
    if others:
        found.append("says a name has no value that the finding does not name: " + ", ".join(others[:3]))
    short = shortened_calls(answer, rules_text)
    if short:
        found.append("calls another function by a shorter name: " + ", ".join(f"{n}()" for n in short[:3]))
    calls = invented_calls(answer, known)
    if calls:
        found.append("writes calls the program does not have: " + ", ".join(calls[:2]))
    if writes_code(answer):
        found.append("writes code for the child (only the rules' fix is checked)")
    if quotes_a_line_number(answer):
        found.append("quotes a line number as if it were code")
    backwards = wrong_way(answer, key)
    if backwards:
        found.append(backwards)
    if mends_on_the_problem_line(answer, rules_text, line):
        found.append(f"puts the mend on line {line}, where the rules say above")
    return found
