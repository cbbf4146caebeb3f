package org.termcurator.core.project;

import java.nio.file.Path;
import java.sql.PreparedStatement;

/**
 * Commits a few presets to a project and waits, never closing it, so a kill -9 leaves its WAL
 * beside the file: {@code WalWriterChild FILE COUNT}. Prints {@code written} when committed.
 */
public final class WalWriterChild {

    private WalWriterChild() {
    }

    public static void main(String[] args) throws Exception {
        ProjectDb db = ProjectDb.open(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            String name = "from-the-wal-" + i;
            db.write(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO presets(name, settings, "
                        + "created_at, updated_at) VALUES (?, '{}', 'now', 'now')")) {
                    insert.setString(1, name);
                    return insert.executeUpdate();
                }
            });
        }
        System.out.println("written");
        System.out.flush();
        while (System.in.read() >= 0) {
            // killed here
        }
    }

    /** Runs the child on {@code file} until it has written, then kills it with SIGKILL. */
    public static void writeAndKill(Path file, int count) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                WalWriterChild.class.getName(), file.toString(), Integer.toString(count))
                .redirectErrorStream(true).start();
        try {
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.equals("written"));
            if (line == null) {
                throw new IllegalStateException("the writer ended before it wrote");
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
