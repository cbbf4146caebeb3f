package org.termcurator.ui.curate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the settings form writes numbers, lists and maps as text and reads them back. Blank
 * means "not set" (an open bound); anything unreadable is an {@link IllegalArgumentException}
 * that names the field, so the form can say what is wrong where.
 */
final class SettingsText {

    private SettingsText() {
    }

    static Integer toInteger(String field, String text) {
        return parse(field, text, value -> Integer.valueOf(value), "a whole number");
    }

    static Long toLong(String field, String text) {
        return parse(field, text, value -> Long.valueOf(value), "a whole number");
    }

    static Double toDouble(String field, String text) {
        return parse(field, text, value -> Double.valueOf(value), "a number");
    }

    private static <T> T parse(String field, String text, Function<String, T> reader, String expected) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return reader.apply(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + ": '" + text.strip() + "' is not " + expected);
        }
    }

    static String of(Number value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return String.format(Locale.ROOT, "%.1f", number);
        }
        return value.toString();
    }

    /** One entry a line, blank lines left out. */
    static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Entries separated by commas (or spaces), e.g. "LATIN, CYRILLIC". */
    static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(word -> !word.isBlank()).toList();
    }

    static List<Double> numbers(String field, String text) {
        return words(text).stream().map(word -> toDouble(field, word)).toList();
    }

    /** {@code name=value} a line, e.g. caps per source. */
    static <V> Map<String, V> entries(String field, String text, Function<String, V> value) {
        Map<String, V> map = new LinkedHashMap<>();
        for (String line : lines(text)) {
            int equals = line.lastIndexOf('=');
            if (equals <= 0 || equals == line.length() - 1) {
                throw new IllegalArgumentException(field + ": '" + line + "' is not name=value");
            }
            map.put(line.substring(0, equals).strip(), value.apply(line.substring(equals + 1).strip()));
        }
        return map;
    }

    static Map<String, Integer> caps(String field, String text) {
        return entries(field, text, value -> toInteger(field, value));
    }

    static Map<String, Double> weights(String field, String text) {
        return entries(field, text, value -> toDouble(field, value));
    }

    static String ofEntries(Map<String, ? extends Number> map) {
        return map.entrySet().stream().map(entry -> entry.getKey() + "=" + of(entry.getValue()))
                .collect(Collectors.joining("\n"));
    }

    static String ofNumbers(List<Double> values) {
        return values.stream().map(SettingsText::of).collect(Collectors.joining(", "));
    }
}
