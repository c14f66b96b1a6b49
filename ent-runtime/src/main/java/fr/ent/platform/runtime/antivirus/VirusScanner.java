package fr.ent.platform.runtime.antivirus;

import java.io.InputStream;

/** Scans content for malware. Never throws for a scanner failure: that is an {@link ScanVerdict.Unavailable}. */
public interface VirusScanner {

    /** Reads {@code content} to its end (the caller closes it) and says what was found. */
    ScanVerdict scan(InputStream content);

    /** {@code clamd host:port}, or why there is no scanner: for logs and the health page. */
    String describe();

    /** The scanner of a platform without antivirus: every scan is unavailable, so every upload is refused. */
    static VirusScanner none(String why) {
        return new VirusScanner() {
            @Override
            public ScanVerdict scan(InputStream content) {
                return new ScanVerdict.Unavailable(why);
            }

            @Override
            public String describe() {
                return "aucun antivirus (" + why + ")";
            }
        };
    }

    /**
     * No scanning at all, every file passes: only where an operator said so ({@code ent.antivirus.required=false},
     * a development machine without clamd). Logged at start by the configuration.
     */
    static VirusScanner notScanning(String why) {
        return new VirusScanner() {
            @Override
            public ScanVerdict scan(InputStream content) {
                return new ScanVerdict.Clean();
            }

            @Override
            public String describe() {
                return "analyse antivirus désactivée (" + why + ")";
            }
        };
    }
}
