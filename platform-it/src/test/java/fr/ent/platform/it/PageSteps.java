package fr.ent.platform.it;

import com.deque.html.axecore.results.Rule;
import fr.ent.platform.testing.accessibility.AccessibilityScan;
import fr.ent.platform.testing.browser.RealBrowser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The steps every browser test of the platform takes on its pages, in one place: click what leads to another page
 * and wait for it, scan the page shown with axe-core.
 */
public final class PageSteps {

    /**
     * How long a click may take to replace the page: generous, a BE1D import's dry run of 738 lines behind a
     * button took tens of seconds on a loaded machine. A page that comes sooner is not waited for longer.
     */
    private static final Duration NEXT_PAGE = Duration.ofSeconds(120);

    private PageSteps() {
    }

    /** Clicks a button or a link that leads to another page, and waits until the old page is gone. */
    public static void clickAndWait(RealBrowser browser, By what) {
        WebElement element = browser.driver().findElement(what);
        element.click();
        new WebDriverWait(browser.driver(), NEXT_PAGE)
                .withMessage(() -> "still on " + browser.currentUrl() + " after clicking " + what)
                .until(driver -> gone(element));
    }

    /**
     * Whether the element's page is gone. Selenium's stalenessOf knows only StaleElementReferenceException; Chrome
     * 150 also answers a node of a page being replaced with "does not belong to the document".
     */
    public static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            if (RealBrowser.pageReplaced(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Fails on a serious or critical WCAG 2.1 AA violation of the page shown now. */
    public static void scan(RealBrowser browser, String what) {
        AccessibilityScan.assertNoSeriousViolation(browser.driver(), what);
    }

    /** Fails on any WCAG 2.1 AA violation of the page shown now, minor and moderate ones included. */
    public static void scanForAnyViolation(RealBrowser browser, String what) {
        List<Rule> violations = AccessibilityScan.violations(browser.driver());
        if (!violations.isEmpty()) {
            throw new AssertionError(what + " (" + browser.currentUrl() + "): " + violations.size()
                    + " WCAG 2.1 AA violation(s):\n" + AccessibilityScan.describe(violations));
        }
    }
}
