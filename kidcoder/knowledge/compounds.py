"""Words a child typed apart that the cards write as one: "space bar" -> "spacebar", "back ground" -> "background".

A child spells a compound the way it is said, in two pieces, and each piece alone may
belong to another card ("bar" is the health bar's). Two neighbouring words whose joined
spelling is a word of the cards' titles or tags are read as that one word. Two neighbours that a
card's tag says as two words ("barra espaciadora", "health bar") are one thing too: phrases() finds
them, and the index asks for cards with both words (each alone, "barra" of "barra de vida" or
"espaci-" of "espacios", named something else). Pure.
"""
from __future__ import annotations

from typing import Callable, Container, List, Sequence, Tuple

Reading = Tuple[List[str], List[str]]      # (the words one child's word is read as, those read by its sound)


def joined(readings: Sequence[Reading], topics: Container[str], stops: Container[str],
           said_apart: Callable[[str, str], bool]) -> List[Reading]:
    """readings with each pair of single-word neighbours that the cards write as one word made that word
    (marked as read by sound when either piece was); not when a card's tag says the two words apart too
    ("health bar": the card's title says "health" and "bar", its tags also "healthbar")."""
    out: List[Reading] = []
    at = 0
    while at < len(readings):
        read, heard = readings[at]
        if at + 1 < len(readings) and len(read) == 1 and len(readings[at + 1][0]) == 1:
            whole = read[0] + readings[at + 1][0][0]
            if (whole in topics and whole not in stops and not (read[0] in stops and readings[at + 1][0][0] in stops)
                    and not said_apart(read[0], readings[at + 1][0][0])):
                out.append(([whole], [whole] if heard or readings[at + 1][1] else []))
                at += 2
                continue
        out.append((read, heard))
        at += 1
    return out


def phrases(readings: Sequence[Reading], stops: Container[str], said_apart: Callable[[str, str], bool]) -> List[Tuple[str, str]]:
    """The pairs of single-word neighbours (no question word) that a card's tag says as two words, in order."""
    return [(read[0], after[0]) for (read, _heard), (after, _after_heard) in zip(readings, readings[1:])
            if len(read) == 1 and len(after) == 1 and read[0] not in stops and after[0] not in stops
            and said_apart(read[0], after[0])]


def merged(topic: Sequence[Tuple[str, float]], pairs: Sequence[Tuple[str, str]]) -> List[Tuple[str, float]]:
    """topic ((word, weight), in order) with each pair said next to each other made one entry "word word" that
    weighs as the pair's mean (the index asks for both words)."""
    out: List[Tuple[str, float]] = []
    at = 0
    while at < len(topic):
        if at + 1 < len(topic) and (topic[at][0], topic[at + 1][0]) in pairs:
            out.append((f"{topic[at][0]} {topic[at + 1][0]}", (topic[at][1] + topic[at + 1][1]) / 2))
            at += 2
            continue
        out.append(topic[at])
        at += 1
    return out
