"""Who a quotation goes to: mention -> entity sieves, on sentences written for these tests.

Each case: a text, a word that begins the content of the quotation looked at, and what its
speaker's entity must be (a word of its name, or a word of its name that must NOT be there).
"""

from __future__ import annotations

from typing import Optional

import pytest

import quotex
from quotex.nouns import noun_class

# (id, text, start of the quote's content, word the speaker's name must hold, word it must not hold)
CASES: list[tuple[str, str, str, Optional[str], Optional[str]]] = [
    # a definite description goes to the person introduced with that kind of noun
    (
        "actress-described",
        "L'actrice Léa Fontaine a quitté la salle sous les huées.\n\n"
        "« Je ne regrette rien », a lancé la comédienne à la sortie.",
        "Je ne regrette rien",
        "Fontaine",
        None,
    ),
    (
        "mayor-as-edile",
        "Le maire de Vireux, Gaston Lemaire, a inauguré la passerelle samedi.\n\n"
        "« C'est un chantier de dix ans qui s'achève », a déclaré l'édile devant les habitants.",
        "C'est un chantier",
        "Lemaire",
        None,
    ),
    (
        "description-after-pronoun-learns-gender",
        "Claude Verrier a été réélue dimanche à la tête de la commune. Elle a remercié ses électeurs.\n\n"
        "Le scrutin a été marqué par une forte abstention.\n\n"
        "« Je serai la maire de tous », a promis l'élue.",
        "Je serai la maire",
        "Verrier",
        None,
    ),
    # an indefinite description is somebody new, not the person named before
    (
        "indefinite-resident",
        "Le préfet Bernard Tessier s'est rendu sur les lieux de l'incendie.\n\n"
        "« On a entendu une explosion vers minuit », raconte un habitant du quartier.",
        "On a entendu une explosion",
        "habitant",
        "Tessier",
    ),
    (
        "one-of-two-officers",
        "Le commissaire Yves Garnier a ouvert une enquête.\n\n"
        "« Il a foncé sur nous », explique un des deux policiers blessés.",
        "Il a foncé sur nous",
        "policiers",
        "Garnier",
    ),
    (
        "indefinite-source",
        "Le président Alain Poulain n'a pas souhaité s'exprimer.\n\n"
        "« Les négociations sont rompues », a affirmé une source proche du dossier.",
        "Les négociations sont rompues",
        "source",
        "Poulain",
    ),
    (
        "partitive-after-an-addressee",
        "Le ministre Henri Duclos a démenti toute attaque.\n\n"
        "« Le convoi a été attaqué à l'entrée du village », a indiqué à Reuters une de ces sources.",
        "Le convoi a été attaqué",
        "sources",
        "Duclos",
    ),
    (
        "participle-noun-after-determiner",
        "La directrice Anne Vasseur a défendu la réforme devant la presse.\n\n"
        "« On nous demande toujours plus avec moins », dénonce cet enseignant de mathématiques de Liège.",
        "On nous demande toujours",
        "enseignant",
        "Vasseur",
    ),
    # a plural description is a group, not one of the people named
    (
        "plural-group",
        "La directrice Sylvie Marchal a reçu une délégation jeudi.\n\n"
        "« Nous ne reprendrons pas le travail », ont prévenu les grévistes.",
        "Nous ne reprendrons pas",
        "grévistes",
        "Marchal",
    ),
    # what a document says goes to who issued it; an organisation's common noun to its name
    (
        "communique-issuer",
        "La préfecture du Gard a publié un communiqué jeudi soir.\n\n"
        "« La baignade reste interdite jusqu'à nouvel ordre », précise le communiqué.",
        "La baignade reste interdite",
        "préfecture",
        None,
    ),
    (
        "company-anaphor",
        "Le groupe Velmora a annoncé la fermeture de deux usines.\n\n"
        "« Cette décision a été mûrement réfléchie », a expliqué l'entreprise dans un courrier.",
        "Cette décision a été",
        "Velmora",
        None,
    ),
    (
        "institution-noun-to-its-named-office",
        "Le parquet de Nanterre a ouvert une enquête jeudi pour homicide involontaire.\n\n"
        "« Aucune piste n'est écartée à ce stade », a indiqué le parquet vendredi.",
        "Aucune piste n'est écartée",
        "Nanterre",
        None,
    ),
    # quotations without a cue
    (
        "float-after-introducing-sentence",
        "« Je n'irai pas », avait prévenu Henri Lachaud.\n\n"
        "Le docteur Martine Aubry-Lenoir reste optimiste. « Nous trouverons une solution. »",
        "Nous trouverons une solution",
        "Aubry-Lenoir",
        "Lachaud",
    ),
    (
        "pull-quote-repeats-a-later-cued-quote",
        "Les riverains ont entendu deux explosions vers 22 heures.\n\n"
        "« Que se passe-t-il ? On a entendu deux énormes détonations », écrit Martine Roussel sur un groupe local.\n\n"
        "« Le second pneu a éclaté juste devant moi, je suis tombé »\n\n"
        "Un témoin, Karim Bensaïd, était sur place. « Je suis allé voir le chauffeur. Le second pneu a éclaté "
        "juste devant moi, je suis tombé », raconte Karim Bensaïd.",
        "Le second pneu a éclaté juste devant moi, je suis tombé",
        "Bensaïd",
        "Roussel",
    ),
    (
        "unnamed-official-named-by-its-fullest-description",
        "Le ministre de l'Intérieur a réagi dans la soirée après les violences.\n\n"
        "« Ces actes seront punis », a déclaré le ministre.",
        "Ces actes seront punis",
        "Intérieur",
        None,
    ),
    (
        "pronoun-to-a-country-speaking",
        "Le ministre Paul Marchand était à Kiev lundi. L'Ukraine a dénoncé mardi une frappe sur un marché. "
        "« Ces attaques visent des civils », a-t-elle affirmé.",
        "Ces attaques visent des civils",
        "Ukraine",
        "Marchand",
    ),
    (
        "pronoun-to-a-country-opening-its-sentence",
        "La ministre Claire Vidal a salué la trêve. Le Mali a rejeté mercredi toutes les accusations "
        "portées contre son armée. « Nous n'avons rien à cacher », a-t-il affirmé dans un communiqué.",
        "Nous n'avons rien à cacher",
        "Mali",
        "Vidal",
    ),
    (
        "pronoun-through-a-chain-of-subject-pronouns",
        "Le village a rendu hommage à Léa et Chloé, deux sœurs mortes dans l'accident. Léa, 19 ans, était "
        "étudiante à Nantes. Elle rendait visite à sa sœur Chloé, infirmière à Rennes.\n\n"
        "Inès était la voisine de Léa depuis dix ans. Elle ne parvient pas à y croire. Elle garde toutes "
        "leurs photos. « Elle aidait tout le monde », confie-t-elle.",
        "Elle aidait tout le monde",
        "Inès",
        "Léa",
    ),
    (
        "possessive-relative-is-not-the-possessor",
        "Le village a rendu hommage à Léa et Chloé, deux sœurs mortes dans l'accident. Léa, 19 ans, était "
        "étudiante à Nantes. Elle rendait visite à sa sœur Chloé, infirmière à Rennes. « Elles riaient "
        "encore au téléphone dimanche », raconte leur père.",
        "Elles riaient encore",
        "père",
        "Chloé",
    ),
    (
        "first-name-alone-is-the-person-named-so",
        "La sœur de Leonarda vit dans la Meuse. Leonarda Dibrani est au Kosovo depuis une semaine. "
        "Leonarda dit « hésiter » à revenir en France.",
        "« hésiter »",
        "Dibrani",
        "sœur",
    ),
    (
        "one-of-a-group-is-somebody-new",
        "La pompière Julie Marchand a expliqué comment le feu était reparti. Les évacués attendent au "
        "gymnase. « Je ne sais pas si mon appartement est touché », lance l'une d'entre eux.",
        "Je ne sais pas si mon appartement",
        "une",
        "Marchand",
    ),
    (
        "gerund-report-belongs-to-its-clause-subject",
        "« Nous rouvrirons l'usine », a promis la ministre Anne Roy. Le député Marc Lenoir l'a contredite "
        "en affirmant que le site était déjà vendu.",
        "le site était déjà vendu",
        "Lenoir",
        "Roy",
    ),
    (
        "description-to-the-named-subject-of-the-sentence-before",
        "Le maire, Bernard Castel, a défendu la hausse de l'impôt. « Nous n'avons pas le choix », a-t-il "
        "expliqué.\n\nSon adjoint, Thierry Moulin, a voté contre. L'élu estime que la ville aurait dû "
        "réduire ses dépenses.",
        "la ville aurait dû réduire",
        "Moulin",
        "Castel",
    ),
    # "le syndicat" is the organisation that noun introduced, not the body that spoke last
    (
        "organisation-noun-to-the-name-it-introduced",
        "« Les travaux prendront du temps », a précisé la préfecture. Le syndicat Force ouvrière "
        "appelle à la grève jeudi. « Nous ne céderons pas », affirme le syndicat dans un communiqué.",
        "Nous ne céderons pas",
        "Force ouvrière",
        "préfecture",
    ),
    # a pronoun to the body whose name, after its article, opens the sentence before
    (
        "pronoun-to-a-body-opening-the-sentence-before",
        "La Fédération française de football annonce une enquête. Elle affirme qu'« aucune sanction "
        "n'est exclue ». Le Conseil départemental prévoit une aide d'urgence. Il assure que « les "
        "familles seront relogées ».",
        "« les familles",
        "Conseil départemental",
        "Fédération",
    ),
    # a complement with an indefinite article introduces somebody new
    (
        "description-with-an-indefinite-complement-is-somebody-new",
        "« Nous ne reprendrons pas le travail », prévient Patrick Rué, délégué syndical.\n\n"
        "Les commerçants s'impatientent. « Mes clients ne viennent plus », témoigne le patron d'une "
        "brasserie du port.",
        "Mes clients ne viennent plus",
        "patron d'une brasserie",
        "Rué",
    ),
    # a pronoun never goes to a speaker of the other gender; a description before it agrees
    (
        "pronoun-to-a-description-of-its-gender-in-the-sentence-before",
        "À l'audience, le prévenu a maintenu sa version. « Je n'ai rien su », a-t-il répété. Une "
        "affirmation contestée par l'ancienne gardienne de l'immeuble. « Je lui ai écrit trois fois », "
        "a-t-elle assuré.",
        "Je lui ai écrit",
        "gardienne",
        "prévenu",
    ),
    # a lawyer (Me) holds no other office; a word for any office is the official just described
    (
        "generic-office-to-the-role-description-before",
        "« Mon client a été jugé pour l'exemple », a estimé Me Antoine Weil à la sortie de la salle.\n\n"
        "Le procureur avait requis trois ans de prison. Dans son réquisitoire, le magistrat avait "
        "dénoncé « une négligence coupable ».",
        "une négligence coupable",
        "procureur",
        "Weil",
    ),
    # "le maire" for a woman: her first name tells her gender, which "l'élue" agrees with
    (
        "masculine-office-held-by-a-woman",
        "La procureure, Karline Bouisset, a ouvert une enquête. Le maire de Pamiers, Frédérique "
        "Thiennot, réclame l'aménagement de la route. « Combien faudra-t-il encore de morts ? », "
        "s'interroge l'élue.",
        "Combien faudra-t-il",
        "Thiennot",
        "Bouisset",
    ),
    # a role with its complement is the person holding that office, not another of the same noun
    (
        "role-with-its-complement",
        "La ministre de la Santé, Agnès Firmin, a présenté son plan contre la grippe. La ministre de la "
        "Culture, Rima Abdul, a annoncé un plan pour les musées.\n\n« Les hôpitaux seront prêts », a "
        "assuré la ministre de la Santé devant les députés.",
        "Les hôpitaux seront prêts",
        "Firmin",
        "Abdul",
    ),
    (
        "role-with-another-complement-is-someone-else",
        "Le maire de Lyon, Paul Roux, a reçu le maire de Villeurbanne, Cédric Vanel. « Nous avons "
        "signé », a déclaré le maire de Lyon.",
        "Nous avons signé",
        "Roux",
        "Vanel",
    ),
    # an impersonal passive reports the text the sentence before names, not the person before
    (
        "impersonal-passive-reports-the-text-named-before",
        "Le maire Paul Roux a visité le chantier. Dans un communiqué, la préfecture a annoncé la "
        "fermeture du pont. Il est précisé que les travaux dureront un mois.",
        "les travaux dureront",
        "préfecture",
        "Roux",
    ),
    # an organisation noun is never a body of another kind named before
    (
        "organisation-noun-is-no-body-of-another-kind",
        "La mairie de Lyon a fermé le dépôt. Le syndicat affirme de son côté que plus de 300 emplois sont menacés.",
        "plus de 300 emplois",
        "syndicat",
        "mairie",
    ),
    # a participle reports for the named person its sentence is about, not for the last speaker
    (
        "participle-of-a-sentence-about-a-named-person",
        "« Nous n'avons jamais été écoutés », a déploré la présidente de l'association, Michèle Arnaud. "
        "Le maire, Jean-Pierre Bonnet, s'est félicité du jugement, rappelant que le chantier "
        "créerait quarante emplois.",
        "le chantier créerait",
        "Bonnet",
        "Arnaud",
    ),
    # "on" after a phrase naming a side is that side, not the last speaker
    (
        "on-after-the-side-the-sentence-opens-on",
        "« Il faut agir vite », plaide Christophe Chambon, président de la chambre d'agriculture. "
        "Du côté de la préfecture, on assure que le dossier « est suivi de très près ».",
        "le dossier",
        "préfecture",
        "Chambon",
    ),
    # the sentence after a quotation may name whose words they were
    (
        "these-words-are-those-of",
        "La grêle a détruit les vignes samedi.\n\n« C'est une catastrophe pour la filière. » Ces mots sont "
        "ceux de Jean-Marc Duval, viticulteur à Pomerol.",
        "C'est une catastrophe",
        "Duval",
        None,
    ),
    # an object clitic the parse takes for the subject is not the speaker
    (
        "object-clitic-is-no-subject",
        "« C'est une catastrophe pour la filière. » Ces mots sont ceux de Marie Duval, viticultrice à "
        "Pomerol, après la grêle de samedi.\n\nC'est ce qu'a affirmé lundi le président de la région, "
        "Alain Rousset, lors d'une visite sur place.\n\nLe ministre de l'Agriculture l'a répété à "
        "plusieurs reprises : « L'État sera aux côtés des viticulteurs. »",
        "L'État sera aux côtés",
        "ministre",
        None,
    ),
    # a person introduced by a trade holds no office of state
    (
        "an-office-is-not-the-person-of-a-trade",
        "« Nous avons perdu 80 % de la récolte », a confié Michel Lafon, viticulteur à Pomerol.\n\n"
        "Le ministre de l'Agriculture l'a répété à plusieurs reprises : « L'État sera aux côtés des "
        "viticulteurs. »",
        "L'État sera aux côtés",
        "ministre",
        "Lafon",
    ),
    (
        "subheading-echoes-a-body-quote",
        "La piscine olympique restera ouverte cet été\n\n"
        "Le conseil municipal a débattu mardi soir de l'avenir de la piscine, fermée depuis deux ans.\n\n"
        "« Une promesse tenue »\n\n"
        "Les habitants étaient venus nombreux. « C'est une promesse tenue, et nous irons jusqu'au bout », "
        "a assuré le maire Gaston Lefort devant la salle comble.",
        "Une promesse tenue",
        "Lefort",
        None,
    ),
    (
        "float-continues-the-speaker",
        "« Les salariés sont inquiets », a expliqué Nadia Bensaïd, déléguée syndicale, sur Radio Nord.\n\n"
        "« Personne ne nous a prévenus. »",
        "Personne ne nous a prévenus",
        "Bensaïd",
        "Radio",
    ),
    # a description whose only name is its complement names somebody else
    (
        "relative-of-a-named-person",
        "Paul Roux, ancien facteur du village, est mort mardi à 87 ans.\n\n"
        "« Mon père était un homme discret », raconte la fille de Paul Roux.",
        "Mon père était",
        "fille",
        None,
    ),
    # a pronoun goes to the person named in the sentence before, even when not its subject,
    # rather than to an earlier speaker of the same gender
    (
        "pronoun-after-a-person-named-as-agent",
        "« Nous fermerons l'usine en juin », a déclaré Paul Garnier, le directeur du site.\n\n"
        "Les salariés ont appris la nouvelle lundi matin de la bouche du délégué Julien Marchal. "
        "« C'est une trahison », a-t-il lancé devant les grilles.",
        "C'est une trahison",
        "Marchal",
        "Garnier",
    ),
    # ... but to the speaker of the sentence before when that is who the pronoun follows
    (
        "pronoun-after-a-quote-naming-someone-else",
        "« Personne ne nous a consultés », dénonce le maire, Henri Vasseur, en citant Louis Perrin.\n\n"
        "Selon lui, la préfecture a décidé seule.",
        "la préfecture a décidé seule",
        "Vasseur",
        "Perrin",
    ),
    # the inverted subject after a cue and a prepositional phrase whose noun is no role
    (
        "inverted-subject-after-a-prepositional-phrase",
        "Le tribunal a renvoyé l'affaire au mois de mars. "
        "« La défense n'a pas eu accès au dossier », a regretté dans un message Hélène Carpentier, "
        "l'avocate des prévenus.",
        "La défense n'a pas eu accès",
        "Carpentier",
        None,
    ),
    (
        "inverted-subject-after-lors-de",
        "Le chantier a pris trois mois de retard. "
        "« Nous livrerons l'école à la rentrée », a assuré lors d'une réunion publique le maire Olivier Dumas.",
        "Nous livrerons l'école",
        "Dumas",
        None,
    ),
    # a quoted word that made no quotation does not hide the subject before a colon
    (
        "colon-after-a-scare-quoted-word",
        "« Nous avons manqué de bras », admet le trésorier du club, Marc Legrand.\n\n"
        "Mais Sylvie Berthier appelle les bénévoles à signaler les « oublis » : "
        "« Chaque remarque nous aide à progresser. »",
        "Chaque remarque nous aide",
        "Berthier",
        "Legrand",
    ),
    # a quote with no cue goes to the person the paragraph is about, who was introduced after
    # the last speaker, even when the parse misses that person as subject
    (
        "floating-quote-in-a-paragraph-about-a-new-person",
        "Le club a perdu son local cet hiver. « Nous avons tout déménagé en une nuit », raconte "
        "Marcel Olivier, le président.\n\n"
        "Au gymnase, les bénévoles trient les maillots. Josiane, trésorière et membre du bureau de "
        "l'association Sport Avenir, a passé sa matinée à remplir des cartons. Ballons, filets, "
        "chasubles, tout est rangé. « Je suis fière de cette équipe qui ne lâche rien. »",
        "Je suis fière",
        "Josiane",
        "Olivier",
    ),
    # a party in brackets after the subject's name is an affiliation, not the speaker
    (
        "subject-name-with-party-in-brackets",
        "Le texte a été adopté de justesse. Dans l'opposition, Rolande Le Bihan (PS) a estimé que "
        "cette réforme allait fragiliser les petites communes.",
        "cette réforme allait fragiliser",
        "Bihan",
        "socialiste",
    ),
    # "la même source": who was just quoted
    (
        "the-same-source",
        "La préfecture a confirmé l'incendie. « Trois maisons ont brûlé », a indiqué la préfecture. "
        "« Les habitants ont été relogés », ajoute la même source.",
        "Les habitants ont été relogés",
        "préfecture",
        None,
    ),
    # a date set off by commas between the cue and the inverted subject
    (
        "date-between-cue-and-subject",
        "« Nous rouvrirons le pont avant l'été », a annoncé, mercredi 4 février 2026, Gilles Normand, "
        "le président du département.",
        "Nous rouvrirons le pont",
        "Normand",
        None,
    ),
    # a quotation opening the article, its speaker named as subject of the sentence after it
    (
        "speaker-named-after-an-opening-quote",
        "« On nous a menti du début à la fin. » Hervé Lambert ne décolère pas. Le boulanger a "
        "appris la fermeture de la route par un courrier de la mairie.",
        "On nous a menti",
        "Lambert",
        None,
    ),
    # the lawyer of a named person is somebody else, even with a civil title before the name
    (
        "lawyer-of-a-named-person",
        "Bernard Lefort a été condamné à deux ans de prison. "
        "« Mon client fera appel de cette décision », a déclaré l'avocat de M. Lefort.",
        "Mon client fera appel",
        "avocat",
        None,
    ),
    # a name without a comma is apposed to the nearest role noun: the lawyer is not the mayor
    (
        "name-apposed-to-the-nearest-role",
        "« Il n'a jamais touché à cet argent », affirme l'avocat de l'ancien maire Roger Vidal.",
        "Il n'a jamais touché",
        "avocat",
        None,
    ),
    # a first name closing a name is its surname ("Josiane Martin" is one person, not "Martin")
    (
        "first-name-as-surname",
        "« Nous ne fermerons aucune classe », a assuré Sixtine Adam, la rectrice de l'académie. "
        "« Les effectifs sont stables », a-t-elle ajouté.",
        "Les effectifs sont stables",
        "Sixtine",
        None,
    ),
    # a date with its day and month between the cue and the inverted subject is skipped
    (
        "date-before-inverted-subject",
        "« Le pont rouvrira au printemps », a annoncé le 12 février la présidente du département.",
        "Le pont rouvrira",
        "présidente",
        "février",
    ),
    # the journalist's incise inside the quotation marks, a compound tense and a named subject
    (
        "incise-inside-marks-compound-tense",
        'Le conseil communal a siégé lundi soir. "Nous refusons de voter ce budget en urgence, a indiqué '
        'Chantal Moreau. Les habitants méritent un vrai débat."',
        "Les habitants méritent",
        "Moreau",
        None,
    ),
    (
        "incise-inside-guillemets-with-apposition",
        "La mairie a répondu vendredi. « Le chantier a pris du retard, précise Hugo Lemaire, adjoint aux "
        "travaux. Il reprendra en janvier. »",
        "Il reprendra en janvier",
        "Lemaire",
        None,
    ),
    (
        "incise-inside-marks-description",
        'Le débat a duré deux heures. "Ce point ne relève pas du conseil, a répliqué le bourgmestre. '
        "C'est une simple information.\"",
        "C'est une simple information",
        "bourgmestre",
        None,
    ),
    # an adjective the model takes for a verb, a lower-case word inside a party's name
    (
        "adjective-inside-subject",
        "« La réforme arrive trop tard », a déclaré le chef péquiste Étienne Caron.",
        "La réforme arrive",
        "Caron",
        None,
    ),
    (
        "lower-case-word-inside-a-name",
        "« Nous voterons contre », a déclaré le député de la Coalition avenir Québec Rémi Gagnon.",
        "Nous voterons contre",
        "Gagnon",
        None,
    ),
    # a person noun heads a description of someone, not the organisation in its complement
    (
        "person-noun-before-an-organisation",
        "Claire Dumas a défendu la réforme mardi. « Nous tiendrons le calendrier », a assuré la membre "
        "du gouvernement.",
        "Nous tiendrons le calendrier",
        "Dumas",
        "gouvernement",
    ),
    # a comma after the prepositional phrase that follows the cue
    (
        "comma-after-the-addressee",
        "« Aucun nouveau cas n'a été signalé », a confié à la radio nationale, la ministre de la Santé Awa Diallo.",
        "Aucun nouveau cas",
        "Diallo",
        None,
    ),
    # a rank after the comma of an apposition
    (
        "rank-in-apposition",
        "Le porte-parole de la gendarmerie, le colonel Paul Sow, affirme que l'enquête avance.",
        "l'enquête avance",
        "Sow",
        None,
    ),
    # the sentence after the quotation names its speaker
    (
        "c-est-ce-qu-a-declare",
        "Le vote a été reporté. « Ce budget ne tient pas debout. » C'est ce qu'a déclaré mardi le conseiller "
        "Yves Garnier.",
        "Ce budget ne tient pas",
        "Garnier",
        None,
    ),
    # an impersonal "on" and the place the words come from
    (
        "on-at-the-town-hall",
        "Le chantier prend du retard. « Les entreprises ont été relancées », assure-t-on du côté de la "
        "mairie de Brest.",
        "Les entreprises ont été relancées",
        "mairie",
        None,
    ),
    # an adverb inside the compound tense of an incise
    (
        "incise-with-adverb",
        "Le conseil a siégé lundi. « Nous ne voterons pas ce budget, a ensuite déclaré la présidente du "
        "groupe, Inès Carpentier. Les habitants méritent mieux. »",
        "Les habitants méritent mieux",
        "Carpentier",
        None,
    ),
    # an aside between cue and inverted subject
    (
        "aside-between-cue-and-subject",
        "« Le préfet est en bonne santé », avait indiqué, pour sa part, le président de l'assemblée, Karim Bensaïd.",
        "Le préfet est en bonne santé",
        "Bensaïd",
        None,
    ),
    # a town the model tags as an infinitive after "à"
    (
        "town-tagged-as-infinitive",
        "L'enlèvement n'a aucun lien avec la sécurité, a indiqué mercredi à Alger le ministre de l'Intérieur, "
        "Karim Bensaïd.",
        "L'enlèvement n'a aucun lien",
        "Bensaïd",
        None,
    ),
    # a periphrasis of a role goes to the person who holds it
    (
        "chef-de-l-etat",
        "Le président Joseph Mbala a reçu les syndicats lundi, avant le ministre des Finances Paul Ndong. "
        "« Le dialogue reste ouvert », a déclaré le chef de l'État à la sortie.",
        "Le dialogue reste ouvert",
        "Mbala",
        None,
    ),
    (
        "chef-du-gouvernement",
        "Le Premier ministre Henri Dumas a visité le port, accompagné du ministre des Transports Marc Léger. "
        "« Les travaux commenceront en mai », a promis le chef du gouvernement.",
        "Les travaux commenceront",
        "Dumas",
        None,
    ),
    (
        "periphrasis-whatever-the-gender",
        "La Première ministre Claire Vasseur a reçu les syndicats. « Le dialogue reste ouvert », a déclaré le "
        "chef du gouvernement.",
        "Le dialogue reste ouvert",
        "Vasseur",
        None,
    ),
    # a demonym names the person the passage is about
    (
        "demonym-description",
        "Lucie Vernier a remporté la finale dimanche à Rome. « Je n'ai rien lâché », a déclaré la Lyonnaise "
        "après le match.",
        "Je n'ai rien lâché",
        "Vernier",
        None,
    ),
    # a radio's name with a number before the inverted subject; a role over two portfolios
    (
        "station-with-a-number-before-the-subject",
        "« Nous ne reculerons pas », s'est agacée sur France 2 la ministre des Sports et de la Jeunesse Nadia Perrin.",
        "Nous ne reculerons pas",
        "Perrin",
        "France",
    ),
    # a role description goes to the person holding the role, not to a name apposed to another
    # noun after a comma
    (
        "description-not-the-name-after-another-phrase",
        "La ministre de la Santé Nadia Perrin a défendu son texte. « Le texte sera voté », a ajouté la "
        "ministre, visant la cheffe de l'opposition, Marie Caron.",
        "Le texte sera voté",
        "Perrin",
        "Caron",
    ),
    # a plural verb the small model tags as an adverb, in the verb slot of an incise
    (
        "plural-incise-verb",
        "La grève se poursuit. « Le personnel reste mobilisé », écrivent les syndicats dans un communiqué.",
        "Le personnel reste mobilisé",
        "syndicats",
        None,
    ),
    # a noun of a person in -ant the small model tags as a participle
    (
        "person-noun-tagged-as-participle",
        "« On nous a oubliés », regrette cet habitant du quartier de la gare.",
        "On nous a oubliés",
        "habitant",
        None,
    ),
    # a person's name right after an organisation's, with no comma
    (
        "name-after-an-organisation",
        "Cité par le site de la télévision publique, le porte- parole du ministère iranien des Affaires "
        "étrangères Ramin Dastjerdi a affirmé que les informations étaient fausses.",
        "les informations étaient fausses",
        "Dastjerdi",
        "ministère",
    ),
    # "ce dernier" after an organisation named last
    (
        "ce-dernier-an-organisation",
        "Paul Roux a écrit au ministère de la Santé. Ce dernier a répondu que le dossier était clos.",
        "le dossier était clos",
        "ministère",
        "Roux",
    ),
    # "le principal intéressé": the person the passage is about
    (
        "the-person-concerned",
        "Julie Martin a perdu son procès en appel. « Je suis déçue mais je ne lâcherai pas », a réagi la "
        "principale intéressée.",
        "Je suis déçue",
        "Martin",
        None,
    ),
    (
        "another-source-is-somebody-new",
        "Le directeur du site, Marc Olivier, n'a pas souhaité commenter.\n\n"
        "Une autre source a indiqué que les salariés seraient reçus vendredi.",
        "les salariés seraient reçus",
        "source",
        "Olivier",
    ),
    (
        "indefinite-noun-not-listed-is-somebody-new",
        "Le recteur Louis Fabre a reçu les familles.\n\n"
        "« On nous a promis des bus supplémentaires », a glissé un paroissien à la sortie.",
        "On nous a promis",
        "paroissien",
        "Fabre",
    ),
    (
        "indefinite-speaker-after-the-paper-it-spoke-to",
        "Le préfet Jean Barre a visité le centre.\n\n"
        "« Le bus n'est jamais arrivé », a raconté au Télégramme une passagère.",
        "Le bus n'est jamais arrivé",
        "passagère",
        "Barre",
    ),
    (
        "indefinite-sources-after-the-outlet",
        "La ministre Claire Dumas a présidé la réunion.\n\n"
        "« Aucun accord n'est possible avant l'été », ont confié à Mediapart des sources syndicales.",
        "Aucun accord",
        "sources syndicales",
        "Dumas",
    ),
    (
        "a-description-of-another-office-is-somebody-else",
        "La procureure de Dijon, Hélène Masson, a détaillé l'enquête lundi. « Le suspect a tout avoué », "
        "a-t-elle déclaré.\n\nLa commune reste sous le choc. « Nous rouvrirons l'école jeudi », a promis la maire.",
        "Nous rouvrirons",
        "maire",
        "Masson",
    ),
    (
        "a-generic-description-fits-any-office",
        "La procureure de Dijon, Hélène Masson, a détaillé l'enquête lundi.\n\n"
        "« Le suspect a tout avoué », a ajouté la magistrate.",
        "Le suspect a tout avoué",
        "Masson",
        None,
    ),
    (
        "pronoun-to-the-name-opening-a-sentence-the-parse-missed",
        "Me Marc Huet représente le frère, Julien Morel, qui s'est porté partie civile en janvier 2020. "
        "« Le tribunal a écouté tout le monde », dit-il.",
        "Le tribunal a écouté",
        "Huet",
        "Morel",
    ),
    (
        "a-text-goes-to-who-spoke-after-the-organisation-was-named",
        "La préfète Anne Morin a rappelé dans un communiqué que la gendarmerie était sur place. "
        "« Je salue le sang-froid des secours », poursuit-elle. "
        "« Une enquête administrative sera ouverte », conclut le communiqué.",
        "Une enquête administrative",
        "Morin",
        "gendarmerie",
    ),
    (
        "a-definite-description-takes-up-an-indefinite-one-not-yet-quoted",
        "Un pêcheur du port de Sète a repéré la nappe dès l'aube. Il a prévenu la capitainerie.\n\n"
        "« L'odeur était insupportable », se souvient le pêcheur.",
        "L'odeur était insupportable",
        "port de Sète",
        None,
    ),
    (
        "an-office-in-the-lede-is-the-person-named-later-with-it",
        "La ministre de l'Agriculture a promis mardi que les aides seraient versées avant Noël.\n\n"
        "Les éleveurs bloquent depuis une semaine les routes du département.\n\n"
        "Reçue à la préfecture, Agnès Roussel, ministre de l'Agriculture, a écouté leurs doléances.",
        "les aides seraient versées",
        "Roussel",
        None,
    ),
    (
        "la-meme-source-is-the-source-quoted-before-even-far-back",
        "D'après un proche du chanteur, l'album sortira au printemps.\n\n"
        "La maison de disques n'a pas confirmé. Le dernier disque date de 2019. Il s'était vendu à "
        "cent mille exemplaires. La tournée avait été annulée.\n\n"
        "Les fans attendent depuis des mois. Les réseaux sociaux bruissent de rumeurs. Un teaser a "
        "circulé la semaine dernière.\n\n"
        "« Il a écrit plus de trente chansons », assure le même proche.",
        "Il a écrit plus de trente",
        "proche du chanteur",
        None,
    ),
    (
        "a-noun-of-no-office-is-the-person-described-as-subject-before",
        "La directrice de l'école, Sophie Lenoir, a reçu les parents lundi.\n\n"
        "Une grand-mère venue chercher ses petits-enfants a dénoncé le manque de surveillants. "
        "« On laisse des enfants de six ans traverser seuls », a regretté cette femme.",
        "On laisse des enfants",
        "grand-mère",
        "Lenoir",
    ),
    (
        "ce-dernier-is-the-person-described-last",
        "Julie Moreau a porté plainte contre un voisin de palier. Ce dernier affirme qu'il n'a jamais menacé personne.",
        "il n'a jamais menacé",
        "voisin",
        "Moreau",
    ),
    (
        "an-indefinite-subject-with-a-complement-the-parse-lost",
        "Les commerçants, eux, attendent les indemnités. Un boulanger de la rue Haute raconte que "
        "son fournil a été noyé sous un mètre d'eau.",
        "son fournil a été noyé",
        "boulanger",
        None,
    ),
    (
        "a-role-phrase-running-into-a-verb-is-no-apposition-to-the-name-before",
        "Invité sur le plateau de Léa Morin, le président de la région a estimé que les trains "
        "régionaux devaient rester gratuits.",
        "les trains régionaux",
        "président",
        "Morin",
    ),
    (
        "a-subject-pronoun-the-parse-hung-nowhere-before-object-clitics",
        "Le préfet, Alain Rives, a reçu les maires vendredi. Il leur a promis de débloquer une aide "
        "d'urgence avant Noël.",
        "de débloquer une aide",
        "Rives",
        None,
    ),
    (
        "a-topic-before-a-colon-is-no-speaker",
        "Pêche : « La saison est perdue pour nous »\n\n"
        "Patron pêcheur à Sète depuis trente ans, Marc Vidal a vu ses prises chuter de moitié.",
        "La saison est perdue",
        None,
        "Pêche",
    ),
    (
        "a-quotation-opening-its-paragraph-goes-to-the-speaker-back-as-subject-after-it",
        "Julien Roche vend ses fromages au marché couvert. « Les clients reviennent », dit-il.\n\n"
        "La maire, Odile Sarre, a inauguré la halle dimanche. Elle a assuré que d'autres commerces viendraient.\n\n"
        "« Mais il faudrait des places de parking. » Julien Roche n'est pas convaincu.",
        "Mais il faudrait des places",
        "Roche",
        None,
    ),
    (
        "a-subject-pronoun-skips-a-thing-for-the-person-described-before-it",
        "Une cliente du supermarché a photographié les rayons vides. La photo a circulé toute la "
        "journée sur les réseaux sociaux.\n\n"
        "« Il n'y avait plus rien, même pas du pain », raconte-t-elle.",
        "Il n'y avait plus rien",
        "cliente du supermarché",
        "photo",
    ),
    (
        "a-pronoun-takes-up-a-description-with-its-complement",
        "Le gérant, Marc Blanc, a fermé le magasin à midi. La scène a été filmée par un employé de "
        "la boulangerie voisine. Il affirme que les vitrines ont été brisées à coups de barre de fer.",
        "les vitrines ont été brisées",
        "employé de la boulangerie voisine",
        "Blanc",
    ),
    (
        "a-noun-of-the-same-office-goes-to-its-holder-not-the-subject-before",
        "L'entraîneur du FC Nantes, Marc Rivière, a présenté sa recrue mardi. Samuel Koffi a signé "
        "pour trois saisons.\n\n"
        "« Il apporte de la vitesse devant », a expliqué le technicien.",
        "Il apporte de la vitesse",
        "Rivière",
        "Koffi",
    ),
    (
        "an-adjective-after-the-role-noun-is-no-complement-of-the-office",
        "La patronne de Velmor, Ines Garcia, a annoncé l'ouverture d'une usine. La ministre de "
        "l'Industrie, Claire Brun, l'accompagnait.\n\n"
        "« Nous créerons quatre cents emplois », a assuré la dirigeante espagnole.",
        "Nous créerons quatre cents",
        "Garcia",
        "Brun",
    ),
    (
        "a-demonstrative-with-a-noun-of-no-office-presents-somebody-new",
        "La ministre de l'Éducation, Anne Morel, a reçu les syndicats mardi.\n\n"
        "« On manque de tout, même de craies », lâche cette institutrice venue de Roubaix.",
        "On manque de tout",
        "institutrice",
        "Morel",
    ),
    (
        "a-participle-goes-to-somebody-new-subject-of-its-sentence",
        "Le maire, Paul Brun, a défendu le projet de parking. « Il est indispensable », a-t-il dit.\n\n"
        "Un commerçant de la place a critiqué les travaux, rappelant que son chiffre d'affaires avait "
        "chuté de moitié.",
        "son chiffre d'affaires",
        "commerçant",
        "Brun",
    ),
    (
        "weekday-date-before-inverted-subject",
        "« Les travaux sont terminés », indique jeudi 4 juillet 2024 le directeur de l'hôpital.",
        "Les travaux sont terminés",
        "directeur",
        "juillet",
    ),
]


