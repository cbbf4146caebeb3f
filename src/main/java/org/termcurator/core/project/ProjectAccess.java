package org.termcurator.core.project;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How a caller opens a project, which decides what a missing or read-only file means:
 * <ul>
 *   <li>{@link #READ}: read-only; works beside a process that writes to it, and on a
 *       read-only file or folder;</li>
 *   <li>{@link #WRITE}: for writing; the file must exist (a mistyped name is an error, not a
 *       new project);</li>
 *   <li>{@link #CREATE}: for writing, creating the project first when the file does not exist
 *       ({@link ProjectDb#isNewlyCreated} then says so).</li>
 * </ul>
 */
public enum ProjectAccess {

    READ, WRITE, CREATE;

    public ProjectDb open(Path file) throws ProjectOpenException {
        return switch (this) {
            case READ -> ProjectDb.open(file, ProjectDb.Mode.READ_ONLY);
            case WRITE -> ProjectDb.open(file, ProjectDb.Mode.READ_WRITE);
            case CREATE -> Files.exists(file) ? ProjectDb.open(file, ProjectDb.Mode.READ_WRITE) : ProjectDb.create(file);
        };
    }
}
