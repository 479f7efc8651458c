"""Invented articles for the REST API and web page tests (issue 5).

Every text here was written for the project; the places are real, the events are not.
They spread over three weeks of March 2024 and five event types, so that filters, the
timeline and the map have something to tell apart. ``XSS`` carries markup in its text
and title (acceptance 4); ``EMOJI`` has characters outside the BMP before its evidence,
where JavaScript's string offsets part from Python's.
"""

from __future__ import annotations

XSS_MARKS = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">')

XSS = {
    "title": "Rioters burn tyres in Lagos <script>window.__pwned=3</script>",
    "published": "2024-03-20",
    "text": (
        "Rioters burned tyres and threw stones at police in Lagos on 19 March 2024, injuring "
        f"two officers, police said. A placard carried by one rioter read {XSS_MARKS[0]} and "
        f"another read {XSS_MARKS[1]}, witnesses said."
    ),
}

EMOJI = {
    "title": "Drone strike hits fuel depot near Kharkiv",
    "published": "2024-03-07",
    "text": (
        "\U0001f534 Update \U0001f6a8: A Russian drone strike hit a fuel depot near Kharkiv on "
        "6 March 2024, killing one worker and injuring four, the regional governor said. "
        "Firefighters put out the blaze by evening."
    ),
}

ARTICLES = [
    {
        "title": "Gunmen kill villagers near Maiduguri",
        "published": "2024-03-02",
        "text": "Gunmen killed four villagers in an attack on a village near Maiduguri on 1 March "
        "2024, residents said. The attackers set fire to several homes before fleeing.",
    },
    {
        "title": "Roadside bomb hits army convoy in Mogadishu",
        "published": "2024-03-05",
        "text": "A roadside bomb exploded next to an army convoy in Mogadishu on 4 March 2024, "
        "killing two soldiers and wounding three others, a military officer said. Al-Shabaab "
        "said it planted the device.",
    },
    EMOJI,
    {
        "title": "Traders march in Nairobi over fuel prices",
        "published": "2024-03-09",
        "text": "Thousands of traders marched peacefully through Nairobi on 8 March 2024 to "
        "protest against rising fuel prices. The demonstrators carried placards and dispersed "
        "in the afternoon without incident, police said.",
    },
    {
        "title": "Soldiers killed in clash near Gao",
        "published": "2024-03-13",
        "text": "Fighters of JNIM clashed with the Malian army near Gao on 12 March 2024, killing "
        "five soldiers, the army said in a statement on Wednesday. The fighting lasted several "
        "hours.",
    },
    {
        "title": "Shelling kills civilians in El Fasher",
        "published": "2024-03-16",
        "text": "The Rapid Support Forces shelled residential areas of El Fasher on 15 March 2024, "
        "killing seven civilians, local medics said. Several houses were destroyed.",
    },
    {
        "title": "Police fire tear gas at protesters in Lahore",
        "published": "2024-03-19",
        "text": "Police fired tear gas to disperse hundreds of students protesting in Lahore on "
        "18 March 2024 against a rise in university fees. Several protesters were detained, "
        "witnesses said.",
    },
    {
        # Claims, quotes and relations besides the event (issue 6: served by the REST API).
        "title": "Army says it killed 14 militants near Tessalit",
        "published": "2024-03-12",
        "text": "Malian soldiers killed 14 JNIM fighters in clashes near Tessalit on 11 March "
        "2024, the army said. Over the past year, the army has captured more than 200 militants "
        "in the region, it said in a statement. \"We will not stop until the region is safe,\" "
        "said Colonel Souleymane Dembele, the army spokesman. The JNIM commander Amadou Koufa, "
        "who is affiliated with al-Qaeda, was not among the dead.",
    },
    XSS,
]

# For POST tests: a report the shared store does not hold.
NEW_REPORT = {
    "title": "Clashes near Kidal",
    "published": "2024-04-03",
    "text": "Government forces clashed with rebels near Kidal on 2 April 2024, killing three "
    "fighters, a local official said.",
}
