package fr.ent.platform.sovereignty.catalogue;

import static fr.ent.platform.sovereignty.catalogue.Source.cnil;
import static fr.ent.platform.sovereignty.catalogue.Source.entArrete;
import static fr.ent.platform.sovereignty.catalogue.Source.gdpr;
import static fr.ent.platform.sovereignty.catalogue.Source.secNumCloud;

import fr.ent.platform.sovereignty.evaluation.RuleChecks;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sovereign-hosting rules. A reference that could not be checked against a published text is marked
 * {@value #TO_CHECK}, rather than given a precision nobody verified (see docs/sovereignty.md, « Sources »).
 */
public record Catalogue(List<Rule> rules) {

    public Catalogue {
        rules = List.copyOf(rules);
        Set<RuleId> seen = EnumSet.noneOf(RuleId.class);
        for (Rule rule : rules) {
            if (!seen.add(rule.id())) {
                throw new IllegalArgumentException("règle en double : " + rule.id());
            }
        }
    }

    public Rule rule(RuleId id) {
        return rules.stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NoSuchElementException("règle absente du catalogue : " + id));
    }

    public Set<RuleId> ids() {
        return rules.stream().map(Rule::id).collect(Collectors.toCollection(() -> EnumSet.noneOf(RuleId.class)));
    }

    /** Marks a reference not checked against the text it cites. */
    public static final String TO_CHECK = "(à vérifier)";

    private static final Source SNC_LOCATION = secNumCloud(
            "exigences de localisation des données et des traitements dans l'Union européenne (numéro de chapitre "
                    + TO_CHECK + ")");
    private static final Source SNC_CRYPTO = secNumCloud("chapitre « Cryptologie » (chiffrement des données) "
            + "(numéro de chapitre " + TO_CHECK + ")");
    private static final Source SNC_COMMS = secNumCloud("chapitre « Sécurité des communications » (numéro de chapitre "
            + TO_CHECK + ")");
    private static final Source GDPR_32 = gdpr("art. 32, §1, a) (pseudonymisation et chiffrement des données à "
            + "caractère personnel)");
    private static final Source GDPR_44 = gdpr("art. 44 (principe général applicable aux transferts hors UE) "
            + TO_CHECK);
    private static final Source GDPR_5_1_E = gdpr("art. 5, §1, e) (limitation de la conservation) " + TO_CHECK);

    public static Catalogue standard() {
        return new Catalogue(List.of(
                new Rule(RuleId.SNC_REGION_DATA,
                        "Les données d'une collectivité restent dans les régions de son choix de résidence",
                        List.of(SNC_LOCATION, GDPR_44),
                        Severity.BLOCKING, Scope.COLLECTIVITY,
                        "Pour chaque collectivité : les volumes persistants de données qui peuvent contenir ses données "
                                + "(les siens, étiquetés platform.ent.fr/collectivity avec son slug, et les volumes partagés) et "
                                + "les stockages objet configurés ont une région (label topology.kubernetes.io/region ou "
                                + "affinité de nœud), ainsi que chaque région où le PostgreSQL détenu par l'opérateur "
                                + "(Cluster CloudNativePG) peut tourner, parmi regions.fr (résidence FR) ou "
                                + "regions.fr + regions.eu (résidence EU). Région inconnue ou service non épinglé = "
                                + "violation.",
                        RuleChecks::regionData),
                new Rule(RuleId.SNC_REGION_BACKUP,
                        "Les sauvegardes restent dans les régions du choix de résidence",
                        List.of(SNC_LOCATION, GDPR_44),
                        Severity.BLOCKING, Scope.COLLECTIVITY,
                        "Comme SNC-REGION-DATA pour les volumes étiquetés ent.fr/purpose=backup, les points de "
                                + "sortie de type BACKUP et le stockage objet des sauvegardes (base et WAL) du "
                                + "PostgreSQL détenu par l'opérateur.",
                        RuleChecks::regionBackup),
                new Rule(RuleId.SNC_REGION_COMPUTE,
                        "Les nœuds qui traitent les données sont dans les régions du choix de résidence",
                        List.of(SNC_LOCATION),
                        Severity.BLOCKING, Scope.COLLECTIVITY,
                        "Chaque nœud (le runtime est partagé et traite les données de toutes les collectivités) a un "
                                + "label topology.kubernetes.io/region autorisé par la résidence de la collectivité ; "
                                + "le Keycloak détenu par l'opérateur est épinglé à des régions autorisées.",
                        RuleChecks::regionCompute),
                new Rule(RuleId.SNC_QUALIFIED_PROVIDER,
                        "L'hébergement est assuré par des prestataires qualifiés",
                        List.of(secNumCloud("qualification SecNumCloud du prestataire (liste des prestataires "
                                + "qualifiés publiée par l'ANSSI)"),
                                secNumCloud("§ 19.6 « Immunité au droit extracommunautaire » (siège et contrôle du "
                                        + "prestataire dans l'Union européenne), ajouté par la version 3.2 de mars "
                                        + "2022")),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "Le label ent.fr/provider de chaque nœud et le fournisseur des stockages objet et sauvegardes "
                                + "externes figurent dans qualified-providers.json (fichier daté et sourcé). "
                                + "Fournisseur non déclaré = violation.",
                        RuleChecks::qualifiedProvider),
                new Rule(RuleId.SNC_ENCRYPTION_AT_REST,
                        "Les données sont chiffrées au repos",
                        List.of(SNC_CRYPTO, GDPR_32),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "Les classes de stockage des volumes persistants, la classe par défaut et celle du "
                                + "PostgreSQL détenu par l'opérateur existent et ont un paramètre encrypted, encryption "
                                + "ou csi.storage.k8s.io/encrypted à \"true\" ; ses sauvegardes (base et WAL) sont "
                                + "chiffrées.",
                        RuleChecks::encryptionAtRest),
                new Rule(RuleId.SNC_TLS_INGRESS,
                        "Les flux entrants sont chiffrés (TLS)",
                        List.of(SNC_CRYPTO, SNC_COMMS, GDPR_32),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "Chaque hôte des règles de chaque Ingress figure dans une entrée spec.tls.",
                        RuleChecks::tlsIngress),
                new Rule(RuleId.SNC_TLS_EGRESS,
                        "Les flux sortants sont chiffrés (TLS)",
                        List.of(SNC_CRYPTO, SNC_COMMS, GDPR_32),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "Chaque point de sortie configuré utilise https ou smtps, ou exige STARTTLS.",
                        RuleChecks::tlsEgress),
                new Rule(RuleId.SNC_REGISTRY_ALLOWLIST,
                        "Les images de conteneur viennent des registres autorisés",
                        List.of(secNumCloud("maîtrise des logiciels déployés et de la chaîne d'approvisionnement "
                                + "(chapitre « Sécurité liée à l'exploitation », numéro de chapitre " + TO_CHECK
                                + ")")),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "Le dépôt de chaque image de conteneur et d'initialisation des pods (registre explicite, "
                                + "docker.io pour un nom court) est un registre ou préfixe de registries.allowed.",
                        RuleChecks::registryAllowList),
                new Rule(RuleId.SNC_EGRESS_ALLOWLIST,
                        "Les flux sortants ne vont qu'à des destinations autorisées",
                        List.of(secNumCloud("chapitre « Sécurité des communications » (filtrage des flux, numéro de "
                                + "chapitre " + TO_CHECK + ")"),
                                gdpr("art. 32 (sécurité du traitement)")),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "L'hôte de chaque point de sortie configuré (IA, SMTP, stockage objet, sauvegardes) figure "
                                + "dans egress.hosts.allowed (nom exact ou *.domaine).",
                        RuleChecks::egressAllowList),
                new Rule(RuleId.GDPR_ART44_TRANSFER,
                        "Aucun transfert de données personnelles hors de l'Union européenne",
                        List.of(GDPR_44,
                                gdpr("art. 45 et 46 (décision d'adéquation, garanties appropriées) " + TO_CHECK)),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "Chaque point de sortie configuré déclare une région, et cette région est dans regions.fr ou "
                                + "regions.eu. Région non déclarée = violation.",
                        RuleChecks::gdprTransfer),
                new Rule(RuleId.SNC_ADMIN_MFA,
                        "Les administrateurs s'authentifient avec plusieurs facteurs",
                        List.of(secNumCloud("chapitre « Contrôle d'accès et gestion des identités » "
                                + "(authentification multifacteur des administrateurs, numéro de chapitre " + TO_CHECK
                                + ")"), gdpr("art. 32 (sécurité du traitement)")),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "admin.mfa.required=true dans la configuration de la plateforme.",
                        RuleChecks::adminMfa),
                new Rule(RuleId.CNIL_LOG_RETENTION,
                        "Les journaux sont conservés entre 6 et 12 mois",
                        List.of(cnil("recommandation relative à la journalisation, délibération n° 2021-122 du "
                                + "14 octobre 2021 (conservation de 6 mois à 1 an) " + TO_CHECK), GDPR_5_1_E),
                        Severity.WARNING, Scope.PLATFORM,
                        "logs.retention.days est présent et compris entre 180 et 366 jours.",
                        RuleChecks::logRetention),
                new Rule(RuleId.ENT_ART6_ACCOUNT_DELETION,
                        "Les comptes ENT sont supprimés au plus tard 3 mois après la perte du droit d'accès",
                        List.of(entArrete("art. 6 (durée de conservation des données des comptes ; délai de 3 mois "
                                + TO_CHECK + ")"), GDPR_5_1_E),
                        Severity.BLOCKING, Scope.PLATFORM,
                        "accounts.deletion.delay.days est présent et compris entre 0 et 90 jours.",
                        RuleChecks::accountDeletion),
                new Rule(RuleId.GDPR_ART28_REVERSIBILITY,
                        "Un export complet des données d'une collectivité est disponible (réversibilité)",
                        List.of(gdpr("art. 28, §3, g) (le sous-traitant supprime ou renvoie toutes les données au "
                                + "terme de la prestation)"),
                                gdpr("art. 20 (portabilité, droit de la personne concernée) " + TO_CHECK),
                                secNumCloud("exigence de réversibilité (numéro de chapitre " + TO_CHECK + ")")),
                        Severity.WARNING, Scope.PLATFORM,
                        "tenant.export.available=true dans la configuration de la plateforme, et un export complet "
                                + "de la collectivité testé (archive relue, sommes de contrôle vérifiées) depuis moins de "
                                + RuleChecks.TESTED_EXPORT_MAX_DAYS + " jours.",
                        RuleChecks::reversibility)));
    }
}
