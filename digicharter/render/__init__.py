"""The renderers: one package per output, each with its templates under ``templates/<output>/``.

Each takes the charter in one language (:class:`digicharter.view.LanguageView`,
through :class:`digicharter.build_context.BuildContext`) and writes its files
into the build's staging folder; none imports another output or the build:

- :mod:`.site` — the website (engine-neutral Markdown pages, built with MkDocs + Material);
- :mod:`.bookmark` — the agenda bookmark (PDF strip and A4 sheet);
- :mod:`.slides` — the info-evening slides (HTML deck, PDF, notes handout);
- :mod:`.pptx` — the slides as an editable PowerPoint deck;
- :mod:`.calendar` — the school year as ``.ics`` files;
- :mod:`.pdf` — what the PDF outputs share (fonts, the URL fetcher, writing, the cache);
- :mod:`.qr` — QR codes as SVG.
"""
