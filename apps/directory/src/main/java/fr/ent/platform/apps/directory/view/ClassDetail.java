package fr.ent.platform.apps.directory.view;

import java.util.List;
import java.util.UUID;

/** A class with its members (pupils and teachers), as "Ma classe" shows it. */
public record ClassDetail(UUID id, UUID structureId, String name, String level, List<UserSummary> members) {
}
