"""Checks that need the whole charter: references between files and translations."""
