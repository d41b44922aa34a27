"""Content-Security-Policy: strict everywhere, relaxed only where CKEditor 4 runs; a page
with embedded videos or posts may frame those providers' players (allow_frames)."""

from csp.middleware import CSPMiddleware, PolicyParts

from newsroom.paths import EDITOR_PREFIXES

# CKEditor 4 needs inline script and style (not eval) in the admin and in its
# upload responses, which call back into the editor from a same-origin frame.
EDITOR_POLICY = {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "frame-ancestors": ["'self'"],
    "frame-src": ["'self'"],
}


def allow_frames(response, origins) -> None:
    """This page may frame these players (after a reader's click, static/media/embeds.js):
    its frame-src names them and nothing else; every other public page frames nothing."""
    if origins:
        response._csp_replace = {**getattr(response, "_csp_replace", {}), "frame-src": origins}


class NewsroomCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(EDITOR_PREFIXES):
            parts.replace = {**EDITOR_POLICY, **(parts.replace or {})}
        return parts
