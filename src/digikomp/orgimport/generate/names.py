"""Danish-sounding names for synthetic data, built from parts: people, places, streets.

Nothing here names a real person or institution; names are combined at random from short lists of common
given names, surname stems and place-name syllables, the way Danish names are formed (Jens -> Jensen, Skov +
vang -> Skovvang).
"""

from __future__ import annotations

import random

WOMEN = ["Anne", "Mette", "Hanne", "Susanne", "Camilla", "Louise", "Maria", "Marianne", "Kirsten", "Pia",
         "Lene", "Tina", "Karina", "Julie", "Sofie", "Emma", "Ida", "Freja", "Line", "Birgitte", "Charlotte",
         "Dorthe", "Gitte", "Helle", "Inge", "Janne", "Katrine", "Lise", "Malene", "Nanna", "Rikke", "Signe",
         "Trine", "Vibeke", "Aisha", "Fatima", "Zeynep", "Agnieszka", "Ingrid", "Astrid", "Cecilie", "Mille"]
MEN = ["Jens", "Peter", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Niels", "Morten", "Martin",
       "Rasmus", "Jesper", "Anders", "Christian", "Mads", "Jakob", "Frederik", "Mikkel", "Kasper", "Ole",
       "Poul", "Bo", "Carsten", "Erik", "Finn", "Kim", "Kristian", "Torben", "Ulrik", "Emil", "Oliver",
       "Magnus", "William", "Ali", "Mohammad", "Omar", "Piotr", "Bjørn", "Esben", "Jonas", "Troels", "Asger"]
# Patronymic surnames are formed from these given names: Jens -> Jensen, Søren -> Sørensen.
PATRONYM_STEMS = ["Jen", "Niel", "Han", "Peder", "Ander", "Christen", "Lar", "Søren", "Rasmus", "Jørgen",
                  "Mad", "Kristen", "Ol", "Thom", "Poul", "Johan", "Knud", "Morten", "Iver", "Jakob",
                  "Frederik", "Mikkel", "Mathia", "Lauridt", "Clau", "Erik", "Svend", "Thorsen"]
SURNAME_FIRST = ["Holm", "Lund", "Skov", "Dam", "Bach", "Krog", "Vester", "Nør", "Øster", "Kjær", "Bjerre",
                 "Friis", "Juhl", "Brandt", "Winther", "Mølle", "Bro", "Hede", "Lind", "Strand", "Ege",
                 "Fugl"]
SURNAME_LAST = ["", "gaard", "berg", "holt", "bæk", "sø", "mose", "dal", "toft", "lev", "by"]

PLACE_FIRST = ["Skov", "Bøge", "Ege", "Lind", "Birke", "Hassel", "Eng", "Mose", "Sø", "Å", "Bakke", "Høj",
               "Strand", "Klint", "Fjord", "Vester", "Øster", "Nørre", "Sønder", "Kirke", "Mølle", "Tofte",
               "Rosen", "Sol", "Lærke", "Stor", "Lille", "Grøn", "Hvid", "Rød", "Elle", "Hvede", "Sand"]
PLACE_LAST = ["vang", "gård", "høj", "lund", "dal", "bjerg", "holm", "bro", "toft", "huset", "mark", "vænget",
              "haven", "engen", "bakken", "kær", "slette"]
TOWN_LAST = ["by", "rup", "lev", "sted", "borg", "købing", "strup", "bæk", "holm", "løse", "inge", "torp"]
STREET_LAST = ["vej", "gade", "allé", "stræde", "vænget", "parken", "toften"]
DIRECTIONS = ["Nord", "Syd", "Øst", "Vest", "Midt", "Centrum"]


def person_name(rng: random.Random) -> str:
    first = rng.choice(WOMEN if rng.random() < 0.62 else MEN)  # municipal staff are mostly women
    parts = [first]
    if rng.random() < 0.3:
        parts.append(surname(rng, patronym=False))
    parts.append(surname(rng, patronym=rng.random() < 0.65))
    return " ".join(parts)


def surname(rng: random.Random, *, patronym: bool) -> str:
    if patronym:
        stem = rng.choice(PATRONYM_STEMS)
        return stem if stem.endswith("sen") else stem + "sen"
    return rng.choice(SURNAME_FIRST) + rng.choice(SURNAME_LAST)


def place(rng: random.Random) -> str:
    return rng.choice(PLACE_FIRST) + rng.choice(PLACE_LAST)


def town(rng: random.Random) -> str:
    return rng.choice(PLACE_FIRST) + rng.choice(TOWN_LAST)


def street(rng: random.Random) -> str:
    return f"{rng.choice(PLACE_FIRST)}{rng.choice(STREET_LAST)} {rng.randint(1, 120)}"


ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u"})


def slug(text: str) -> str:
    return "-".join(text.lower().translate(ASCII).split())


def email_local(name: str) -> str:
    parts = name.lower().translate(ASCII).split()
    return ".".join([parts[0], parts[-1]])
