package fr.ent.platform.tenants.api;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.tenants.access.AdminCaller;
import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenants.backup.BackupPolicy;
import fr.ent.platform.tenants.backup.BackupScheduler;
import fr.ent.platform.tenants.backup.BackupSchedules;
import fr.ent.platform.tenants.backup.BackupView;
import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.time.ShiftedClock;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import java.util.Optional;
import fr.ent.platform.tenants.backup.Backups;
import fr.ent.platform.tenants.lifecycle.CollectivityService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A collectivity's backups and restores (issue 18 item 4, ADR 0040, docs/backup.md). Operators only
 * (platform-admin token, {@code AdminAccessFilter}); the collectivity's SUPER_ADMIN may read where they stand, as
 * anything under its collectivity, but not take the encrypted file nor start anything.
 */
@Path("/collectivities/{slug}/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BackupResource {

    @Inject
    CollectivityService collectivities;

    @Inject
    Backups backups;

    @Inject
    AdminCaller caller;

    @Inject
    BackupScheduler scheduler;

    @Inject
    SettingReader settings;

    @Inject
    BackupSchedules schedules;

    @GET
    @Path("schedule")
    @Operation(summary = "Le calendrier des sauvegardes de la collectivité et leur conservation (ADR 0046)")
    public BackupScheduleView schedule(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        return BackupScheduleView.of(c.slug(), scheduler.policyOf(c), schedules.of(c.id()),
                new ShiftedClock(settings).instant());
    }

    @PUT
    @Path("schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choisir l'heure, le fuseau, l'activation et la conservation des sauvegardes planifiées de"
            + " la collectivité (null : la valeur par défaut de la plateforme)")
    @APIResponse(responseCode = "400", description = "Heure, fuseau ou nombre hors de ses règles",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public BackupScheduleView setSchedule(@PathParam("slug") String slug, BackupScheduleRequest body) {
        if (body == null) {
            throw new InvalidInput("malformed-request");
        }
        Collectivity c = collectivities.get(slug);
        schedules.set(c.id(), new BackupPolicy.Override(Optional.ofNullable(body.enabled()),
                Optional.ofNullable(body.hour()), Optional.ofNullable(body.zone()),
                Optional.ofNullable(body.keepDaily()), Optional.ofNullable(body.keepWeekly())), scheduler.defaults(),
                "operator:" + caller.username());
        BackupScheduleView now = schedule(slug);
        backups.recordScheduleChange(c, "operator:" + caller.username(), "sauvegardes planifiées : " + now);
        return now;
    }

    @DELETE
    @Path("schedule")
    @Operation(summary = "Revenir au calendrier et à la conservation par défaut de la plateforme")
    public BackupScheduleView resetSchedule(@PathParam("slug") String slug) {
        Collectivity c = collectivities.get(slug);
        schedules.clear(c.id());
        BackupScheduleView now = schedule(slug);
        backups.recordScheduleChange(c, "operator:" + caller.username(), "sauvegardes planifiées par défaut : " + now);
        return now;
    }

    @POST
    @Operation(summary = "Sauvegarder la collectivité (données, fichiers, royaume), chiffrée, puis vérifiée par une"
            + " restauration dans un schéma jetable")
    @APIResponse(responseCode = "202", description = "Mise en file ; suivre /collectivities/{slug}/backups/{id}")
    public Response backup(@PathParam("slug") String slug) {
        return Response.accepted(backups.backup(collectivities.get(slug), "operator:" + caller.username())).build();
    }

    @GET
    @Operation(summary = "Les sauvegardes et restaurations de la collectivité, la plus récente d'abord")
    public List<BackupView> list(@PathParam("slug") String slug) {
        return backups.list(collectivities.get(slug));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Où en est une sauvegarde ou une restauration")
    public BackupView one(@PathParam("slug") String slug, @PathParam("id") String id) {
        return backups.find(collectivities.get(slug), id);
    }

    @GET
    @Path("{id}/file")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Le fichier chiffré d'une sauvegarde vérifiée (pour en garder une copie ailleurs)")
    public Response file(@PathParam("slug") String slug, @PathParam("id") String id) throws java.io.IOException {
        InputStream in = backups.file(collectivities.get(slug), id);
        StreamingOutput body = out -> {
            try (in) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM)
                .header("Content-Disposition", "attachment; filename=\"backup-" + slug + "-" + id + ".entbk\"").build();
    }

    @POST
    @Path("{id}/restore")
    @Operation(summary = "Restaurer une sauvegarde vérifiée : nouveau schéma, bascule, collectivité suspendue pendant")
    @APIResponse(responseCode = "202", description = "Sauvegarde déchiffrée et vérifiée ; la restauration suit")
    @APIResponse(responseCode = "400", description = "Sauvegarde abîmée, modifiée ou d'une autre collectivité (rien"
            + " n'est écrit)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response restore(@PathParam("slug") String slug, @PathParam("id") String id) {
        return Response.accepted(backups.restore(collectivities.get(slug), id, "operator:" + caller.username()))
                .build();
    }

    @POST
    @Path("restore")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Restaurer un fichier de sauvegarde envoyé (une copie gardée ailleurs)")
    @APIResponse(responseCode = "202", description = "Sauvegarde déchiffrée et vérifiée ; la restauration suit")
    @APIResponse(responseCode = "400", description = "Sauvegarde abîmée, modifiée ou d'une autre collectivité (rien"
            + " n'est écrit)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response restoreFile(@PathParam("slug") String slug, InputStream file) {
        if (file == null) {
            throw new InvalidInput("malformed-request");
        }
        return Response.accepted(backups.restore(collectivities.get(slug), file, "operator:" + caller.username()))
                .build();
    }
}
