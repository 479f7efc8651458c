"""The coding wing: the rule engine that turns a parsed article into coded events.

Modules are named by the decision they make, in the order the pipeline makes them:

- ``triggers``: which words signal an event (``data/triggers.tsv``), in which sense;
- ``factuality``: whether a trigger tells an event that happened (not a threat, a plan,
  a campaign total, a death by disease);
- ``frames``: which triggers of a sentence tell one event, and what each telling owns;
- ``roles`` (with ``verb_roles``, ``noun_roles``, ``role_sites``) and ``sides``: who acts,
  who is acted on, who only helps;
- ``tolls``, ``victims`` and ``numbers``: how many were killed and injured; ``shares``: a
  toll split between places;
- ``merging``: which tellings are one event (a ``Draft``);
- ``clues`` and ``classification``: the event's ACLED sub-event type;
- ``setting`` and ``parties``: where and when, and the actors beyond actor1 and actor2;
- ``build``: one Event from a draft; ``assemble``: the article's events, main event first.

``records`` holds the wing's own records (TriggerHit, Frame, Draft, Toll), ``words``
its lexicons and ``decision_cards`` the card type of the roles and tolls. Nothing is
imported here: ``from eventwire.coding.assemble import assemble``.
"""
