"""The installed eventwire's version, for User-Agent headers, the store and the API.

>>> version() == version()
True

Read once from the package metadata; a source tree that was never installed says
"0.0.0". Every module asks here rather than the package root, which imports them all.
"""

from __future__ import annotations

import functools
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version


@functools.lru_cache(maxsize=1)
def version() -> str:
    """The version of the installed distribution, e.g. "0.1.0"."""
    try:
        return dist_version("eventwire")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0"
