package fr.ent.platform.tenants.pages;

import gg.jte.html.HtmlTemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
import gg.jte.output.StringOutput;
import java.util.function.Consumer;

/**
 * Renders a page from a template of {@code src/main/jte}, compiled at build time into a class of
 * {@code fr.ent.platform.tenants.pages.templates} (ADR 0014).
 *
 * <p>Callers call the generated class's {@code render} directly rather than going through a jte
 * {@code TemplateEngine}: the compiler then checks the template's parameters, and no class is looked up at run time.
 * (A precompiled engine without a class directory loads the templates from the thread context class loader of the
 * moment it is created, whatever class loader it is given; in Liberty that depends on the thread.) The output escapes
 * every value by its place in the page (OWASP encoder), as jte's HTML engine does.
 */
public final class HtmlPages {

    private HtmlPages() {
    }

    /** @param template e.g. {@code out -> JtereportGenerated.render(out, null, report, text)} */
    public static String render(Consumer<HtmlTemplateOutput> template) {
        StringOutput page = new StringOutput(16 * 1024);
        template.accept(new OwaspHtmlTemplateOutput(page));
        return page.toString();
    }
}
