"""The school's time zone: every Flemish school keeps Brussels time, and so do its answer times and its calendar."""

from zoneinfo import ZoneInfo

SCHOOL_ZONE_NAME = "Europe/Brussels"
SCHOOL_ZONE = ZoneInfo(SCHOOL_ZONE_NAME)
