DATETIME_FORMAT = "H:i, j M Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
DATE_FORMAT = "j M Y"
TIME_FORMAT = "H:i"
# Ours, not Django's: newsroom.timezones.local_datetime_seconds.
DATETIME_SECONDS_FORMAT = "H:i:s, j M Y"
