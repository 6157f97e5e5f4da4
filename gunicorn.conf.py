"""gunicorn's settings for Reengage; gunicorn reads this file from the directory it starts in.

gunicorn has no setting for its ``Server`` response header, so this drops the header from the
lines it writes before each response: answers name no server software (nothing for a scanner
to match against advisories). Everything else stays on the command line (README: Running on
PostgreSQL and Redis). Only the WSGI workers are covered, which is all Reengage runs.
"""

from gunicorn.http import wsgi


def _without_server_banner(default_headers):
    def headers(self) -> list[str]:
        return [line for line in default_headers(self) if not line.lower().startswith("server:")]

    headers.__wrapped__ = default_headers
    return headers


if not hasattr(wsgi.Response.default_headers, "__wrapped__"):
    wsgi.Response.default_headers = _without_server_banner(wsgi.Response.default_headers)
