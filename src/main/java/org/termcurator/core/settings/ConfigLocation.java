package org.termcurator.core.settings;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's config folder for Terminal Curator: the system property
 * {@code curator.config.dir} or the variable {@code CURATOR_CONFIG_DIR} when set, else the
 * platform's usual place ($XDG_CONFIG_HOME or ~/.config on Linux, %APPDATA% on Windows,
 * ~/Library/Application Support on macOS).
 */
public final class ConfigLocation {

    private static final String APP_FOLDER_UNIX = "terminal-curator";
    private static final String APP_FOLDER_DESKTOP = "Terminal Curator";

    private ConfigLocation() {
    }

    public static Path configDir() {
        String override = System.getProperty("curator.config.dir");
        if (isSet(override)) {
            return Path.of(override);
        }
        override = System.getenv("CURATOR_CONFIG_DIR");
        if (isSet(override)) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (isSet(appData) ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve(APP_FOLDER_DESKTOP);
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support").resolve(APP_FOLDER_DESKTOP);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (isSet(xdg) ? Path.of(xdg) : home.resolve(".config")).resolve(APP_FOLDER_UNIX);
    }

    public static Path settingsFile() {
        return configDir().resolve("settings.json");
    }

    /** Where exports note the output folders they are swapping, so a crash mid-swap is recovered on start. */
    public static Path exportJournalDir() {
        return configDir().resolve("exports-under-way");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
