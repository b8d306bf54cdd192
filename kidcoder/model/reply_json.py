"""Reading a small model's JSON reply: the first object in it (or what is whole of a reply cut off), and its
values made comparable (an enum word, a whole number, numbers and colours a child's text holds).

Pure; shared by the checks of each reading job (model/understand.py).
"""
from __future__ import annotations

import json
import re
from typing import List, Optional, Tuple

from kidcoder.making import nouns

MAX_NUMBER = 1000


def json_object(text: str, prefill: str = "") -> Optional[dict]:
    """The first JSON object in a reply (a local model's reply may lack the prefilled start); a reply the answer
    limit cut off keeps its whole values ('{"player": "cat", "thing": null, "templ' -> player and thing)."""
    return _first_object(text, prefill) or _cut_object(prefill + text)


def _cut_object(text: str) -> Optional[dict]:
    """The values before where a reply was cut off, as an object, or None."""
    start = text.find("{")
    if start == -1 or "}" in text[start:]:
        return None
    for match in reversed(list(re.finditer(r',\s*"', text[start:]))):
        try:
            found = json.loads(text[start:start + match.start()] + "}")
        except ValueError:
            continue
        return found if isinstance(found, dict) else None
    return None


def _first_object(text: str, prefill: str) -> Optional[dict]:
    for candidate in (text, prefill + text):
        start = candidate.find("{")
        if start == -1:
            continue
        depth, in_string, escaped = 0, False, False
        for index in range(start, len(candidate)):
            char = candidate[index]
            if in_string:
                escaped = char == "\\" and not escaped
                if char == '"' and not escaped:
                    in_string = False
                continue
            if char == '"':
                in_string = True
            elif char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    try:
                        found = json.loads(candidate[start:index + 1])
                    except ValueError:
                        break
                    if isinstance(found, dict):
                        return found
                    break
    return None


def enum_word(value) -> Optional[str]:
    """A small model's enum answer made comparable: lower case, "fall_speed" -> "fall speed", "null" -> None."""
    if value is None:
        return None
    text = " ".join(str(value).strip().lower().replace("_", " ").split())
    return None if text in ("", "null") else text


def whole_number(value) -> Tuple[Optional[int], str]:
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "null", "none")):
        return None, ""
    if isinstance(value, bool):
        return None, "number must be a whole number or null"
    try:
        number = int(str(value).strip())
    except ValueError:
        return None, "number must be a whole number or null"
    if not 0 <= number <= MAX_NUMBER:
        return None, f"number must be between 0 and {MAX_NUMBER}"
    return number, ""


def words_of(text: str) -> List[str]:
    return re.findall(r"\w+", text.lower())


def numbers_in(text: str) -> List[int]:
    """The numbers a text writes, in digits or in words ("5", "cinco"); "a"/"una" do not count."""
    found = []
    for word in words_of(text):
        if word in ("a", "an", "one", "un", "una", "uno") and not word.isdigit():
            continue
        number = nouns.find_number(word)
        if number is not None:
            found.append(number)
    return found


def colours_in(text: str, lang: str) -> List[Tuple[int, int, int]]:
    return [colour for word in words_of(text) if len(word) > 2
            for colour in [nouns.find_colour(word, lang)] if colour is not None]
