"""Entities: merging mentions, gazetteer corrections, roles and affiliations."""

from __future__ import annotations

from typing import Optional

import pytest

import quotex
from quotex.entities import gazetteer_matches
from quotex.entities.people import _titled_name


def names(doc, label):
    return {e.name: e for e in doc.entities if e.label == label}


def test_person_mentions_merge_by_surname() -> None:
    doc = quotex.extract(
        "La juge Claire Renaud a ouvert l'audience. Mme Renaud a ensuite rappelé les faits. "
        "Selon Renaud, le dossier est complet."
    )
    people = names(doc, "PERSON")
    assert list(people) == ["Claire Renaud"]
    assert len(people["Claire Renaud"].mentions) == 3
    assert people["Claire Renaud"].gender == "f"


def test_two_people_with_different_surnames_stay_apart() -> None:
    doc = quotex.extract("Marc Dubois a rencontré Julie Lemoine à Paris. Dubois est reparti seul.")
    people = names(doc, "PERSON")
    assert {"Marc Dubois", "Julie Lemoine"} <= set(people)
    assert len(people["Marc Dubois"].mentions) == 2


def test_a_first_name_alone_joins_the_one_person_of_that_name() -> None:
    doc = quotex.extract(
        "L'humoriste Karim Benali a animé la soirée. Plus tard, Karim a salué la salle. "
        "Sophie Martin et Sophie Garnier sont arrivées ensuite ; Sophie a pris la parole."
    )
    people = names(doc, "PERSON")
    assert "Karim" not in people and len(people["Karim Benali"].mentions) == 2
    # two people called Sophie: the first name alone stays apart
    assert len(people["Sophie Martin"].mentions) == 1 and len(people["Sophie Garnier"].mentions) == 1


@pytest.mark.parametrize(
    "text,person,role,affiliation",
    [
        (
            "La porte-parole de l'OMS Margaret Harris a rappelé les consignes.",
            "Margaret Harris",
            "porte-parole de l'OMS",
            "Organisation mondiale de la santé",
        ),
        (
            "Le secrétaire général de l'Otan Jens Stoltenberg était à Bruxelles.",
            "Jens Stoltenberg",
            "secrétaire général de l'Otan",
            "Organisation du traité de l'Atlantique nord",
        ),
        (
            "Le ministre français de l'Économie Bruno Le Maire a présenté le budget.",
            "Bruno Le Maire",
            "ministre français de l'Économie",
            None,
        ),
        (
            "Yann Morel, l'avocat de la famille, a demandé une contre-expertise.",
            "Yann Morel",
            "avocat de la famille",
            None,
        ),
        (
            "La présidente du Parti socialiste, Martine Aubry, a réuni le bureau.",
            "Martine Aubry",
            "présidente du Parti socialiste",
            "Parti socialiste",
        ),
        # a player's position is a role too
        (
            "Auteur de l'essai de la victoire, l'ailier Mathis Garnier savourait.",
            "Mathis Garnier",
            "ailier",
            None,
        ),
        (
            "Son premier adjoint, Thierry Moulin, a voté contre le budget.",
            "Thierry Moulin",
            "premier adjoint",
            None,
        ),
        # the tagger calls "Outre-mer" a pronoun: a capitalised word does not end the role phrase
        (
            "La ministre des Outre-mer, Sophie Marchal, a démenti tout projet de ce genre.",
            "Sophie Marchal",
            "ministre des Outre-mer",
            None,
        ),
        # ... after the person's age
        (
            "Paul Sow, 52 ans, agriculteur à Orgelet, a vendu ses génisses.",
            "Paul Sow",
            "agriculteur à Orgelet",
            None,
        ),
        # a trade in apposition is a role too
        (
            "« C'est une catastrophe », dit Jean-Marc Duval, viticulteur à Pomerol, après la grêle.",
            "Jean-Marc Duval",
            "viticulteur à Pomerol",
            None,
        ),
        # a role noun the tagger takes for a participle
        (
            "Karim Haddad, délégué du personnel, a quitté la réunion.",
            "Karim Haddad",
            "délégué du personnel",
            None,
        ),
        # without a comma a name is apposed to the nearest role noun
        (
            "L'avocat de l'ancien maire Roger Vidal a demandé un renvoi.",
            "Roger Vidal",
            "maire",
            None,
        ),
    ],
)
def test_role_and_affiliation_from_apposition(text, person, role, affiliation) -> None:
    doc = quotex.extract(text)
    people = names(doc, "PERSON")
    assert person in people, list(people)
    ent = people[person]
    assert ent.role == role
    if affiliation is None:
        assert ent.affiliation is None or doc.entity(ent.affiliation).label == "ORG"
    else:
        org = doc.entity(ent.affiliation)
        assert affiliation in (org.name, org.canonical)


