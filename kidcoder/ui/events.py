"""Where each event goes: a dialog, a command, the game (when it has the keyboard), or a pane.

Rules: an open dialog gets everything; F5-F8, F1, Ctrl+Q and Ctrl+Tab always act;
Esc gives the keyboard back to the editor; a click gives the keyboard to what
was clicked (clicking the game lets the child play it); Page Up / Page Down go to
the pane that has the keyboard.
"""
from __future__ import annotations

from typing import Callable, Mapping

import pygame
import pygame_gui

from kidcoder.ui import focus as focusing
from kidcoder.ui.actions import Actions
from kidcoder.ui.dialog_host import DialogHost
from kidcoder.ui.game_control import GameControl
from kidcoder.ui.keyboard import TEXT_TARGETS, Keyboard
from kidcoder.ui.keys import action_for_key, shortcut_for_game
from kidcoder.ui.pane import Pane

MOUSE_EVENTS = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
EXPOSED = (pygame.VIDEOEXPOSE, pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED,
           pygame.WINDOWMAXIMIZED)
ELEMENT_USED = (pygame_gui.UI_BUTTON_PRESSED, pygame_gui.UI_TEXT_ENTRY_FINISHED)
ARROWS = (pygame.K_RIGHT, pygame.K_DOWN, pygame.K_LEFT, pygame.K_UP)


class EventRouter:
    """route(event) for every pygame event of a frame; panes are the App's, by region."""

    def __init__(self, panes: Mapping[str, Pane], keyboard: Keyboard, actions: Actions, games: GameControl,
                 manager, dialogs: DialogHost, on_resize: Callable[[tuple], None], on_exposed: Callable[[], None]):
        self.panes = panes
        self.editor, self.preview, self.console = panes["editor"], panes["preview"], panes["console"]
        self.keyboard, self.actions, self.games = keyboard, actions, games
        self.manager, self.dialogs = manager, dialogs
        self.on_resize, self.on_exposed = on_resize, on_exposed

    def route(self, event) -> None:
        if event.type == pygame.QUIT:
            self.actions.do("quit")
            return
        if event.type in EXPOSED:
            self.on_exposed()          # the window was covered or hidden: send it whole next frame
            return
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.on_resize(tuple(getattr(event, "size", None) or (event.x, event.y)))
            return
        if self.dialogs.current is not None:
            self.dialogs.handle_event(event)
            return
        if event.type in ELEMENT_USED:
            self._element_used(event.ui_element)
            return
        if event.type == pygame_gui.UI_TEXT_BOX_LINK_CLICKED:
            self._link(event.ui_element, str(event.link_target))
            return
        if event.type == pygame.KEYDOWN:
            self._key_down(event)
        elif event.type == pygame.KEYUP:
            if self.keyboard.target == "preview":
                self._to_game(event)
        elif event.type == pygame.TEXTINPUT:
            self._text(event)
        elif event.type in MOUSE_EVENTS:
            self._mouse(event)
        elif event.type == pygame.MOUSEWHEEL:
            if self.keyboard.target == "preview" and self.preview.rect.collidepoint(pygame.mouse.get_pos()):
                self._to_game(event)
            elif not self.console.handle_event(event) and not self.manager.process_events(event):
                self.editor.handle_event(event)
        else:
            self.manager.process_events(event)

    def _to_game(self, event) -> None:
        self.games.send_event(self.preview.to_game_message(event))

    def _element_used(self, element) -> None:
        """A button was pressed (or Enter in a text line): the command it stands for."""
        for pane in self.panes.values():
            action = pane.action_for(element)
            if action:
                self.actions.do(action)
                return

    def _link(self, element, target: str) -> None:
        """A link in a pane's text (the helper's "Put in my program", "Read more", ...)."""
        for pane in self.panes.values():
            action = pane.link_action(element, target)
            if action:
                self.actions.do(action)
                return

    def _key_down(self, event) -> None:
        target = self.keyboard.target
        playing = target == "preview"
        action = (shortcut_for_game if playing else action_for_key)(event.key, event.mod)
        if playing:
            if action:
                self.actions.do(action)
            elif event.key == pygame.K_ESCAPE:
                self.keyboard.set("editor")
            else:
                self._to_game(event)
            return
        if action:
            self.actions.do(action)
        elif target == "editor":
            self.editor.handle_event(event)
        elif event.key == pygame.K_ESCAPE:
            self.keyboard.set("editor")
        elif event.key == pygame.K_TAB:
            step = -1 if event.mod & pygame.KMOD_SHIFT else 1
            self.keyboard.set(focusing.next_target(self.keyboard.order(), target, step))
        elif event.key in (pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            pane = self.panes.get(focusing.pane_of(target))
            if pane is not None:
                pane.handle_event(event)
        elif target in TEXT_TARGETS:
            self.manager.process_events(event)
        elif event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            element = self.keyboard.element(target)
            if element is not None and element.visible and element.is_enabled:
                self._element_used(element)
        elif event.key in ARROWS and target[:3] in ("tb:", "vw:"):
            step = 1 if event.key in (pygame.K_RIGHT, pygame.K_DOWN) else -1
            order = [t for t in self.keyboard.order() if t[:3] == target[:3]]
            self.keyboard.set(focusing.next_target(order, target, step))

    def _text(self, event) -> None:
        target = self.keyboard.target
        if target == "preview":
            self._to_game(event)
        elif target == "editor":
            self.editor.handle_event(event)
        elif target in TEXT_TARGETS:
            self.manager.process_events(event)

    def _mouse(self, event) -> None:
        used = self.manager.process_events(event)
        preview_hit = self.preview.rect.collidepoint(event.pos)
        if event.type == pygame.MOUSEBUTTONDOWN:
            if used:
                typing = self.keyboard.typing_target()
                if typing:
                    self.keyboard.set(typing)
            elif preview_hit and event.button == 1:
                if self.games.live:
                    self.keyboard.set("preview")
                    self._to_game(event)
            elif self.editor.rect.collidepoint(event.pos):
                self.keyboard.set("editor")
                self.editor.handle_event(event)
            elif self.keyboard.target == "preview" and not preview_hit:
                self.keyboard.set("editor")
            return
        if self.keyboard.target == "preview":
            self._to_game(event)
        if not used:
            self.editor.handle_event(event)
