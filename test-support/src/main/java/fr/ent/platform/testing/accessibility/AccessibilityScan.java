package fr.ent.platform.testing.accessibility;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/**
 * An axe-core scan of the page open in a real browser against WCAG 2.1 A and AA (tags wcag2a, wcag2aa, wcag21a,
 * wcag21aa). {@link #assertNoSeriousViolation} fails on any serious or critical violation, naming each rule, its
 * impact, the elements and the rule's help page; minor and moderate ones are only listed by {@link #describe}.
 * No rule is switched off here: a page we cannot fix yet is reported as such by the test, not hidden.
 */
public final class AccessibilityScan {

    public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    /** Visible text of a control is part of its accessible name (WCAG 2.5.3); an experimental axe rule. */
    public static final String LABEL_CONTENT_NAME_MISMATCH = "label-content-name-mismatch";
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    /**
     * How long axe may run on one page, in seconds (axe-selenium's default: 30). A page of 738 table rows took
     * longer than 30 s on a loaded 2-core machine and failed the test with a script timeout, though it had no
     * violation; a quicker scan is not waited for longer.
     */
    private static final int SCAN_SECONDS = 180;

    private AccessibilityScan() {
    }

    /** Runs axe on the page the driver shows now and returns every violation. */
    public static List<Rule> violations(WebDriver driver) {
        Results results = new AxeBuilder().setTimeout(SCAN_SECONDS).withTags(WCAG_21_AA).analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe could not scan " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        return results.getViolations();
    }

    /**
     * Runs axe with the WCAG 2.1 AA rules plus these rules that axe does not run by default (experimental ones such as
     * {@value #LABEL_CONTENT_NAME_MISMATCH}), and fails if one of them did not run at all, so that a renamed rule
     * cannot pass silently. Returns every violation.
     */
    public static List<Rule> violations(WebDriver driver, List<String> extraRules) {
        Results results = new AxeBuilder().setTimeout(SCAN_SECONDS).withTags(WCAG_21_AA).withRules(extraRules)
                .analyze(driver);
        if (results.isErrored()) {
            throw new IllegalStateException("axe could not scan " + driver.getCurrentUrl() + ": "
                    + results.getErrorMessage());
        }
        Set<String> ran = java.util.stream.Stream.of(results.getPasses(), results.getViolations(),
                results.getIncomplete(), results.getInapplicable()).flatMap(List::stream).map(Rule::getId)
                .collect(Collectors.toSet());
        for (String rule : extraRules) {
            if (!ran.contains(rule)) {
                throw new IllegalStateException("axe did not run rule " + rule + " on " + driver.getCurrentUrl());
            }
        }
        return results.getViolations();
    }

    /** Fails on a serious or critical violation of WCAG 2.1 AA or of these extra rules. */
    public static void assertNoSeriousViolation(WebDriver driver, String what, List<String> extraRules) {
        List<Rule> blocking = blocking(violations(driver, extraRules));
        if (!blocking.isEmpty()) {
            throw new AssertionError(what + " (" + driver.getCurrentUrl() + "): " + blocking.size()
                    + " serious or critical violation(s) (WCAG 2.1 AA, " + extraRules + "):\n" + describe(blocking));
        }
    }

    /** The serious and critical violations among these. */
    public static List<Rule> blocking(List<Rule> violations) {
        return violations.stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
    }

    /** Fails when the page the driver shows has a serious or critical WCAG 2.1 AA violation. */
    public static void assertNoSeriousViolation(WebDriver driver, String what) {
        List<Rule> blocking = blocking(violations(driver));
        if (!blocking.isEmpty()) {
            throw new AssertionError(what + " (" + driver.getCurrentUrl() + "): " + blocking.size()
                    + " serious or critical WCAG 2.1 AA violation(s):\n" + describe(blocking));
        }
    }

    /** One line per violation and one per element: rule id, impact, description, target, help URL. */
    public static String describe(List<Rule> violations) {
        return violations.stream().map(r -> "- " + r.getId() + " [" + r.getImpact() + "] " + r.getHelp() + "\n"
                + "  help: " + r.getHelpUrl() + "\n"
                + r.getNodes().stream().map(AccessibilityScan::node).collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String node(CheckedNode node) {
        return "  at " + node.getTarget() + ": " + node.getHtml();
    }
}