@pytest.mark.parametrize("name,text,start,want,not_want", CASES, ids=[c[0] for c in CASES])
def test_speaker_of(name: str, text: str, start: str, want: Optional[str], not_want: Optional[str]) -> None:
    doc = quotex.extract(text)
    quotes = [q for q in doc.quotes if q.content.text.startswith(start)]
    assert quotes, f"{name}: no quotation starting «{start}» in {[q.content.text for q in doc.quotes]}"
    speaker = doc.speaker_of(quotes[0])
    if want is None:
        assert speaker is None or not_want is None or not_want.lower() not in speaker.name.lower(), name
        return
    assert speaker is not None, f"{name}: no speaker"
    assert want.lower() in speaker.name.lower(), f"{name}: speaker {speaker.name!r}"
    if not_want:
        assert not_want.lower() not in speaker.name.lower(), f"{name}: speaker {speaker.name!r}"


def test_description_mentions_join_one_entity() -> None:
    text = (
        "Un des deux policiers a été blessé à la main.\n\n"
        "« Le conducteur ne s'est pas arrêté », raconte le policier, encore sous le choc."
    )
    doc = quotex.extract(text)
    (q,) = [q for q in doc.quotes if q.content.text.startswith("Le conducteur")]
    speaker = doc.speaker_of(q)
    assert speaker is not None and "policier" in speaker.name.lower()


