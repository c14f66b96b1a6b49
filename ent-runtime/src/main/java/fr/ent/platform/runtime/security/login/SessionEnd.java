package fr.ent.platform.runtime.security.login;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Keeps the back-channel logout index small: a session that expires or is invalidated leaves it. */
@WebListener
public class SessionEnd implements HttpSessionListener {

    @Inject
    PortalSessions sessions;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        sessions.forget(event.getSession());
    }
}
