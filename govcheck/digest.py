"""SHA-256 for cache keys without loading OpenSSL.

``hashlib`` imports ``_hashlib``, which loads libcrypto: about 7 ms of a one-file
check, for a handful of cache keys.  CPython's own SHA-256 module gives the same
digests; hashlib is the fallback where it is missing."""

from __future__ import annotations


def sha256(data: bytes = b""):
    try:
        from _sha256 import sha256 as make        # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256 as make      # CPython 3.12+
        except ImportError:                        # pragma: no cover - other Pythons
            from hashlib import sha256 as make
    return make(data)
