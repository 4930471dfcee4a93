"""Class bookmarks: the bookmark personalised per class, from a private classes.yaml."""
