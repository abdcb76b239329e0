"""The HTTP service (``gkrules serve``, extra ``gkrules[server]``): see ``docs/integration.md``.

    from gkrules.server import create_app, ServerSettings
    app = create_app(ServerSettings(rulesets=("national",)))   # an ASGI app
"""

from gkrules.server.settings import ServerSettings


def create_app(*args, **kwargs):
    """Build the ASGI app (imports Starlette only when called)."""
    from gkrules.server.app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["ServerSettings", "create_app"]
