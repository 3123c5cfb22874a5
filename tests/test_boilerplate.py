"""Stage 1 and 2 without the model: line verdicts, title, paragraphs."""

from __future__ import annotations

import pytest

from quotex.boilerplate import analyse_lines, split_lines
from quotex.paragraphs import paragraphs

BODY = (
    "Le conseil municipal a voté mardi soir la rénovation complète de la piscine olympique, "
    "fermée depuis deux ans pour des raisons de sécurité. Les travaux doivent durer dix-huit mois."
)
BODY2 = (
    "L'opposition a dénoncé un coût trop élevé pour les finances de la commune, "
    "qui reste très endettée après la construction du nouveau stade."
)

# (line, reason): page furniture as French news sites word it
BOILERPLATE_LINES = [
    ("Abonnez-vous", "subscribe"),
    ("Réservé aux abonnés", "subscribe"),
    ("Déjà abonné ? Connectez-vous", "subscribe"),
    ("Cet article est réservé aux abonnés. Il vous reste 80 % à découvrir.", "subscribe"),
    ("Partager sur Facebook", "share"),
    ("Envoyer par e-mail", "share"),
    ("Imprimer", "share"),
    ("Lire aussi : Le prix de l'essence atteint un nouveau record", "related-link"),
    ("À lire aussi", "related-link"),
    ("Sur le même sujet", "related-link"),
    ("Publicité", "advertising"),
    ("Contenu sponsorisé", "advertising"),
    ("12 commentaires", "counter"),
    ("356", "counter"),
    ("Connectez-vous pour réagir à cet article", "subscribe"),
    ("Newsletter : recevez chaque matin l'essentiel de l'actualité", "newsletter"),
    ("Nous utilisons des cookies pour améliorer votre expérience de navigation.", "cookie"),
    ("Accepter et fermer", "cookie"),
    ("Photo : AFP", "credit"),
    ("© Reuters", "credit"),
    ("(AFP)", "credit"),
    ("Publié le 12 mars 2021 à 10h05", "dateline"),
    ("Mis à jour le 3 janvier 2024 à 18:30", "dateline"),
    ("12 juin 2023, 08:15", "dateline"),
    # a date stamp with its labels: more than half of the words are dates, times or numbers
    ("4 mai 2022 09:12; Modif. 04.05.2022 10:40 Imprimer", "dateline"),
    ("Lundi 8 avril 2024 | Rédaction", "dateline"),
    ("Par Jeanne Martin", "byline"),
    ("Temps de lecture : 4 min", "ui-label"),
    ("Chargement en cours", "chat-widget"),
    ("Menu", "chat-widget"),
    ("Войти в аккаунт", "foreign-script"),
    ("登录以继续", "foreign-script"),
    ("تسجيل الدخول", "foreign-script"),
    ("***", "ui-label"),
    ("photo_principale_2023.jpg", "ui-label"),
    # signatures and page shapes, by their form
    ("- Camille Roche croche@exemple-journal.fr", "byline"),
    ("- P.D.", "byline"),
    ("JR/mk/BLG", "credit"),
    ("(CD/La Gazette)", "credit"),
    ("Sophie Vandamme", "byline"),
    ("Accueil | Économie | Agriculture", "ui-label"),
    ("— Mairie de Sarlat (@VilleSarlat) March 3, 2024", "social-post"),
    ("Le pont suspendu lors de son inauguration - Marc Dufresne / AFP", "credit"),
    ("Les pompiers sont intervenus rapidement sur les lieux de l'accident - Photo Belga", "credit"),
    ("Le Figaro.fr avec AFP", "credit"),
    # what follows a headline: an author with a date stamp, reading tools, a caption label
    ("Par Lise Perrot , Mise à jour le 03/12/2025 à 06:10", "byline"),
    ("Correspondante à Genève", "byline"),
    ("Article rédigé par la rédaction", "byline"),
    ("Le maire et la préfète ont inauguré le nouveau pont samedi matin (Photo Marc Lenoir)", "credit"),
    ("L’espace des commentaires est fermé pour cet article.", "comment-prompt"),
    ("Aucun commentaire pour le moment", "comment-prompt"),
    ("Soyez la première à commenter cet article", "comment-prompt"),
    ("• il y a 5 heures", "dateline"),
    ("Propos recueillis par Léa Morin", "byline"),
    ("avec AFP , modifié à", "credit"),
    ("Écouter cet article", "ui-label"),
    ("Photo d'illustration", "credit"),
    ("Le quai de la gare un soir de grève. (Photo d'archives)", "credit"),
    # a short sentence to the reader, outside quotation marks
    ("Merci de votre fidélité et bonne lecture !", "ui-label"),
    ("Bonne lecture et à très vite sur votre site préféré !", "ui-label"),
]


