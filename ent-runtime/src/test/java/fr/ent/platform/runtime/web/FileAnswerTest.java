package fr.ent.platform.runtime.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a kept file is handed back, whichever app serves it (the documents app, the diary's attachments). */
class FileAnswerTest {

    @Test
    void aPdfPreviewIsInlineUnderAPolicyThatRunsNothing() {
        FileAnswer answer = FileAnswer.of("lecture.pdf", "application/pdf", 1234, true);
        assertThat(answer.contentType()).isEqualTo("application/pdf");
        assertThat(answer.headers()).containsEntry("Content-Disposition",
                "inline; filename=\"lecture.pdf\"; filename*=UTF-8''lecture.pdf")
                .containsEntry("X-Content-Type-Options", "nosniff").containsEntry("Cache-Control", "private, no-store")
                .containsEntry("Content-Length", "1234").containsEntry("Content-Security-Policy",
                        FileAnswer.INLINE_POLICY);
        assertThat(FileAnswer.INLINE_POLICY).startsWith("default-src 'none';").contains("form-action 'none'");
    }

    @Test
    void anythingElseIsADownloadAndPagesOrScriptsAreNeverSentAsThemselves() {
        FileAnswer page = FileAnswer.of("piège.html", "text/html", 10, true);
        assertThat(page.contentType()).isEqualTo(FileAnswer.UNKNOWN);
        assertThat(page.headers().get("Content-Disposition")).startsWith("attachment; filename=\"pi_ge.html\";")
                .endsWith("filename*=UTF-8''pi%C3%A8ge.html");
        assertThat(page.headers()).doesNotContainKey("Content-Security-Policy");
        assertThat(FileAnswer.of("a.svg", "image/svg+xml", 1, true).contentType()).isEqualTo(FileAnswer.UNKNOWN);
        assertThat(FileAnswer.of("a.js", "text/javascript", 1, false).contentType()).isEqualTo(FileAnswer.UNKNOWN);
        // a previewable type asked as a download stays a download, with its own type
        FileAnswer pdf = FileAnswer.of("a \"b\".pdf", "application/pdf", 1, false);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.headers().get("Content-Disposition")).startsWith("attachment; filename=\"a _b_.pdf\";");
        assertThat(FileAnswer.inline(null)).isFalse();
    }
}
