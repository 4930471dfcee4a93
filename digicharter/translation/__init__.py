"""Translation files for translators: every charter text in one gettext PO file per language."""