def test_gazetteer_aliases_are_one_entity() -> None:
    doc = quotex.extract(
        "Les Forces démocratiques syriennes (FDS) ont repris la ville à l'État islamique. "
        "Les FDS affirment que Daech a perdu ses dernières positions, et que l'EI recrute encore."
    )
    orgs = names(doc, "ORG")
    assert "Forces démocratiques syriennes" in orgs and len(orgs["Forces démocratiques syriennes"].mentions) == 3
    assert "Daech" in orgs and len(orgs["Daech"].mentions) == 3
    assert "EI" in orgs["Daech"].aliases


def test_model_slips_are_corrected() -> None:
    doc = quotex.extract("Le porte-parole a parlé à Sputnik. Les combats continuent à Raqqa, selon le Pentagone.")
    assert "Sputnik" in names(doc, "ORG")
    assert "Pentagone" in names(doc, "ORG")
    assert "Raqqa" in names(doc, "LOC")
    assert not any(e.name in ("Sputnik", "Raqqa") for e in doc.people)


def test_acronym_in_brackets_is_an_alias() -> None:
    doc = quotex.extract("L'Agence nationale de la recherche (ANR) finance le projet. L'ANR a doublé son budget.")
    orgs = names(doc, "ORG")
    holder = [e for e in orgs.values() if "ANR" in (e.name, *e.aliases)]
    assert holder


def test_gazetteer_is_case_aware() -> None:
    text = "La libération de la ville a été célébrée. Le monde entier regardait. Libération a publié une enquête."
    hits = [text[s:e] for s, e, _, _ in gazetteer_matches(text)]
    assert hits == ["Libération"]


def test_entity_offsets_point_into_the_input(seed_text) -> None:
    doc = quotex.extract(seed_text)
    for e in doc.entities:
        for m in e.mentions:
            assert seed_text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text,org",
    [
        ("Le président de la FNRQ a critiqué la décision de l'arbitre.", "FNRQ"),
        ("Le SNPEC a perdu les élections professionnelles de dimanche.", "SNPEC"),
        ("Le parquet a ouvert une enquête pour homicide involontaire.", "parquet"),
        ("La gendarmerie a bouclé le quartier pendant trois heures.", "gendarmerie"),
        # a local unit: the phrase with its place, not the national body the gazetteer knows
        ("La gendarmerie de Vienne a lancé un appel à témoins.", "gendarmerie de Vienne"),
        ("Le rectorat de Grenoble a fermé deux classes.", "rectorat de Grenoble"),
        # ... even when the gazetteer knows the national body's name
        ("L'Agence régionale de santé d'Occitanie a confirmé trois cas.", "Agence régionale de santé d'Occitanie"),
        ("Les écoles de la Fédération Wallonie-Bruxelles rouvrent lundi.", "Fédération Wallonie-Bruxelles"),
        (
            "Selon le ministère de la Santé et des Services sociaux, le virus recule.",
            "ministère de la Santé et des Services sociaux",
        ),
        ("Le ministère des Affaires étrangères a convoqué l'ambassadeur.", "ministère des Affaires étrangères"),
        (
            "Les ministères de la Défense et de l'Intérieur ont publié un bilan.",
            "ministères de la Défense et de l'Intérieur",
        ),
        # a name the model calls a person, after a definite article: people take none
        ("Le groupe a racheté la Brasserie Meteor en 2021.", "Brasserie Meteor"),
        # ... or holding a word only organisations' names hold
        ("Martin Productions a licencié dix salariés en mars.", "Martin Productions"),
        # a company named after the noun of its trade
        ("L'enseigne Castelbrun a fermé son magasin de Lille.", "enseigne Castelbrun"),
        ("Le constructeur Valmora a rappelé dix mille voitures.", "constructeur Valmora"),
        # a participle or an adjective the tagger calls a verb stays in the name
        ("L'agence des Nations unies pour les réfugiés alerte sur la famine.", "Nations unies"),
        # institutions with a lower-case head
        ("L'enquête a été confiée à la sûreté départementale.", "sûreté départementale"),
        ("La douane française a saisi deux tonnes de cocaïne.", "douane française"),
    ],
)
def test_organisations_the_model_misses(text, org) -> None:
    doc = quotex.extract(text)
    assert org in names(doc, "ORG"), [(e.name, e.label) for e in doc.entities]


