package fr.ent.platform.sovereignty.evaluation;

import fr.ent.platform.sovereignty.inventory.CollectivityResidency;
import fr.ent.platform.sovereignty.inventory.ContainerImage;
import fr.ent.platform.sovereignty.inventory.DataService;
import fr.ent.platform.sovereignty.inventory.EgressEndpoint;
import fr.ent.platform.sovereignty.inventory.IngressTls;
import fr.ent.platform.sovereignty.inventory.Inventory;
import fr.ent.platform.sovereignty.inventory.Node;
import fr.ent.platform.sovereignty.inventory.PersistentVolume;
import fr.ent.platform.sovereignty.inventory.PlatformSettings;
import fr.ent.platform.sovereignty.inventory.StorageClass;
import fr.ent.platform.sovereignty.policy.PolicyConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The evaluators of the standard catalogue, one method per rule. Evidence and fixes are in French. */
public final class RuleChecks {

    /** Log retention bounds (6 to 12 months), in days. */
    public static final int LOG_RETENTION_MIN_DAYS = 180;
    public static final int LOG_RETENTION_MAX_DAYS = 366;
    /** Account deletion after losing the right to the ENT: at most 3 months, counted as 90 days. */
    public static final int ACCOUNT_DELETION_MAX_DAYS = 90;

    private RuleChecks() {
    }

    // ---- location (per collectivity) ----

    public static Verdict regionData(Inventory inv, PolicyConfiguration policy, CollectivityResidency c) {
        List<Located> items = new ArrayList<>();
        inv.volumes().stream()
                .filter(v -> v.purpose() == PersistentVolume.Purpose.DATA && v.holdsDataOf(c.slug()))
                .forEach(v -> items.add(new Located("volume " + v.name(), v.region())));
        inv.egress().stream().filter(e -> e.kind() == EgressEndpoint.Kind.OBJECT_STORAGE)
                .forEach(e -> items.add(new Located("stockage objet " + e.name() + " (" + e.host() + ")", e.region())));
        // the platform's own PostgreSQL holds every collectivity's schema: each region its pods may run in counts
        inv.dataServices().stream().filter(d -> d.kind() == DataService.Kind.POSTGRESQL)
                .forEach(d -> pinned(items, d, d.label()));
        return located(items, policy, c, "données",
                "aucun volume de données ni stockage objet ne contient les données de la collectivité",
                "Déplacer les volumes et le stockage objet concernés vers une région autorisée, ou étiqueter le "
                        + "volume (topology.kubernetes.io/region) si sa région n'est pas déclarée.");
    }

    public static Verdict regionBackup(Inventory inv, PolicyConfiguration policy, CollectivityResidency c) {
        List<Located> items = new ArrayList<>();
        inv.volumes().stream()
                .filter(v -> v.purpose() == PersistentVolume.Purpose.BACKUP && v.holdsDataOf(c.slug()))
                .forEach(v -> items.add(new Located("volume de sauvegarde " + v.name(), v.region())));
        inv.egress().stream().filter(e -> e.kind() == EgressEndpoint.Kind.BACKUP)
                .forEach(e -> items.add(new Located("sauvegarde " + e.name() + " (" + e.host() + ")", e.region())));
        inv.dataServices().stream().filter(d -> d.backup() != null)
                .forEach(d -> items.add(new Located("sauvegardes de " + d.label() + " (" + d.backup().destination()
                        + ")", d.backup().region())));
        return located(items, policy, c, "sauvegardes",
                "aucune sauvegarde déclarée (volume ent.fr/purpose=backup ou point de sortie de type BACKUP)",
                "Reconfigurer la destination des sauvegardes vers une région autorisée et déclarer sa région.");
    }

    public static Verdict regionCompute(Inventory inv, PolicyConfiguration policy, CollectivityResidency c) {
        List<Located> items = new ArrayList<>(
                inv.nodes().stream().map(n -> new Located("nœud " + n.name(), n.region())).toList());
        // Keycloak's pods handle every account's credentials: where they may run is a location of the data too
        inv.dataServices().stream().filter(d -> d.kind() == DataService.Kind.KEYCLOAK)
                .forEach(d -> pinned(items, d, "pods de " + d.label()));
        return located(items, policy, c, "nœuds de calcul", "aucun nœud dans l'inventaire",
                "Retirer (cordon puis drain) les nœuds hors des régions autorisées, ou étiqueter "
                        + "topology.kubernetes.io/region les nœuds dont la région n'est pas déclarée.");
    }

    private record Located(String what, String region) {
    }

    /** One item per region the service is pinned to; an unpinned service is one item of unknown region. */
    private static void pinned(List<Located> items, DataService d, String what) {
        if (d.regions().isEmpty()) {
            items.add(new Located(what + " (non épinglé à une région)", null));
        } else {
            d.regions().forEach(r -> items.add(new Located(what, r)));
        }
    }