@pytest.mark.parametrize("line,reason", BOILERPLATE_LINES, ids=[line for line, _ in BOILERPLATE_LINES])
def test_boilerplate_line(line: str, reason: str) -> None:
    text = f"{BODY}\n{line}\n{BODY2}"
    a = analyse_lines(text)
    assert a.reasons.get(1) == reason, a.reasons
    assert a.is_article(0) and a.is_article(2)


ARTICLE_LINES = [
    "Le ministre a annoncé la fermeture de trois usines.",
    "« Nous ne partirons pas », a déclaré la syndicaliste Anne Roy.",
    "Pourquoi ces travaux durent-ils aussi longtemps ?",
    "Les cookies de la boulangerie Martin ont remporté le concours régional des pâtissiers.",
    "Le journal a publié dimanche une enquête sur les abonnés fantômes des réseaux sociaux et leur poids dans le débat.",
    "La carte de la ville",
    # subheadings with a number stay
    "Déjà 40 kilomètres de bouchons",
    "Trois blessés en 2022",
    # a sentence of the article starting like a time stamp
    "Il y a 3 ans, le maire avait déjà promis de rénover la piscine municipale.",
    # quoted words to "vous" are somebody's speech, not the page talking to its reader
    "« Vous ne passerez pas », a lancé le maire aux manifestants.",
]


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_lines_are_kept(line: str) -> None:
    text = f"{BODY}\n{line}\n{BODY2}"
    a = analyse_lines(text)
    assert 1 not in a.reasons, a.reasons


def test_title_and_teasers() -> None:
    text = "\n".join(
        [
            "Publicité",
            "Grève à la SNCF : le trafic très perturbé jeudi",
            "",
            BODY,
            "Lyon - Le Progrès",
            "Un incendie ravage un entrepôt dans la banlieue lyonnaise",
            BODY2,
        ]
    )
    a = analyse_lines(text)
    assert a.title == 1
    assert a.reasons[0] == "advertising"
    assert a.reasons[4] == "related-link" and a.reasons[5] == "related-link"
    assert a.is_article(3) and a.is_article(6)


def test_comment_section_after_the_article() -> None:
    for header in ("Vos réactions", "Commentaires", "Réagissez"):
        text = "\n".join(
            [BODY, BODY2, header, "Quel scandale, il faut que ça change !!", "Je suis d'accord avec vous."]
        )
        a = analyse_lines(text)
        assert all(a.reasons.get(i) == "comment-prompt" for i in (2, 3, 4)), header
        assert a.is_article(0) and a.is_article(1)


def test_related_block_runs_to_the_next_article_paragraph() -> None:
    text = "\n".join(
        [BODY, "À lire aussi", "Le maire veut fermer deux écoles", "Les parents d'élèves en colère", BODY2]
    )
    a = analyse_lines(text)
    assert [a.reasons.get(i) for i in (1, 2, 3)] == ["related-link"] * 3
    assert a.is_article(4)


def test_pull_quote_repeating_the_body() -> None:
    body = "Les habitants s'inquiètent. « On ne trouve plus de médecin dans tout le canton depuis des mois », soupire Marie Lebrun."
    text = "\n".join([BODY, BODY2, BODY3, "On ne trouve plus de médecin dans tout le canton - Marie Lebrun", body])
    a = analyse_lines(text)
    assert a.reasons.get(3) == "pull-quote"
    assert a.is_article(4)


