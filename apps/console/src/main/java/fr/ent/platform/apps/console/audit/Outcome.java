package fr.ent.platform.apps.console.audit;

/** How an administrator's action ended: done, refused (nothing changed: bad input, not allowed), or failed. */
public enum Outcome {
    DONE, REFUSED, FAILED
}
