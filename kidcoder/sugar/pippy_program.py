"""Read a Pippy program as it is: a Pippy `.py` file, or a file Pippy kept in the Journal.

Pippy keeps two kinds of Journal entries. A program (mime type text/x-python) is
Python text, sometimes with the two lines Pippy puts on top of files it writes
("#!/usr/bin/python3" and a coding line); Pippy hides them, and so do we. A Pippy
session (application/json) is a JSON list of [tab name, where] pairs, where `where`
is either the path of one of Pippy's own examples or the id of another Journal
entry (only Sugar's Journal can read those: pass `resolve`).

parse_pippy_text() is pure; read_pippy_file() reads one file; save_programs() writes
what was read into a folder, so the window can open the first one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, List, Optional

from kidcoder.editor.files import ProgramFileError, read_program_text, write_atomic
from kidcoder.sugar.names import file_stem

PIPPY_HEADER = ("#!/usr/bin/python3", "# -*- coding: utf-8 -*-")
MAX_SESSION_TABS = 50


@dataclass(frozen=True)
class PippyProgram:
    """One program: a file name for it (ends in .py) and its text."""
    name: str
    source: str


Resolver = Callable[[str], Optional[str]]


def strip_pippy_header(text: str) -> str:
    """The program without the two header lines Pippy writes on top (only when both are there)."""
    lines = text.split("\n")
    if len(lines) >= 2 and tuple(line.rstrip("\r") for line in lines[:2]) == PIPPY_HEADER:
        return "\n".join(lines[2:])
    return text


def _session_pairs(text: str):
    """The [name, where] pairs of a Pippy session file, or None when text is not one."""
    if not text.lstrip().startswith("["):
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, list) or not all(
            isinstance(item, list) and len(item) == 2 and isinstance(item[0], str) for item in data):
        return None
    return [(name, where) for name, where in data[:MAX_SESSION_TABS]]


def _program_name(title: str) -> str:
    return file_stem(title, default="pippy_program") + ".py"


def parse_pippy_text(text: str, title: str = "pippy_program",
                     read_example: Optional[Resolver] = None, resolve: Optional[Resolver] = None
                     ) -> List[PippyProgram]:
    """The programs in one Pippy file's text (a program, or a session of several tabs).

    read_example(path) and resolve(journal_id) give the text a session points at, or None
    when it is gone; tabs that cannot be read are left out."""
    pairs = _session_pairs(text)
    if pairs is None:
        return [PippyProgram(_program_name(title), strip_pippy_header(text))]
    programs = []
    for name, where in pairs:
        source = None
        if isinstance(where, str) and where.startswith("/") and read_example is not None:
            source = read_example(where)
        elif isinstance(where, str) and where and resolve is not None:
            source = resolve(where)
        if source is not None:
            programs.append(PippyProgram(_program_name(name), strip_pippy_header(source)))
    return programs


def _text_or_none(path: str) -> Optional[str]:
    try:
        return read_program_text(path)
    except ProgramFileError:
        return None


def read_pippy_file(path, resolve: Optional[Resolver] = None) -> List[PippyProgram]:
    """The programs in a Pippy .py or Pippy Journal file. Raises ProgramFileError for a file that
    cannot be read (missing, binary, too large) or holds no program."""
    path = Path(path)
    text = read_program_text(path)
    programs = parse_pippy_text(text, title=path.stem, read_example=_text_or_none, resolve=resolve)
    if not programs:
        raise ProgramFileError("sugar.pippy.empty", f"No program in this Pippy file: {path}", path=str(path))
    return programs


def save_programs(programs: List[PippyProgram], folder) -> List[Path]:
    """Write each program into folder under a name not taken yet (a file that already holds exactly
    that program is used again); returns the files in order. Raises ProgramFileError when the
    folder cannot be written."""
    from kidcoder.editor.files import ProjectFiles

    files = ProjectFiles(folder)
    written = []
    for program in programs:
        same = files.folder / program.name
        if same.is_file() and _text_or_none(str(same)) == program.source:
            written.append(same)
            continue
        target = files.new_path(Path(program.name).stem)
        try:
            write_atomic(target, program.source.encode("utf-8"))
        except OSError as exc:
            raise ProgramFileError("sugar.export.no_write", f"Cannot write {target}: {exc.strerror or exc}",
                                   file=str(target)) from None
        written.append(target)
    return written