    private static Verdict located(List<Located> items, PolicyConfiguration policy, CollectivityResidency c,
                                   String noun, String none, String fix) {
        if (items.isEmpty()) {
            return Verdict.notApplicable(none + ".");
        }
        Set<String> allowed = policy.allowedRegions(c.residency());
        List<String> outside = new ArrayList<>();
        for (Located item : items) {
            if (item.region() == null) {
                outside.add(item.what() + " : région inconnue");
            } else if (!allowed.contains(item.region())) {
                outside.add(item.what() + " : région " + item.region());
            }
        }
        String residency = "résidence " + c.residency() + " (régions autorisées : " + new TreeSet<>(allowed) + ")";
        if (outside.isEmpty()) {
            return Verdict.compliant(items.size() + " élément(s) (" + noun + ") dans les régions autorisées, "
                    + residency + ".");
        }
        return Verdict.violated(noun + " hors des régions autorisées pour la " + residency + " : "
                + String.join(" ; ", outside) + ".", fix);
    }

    // ---- providers ----

    public static Verdict qualifiedProvider(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        var providers = policy.qualifiedProviders();
        List<String> checked = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (Node n : inv.nodes()) {
            checked.add("nœud " + n.name());
            if (n.provider() == null) {
                bad.add("nœud " + n.name() + " : fournisseur non déclaré (label " + Node.PROVIDER_LABEL + ")");
            } else if (providers.find(n.provider()).isEmpty()) {
                bad.add("nœud " + n.name() + " : « " + n.provider() + " » n'est pas dans la liste des prestataires qualifiés");
            }
        }
        for (EgressEndpoint e : inv.egress()) {
            if (!e.kind().storesData()) {
                continue;
            }
            checked.add(e.name());
            if (e.provider() == null) {
                bad.add(e.name() + " (" + e.host() + ") : fournisseur non déclaré");
            } else if (providers.find(e.provider()).isEmpty()) {
                bad.add(e.name() + " : « " + e.provider() + " » n'est pas dans la liste des prestataires qualifiés");
            }
        }
        String list = "liste du " + providers.date() + (providers.verifiedAgainstSource() ? "" : ", illustrative")
                + ", source : " + providers.source();
        if (checked.isEmpty()) {
            return Verdict.notApplicable("Aucun nœud ni stockage externe dans l'inventaire.");
        }
        if (bad.isEmpty()) {
            return Verdict.compliant(checked.size() + " hébergement(s) chez des prestataires qualifiés (" + list + ").");
        }
        return Verdict.violated(String.join(" ; ", bad) + " (" + list + ").",
                "Héberger ces ressources chez un prestataire de la liste (offre qualifiée SecNumCloud), ou déclarer "
                        + "le fournisseur (label " + Node.PROVIDER_LABEL + " / egress.<nom>.provider).");
    }

    // ---- encryption ----

    public static Verdict encryptionAtRest(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        Set<String> classes = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (PersistentVolume v : inv.volumes()) {
            if (v.storageClassName() == null || v.storageClassName().isBlank()) {
                bad.add("volume " + v.name() + " : sans classe de stockage, chiffrement inconnu");
            } else {
                classes.add(v.storageClassName());
            }
        }
        inv.storageClasses().stream().filter(StorageClass::defaultClass).forEach(s -> classes.add(s.name()));
        for (DataService d : inv.dataServices()) {
            if (d.storageClassName() != null && !d.storageClassName().isBlank()) {
                classes.add(d.storageClassName());
            }
            if (d.backup() != null && !d.backup().encrypted()) {
                bad.add("sauvegardes de " + d.label() + " : non chiffrées (sauvegardes de base et archives WAL)");
            }
        }
        for (String name : classes) {
            var sc = inv.storageClass(name);
            if (sc.isEmpty()) {
                bad.add("classe " + name + " : introuvable, chiffrement inconnu");
            } else if (!sc.get().encryptedAtRest()) {
                bad.add("classe " + name + " (" + sc.get().provisioner() + ") : pas de paramètre de chiffrement à true");
            }
        }
        if (classes.isEmpty() && bad.isEmpty()) {
            return Verdict.notApplicable("Aucun volume persistant, classe de stockage par défaut ni service de données.");
        }
        if (bad.isEmpty()) {
            return Verdict.compliant("Classes de stockage utilisées ou par défaut chiffrées : " + classes + ".");
        }
        return Verdict.violated(String.join(" ; ", bad) + ".",
                "Utiliser une classe de stockage chiffrée (paramètre « encrypted: \"true\" » ou équivalent du pilote "
                        + "CSI) et migrer les volumes concernés ; chiffrer les sauvegardes des services de données "
                        + "(EntPlatform spec.managedDatabase.backup.encryption).");
    }