@pytest.mark.parametrize(
    "noun,kind",
    [
        ("bourgmestre", "person"),
        ("humoriste", "person"),
        ("chroniqueuse", "person"),
        ("pharmacienne", "person"),
        ("policiers", "person"),
        ("infirmière", "person"),
        ("communiqué", "document"),
        ("rapport", "document"),
        ("enseigne", "org_anaphor"),
        ("groupe", "org_anaphor"),
        ("parquet", "org"),
        ("gendarmerie", "org"),
        ("voiture", "other"),
        ("table", "other"),
        ("plan", "other"),
        # a compound is what its last part is
        ("sous-préfète", "person"),
        ("sapeur-pompier", "person"),
        ("lieutenant-colonel", "person"),
        ("chef-lieu", "other"),
        ("après-midi", "other"),
    ],
)
def test_noun_class(noun: str, kind: str) -> None:
    assert noun_class(noun) == kind


def test_a_reflexive_verb_that_reports_nothing_is_no_cue() -> None:
    # "se poursuivre" (to go on) is no "poursuivre" (to go on speaking): the cue is the verb after
    doc = quotex.extract(
        "L'incendie n'est pas maîtrisé. Les opérations se poursuivent « sur tout le versant nord », "
        "précise la préfecture."
    )
    assert doc.quotes, "no quotation"
    q = doc.quotes[0]
    assert q.cue is not None and q.cue.text.startswith("précise"), q.cue
    speaker = doc.speaker_of(q)
    assert speaker is not None and "préfecture" in speaker.name.lower()


