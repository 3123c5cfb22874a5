"""A table of French reported-speech patterns (sentences written for these tests).

Each case gives the text, and the quotations expected in order: (type, start of the content,
a word of the speaker's entity name, or None when no speaker is expected). Cases with no
expected quotation are things that must not be taken for quotations.
"""

from __future__ import annotations

from typing import Optional

import pytest

import quotex

Expected = list[tuple[str, str, Optional[str]]]

CASES: list[tuple[str, str, Expected]] = [
    # -- direct quotes with a cue after them ---------------------------------------------
    (
        "guillemets-inverted-np",
        "« Nous ne céderons rien sur les retraites », a déclaré mardi la ministre du Travail Claire Dumont.",
        [("direct", "Nous ne céderons rien", "Dumont")],
    ),
    (
        "guillemets-nbsp",
        "«\u00a0La situation est grave\u00a0», a estimé le maire de Lyon, Paul Girard.",
        [("direct", "La situation est grave", "Girard")],
    ),
    (
        "incise-reagir-mis-tagged",
        "« Nous n'avons rien vu venir », a réagi le maire Paul Roux.",
        [("direct", "Nous n'avons rien vu venir", "Roux")],
    ),
    (
        "incise-unlisted-verb-noun-tagged",
        "Le maire Paul Roux a ouvert la séance. « Nous ne lâcherons rien sur ce dossier », grince "
        "l'opposante Claire Vidal.",
        [("direct", "Nous ne lâcherons rien", "Vidal")],
    ),
    (
        "incise-unlisted-verb-past",
        "Le maire Paul Roux a ouvert la séance. « La piscine rouvrira en septembre », a complété "
        "la directrice des sports, Lucie Marchand.",
        [("direct", "La piscine rouvrira", "Marchand")],
    ),
    (
        "mixed-with-unlisted-incise-verb",
        "Le maire Paul Roux a ouvert la séance. Il restait « deux bancs, une poubelle et rien d'autre », "
        "énumère la riveraine Claire Vidal.",
        [("mixed", "Il restait", "Vidal")],
    ),
    (
        "lone-surname-headline-speaker-is-a-person",
        "Deschamps : « Nous avons manqué de rythme »\n\nLe sélectionneur était déçu. « Il faudra "
        "mieux faire mardi », a-t-il ajouté.",
        [("direct", "Nous avons manqué", "Deschamps"), ("direct", "Il faudra", "Deschamps")],
    ),
    (
        "pronoun-after-multi-sentence-quote-to-subject-before-it",
        "Le gouverneur Paul Marchand a salué les secours. Un garçon de l'équipe, resté chez lui ce "
        "jour-là, attend ses camarades. « Je leur ferai un câlin. Je leur dirai que je les aime », dit-il.",
        [("direct", "Je leur ferai un câlin", "garçon")],
    ),
    (
        "incise-inside-quotation-participle-tagged-as-noun",
        "Le maire Paul Roux a réuni les habitants. « Nous allons rouvrir la piscine, a-t-il promis. "
        "Le chantier commencera en mars. »",
        [("direct", "Nous allons rouvrir", "Roux"), ("direct", "Le chantier commencera", "Roux")],
    ),
    (
        "stray-straight-mark-before-a-quotation",
        'Le maire Paul Roux a pris la parole. Il a dit que "la situation est grave. Puis il a expliqué que '
        'les secours arrivaient de Lyon. "Nous ferons tout pour les familles", a-t-il conclu.',
        [
            ("indirect", '"la situation est grave', "Roux"),
            ("indirect", "les secours arrivaient", "Roux"),
            ("direct", "Nous ferons tout", "Roux"),
        ],
    ),
    (
        "aside-between-auxiliary-and-participle",
        "La ministre Claire Vidal a visité l'usine. Son mari a par ailleurs estimé que la fermeture était inévitable.",
        [("indirect", "la fermeture était inévitable", "mari")],
    ),
    (
        "report-then-colon-then-quotation",
        "La porte-parole Anne Roy a affirmé que le texte avait été voté sans les voix de l'opposition : "
        "« Nous avons une majorité, et c'est bien le cas ! »",
        [("indirect", "le texte avait été voté", "Roy"), ("direct", "Nous avons une majorité", "Roy")],
    ),
    (
        "pour-a-feast-is-no-source",
        "Pour Noël, la mairie a prévu une patinoire sur la place du marché.",
        [],
    ),
    (
        "participle-apposed-to-a-noun-is-no-cue",
        "Deux cents personnes ont manifesté samedi contre la fermeture de la maternité, annoncée la "
        "semaine dernière par l'agence régionale de santé.",
        [],
    ),
    (
        "object-of-the-cue-verb-is-no-speaker",
        "Une habitante, venue avec ses deux enfants, résume le sentiment général : « On se sent abandonnés. »",
        [("direct", "On se sent abandonnés", "habitante")],
    ),
    (
        "indefinite-subject-before-colon-cue",
        "« Je mets une heure de plus », soupire Lucie Martin, infirmière. Un lycéen ajoute : « Le bac "
        "blanc commence lundi. »",
        [("direct", "Je mets une heure", "Martin"), ("direct", "Le bac blanc", "lycéen")],
    ),
    (
        "final-selon-without-comma",
        "La route restera fermée jusqu'à lundi selon la préfecture de l'Isère.",
        [("indirect", "La route restera fermée jusqu'à lundi", "préfecture")],
    ),
    ("selon-a-thing-is-no-source", "Les tarifs de la cantine varient selon les régions.", []),
    (
        "participle-after-comma-inside-a-sentence-with-selon",
        "Le suspect aurait, selon une source proche de l'enquête, reconnu les faits.",
        [("indirect", "reconnu les faits", "source")],
    ),
    (
        "title-then-apposition-is-no-incise",
        "Il a revu « Intouchables », comédie culte de Nakache, avec ses enfants.",
        [],
    ),
    (
        "incise-rapporte",
        "« La route restera fermée tout l'été », rapporte Anne Roy, la présidente du comité.",
        [("direct", "La route restera fermée", "Roy")],
    ),
    (
        "passive-participle-is-no-cue",
        "Ses déclarations ont été relatées « sans le moindre contexte », a regretté l'élue Nadia Ferrand.",
        [("mixed", "Ses déclarations ont été relatées", "Ferrand")],
    ),
    (
        "guillemets-no-space",
        "«La réforme passera», a assuré Jeanne Morel devant les députés.",
        [("direct", "La réforme passera", "Morel")],
    ),
    (
        "curly-quotes",
        "“Nous allons reconstruire l’école”, a promis le président du conseil départemental, Marc Lefèvre.",
        [("direct", "Nous allons reconstruire", "Lefèvre")],
    ),
    (
        "straight-quotes",
        '"Les négociations reprendront lundi", a indiqué le syndicaliste Antoine Roux à l\'AFP.',
        [("direct", "Les négociations reprendront", "Roux")],
    ),
    (
        "incise-a-t-il",
        "Le député Hugo Bernard a quitté la séance. « C'est un scandale », a-t-il lancé aux journalistes.",
        [("direct", "C'est un scandale", "Bernard")],
    ),
    (
        "incise-a-t-elle",
        "La juge Sophie Lambert a été interrogée sur le dossier. « Rien n'est encore décidé », a-t-elle répondu.",
        [("direct", "Rien n'est encore décidé", "Lambert")],
    ),
    (
        "incise-simple-tense",
        "L'entraîneur Julien Petit reste prudent. « Le match sera difficile », prévient-il.",
        [("direct", "Le match sera difficile", "Petit")],
    ),
    (
        "incise-split",
        "« Nous avons tout essayé, dit-elle, mais rien n'a marché. » La navigatrice Marion Caron est déçue.",
        [("direct", "Nous avons tout essayé", None), ("direct", "mais rien n'a marché", None)],
    ),
    (
        "incise-inside-marks-name",
        "« Les gens ont peur, explique Louise Garnier. Ils ne sortent plus le soir. »",
        [("direct", "Les gens ont peur", "Garnier"), ("direct", "Ils ne sortent plus", "Garnier")],
    ),
    (
        "cue-with-object-clitic",
        "« Pourquoi partir maintenant ? », lui demande le journaliste Pierre Duval.",
        [("direct", "Pourquoi partir maintenant", "Duval")],
    ),
    (
        "dash-attribution",
        "« Je ne suis candidat à rien » — Éric Vasseur",
        [("direct", "Je ne suis candidat à rien", "Vasseur")],
    ),
    (
        "chain-of-quotes",
        "« Le virus circule encore », a souligné le docteur Anne Moreau, « et il faut rester prudent ».",
        [("direct", "Le virus circule encore", "Moreau"), ("direct", "et il faut rester prudent", "Moreau")],
    ),
    (
        "organisation-speaker",
        "« Aucune victime n'est à déplorer », a indiqué la gendarmerie nationale dans un communiqué.",
        [("direct", "Aucune victime", "gendarmerie")],
    ),
    (
        "quebec-de-dire",
        "« Nous serons prêts », de dire le premier ministre Louis Tremblay en conférence de presse.",
        [("direct", "Nous serons prêts", "Tremblay")],
    ),
    # -- direct quotes introduced before ---------------------------------------------------
    (
        "colon-verb",
        "Son avocat, Me Lucas Fontaine, confie : « Mon client est épuisé ».",
        [("direct", "Mon client est épuisé", "Fontaine")],
    ),
    (
        "colon-name-only",
        "Rousseau : « Il n'y aura pas de hausse d'impôts »",
        [("direct", "Il n'y aura pas de hausse", "Rousseau")],
    ),
    (
        "colon-et-d-ajouter",
        "La sénatrice Élise Martin a critiqué le texte. Et d'ajouter : « Ce projet est mal préparé ».",
        [("direct", "Ce projet est mal préparé", "Martin")],
    ),
    (
        "floating-quote",
        "La présidente de l'association, Nathalie Perrin, ne décolère pas. « C'est une honte pour la ville. »",
        [("direct", "C'est une honte", "Perrin")],
    ),
    (
        "floating-inherits-previous-speaker",
        "« Nous voulons des réponses », a déclaré Karim Benali.\n\n« Les familles attendent depuis trop longtemps. »",
        [("direct", "Nous voulons des réponses", "Benali"), ("direct", "Les familles attendent", "Benali")],
    ),
    (
        "pour-marker-direct",
        "Pour le patron de la fédération, Thomas Leroy, « la saison est sauvée ».",
        [("direct", "la saison est sauvée", "Leroy")],
    ),
    # -- indirect quotes ---------------------------------------------------------------------
    (
        "que-clause",
        "Le ministre de l'Intérieur Gérald Masson a affirmé que les effectifs de police seraient renforcés.",
        [("indirect", "les effectifs de police", "Masson")],
    ),
    (
        "que-clause-with-adverbial",
        "La porte-parole du gouvernement, Aurore Lemaire, a annoncé jeudi à la presse que le budget serait présenté en mai.",
        [("indirect", "le budget serait présenté", "Lemaire")],
    ),
    (
        "que-clause-pronoun",
        "Jean Dupuis dirige l'entreprise depuis dix ans. Il a expliqué que les ventes avaient baissé de moitié.",
        [("indirect", "les ventes avaient baissé", "Dupuis")],
    ),
    (
        "que-clause-elle",
        "Interrogée sur France Inter, la maire Anne Rivière a reconnu que la ville manquait de logements. Elle a précisé que des terrains seraient libérés.",
        [("indirect", "la ville manquait", "Rivière"), ("indirect", "des terrains seraient libérés", "Rivière")],
    ),
    (
        "infinitive-de",
        "Le président turc Recep Demir a proposé aux Européens d'organiser un sommet sur les migrations.",
        [("indirect", "d'organiser un sommet", "Demir")],
    ),
    (
        "infinitive-a-negated",
        "La préfète appelle les automobilistes à ne pas prendre la route avant jeudi.",
        [("indirect", "à ne pas prendre la route", "préfète")],
    ),
    (
        "que-after-lors-de",
        "Le ministre Amadou Sarr a déclaré, lors d'une conférence de presse tenue mardi à Thiès, que les "
        "salaires seraient versés.",
        [("indirect", "les salaires seraient versés", "Sarr")],
    ),
    (
        "relative-before-lors-de-is-no-report",
        "Le maire Paul Henry s'est exprimé lors d'un forum que la chambre de commerce avait organisé à Lille.",
        [],
    ),
    (
        "report-inside-a-relative-clause",
        "Le trésorier Marc Olivier, qui assure n'avoir rien su de ces virements, a démissionné jeudi.",
        [("indirect", "n'avoir rien su de ces virements", "Olivier")],
    ),
    (
        "pour-with-apposed-role",
        "Pour Nadia Lambert, la cheffe de groupe dans l'opposition, ce budget est un « renoncement ».",
        [("mixed", "ce budget est un", "Lambert")],
    ),
    # a role noun the tagger takes for a participle ("délégué") is still the apposed role
    (
        "pour-with-apposed-participle-role",
        "Pour Karim Haddad, délégué du personnel, « la direction méprise ceux qui font tourner l'usine ».",
        [("direct", "la direction méprise", "Haddad")],
    ),
    # a verb the tagger takes for a determiner after a relative clause still reports
    (
        "verb-mis-tagged-after-a-relative-clause",
        "Paul Roux, qui préside l'association, regrette que la ville n'ait pas été consultée.",
        [("indirect", "la ville n'ait pas été consultée", "Roux")],
    ),
    # one of a group of people as the source; how the paper reached it belongs to the source
    (
        "selon-one-of-a-group-reached-by-phone",
        "Selon un de ses cadres, joint par téléphone, les travaux pourraient débuter dès le printemps.",
        [("indirect", "les travaux pourraient débuter", "cadres")],
    ),
    (
        "selon-a-source-interviewed-by-a-radio",
        "Selon le maire, interrogé par France Bleu, les travaux pourraient débuter dès le printemps.",
        [("indirect", "les travaux pourraient débuter", "maire")],
    ),
    # a source marker inside quotation marks is the quotation's own words
    (
        "marker-inside-a-quotation",
        "« C'est une réforme faite à Québec, pour Québec », a-t-elle renchéri devant les journalistes.",
        [("direct", "C'est une réforme faite à Québec", None)],
    ),
    # an apposition describes a source that names somebody, not the paper's own information
    (
        "selon-nos-informations-then-an-apposed-subject",
        "Selon nos informations, l'ancien adjoint aux sports, Éric Alauzet, réfléchit à une candidature.",
        [],
    ),
    # a second reporting verb with its own que-clause makes a second quote, by the same subject
    # (and "Contactée" opening the sentence is nobody)
    (
        "second-report-after-mais",
        "Contactée, la direction de l'hôpital reconnaît « des difficultés de recrutement » mais assure "
        "que « des solutions sont à l'étude ».",
        [("direct", "des difficultés", "direction"), ("mixed", "« des solutions", "direction")],
    ),
    (
        "date-before-que",
        "Le président Juan Morales a indiqué le mardi 21 mai 2019, que son pays traversait une période difficile.",
        [("indirect", "son pays traversait une période difficile", "Morales")],
    ),
    (
        "informer-que",
        "La direction de l'usine a informé les salariés que le site fermerait en juin.",
        [("indirect", "le site fermerait en juin", "direction")],
    ),
    (
        "exhorter-a",
        "Le recteur Alain Vidal a exhorté les familles à inscrire leurs enfants avant vendredi.",
        [("indirect", "les familles à inscrire leurs enfants", "Vidal")],
    ),
    (
        "infinitive-ne-rien",
        "Interrogée mardi, la directrice de l'école Lucie Marchand dit ne rien savoir de ces menaces.",
        [("indirect", "ne rien savoir de ces menaces", "Marchand")],
    ),
    (
        "infinitive-a-without-object",
        "Le syndicat Force ouvrière a appelé à se mobiliser contre la fermeture de la maternité.",
        [("indirect", "à se mobiliser contre la fermeture", "Force ouvrière")],
    ),
    (
        "infinitive-de-with-clitic",
        "Le sélectionneur Marc Olivier a demandé aux joueurs de se concentrer sur le prochain match.",
        [("indirect", "de se concentrer sur le prochain match", "Olivier")],
    ),
    (
        "infinitive-bare",
        "Les syndicats déclarent vouloir poursuivre la grève jusqu'à la fin du mois.",
        [("indirect", "vouloir poursuivre la grève", "syndicats")],
    ),
    (
        "se-dire",
        "Les agriculteurs se sont dits prêts à bloquer les routes dès lundi.",
        [("indirect", "prêts à bloquer les routes", "agriculteurs")],
    ),
    (
        "participle-cue",
        "« La décision est prise », a annoncé le directeur Bruno Caron, ajoutant que l'usine fermerait en juin.",
        [("direct", "La décision est prise", "Caron"), ("indirect", "l'usine fermerait en juin", "Caron")],
    ),
    (
        "inverted-indirect",
        "Les élections auront lieu à la date prévue, a assuré dimanche le Premier ministre Paul Renard.",
        [("indirect", "Les élections auront lieu", "Renard")],
    ),
    (
        "inverted-indirect-pronoun",
        "La commune recevra une aide de l'État, a-t-elle indiqué. La préfète Claire Vidal était présente.",
        [("indirect", "La commune recevra une aide", None)],
    ),
    (
        "inverted-indirect-org",
        "Trois suspects ont été interpellés dans la nuit, a annoncé la police nationale.",
        [("indirect", "Trois suspects ont été interpellés", "police")],
    ),
    # the inverted subject may be followed by a date, a place or a prepositional phrase
    (
        "inverted-indirect-then-date",
        "Le chantier a pris trois mois de retard, a reconnu le maire Gilles Perrin mardi soir devant le conseil.",
        [("indirect", "Le chantier a pris trois mois", "Perrin")],
    ),
    (
        "inverted-indirect-then-party",
        "Le budget sera voté avant l'été, a assuré Nadia Ferrand (LR) lors de la séance.",
        [("indirect", "Le budget sera voté", "Ferrand")],
    ),
    # a long quoted stretch inside a sentence, after a verb no rule knows as a cue: the subject
    # of its sentence speaks; a short one is a name or a scare quote
    (
        "inner-long-quote",
        "La maire a incité les habitants à « rester chez eux tant que la tempête n'est pas passée ».",
        [("direct", "rester chez eux tant que", "maire")],
    ),
    (
        "inner-short-quote-is-none",
        "Le projet de « ville apaisée » divise les commerçants du centre.",
        [],
    ),
    # -- source markers ------------------------------------------------------------------------
    (
        "selon-np",
        "Selon le procureur de Marseille, Antoine Blanc, l'enquête pourrait durer plusieurs mois.",
        [("indirect", "l'enquête pourrait durer", "Blanc")],
    ),
    (
        "selon-role-then-unfamiliar-name",
        "Selon la porte-parole du ministère, Maëlys Tandia, les écoles resteront fermées jusqu'à lundi.",
        [("indirect", "les écoles resteront fermées", "Tandia")],
    ),
    (
        "selon-np-with-relative-clause",
        "Selon le préfet qui s'exprimait mardi sur France Bleu, la route rouvrira lundi.",
        [("indirect", "la route rouvrira lundi", None)],
    ),
    (
        "selon-pronoun",
        "La ministre de la Santé Agnès Faure était à Lille. Selon elle, les hôpitaux manquent de lits.",
        [("indirect", "les hôpitaux manquent de lits", "Faure")],
    ),
    (
        "d-apres-final",
        "Le chantier a pris six mois de retard, d'après la société Vinci Construction.",
        [("indirect", "Le chantier a pris six mois", "Vinci")],
    ),
    (
        "selon-final",
        "Plus de mille personnes ont manifesté samedi, selon la préfecture.",
        [("indirect", "Plus de mille personnes", "préfecture")],
    ),
    (
        "selon-pronoun-without-comma",
        "Le maire Hervé Collin a visité le chantier. Selon lui la piscine rouvrira avant l'été.",
        [("indirect", "la piscine rouvrira avant", "Collin")],
    ),
    (
        "selon-final-with-acronym",
        "Le chômage a reculé de 0,3 point au troisième trimestre, selon les chiffres de l'Institut national "
        "de la statistique (Insee).",
        [("indirect", "Le chômage a reculé", "Institut")],
    ),
    (
        "selon-final-with-apposition",
        "Le permis de construire a été refusé « pour des raisons de sécurité » selon Nadia Ferrand, "
        "l'adjointe à l'urbanisme.",
        [("mixed", "Le permis de construire a été refusé", "Ferrand")],
    ),
    (
        "d-apres-typographic-apostrophe",
        "D’après le rapport de la Cour des comptes, la dette publique atteindra un record.",
        [("indirect", "la dette publique atteindra", "comptes")],
    ),
    (
        "pour-marker-indirect",
        "Pour l'économiste Thomas Girard, la croissance restera faible cette année.",
        [("indirect", "la croissance restera faible", "Girard")],
    ),
    # -- mixed quotes --------------------------------------------------------------------------
    (
        "mixed-que",
        "Le chef de l'État Emmanuel Roche a estimé que la situation était « extrêmement préoccupante ».",
        [("mixed", "la situation était", "Roche")],
    ),
    (
        "mixed-selon",
        "Selon la ministre Laure Besson, le projet est « une chance pour la région ».",
        [("mixed", "le projet est", "Besson")],
    ),
    (
        "mixed-inverted",
        "Le plan sera « revu de fond en comble », a assuré le secrétaire d'État Marc Aubert.",
        [("mixed", "Le plan sera", "Aubert")],
    ),
    (
        "mixed-infinitive",
        "Le syndicat a dit compter sur « la mobilisation de tous les salariés » pour obtenir gain de cause.",
        [("mixed", "compter sur", "syndicat")],
    ),
    # -- quotations over several paragraphs --------------------------------------------------
    (
        "multi-paragraph",
        "Le maire Henri Lacombe a pris la parole : « Nous avons vécu une année difficile.\n\n« Mais la ville s'est relevée, grâce à ses habitants. »",
        [("direct", "Nous avons vécu une année", "Lacombe")],
    ),
    (
        "incise-verb-the-model-mistags",
        "La navigatrice Odile Perrin rentre au port. « La dernière nuit a été rude », convient-elle.",
        [("direct", "La dernière nuit a été rude", "Perrin")],
    ),
    (
        "laisser-entendre",
        "« Rien ne prouve qu'il conduisait », a laissé entendre l'avocat Marc Tissot.",
        [("direct", "Rien ne prouve", "Tissot")],
    ),
    (
        "reader-address-inside-a-quote",
        "« Ne communiquez jamais votre code et ne répondez pas », prévient la banque Crédit Vallée dans un message.",
        [("direct", "Ne communiquez jamais votre code", "Crédit")],
    ),
    (
        "inverted-cue-after-adverb",
        "Le projet n'a « aucun avenir » sans l'aide de l'État, affirme d'emblée le maire Paul Girard.",
        [("mixed", "Le projet n'a « aucun avenir »", "Girard")],
    ),
    (
        "gerund-cue",
        "La cour d'appel a rejeté le recours, en estimant que les arguments de la défense étaient spéculatifs.",
        [("indirect", "les arguments de la défense", "cour")],
    ),
    (
        "se-dire-participle",
        "Le personnel soignant se dit épuisé par des mois de gardes à rallonge.",
        [("indirect", "épuisé par des mois", None)],
    ),
    (
        "historical-infinitive",
        "Le maire Paul Roy a reçu les habitants mardi. Et d'ajouter que la piscine rouvrirait en juin.",
        [("indirect", "la piscine rouvrirait", "Roy")],
    ),
    (
        "content-ends-at-a-second-report",
        "Le juge a estimé que le dossier était vide et a rappelé que la loi protège les témoins.",
        [("indirect", "le dossier était vide", None), ("indirect", "la loi protège les témoins", None)],
    ),
    (
        "content-ends-before-when-it-was-said",
        "La ministre Anne Roux a assuré qu'aucune fermeture n'était prévue, lundi lors d'une visite à Lille.",
        [("indirect", "aucune fermeture n'était prévue", "Roux")],
    ),
    # -- not quotations --------------------------------------------------------------------------
    (
        "asked-not-asking",
        "Les automobilistes appelés à ne pas prendre la route ont respecté la consigne.",
        [],
    ),
    (
        "plural-object-is-no-incise-subject",
        "« Notre usine, qui n'a jamais fermé, poursuit normalement ses livraisons. Nous restons confiants », "
        "déclarent-ils dans la lettre qu'ils ont envoyée aux clients.",
        [("direct", "Notre usine, qui n'a jamais fermé, poursuit normalement ses livraisons", None)],
    ),
    (
        "negated-infinitive-with-clitic",
        "Le patron du groupe a précisé ne pas se faire de souci pour les ventes de l'hiver.",
        [("indirect", "ne pas se faire de souci", "patron")],
    ),
    (
        "participle-cue-after-a-description",
        "Le directeur de l'usine a démenti, expliquant qu'il n'avait jamais reçu la lettre des salariés.",
        [("indirect", "il n'avait jamais reçu", "directeur")],
    ),
    (
        "no-comma-after-the-closing-mark",
        "« Les élèves circulent librement, le risque existe » explique le porte-parole de la police, Marc Blanc.",
        [("direct", "Les élèves circulent librement", "Blanc")],
    ),
    (
        "no-comma-inverted-pronoun",
        "Claire Roux a pris la parole. « Nous ne céderons pas sur ce point » a-t-elle lancé aux élus.",
        [("direct", "Nous ne céderons pas", "Roux")],
    ),
    (
        "no-comma-inverted-body",
        "« Nous ne signerons rien sans garanties sur les salaires » martèle le syndicat des cheminots.",
        [("direct", "Nous ne signerons rien", "syndicat")],
    ),
    (
        "title-before-its-verb-with-an-object",
        "« Les Enfants du marais de Sologne » raconte la guerre des braconniers au siècle dernier.",
        [],
    ),
    ("title-before-its-verb", "Le roman « Les Misérables de Paris » raconte la vie de Jean Valjean.", []),
    (
        "source-marker-around-a-report",
        "Selon le site de la radio, le porte-parole du ministère russe des Affaires étrangères Igor Dastov a "
        "démenti que des soldats étaient présents.",
        [("indirect", "des soldats étaient présents", "Dastov")],
    ),
    ("scare-quotes", 'La ville, surnommée la "capitale" du jazz, accueille un festival chaque été.', []),
    ("scare-guillemets", "Le gouvernement veut lutter contre les « fake news » sur les réseaux sociaux.", []),
    ("title-of-work", "Le film « Les Misérables » a reçu quatre prix lors de la cérémonie.", []),
    ("negated-verb", "Le ministre n'a pas annoncé que les impôts baisseraient.", []),
    ("negated-jamais", "Elle n'a jamais déclaré qu'elle quitterait le parti.", []),
    ("conditional-verb", "Le président pourrait annoncer que le couvre-feu est levé.", []),
    ("future-verb", "Le maire annoncera demain que la piscine rouvre.", []),
    ("hypothetical-si", "S'il déclarait que la réforme est abandonnée, les syndicats reprendraient le dialogue.", []),
    ("question", "A-t-il affirmé que la crise était finie ?", []),
    ("noun-object", "Le gouvernement a annoncé une hausse des salaires des enseignants.", []),
    ("non-speech-que", "Il faut que les élus prennent leurs responsabilités.", []),
    ("pour-infinitive", "Pour réduire les embouteillages, la ville a créé de nouvelles pistes cyclables.", []),
    ("selon-que", "Les tarifs varient selon que le client habite en ville ou à la campagne.", []),
    ("dates-not-speech", "Le 14 juillet, le défilé a réuni des milliers de spectateurs sur les Champs-Élysées.", []),
    ("refuse-de-dire", "Le club a refusé de dire que l'entraîneur était limogé.", []),
    # -- more speakers ---------------------------------------------------------------------------
    (
        "role-description-resolution",
        "La ministre de la Culture Hélène Marchand a visité le musée. « Ce lieu doit rester gratuit », a affirmé la ministre.",
        [("direct", "Ce lieu doit rester gratuit", "Marchand")],
    ),
    (
        "ce-dernier",
        "Paul Mercier a rencontré le préfet. Ce dernier a assuré que les travaux commenceraient en avril.",
        [("indirect", "les travaux commenceraient", "préfet")],
    ),
    (
        "title-mme",
        "Mme Lagarde a confirmé que la banque relèverait ses taux.",
        [("indirect", "la banque relèverait", "Lagarde")],
    ),
    (
        "speaker-after-pp",
        "« Nous ne lâcherons rien », a déclaré à l'AFP Sandrine Colin, la présidente du collectif.",
        [("direct", "Nous ne lâcherons rien", "Colin")],
    ),
    (
        "gender-picks-right-person",
        "Marc Dubois et Julie Lemoine ont signé l'accord. « C'est un grand jour », a-t-elle déclaré.",
        [("direct", "C'est un grand jour", "Lemoine")],
    ),
    (
        "plural-pronoun-group",
        "Les infirmières du centre hospitalier ont manifesté. « Nous sommes à bout », ont-elles expliqué.",
        [("direct", "Nous sommes à bout", "infirmières")],
    ),
    (
        "learnt-from-sources",
        "Un adolescent a été blessé par balle dimanche à Nîmes, a appris l'AFP de sources concordantes.",
        [("indirect", "Un adolescent a été blessé", "sources")],
    ),
    (
        "learnt-from-the-prosecutor",
        "La conductrice roulait à plus de 150 km/h, a-t-on appris lundi auprès du parquet de Lorient.",
        [("indirect", "La conductrice roulait", "parquet")],
    ),
    (
        "source-marker-with-relative-clause",
        "Selon le quotidien Ouest-France, qui cite un rapport interne, la ligne fermera en 2027.",
        [("indirect", "la ligne fermera", "Ouest-France")],
    ),
    (
        "source-marker-name-without-comma",
        "Selon la préfète Hélène Marchand les secours ont été ralentis par la neige.",
        [("indirect", "les secours ont été ralentis", "Marchand")],
    ),
    (
        "report-inside-an-inverted-report",
        "Le prévenu a reconnu avoir frappé son voisin, mais pas avec un couteau, a déclaré mardi la procureure "
        "Anne Vidal.",
        [("indirect", "Le prévenu a reconnu", "Vidal")],
    ),
    (
        "inverted-report-by-a-radio",
        "La députée a démissionné de son groupe et a annoncé qu'elle siègerait chez les non-inscrits, rapporte "
        "le quotidien régional.",
        [("indirect", "La députée a démissionné", "quotidien")],
    ),
    (
        "incise-verb-reports-only-before-its-subject",
        "Le centre accompagne les familles, organise des ateliers, fait du soutien scolaire le mercredi.",
        [],
    ),
    (
        "a-verb-after-sans-reports-nothing",
        "Le préfet est reparti sans dire que la route serait rouverte avant l'hiver.",
        [],
    ),
    (
        "subject-after-a-participial-opening",
        "Interrogé mardi au téléphone, le syndicaliste estime que la direction a mis en péril la santé des agents.",
        [("indirect", "la direction a mis en péril", "syndicaliste")],
    ),
    (
        "incise-with-an-indefinite-pronoun-for-subject",
        "Le maire Paul Roux a défendu le projet. « Nous refusons de payer pour les autres », ont rétorqué certains.",
        [("direct", "Nous refusons de payer", "certains")],
    ),
    (
        "a-passive-after-a-comma-is-no-cue",
        "Une réponse qui, comme le rappelle l’adjoint, a été communiquée à tous les riverains avant le chantier.",
        [],
    ),
    (
        "aside-between-verb-and-que",
        "Le préfet assure de son côté que les digues tiendront jusqu'au printemps prochain.",
        [("indirect", "les digues tiendront", "préfet")],
    ),
    (
        "que-elided-before-a-quotation-mark",
        "La direction affirme qu’« aucune solution de reprise » n’a été trouvée pour le site de Vierzon.",
        [("mixed", "« aucune solution de reprise »", "direction")],
    ),
    (
        "de-elided-before-a-quotation-mark",
        "Le ministre a promis d’« agir vite » pour les éleveurs touchés par la sécheresse.",
        [("mixed", "d’« agir vite »", "ministre")],
    ),
    (
        "source-marker-closing-a-clause-mid-sentence",
        "La fermeture a surpris les quarante salariés, selon le syndicat Sud, alors que la mairie espérait un repreneur.",
        [("indirect", "La fermeture a surpris", "Sud")],
    ),
    (
        "que-of-a-conjunction-is-no-reported-clause",
        "« Nous avons tout fait pour l'aider », dit-il, alors qu'une voisine appelait déjà les secours.",
        [("direct", "Nous avons tout fait", None)],
    ),
    (
        "short-quotation-after-a-fronted-phrase-cue-without-comma",
        "Du côté de la défense, « c'était très dur » reconnaît son avocate, Me Claire Noël.",
        [("direct", "c'était très dur", "Noël")],
    ),
    (
        "the-subject-nearest-before-the-verb",
        "Là où le bât blesse, c’est que le médecin légiste a estimé que la victime était morte avant l'incendie.",
        [("indirect", "la victime était morte", "légiste")],
    ),
    (
        "a-quoted-name-in-the-subject-apposition-is-no-quotation",
        "« Les enfants placés n'ont pas été protégés », dit Anne Lebon, présidente de \"l'Enfance d'abord\", partie civile.",
        [("direct", "Les enfants placés", "Lebon")],
    ),
    (
        "a-day-tagged-as-an-infinitive-is-no-complement",
        "« La frontière restera fermée aux camions », a déclaré jeudi la porte-parole du gouvernement, Anne Dufour, "
        "citée par l'agence Belga.",
        [("direct", "La frontière restera fermée", "Dufour")],
    ),
    (
        "source-marker-with-a-role-apposed-without-article",
        "Pour l'économiste Claire Vidal, chercheuse à l'université de Lille, la reprise « sera lente et fragile ».",
        [("mixed", "la reprise « sera lente", "Vidal")],
    ),
    (
        "source-marker-closing-the-sentence-with-a-name-apposed",
        "Les pertes dépassent deux millions d'euros, selon le trésorier du club, Marc Olivier.",
        [("indirect", "Les pertes dépassent deux millions", "Olivier")],
    ),
    (
        "source-marker-after-an-adverb",
        "Le chantier a pris du retard. Toujours selon la mairie, la salle des fêtes ouvrira en mars.",
        [("indirect", "la salle des fêtes ouvrira en mars", "mairie")],
    ),
    (
        "source-marker-with-a-contracted-article",
        "Aux yeux des enseignants, la réforme des rythmes scolaires est un échec.",
        [("indirect", "la réforme des rythmes scolaires", "enseignants")],
    ),
    (
        "comme-with-a-reporting-verb-heading-the-sentence",
        "Comme l'a rappelé la directrice de l'hôpital, les urgences fermeront la nuit dès janvier.",
        [("indirect", "les urgences fermeront la nuit", "directrice")],
    ),
    (
        "comme-with-a-reporting-verb-closing-the-sentence",
        "Le budget sera voté en mars, comme le précise le trésorier Marc Olivier.",
        [("indirect", "Le budget sera voté en mars", "Olivier")],
    ),
    (
        "comme-with-a-verb-whose-subject-cannot-speak-is-no-quote",
        "Comme l'indique le panneau à l'entrée du parc, les chiens doivent être tenus en laisse.",
        [],
    ),
    (
        "a-fronted-participle-reports-up-to-the-main-clause",
        "Rappelant que deux enfants avaient été blessés l'an dernier, la directrice a demandé un feu rouge.",
        [("indirect", "deux enfants avaient été blessés l'an dernier", "directrice")],
    ),
    (
        "an-infinitive-reporting-verb-after-tenir-a",
        "La directrice de l'usine a tenu à préciser que personne n'avait été licencié.",
        [("indirect", "personne n'avait été licencié", "directrice")],
    ),
    (
        "an-infinitive-reporting-verb-after-manquer-de-goes-to-the-subject",
        "Le maire de Dole n'a pas manqué de rappeler que la piscine avait coûté trois millions.",
        [("indirect", "la piscine avait coûté trois millions", "maire")],
    ),
    (
        "an-adjective-after-the-verb-is-no-inverted-subject",
        "La rectrice juge nécessaire que les parents soient informés plus tôt.",
        [("indirect", "les parents soient informés", "rectrice")],
    ),
    (
        "pronoun-after-organisation",
        "Amnesty International publie un rapport accablant. « Les détenus sont torturés », affirme l'ONG.",
        [("direct", "Les détenus sont torturés", None)],
    ),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_quotation_patterns(name: str, text: str, expected: Expected) -> None:
    doc = quotex.extract(text)
    got = [(q.type, q.content.text, doc.speaker_of(q)) for q in doc.quotes]
    assert len(got) == len(expected), f"{name}: got {[(t, c) for t, c, _ in got]}"
    for (etype, estart, espeaker), (gtype, gcontent, gspeaker) in zip(expected, got):
        assert gtype == etype, f"{name}: type {gtype} for «{gcontent}»"
        assert gcontent.startswith(estart), f"{name}: content «{gcontent}»"
        if espeaker is not None:
            assert gspeaker is not None, f"{name}: no speaker for «{gcontent}»"
            names = " ".join((gspeaker.name, *gspeaker.aliases)).lower()
            assert espeaker.lower() in names, f"{name}: speaker {gspeaker.name!r}"
    for span in doc.spans():
        assert text[span.start : span.end] == span.text


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(
    "text,content",
    [
        (
            "La ministre Anne Roux a assuré qu'aucune fermeture n'était prévue, lundi lors d'une visite à Lille.",
            "aucune fermeture n'était prévue",
        ),
        (
            "Le juge a estimé que le dossier était vide et a rappelé que la loi protège les témoins.",
            "le dossier était vide",
        ),
        (
            "Le maire a rappelé que la route serait fermée (travaux, accident, etc.) Pour les riverains, rien ne change.",
            "la route serait fermée (travaux, accident, etc.)",
        ),
        (
            "La directrice a expliqué que l'école fermerait, avant d'ajouter que les élèves seraient accueillis à Lyon.",
            "l'école fermerait",
        ),
        (
            "Le maire a estimé que le projet était bon, mais les financements manquent encore.",
            "le projet était bon",
        ),
    ],
)
def test_where_reported_content_ends(text: str, content: str) -> None:
    doc = quotex.extract(text)
    assert doc.quotes and doc.quotes[0].content.text == content, [q.content.text for q in doc.quotes]


def test_a_stressed_pronoun_after_the_subject_is_no_part_of_the_mention() -> None:
    doc = quotex.extract("Les riverains, eux, estiment qu'on ne les a jamais consultés.")
    assert [q.speaker_mention.text for q in doc.quotes if q.speaker_mention] == ["Les riverains"]
