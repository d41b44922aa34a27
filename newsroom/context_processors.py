from django.conf import settings


def site(request):
    """The site's name, description and language, for the header, titles and meta tags."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_DESCRIPTION": settings.SITE_DESCRIPTION,
        # The publication's language (sitemaps, feeds), whatever a reader switched to.
        "SITE_LANGUAGE_CODE": settings.LANGUAGE_CODE,
    }