def test_sentences_in_marks_are_a_quotation_whatever_follows_the_closing_mark() -> None:
    doc = quotex.extract(
        "Luc, un ancien collègue, se souvient de lui. « Il arrivait toujours le premier. Il connaissait "
        "chaque client par son prénom et ne prenait jamais de vacances » avec sa famille."
    )
    assert any(q.content.text.startswith("Il arrivait toujours") for q in doc.quotes), [
        q.content.text for q in doc.quotes
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Le Secrétaire général du parti, chargé des élections, a affirmé : « Nous serons prêts en mars. »",
        "La Ministre de la Santé a déclaré : « Les vaccins arrivent demain. »",
    ],
)
def test_a_capitalised_role_is_a_person(text: str) -> None:
    # many papers capitalise titles: the speaker is still a person described by a role
    doc = quotex.extract(text)
    assert len(doc.quotes) == 1
    speaker = doc.entity(doc.quotes[0].speaker)
    assert speaker is not None and speaker.label == "PERSON", speaker
    assert speaker.role is not None and speaker.role.split()[0] in ("Secrétaire", "Ministre"), speaker.role


def test_an_object_pronoun_is_no_part_of_the_subject() -> None:
    doc = quotex.extract("La directrice lui a répondu que le dossier serait examiné en commission.")
    assert len(doc.quotes) == 1
    mention = doc.quotes[0].speaker_mention
    assert mention is not None and mention.text == "La directrice", mention


