package org.termcurator.core.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.termcurator.core.AppVersion;

/**
 * One Terminal Curator project: a single SQLite file in WAL mode with foreign keys on.
 *
 * <p>All writes go through one writer thread, each in its own transaction, so callers on any
 * thread never contend for SQLite's write lock. Reads use a small pool of read-only
 * connections that WAL lets run beside the writer.
 */
public final class ProjectDb implements AutoCloseable {

    /** SQLite's application_id for project files: "TCUR". */
    public static final int APPLICATION_ID = 0x54435552;
    public static final String EXTENSION = ".curator";

    /** The tables whose row counts describe a project, in the order they are reported. */
    public static final List<String> COUNTED_TABLES = List.of(
            "tasks", "task_files", "trajectories", "steps", "test_results", "attachments",
            "seeds", "skills", "rollouts", "presets", "exports");

    private static final Logger LOG = LoggerFactory.getLogger(ProjectDb.class);
    private static final int MAX_READERS = 4;
    private static final int PAGE_SIZE = 8192;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    public enum Mode { READ_WRITE, READ_ONLY }

    private final Path file;
    private final Mode mode;
    /** Read-only in a folder nobody lets us write to and with no WAL: SQLite then reads the file as it is. */
    private final boolean immutable;
    private WalStatus walAtOpen;
    /** The project's own id in project_meta: a WAL whose commits carry another id is not the project's. */
    static final String PROJECT_ID = "project_id";
    /** Whether this open made the file (see {@link #isNewlyCreated}). */
    private boolean newlyCreated;
    private final ProjectLock lock;
    private final Connection writer;
    private final ExecutorService writerThread;
    private volatile Thread writerThreadRef;
    private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final AtomicInteger openedReaders = new AtomicInteger();
    private volatile boolean closed;
    private final BulkImportTuning.Shared bulkImports = new BulkImportTuning.Shared();
    /** Write transactions committed since the file was opened: readers' caches compare it. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

    private ProjectDb(Path file, Mode mode, boolean immutable, ProjectLock lock, Connection writer) {
        this.file = file;
        this.mode = mode;
        this.immutable = immutable;
        this.lock = lock;
        this.writer = writer;
        this.writerThread = writer == null ? null : Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "project-writer " + file.getFileName());
            thread.setDaemon(true);
            writerThreadRef = thread;
            return thread;
        });
    }

    /**
     * Creates a new project. The schema is built in a temporary file that is moved into place
     * only when complete, so a failure never leaves a half-made project behind.
     */
    public static ProjectDb create(Path file) throws ProjectOpenException {
        Path target = file.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new ProjectOpenException(ProjectOpenException.Reason.ALREADY_EXISTS, target,
                    target + " already exists; open it, or choose another name");
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw ioFailure(target, "cannot create its folder", e);
        }
        ProjectLock lock = ProjectLock.acquire(target);
        Path staging = target.resolveSibling("." + target.getFileName() + ".creating");
        try {
            Files.deleteIfExists(staging);
            try (Connection connection = connect(staging, false)) {
                try (Statement statement = connection.createStatement()) {
                    // Steps hold kilobytes of terminal text each: 8 KiB pages waste less of each
                    // page than 4 KiB ones and make imports write about a fifth less (ADR 0016).
                    statement.execute("PRAGMA page_size = " + PAGE_SIZE);
                    statement.execute("PRAGMA application_id = " + APPLICATION_ID);
                    statement.execute("PRAGMA journal_mode = WAL");
                }
                connection.setAutoCommit(false);
                SchemaMigrations.migrate(connection, 0);
                writeMeta(connection, "created_at", Instant.now().toString());
                writeMeta(connection, "created_with", AppVersion.name() + " " + AppVersion.version());
                writeMeta(connection, PROJECT_ID, java.util.UUID.randomUUID().toString());
                writeMeta(connection, "commits", "0");
                connection.commit();
                try (Statement statement = connection.createStatement()) {
                    // Fold the WAL into the file so the header (application id, version) is on disk.
                    statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                }
            }
            Files.deleteIfExists(sidecar(staging, "-wal"));
            Files.deleteIfExists(sidecar(staging, "-shm"));
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException | IOException e) {
            lock.close();
            deleteQuietly(staging);
            throw ioFailure(target, "cannot be created", e);
        }
        ProjectDb db = openLocked(target, lock);
        db.newlyCreated = true;
        return db;
    }

    /** Opens an existing project for reading and writing, upgrading an older schema. */
    public static ProjectDb open(Path file) throws ProjectOpenException {
        return open(file, Mode.READ_WRITE);
    }

    public static ProjectDb open(Path file, Mode mode) throws ProjectOpenException {
        Path target = file.toAbsolutePath().normalize();
        checkHeader(target);
        if (mode == Mode.READ_ONLY) {
            return openReadOnly(target);
        }
        checkWritable(target);
        return openLocked(target, ProjectLock.acquire(target));
    }

    /** Writing needs the file and its folder (the lock, WAL and journal live beside it): say which one is read-only. */
    private static void checkWritable(Path target) throws ProjectOpenException {
        if (!Files.isWritable(target)) {
            throw new ProjectOpenException(ProjectOpenException.Reason.READ_ONLY, target,
                    target + " is read-only: changing the project needs write access to it");
        }
        if (!Files.isWritable(target.getParent())) {
            throw new ProjectOpenException(ProjectOpenException.Reason.READ_ONLY, target,
                    target + " is in a read-only folder: changing the project needs write access to "
                            + target.getParent() + " (its lock and journal go there)");
        }
    }

    private static ProjectDb openLocked(Path target, ProjectLock lock) throws ProjectOpenException {
        Connection connection = null;
        WalStatus wal;
        try {
            checkHeader(target); // again under the lock: the file may have changed while we waited
            wal = walStatus(target);
            if (wal.isForeign()) {
                throw new ProjectOpenException(ProjectOpenException.Reason.CORRUPTED, target,
                        target + ": " + wal.describe());
            }
            connection = connect(target, false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode = WAL");
            }
            int version = verifySchema(target, connection);
            if (version < SchemaMigrations.latestVersion()) {
                connection.setAutoCommit(false);
                SchemaMigrations.migrate(connection, version);
                connection.commit();
            }
            connection.setAutoCommit(true);
            if (readMeta(connection, PROJECT_ID) == null) {
                writeMeta(connection, PROJECT_ID, java.util.UUID.randomUUID().toString()); // made before ids were
            }
            if (readMeta(connection, "commits") == null) {
                writeMeta(connection, "commits", "0");
            }
            ProjectDb db = new ProjectDb(target, Mode.READ_WRITE, false, lock, connection);
            db.walAtOpen = wal;
            return db;
        } catch (SQLException e) {
            closeQuietly(connection);
            lock.close();
            throw sqlFailure(target, e);
        } catch (ProjectOpenException e) {
            closeQuietly(connection);
            lock.close();
            throw e;
        }
    }

    private static ProjectDb openReadOnly(Path target) throws ProjectOpenException {
        WalStatus wal = walStatus(target);
        // a WAL of another project is left out of every read: the file is read as it is
        boolean immutable = wal.isForeign() || readsWithoutSharedMemory(target);
        try (Connection probe = connect(target, true, immutable)) {
            verifySchema(target, probe);
        } catch (SQLException e) {
            throw sqlFailure(target, e);
        }
        ProjectDb db = new ProjectDb(target, Mode.READ_ONLY, immutable, null, null);
        db.walAtOpen = wal;
        return db;
    }

    /**
     * The WAL beside the project: none, pending, or one of another project (its view of the
     * project id, stamped into every commit, differs from the file's, or the file does not read
     * through it). Reading through the WAL changes nothing on disk: a read-only connection never
     * checkpoints.
     */
    static WalStatus walStatus(Path target) {
        WalStatus wal = WalStatus.of(target);
        if (wal.state() != WalStatus.State.PENDING) {
            return wal;
        }
        String inFile;
        try (Connection file = connect(target, true, true)) {
            inFile = readMeta(file, PROJECT_ID);
        } catch (SQLException e) {
            return wal; // the file itself does not read: opening it says so
        }
        try (Connection through = connect(target, true, false)) {
            String inWal = readMeta(through, PROJECT_ID);
            if (inFile != null && inWal != null && !inFile.equals(inWal)) {
                return wal.foreign("it was written for the project " + inWal + ", this is " + inFile);
            }
            try (Statement statement = through.createStatement();
                 ResultSet rows = statement.executeQuery("PRAGMA quick_check(1)")) {
                if (rows.next() && !"ok".equalsIgnoreCase(rows.getString(1))) {
                    return wal.foreign("the project does not read through it: " + rows.getString(1));
                }
            }
        } catch (SQLException e) {
            return wal.foreign("the project does not read through it: " + e.getMessage());
        }
        return wal;
    }

    /** The WAL beside the project when it was opened (what {@code project info} reports). */
    public WalStatus walAtOpen() {
        return walAtOpen;
    }

    /**
     * Counts the commit in project_meta, whose page also holds the project id: every commit's
     * pages in the WAL then name the project they belong to.
     */
    private static void stampProjectId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // a changed value: SQLite skips rewriting a row whose bytes stay the same
            statement.executeUpdate("UPDATE project_meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'commits'");
        }
    }

    /**
     * A WAL reader needs the -shm file beside the project, and creates it when missing. In a
     * folder we cannot write to, with neither a -shm nor a -wal there (nobody has the project
     * open: the last writer folded its WAL in), the file is read as it is instead; with a
     * writer's -wal present SQLite reads through the writer's files.
     */
    private static boolean readsWithoutSharedMemory(Path target) {
        return !Files.isWritable(target.getParent()) && !Files.exists(sidecar(target, "-shm"))
                && !Files.exists(sidecar(target, "-wal"));
    }

    /** Refuses files that are not projects, or are from a newer app, without letting SQLite touch them. */
    private static void checkHeader(Path target) throws ProjectOpenException {
        ProjectFileHeader header = ProjectFileHeader.read(target);
        if (header.size() == 0) {
            throw notAProject(target, "the file is empty");
        }
        if (!header.sqlite()) {
            throw notAProject(target, "it is not an SQLite database");
        }
        if (header.applicationId() != APPLICATION_ID) {
            throw notAProject(target, "it is an SQLite database of another application (application id "
                    + header.applicationId() + ")");
        }
        checkNotNewer(target, header.userVersion());
    }

    private static int verifySchema(Path target, Connection connection) throws SQLException, ProjectOpenException {
        int version = userVersion(connection);
        checkNotNewer(target, version);
        List<String> missing = new ArrayList<>(COUNTED_TABLES);
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rows.next()) {
                missing.remove(rows.getString(1));
            }
        }
        if (version > 0 && !missing.isEmpty()) {
            throw new ProjectOpenException(ProjectOpenException.Reason.CORRUPTED, target,
                    target + " is damaged: the project tables " + missing + " are missing");
        }
        return version;
    }

    private static void checkNotNewer(Path target, int version) throws ProjectOpenException {
        if (version > SchemaMigrations.latestVersion()) {
            throw new ProjectOpenException(ProjectOpenException.Reason.NEWER_SCHEMA, target,
                    target + " was written by a newer Terminal Curator (schema " + version
                            + "; this version reads up to schema " + SchemaMigrations.latestVersion()
                            + "); update the app to open it");
        }
    }

    private static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private static Connection connect(Path path, boolean readOnly) throws SQLException {
        return connect(path, readOnly, false);
    }

    private static Connection connect(Path path, boolean readOnly, boolean immutable) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("foreign_keys", "true");
        properties.setProperty("busy_timeout", Integer.toString(BUSY_TIMEOUT_MS));
        properties.setProperty("synchronous", "NORMAL");
        if (readOnly) {
            properties.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        }
        // SQLite's immutable=1 is a URI parameter: the path goes as a file: URI (percent-encoded)
        String name = immutable ? path.toUri() + "?immutable=1" : path.toString();
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + name, properties);
        if (readOnly) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = true");
            }
        }
        return connection;
    }

    public Path file() {
        return file;
    }

    public Mode mode() {
        return mode;
    }

    /** Whether this open made the project file (it did not exist before). */
    public boolean isNewlyCreated() {
        return newlyCreated;
    }

    public int schemaVersion() throws SQLException {
        return read(ProjectDb::userVersion);
    }

    public static int latestSchemaVersion() {
        return SchemaMigrations.latestVersion();
    }

    /**
     * Runs {@code work} in one transaction on the writer thread and waits for it. Work that is
     * already on the writer thread (a nested call) joins the running transaction.
     */
    public <T> T write(SqlWork<T> work) throws SQLException {
        ensureOpen();
        if (writer == null) {
            throw new SQLException(file + " is open read-only");
        }
        if (Thread.currentThread() == writerThreadRef) {
            return work.apply(writer);
        }
        Future<T> result = writerThread.submit(() -> inTransaction(work));
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a write to " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SQLException(cause);
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        writer.setAutoCommit(false);
        try {
            T value = work.apply(writer);
            stampProjectId(writer);
            writer.commit();
            commits.incrementAndGet();
            return value;
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /**
     * How many write transactions this process committed to the project since it was opened,
     * or -1 when it is open read-only (then another process may write, unseen): a value read
     * under an unchanged, non-negative count is still current.
     */
    public long commitCount() {
        return writer == null ? -1 : commits.get();
    }

    BulkImportTuning.Shared bulkImports() {
        return bulkImports;
    }

    /** Checkpoints on a connection of their own, beside the writer; null when that connection cannot be opened. */
    BackgroundCheckpoints startBackgroundCheckpoints() {
        try {
            ensureOpen();
            return new BackgroundCheckpoints(file, connect(file, false));
        } catch (SQLException e) {
            LOG.warn("no background checkpoints for {}; the writer checkpoints itself", file, e);
            return null;
        }
    }

    /** Runs {@code work} on a read-only connection; it sees the last committed state. */
    public <T> T read(SqlWork<T> work) throws SQLException {
        ensureOpen();
        Connection connection = borrowReader();
        try {
            return work.apply(connection);
        } finally {
            if (!idleReaders.offer(connection)) {
                closeQuietly(connection);
            }
        }
    }

    private Connection borrowReader() throws SQLException {
        Connection idle = idleReaders.poll();
        if (idle != null) {
            return idle;
        }
        if (openedReaders.incrementAndGet() <= MAX_READERS) {
            Connection connection = connect(file, true, immutable);
            synchronized (allReaders) {
                allReaders.add(connection);
            }
            return connection;
        }
        openedReaders.decrementAndGet();
        try {
            return idleReaders.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to " + file, e);
        }
    }

    /** Counts of every entity, the schema version and when the project was made. */
    public ProjectInfo info() throws SQLException {
        return read(connection -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement()) {
                for (String table : COUNTED_TABLES) {
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                        counts.put(table, rows.next() ? rows.getLong(1) : 0L);
                    }
                }
            }
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                size = -1;
            }
            return new ProjectInfo(file, userVersion(connection), SchemaMigrations.latestVersion(),
                    readMeta(connection, "created_at"), readMeta(connection, "created_with"), size, counts,
                    walAtOpen == null ? WalStatus.of(file) : walAtOpen);
        });
    }

    private static void writeMeta(Connection connection, String key, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO project_meta(key, value) VALUES (?, ?) "
                        + "ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
            statement.setString(1, key);
            statement.setString(2, value);
            statement.executeUpdate();
        }
    }

    private static String readMeta(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT value FROM project_meta WHERE key = ?")) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private void ensureOpen() throws SQLException {
        if (closed) {
            throw new SQLException(file + " is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        bulkImports.close();
        if (writerThread != null) {
            writerThread.shutdown();
            try {
                writerThread.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (allReaders) {
            allReaders.forEach(ProjectDb::closeQuietly);
            allReaders.clear();
        }
        idleReaders.clear();
        checkpointQuietly();
        closeQuietly(writer);
        if (lock != null) {
            lock.close();
        }
    }

    /**
     * Copies every page of the WAL into the project file and empties the WAL, so the file alone
     * is the whole project (a user who copies one file copies everything). Closing the last
     * connection does the same; this does it even when another process still reads.
     */
    private void checkpointQuietly() {
        if (writer == null) {
            return;
        }
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.warn("the WAL of {} could not be checkpointed on close; SQLite does on the next open", file, e);
        }
    }

    private static ProjectOpenException notAProject(Path target, String why) {
        return new ProjectOpenException(ProjectOpenException.Reason.NOT_A_PROJECT, target,
                target + " is not a Terminal Curator project: " + why);
    }

    private static ProjectOpenException ioFailure(Path target, String what, Exception e) {
        return new ProjectOpenException(ProjectOpenException.Reason.IO, target,
                target + " " + what + " (" + e.getMessage() + ")", e);
    }

    private static ProjectOpenException sqlFailure(Path target, SQLException e) {
        if (e instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB
                    || code.name().startsWith("SQLITE_CORRUPT")) {
                return new ProjectOpenException(ProjectOpenException.Reason.CORRUPTED, target,
                        target + " is damaged and cannot be read (" + code.message + ")", e);
            }
        }
        return new ProjectOpenException(ProjectOpenException.Reason.IO, target,
                target + " cannot be opened (" + e.getMessage() + ")", e);
    }

    private static Path sidecar(Path path, String suffix) {
        return path.resolveSibling(path.getFileName() + suffix);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
            Files.deleteIfExists(sidecar(path, "-wal"));
            Files.deleteIfExists(sidecar(path, "-shm"));
        } catch (IOException ignored) {
            // best effort: a leftover staging file is hidden and replaced on the next try
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing is best effort
            }
        }
    }
}
