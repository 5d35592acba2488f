"""SHA-256 for the digests fourlooks keeps: entries' versions and exported notes.

From CPython's own module where there is one: hashlib loads OpenSSL (~2 ms and ~3.7 MB),
which `add` would pay for one hash and an export for its notes. The digests are the same.
"""

try:
    from _sha256 import sha256  # CPython 3.11
except ImportError:
    try:
        from _sha2 import sha256  # CPython 3.12 and later
    except ImportError:  # pragma: no cover - another Python
        from hashlib import sha256

__all__ = ["sha256"]