def test_a_headline_repeated_by_the_lede_and_a_quotation_said_twice_stay() -> None:
    lines = [
        "Inondations à Morlaix : les commerçants comptent les dégâts",
        "Inondations à Morlaix : les commerçants comptent les dégâts après la crue de la nuit, "
        "la troisième en dix ans dans le centre historique.",
        BODY,
        "« On a tout perdu en une nuit »",
        BODY2,
        "Au marché, un fleuriste résume la colère des autres : « On a tout perdu en une nuit », "
        "répète-t-il en montrant sa vitrine.",
        BODY3,
    ]
    a = analyse_lines("\n".join(lines))
    assert not {0, 1, 3, 5} & set(a.reasons), a.reasons


def test_offsets_of_lines_and_crlf() -> None:
    text = "Titre de l'article du jour\r\n\r\nPremier paragraphe du texte.\r\nDeuxième paragraphe ici."
    lines = split_lines(text)
    for ln in lines:
        assert text[ln.start : ln.end] == ln.text
        assert "\r" not in ln.text
    a = analyse_lines(text)
    for b in a.boilerplate(text):
        assert text[b.span.start : b.span.end] == b.span.text


def test_hard_wrapped_lines_are_joined() -> None:
    text = "Le gouvernement a présenté mercredi un plan\nde relance de l'industrie automobile.\n\nUn second paragraphe commence ici."
    a = analyse_lines(text)
    ps = paragraphs(text, a)
    assert len(ps) == 2
    assert ps[0].span.text == "Le gouvernement a présenté mercredi un plan\nde relance de l'industrie automobile."


def test_one_paragraph_per_line() -> None:
    text = "Première phrase du texte.\nDeuxième ligne, un autre paragraphe.\nTroisième."
    ps = paragraphs(text, analyse_lines(text))
    assert [p.span.text for p in ps] == [
        "Première phrase du texte.",
        "Deuxième ligne, un autre paragraphe.",
        "Troisième.",
    ]


def test_a_subheading_is_not_joined_to_the_quotation_under_it() -> None:
    text = (
        "Le maire a présenté le budget devant le conseil municipal lundi soir.\n"
        "Une hausse limitée pour les ménages\n"
        "« Les impôts locaux n'augmenteront que de 1 % », a-t-il promis devant les élus."
    )
    quoted = [p.span.text for p in paragraphs(text, analyse_lines(text)) if "impôts" in p.span.text]
    assert quoted == ["« Les impôts locaux n'augmenteront que de 1 % », a-t-il promis devant les élus."]


def test_a_wrapped_line_goes_on_with_the_quotation_opening_the_next() -> None:
    text = (
        "Devant les élus réunis lundi soir pour le vote du budget, le maire a lancé\n"
        "« les impôts locaux n'augmenteront pas » avant de quitter la salle."
    )
    assert len(paragraphs(text, analyse_lines(text))) == 1


def test_a_line_written_twice_in_a_row_is_a_caption() -> None:
    cap = "Le maire devant la salle des fêtes rénovée, samedi matin."
    text = f"Rénovation de la salle des fêtes\n{BODY}\n{cap}\n{cap}\n{BODY2}"
    a = analyse_lines(text)
    assert a.reasons.get(2) == "duplicate" and a.reasons.get(3) == "duplicate"
    assert 1 not in a.reasons and 4 not in a.reasons


def test_runs_of_topic_colon_teasers() -> None:
    teasers = [
        "Football : le club recrute un nouvel attaquant",
        "Météo : des orages attendus dimanche",
        "Justice : le procès renvoyé au printemps",
    ]
    text = "\n".join([BODY, BODY2, *teasers])
    a = analyse_lines(text)
    assert all(a.reasons.get(i) == "related-link" for i in (2, 3, 4)), a.reasons
    assert 0 not in a.reasons and 1 not in a.reasons


def test_rubric_label_above_the_headline() -> None:
    text = "Politique en Wallonie\nLe budget régional adopté après une nuit de débats\n" + BODY
    a = analyse_lines(text)
    assert a.reasons.get(0) == "ui-label"
    assert a.title == 1


