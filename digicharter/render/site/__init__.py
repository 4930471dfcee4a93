"""The website parents read. In: the charter's language views. Out: ``site/`` (the default language at its
root, every other language in ``<code>/``), and for the live preview ``site_src/``.

- :mod:`.pages` renders ``templates/site/pages/`` into engine-neutral Markdown, one folder per language;
- :mod:`.answer_now` is the data of the "when will I get an answer?" lines the browser computes;
- :mod:`.settings` is one language's settings for any engine (name, menu, search language, links
  between translations, the values the templates print), :mod:`.job` one language to build;
- :mod:`.theme` is everything that speaks Material's language (colours, font, words, search, direction);
- :mod:`.engine` builds one language with the engine ``site.yaml`` names, through an adapter:
  :mod:`.mkdocs_engine` (MkDocs + Material; :mod:`.events` are the MkDocs events it handles,
  :mod:`.hooks` the file ``mkdocs.yml`` names) or :mod:`.zensical_engine` (Zensical, no hooks);
- :mod:`.build` is the website step of ``digicharter build``;
- :mod:`.preview` is ``digicharter serve`` (and ``mkdocs serve``), with :mod:`.preview_worker`
  building the printed outputs in the background and :mod:`.preview_outputs` serving them.
"""
