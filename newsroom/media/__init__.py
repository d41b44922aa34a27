"""Everything an uploaded file goes through, in one package (the Django app `media`).

An upload, in the order it happens:

    upload_limits   what a request may send, checked before it is read: each file
                    (stopped once too large) and each endpoint's form data (public POSTs
                    little, the article form and autosave a long body), with a clear 413
    images          the image checks and clean-up: Pillow opens JPEG, PNG, WebP and GIF
                    only; size, pixels and frames × canvas are checked from the header;
                    the first frame is turned upright and re-encoded without metadata
                    (an animation becomes its still; MPO is the JPEG it is)
    fields          covers and avatars: the form field cleans the upload once and hands
                    on a CleanUpload; the model field stores it, or cleans whatever did
                    not come through a form (scripts, seed_demo), then makes renditions
    editor_uploads  the rich-text editor's images (dialog, paste, drop): the same checks,
                    a sized name, renditions, an EditorUpload record; its file browser
                    shows each person what they may see
    pasted_images   pictures pasted into a body as data: checked by the body's form field
                    (refused there, text kept), stored as editor uploads on save
    credits         the photographer and agency named in the upload's IPTC/XMP/EXIF, read
                    before images strips them, kept on the image's row (editable)
    focal_point     where an image's subject is (two percentages an editor sets by clicking
                    the image in the admin); the fixed shapes are cropped around it
    av, av_fields   video and audio: copied to a temporary file, probed by ffprobe
                    (container and codecs must be what the name says), copied again
                    without metadata and without re-encoding, a poster frame taken
    oembed, embeds  a pasted video or post link, at save time: its provider (micawber, one
                    deadline, a size cap), its title, author and thumbnail (an upload like
                    any other), an Embed; never the provider's HTML
    documents       which attachments are allowed: extension and content must agree
    sized_names     the "…-1600x900.jpg" names that carry an editor image's size
    renditions      the sizes made of each stored image, once, at upload (16-bit greys
                    scaled, never clipped), and its 16:9, 1:1 and 1200×630 crops around
                    the focal point (made again when it moves)
    files           safe names, and no file left behind in storage (a replaced file that a
                    kept revision refers to stays until its row goes)
    models          EditorUpload: who uploaded which editor image, when, name, size, credit
                    and focal point; Embed, MediaItem, Gallery (+ GalleryImage): the pieces
                    an article places, each with the `card` its page draws

And on the way out, to a reader:

    pictures        the one <picture>/srcset builder and the one default-source rule, for
                    the {% picture %} tag, the body's images, the share image (og:image,
                    JSON-LD) and the RSS enclosure; nothing is asked of storage but URLs
    stories         the pieces' cards and their HTML: an embed's card and play button
                    (static/media/embeds.js loads the player on a click), <video>/<audio>,
                    a gallery's captioned figures (static/media/gallery.js: the viewer)
"""