@pytest.mark.parametrize(
    "text,word",
    [
        ("Le PDG a présenté les résultats du trimestre.", "PDG"),
        ("LE MAIRE DÉMISSIONNE", "MAIRE"),
        ("Le chef a acheté une voiture neuve.", "chef"),
        ("Les services d'Ignazio Cassis ont réagi dans la soirée.", "services"),
        # ... unless it begins with a first name
        ("La réponse est venue de la Marie Dubois des grands soirs.", "Marie"),
        # an article links an organisation's words only after "de" or "à"
        ("Les vols ont coûté deux millions à l'entreprise l'an dernier.", "an dernier"),
        # how the paper reached its source, opening a sentence
        ("Contactée, la direction de l'usine dément toute fermeture.", "Contactée"),
        # the verb after an organisation's name is no part of it
        ("Le syndicat Force Ouvrière appelle à la grève jeudi.", "appelle"),
        ("La préfecture du Rhône indique que la route restera fermée.", "indique"),
        ("Le laboratoire Pierre Fabre ferme une usine dans le Tarn.", "ferme"),
    ],
)
def test_what_is_not_an_organisation(text, word) -> None:
    doc = quotex.extract(text)
    assert not any(word in e.name for e in doc.entities if e.label == "ORG")


def test_gazetteer_names_an_acronym_in_full() -> None:
    # the name is the article's ("LNR"); the gazetteer's full form is the canonical name and an alias
    doc = quotex.extract("Le président de la LNR a critiqué la décision de l'arbitre samedi.")
    org = names(doc, "ORG")["LNR"]
    assert org.canonical == "Ligue nationale de rugby"
    assert "Ligue nationale de rugby" in org.aliases


def test_name_is_the_gazetteer_form_when_the_article_writes_it() -> None:
    doc = quotex.extract(
        "Le Parti communiste français a dénoncé la mesure. Le PCF « ne laissera pas faire », "
        "a déclaré son porte-parole."
    )
    org = names(doc, "ORG")["Parti communiste français"]
    assert org.canonical == "Parti communiste français"
    assert "PCF" in org.aliases


def test_hyphenated_surname_stays_whole() -> None:
    doc = quotex.extract("« Ce n'est pas le moment », a déclaré Najib Haddad-Morel jeudi à la presse.")
    assert "Najib Haddad-Morel" in names(doc, "PERSON")


def _full_scan(text: str, start: int, end: int):
    from quotex.entities.gazetteer import _gazetteer

    exact, folded, _ = _gazetteer()
    return sorted((m.start(), m.end(), m.group(0)) for a in (exact, folded) for m in a.scan.finditer(text, start, end))