    public static Verdict tlsIngress(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        if (inv.ingresses().isEmpty()) {
            return Verdict.notApplicable("Aucun Ingress dans l'inventaire.");
        }
        List<String> bad = new ArrayList<>();
        int hosts = 0;
        for (IngressTls i : inv.ingresses()) {
            hosts += i.hosts().size();
            List<String> plain = i.hostsWithoutTls();
            if (!plain.isEmpty()) {
                bad.add("Ingress " + i.namespace() + "/" + i.name() + " : " + plain + " sans TLS");
            }
        }
        if (bad.isEmpty()) {
            return Verdict.compliant(hosts + " hôte(s) publiés en TLS sur " + inv.ingresses().size() + " Ingress.");
        }
        return Verdict.violated(String.join(" ; ", bad) + ".",
                "Ajouter à l'Ingress une section spec.tls couvrant ces hôtes (certificat dans un Secret).");
    }

    public static Verdict tlsEgress(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        if (inv.egress().isEmpty()) {
            return Verdict.notApplicable("Aucun point de sortie configuré.");
        }
        List<String> bad = inv.egress().stream().filter(e -> !e.tls()).map(e -> e.name() + " (" + e.address() + ")")
                .toList();
        if (bad.isEmpty()) {
            return Verdict.compliant(inv.egress().size() + " point(s) de sortie chiffrés (https, smtps ou STARTTLS exigé).");
        }
        return Verdict.violated("Points de sortie non chiffrés : " + String.join(", ", bad) + ".",
                "Utiliser https ou smtps, ou exiger STARTTLS (egress.<nom>.starttls=required).");
    }

    // ---- allow-lists ----

    public static Verdict registryAllowList(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        if (inv.images().isEmpty()) {
            return Verdict.notApplicable("Aucune image de conteneur dans l'inventaire.");
        }
        Set<String> bad = new TreeSet<>();
        for (ContainerImage image : inv.images()) {
            if (!policy.registryAllowed(image.repository())) {
                bad.add(image.image() + " (" + image.namespace() + "/" + image.pod() + ", registre " + image.registry() + ")");
            }
        }
        if (bad.isEmpty()) {
            return Verdict.compliant(inv.images().size() + " image(s) issues des registres autorisés "
                    + policy.allowedRegistries() + ".");
        }
        return Verdict.violated("Images hors des registres autorisés " + policy.allowedRegistries() + " : "
                + String.join(", ", bad) + ".",
                "Recopier ces images dans un registre autorisé et mettre à jour les manifestes.");
    }

    public static Verdict egressAllowList(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        if (inv.egress().isEmpty()) {
            return Verdict.notApplicable("Aucun point de sortie configuré.");
        }
        List<String> bad = inv.egress().stream().filter(e -> !policy.egressHostAllowed(e.host()))
                .map(e -> e.name() + " (" + e.host() + ")").toList();
        if (bad.isEmpty()) {
            return Verdict.compliant(inv.egress().size() + " point(s) de sortie dans la liste autorisée.");
        }
        return Verdict.violated("Points de sortie hors de la liste autorisée : " + String.join(", ", bad) + ".",
                "Retirer ces points de sortie de la configuration, ou les ajouter à egress.hosts.allowed après "
                        + "validation.");
    }

    public static Verdict gdprTransfer(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        if (inv.egress().isEmpty()) {
            return Verdict.notApplicable("Aucun point de sortie configuré : pas de transfert.");
        }
        Set<String> eu = policy.allowedRegions(fr.ent.platform.sovereignty.inventory.Residency.EU);
        List<String> bad = new ArrayList<>();
        for (EgressEndpoint e : inv.egress()) {
            if (e.region() == null) {
                bad.add(e.name() + " (" + e.host() + ") : région non déclarée");
            } else if (!eu.contains(e.region())) {
                bad.add(e.name() + " (" + e.host() + ") : région " + e.region() + " hors UE");
            }
        }
        if (bad.isEmpty()) {
            return Verdict.compliant("Les " + inv.egress().size() + " destinataires externes sont situés dans l'UE.");
        }
        return Verdict.violated("Transferts possibles hors UE : " + String.join(" ; ", bad) + ".",
                "Choisir un point de sortie situé dans l'UE (et déclarer egress.<nom>.region), ou encadrer le "
                        + "transfert (RGPD chap. V) avant de l'activer.");
    }

    // ---- platform settings ----

    public static Verdict adminMfa(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        Boolean mfa = inv.settings().adminMfaRequired();
        if (Boolean.TRUE.equals(mfa)) {
            return Verdict.compliant("Authentification multifacteur exigée pour les administrateurs.");
        }
        return Verdict.violated(mfa == null ? "Paramètre admin.mfa.required absent de la configuration."
                        : "admin.mfa.required=false : les administrateurs se connectent avec un seul facteur.",
                "Exiger un second facteur pour les comptes d'administration (admin.mfa.required=true).");
    }