def test_a_phrase_between_commas_is_no_part_of_the_subject() -> None:
    doc = quotex.extract("Le syndicat des cheminots, par la voix de son délégué, a affirmé que la grève continuerait.")
    assert len(doc.quotes) == 1
    mention = doc.quotes[0].speaker_mention
    assert mention is not None and mention.text == "Le syndicat des cheminots", mention


def test_an_incise_keeps_its_apposition_to_the_sentence_end() -> None:
    doc = quotex.extract(
        "Le village a tenu bon. « On entendait le vent siffler, raconte le père Gérard, curé du village. "
        "Le toit de l'église a tenu. »"
    )
    contents = [q.content.text for q in doc.quotes]
    assert any(c.startswith("Le toit de l'église") for c in contents), contents
    assert not any("curé" in c for c in contents), contents


def test_guillemets_typed_as_angle_brackets() -> None:
    text = (
        "Le ministre Koffi Yao a répondu aux journalistes. << Nous sommes dans un État de droit et la justice "
        "fera son travail >>, a-t-il déclaré. << Il n'y a aucune intimidation >>, dira t-il encore."
    )
    doc = quotex.extract(text)
    contents = [q.content.text for q in doc.quotes]
    assert any(c.startswith("Nous sommes dans un État de droit") for c in contents), contents
    assert any(c.startswith("Il n'y a aucune intimidation") for c in contents), contents
    for q in doc.quotes:
        assert text[q.content.start : q.content.end] == q.content.text
        assert "<" not in q.content.text and ">" not in q.content.text
        speaker = doc.speaker_of(q)
        assert speaker is not None and "Yao" in speaker.name, (q.content.text, speaker)


