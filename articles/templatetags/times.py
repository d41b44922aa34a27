"""Times in templates, written as newsroom.timezones writes them everywhere else.

{% load times %}
<time datetime="{{ when|iso_datetime }}">{{ when|local_datetime }}</time>
{{ version.revision.date_created|local_datetime_seconds }}
"""

from django import template

from newsroom import timezones

register = template.Library()

register.filter("local_datetime", timezones.local_datetime)
register.filter("local_datetime_seconds", timezones.local_datetime_seconds)
register.filter("iso_datetime", timezones.iso_datetime)
