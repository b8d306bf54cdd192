"""Which engine the helper opens: the classroom server when a teacher set one, else a local model file
in its own worker process, else none (the helper then works from the rules alone).

The one module that knows every engine; the engines know only the interface.
"""
from __future__ import annotations

from typing import Optional

from kidcoder.config import Settings
from kidcoder.model.catalog import find_model
from kidcoder.model.chat import format_for_template
from kidcoder.model.interface import HintModel
from kidcoder.model.process import ProcessModel
from kidcoder.model.prompts import hint_system
from kidcoder.model.remote import RemoteModel


def model_wanted(settings: Settings) -> bool:
    """True when a model may help here: it is switched on, and a server or a usable file is set up."""
    return settings.model_enabled and bool(settings.model_server_url or find_model(settings))


def open_model(settings: Settings) -> Optional[HintModel]:
    """The model the helper should use (not loaded yet), or None."""
    if not settings.model_enabled:
        return None
    if settings.model_server_url:
        return RemoteModel(settings.model_server_url)
    check = find_model(settings)
    if check is None:
        return None
    return ProcessModel(check.path, chat_format=format_for_template(check.chat_template),
                        warm_system=hint_system(settings.language))
