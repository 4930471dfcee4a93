"""Walk a validated model and yield every text with the path it came from.

Model field names equal YAML keys, so the path leads back to a line in a file.
"""

from __future__ import annotations

from typing import Any, Iterator

from pydantic import BaseModel

from ..loading.yaml_loader import DataPath
from ..schema.base import Text


def texts(value: Any, path: DataPath = ()) -> Iterator[tuple[DataPath, Text]]:
    """Every :class:`Text` inside ``value``, depth first, in file order."""
    if isinstance(value, Text):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            yield from texts(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, path + (key,))
