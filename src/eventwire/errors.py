"""Exceptions raised by eventwire.

The tree, so callers can catch as narrowly as they like::

    EventwireError
    ├── InputError        bad input: empty, binary, undecodable, too large, not JSON
    ├── ExtractionError   a stage failed on an article (carries the stage name)
    ├── GeocodeError      the gazetteer could not be loaded or queried
    ├── StoreError        the database refused a read or a write
    │   ├── NotFoundError     no such event (or article) in the store
    │   └── ConflictError     a correction that the event's state forbids (reject twice)
    └── ConfigError       an option or a model is missing or malformed

Third-party exceptions are wrapped where they are raised, so nothing else escapes the
public functions.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Root of every exception eventwire raises on purpose."""


class InputError(EventwireError):
    """The input cannot be read as an article (empty, binary, too large, malformed)."""


class ExtractionError(EventwireError):
    """A pipeline stage failed on one article.

    >>> str(ExtractionError("boom", stage="detect"))
    'detect: boom'
    """

    def __init__(self, message: str, stage: str = "") -> None:
        super().__init__(f"{stage}: {message}" if stage else message)
        self.stage = stage


class GeocodeError(EventwireError):
    """The gazetteer could not be loaded or queried."""


class StoreError(EventwireError):
    """The event store refused a read or a write."""


class NotFoundError(StoreError):
    """The store has no record of that id (an event to correct, merge or split)."""


class ConflictError(StoreError):
    """A correction the event's present state forbids: rejecting a rejected event,
    splitting an event with one source."""


class ConfigError(EventwireError):
    """An option, a data file or a model is missing or malformed."""
