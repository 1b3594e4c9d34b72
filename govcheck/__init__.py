"""govcheck: check UK council decision reports against the law, before they go public."""

__version__ = "0.1.0"

# the largest input read, in bytes (--max-file-size); here so that the command line
# can show it without importing the readers
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

# exit codes: nothing failing, failing findings, govcheck could not do its job
EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SEVERITIES = ("error", "warning", "info")   # govcheck.model.Severity, most severe first


def command():
    """The ``govcheck`` command (``[project.scripts]`` and ``python -m govcheck``): the
    collector paused while it starts (:mod:`govcheck.collector`), then the command line."""
    from govcheck.collector import pause

    pause()
    from govcheck.cli import main

    return main()
