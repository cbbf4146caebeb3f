package org.termcurator.core.curate;

import java.util.Arrays;

/**
 * Cheap text fingerprints for curation: words as 32-bit hashes, word n-grams as 64-bit hashes
 * (decontamination), and MinHash signatures of word 3-shingles (near duplicates).
 */
final class TextFeatures {

    static final int SIGNATURE_SIZE = 64;
    static final int SHINGLE = 3;

    private static final long[] MULTIPLIERS = new long[SIGNATURE_SIZE];
    private static final long[] ADDENDS = new long[SIGNATURE_SIZE];

    static {
        // fixed constants: signatures must be the same in every run so that clusters are reproducible
        long state = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            state = mix(state + 0x9E3779B97F4A7C15L);
            MULTIPLIERS[i] = state | 1;
            state = mix(state + 0x9E3779B97F4A7C15L);
            ADDENDS[i] = state;
        }
    }

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

    /** MinHash over word 3-shingles (the words themselves when fewer); null for no words. */
    static int[] minHash(int[] words) {
        if (words.length == 0) {
            return null;
        }
        int[] signature = new int[SIGNATURE_SIZE];
        Arrays.fill(signature, Integer.MAX_VALUE);
        int shingles = Math.max(1, words.length - SHINGLE + 1);
        for (int s = 0; s < shingles; s++) {
            long shingle = 0;
            for (int i = s; i < Math.min(words.length, s + SHINGLE); i++) {
                shingle = shingle * 0x100000001B3L + words[i];
            }
            shingle = mix(shingle);
            for (int h = 0; h < SIGNATURE_SIZE; h++) {
                int value = (int) ((MULTIPLIERS[h] * shingle + ADDENDS[h]) >>> 33);
                if (value < signature[h]) {
                    signature[h] = value;
                }
            }
        }
        return signature;
    }

    /** Share of equal positions: an estimate of the Jaccard similarity of the two shingle sets. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIGNATURE_SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIGNATURE_SIZE;
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
