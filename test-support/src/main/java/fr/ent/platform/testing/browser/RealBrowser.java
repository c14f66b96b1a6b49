package fr.ent.platform.testing.browser;

import fr.ent.platform.testing.login.KeycloakLoginForm;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code /usr/bin/chromium}) driven by Selenium through Debian's
 * {@code /usr/bin/chromedriver}, with a fresh profile each time: pages run their CSS, their scripts and their
 * redirects as a user's browser would. Chromium resolves {@code *.localhost} to the loopback address itself, so
 * collectivity domains work without any DNS entry. The caller closes it (the browser and the profile go).
 */
public final class RealBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("ent.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("ent.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private RealBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A desktop-sized window (1280x900). */
    public static RealBrowser start() {
        return start(new Dimension(1280, 900));
    }

    /** A window of this size, e.g. 390x844 for a phone. */
    public static RealBrowser start(Dimension window) {
        for (Path binary : new Path[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: these tests run a real browser. Install "
                        + "the Debian packages: apt-get install -y chromium chromium-driver (.ci/run does it).");
            }
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("ent-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no GPU, no sandbox (tests may run as root), no network traffic of Chromium's own
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=" + window.getWidth() + "," + window.getHeight());
        // French first, as our users: headless Chromium ignores --lang, the profile preference sets Accept-Language
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "fr-FR,fr"));
        // the driver given explicitly: Selenium Manager would otherwise try to download one
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteTree(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().window().setSize(window);
        return new RealBrowser(driver, profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens the URL and waits for the page to load. */
    public void open(String url) {
        driver.get(url);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String title() {
        return driver.getTitle();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /** The visible text of the page's body. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The width of the document's content in CSS pixels (wider than the window: the page scrolls sideways). */
    public long contentWidth() {
        return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** The inner width of the window in CSS pixels. */
    public long viewportWidth() {
        return ((Number) driver.executeScript("return window.innerWidth")).longValue();
    }

    /**
     * Writes {@code text} into the platform's rich-text field whose textarea has this id, as a user would: into the
     * visual editor standing for it when its script started it (ADR 0045: the textarea is then hidden), into the
     * textarea otherwise. What was there is replaced; a line break starts a new paragraph.
     */
    public void typeRich(String fieldId, String text) {
        List<WebElement> visual = driver.findElements(By.id(fieldId + "-visual"));
        if (visual.isEmpty()) {
            WebElement area = driver.findElement(By.id(fieldId));
            area.clear();
            area.sendKeys(text);
            return;
        }
        WebElement editor = visual.getFirst();
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        editor.sendKeys(text);
    }

    /** The words a rich-text field shows: its visual editor's text, or its textarea's value without a script. */
    public String richText(String fieldId) {
        List<WebElement> visual = driver.findElements(By.id(fieldId + "-visual"));
        return visual.isEmpty() ? driver.findElement(By.id(fieldId)).getDomProperty("value") : visual.getFirst().getText();
    }

    public void click(By element) {
        find(element).click();
    }

    /**
     * The element, or a failure that says which page the browser was on instead (its address, title and the start
     * of its text): a missing field is most often a different page than expected (an error, a sign-in page).
     */
    public WebElement find(By element) {
        List<WebElement> found = driver.findElements(element);
        if (found.isEmpty()) {
            String text = driver.findElements(By.tagName("body")).isEmpty() ? "" : text();
            throw new AssertionError("no " + element + " on " + driver.getCurrentUrl() + " (« " + driver.getTitle()
                    + " »): " + (text.length() > 600 ? text.substring(0, 600) + "…" : text));
        }
        return found.getFirst();
    }

    /**
     * Types the user name and password into Keycloak's login form shown now and submits it, as a user would; waits
     * until the browser has left the form's page.
     */
    public void signInOnKeycloak(String username, String password) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id(KeycloakLoginForm.FORM_ID))
                .isEmpty());
        String formPage = driver.getCurrentUrl();
        driver.findElement(By.id(KeycloakLoginForm.USERNAME)).sendKeys(username);
        driver.findElement(By.id(KeycloakLoginForm.PASSWORD)).sendKeys(password);
        driver.findElement(By.id(KeycloakLoginForm.SUBMIT_ID)).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !formPage.equals(d.getCurrentUrl()));
    }

    /**
     * Waits until the page shown contains this text, for a page that replaces the current one (a form posts, then
     * redirects). The body read may belong to the page being left: Selenium then answers a stale element, and
     * Chrome 150 sometimes "Node with given id does not belong to the document" instead; both mean "look again".
     */
    public void awaitText(String text, Duration timeout) {
        awaitBody(body -> body.contains(text), "« " + text + " » shown", timeout);
    }

    /** Waits until the page shown no longer contains this text, as {@link #awaitText} does for a text to come. */
    public void awaitTextGone(String text, Duration timeout) {
        awaitBody(body -> !body.contains(text), "« " + text + " » gone", timeout);
    }

    private void awaitBody(Predicate<String> wanted, String what, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .withMessage(() -> what + " on " + driver.getCurrentUrl() + " (« " + driver.getTitle() + " »)")
                .until(d -> {
                    try {
                        return wanted.test(d.findElement(By.tagName("body")).getText());
                    } catch (WebDriverException e) {
                        if (pageReplaced(e)) {
                            return false;
                        }
                        throw e;
                    }
                });
    }

    /** Whether this failure only says that the element's page was replaced by another one meanwhile. */
    public static boolean pageReplaced(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** Waits until the current URL starts with this prefix. */
    public void awaitUrlStartingWith(String prefix) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(() -> "still at " + driver.getCurrentUrl())
                .until(d -> d.getCurrentUrl().startsWith(prefix));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Chromium may still be writing into its profile as it exits; a leftover temp directory is harmless
            System.err.println("browser profile " + root + " not fully deleted: " + e);
        }
    }
}