def test_gazetteer_word_index_finds_what_a_full_scan_finds() -> None:
    """Aliases are tried only at the start of a word that begins one: the same matches as scanning
    every position with the whole alternation, on article text and on runs of aliases glued with
    hyphens, apostrophes, odd case and line breaks."""
    import random
    from pathlib import Path

    from quotex import resources
    from quotex.entities.gazetteer import _gazetteer, _scan

    exact, folded, _ = _gazetteer()
    texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "data").glob("*.txt"))]
    aliases = [a for item in resources.organisations() for a in [item["name"], *item.get("aliases", [])]]
    rnd = random.Random(3)
    for _ in range(300):
        words = [
            rnd.choice(aliases) if rnd.random() < 0.6 else rnd.choice(["le", "la", "de l'", "l’", "x", "-"])
            for _ in range(8)
        ]
        glued = "".join(w + rnd.choice([" ", "-", "'", "\n", ", ", ""]) for w in words)
        texts.append(rnd.choice([glued, glued.upper(), glued.lower()]))
    found = 0
    for text in texts:
        for start, end in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
            got = sorted(_scan((exact, folded), text, start, end))
            assert got == _full_scan(text, start, end), text[:200]
            found += len(got)
    assert found > 300


@pytest.mark.parametrize(
    "text",
    [
        "Samedi matin, le préfet a visité le centre de secours.",
        "Dimanche soir, la maire a réuni son conseil en urgence.",
    ],
)
def test_a_day_opening_a_sentence_is_nobody(text: str) -> None:
    doc = quotex.extract(text)
    assert not any(e.name.split()[0] in ("Samedi", "Dimanche") for e in doc.people), [e.name for e in doc.people]


def test_a_place_after_a_role_is_no_name() -> None:
    # "le procureur de la République de Rennes": the phrase names a place, not the person
    doc = quotex.extract("Le procureur de la République de Rennes ouvre une enquête sur la noyade.")
    assert not any(e.name.startswith("de ") or e.name == "Rennes" for e in doc.people), [e.name for e in doc.people]


def test_a_name_after_de_holds_no_role() -> None:
    # "l'avocat de M. Lefort": the lawyer's function is not Lefort's
    doc = quotex.extract("Bernard Lefort a été condamné. L'avocat de M. Lefort a annoncé un appel.")
    people = names(doc, "PERSON")
    assert "Bernard Lefort" in people, list(people)
    assert people["Bernard Lefort"].role is None


@pytest.mark.parametrize(
    "text,role",
    [
        # the model tags "ministre de la Culture" as an organisation: it describes a person
        ("Le ministre de la Formation professionnelle a répondu aux syndicats mardi.", "ministre"),
        ("Le ministre des Affaires étrangères a reçu son homologue malien à Dakar.", "ministre"),
        ("La ministre de la Culture a visité le musée de Rouen samedi.", "ministre"),
        # ... and a role written with capitals, as many papers write titles
        ("Le Premier ministre a reçu les syndicats lundi soir.", "premier"),
        ("Le Président de la République a parlé aux Français.", "président"),
        ("Le Premier ministre, François Bayrou, a reçu les présidents de groupe.", "premier"),
    ],
)
def test_a_role_is_no_entity(text: str, role: str) -> None:
    doc = quotex.extract(text)
    assert not any(e.name.lower().startswith(role) for e in doc.entities), [(e.label, e.name) for e in doc.entities]


def test_a_noun_opening_a_headline_is_nobody() -> None:
    # "Sécheresse" opens the headline, "la sécheresse" follows in lower case: a common noun
    doc = quotex.extract(
        "Sécheresse : les agriculteurs inquiets\n\nLa sécheresse touche la région depuis juin, a expliqué la préfète."
    )
    assert "Sécheresse" not in names(doc, "PERSON"), [e.name for e in doc.people]


def test_a_surname_opening_a_sentence_stays_a_name() -> None:
    # "Boulanger" opens a sentence and "boulanger" is a common noun, but the surname is written
    # capitalised inside a sentence too
    doc = quotex.extract(
        "Le boulanger du village, Marc Boulanger, ferme sa boutique. Boulanger a annoncé la nouvelle "
        "dimanche aux habitants."
    )
    assert any("Boulanger" in e.name for e in doc.people), [e.name for e in doc.people]


