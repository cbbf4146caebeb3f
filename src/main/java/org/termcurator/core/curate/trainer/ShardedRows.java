package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.termcurator.core.io.Mappers;

/**
 * Writes the rows of one split of one config as data files of a Hugging Face dataset folder:
 * {@code DIR/SPLIT/SPLIT-00000-of-0000N.parquet} (or {@code .jsonl}), a new shard whenever the
 * current one grows past the size limit. Shards are named once the count is known.
 */
public final class ShardedRows implements AutoCloseable {

    /** One data file written: its path under the folder, rows and bytes. */
    public record Shard(String path, int rows, long bytes) {
    }

    private static final ObjectMapper JSON = Mappers.json();
    /** Parquet row groups kept small so that many open writers stay within a modest heap. */
    static final int ROW_GROUP_BYTES = 16 * 1024 * 1024;

    private final Path root;
    private final String folder;
    private final String split;
    private final boolean parquet;
    private final List<Column> columns;
    private final long shardBytes;
    private final List<Path> files = new ArrayList<>();
    private final List<Integer> rowCounts = new ArrayList<>();

    private ParquetRowWriter parquetWriter;
    private CountingOut jsonlOut;
    private JsonGenerator jsonl;
    private int rows;

    /**
     * @param root   the dataset folder (staging)
     * @param folder the config's folder under it, e.g. {@code data} or {@code skill_based_easy/security}
     */
    public ShardedRows(Path root, String folder, String split, boolean parquet, List<Column> columns, long shardBytes) {
        this.root = root;
        this.folder = folder;
        this.split = split;
        this.parquet = parquet;
        this.columns = List.copyOf(columns);
        this.shardBytes = shardBytes;
    }

    public void write(ObjectNode row) throws IOException {
        if (parquetWriter == null && jsonl == null) {
            open();
        }
        if (parquet) {
            parquetWriter.write(row);
        } else {
            JSON.writeTree(jsonl, row);
            jsonl.writeRaw('\n');
        }
        rows++;
        if (size() >= shardBytes) {
            closeShard();
        }
    }

    private long size() throws IOException {
        if (parquet) {
            return parquetWriter.dataSize();
        }
        jsonl.flush();
        return jsonlOut.count;
    }

    private void open() throws IOException {
        Path dir = Files.createDirectories(root.resolve(folder).resolve(split));
        Path file = dir.resolve(String.format(Locale.ROOT, "%s-%05d.part", split, files.size()));
        files.add(file);
        rows = 0;
        if (parquet) {
            parquetWriter = new ParquetRowWriter(file, columns, ROW_GROUP_BYTES);
        } else {
            jsonlOut = new CountingOut(new java.io.BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16));
            jsonl = JSON.getFactory().createGenerator(jsonlOut);
            jsonl.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }
    }

    private void closeShard() throws IOException {
        if (parquetWriter != null) {
            parquetWriter.close();
            parquetWriter = null;
        }
        if (jsonl != null) {
            jsonl.close();
            jsonlOut.close();
            jsonl = null;
        }
        rowCounts.add(rows);
    }

    /** Closes the last shard and names every shard with the count; no rows writes no file. */
    public List<Shard> finish() throws IOException {
        if (parquetWriter != null || jsonl != null) {
            closeShard();
        }
        List<Shard> shards = new ArrayList<>();
        String extension = parquet ? "parquet" : "jsonl";
        for (int i = 0; i < files.size(); i++) {
            Path named = files.get(i).resolveSibling(String.format(Locale.ROOT, "%s-%05d-of-%05d.%s", split, i,
                    files.size(), extension));
            Files.move(files.get(i), named);
            shards.add(new Shard(root.relativize(named).toString().replace('\\', '/'), rowCounts.get(i),
                    Files.size(named)));
        }
        return shards;
    }

    /** The glob of this split's files under the folder, as a card's {@code data_files} names it. */
    public String glob() {
        return folder + "/" + split + "/*." + (parquet ? "parquet" : "jsonl");
    }

    @Override
    public void close() throws IOException {
        if (parquetWriter != null) {
            parquetWriter.close();
            parquetWriter = null;
        }
        if (jsonl != null) {
            jsonl.close();
            jsonlOut.close();
            jsonl = null;
        }
    }

    private static final class CountingOut extends java.io.FilterOutputStream {
        long count;

        CountingOut(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