@pytest.mark.parametrize(
    "label",
    ["Le Courrier du Jura (Dole)", "Afficher mon espace lecteur", "Partager Imprimer Commenter Favoris"],
)
def test_a_first_line_sharing_no_word_with_the_article_is_no_headline(label: str) -> None:
    """A headline takes up words of its article; a site label or a UI string takes up none."""
    text = "\n".join([label, "La piscine olympique rouvrira dans dix-huit mois", BODY, BODY2, BODY3])
    a = analyse_lines(text)
    assert a.title == 1
    assert 0 in a.reasons


@pytest.mark.parametrize("first", ["« On ne lâchera rien »", "Le budget régional adopté après une nuit de débats"])
def test_a_headline_stays_whatever_its_words_on_a_short_page_or_quoting(first: str) -> None:
    assert analyse_lines("\n".join([first, BODY, BODY2])).title == 0
    assert analyse_lines("\n".join(["« On ne lâchera rien »", BODY, BODY2, BODY3])).title == 0


BODY3 = (
    "Le maire a répondu que l'emprunt serait remboursé en quinze ans, sans hausse des impôts locaux, "
    "grâce aux recettes de la future zone commerciale."
)
# labels at the foot of a page that no phrase or shape rule knows: few words, no function words,
# capitals, after the prose
FOOT = ["Météo Provence Alpes Côte d'Azur Var Vaucluse", "Marseille Olympique"]


def test_the_line_model_removes_what_the_rules_keep() -> None:
    text = "\n".join(["Rénovation de la piscine : le conseil municipal dit oui", BODY, BODY2, BODY3, *FOOT])
    rules = analyse_lines(text, model=False)
    full = analyse_lines(text)
    assert 4 not in rules.reasons and 5 not in rules.reasons
    assert full.reasons.get(4) == "furniture" and full.reasons.get(5) == "furniture"
    assert full.title == 0 and not {1, 2, 3} & set(full.reasons)


def test_the_line_model_keeps_prose_and_quotations() -> None:
    quote = "« Nous ne fermerons pas la piscine cet été », a assuré l'adjointe aux sports."
    short = "Le vote a eu lieu à main levée."
    text = "\n".join(["Rénovation de la piscine : le conseil municipal dit oui", BODY, quote, short, BODY2, BODY3])
    a = analyse_lines(text)
    assert not set(a.reasons), a.reasons


def test_the_shipped_line_model_matches_the_features() -> None:
    from quotex import linemodel

    m = linemodel._model()
    assert m["features"] == list(linemodel.NAMES)
    assert len(m["weights"]) == len(m["mean"]) == len(m["scale"]) == len(linemodel.NAMES)
    assert 0.5 <= linemodel.threshold() < 1.0


def test_the_line_model_never_removes_dialogue_turns() -> None:
    text = "\n".join(
        [
            "Il faisait nuit quand le train entra en gare de Lyon, et la pluie battait les vitres du wagon.",
            "— Vous descendez ici ?",
            "— Oui, Madame Roche.",
            "— Alors bonne chance.",
            "— Merci, Jules.",
            "Elle prit sa valise et disparut dans la foule sans se retourner une seule fois vers lui.",
        ]
    )
    a = analyse_lines(text)
    assert not {1, 2, 3, 4} & set(a.reasons), a.reasons


