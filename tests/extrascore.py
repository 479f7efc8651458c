"""Score the claims, quotes and relations of ``eventwire.extract`` on the extras gold set.

Run ``python tests/extrascore.py`` to print the table (``--misses`` lists what went wrong,
item by item); ``tests/test_extras_gold.py`` holds every figure to its floor in
``tests/extras_gold/floors.json``. Every passage was written for the project (see the
README in ``tests/extras_gold``). Each metric has a precision and a recall:

* ``quote``: a predicted quote is found when it contains the gold quote's text (a
  distinctive piece of it) and agrees on direct or indirect; one to one, in gold order.
  Precision over every predicted quote, recall over every gold quote.
* ``speaker``: a found quote whose speaker matches the gold speaker. Precision over the
  predicted quotes that name a speaker (a spurious quote with a speaker counts against
  it), recall over the gold quotes that have a speaker.
* ``claim``: a predicted claim is found when its value (and range) equals a gold claim's.
* ``claim_qualifier``, ``claim_counted``, ``claim_period``, ``claim_claimant``,
  ``claim_actor``: the field of a found claim is right. Precision over the predicted claims
  that fill the field (all of them, found or not), recall over the gold claims that have it.
  ``counted`` is right when every word of the gold phrase is in the predicted one, which
  has at most four words more; ``period`` when one phrase holds the other and is at most
  half again as long.
* ``relation``: a predicted relation with the gold type whose two sides match the gold
  sides (either way round for linked_to, allied_with and opposed_to).
* ``relation_pair``: the same, the type and the direction ignored: were the two actors
  tied at all.

Names match when, lower-cased and reduced to letters and digits, one of the gold
alternatives (``"UNHCR|UN refugee agency"``) equals the predicted name, a part of an
ACLED-style name ("ADF" or "Allied Democratic Forces" of "ADF: Allied Democratic Forces"),
or the text of the predicted evidence span for it (so "US forces" in the text may stand for
the resolved "Military Forces of the United States (2025-)").
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goldscore import norm  # letters and digits only, lower case

HERE = Path(__file__).resolve().parent
GOLD = HERE / "extras_gold" / "passages.jsonl"
FLOORS = HERE / "extras_gold" / "floors.json"

METRICS = (
    "quote", "speaker", "claim", "claim_qualifier", "claim_counted", "claim_period",
    "claim_claimant", "claim_actor", "relation", "relation_pair",
)
SYMMETRIC = {"linked_to", "allied_with", "opposed_to"}
CLAIM_FIELDS = ("qualifier", "counted", "period", "claimant", "actor")


@dataclass
class PR:
    """Right predictions out of predictions (precision) and out of gold items (recall)."""

    right: int = 0
    predicted: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _spaced(value: str) -> str:
    return " ".join(value.replace("“", '"').replace("”", '"').split())


def name_ok(gold: str | None, name: str | None, surfaces: Iterable[str] = ()) -> bool:
    """One of the gold alternatives is the predicted name or one of its evidence texts."""
    if not gold or not name:
        return False
    # ACLED writes "ADF: Allied Democratic Forces" and "Hamza Division - Aleppo": each part
    # names the actor.
    parts = [name, *name.split(": "), name.split(" - ")[0]]
    seen = {*(norm(p) for p in parts), *(norm(s) for s in surfaces)}
    return any(norm(alt) in seen for alt in gold.split("|"))


def _texts(record: Any, key: str) -> list[str]:
    return [s.text for s in record.evidence.get(key, [])]


def _words(phrase: str) -> set[str]:
    # Plural and singular alike: "strikes" and "strike".
    return {w.rstrip("s") for w in norm_words(phrase)}


def norm_words(phrase: str) -> list[str]:
    return [norm(w) for w in phrase.replace("-", " ").split() if norm(w)]


def counted_ok(gold: str, pred: str) -> bool:
    g, p = _words(gold), _words(pred)
    return bool(g) and g <= p and len(norm_words(pred)) <= len(norm_words(gold)) + 4


def period_ok(gold: str, pred: str) -> bool:
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    short, long = sorted((g, p), key=len)
    return short in long and len(long) <= 1.5 * len(short)


def _claim_field_ok(name: str, gold: dict[str, Any], pred: Any) -> bool:
    want, got = gold.get(name), getattr(pred, name)
    if want is None or got is None:
        return False
    checks: dict[str, Callable[[], bool]] = {
        "qualifier": lambda: want == got,
        "counted": lambda: counted_ok(want, got),
        "period": lambda: period_ok(want, got),
        "claimant": lambda: name_ok(want, got, _texts(pred, "claimant")),
        "actor": lambda: name_ok(want, got, _texts(pred, "actor")),
    }
    return checks[name]()


def _sides_ok(gold: dict[str, Any], pred: Any, either_way: bool) -> bool:
    src, tgt = _texts(pred, "source"), _texts(pred, "target")
    g_src, g_tgt = gold["source"], gold["target"]
    straight = name_ok(g_src, pred.source, src) and name_ok(g_tgt, pred.target, tgt)
    turned = name_ok(g_src, pred.target, tgt) and name_ok(g_tgt, pred.source, src)
    return straight or (either_way and turned)


def _pair(gold: list[dict[str, Any]], pred: list[Any], same: Callable[[dict, Any], bool]) -> list:
    """Gold items paired one to one with the first unused prediction that matches."""
    left = list(pred)
    out = []
    for g in gold:
        hit = next((p for p in left if same(g, p)), None)
        if hit is not None:
            left.remove(hit)
        out.append((g, hit))
    return out


def score(items: Iterable[dict[str, Any]], results: dict[str, Any]) -> dict[str, PR]:
    """Tally every metric; ``results`` maps an item id to its ``eventwire`` Result."""
    t = {name: PR() for name in METRICS}
    for item in items:
        iid, res = item["id"], results[item["id"]]
        _score_quotes(iid, item["quotes"], res.quotes, t)
        _score_claims(iid, item["claims"], res.claims, t)
        _score_relations(iid, item["relations"], res.relations, t)
    return t


def _add(tally: PR, iid: str, right: int, predicted: int, gold: int) -> None:
    tally.right += right
    tally.predicted += predicted
    tally.gold += gold
    if right < predicted or right < gold:
        tally.misses.append(iid)


def _score_quotes(iid: str, gold: list[dict], pred: list[Any], t: dict[str, PR]) -> None:
    pairs = _pair(gold, pred, lambda g, p: _spaced(g["text"]) in _spaced(p.text)
                  and p.direct == g["direct"])
    found = sum(p is not None for _, p in pairs)
    _add(t["quote"], iid, found, len(pred), len(gold))
    right = sum(p is not None and name_ok(g["speaker"], p.speaker, _texts(p, "speaker"))
                for g, p in pairs)
    _add(t["speaker"], iid, right, sum(q.speaker is not None for q in pred),
         sum(g["speaker"] is not None for g in gold))


def _score_claims(iid: str, gold: list[dict], pred: list[Any], t: dict[str, PR]) -> None:
    def same(g: dict, p: Any) -> bool:
        ranged = g.get("low") is None or (p.low, p.high) == (g["low"], g["high"])
        return p.value == g["value"] and ranged

    pairs = _pair(gold, pred, same)
    _add(t["claim"], iid, sum(p is not None for _, p in pairs), len(pred), len(gold))
    for name in CLAIM_FIELDS:
        right = sum(p is not None and _claim_field_ok(name, g, p) for g, p in pairs)
        _add(t["claim_" + name], iid, right,
             sum(getattr(p, name) is not None for p in pred),
             sum(g.get(name) is not None for g in gold))


def _score_relations(iid: str, gold: list[dict], pred: list[Any], t: dict[str, PR]) -> None:
    typed = _pair(gold, pred, lambda g, p: g["relation"] == p.relation
                  and _sides_ok(g, p, g["relation"] in SYMMETRIC))
    _add(t["relation"], iid, sum(p is not None for _, p in typed), len(pred), len(gold))
    loose = _pair(gold, pred, lambda g, p: _sides_ok(g, p, True))
    _add(t["relation_pair"], iid, sum(p is not None for _, p in loose), len(pred), len(gold))


def predict(items: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Run ``eventwire.extract`` on each passage (the model loads once, cached)."""
    import eventwire

    return {it["id"]: eventwire.extract(it["text"], published=it.get("published"))
            for it in items}


