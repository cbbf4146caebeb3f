package org.termcurator.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process that replaces an export and stops at one step of the swap, for the crash tests to
 * kill: {@code ExportSwapChild OUT JOURNAL STEP exchange|rename}. It prints {@code at STEP} and
 * waits on its input, which never comes.
 */
public final class ExportSwapChild {

    private ExportSwapChild() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Path journal = Path.of(args[1]);
        ExportFolder.Step stopAt = ExportFolder.Step.valueOf(args[2]);
        boolean exchange = args[3].equals("exchange");
        ExportFolder folder = ExportFolder.of(out, ExportFolderTest.APP, journal, exchange, step -> {
            if (step == stopAt) {
                System.out.println("at " + step);
                System.out.flush();
                System.in.read();
            }
        });
        try (ExportFolder.Staging staging = folder.stage()) {
            ExportFolderTest.writeExport(staging.path(), "new", ExportFolderTest.FILES);
            staging.commit();
        }
        System.out.println("done");
    }
}
