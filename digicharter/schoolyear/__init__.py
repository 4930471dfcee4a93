"""The school year of Flemish primary education: its holidays, computed from their fixed rules."""
