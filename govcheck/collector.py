"""The garbage collector while the ``govcheck`` command starts.

A check makes tens of thousands of objects before it reads its first file (the modules,
the rule pack, the vocabulary, compiled expressions), all of them kept to the end and
none of them garbage; with the collector's default threshold it walks them some fifty
times on the way, about a tenth of a one-file check.  The command pauses the collector
as it starts (:func:`pause`, from :func:`govcheck.command`).  When the first file has
been checked, what start-up made is frozen (:func:`gc.freeze`: never walked again, in
this process or in workers forked from it) and the collector is turned back on
(:func:`resume`, from :func:`govcheck.check.check_file`).  A program that uses
:mod:`govcheck.api` is never touched: only the command pauses.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up made and turn the collector back on (once; only if
    :func:`pause` turned it off)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
