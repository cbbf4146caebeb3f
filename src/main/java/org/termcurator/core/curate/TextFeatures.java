package org.termcurator.core.curate;

import java.util.Arrays;

/**
 * Cheap text fingerprints for curation: words as 32-bit hashes and word n-grams as 64-bit
 * hashes (decontamination). Near duplicates use the project's {@code MinHash} signatures.
 */
final class TextFeatures {

    private TextFeatures() {
    }

    /** The text's words (letters and digits, lower-cased) as hashes, in order. */
    static int[] words(String text) {
        if (text == null || text.isEmpty()) {
            return new int[0];
        }
        int[] words = new int[Math.max(8, text.length() / 5)];
        int count = 0;
        int hash = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                hash = hash * 31 + Character.toLowerCase(c);
                inWord = true;
            } else if (inWord) {
                if (count == words.length) {
                    words = Arrays.copyOf(words, count * 2);
                }
                words[count++] = hash;
                hash = 0;
                inWord = false;
            }
        }
        if (inWord) {
            if (count == words.length) {
                words = Arrays.copyOf(words, count + 1);
            }
            words[count++] = hash;
        }
        return Arrays.copyOf(words, count);
    }

    /** Hashes of every run of {@code n} consecutive words (none when there are fewer words). */
    static long[] ngrams(int[] words, int n) {
        if (words.length < n) {
            return new long[0];
        }
        long[] grams = new long[words.length - n + 1];
        for (int start = 0; start < grams.length; start++) {
            long hash = n;
            for (int i = start; i < start + n; i++) {
                hash = mix(hash * 0x100000001B3L + words[i]);
            }
            grams[start] = hash;
        }
        return grams;
    }

    /** A 64-bit finaliser (SplitMix64): spreads bits so that nearby inputs hash far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable 64-bit hash of a string, the same in every run and JVM. */
    static long hash(String text) {
        long hash = 0xCBF29CE484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001B3L;
        }
        return mix(hash);
    }
}
