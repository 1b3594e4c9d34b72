"""``govcheck serve``: a local web page for checking documents (see :mod:`.app`).

The web libraries (Starlette, uvicorn, Jinja2, python-multipart) are the ``serve``
extra, imported only by this command: ``pip install 'govcheck[serve]'``.
"""

from __future__ import annotations

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
MISSING = ("govcheck serve needs the web libraries: pip install 'govcheck[serve]' "
           "(missing: {name})")


def missing_library() -> str | None:
    """The message for a missing web library, or None when all are installed."""
    import importlib.util

    for module, name in (("starlette", "starlette"), ("uvicorn", "uvicorn"),
                         ("jinja2", "jinja2"), ("multipart", "python-multipart")):
        if importlib.util.find_spec(module) is None:
            return MISSING.format(name=name)
    return None


def run(settings, open_browser: bool = True) -> None:
    """Serve until interrupted.  Opens the page in the user's browser once the server
    is listening, unless ``open_browser`` is false."""
    import threading
    import webbrowser

    import uvicorn

    from govcheck.serve.app import create_app

    app = create_app(settings)
    host = settings.host
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{settings.port}/"
    config = uvicorn.Config(app, host=host, port=settings.port, access_log=False,
                            log_level="warning", server_header=False)
    server = uvicorn.Server(config)
    print(f"govcheck serve: open {url} in your browser (Ctrl+C stops it)", flush=True)
    if open_browser:
        def opener():
            import time

            for _ in range(100):
                if server.started:
                    webbrowser.open(url)
                    return
                time.sleep(0.05)
        threading.Thread(target=opener, daemon=True).start()
    server.run()
