"""The reading site: what anonymous readers get (pages, feeds, sitemaps) and its page cache.

Everything here shows only what `Article.objects.published()` lets through.
"""