def test_short_labels_away_from_prose_go_and_subheadings_stay() -> None:
    """Lines of one to three words are judged by their neighbours (the pass after the line
    model): by no prose they are labels of the page; next to a paragraph of prose they head it."""
    from quotex.boilerplate import _mark_stray_labels, read_page

    lines = [
        "Rénovation de la piscine : le conseil municipal dit oui",
        BODY,
        "Un emprunt sur quinze ans",
        BODY2,
        BODY3,
        "Abonnez-vous à notre lettre",
        "Sur ce sujet",
        "Incendie à Toulon : trois familles relogées par la mairie",
        "Provence",
    ]
    page = read_page(split_lines("\n".join(lines)))
    page.reasons.update({5: "subscribe", 7: "furniture"})  # what the rules and the model found
    _mark_stray_labels(page, title=0)
    assert page.reasons.get(6) == "ui-label" and page.reasons.get(8) == "ui-label"
    assert not {0, 1, 2, 3, 4} & set(page.reasons)
    # a headline-shaped line between two lines judged boilerplate is a teaser; next to prose it stays
    teasers = [
        BODY,
        BODY2,
        "Abonnez-vous à notre lettre",
        "Incendie à Toulon : trois familles relogées par la mairie",
        "Voir les commentaires",
        "Le marché de Noël ouvrira plus tôt cette année",
        BODY3,
    ]
    page = read_page(split_lines("\n".join(teasers)))
    page.reasons.update({2: "subscribe", 4: "comment-prompt"})
    _mark_stray_labels(page, title=None)
    assert page.reasons.get(3) == "related-link" and 5 not in page.reasons
    # on the whole page: the subheading between two paragraphs stays, and the pass is not part of
    # the rules the line model learns from
    text = "\n".join(lines[:5])
    assert 2 not in analyse_lines(text).reasons
    assert set(analyse_lines(text, model=False).reasons) <= set(analyse_lines(text).reasons)


def test_numbered_teasers_go_and_the_headline_stays() -> None:
    """A line that opens on a number and ends no sentence is a list teaser or a stamp, unless it
    is the headline."""
    lines = [
        "3 000 signatures pour rouvrir la piscine olympique",
        BODY,
        BODY2,
        BODY3,
        "Les plus lus",
        "1. Un incendie ravage un entrepôt près de la gare",
        "14:05 Le conseil départemental vote son budget",
    ]
    a = analyse_lines("\n".join(lines))
    assert a.title == 0
    assert {5, 6} <= set(a.reasons), a.reasons
    assert not {0, 1, 2, 3} & set(a.reasons)


def test_a_question_to_the_reader_goes_and_an_interview_question_stays() -> None:
    lines = [
        "Entretien avec la nouvelle directrice du musée",
        BODY,
        "Vous avez pris vos fonctions en janvier. Qu'avez-vous trouvé en arrivant ?",
        BODY2,
        BODY3,
        "Vous avez aimé cet article ?",
        "Partager sur Facebook",
    ]
    a = analyse_lines("\n".join(lines))
    assert 5 in a.reasons, a.reasons
    assert 2 not in a.reasons


def test_title_case_labels_go_and_sentence_case_subheadings_stay() -> None:
    lines = [
        "La piscine olympique rouvrira au printemps",
        BODY,
        "Un chantier de dix-huit mois",
        BODY2,
        BODY3,
        "Toute L'Actualité Du Sport Régional",
        BODY3,
    ]
    a = analyse_lines("\n".join(lines))
    assert 5 in a.reasons, a.reasons
    assert not {0, 1, 2, 3, 4, 6} & set(a.reasons), a.reasons


def test_a_short_sentence_between_boilerplate_goes_and_the_last_sentence_stays() -> None:
    lines = [
        "La piscine olympique rouvrira au printemps",
        BODY,
        "Les travaux ont commencé lundi.",
        BODY2,
        BODY3,
        "« Nous attendions ce jour depuis deux ans. »",
        "Prochaine séance du conseil en juin.",
        "Partager sur Facebook",
        "Toute la région en un clin d'oeil.",
        "Abonnez-vous à notre lettre",
    ]
    a = analyse_lines("\n".join(lines))
    assert 8 in a.reasons, a.reasons
    assert not {0, 1, 2, 3, 4, 5, 6} & set(a.reasons), a.reasons


def test_a_place_colon_headline_next_to_a_reading_time_label_stays_the_headline() -> None:
    lines = [
        "Faits divers",
        "Lons : un entrepôt de meubles détruit par les flammes",
        "Temps de lecture : 2 min",
        "Un incendie a détruit mardi soir un entrepôt de meubles de la zone industrielle de Lons.",
        "Les pompiers ont lutté pendant six heures contre les flammes, sans faire de blessé.",
    ]
    a = analyse_lines("\n".join(lines))
    assert a.title == 1, a.reasons
    assert 2 in a.reasons
