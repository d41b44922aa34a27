"""The site's address space by who uses it; newsroom/urls.py mounts these prefixes.

Path prefixes as `request.path_info` sees them (after any script prefix).
"""

# Where CKEditor 4 runs (the admin, its upload and browse views): the relaxed CSP.
EDITOR_PREFIXES = ("/admin/", "/ckeditor/")
# The staff's pages: never in a shared cache, not for crawlers.
STAFF_PREFIXES = (*EDITOR_PREFIXES, "/accounts/")
# Answers that depend on who asks or on the moment: never taken from the page cache.
UNCACHED_PREFIXES = (*STAFF_PREFIXES, "/i18n/", "/attachments/", "/healthz", "/read/")
