package fr.ent.platform.apps.privacy.export;

import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.Support;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The archive's {@code LISEZMOI.txt}: in French, for the person who opens the archive (a pupil, a parent), what each
 * file is and how to read it, and what the archive does not hold yet and why.
 */
final class Readme {

    /** What each app's file holds, in words a person reads; an app not listed is named by its id. */
    private static final Map<String, String> APPS = Map.ofEntries(
            Map.entry("directory", "votre fiche de l'annuaire (nom, profil, école), vos classes, vos groupes, vos"
                    + " liens parent–enfant, vos réglages (langue, fuseau horaire, applications favorites) et les"
                    + " comptes d'autres services liés au vôtre"),
            Map.entry("notifications", "les notifications que vous avez reçues, vos choix de notifications et vos"
                    + " heures de tranquillité"),
            Map.entry("messagerie", "vos messages (reçus, envoyés, brouillons), vos dossiers et la liste des pièces"
                    + " jointes de vos messages"),
            Map.entry("actualites", "les fils d'actualités que vous avez créés, les actualités et les commentaires"
                    + " que vous avez écrits"),
            Map.entry("documents", "la liste de vos dossiers et fichiers de l'espace documentaire avec leurs"
                    + " versions ; les fichiers eux-mêmes sont dans files/documents/"),
            Map.entry("diary", "les séances et devoirs que vous avez écrits dans le cahier de textes"),
            Map.entry("flash", "les messages flash que vous avez écrits et ceux que vous avez masqués"),
            Map.entry("moderation", "vos signalements de contenus, les contenus signalés dont vous êtes l'auteur"
                    + " et les décisions de modération que vous avez prises"),
            Map.entry("sharing", "ce que vous avez partagé et ce qui vous a été partagé"),
            Map.entry("console", "ce que vous avez fait comme administrateur dans la console et ce que les"
                    + " administrateurs ont fait à votre sujet"),
            Map.entry("privacy", "vos demandes de téléchargement de vos données"));

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm (z)",
            Locale.FRENCH).withZone(ZoneId.of("Europe/Paris"));

    private Readme() {
    }

    static String text(String collectivity, Person person, Instant at, List<DataContract> contracts) {
        StringBuilder t = new StringBuilder();
        t.append("VOS DONNÉES — ").append(collectivity).append("\n\n");
        t.append("Cette archive contient ce que l'ENT de ").append(collectivity)
                .append(" conserve à votre sujet (compte « ").append(person.username()).append(" »), préparée le ")
                .append(WHEN.format(at)).append(".\n");
        t.append("Vous l'avez demandée depuis « Mon compte », au titre de votre droit d'accès et de votre droit à"
                + " la portabilité (RGPD, articles 15 et 20).\n\n");
        t.append("COMMENT LA LIRE\n\n");
        t.append("- Les fichiers .json sont des fichiers texte au format JSON : un navigateur web ou un éditeur de"
                + " texte les ouvre, un tableur ou un autre service peut les importer.\n");
        t.append("- Les dates et heures sont en temps universel (UTC), au format ISO 8601 :"
                + " 2026-09-01T07:30:00Z est le 1er septembre 2026 à 9h30 à Paris (heure d'été).\n");
        t.append("- Les identifiants (« id », « user_id »…) sont les numéros internes de l'ENT : ils relient les"
                + " lignes entre elles (un message et ses destinataires, un fichier et son dossier).\n");
        t.append("- Chaque fichier <application>.json contient des « sections » : une liste de lignes par sorte"
                + " de données, une ligne par élément, avec ses champs.\n\n");
        t.append("LES FICHIERS\n\n");
        t.append("- LISEZMOI.txt : ce texte.\n");
        t.append("- manifeste.json : qui, quand, et pour chaque application de l'ENT ce qu'elle a donné"
                + " (« export » : DONE) ou pourquoi elle n'a rien donné.\n");
        for (DataContract c : contracts) {
            if (c.personExport().isDone()) {
                t.append("- ").append(c.app()).append(".json : ")
                        .append(APPS.getOrDefault(c.app(), "les données de l'application " + c.app())).append(".\n");
            }
        }
        t.append("- files/ : les fichiers d'origine (files/documents/ : vos documents, dans leur dernière version).\n\n");
        t.append("CE QUE L'ARCHIVE NE CONTIENT PAS\n\n");
        boolean none = true;
        for (DataContract c : contracts) {
            Support s = c.personExport().support();
            if (s != Support.DONE) {
                none = false;
                t.append("- ").append(c.app()).append(" : ").append(switch (s) {
                    case NOTHING_HELD -> "rien à votre sujet — ";
                    case KEPT -> "conservé — ";
                    default -> "pas encore exporté — ";
                }).append(c.personExport().why()).append('\n');
            }
        }
        if (none) {
            t.append("- Rien : chaque application de l'ENT a donné ce qu'elle conserve à votre sujet.\n");
        }
        t.append("- Votre mot de passe et votre second facteur ne sont jamais conservés par l'ENT : ils sont gérés"
                + " par le service de connexion.\n\n");
        t.append("Pour toute question, ou pour faire rectifier ou effacer vos données, adressez-vous à votre"
                + " établissement ou au délégué à la protection des données de ").append(collectivity).append(".\n");
        return t.toString();
    }
}
