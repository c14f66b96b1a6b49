package fr.ent.platform.adminapi;

import java.util.List;

/**
 * Answer of {@code POST /collectivities/{slug}/accounts/activation/status}: for each person asked about, their login
 * and where their account stands: {@code NONE} (no account yet), {@code PENDING} (activation code not used yet),
 * {@code EXPIRED} (code past its validity, unused), {@code ACTIVATED} (the person chose their password).
 */
public record ActivationStatusView(List<Account> accounts) {

    public record Account(String entUserId, String login, String state) {
    }
}
