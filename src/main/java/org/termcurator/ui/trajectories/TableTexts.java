package org.termcurator.ui.trajectories;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How the trajectories table writes durations and times: short, and in the user's local time. */
final class TableTexts {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private TableTexts() {
    }

    /** "42 s", "3 min 05 s", "1 h 02 min"; a dash when unknown. */
    static String duration(Double seconds) {
        if (seconds == null || seconds.isNaN() || seconds < 0) {
            return "–";
        }
        long whole = Math.round(seconds);
        if (whole < 60) {
            return whole + " s";
        }
        if (whole < 3600) {
            return String.format("%d min %02d s", whole / 60, whole % 60);
        }
        return String.format("%d h %02d min", whole / 3600, whole % 3600 / 60);
    }

    /** An ISO-8601 time as local "yyyy-MM-dd HH:mm" (one without a zone is taken as UTC); other text as it is. */
    static String localTime(String iso) {
        return localTime(iso, ZoneId.systemDefault());
    }

    static String localTime(String iso, ZoneId zone) {
        if (iso == null || iso.isBlank()) {
            return "–";
        }
        try {
            return LOCAL.format(OffsetDateTime.parse(iso).atZoneSameInstant(zone));
        } catch (DateTimeParseException notOffset) {
            try {
                return LOCAL.format(Instant.parse(iso).atZone(zone));
            } catch (DateTimeParseException notInstant) {
                try {
                    return LOCAL.format(LocalDateTime.parse(iso.replace(' ', 'T')).atZone(ZoneId.of("UTC"))
                            .withZoneSameInstant(zone));
                } catch (DateTimeParseException notLocal) {
                    return iso;
                }
            }
        }
    }
}
