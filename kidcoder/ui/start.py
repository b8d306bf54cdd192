"""Opening the window: `run_app()` makes the App, opens a program named on the command line, runs a demo
if KIDCODER_DEMO names one, and gives the Sugar host what it needs. kidcoder/app.py calls it."""
from __future__ import annotations

import os
import sys

import pygame

from kidcoder.config import load_settings
from kidcoder.ui.early import open_window


def run_app(argv=None, host=None) -> int:
    """Open the window (python main.py [program.py]); KIDCODER_DEMO names a scripted demo
    (see kidcoder.ui.demo). host (Sugar's activity launcher, kidcoder.sugar.activity) gets the
    window hidden in host.window_ready() to tag and show it, and the open program in
    host.finished(path, text, modified) when the window has closed."""
    args = list(sys.argv[1:] if argv is None else argv)
    settings = load_settings()
    programs = [arg for arg in args if arg.endswith(".py")]
    demo = os.environ.get("KIDCODER_DEMO")
    # Sugar shows its own launcher until the window is tagged; a program named or a demo is another first frame
    app = open_window(settings, window_flags=pygame.HIDDEN if host is not None else 0,
                      quick=host is None and not programs and not demo, splash=host is None)
    if host is not None:
        host.window_ready()
    if programs:
        app.actions.open_file(os.path.abspath(programs[0]))   # a teacher's "python main.py lesson.py"
    if demo:
        from kidcoder.ui.demo import load_demo

        app.demo = load_demo(demo)
    code = app.run()
    if host is not None:
        host.finished(app.docs.path, app.editor.get_text(), app.editor.view.buffer.modified)
    return code
