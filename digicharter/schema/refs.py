"""Markers that say which fields name an id and which collections define those ids.

A field that refers to something written elsewhere carries ``Ref(kind)``; the
list (or mapping) where those things are written carries ``Defines(kind)``.
The editors' schemas (:mod:`digicharter.schema_export`) read both markers
from the model, so a new reference field gets its list of allowed ids in the
editor just by being marked — no list of fields to keep in step by hand::

    channel: Annotated[Id, Ref("channels")]
    channels: Annotated[list[Channel], Defines("channels")]

The markers change nothing in validation: the checks across files
(:mod:`digicharter.validation.references`) still report an unknown id with
its file, line and a suggestion.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import GetJsonSchemaHandler
from pydantic_core import CoreSchema

#: The JSON Schema key that carries a reference's kind until the export replaces it by the charter's ids.
REF_KEY = "x-digicharter-ref"

#: What can be referred to. ``icons`` are not written in the charter: they are the icon set Digicharter ships.
Kind = Literal["channels", "roles", "ok", "agreements", "sections", "phones", "emails", "periods", "times", "languages", "icons"]


@dataclass(frozen=True)
class Ref:
    """The value is the id of one item of ``kind`` (see :class:`Defines`)."""

    kind: Kind

    def __get_pydantic_json_schema__(self, core_schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        schema = handler(core_schema)
        schema = handler.resolve_ref_schema(schema)
        schema[REF_KEY] = self.kind
        return schema


@dataclass(frozen=True)
class Defines:
    """This list (or mapping) is where the items of ``kind`` are written; ``key`` names their id.

    ``key=None`` means the mapping's keys are the ids (``periods: {office_hours: …}``).
    """

    kind: Kind
    key: str | None = "id"
