"""Opening the window: its first whole frame comes before any background work starts, and a window
closed at once leaves nothing running (on an XO's one core, either would slow the child's window)."""

from kidcoder.ui.assist import IndexBuilder
from tests.ui.driver import close_app, fresh_python, make_app, step


def test_an_index_build_stopped_before_it_began_never_starts():
    builder = IndexBuilder()
    builder.stop()                       # the window closed before the worker got to the build
    assert builder.run() == -1
    assert builder.process is None


def test_the_index_check_starts_only_after_the_first_whole_frame(tmp_path, monkeypatch):
    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    window = make_app()
    try:
        assert window.first_frame_at is None and window.worker.busy == 0
        sent = []
        window.on_present = lambda rects: sent.append((list(rects), window.worker.busy))
        step(window)
        assert window.first_frame_at is not None
        (rects, busy_when_sent), = sent
        assert busy_when_sent == 0 and rects              # the frame went out before the index check began
        assert window.worker.busy >= 1                    # ... which starts right after it (and the model)
    finally:
        close_app(window)


def test_pygame_gui_loads_without_yaml_and_its_fonts_without_threads():
    code = ("import os, sys, threading; os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
            "import pygame\n"
            "from kidcoder.ui.gui_start import new_manager\n"
            "from kidcoder.ui.style import scaled_theme\n"
            "pygame.display.init(); pygame.font.init(); pygame.display.set_mode((800, 600))\n"
            "before = threading.active_count()\n"
            "manager = new_manager((800, 600), scaled_theme('default', 1.0), 'es')\n"
            "font = manager.get_theme().get_font_dictionary().find_font(17, 'noto_sans')\n"
            "import i18n\n"
            "print('yaml' in sys.modules, i18n.config.get('file_format'), threading.active_count() - before,\n"
            "      font.get_rect('Hola').width > 0)")
    assert fresh_python(code) == "False json 0 True"


def test_the_garbage_collector_waits_from_the_splash_to_the_first_whole_frame(tmp_path):
    code = ("import gc, os; os.environ['SDL_VIDEODRIVER'] = 'dummy'\n"
            "from kidcoder.ui.splash import show_splash\n"
            "show_splash('default', 'en', (800, 600))\n"
            "held = not gc.isenabled()\n"
            "from kidcoder.ui.app import App\n"
            "app = App(size=(800, 600))\n"
            "held_while_building = not gc.isenabled()\n"
            "app.step()\n"
            "print(held, held_while_building, gc.isenabled())\n"
            "app.shutdown()")
    assert fresh_python(code, KIDCODER_HOME=str(tmp_path)) == "True True True"


def test_the_console_input_line_is_made_when_a_game_first_asks(windows):
    app = windows()

    def input_lines():
        return [e for e in app.manager.get_sprite_group().sprites() if "#console_input" in e.object_ids]

    assert input_lines() == []                  # most windows never show it: not built with the window
    app.console.set_shown(True)
    app.console.set_waiting(True)               # a game called input()
    (line,) = input_lines()
    assert line.visible and app.console.element_for("console") is line
    app.console.set_waiting(False)
    assert not line.visible


def test_the_first_frame_leaves_the_buttons_other_looks_for_the_next_frames(tmp_path, monkeypatch):
    from kidcoder.ui.redraw import GUI_TICK_S

    monkeypatch.setenv("KIDCODER_HOME", str(tmp_path))
    window = make_app()
    try:
        run = window.toolbar.buttons["run"].drawable_shape
        step(window)
        assert run.states["normal"].generated and not run.states["hovered"].generated
        for _ in range(6):
            window.step(GUI_TICK_S)
        assert run.states["hovered"].generated and not run.states_to_redraw_queue
        assert run.temp_additive_shape is None          # its scratch pictures were let go when all were made
    finally:
        close_app(window)
