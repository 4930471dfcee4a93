"""The school year as a calendar to subscribe to: one .ics file per language."""
