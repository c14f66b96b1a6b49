package fr.ent.platform.adminapi;

/**
 * The account tenant-manager deleted from the collectivity's realm for an erasure (issue 18, ADR 0032): who it was,
 * so that the runtime erases what its apps keep by login or by subject (flash authors, moderation reports, the
 * person's own data requests).
 *
 * @param entUserId the directory id the account was tied to
 * @param login     its login
 * @param subject   its subject in the realm (the tokens' {@code sub})
 */
public record AccountErasedView(String entUserId, String login, String subject) {
}
