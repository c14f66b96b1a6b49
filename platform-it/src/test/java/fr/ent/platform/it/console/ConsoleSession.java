package fr.ent.platform.it.console;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.it.Platform;
import fr.ent.platform.it.identity.SecondFactorEnrolment;
import fr.ent.platform.local.DemoData;
import fr.ent.platform.local.DemoData.Demo;
import fr.ent.platform.testing.browser.RealBrowser;
import org.junit.jupiter.api.Order;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * One real Chromium signed in as Lyon's demo administrator, shared by the console's browser classes
 * (ConsolePagesIT, ConsoleLookPagesIT, ConsoleImportPagesIT): the administrator enrols the second factor once (asked
 * of them: asserted) instead of once a class, with a browser started once.
 *
 * <p>The classes hold the demo people's lock ({@code Platform.DEMOS}): one at a time, beside classes that do not use
 * the demo people. DemoWalkIT, whose walk of the administrator needs a first login to enrol, forgets the
 * authenticator this session enrolled whichever runs first; this session, finding itself signed out, forgets and
 * enrols again. When the run ends (this listener, registered in {@code META-INF/services}), the browser is closed
 * and the administrator's authenticator forgotten, so that a later run, or the launcher's demo, still finds a first
 * login.
 */
public final class ConsoleSession implements TestExecutionListener {

    /** The class order of the classes sharing the session: together, after the classes without an order. */
    static final int ORDER = Order.DEFAULT + 1;

    private static RealBrowser browser;

    /** Lyon, the demo whose administrator is signed in. */
    static Demo lyon() {
        return DemoData.DEMOS.get(0);
    }

    static String admin() {
        return "admin." + lyon().slug().replace("demo-", "");
    }

    static String portal() {
        return "http://" + lyon().domain() + ":" + Platform.get().server().runtimeBase().getPort();
    }

    /**
     * The shared browser, signed in as the administrator, on the portal's home page with a desktop-sized window.
     * The first call signs in (Keycloak asks for the second factor: enrolled), as does a call that finds the
     * portal's session over.
     */
    static synchronized RealBrowser browser() throws Exception {
        Platform.get().demos();
        if (browser == null) {
            browser = RealBrowser.start();
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.open(portal() + "/");
        if (browser.driver().findElements(By.cssSelector("header form[action='/auth/logout']")).isEmpty()) {
            SecondFactorEnrolment.forget(lyon().slug(), admin());
            browser.click(By.cssSelector("a[href^='/auth/login']"));
            browser.awaitUrlStartingWith(Platform.get().identity().baseUrl().toString());
            assertThat(SecondFactorEnrolment.signIn(browser, admin(), DemoData.DEMO_PASSWORD, portal() + "/"))
                    .as("the second factor is asked of the administrator").isTrue();
        }
        return browser;
    }

    /** Closes the browser and forgets the administrator's authenticator, once the run is over. */
    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        synchronized (ConsoleSession.class) {
            if (browser == null) {
                return;
            }
            try {
                browser.close();
                SecondFactorEnrolment.forget(lyon().slug(), admin());
            } catch (Exception e) {
                System.err.println("the console's shared session did not end cleanly: " + e);
            } finally {
                browser = null;
            }
        }
    }
}
