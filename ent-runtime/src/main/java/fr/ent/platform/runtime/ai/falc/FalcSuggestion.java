package fr.ent.platform.runtime.ai.falc;

/**
 * What the FALC rewrite answers: a suggestion for a person to read and adapt; nothing is saved.
 *
 * @param text the rewritten text
 * @param before readability of the text sent
 * @param after readability of the suggestion
 * @param notice a French reminder that a person decides (shown to the user)
 */
public record FalcSuggestion(String text, Readability before, Readability after, String notice) {
}
