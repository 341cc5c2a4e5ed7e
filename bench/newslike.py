"""Generated news-like French text of any size, for the scaling and hostile-input benchmarks.

Original text built from templates (never copied from a corpus): sentences that name people,
places and organisations, quote them, give figures and dates, as a news article does. The
vocabulary is combinatorial, so a long text keeps meeting new names as a real archive would;
``seed`` makes every text reproducible.
"""

from __future__ import annotations

import random

FIRST_NAMES = [
    "Marie",
    "Jean",
    "Pierre",
    "Claire",
    "Louis",
    "Sophie",
    "Paul",
    "Camille",
    "Nicolas",
    "Julie",
    "Thomas",
    "Laure",
    "Antoine",
    "Hélène",
    "Mathieu",
    "Chloé",
    "Olivier",
    "Inès",
    "Hugo",
    "Nadia",
    "Bruno",
    "Léa",
    "Karim",
    "Emma",
    "Yves",
    "Sarah",
    "Denis",
    "Lucie",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefèvre",
    "Leroy",
    "Roux",
    "David",
    "Bertrand",
    "Morel",
    "Fournier",
    "Girard",
    "Bonnet",
    "Dupont",
    "Lambert",
    "Fontaine",
    "Rousseau",
    "Vincent",
    "Muller",
    "Faure",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "François",
    "Legrand",
    "Gauthier",
    "Garcia",
    "Perrin",
    "Robin",
    "Clément",
    "Morin",
    "Nicolas",
    "Henry",
    "Roussel",
    "Mathieu",
    "Gautier",
    "Masson",
    "Marchand",
    "Duval",
    "Denis",
]
PLACES = [
    "Rennes",
    "Brest",
    "Nantes",
    "Lyon",
    "Lille",
    "Bordeaux",
    "Toulouse",
    "Marseille",
    "Nice",
    "Strasbourg",
    "Dijon",
    "Tours",
    "Angers",
    "Limoges",
    "Amiens",
    "Metz",
    "Caen",
    "Rouen",
    "Grenoble",
    "Besançon",
    "Poitiers",
    "Orléans",
    "Quimper",
    "Vannes",
]
ORGS = (
    "la préfecture",
    "le conseil régional",
    "la mairie",
    "l'Agence régionale de santé",
    "le syndicat des transports",
    "la chambre de commerce",
    "le tribunal administratif",
    "l'association des riverains",
)
ROLES = (
    "le maire",
    "la préfète",
    "le président du conseil départemental",
    "la porte-parole de la SNCF",
    "le directeur de l'hôpital",
    "la secrétaire générale du syndicat",
)
MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
VERBS = ("a annoncé", "a indiqué", "a précisé", "a expliqué", "a rappelé", "a assuré")
SAY = ("a déclaré", "a affirmé", "a estimé", "a expliqué", "a ajouté")
TOPICS = (
    "la rénovation du pont",
    "la fermeture de la ligne",
    "le budget de l'année prochaine",
    "la construction d'un nouveau collège",
    "les travaux sur la rocade",
    "l'ouverture d'un centre de santé",
    "la baisse du nombre de bus",
    "la hausse des tarifs de l'eau",
)
CLAIMS = (
    "nous allons tout faire pour que les habitants ne paient pas la facture",
    "cette décision était attendue depuis longtemps",
    "il n'y aura pas de fermeture avant la fin de l'été",
    "les chiffres montrent que la situation s'améliore",
    "nous devons rester prudents face à cette hausse",
    "le calendrier sera tenu, j'en prends l'engagement",
)


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2026)}"


def figure(rng: random.Random) -> str:
    return rng.choice(
        (
            f"{rng.randint(2, 980)} millions d'euros",
            f"{rng.randint(2, 95)} %",
            f"{rng.randint(120, 9800)} habitants",
            f"{rng.randint(2, 60)} kilomètres",
        )
    )


def sentence(rng: random.Random) -> str:
    """One news-like sentence, about 120 to 200 characters."""
    kind = rng.randrange(5)
    if kind == 0:
        return (
            f"{rng.choice(ORGS).capitalize()} de {rng.choice(PLACES)} {rng.choice(VERBS)} "
            f"le {date(rng)} que {rng.choice(TOPICS)} coûtera {figure(rng)}."
        )
    if kind == 1:
        return (
            f"« {rng.choice(CLAIMS).capitalize()} », {rng.choice(SAY)} {person(rng)}, "
            f"{rng.choice(ROLES)} de {rng.choice(PLACES)}."
        )
    if kind == 2:
        return (
            f"Selon {person(rng)}, {rng.choice(ROLES)}, {rng.choice(TOPICS)} concerne "
            f"{figure(rng)} dans l'agglomération de {rng.choice(PLACES)}."
        )
    if kind == 3:
        return (
            f"{person(rng)} et {person(rng)} ont rencontré {person(rng)} à {rng.choice(PLACES)} "
            f"pour évoquer {rng.choice(TOPICS)}."
        )
    return (
        f"Le {date(rng)}, {rng.choice(ROLES)} {rng.choice(VERBS)} que {rng.choice(TOPICS)} "
        f"avait déjà coûté {figure(rng)}."
    )


def paragraph(rng: random.Random, chars: int) -> str:
    """Sentences joined by spaces until ``chars`` characters are reached."""
    parts: list[str] = []
    size = 0
    while size < chars:
        part = sentence(rng)
        parts.append(part)
        size += len(part) + 1
    return " ".join(parts)


def article(chars: int, *, single_paragraph: bool, seed: int = 0) -> str:
    """A plain-text article of about ``chars`` characters: a headline line, then either one
    paragraph or paragraphs of three to six sentences separated by blank lines."""
    rng = random.Random(seed)
    headline = f"{rng.choice(PLACES)} : {rng.choice(TOPICS)} divise les élus"
    if single_paragraph:
        return headline + "\n\n" + paragraph(rng, chars)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        text = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        paragraphs.append(text)
        size += len(text) + 2
    return headline + "\n\n" + "\n\n".join(paragraphs)
