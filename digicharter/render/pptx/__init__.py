"""The info-evening slides as an editable PowerPoint file (.pptx), one per language."""