    public static Verdict logRetention(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        Integer days = inv.settings().logRetentionDays();
        String bounds = "entre " + LOG_RETENTION_MIN_DAYS + " et " + LOG_RETENTION_MAX_DAYS + " jours (6 à 12 mois)";
        if (days == null) {
            return Verdict.violated("Paramètre logs.retention.days absent de la configuration.",
                    "Fixer logs.retention.days " + bounds + ".");
        }
        if (days >= LOG_RETENTION_MIN_DAYS && days <= LOG_RETENTION_MAX_DAYS) {
            return Verdict.compliant("Journaux conservés " + days + " jours, " + bounds + ".");
        }
        return Verdict.violated("Journaux conservés " + days + " jours, hors de l'intervalle " + bounds + ".",
                "Fixer logs.retention.days " + bounds + ".");
    }

    public static Verdict accountDeletion(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        Integer days = inv.settings().accountDeletionDelayDays();
        if (days == null) {
            return Verdict.violated("Paramètre accounts.deletion.delay.days absent de la configuration.",
                    "Fixer accounts.deletion.delay.days à " + ACCOUNT_DELETION_MAX_DAYS + " jours au plus.");
        }
        if (days < 0) {
            return Verdict.violated("accounts.deletion.delay.days=" + days + " : délai négatif, invalide.",
                    "Fixer accounts.deletion.delay.days entre 0 et " + ACCOUNT_DELETION_MAX_DAYS + " jours.");
        }
        if (days <= ACCOUNT_DELETION_MAX_DAYS) {
            return Verdict.compliant("Comptes supprimés " + days + " jours après la perte du droit d'accès (maximum "
                    + ACCOUNT_DELETION_MAX_DAYS + ").");
        }
        return Verdict.violated("Comptes supprimés " + days + " jours après la perte du droit d'accès, au-delà de "
                        + ACCOUNT_DELETION_MAX_DAYS + " jours (3 mois).",
                "Ramener accounts.deletion.delay.days à " + ACCOUNT_DELETION_MAX_DAYS + " jours au plus.");
    }

    /** How old the last tested export of a collectivity may be: one a quarter (ADR 0033). */
    public static final int TESTED_EXPORT_MAX_DAYS = 92;

    /**
     * Reversibility is shown, not declared: the export is offered (configuration) AND the collectivity's last full
     * export was tested (its stored archive read back whole, every checksum verified) less than
     * {@value #TESTED_EXPORT_MAX_DAYS} days ago. An evaluation that cannot see the exports (the operator's, from the
     * cluster's inventory: {@code asOf} null) says so and judges the configuration only.
     */
    public static Verdict reversibility(Inventory inv, PolicyConfiguration policy, CollectivityResidency ignored) {
        PlatformSettings s = inv.settings();
        if (!Boolean.TRUE.equals(s.tenantExportAvailable())) {
            return Verdict.violated(s.tenantExportAvailable() == null
                            ? "Paramètre tenant.export.available absent de la configuration."
                            : "Aucun export complet des données d'une collectivité n'est proposé.",
                    "Mettre à disposition l'export complet d'une collectivité (tenant.export.available=true une fois "
                            + "l'export opérationnel).");
        }
        if (s.asOf() == null) {
            return Verdict.compliant("Export complet des données d'une collectivité disponible (la date du dernier "
                    + "export testé est vérifiée par collectivité, dans le rapport de conformité de tenant-manager).");
        }
        if (s.lastTestedExport() == null) {
            return Verdict.violated("Aucun export complet testé de cette collectivité (archive relue depuis le stockage, "
                            + "sommes de contrôle vérifiées) n'est enregistré.",
                    "Lancer un export complet (console, « Exporter la collectivité », ou POST "
                            + "/admin/api/v1/collectivities/{slug}/exports) : il est vérifié à la fin.");
        }
        long days = java.time.Duration.between(s.lastTestedExport(), s.asOf()).toDays();
        String when = s.lastTestedExport().toString().substring(0, 10);
        if (days > TESTED_EXPORT_MAX_DAYS) {
            return Verdict.violated("Dernier export complet testé le " + when + ", il y a " + days + " jours (plus de "
                            + TESTED_EXPORT_MAX_DAYS + ").",
                    "Lancer un nouvel export complet de la collectivité : il est vérifié à la fin.");
        }
        return Verdict.compliant("Dernier export complet testé le " + when + " (il y a " + days + " jours) : archive "
                + "relue depuis le stockage, toutes ses sommes de contrôle SHA-256 vérifiées.");
    }
}
