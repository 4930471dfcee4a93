"""Name a place in a charter file the way its editor reads it, not as a programmer's path.

``('rules', 6, 'channel')`` in protocol.yaml becomes "agreement
'p-teachers-answer', channel" (Dutch: "afspraak 'p-teachers-answer', channel"):
the item of a list is named by its kind and its own id (or code), the keys
below it as they are written in the file.
"""

from __future__ import annotations

from typing import Any

from ..i18n import N_, _
from .yaml_loader import DataPath, LoadedFile

#: What one item of a list under this key is called.
ITEM_KINDS = {
    "rules": N_("agreement"),
    "agreements": N_("agreement"),
    "answer_times": N_("agreement"),
    "channels": N_("channel"),
    "roles": N_("role"),
    "binds": N_("role"),
    "phones": N_("phone number"),
    "emails": N_("e-mail address"),
    "languages": N_("language"),
    "sections": N_("section"),
    "expectations": N_("expectation"),
    "ok": N_("OK code"),
    "outline": N_("slide"),
    "items": N_("line"),
    "points": N_("point"),
    "paragraphs": N_("paragraph"),
    "days_off": N_("day off"),
    "events": N_("event"),
    "classes": N_("class"),
    "teachers": N_("teacher"),
}

#: The keys whose value names a list item (the first one it has).
_NAME_KEYS = ("id", "code", "agreement", "phone", "email")


def describe_place(loaded: LoadedFile, path: DataPath) -> str:
    """``('front', 'sections', 0, 'items', 2, 'icon')`` → "front, section 1, line 'agenda-daily', icon".

    A list item is named by its kind (from the key of its list) and its id, code or
    value, else by its number (counted from 1); keys are written as in the file.
    """
    parts: list[str] = []
    keys: list[str] = []
    current: Any = loaded.data
    for index, part in enumerate(path):
        if isinstance(part, int):
            key = keys.pop() if keys else ""
            if keys:
                parts.append(".".join(keys))
                keys = []
            current = current[part] if isinstance(current, list) and 0 <= part < len(current) else None
            if key and key not in ITEM_KINDS:  # a list with no kind of its own: name the list, e.g. "intro, item 1"
                parts.append(key)
            parts.append(_item(key, _name_of(current), part))
            continue
        keys.append(str(part))
        current = current.get(part) if isinstance(current, dict) else None
    if keys and keys not in (["id"], ["code"]) or (keys and not parts):
        parts.append(".".join(keys))
    return ", ".join(parts)


def _name_of(item: Any) -> str | None:
    if isinstance(item, dict):
        for key in _NAME_KEYS:
            value = item.get(key)
            if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value):
                return str(value)
        return None
    if isinstance(item, (str, int, float)) and not isinstance(item, bool) and str(item) and len(str(item)) <= 60:
        return str(item)
    return None


def _item(key: str, name: str | None, index: int) -> str:
    kind = _(ITEM_KINDS[key]) if key in ITEM_KINDS else _("item")
    if name is None:
        return _("{kind} {number}").format(kind=kind, number=index + 1)
    return _("{kind} '{name}'").format(kind=kind, name=name)
