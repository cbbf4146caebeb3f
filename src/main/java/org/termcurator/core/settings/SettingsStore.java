package org.termcurator.core.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.termcurator.core.io.AtomicFiles;
import org.termcurator.core.io.Mappers;

/**
 * Loads and saves {@link Settings} as JSON, atomically. Saves requested in quick
 * succession (a window being dragged) are folded into one write.
 */
public final class SettingsStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final long DEBOUNCE_MS = 400;

    private final Path file;
    private final ObjectMapper mapper = Mappers.prettyJson();
    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "settings-saver");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> pendingSave;
    /** Serialized when the save was asked for, so later edits on another thread cannot race the write. */
    private String pendingJson;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore inUserConfig() {
        return new SettingsStore(ConfigLocation.settingsFile());
    }

    public Path file() {
        return file;
    }

    /**
     * Reads the settings, or defaults when there are none. A file that does not parse is
     * moved aside (settings.json.broken) so the user's values are not overwritten unseen.
     */
    public Settings load() {
        try {
            return mapper.readValue(Files.readString(file), Settings.class);
        } catch (NoSuchFileException e) {
            return new Settings();
        } catch (JsonProcessingException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".broken");
            LOG.warn("{}: unreadable settings at line {} ({}); keeping it as {} and starting from defaults",
                    file, e.getLocation() == null ? "?" : e.getLocation().getLineNr(), e.getOriginalMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailure) {
                LOG.warn("{}: could not move aside: {}", file, moveFailure.getMessage());
            }
            return new Settings();
        } catch (IOException e) {
            LOG.warn("{}: cannot read settings ({}); using defaults", file, e.getMessage());
            return new Settings();
        }
    }

    /** Writes now, replacing the file atomically. */
    public synchronized void save(Settings settings) throws IOException {
        if (pendingSave != null) {
            pendingSave.cancel(false);
            pendingSave = null;
        }
        pendingJson = null;
        AtomicFiles.writeString(file, mapper.writeValueAsString(settings));
    }

    /** Writes soon; further calls within the debounce window replace this one. */
    public synchronized void saveLater(Settings settings) {
        try {
            pendingJson = mapper.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            LOG.warn("cannot serialize settings: {}", e.getMessage());
            return;
        }
        if (saver.isShutdown()) { // after close (the window reporting its last bounds): write now
            savePending();
            return;
        }
        if (pendingSave != null) {
            pendingSave.cancel(false);
        }
        pendingSave = saver.schedule(this::savePending, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
    }

    /** Writes a pending debounced save immediately (at exit). */
    public synchronized void flush() {
        if (pendingJson != null) {
            savePending();
        }
    }

    private synchronized void savePending() {
        String json = pendingJson;
        if (json == null) {
            return;
        }
        pendingJson = null;
        pendingSave = null;
        try {
            AtomicFiles.writeString(file, json);
        } catch (IOException e) {
            LOG.warn("{}: cannot save settings: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
        saver.shutdownNow();
    }
}
