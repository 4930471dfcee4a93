"""The agenda bookmark. In: the charter's language views. Out: ``downloads/digicharter-bookmark-<code>.pdf``
(one strip with bleed and crop marks) and ``…-bookmark-sheet-<code>.pdf`` (A4, strips side by side).

- :mod:`.content` chooses the lines of each face from ``bookmark.yaml`` and the model;
- :mod:`.html` writes them into ``templates/bookmark/``;
- :mod:`.layout` places the strips on the strip page and the A4 sheet;
- :mod:`.fit` finds a face that is too full (WeasyPrint would drop the text silently);
- :mod:`.build` is the bookmark step of ``digicharter build``.
"""
