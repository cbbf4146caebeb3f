package org.termcurator.core.io;

import java.util.Locale;

/**
 * The most one imported item may hold (a JSONL row, a task's instruction or Dockerfile): one
 * oversized item is rejected with its file and line and the import goes on, instead of one
 * line taking the whole heap.
 */
public final class ItemCap {

    /** 64 MiB: far above any real row or instruction, far below a default heap. */
    public static final long DEFAULT_BYTES = 64L << 20;

    private ItemCap() {
    }

    /** "the row is 200.0 MiB, over the item size cap of 64.0 MiB (--max-item-size)". */
    public static String tooBig(String what, long bytes, long cap) {
        return what + " is " + size(bytes) + ", over the item size cap of " + size(cap)
                + " (--max-item-size raises it); it was skipped";
    }

    public static String size(long n) {
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1f KiB", n / (double) (1L << 10));
        }
        return n + " bytes";
    }

    /** Parses "64M", "512k", "2g" or a plain byte count. */
    public static long parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("b")) {
            t = t.substring(0, t.length() - 1);
        }
        switch (t.isEmpty() ? ' ' : t.charAt(t.length() - 1)) {
            case 'k' -> unit = 1L << 10;
            case 'm' -> unit = 1L << 20;
            case 'g' -> unit = 1L << 30;
            default -> unit = 1;
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        try {
            long value = Long.parseLong(t.strip()) * unit;
            if (value <= 0) {
                throw new IllegalArgumentException("must be more than 0: " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a size (like 64M, 512k or 1048576): " + text);
        }
    }
}
