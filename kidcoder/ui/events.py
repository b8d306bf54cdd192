"""Where each event goes: a dialog, a shortcut, the game (when it has the keyboard), or a pane.

Rules: an open dialog gets everything; F5-F8, F1, Ctrl+Q and Ctrl+Tab always act;
Esc gives the keyboard back to the editor; a click gives the keyboard to what
was clicked (clicking the game lets the child play it).
"""
from __future__ import annotations

import pygame
import pygame_gui

from kidcoder.ui import focus as focusing
from kidcoder.ui.keys import action_for_key, shortcut_for_game

MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
EXPOSED = (pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
           pygame.WINDOWMAXIMIZED)


def route_event(app, event) -> None:
    if event.type == pygame.QUIT:
        app.request_quit()
        return
    if event.type in EXPOSED:
        app.presenter.forget()          # the window was covered or hidden: send it whole next frame
        return
    if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
        size = getattr(event, "size", None) or (event.x, event.y)
        if tuple(size) != tuple(app.size):
            app.relayout(size)
        return
    if app.dialog is not None:
        _to_dialog(app, event)
        return
    if event.type == pygame_gui.UI_BUTTON_PRESSED:
        _button(app, event.ui_element)
        return
    if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED:
        if event.ui_element is app.helper.question:
            app.actions.do("send_question")
        elif event.ui_element is app.console.entry:
            app.actions.do("send_input")
        return
    if event.type == pygame.KEYDOWN:
        _key_down(app, event)
    elif event.type == pygame.KEYUP:
        if app.focus == "preview":
            app.games.send_event(app.preview.to_game_message(event))
    elif event.type == pygame.TEXTINPUT:
        _text(app, event)
    elif event.type in MOUSE_EVENTS:
        _mouse(app, event)
    elif event.type == pygame.MOUSEWHEEL:
        if app.focus == "preview" and app.preview.rect.collidepoint(pygame.mouse.get_pos()):
            app.games.send_event(app.preview.to_game_message(event))
        elif not app.console.handle_wheel(event) and not app.manager.process_events(event):
            app.editor.handle_event(event)
    else:
        app.manager.process_events(event)


def _to_dialog(app, event) -> None:
    dialog = app.dialog
    if event.type in (pygame.KEYDOWN,):
        if not dialog.handle_event(event):
            app.manager.process_events(event)
    else:
        app.manager.process_events(event)
        dialog.handle_event(event)
    if dialog.result is not None:
        app.dialog = None
        dialog.close()
        app.trim_at = app.frames + 3      # once pygame-gui has let go of the dialog's elements
        app.actions.dialog_done(dialog)


def _button(app, element) -> None:
    action = app.toolbar.action_for(element)
    if action is None:
        action = {app.helper.ask_button: "send_question", app.helper.more_button: "help",
                  app.helper.fix_button: "apply_fix", app._game_buttons["pause"]: "pause",
                  app._game_buttons["step"]: "step"}.get(element)
    if action:
        app.actions.do(action)


def _key_down(app, event) -> None:
    playing = app.focus == "preview"
    action = (shortcut_for_game if playing else action_for_key)(event.key, event.mod)
    if action in ("next_pane", "previous_pane"):
        step = 1 if action == "next_pane" else -1
        app.set_focus(focusing.next_pane(app.focus_targets(), app.focus, step))
        return
    if playing:
        if action:
            app.actions.do(action)
        elif event.key == pygame.K_ESCAPE:
            app.set_focus("editor")
        else:
            app.games.send_event(app.preview.to_game_message(event))
        return
    if action:
        app.actions.do(action)
        return
    if app.focus == "editor":
        app.editor.handle_event(event)
        return
    if event.key == pygame.K_ESCAPE:
        app.set_focus("editor")
        return
    if event.key == pygame.K_TAB:
        step = -1 if event.mod & pygame.KMOD_SHIFT else 1
        app.set_focus(focusing.next_target(app.focus_targets(), app.focus, step))
        return
    if event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
        pages = -1 if event.key == pygame.K_PAGEUP else 1
        if focusing.pane_of(app.focus) == "helper":
            app.helper.scroll_pages(pages)
        elif app.focus == "console":
            app.console.scroll_pages(pages)
        return
    if app.focus in ("question", "console"):
        app.manager.process_events(event)
        return
    if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
        element = app.focus_element(app.focus)
        if element is not None and element.visible and element.is_enabled:
            _button(app, element)
    elif event.key in (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_LEFT, pygame.K_UP) and app.focus[:3] in ("tb:", "vw:"):
        step = 1 if event.key in (pygame.K_RIGHT, pygame.K_DOWN) else -1
        order = [t for t in app.focus_targets() if t[:3] == app.focus[:3]]
        app.set_focus(focusing.next_target(order, app.focus, step))


def _text(app, event) -> None:
    if app.focus == "preview":
        app.games.send_event(app.preview.to_game_message(event))
    elif app.focus == "editor":
        app.editor.handle_event(event)
    elif app.focus in ("question", "console"):
        app.manager.process_events(event)


def _mouse(app, event) -> None:
    used = app.manager.process_events(event)
    if event.type == pygame.MOUSEBUTTONDOWN:
        if used:
            if app.helper.question.is_focused:
                app.set_focus("question")
            elif app.console.entry.visible and app.console.entry.is_focused:
                app.set_focus("console")
            return
        if app.preview.rect.collidepoint(event.pos) and event.button == 1:
            if app.games.live:
                app.set_focus("preview")
                app.games.send_event(app.preview.to_game_message(event))
            return
        if app.editor.rect.collidepoint(event.pos):
            app.set_focus("editor")
            app.editor.handle_event(event)
            return
        if app.focus == "preview" and not app.preview.rect.collidepoint(event.pos):
            app.set_focus("editor")
        return
    if app.focus == "preview":
        app.games.send_event(app.preview.to_game_message(event))
    if not used:
        app.editor.handle_event(event)
