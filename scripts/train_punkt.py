# ruff: noqa: SIM905
"""Regenerate tasks/data/punkt_params.json: Punkt trained on project-written text + abbreviations.

The training text is generated here from hand-written templates (deterministic seed), so the repo
owns every word of it. Run: `.venv/bin/python scripts/train_punkt.py`.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from nltk.tokenize.punkt import _ORTHO_BEG_UC, _ORTHO_LC, _ORTHO_MID_LC, PunktTrainer
from sumy.utils import get_stop_words

OUT = Path(__file__).resolve().parents[1] / "tasks" / "data" / "punkt_params.json"

# Abbreviations Punkt must never treat as sentence ends on their own (lower-case, no final period).
ABBREVIATIONS = """
u.s u.k u.n u.a.e e.u mr mrs ms dr prof gen col lt maj capt cmdr adm sgt cpl pvt sen rep
gov pres supt insp det rev hon fr sr jr st mt ft no nos vs v etc e.g i.e a.m p.m approx
est dept jan feb mar apr jun jul aug sep sept oct nov dec tue tues thu thurs inc corp co
ltd plc llc bros assn univ ave blvd rd ala ariz ark calif colo conn fla kan ky md mich
minn mont neb nev okla tenn tex
""".split()

NAMES = """
Smith Jones Brown Taylor Wilson Davies Evans Thomas Johnson Roberts Walker Wright
""".split()
FIRST = """
John Mary David Sarah Ahmed Fatima Peter Laura Omar Elena James Chen Maria Ali
""".split()
TITLES = """
Mr. Mrs. Ms. Dr. Prof. Gen. Col. Lt. Sen. Rep. Gov. Capt. Sgt. Rev.
""".split()
PLACES = """
London Paris Cairo Beirut Riyadh Tokyo Washington Berlin Madrid Nairobi Dubai Baghdad
Ottawa Lagos Moscow Delhi Jakarta Seoul Sydney Lima
""".split()
ORGS = "Acme Inc.|Globex Corp.|Initech Ltd.|Vandelay Co.|Northwind plc|Contoso Bros.".split("|")
COUNTRIES = "U.S. U.K. U.N. E.U. U.A.E.".split()
MONTHS = "Jan. Feb. Aug. Sept. Oct. Nov. Dec. March April May June July".split()
VERBS = "said|told reporters|announced|warned|confirmed|denied|argued|added|insisted".split("|")
VERBS.append("explained")
TOPICS = [
    "the talks would resume next week",
    "prices had risen by 4.5 per cent since the start of the year",
    "the company expected profits to fall",
    "more than 300 people had been evacuated from the area",
    "the new law would take effect in the spring",
    "the team was ready for the final",
    "the election result was still too close to call",
    "the bridge would be closed for repairs",
    "negotiators had made real progress",
    "the report contained serious errors",
    "inflation was likely to ease later this year",
    "the ceasefire was holding in most districts",
    "exports had grown for a third month in a row",
    "no decision had been made about the budget",
]
OPENERS = """
The A In On But However, Meanwhile, It He She They We This That There Officials Police
Analysts Some Many After When Last Earlier Under According Critics Shares Talks Residents
""".split()
NOUNS = """
government minister company market report plan deal vote court army police bank economy
council team crowd strike fire storm rally budget price policy border summit election
""".split()
PLAIN = [
    "{o} {n} was expected to respond within days.",
    "{o} {n} in {p} remained calm on {d}.",
    "{o} officials {v} the {n} was under review.",
    "{o} {n} had been delayed twice since {m} {k}.",
    "{o} figures from the {n} showed a rise of {x}.{y} per cent.",
    "{o} {n} would meet again at {h} p.m. on Monday.",
    "{o} meeting began at {h} a.m. and lasted three hours.",
    "{o} {n} cost about ${k},{k}00 last year, or {x}.{y} million euros in total.",
    "Why did the {n} fail? Nobody could say.",
    '"We are not done yet," {t} {N} {v}.',
    '"This is a good day for {p}," {v} {t} {N}, who leads the {n}.',
    "{t} {N} {v} that {topic}.",
    "{F} {N}, a spokesman for {org}, {v} that {topic}.",
    "{org} {v} on {d} that {topic}.",
    "The {c} {n} {v} that {topic}.",
    "Officials in the {c} {v} that {topic}.",
    "He moved to the {c} in {m} {k}, after years in {p}.",
    "The agreement was signed on {m} {k}, {yr}, in {p}.",
    "{F} {I}. {N} and {F} {I}. {I}. {N} wrote the report.",
    "The novel by {I}. {I}. {N} sold {k} copies in a week.",
    "The case of {N} vs. {N2} returns to court on {m} {k}.",
    "Traffic on St. {N} Road and Mt. {N2} Avenue was stopped.",
    "The draft, known as Resolution No. {k}, passed on {d}.",
    "{t} {N} Jr. and {t} {N2} Sr. attended the ceremony.",
    "The team lost 3-1, and the coach {v} that it was a bad day.",
    "Shares in {org} rose {x}.{y}% to {k}.{y} dollars.",
    "The {n} is worth about 2.5bn, officials {v}.",
    "Is the {n} over? Not quite, {t} {N} {v}.",
    "It rained all day in {p}. The {n} was cancelled.",
    "The {n} ended early. Most people went home before {h} p.m.",
    "Some said it was too late... others disagreed.",
    'She {v}: "We will keep going."',
    "The {n} (which met in {p}) {v} that {topic}.",
    "{G} {v} that {topic}.",
    "{G} arrived at {h} a.m. on {d}, and {g} left later.",
    "Local {g} and {g2} in {p} {v} that {topic}.",
    "The {n} was seen by {g} in the U.S. {G} {v} that {topic}.",
]
# Plural group nouns: capitalised at sentence starts, lower-case mid-sentence (teaches Punkt that
# "a.m. Police arrived" starts a new sentence after an abbreviation).
GROUPS = """
police officials investigators prosecutors doctors witnesses experts researchers
scientists authorities protesters troops rebels voters lawmakers ministers residents
workers teachers students fans players investors traders farmers villagers diplomats
firefighters rescuers
""".split()
DAYS = """
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
""".split()


def fill(template: str, rng: random.Random) -> str:
    """One sentence from a template with random slots."""
    name, name2 = rng.sample(NAMES, 2)
    group, group2 = rng.sample(GROUPS, 2)
    sentence = template.format(
        o=rng.choice(OPENERS),
        n=rng.choice(NOUNS),
        p=rng.choice(PLACES),
        d=rng.choice(DAYS),
        v=rng.choice(VERBS),
        m=rng.choice(MONTHS),
        k=rng.randint(2, 30),
        x=rng.randint(1, 99),
        y=rng.randint(0, 9),
        h=rng.randint(1, 11),
        t=rng.choice(TITLES),
        G=group.capitalize(),
        g=group,
        g2=group2,
        N=name,
        N2=name2,
        F=rng.choice(FIRST),
        I=rng.choice("ABCDEFGHJKLMNPRSTW"),
        org=rng.choice(ORGS),
        c=rng.choice(COUNTRIES),
        topic=rng.choice(TOPICS),
        yr=rng.randint(1990, 2025),
    )
    return sentence[0].upper() + sentence[1:]


def training_text(paragraphs: int = 1500, seed: int = 7) -> str:
    """Deterministic news-like paragraphs written by this script."""
    rng = random.Random(seed)
    paras = []
    for _ in range(paragraphs):
        paras.append(" ".join(fill(rng.choice(PLAIN), rng) for _ in range(rng.randint(2, 6))))
    return "\n\n".join(paras)


def train() -> dict:
    """Train Punkt on the generated text, add the abbreviations, return JSON-ready parameters."""
    trainer = PunktTrainer()
    trainer.train(training_text(), finalize=True)
    params = trainer.get_params()
    # Template text is too repetitive for abbreviation and collocation learning (it learns "area",
    # "review"...): keep only the curated list, and the learned orthography and sentence starters.
    ortho = dict(params.ortho_context)
    for word in get_stop_words("english"):
        if word.isalpha():  # function words: seen lower-case mid-sentence, capitalised at starts
            ortho[word] = ortho.get(word, 0) | _ORTHO_MID_LC | _ORTHO_BEG_UC
    # A starter never seen in lower case is a name or title ("Maria", "Col"): after "Sen." it
    # continues the sentence, so it must not count as evidence of a new one.
    starters = {w for w in params.sent_starters if ortho.get(w, 0) & _ORTHO_LC}
    return {
        "abbrev_types": sorted(ABBREVIATIONS),
        "sent_starters": sorted(starters),
        "ortho_context": dict(sorted(ortho.items())),
    }


def main() -> None:
    """Write the parameter file."""
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(train(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
