package fr.ent.platform.runtime.ai.falc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple readability measure of a French text, to show before/after a FALC rewrite: the average sentence length
 * (words per sentence) and the average word length (letters per word), the two things FALC guidelines ask to keep
 * short. Not a validated score (no French formula is both simple and validated for easy-to-read text): two plain
 * numbers a reader can understand.
 *
 * @param sentences sentences: runs of text ended by . ! ? … or a line break
 * @param words words: runs of letters or digits (an apostrophe separates: « l'école » is two words)
 * @param averageSentenceLength words per sentence, one decimal
 * @param averageWordLength letters per word, one decimal
 * @param longWords words of more than 8 letters (rare in easy-to-read text)
 */
public record Readability(int sentences, int words, double averageSentenceLength, double averageWordLength,
                          int longWords) {

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…]+|\\R");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*");
    static final int LONG_WORD = 8;

    public static Readability of(String text) {
        int sentences = 0;
        int words = 0;
        int letters = 0;
        int longWords = 0;
        for (String sentence : SENTENCE_END.split(text)) {
            Matcher m = WORD.matcher(sentence);
            int inSentence = 0;
            while (m.find()) {
                int length = m.group().replace("-", "").codePointCount(0, m.group().replace("-", "").length());
                inSentence++;
                letters += length;
                if (length > LONG_WORD) {
                    longWords++;
                }
            }
            if (inSentence > 0) {
                sentences++;
                words += inSentence;
            }
        }
        return new Readability(sentences, words, ratio(words, sentences), ratio(letters, words), longWords);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : Math.round(10.0 * a / b) / 10.0;
    }
}
