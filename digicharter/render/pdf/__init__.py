"""What the PDF outputs (bookmark, slides, class bookmarks) share. In: HTML from their templates. Out: PDF bytes.

- :mod:`.fonts` — the charter font as ``@font-face`` rules and TrueType copies;
- :mod:`.fetcher` — the only URL fetcher WeasyPrint gets: Digicharter's own files, nothing else;
- :mod:`.writing` — parsing, laying out and writing reproducible, tagged PDFs without attachments;
- :mod:`.cache` — PDFs of earlier builds by the hash of their input.
"""
