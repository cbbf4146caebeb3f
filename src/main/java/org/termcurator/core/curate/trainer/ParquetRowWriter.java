package org.termcurator.core.curate.trainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.termcurator.core.io.Mappers;

/**
 * Writes JSON rows into one Parquet file (zstd) by a {@link Column} schema, with lists in the
 * standard three-level layout Arrow and Hugging Face {@code datasets} read. Nothing of the
 * moment or the machine goes into the file (no timestamps; the writer's name is fixed), so the
 * same rows give the same bytes.
 */
public final class ParquetRowWriter implements AutoCloseable {

    private static final ObjectMapper JSON = Mappers.json();

    private final ParquetWriter<JsonNode> writer;

    public ParquetRowWriter(Path file, List<Column> columns) throws IOException {
        this(file, columns, ParquetWriter.DEFAULT_BLOCK_SIZE);
    }

    public ParquetRowWriter(Path file, List<Column> columns, int rowGroupBytes) throws IOException {
        MessageType schema = schema(columns);
        writer = new Builder(new NioOutputFile(file), schema, columns)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(true)
                .withRowGroupSize(rowGroupBytes)
                .withValidation(false)
                .withConf(new Configuration())
                .build();
    }

    public void write(JsonNode row) throws IOException {
        writer.write(row);
    }

    /** Bytes written so far plus those buffered for the current row group. */
    public long dataSize() {
        return writer.getDataSize();
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    static MessageType schema(List<Column> columns) {
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (Column column : columns) {
            builder.addField(type(column));
        }
        return builder.named("schema");
    }

    private static Type type(Column column) {
        return switch (column.kind()) {
            case STRING, JSON -> Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType())
                    .named(column.name());
            case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(column.name());
            case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(column.name());
            case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(column.name());
            case STRUCT -> group(column.fields()).named(column.name());
            case LIST -> Types.optionalGroup().as(LogicalTypeAnnotation.listType())
                    .addField(Types.repeatedGroup().addField(group(column.fields()).named("element")).named("list"))
                    .named(column.name());
        };
    }

    private static Types.GroupBuilder<GroupType> group(List<Column> fields) {
        Types.GroupBuilder<GroupType> group = Types.optionalGroup();
        for (Column field : fields) {
            group.addField(type(field));
        }
        return group;
    }

    private static final class Builder extends ParquetWriter.Builder<JsonNode, Builder> {
        private final MessageType schema;
        private final List<Column> columns;

        Builder(OutputFile file, MessageType schema, List<Column> columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<JsonNode> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, columns);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<JsonNode> {
        private final MessageType schema;
        private final List<Column> columns;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema, List<Column> columns) {
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, new HashMap<>());
        }

        @Override
        public String getName() {
            return "terminal-curator";
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            consumer = recordConsumer;
        }

        @Override
        public FinalizedWriteContext finalizeWrite() {
            return new FinalizedWriteContext(Map.of());
        }

        @Override
        public void write(JsonNode row) {
            consumer.startMessage();
            fields(columns, row);
            consumer.endMessage();
        }

        private void fields(List<Column> fields, JsonNode node) {
            for (int i = 0; i < fields.size(); i++) {
                Column field = fields.get(i);
                JsonNode value = node.get(field.name());
                if (value == null || value.isNull() || field.kind() == Column.Kind.LIST && !value.isArray()) {
                    continue;
                }
                consumer.startField(field.name(), i);
                value(field, value);
                consumer.endField(field.name(), i);
            }
        }

        private void value(Column field, JsonNode value) {
            switch (field.kind()) {
                case STRING -> consumer.addBinary(Binary.fromString(value.isTextual() ? value.asText() : value.toString()));
                case JSON -> consumer.addBinary(Binary.fromString(json(value)));
                case BOOLEAN -> consumer.addBoolean(value.asBoolean());
                case INT64 -> consumer.addLong(value.asLong());
                case DOUBLE -> consumer.addDouble(value.asDouble());
                case STRUCT -> {
                    consumer.startGroup();
                    fields(field.fields(), value);
                    consumer.endGroup();
                }
                case LIST -> {
                    consumer.startGroup();
                    if (!value.isEmpty()) {
                        consumer.startField("list", 0);
                        for (JsonNode element : value) {
                            consumer.startGroup();
                            if (element != null && !element.isNull()) {
                                consumer.startField("element", 0);
                                consumer.startGroup();
                                fields(field.fields(), element);
                                consumer.endGroup();
                                consumer.endField("element", 0);
                            }
                            consumer.endGroup();
                        }
                        consumer.endField("list", 0);
                    }
                    consumer.endGroup();
                }
            }
        }

        private static String json(JsonNode value) {
            if (value.isTextual()) {
                return value.asText();
            }
            try {
                return JSON.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A Parquet output file on the local file system, without Hadoop's. */
    private record NioOutputFile(Path path) implements OutputFile {

        @Override
        public PositionOutputStream create(long blockSizeHint) throws IOException {
            return stream(StandardOpenOption.CREATE_NEW);
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
            return stream(StandardOpenOption.CREATE);
        }

        private PositionOutputStream stream(StandardOpenOption mode) throws IOException {
            FileChannel channel = FileChannel.open(path, mode, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(channel),
                    1 << 16);
            return new PositionOutputStream() {
                private long position;

                @Override
                public long getPos() {
                    return position;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    position++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    position += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                    channel.force(true);
                    out.close();
                }
            };
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }

}