@pytest.mark.parametrize(
    "surface,name",
    [
        ("ministre Merad", "Merad"),
        ("général Diallo Traoré", "Diallo Traoré"),
        ("ministre de la Culture", None),
        ("Paul Roux", None),
    ],
)
def test_a_role_before_a_name_in_one_span(surface: str, name: Optional[str]) -> None:
    # the model sometimes tags "ministre Merad" as one organisation: the name is the words after the role
    at = _titled_name(surface)
    assert (surface[at:] if at is not None else None) == name


def test_a_bare_body_noun_joins_the_organisation_it_heads() -> None:
    doc = quotex.extract("La préfecture du Rhône a fermé la route. Selon la préfecture, les travaux dureront un mois.")
    orgs = names(doc, "ORG")
    assert "préfecture du Rhône" in orgs and "préfecture" not in orgs, list(orgs)
    assert [m.text for m in orgs["préfecture du Rhône"].mentions] == ["préfecture du Rhône", "préfecture"]


def test_a_bare_noun_heading_two_organisations_joins_neither() -> None:
    doc = quotex.extract(
        "Le ministère de la Santé et le ministère de l'Intérieur ont publié un bilan. "
        "Selon le ministère, le nombre de cas recule."
    )
    orgs = names(doc, "ORG")
    assert "ministère de la Santé" in orgs and "ministère de l'Intérieur" in orgs, list(orgs)
    assert all(len(e.mentions) == 1 for e in orgs.values()), list(orgs)


def test_a_body_named_short_in_lower_case_joins_its_full_name() -> None:
    doc = quotex.extract(
        "L'Agence régionale de santé d'Occitanie a confirmé trois cas. « La situation est sous "
        "contrôle », indique l'agence régionale."
    )
    orgs = names(doc, "ORG")
    assert list(orgs) == ["Agence régionale de santé d'Occitanie"], list(orgs)
    assert doc.speaker_of(doc.quotes[0]).name == "Agence régionale de santé d'Occitanie"


def test_a_surname_with_its_particle_is_one_name() -> None:
    doc = quotex.extract(
        "Sa présidente, Marine Le Pen, a fait savoir qu'elle se prononcerait plus tard.\n\n"
        "Marine Le Pen a parlé mardi. Hier, Le Pen a répondu à ses critiques."
    )
    people = names(doc, "PERSON")
    assert list(people) == ["Marine Le Pen"], list(people)
    assert [m.text for m in people["Marine Le Pen"].mentions] == ["Marine Le Pen", "Marine Le Pen", "Le Pen"]


def test_a_first_name_after_an_article_opens_no_person() -> None:
    doc = quotex.extract("La Marine nationale a tiré deux missiles. Selon la Marine nationale, rien ne presse.")
    assert "Marine nationale" in names(doc, "ORG"), [(e.name, e.label) for e in doc.entities]
    assert not names(doc, "PERSON")


def test_a_capitalised_role_before_a_name_is_its_role() -> None:
    doc = quotex.extract("Le Président Macron a reçu la Ministre Dupont à l'Élysée.")
    people = names(doc, "PERSON")
    assert people["Macron"].role == "Président" and people["Dupont"].role == "Ministre", list(people)


@pytest.mark.parametrize(
    "text,surname,role",
    [
        ("Le maire Marchand a admis une erreur de communication.", "Marchand", "maire"),
        ("Selon la juge Boulanger, le dossier est vide.", "Boulanger", "juge"),
    ],
)
def test_a_surname_alone_after_its_role_is_a_person(text: str, surname: str, role: str) -> None:
    people = names(quotex.extract(text), "PERSON")
    assert surname in people and people[surname].role == role, list(people)


def test_a_party_after_a_role_is_no_person() -> None:
    assert not names(quotex.extract("Le député LR a voté contre le texte."), "PERSON")


