package fr.ent.platform.runtime.ai;

import java.util.Objects;

/** One message of a chat-completion conversation ({@code system}, {@code user} or {@code assistant}). */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }
}
