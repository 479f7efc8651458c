"""Strings made safe to store and to print, whatever bytes they came from.

>>> printable("news/caf\\udce9.txt")   # a Latin-1 file name, as os.fsdecode gives it
'news/caf\\\\xe9.txt'
>>> one_line("damaged record\\r\\nWARC/1.0\\x00")
'damaged record\\\\r\\\\nWARC/1.0\\\\x00'

File names that are not UTF-8 reach Python as lone surrogates (PEP 383), which no UTF-8
database, JSON file or terminal can hold; messages from third-party readers (warcio,
feedparser) may carry raw control characters and line breaks. An input's name and its
reason go through here before they are stored or printed, so ``eventwire errors`` shows
one line per input.
"""

from __future__ import annotations

import re

__all__ = ["one_line", "printable"]

# Characters that end a line or drive a terminal: C0 and C1 controls, DEL, and Unicode's
# own line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(value: str) -> str:
    """``value`` as valid Unicode: each undecodable byte of a file name (and any other
    lone surrogate) written as a backslash escape. Valid text comes back unchanged."""
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:  # the bytes os.fsdecode stood for: undecodable ones as \xNN
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no byte stands for: as \udNNN
        raw = value.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


def one_line(value: str) -> str:
    """``printable(value)`` with line breaks, tabs and control characters escaped, so it
    prints as one line of one tab-separated field."""
    return _CONTROL.sub(
        lambda m: m.group().encode("unicode_escape").decode("ascii"), printable(value)
    )
