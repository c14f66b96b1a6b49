package fr.ent.platform.runtime.portal;

import gg.jte.Content;

/**
 * A block of the home page, rendered by the app that owns it.
 *
 * @param id    unique on the page (the heading's anchor)
 * @param title its heading, in the reader's language
 * @param body  its content, rendered by the app's own template
 */
public record Widget(String id, String title, Content body) {
}