def test_a_quotation_signed_on_the_next_line() -> None:
    doc = quotex.extract(
        "Les phrases de la semaine\n\n"
        "« Le gouvernement a choisi de ne rien faire. Chaque mois perdu coûte des emplois à la région. »\n"
        "Romain Lefèvre, député de la Somme\n\n"
        "« Nous tiendrons nos engagements jusqu'au bout. »\n"
        "Sophie Marchal, présidente du conseil régional"
    )
    speakers = [doc.speaker_of(q) for q in doc.quotes]
    assert [s.name if s else None for s in speakers] == ["Romain Lefèvre", "Sophie Marchal"], speakers


def test_a_quotation_under_a_line_naming_its_speaker() -> None:
    # after-match reactions and vox pops print the speaker on a line of its own, then the quote
    text = (
        "Les habitants réagissent\n\n"
        "La mairie a annoncé la fermeture de la piscine municipale pour tout l'été.\n\n"
        "Julien Moreau, 34 ans, infirmier\n\n"
        "« Je ne comprends pas cette décision, on n'a nulle part où aller avec les enfants. »\n\n"
        "Claire Dubois (comité de quartier)\n\n"
        "« C'est une honte, la piscine était déjà fermée l'an dernier. »"
    )
    doc = quotex.extract(text)
    speakers = [doc.speaker_of(q) for q in doc.quotes]
    assert [s.name if s else None for s in speakers] == ["Julien Moreau", "Claire Dubois"], speakers
    assert not any("Moreau" in b.span.text or "Dubois" in b.span.text for b in doc.boilerplate)


