"""Everything an uploaded file goes through, in one package, in the order it happens.

upload_limits   stops an oversized upload while the request streams in
images          decodes only the allowed formats, within bounds; strips metadata
documents       which attachments are allowed: extension and content must agree
files           safe names, and no file left behind in storage
renditions      the sizes made of each stored image, once, at upload
fields          the model field that runs the image steps on save
editor_uploads  the rich-text editor's image uploads, through the same steps
"""
