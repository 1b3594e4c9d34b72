"""Regular expressions compiled once per machine, not once per run.

Compiling govcheck's ~200 expressions (council wording, dates, citations) took about
75 ms of a one-file check's ~180 ms: Python parses and compiles each pattern in pure
Python every time a process starts.  The compiled form (``sre`` code: a list of
integers and the group tables) depends only on the pattern, the flags and the Python
build, so it is kept in the cache directory (:func:`govcheck.engine.rulecache.cache_dir`)
as JSON, keyed by the Python version and the ``sre`` engine's magic number, and a warm
run hands it straight to the engine (``_sre.compile``).  The engine validates the code
it is given, so a damaged cache file cannot make a wrong or unsafe expression: anything
unexpected falls back to :func:`re.compile`.

``compile(pattern, flags)`` is a drop-in for :func:`re.compile` (same Pattern objects,
same ``re.error`` for a bad pattern).  New entries are written when the process ends.
``GOVCHECK_NO_CACHE=1`` turns it off, as for the rule cache.
"""

from __future__ import annotations

import re
import sys

try:    # CPython's engine; elsewhere this module is only re.compile
    import _sre
    from re import _compiler, _parser

    import array as _array

    _TYPECODE = next(t for t in "IL" if _array.array(t).itemsize == _sre.CODESIZE)
    _STAMP = f"{sys.implementation.cache_tag}|{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}"
except (ImportError, AttributeError, StopIteration):   # pragma: no cover - not CPython
    _STAMP = None

FORMAT = 2
MAX_ENTRIES = 2000                  # beyond this, only what the last run used is kept
_table: dict | None = None          # (pattern, flags) -> compiled arguments
_used: set = set()                  # the keys this process asked for
_added = False
_whole = False                      # the whole table is loaded, not only the last run's
_hot_stale = False                  # the last run's entries were not enough: rewrite them


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from the cache when it can be."""
    flags = int(flags)
    if _STAMP is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    table = _table if _table is not None else _load()
    _used.add((pattern, flags))
    entry = table.get((pattern, flags))
    if entry is None and not _whole:
        table = _load_whole()
        entry = table.get((pattern, flags))
    if entry is not None:
        try:
            return _sre.compile(pattern, entry[2], _code_list(entry[3]), entry[4],
                                entry[5], tuple(entry[6]))
        except Exception:  # noqa: BLE001 - a damaged entry: compile afresh
            pass
    try:
        p = _parser.parse(pattern, flags)        # raises re.error, as re.compile does
        code = _compiler._code(p, flags)
        groupindex = dict(p.state.groupdict)
        indexgroup = [None] * p.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        compiled = _sre.compile(pattern, flags | p.state.flags, code, p.state.groups - 1,
                                groupindex, tuple(indexgroup))
        entry = [pattern, flags, flags | p.state.flags, _code_text(code),
                 p.state.groups - 1, groupindex, indexgroup]
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - an engine this module does not know: plain re
        return re.compile(pattern, flags)
    _remember(pattern, flags, entry)
    return compiled


def _code_text(code: list) -> str:
    """The engine's code (unsigned integers of CODESIZE bytes) as base64 text."""
    import array
    import base64

    return base64.b64encode(array.array(_TYPECODE, code).tobytes()).decode("ascii")


def _code_list(text: str) -> list:
    # binascii directly: base64.b64decode is a Python wrapper around it (a third of the
    # time of a warm compile)
    from binascii import a2b_base64

    return _array.array(_TYPECODE, a2b_base64(text)).tolist()


def _remember(pattern: str, flags: int, entry: list) -> None:
    global _added
    _table[(pattern, flags)] = entry
    if not _added:
        _added = True
        _save_at_exit()


_registered = False


def _save_at_exit() -> None:
    global _registered
    if not _registered:
        import atexit

        _registered = True
        atexit.register(save)


def _path(kind: str = "regex"):
    """The whole table (``regex``) or the entries the last run used (``regexhot``): a
    run like the last one reads the small file (a third of the whole), and reads the
    whole one only when it asks for an expression the small one lacks."""
    from govcheck.engine.rulecache import cache_dir

    d = cache_dir()
    if d is None:
        return None
    from govcheck.digest import sha256

    return d / f"{kind}-{sha256(_STAMP.encode()).hexdigest()[:20]}.json"


def _read(kind: str) -> dict | None:
    path = _path(kind)
    if path is None:
        return None
    try:
        import json

        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        if doc.get("format") != FORMAT or doc.get("stamp") != _STAMP:
            return None
        # entries stay as stored until asked for
        return {(entry[0], entry[1]): entry for entry in doc["entries"]}
    except (OSError, ValueError, TypeError, KeyError, IndexError):
        return None


def _load() -> dict:
    """The table as a run starts: the last run's entries, else the whole table."""
    global _table, _whole
    global _hot_stale
    hot = _read("regexhot")
    if hot is not None:
        _table, _whole = hot, False
        _save_at_exit()             # to trim it if this run used far fewer
        return _table
    _hot_stale = True               # none yet: this run's entries are written at exit
    _save_at_exit()
    return _load_whole()


def _load_whole() -> dict:
    global _table, _whole, _hot_stale
    whole = _read("regex") or {}
    if _table:
        whole.update(_table)
    _table, _whole = whole, True
    if _used:                       # the last run's entries did not cover this one
        _hot_stale = True
        _save_at_exit()
    return _table


def save() -> None:
    """Write the table if this process compiled anything new, and this run's entries if
    the last run's were not enough (at exit)."""
    global _added, _hot_stale
    if _table is None:
        return
    if not _whole and len(_table) > 2 * len(_used) + 50:
        _hot_stale = True           # the last run's entries are mostly not this run's
    if not (_added or _hot_stale):
        return
    if _path() is None:
        return
    if _added:
        if not _whole:
            _load_whole()
        # a pattern built from data (a list of names) changes when the data does: old
        # ones must not pile up
        keep = _table if len(_table) <= MAX_ENTRIES \
            else {k: _table[k] for k in _used if k in _table}
        if _write("regex", list(keep.values())):
            _added = False
    if _write("regexhot", [_table[k] for k in _used if k in _table]):
        _hot_stale = False


def _write(kind: str, entries: list) -> bool:
    import json
    import os
    import tempfile

    path = _path(kind)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"format": FORMAT, "stamp": _STAMP, "entries": entries}, fh,
                      separators=(",", ":"))
        os.replace(tmp, path)
        return True
    except OSError:
        return False
