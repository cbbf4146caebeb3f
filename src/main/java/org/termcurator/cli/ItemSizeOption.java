package org.termcurator.cli;

import org.termcurator.core.io.ItemCap;
import picocli.CommandLine.Option;

/** {@code --max-item-size}: the most one imported item may hold, for the import commands. */
final class ItemSizeOption {

    @Option(names = "--max-item-size", paramLabel = "SIZE", defaultValue = "64M",
            description = "The most one item may hold: a JSONL row, a task's instruction, config or Dockerfile "
                    + "(like 64M, 512k; default ${DEFAULT-VALUE}). A larger one is reported with its file and line "
                    + "and skipped; the import goes on.")
    String maxItemSize;

    long bytes() {
        try {
            return ItemCap.parse(maxItemSize);
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--max-item-size: " + e.getMessage(), ExitCodes.USAGE);
        }
    }
}
