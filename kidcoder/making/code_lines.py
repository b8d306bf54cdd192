"""The code a picker puts in a child's program: a short load line in the right place, and a line that uses it.

Pure: from (program text, library entry, cursor line) to an InsertPlan, and
apply_plan() gives the new text. A picture is loaded once before the game loop
(after set_mode, so convert_alpha() works) and drawn in the loop; a sound is
loaded before the loop and played where the cursor is; music starts before
the loop and repeats.

    cat_picture = pygame.image.load("images/cat.png").convert_alpha()
    cat_picture = pygame.transform.scale(cat_picture, (64, 64))
    ...
        screen.blit(cat_picture, (100, 100))
"""
from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from kidcoder.making import library

_LOOP = re.compile(r"^while\b.*:\s*(#.*)?$")
_SET_MODE = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*=\s*pygame\.display\.set_mode\(")
_SHOW = re.compile(r"^(?P<indent>\s+)pygame\.display\.(flip|update)\(")
_ASSIGNED = re.compile(r"^\s*(?P<name>[A-Za-z_]\w*)\s*=")
WORDS = {"en": {"picture": "picture", "sound": "sound"}, "es": {"picture": "imagen", "sound": "sonido"}}


@dataclass(frozen=True)
class Insertion:
    """Lines to put before line `before` (1-based; one past the last line means at the end)."""
    before: int
    lines: Tuple[str, ...]


@dataclass(frozen=True)
class InsertPlan:
    """What to insert for one picked file: the variable it is loaded into, and where each line goes."""
    variable: str
    insertions: Tuple[Insertion, ...]

    @property
    def text(self) -> str:
        """The inserted lines of code (blank ones left out), for showing the child what will be added."""
        return "\n".join(line for insertion in self.insertions for line in insertion.lines if line.strip())


def variable_for(entry: library.Entry, lang: str = "en") -> str:
    """A readable variable name: "cat_picture", "jump_sound"; in Spanish "imagen_gato", "sonido_salto"."""
    word = WORDS.get(lang, WORDS["en"])["picture" if entry.kind == library.PICTURE else "sound"]
    name = re.sub(r"[^a-z0-9]+", "_", library.normal(entry.name(lang))).strip("_") or entry.id
    text = f"{word}_{name}" if lang == "es" else f"{name}_{word}"
    return text if text.isidentifier() and not keyword.iskeyword(text) else f"{word}_{entry.id}"


def load_lines(entry: library.Entry, path: str, variable: str, after_set_mode: bool,
               size: Optional[int] = 64) -> Tuple[str, ...]:
    """The lines that load a file once: convert_alpha() only when a window exists by then."""
    if entry.kind == library.PICTURE:
        convert = ".convert_alpha()" if after_set_mode else ""
        lines = [f'{variable} = pygame.image.load("{path}"){convert}']
        if size:
            lines.append(f"{variable} = pygame.transform.scale({variable}, ({size}, {size}))")
        return tuple(lines)
    if entry.role == "loop":
        return (f'pygame.mixer.music.load("{path}")', "pygame.mixer.music.play(-1)")
    return (f'{variable} = pygame.mixer.Sound("{path}")',)


def use_line(entry: library.Entry, variable: str, screen: str) -> Optional[str]:
    """The line that shows the picture or plays the sound (music needs none: it plays by itself)."""
    if entry.kind == library.PICTURE:
        return f"{screen}.blit({variable}, (100, 100))"
    if entry.role == "loop":
        return None
    return f"{variable}.play()"


def plan_insert(source: str, entry: library.Entry, path: str, cursor_line: int, lang: str = "en",
                size: Optional[int] = 64) -> InsertPlan:
    """Where the lines for a picked file go in this program (cursor_line is 1-based).

    The load goes just above the game loop's paragraph (its comment and "running = True"),
    but never above set_mode; after set_mode when there is no loop; at the cursor in a program
    with neither. The use line goes at the cursor when
    it is inside the loop; a picture otherwise goes just before the loop's display.flip().
    A file that is already loaded is not loaded again.
    """
    lines = source.split("\n")
    loop = next((number for number, line in enumerate(lines) if _LOOP.match(line)), None)
    set_mode = next((number for number, line in enumerate(lines) if _SET_MODE.match(line)), None)
    screen = _SET_MODE.match(lines[set_mode]).group("name") if set_mode is not None else "screen"
    cursor = max(0, min(len(lines), cursor_line - 1))
    if loop is not None:
        load_at = _paragraph_start(lines, loop)
        if set_mode is not None and load_at <= set_mode < loop:
            load_at = set_mode + 1
    elif set_mode is not None:
        load_at = set_mode + 1
    else:
        load_at = cursor
    existing = _existing_variable(lines, path)
    variable = existing or _free_variable(lines, variable_for(entry, lang))
    insertions: List[Insertion] = []
    if existing is None and not (entry.role == "loop" and f'"{path}"' in source):
        after_set_mode = set_mode is not None and set_mode < load_at
        loading = load_lines(entry, path, variable, after_set_mode, size)
        above_is_blank = load_at == 0 or not lines[load_at - 1].strip()
        if loop is not None and load_at < len(lines) and lines[load_at].strip() and above_is_blank:
            loading += ("",)  # a paragraph of its own, above the loop's
        insertions.append(Insertion(load_at + 1, loading))
    use = use_line(entry, variable, screen)
    if use is not None and loop is not None:
        use_at = _use_place(lines, loop, cursor, entry.kind == library.PICTURE)
        if use_at is not None:
            insertions.append(Insertion(use_at[0] + 1, (use_at[1] + use,)))
    return InsertPlan(variable, tuple(insertions))


def _paragraph_start(lines: List[str], number: int) -> int:
    """The first line of the block of lines (no blank line between) that line `number` is in."""
    while number > 0 and lines[number - 1].strip():
        number -= 1
    return number


def _existing_variable(lines: List[str], path: str) -> Optional[str]:
    """The variable a program already loads this file into, if it does."""
    for line in lines:
        if f'"{path}"' in line or f"'{path}'" in line:
            match = _ASSIGNED.match(line)
            if match:
                return match.group("name")
    return None


def _free_variable(lines: List[str], wanted: str) -> str:
    """wanted, or wanted_2, ... when the program already uses that name for something else."""
    used = {match.group("name") for match in map(_ASSIGNED.match, lines) if match}
    name, number = wanted, 2
    while name in used:
        name = f"{wanted}_{number}"
        number += 1
    return name


def _in_loop(lines: List[str], loop: int, number: int) -> bool:
    """Is line `number` (0-based) inside the body of the loop that starts at `loop`?"""
    if number <= loop:
        return False
    for line in lines[loop + 1:number + 1]:
        if line.strip() and not line[:1].isspace():
            return False
    return True


def _use_place(lines: List[str], loop: int, cursor: int, is_picture: bool) -> Optional[Tuple[int, str]]:
    """(line number, indentation) for the use line: the cursor inside the loop, else before flip() for a picture."""
    if _in_loop(lines, loop, cursor) or (cursor == len(lines) and _in_loop(lines, loop, cursor - 1)):
        near = next((line for line in lines[cursor:] + lines[:cursor][::-1] if line.strip()), "    ")
        if not near[:1].isspace():
            near = next((line for line in lines[:cursor][::-1] if line[:1].isspace() and line.strip()), "    ")
        return cursor, near[:len(near) - len(near.lstrip())]
    if not is_picture:
        return None
    for number in range(loop + 1, len(lines)):
        if lines[number].strip() and not lines[number][:1].isspace():
            break
        show = _SHOW.match(lines[number])
        if show:
            return number, show.group("indent")
    return None


def apply_plan(source: str, plan: InsertPlan) -> str:
    """The program with the plan's lines inserted (each insertion at the line it names in the old text)."""
    lines = source.split("\n")
    for insertion in sorted(plan.insertions, key=lambda item: item.before, reverse=True):
        index = insertion.before - 1
        lines[index:index] = list(insertion.lines)
    return "\n".join(lines)