@pytest.mark.parametrize(
    "text,thing",
    [
        (
            "La directrice de l'école, Sophie Marin, a reçu les parents lundi.\n\n"
            "Les travaux prévus depuis des mois n'avancent pas, « alors que la rentrée approche et que rien n'est prêt ».",
            "travaux",
        ),
        (
            "Le maire Paul Roux a visité le quartier mardi.\n\n"
            "Les coupures de courant se multiplient depuis l'été, « sans que personne ne nous prévienne et sans "
            "la moindre explication ».",
            "coupures",
        ),
    ],
)
def test_a_thing_subject_of_the_sentence_is_no_speaker(text: str, thing: str) -> None:
    doc = quotex.extract(text)
    assert doc.quotes
    for q in doc.quotes:
        speaker = doc.speaker_of(q)
        assert speaker is None or thing not in speaker.name.lower(), speaker


def test_the_antecedent_of_qui_is_the_phrase_before_it() -> None:
    # the parse hangs the relative clause on the verb: its antecedent is the noun phrase before qui
    text = (
        "Anne Morin, préfète du Var, « condamne fermement ces violences inacceptables », peut-on lire "
        "dans ce communiqué, qui rappelle que la police était présente sur les lieux."
    )
    doc = quotex.extract(text)
    quotes = [q for q in doc.quotes if q.content.text.startswith("la police était présente")]
    assert quotes and quotes[0].speaker_mention is not None
    assert quotes[0].speaker_mention.text == "ce communiqué"


def test_an_impersonal_passive_with_no_text_before_has_no_speaker() -> None:
    doc = quotex.extract("Le maire Paul Roux a visité le chantier. Il a été rappelé que la route restera fermée.")
    assert [q.content.text for q in doc.quotes] == ["la route restera fermée"]
    assert doc.speaker_of(doc.quotes[0]) is None
