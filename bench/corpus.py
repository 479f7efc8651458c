"""A deterministic corpus of invented news-like articles for the benchmarks.

Every article is generated here from templates and word lists written for eventwire's
benchmarks: the people, quotes and incidents are invented; the country and city names
are real so that the gazetteer and the actor dictionary have work to do. Nothing is read
from outside; the same ``n`` and ``seed`` always give the same texts.

    >>> from corpus import make_corpus
    >>> arts = make_corpus(3, seed=7)
    >>> sorted(arts[0])
    ['id', 'published', 'text']

Run ``python bench/corpus.py --n 5`` to print a few articles, or ``--jsonl FILE`` to write
them in eventwire's JSONL input format.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys

TARGET_WORDS = 600

# country, demonym, capital, other cities, a state force noun phrase, armed groups
COUNTRIES: list[tuple[str, str, str, list[str], list[str]]] = [
    ("Nigeria", "Nigerian", "Abuja", ["Kano", "Maiduguri", "Kaduna", "Jos", "Sokoto", "Zaria"],
     ["Boko Haram", "Islamic State West Africa Province", "bandits", "gunmen"]),
    ("Somalia", "Somali", "Mogadishu", ["Kismayo", "Baidoa", "Beledweyne", "Garowe", "Jowhar"],
     ["Al Shabaab", "Islamic State fighters", "clan militiamen"]),
    ("Syria", "Syrian", "Damascus", ["Aleppo", "Homs", "Idlib", "Deir ez-Zor", "Raqqa", "Daraa"],
     ["Islamic State fighters", "tribal fighters", "armed men"]),
    ("Iraq", "Iraqi", "Baghdad", ["Mosul", "Kirkuk", "Basra", "Tikrit", "Fallujah", "Ramadi"],
     ["Islamic State militants", "gunmen", "armed men"]),
    ("Yemen", "Yemeni", "Sanaa", ["Aden", "Taiz", "Marib", "Hodeidah", "Mukalla"],
     ["Houthi fighters", "the Houthis", "tribal gunmen"]),
    ("Mali", "Malian", "Bamako", ["Gao", "Timbuktu", "Mopti", "Kidal", "Segou"],
     ["JNIM militants", "jihadists", "armed men"]),
    ("Burkina Faso", "Burkinabe", "Ouagadougou", ["Djibo", "Kaya", "Dori", "Fada N'gourma"],
     ["jihadists", "suspected militants", "gunmen"]),
    ("Democratic Republic of the Congo", "Congolese", "Kinshasa",
     ["Goma", "Beni", "Bunia", "Butembo", "Bukavu"],
     ["M23 rebels", "ADF rebels", "CODECO militiamen", "Mai-Mai fighters"]),
    ("Sudan", "Sudanese", "Khartoum", ["El Fasher", "Nyala", "Omdurman", "Wad Madani", "Kassala"],
     ["Rapid Support Forces", "RSF fighters", "armed men"]),
    ("Ethiopia", "Ethiopian", "Addis Ababa", ["Gondar", "Bahir Dar", "Mekelle", "Dessie"],
     ["Fano militiamen", "Oromo Liberation Army fighters", "gunmen"]),
    ("Kenya", "Kenyan", "Nairobi", ["Mombasa", "Garissa", "Lamu", "Kisumu", "Mandera"],
     ["Al Shabaab", "bandits", "cattle raiders"]),
    ("Pakistan", "Pakistani", "Islamabad", ["Peshawar", "Quetta", "Karachi", "Lahore", "Bannu"],
     ["Pakistani Taliban", "TTP militants", "Baloch separatists", "gunmen"]),
    ("Afghanistan", "Afghan", "Kabul",
     ["Kandahar", "Herat", "Jalalabad", "Kunduz", "Mazar-i-Sharif"],
     ["Islamic State Khorasan", "gunmen", "armed men"]),
    ("Myanmar", "Myanmar", "Naypyidaw", ["Mandalay", "Sittwe", "Myitkyina", "Lashio", "Sagaing"],
     ["the Arakan Army", "People's Defence Force fighters", "resistance fighters"]),
    ("Colombia", "Colombian", "Bogota", ["Cali", "Medellin", "Cucuta", "Popayan", "Tumaco"],
     ["ELN rebels", "FARC dissidents", "Clan del Golfo gunmen"]),
    ("Mexico", "Mexican", "Mexico City", ["Culiacan", "Tijuana", "Chilpancingo", "Morelia"],
     ["cartel gunmen", "armed men", "suspected cartel members"]),
    ("Ukraine", "Ukrainian", "Kyiv", ["Kharkiv", "Kherson", "Odesa", "Zaporizhzhia", "Sumy"],
     ["Russian forces", "Russian troops"]),
    ("Bangladesh", "Bangladeshi", "Dhaka", ["Chittagong", "Sylhet", "Khulna", "Rajshahi"],
     ["party activists", "armed men"]),
    ("Cameroon", "Cameroonian", "Yaounde", ["Bamenda", "Buea", "Maroua", "Douala"],
     ["separatist fighters", "Ambazonian separatists", "Boko Haram"]),
    ("Mozambique", "Mozambican", "Maputo", ["Pemba", "Palma", "Mocimboa da Praia", "Macomia"],
     ["insurgents", "Islamic State fighters", "armed men"]),
]

FIRST = ["Amina", "Ibrahim", "Fatima", "Yusuf", "Grace", "Daniel", "Mariam", "Ahmed", "Leila",
         "Samuel", "Hassan", "Nadia", "Joseph", "Aisha", "Omar", "Esther", "Karim", "Rosa",
         "Tomas", "Halima", "Kofi", "Nour", "Mikhail", "Ana", "Bilal", "Zainab", "Pedro",
         "Salma", "Moses", "Rania", "Ali", "Sofia", "Abdi", "Thandiwe", "Farid", "Lucia"]
LAST = ["Okonkwo", "Warsame", "Haddad", "Mensah", "Abubakar", "Qureshi", "Traore", "Nkurunziza",
        "Alvarez", "Kovalenko", "Rahman", "Diallo", "Osei", "Farah", "Mwangi", "Khalil",
        "Ouedraogo", "Tesfaye", "Morales", "Bondarenko", "Hussain", "Sesay", "Chowdhury",
        "Mutua", "Kabila", "Salazar", "Idris", "Petrenko", "Abdullahi", "Ndlovu", "Saleh"]
ROLES = ["a police spokesman", "a local official", "the district commissioner", "a resident",
         "a spokeswoman for the army", "a community leader", "a hospital director",
         "a regional governor", "a witness", "an aid worker", "a human rights researcher",
         "a security analyst", "the head of a local rights group", "a shopkeeper",
         "a teacher at the local school", "a military source", "the deputy mayor"]
ORGS = ["the Red Cross", "Doctors Without Borders", "the United Nations", "Amnesty International",
        "Human Rights Watch", "the World Food Programme", "UNICEF", "the African Union",
        "a local monitoring group", "the interior ministry", "the health ministry"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "dozens of", "at least 15", "more than 20", "at least 30"]
PLACE_KINDS = ["village", "market", "checkpoint", "military base", "police station", "camp",
               "mosque", "church", "school", "bus station", "border post", "farming settlement"]
WEAPONS = ["drone", "warplane", "helicopter gunship", "fighter jet"]
TIMES = ["shortly after dawn", "late at night", "in the early hours", "around midday",
         "at about 4 p.m.", "during evening prayers", "before sunrise", "on market day"]
CAUSES = ["rising fuel prices", "the arrest of an opposition leader", "power cuts",
          "delayed salaries", "a disputed election result", "the killing of a student",
          "new taxes on small traders", "the closure of a university", "food shortages",
          "police brutality", "a ban on motorcycle taxis", "land seizures"]
GROUPS = ["students", "traders", "teachers", "opposition supporters", "women", "farmers",
          "health workers", "residents", "motorcycle taxi drivers", "lawyers", "miners"]


class Writer:
    """One article's worth of choices, all from one seeded ``random.Random``."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng
        c = rng.choice(COUNTRIES)
        self.country, self.demonym, self.capital, self.cities, self.groups = c
        self.city = rng.choice(self.cities)
        self.town = rng.choice([x for x in self.cities if x != self.city] or self.cities)
        self.date = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(0, 900))
        self.weekday = WEEKDAYS[(self.date - dt.timedelta(days=rng.randrange(1, 4))).weekday()]
        self.group = rng.choice(self.groups)
        self.bare_group = self.group.removeprefix("the ")

    # -- small pieces ------------------------------------------------------------------
    def c(self, items: list[str]) -> str:
        return self.r.choice(items)

    @staticmethod
    def cap(text: str) -> str:
        """Upper-case the first letter only ("the Red Cross" -> "The Red Cross")."""
        return text[:1].upper() + text[1:]

    def name(self) -> str:
        return f"{self.c(FIRST)} {self.c(LAST)}"

    def num(self) -> str:
        return self.c(NUMBER_WORDS)

    def digits(self) -> str:
        return str(self.r.randrange(2, 60))

    def when(self) -> str:
        d = self.date - dt.timedelta(days=self.r.randrange(0, 20))
        return self.c([f"on {self.weekday}", f"on {d.day} {MONTHS[d.month - 1]}",
                       f"on {MONTHS[d.month - 1]} {d.day}", "last week", "on Sunday night",
                       f"on {d.day} {MONTHS[d.month - 1]} {d.year}", "earlier this month"])

    def state(self) -> str:
        return self.c([f"{self.demonym} troops", f"{self.demonym} soldiers", "the army",
                       f"{self.demonym} security forces", "government forces", "police",
                       f"{self.demonym} police", "soldiers"])

    def who_said(self) -> str:
        return self.c([f"{self.name()}, {self.c(ROLES)}", self.c(ROLES),
                       f"{self.c(ORGS)}", f"{self.name()}, a spokesman for {self.c(ORGS)}"])

    def quote(self) -> str:
        q = self.c([
            "We heard gunfire for more than an hour and nobody came to help us",
            "The situation is calm now but people are still afraid to go out",
            "They came on motorcycles and started shooting at everyone",
            "Our teams are treating the wounded, and many of them are children",
            "We will not allow criminals to terrorise our communities",
            "The houses were burning when we arrived, and the road was blocked",
            "We are only asking for our rights, and we will march again tomorrow",
            "This is the worst attack the area has seen this year",
            "Security has been reinforced and an investigation has been opened",
            "Nobody has told us where our sons were taken",
            "The airstrike hit a house where families were sleeping",
        ])
        if self.r.random() < 0.5:
            return f'"{q}," said {self.who_said()}.'
        return f'{self.cap(self.who_said())} said: "{q}."'

    # -- event paragraphs --------------------------------------------------------------
    def clash(self) -> str:
        k, w = self.num(), self.r.randrange(2, 40)
        return " ".join([
            self.c([
                f"{self.cap(self.state())} clashed with {self.group} near {self.town} "
                f"{self.when()}, killing {k} of the attackers, officials said.",
                f"Heavy fighting broke out between {self.state()} and {self.group} on the "
                f"outskirts of {self.town} {self.when()}, leaving {k} people dead.",
                f"{self.cap(self.group)} ambushed a patrol of {self.state()} near "
                f"{self.town} {self.when()}, and the two sides exchanged fire for hours.",
            ]),
            f"The fighting began {self.c(TIMES)} when the fighters attacked a "
            f"{self.c(PLACE_KINDS)} about {self.digits()} km from {self.city}.",
            f"{self.digits()} soldiers were wounded and {w} others are missing, "
            f"according to {self.who_said()}.",
            self.quote(),
        ])

    def airstrike(self) -> str:
        return " ".join([
            self.c([
                f"A {self.c(WEAPONS)} strike hit a {self.c(PLACE_KINDS)} in {self.town}, in "
                f"{self.country}, {self.when()}, killing {self.num()} people, including "
                f"{self.num()} children, {self.who_said()} said.",
                f"Warplanes bombed {self.town} {self.c(TIMES)} {self.when()}, destroying "
                f"{self.num()} houses and killing {self.digits()} civilians, residents said.",
                f"{self.num().capitalize()} people were killed when a {self.c(WEAPONS)} "
                f"struck a vehicle on the road between {self.city} and {self.town} "
                f"{self.when()}.",
            ]),
            f"The {self.demonym} air force said it had targeted a hideout of {self.group} "
            f"and that {self.digits()} militants were killed in the raid.",
            f"Residents disputed the account and said the dead were civilians. "
            f"{self.cap(self.c(ORGS))} called for an independent inquiry.",
            self.quote(),
        ])

    def attack(self) -> str:
        return " ".join([
            self.c([
                f"Suspected {self.bare_group} stormed a {self.c(PLACE_KINDS)} in {self.city} "
                f"{self.c(TIMES)} {self.when()}, shooting dead {self.num()} people and "
                f"abducting {self.digits()} others.",
                f"Gunmen on motorcycles attacked worshippers at a {self.c(PLACE_KINDS)} near "
                f"{self.city} {self.when()}, killing {self.num()} and wounding {self.digits()}.",
                f"A suicide bomber blew himself up at a {self.c(PLACE_KINDS)} in {self.city} "
                f"{self.when()}, killing {self.num()} people, {self.who_said()} said.",
            ]),
            f"The attackers also set fire to shops and houses before fleeing into the bush, "
            f"{self.who_said()} told reporters.",
            f"A roadside bomb later exploded near a convoy on the road to {self.town}, "
            f"wounding {self.num()} police officers.",
            self.quote(),
        ])

    def protest(self) -> str:
        n = self.c(["hundreds of", "thousands of", "about 200", "several hundred", "dozens of"])
        g = self.c(GROUPS)
        return " ".join([
            self.c([
                f"In {self.capital}, {n} {g} marched {self.when()} to protest against "
                f"{self.c(CAUSES)}, chanting slogans and blocking the main road to parliament.",
                f"{self.cap(n)} {g} rallied outside the governor's office in {self.city} "
                f"{self.when()} to demand action over {self.c(CAUSES)}.",
                f"Demonstrators took to the streets of {self.town} {self.when()} after "
                f"{self.c(CAUSES)} angered {g}.",
            ]),
            self.c([
                f"Police fired tear gas and rubber bullets to disperse the crowd, and "
                f"{self.digits()} people were injured, {self.who_said()} said.",
                "The protest ended peacefully in the afternoon, and organisers said another "
                "march was planned for next week.",
                f"Some protesters threw stones at police and burned tyres, and {self.digits()} "
                f"shops were looted, according to {self.who_said()}.",
            ]),
            self.quote(),
        ])

    def arrest(self) -> str:
        return " ".join([
            self.c([
                f"{self.cap(self.state())} arrested {self.num()} people in {self.town} "
                f"{self.when()} on suspicion of links to {self.group}, "
                f"{self.who_said()} said.",
                f"Police in {self.city} detained {self.num()} opposition activists "
                f"{self.when()} ahead of a planned rally.",
            ]),
            f"Among those detained was {self.name()}, a {self.r.randrange(19, 70)}-year-old "
            f"journalist who had reported on the violence, a lawyer said.",
            f"Rights groups said {self.digits()} people had been detained without charge since "
            f"{self.c(MONTHS)} and demanded their release.",
        ])

    def tally(self) -> str:
        y = self.date.year
        return " ".join([
            f"At least {self.r.randrange(50, 900)} people have been killed in {self.country} "
            f"since the start of {y}, according to {self.c(ORGS)}.",
            f"Fighting between {self.state()} and {self.group} has displaced more than "
            f"{self.r.randrange(10, 400)},000 people in the region around {self.city}.",
        ])

    # -- filler ------------------------------------------------------------------------
    def filler(self) -> str:
        return self.c([
            f"The region around {self.city} depends mostly on farming and cross-border trade. "
            f"The harvest of maize and sorghum was expected to start in {self.c(MONTHS)}, but "
            f"many fields have been left untended. Prices of flour and cooking oil have risen "
            f"by about {self.digits()} percent this year, traders at the central market said.",
            f"Schools in {self.town} reopened after a two-week break, and teachers said "
            f"attendance was lower than usual. The local football club won its match on "
            f"Saturday, and a music festival planned for next month is still going ahead, "
            f"the organisers said in a statement.",
            f"The government has announced a plan to build a new road linking {self.city} to "
            f"{self.capital}, with funding from the World Bank. Engineers said the work would "
            f"take about {self.r.randrange(2, 6)} years, and that the old bridge over the "
            f"river would be repaired first. Officials also promised to connect more villages "
            f"to the electricity grid before the end of the year.",
            f"{self.name()}, who has sold vegetables in the same street for {self.digits()} "
            f"years, said business had slowed. \"People come later and leave earlier, and they "
            f"buy less than before,\" she said. Her two sons work at a bakery nearby, and her "
            f"daughter is studying medicine in {self.capital}.",
            f"The rainy season is expected to begin in {self.c(MONTHS)}, and forecasters have "
            f"warned of floods along the river. Last year heavy rain destroyed hundreds of "
            f"homes and washed away several bridges, cutting off communities for weeks.",
            f"The president is due to travel abroad next week for a summit on trade and "
            f"investment, his office said. Talks on a new loan with the International "
            f"Monetary Fund are also expected to resume, after the finance minister "
            f"presented a revised budget to parliament on {self.c(WEEKDAYS)}.",
            f"{self.country} has a population of about {self.r.randrange(5, 220)} million "
            f"people. Its economy grew by {self.r.randrange(1, 7)}.{self.r.randrange(0, 9)} "
            f"percent last year, according to official figures, driven by mining, "
            f"telecommunications and agriculture.",
        ])

    def article(self) -> str:
        kinds = [self.clash, self.airstrike, self.attack, self.protest, self.arrest]
        lead = self.r.choice(kinds)
        head = self.c([
            f"{self.cap(self.num())} killed in {self.town} as violence flares in "
            f"{self.country}",
            f"{self.demonym} forces and {self.group} clash near {self.city}",
            f"Protesters and police face off in {self.capital}",
            f"Dozens arrested after unrest in {self.town}, officials say",
            f"Airstrike in {self.country} kills civilians, residents say",
        ])
        paras = [f"{self.city.upper()}, {self.country} - " + lead()]
        last = lead
        words = len(head.split()) + len(paras[0].split())
        while words < TARGET_WORDS:
            roll = self.r.random()
            if roll < 0.45:
                last = self.r.choice([k for k in kinds if k is not last])
                p = last()
            elif roll < 0.55:
                p = self.tally()
            else:
                p = self.filler()
            paras.append(p)
            words += len(p.split())
        return head + "\n\n" + "\n\n".join(paras) + "\n"


def make_corpus(n: int, seed: int = 0) -> list[dict[str, str]]:
    """``n`` articles as eventwire JSONL objects: ``{"id", "text", "published"}``."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        w = Writer(random.Random(rng.getrandbits(64)))
        out.append({"id": f"bench-{seed}-{i:05d}", "text": w.article(),
                    "published": w.date.isoformat()})
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jsonl", help="write the corpus here as JSONL instead of printing it")
    args = ap.parse_args(argv)
    arts = make_corpus(args.n, args.seed)
    if args.jsonl:
        with open(args.jsonl, "w", encoding="utf-8") as f:
            for a in arts:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
    else:
        for a in arts:
            print(f"=== {a['id']} (published {a['published']}, {len(a['text'].split())} words)")
            print(a["text"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
