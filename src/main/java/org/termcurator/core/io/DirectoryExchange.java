package org.termcurator.core.io;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Swaps two folders in one step where the system can (Linux's {@code renameat2} with
 * {@code RENAME_EXCHANGE}): a reader that opens either path sees one whole tree or the other,
 * never a moment where one of them is missing.
 */
final class DirectoryExchange {

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2;

    private static final Optional<DirectoryExchange> INSTANCE = load();

    private final MethodHandle renameat2;
    private final StructLayout callState;
    private final VarHandle errno;

    private DirectoryExchange(MethodHandle renameat2, StructLayout callState, VarHandle errno) {
        this.renameat2 = renameat2;
        this.callState = callState;
        this.errno = errno;
    }

    /** The exchange, or empty where the system has none (not Linux, an old C library, no native access). */
    static Optional<DirectoryExchange> available() {
        return INSTANCE;
    }

    private static Optional<DirectoryExchange> load() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        try {
            Linker linker = Linker.nativeLinker();
            Optional<MemorySegment> symbol = linker.defaultLookup().find("renameat2");
            if (symbol.isEmpty()) {
                return Optional.empty();
            }
            Linker.Option capture = Linker.Option.captureCallState("errno");
            StructLayout state = Linker.Option.captureStateLayout();
            MethodHandle handle = linker.downcallHandle(symbol.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_INT), capture);
            VarHandle errno = state.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
            return Optional.of(new DirectoryExchange(handle, state, errno));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // native access refused or no such call: the two-rename swap stands in
        }
    }

    /**
     * Exchanges {@code a} and {@code b}, both existing paths on one file system.
     *
     * @return 0 on success, else the system's error number (e.g. EINVAL where the file system cannot)
     */
    int exchange(Path a, Path b) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(callState);
            MemorySegment from = arena.allocateFrom(a.toAbsolutePath().toString());
            MemorySegment to = arena.allocateFrom(b.toAbsolutePath().toString());
            int rc = (int) renameat2.invokeExact(state, AT_FDCWD, from, AT_FDCWD, to, RENAME_EXCHANGE);
            return rc == 0 ? 0 : Math.max(1, (int) errno.get(state, 0L));
        } catch (Throwable e) {
            return -1;
        }
    }
}