def evaluate(path: Path = GOLD) -> dict[str, PR]:
    items = load_gold(path)
    return score(items, predict(items))


def table(tallies: dict[str, PR], floors: dict[str, float] | None = None) -> str:
    """Precision and recall per metric, with floors and the ids of the misses."""
    floors = floors or {}
    lines = [f"{'metric':<16} {'prec':>6} {'recall':>6} {'right':>6} {'pred':>5} {'gold':>5}"
             f" {'floors':>11}  misses"]
    for name in METRICS:
        x = tallies[name]
        fp, fr = floors.get(f"{name}.precision"), floors.get(f"{name}.recall")
        fl = f"{fp:.2f}/{fr:.2f}" if fp is not None and fr is not None else "-"
        low = (fp is not None and x.precision < fp) or (fr is not None and x.recall < fr)
        misses = ",".join(x.misses[:10]) + (" ..." if len(x.misses) > 10 else "")
        lines.append(f"{name:<16} {x.precision:>6.3f} {x.recall:>6.3f} {x.right:>6} "
                     f"{x.predicted:>5} {x.gold:>5} {fl:>11}  {misses}{' <' if low else ''}")
    return "\n".join(lines)


def load_floors(path: Path = FLOORS) -> dict[str, float]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def show_misses(items: list[dict[str, Any]], results: dict[str, Any]) -> str:
    """Gold against predicted, for every passage where something was missed or added."""
    out = []
    for it in items:
        res = results[it["id"]]
        one = score([it], {it["id"]: res})
        if not any(x.misses for x in one.values()):
            continue
        out.append(f"== {it['id']} {' '.join(it['styles'])}")
        for g in it["quotes"]:
            kind = "D" if g["direct"] else "I"
            out.append(f"  gold quote  {g['speaker']!s:<28} {kind} {g['text'][:50]}")
        for q in res.quotes:
            out.append(f"  pred quote  {q.speaker!s:<28} {'D' if q.direct else 'I'} {q.text[:50]}"
                       f"  [{q.attribution}]")
        for g in it["claims"]:
            out.append("  gold claim  " + ", ".join(f"{k}={g.get(k)}" for k in
                                                    ("value", "qualifier", *CLAIM_FIELDS[1:])))
        for c in res.claims:
            out.append("  pred claim  " + ", ".join(f"{k}={getattr(c, k)}" for k in
                                                    ("value", "qualifier", *CLAIM_FIELDS[1:])))
        for g in it["relations"]:
            out.append(f"  gold rel    {g['source']} {g['relation']} {g['target']}")
        for r in res.relations:
            out.append(f"  pred rel    {r.source} {r.relation} {r.target}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Print the table; ``--misses`` adds the passages with errors; ``--write-floors`` pins
    every floor at the measured value less 0.03, rounded down to two decimals."""
    argv = sys.argv[1:] if argv is None else argv
    items = load_gold()
    results = predict(items)
    tallies = score(items, results)
    if "--write-floors" in argv:
        floors = {}
        for n in METRICS:
            for kind in ("precision", "recall"):
                v = getattr(tallies[n], kind)
                floors[f"{n}.{kind}"] = max(0.0, round(math.floor(v * 100 + 1e-9) / 100 - 0.03, 2))
        FLOORS.write_text(json.dumps(floors, indent=2) + "\n", encoding="utf-8")
    if "--misses" in argv:
        print(show_misses(items, results))
    print(table(tallies, load_floors()))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))  # run from a checkout without installing
    raise SystemExit(main())
