"""``python -m digicharter.schema_catalog FILE.pot``: every English text the schemas show, as a template for the catalogs.

Apart from :mod:`digicharter.schema_docs` (which reads the translations while
the schemas are written) and :mod:`digicharter.schema_export` (which writes
them), so that neither imports the other; ``scripts/messages.sh`` runs it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .schema_docs import DOMAIN


def write_pot(path: Path) -> None:
    """Every English text the schemas show, as a template for the catalogs."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    from .schema_export import schema_texts

    catalog = Catalog(project="digicharter", copyright_holder="Digicharter", domain=DOMAIN)
    for text in sorted(schema_texts()):
        catalog.add(text)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=120, omit_header=False, no_location=True)


if __name__ == "__main__":
    write_pot(Path(sys.argv[1]))