@pytest.mark.parametrize(
    "text,org",
    [
        ("Leroy Merlin recrute cinq cents personnes cet été.", "Leroy Merlin"),
        ("Saint-Gobain a racheté un fabricant de plâtre.", "Saint-Gobain"),
        ("Carrefour Market ferme trois supérettes en Bretagne.", "Carrefour Market"),
        ("Le maire a été l'invité de France Bleu Isère mardi matin.", "France Bleu"),
        ("Joint par Nice-Matin, le gérant n'a pas souhaité répondre.", "Nice-Matin"),
    ],
)
def test_companies_the_gazetteer_knows(text: str, org: str) -> None:
    assert org in names(quotex.extract(text), "ORG"), [(e.name, e.label) for e in quotex.extract(text).entities]


@pytest.mark.parametrize(
    "text,person",
    [
        ("Martin Bouygues a vendu ses parts du groupe.", "Martin Bouygues"),
        ("Paul Renault a démissionné de son poste mardi.", "Paul Renault"),
        ("Léonard de Vinci a peint la Joconde.", "Léonard de Vinci"),
    ],
)
def test_a_company_name_after_a_first_name_is_a_surname(text: str, person: str) -> None:
    doc = quotex.extract(text)
    assert person in names(doc, "PERSON"), [(e.name, e.label) for e in doc.entities]


def test_how_the_paper_reached_its_source_names_nobody() -> None:
    doc = quotex.extract(
        "La secrétaire générale de la CGT, Sophie Binet, a appelé à manifester. Invitée de France Inter, "
        "la syndicaliste a jugé la réforme injuste."
    )
    assert not any(e.name.startswith("Invitée") for e in doc.entities), [(e.name, e.label) for e in doc.entities]


def test_a_name_written_once_as_an_organisation_is_one_entity() -> None:
    doc = quotex.extract(
        "Hôpital de Lannion : les soignants alertent\n\n"
        "Une cinquantaine de soignants se sont rassemblés mardi devant l'hôpital de Lannion."
    )
    found = [e for e in doc.entities if "lannion" in e.name.lower()]
    assert len(found) == 1 and found[0].label == "ORG" and len(found[0].mentions) == 2, [
        (e.name, e.label) for e in doc.entities
    ]


@pytest.mark.parametrize("text,person", [("Léa, 19 ans, était étudiante à Nantes.", "Léa")])
def test_a_first_name_before_an_age_is_a_person(text: str, person: str) -> None:
    doc = quotex.extract(text)
    assert person in names(doc, "PERSON"), [(e.name, e.label) for e in doc.entities]


@pytest.mark.parametrize(
    "text,person,role",
    [
        ("Boulangère à Lons depuis 1998, Sylvie Cart a fermé sa boutique mardi.", "Sylvie Cart", "Boulangère à Lons"),
        ("Maire de Dole depuis 2020, Anne Roy brigue un second mandat.", "Anne Roy", "Maire de Dole"),
    ],
)
def test_a_role_opening_the_sentence_is_the_role_of_the_name_after_it(text: str, person: str, role: str) -> None:
    doc = quotex.extract(text)
    people = names(doc, "PERSON")
    assert person in people and (people[person].role or "").startswith(role), [(e.name, e.role) for e in doc.entities]
    assert role.split()[0] not in people  # the capitalised trade is no person of its own


def test_a_bracketed_acronym_after_an_organisation_is_its_alias() -> None:
    doc = quotex.extract(
        "Un accord a été signé avec l'Union régionale des apiculteurs du Jura (URAJ). L'URAJ s'en félicite."
    )
    orgs = names(doc, "ORG")
    assert "URAJ" not in orgs, [(e.name, e.aliases) for e in doc.entities]
    full = next(e for e in doc.entities if e.label == "ORG" and "URAJ" in e.aliases)
    assert sum(m.text == "URAJ" for m in full.mentions) == 2


@pytest.mark.parametrize(
    "text,wrong",
    [("Météo-France a placé le département en vigilance orange.", "département en vigilance")],
)
def test_a_phrase_after_en_is_no_part_of_an_organisation(text: str, wrong: str) -> None:
    assert wrong not in names(quotex.extract(text), "ORG")
