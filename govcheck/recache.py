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


def compile(pattern: str, flags: int = 0) -> re.Pattern:  # noqa: A001 - re's name
    """``re.compile(pattern, flags)``, from the cache when it can be."""
    flags = int(flags)
    if _STAMP is None or not isinstance(pattern, str):
        return re.compile(pattern, flags)
    table = _table if _table is not None else _load()
    _used.add((pattern, flags))
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
    import array
    import base64

    return array.array(_TYPECODE, base64.b64decode(text)).tolist()


def _remember(pattern: str, flags: int, entry: list) -> None:
    global _added
    _table[(pattern, flags)] = entry
    if not _added:
        import atexit

        _added = True
        atexit.register(save)


def _path():
    from govcheck.engine.rulecache import cache_dir

    d = cache_dir()
    if d is None:
        return None
    from govcheck.digest import sha256

    return d / f"regex-{sha256(_STAMP.encode()).hexdigest()[:20]}.json"


def _load() -> dict:
    global _table
    _table = {}
    path = _path()
    if path is None:
        return _table
    try:
        import json

        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
        if doc.get("format") != FORMAT or doc.get("stamp") != _STAMP:
            return _table
        # entries stay as stored until asked for: a run uses half of them
        for entry in doc["entries"]:
            _table[(entry[0], entry[1])] = entry
    except (OSError, ValueError, TypeError, KeyError):
        _table = {}
    return _table


def save() -> None:
    """Write the table if this process compiled anything new (at exit)."""
    global _added
    if not _added or _table is None:
        return
    path = _path()
    if path is None:
        return
    import json
    import os
    import tempfile

    # a pattern built from data (a list of names) changes when the data does: old ones
    # must not pile up
    keep = _table if len(_table) <= MAX_ENTRIES else {k: _table[k] for k in _used if k in _table}
    entries = list(keep.values())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({"format": FORMAT, "stamp": _STAMP, "entries": entries}, fh,
                      separators=(",", ":"))
        os.replace(tmp, path)
        _added = False
    except OSError:
        pass
