"""The info-evening slides. In: the charter's language views. Out: ``<code>/slides/`` (an HTML deck that
works offline), ``downloads/digicharter-slides-<code>.pdf``, the notes handout and the PowerPoint deck.

- :mod:`.outline` turns the model into slides (:class:`.outline.Slide`);
- :mod:`.templates` is the templates' environment, colours and pictures; :mod:`.deck_info` what every
  template gets besides the slides;
- :mod:`.pdf` lays the deck out with WeasyPrint and :mod:`.fit` finds a slide that does not fit;
- :mod:`.html` writes the reveal.js deck folder;
- :mod:`.build` is the slides step of ``digicharter build``.
"""
