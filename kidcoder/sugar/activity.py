"""KidCoder as a Sugar activity: `python -m kidcoder.sugar.activity -b BUNDLE_ID -a ACTIVITY_ID [-o OBJECT_ID]`.

Sugar starts the bundle's exec (activity/kidcoder-activity), which runs this with the
Python KidCoder is installed in. KidCoder's own pygame window is the activity window:
it opens hidden, gets the two X11 properties Sugar's shell reads (_SUGAR_BUNDLE_ID,
_SUGAR_ACTIVITY_ID, see xwindow.py) and is then shown, so the shell never sees it
untagged. Opened from a Journal entry (-o), the entry's program (or a Pippy program
or session) is opened; when the window closes, the program is kept in the Journal.
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

DEFAULT_BUNDLE_ID = "org.kidcoder.KidCoder"


@dataclass(frozen=True)
class ActivityArgs:
    """What Sugar's shell passes to an activity (sugar3.activity.activityfactory.get_command)."""
    bundle_id: str
    activity_id: str
    object_id: Optional[str] = None
    uri: Optional[str] = None


def parse_activity_args(argv: List[str]) -> ActivityArgs:
    """Sugar's -b/-a/-o/-u options; anything else (-i for an invitation) is ignored."""
    parser = argparse.ArgumentParser(prog="kidcoder-activity", add_help=False)
    parser.add_argument("-b", "--bundle-id", default=DEFAULT_BUNDLE_ID)
    parser.add_argument("-a", "--activity-id", default="")
    parser.add_argument("-o", "--object-id", default=None)
    parser.add_argument("-u", "--uri", default=None)
    known, _ = parser.parse_known_args(argv)
    activity_id = known.activity_id
    if not activity_id:
        import uuid

        activity_id = uuid.uuid4().hex     # started by hand, outside the shell
    return ActivityArgs(known.bundle_id, activity_id, known.object_id, known.uri)


def text_to_keep(text: str, modified: bool, saved_text: Optional[str]) -> Optional[str]:
    """What goes to the Journal when the window closes: the program as the child left it, unless they
    chose "don't save" (then the saved file, if any). Nothing for an empty program."""
    keep = saved_text if modified else text
    return keep if keep is not None and keep.strip() else None


def program_title(path: Optional[str], fallback: str) -> str:
    """The Journal title: the program's file name for people ("bouncing_sun.py" -> "bouncing sun")."""
    from kidcoder.sugar.names import display_name

    return display_name(Path(path).name, default=fallback) if path else fallback


class SugarHost:
    """The window's host inside Sugar (see kidcoder.ui.start.run_app): tags the window, keeps the work."""

    def __init__(self, args: ActivityArgs, journal, projects_folder: Path):
        self.args = args
        self.journal = journal
        self.projects_folder = Path(projects_folder)
        self.object_id: Optional[str] = None      # the Journal entry we update when the window closes
        self.title = "KidCoder"
        self.kept_id: Optional[str] = None

    def resume(self) -> List[str]:
        """The programs of the Journal entry Sugar opened us with, written into the projects folder
        (the window opens the first); [] for a fresh start."""
        if not self.args.object_id or self.journal is None:
            return []
        entry = self.journal.read(self.args.object_id)
        if entry is None or entry.text is None:
            return []
        from kidcoder.editor.files import ProgramFileError
        from kidcoder.sugar.pippy_program import parse_pippy_text, save_programs

        if entry.activity == self.args.bundle_id:
            self.object_id = entry.object_id      # our own entry: keep the work in it again
        self.title = entry.title or self.title
        programs = parse_pippy_text(entry.text, title=self.title, resolve=self.journal.text_of)
        try:
            return [str(path) for path in save_programs(programs, self.projects_folder)]
        except ProgramFileError:
            return []

    def window_ready(self) -> None:
        """The window exists but is hidden: tag it for Sugar's shell, then show it."""
        import pygame

        from kidcoder.sugar.xwindow import show_hidden_window, tag_pygame_window

        tag_pygame_window(pygame, self.args.bundle_id, self.args.activity_id)
        show_hidden_window(pygame)

    def finished(self, path, text: str, modified: bool) -> None:
        """The window has closed: keep the program in the Journal."""
        if self.journal is None:
            return
        saved_text = None
        if modified and path:
            try:
                saved_text = Path(path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                saved_text = None
        keep = text_to_keep(text, modified, saved_text)
        if keep is None:
            return
        try:
            self.kept_id = self.journal.keep_program(program_title(path and str(path), self.title), keep,
                                                     self.args.bundle_id, self.args.activity_id, self.object_id)
        except Exception as exc:     # the datastore went away (Sugar is shutting down): tell the log
            print(f"kidcoder: could not keep the program in the Journal: {exc}", file=sys.stderr)


def main(argv=None) -> int:
    from kidcoder import paths
    from kidcoder.app import main as app_main
    from kidcoder.sugar.journal import open_journal

    args = parse_activity_args(sys.argv[1:] if argv is None else argv)
    host = SugarHost(args, open_journal(), paths.projects_dir())
    return app_main(host.resume(), host=host)


if __name__ == "__main__":
    sys.exit(main())
