"""The specification article: the quotations, speakers and entities it must give."""

from __future__ import annotations

import pytest
from conftest import assert_offsets

SEED_TABLE = [
    ("indirect", "Le ministère américain de la Défense n’envisage pas", "Michelle Baldanza", "a annoncé"),
    ("direct", "À ce jour, nous n'envisageons", "Michelle Baldanza", "a annoncé"),
    ("indirect", "les Etats-Unis discutent toutefois", "Michelle Baldanza", "ajoutant"),
    ("indirect", "le Pentagone continuera à respecter", "Michelle Baldanza", "Selon"),
    ("mixed", "Quant aux objectifs américains en Syrie", "Michelle Baldanza", "d'après"),
    ("indirect", "prêtes à coopérer avec la Russie", "forces kurdes", "se sont dites"),
    ("indirect", "Moscou était prêt à conjuguer ses efforts", "Sergueï Lavrov", "a annoncé"),
    ("indirect", "d'effectuer des frappes aériennes conjointes", "Sergueï Choïgou", "a proposé"),
]


def test_seed_quotes_in_order(seed_doc) -> None:
    quotes = [q for q in seed_doc.quotes if not q.content.text.startswith("le début de l'opération")]
    assert len(quotes) == len(SEED_TABLE)
    for q, (qtype, start, speaker, cue) in zip(quotes, SEED_TABLE):
        assert q.type == qtype, q
        assert q.content.text.strip('"«» ').startswith(start)
        ent = seed_doc.speaker_of(q)
        assert ent is not None and speaker.lower() in ent.name.lower()
        assert q.cue is not None and q.cue.text == cue


def test_seed_title(seed_doc) -> None:
    assert seed_doc.title is not None
    assert seed_doc.title.text.startswith("Syrie: Washington opposé")


@pytest.mark.parametrize(
    "line",
    [
        "S'abonner",
        "Raqqa - Sputnik Afrique",
        "La Russie coopérera avec les USA et les Kurdes pour libérer Raqqa",
        "Daech bat en retraite sous les coups des milices kurdes à Raqqa",
        "Fil d’actu",
        "0",
        "Pour participer aux discussions, identifiez-vous ou créez-vous un compte",
        "loader",
        "Chat",
        "Заголовок открываемого материала",
    ],
)
def test_seed_boilerplate(seed_doc, line: str) -> None:
    removed = [b.span.text for b in seed_doc.boilerplate]
    assert line in removed
    for q in seed_doc.quotes:
        assert line not in q.content.text
    for e in seed_doc.entities:
        for m in e.mentions:
            assert not any(b.span.start <= m.start < b.span.end for b in seed_doc.boilerplate)


def test_seed_people_roles(seed_doc) -> None:
    people = {e.name: e for e in seed_doc.people}
    assert people["Michelle Baldanza"].role == "porte-parole du Pentagone"
    assert seed_doc.entity(people["Michelle Baldanza"].affiliation).name == "Pentagone"
    assert people["Michelle Baldanza"].gender == "f"
    assert "Baldanza" in people["Michelle Baldanza"].aliases
    assert people["Sergueï Lavrov"].role == "chef de la diplomatie russe"
    assert people["Sergueï Choïgou"].role == "ministre russe de la Défense"


def test_seed_organisations(seed_doc) -> None:
    orgs = {e.name: e for e in seed_doc.organisations}
    for name in ("Pentagone", "Forces démocratiques syriennes", "Daech", "Sputnik"):
        assert name in orgs
    assert "EI" in orgs["Daech"].aliases
    assert "ministère américain de la Défense" in orgs["Pentagone"].aliases
    assert any(e.name == "Raqqa" for e in seed_doc.places)
    # Sputnik is an organisation, never a person
    assert not any("Sputnik" in e.name for e in seed_doc.people)


def test_seed_offsets_and_json(seed_doc) -> None:
    from quotex import Document

    assert_offsets(seed_doc)
    again = Document.from_json(seed_doc.to_json())
    assert again == seed_doc
    d = seed_doc.to_dict()
    assert d["quotes"][0]["speaker_name"] == "Michelle Baldanza"
