"""Find and copy laid-out boxes of a WeasyPrint document: how the sheet reuses the strip's layout.

These reach into WeasyPrint's box tree (``formatting_structure.boxes``), which
is not a public API; the version is pinned in pyproject.toml, and the tests
check the sheet's words and places from the written PDF, so a change in
WeasyPrint shows there first.
"""

from __future__ import annotations


def unwrapped(box):
    """The box itself, also when WeasyPrint left a placeholder for it (an absolutely positioned box)."""
    return getattr(box, "_box", box)


def box_with_id(root, element_id: str):
    """The first laid-out box of the element with ``id=element_id`` under ``root``."""
    stack = [root]
    while stack:
        box = unwrapped(stack.pop(0))
        element = getattr(box, "element", None)
        if element is not None and element.get("id") == element_id and not getattr(box, "is_anonymous", False):
            if getattr(box, "element_tag", None) == element.tag:
                return box
        stack[0:0] = list(getattr(box, "children", []))
    raise LookupError(element_id)


def cloned(box):
    """A copy of a laid-out box and everything in it, sharing the text and images (which are never changed)."""
    from weasyprint.layout.absolute import AbsolutePlaceholder

    if isinstance(box, AbsolutePlaceholder):
        copy = AbsolutePlaceholder(cloned(box._box))
        object.__setattr__(copy, "_layout_done", box._layout_done)
        return copy
    copy = box.copy()
    if hasattr(box, "children"):
        copy.children = [cloned(child) for child in box.children]
    return copy


def moved_copy(box, dx: float, dy: float):
    """A copy of ``box`` (:func:`cloned`) moved by ``dx``, ``dy`` CSS px, its backgrounds too.

    WeasyPrint positions backgrounds in page coordinates when it lays a page
    out, and ``translate`` moves only the boxes: each background's areas are
    moved here with them.
    """
    copy = cloned(box)
    copy.translate(dx, dy)
    stack = [copy]
    while stack:
        item = unwrapped(stack.pop())
        background = getattr(item, "background", None)
        if background is not None:
            item.background = background._replace(layers=[
                layer._replace(
                    painting_area=_shifted(layer.painting_area, dx, dy),
                    positioning_area=_shifted(layer.positioning_area, dx, dy),
                    clipped_boxes=[_shifted(clip, dx, dy) for clip in layer.clipped_boxes],
                )
                for layer in background.layers
            ])
        stack.extend(getattr(item, "children", []))
    return copy


def _shifted(area, dx: float, dy: float):
    """An (x, y, …) area moved; WeasyPrint's placeholders ('unused') stay as they are."""
    if isinstance(area, (tuple, list)) and len(area) >= 2:
        return (area[0] + dx, area[1] + dy, *area[2:])
    return area
