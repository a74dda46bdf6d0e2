package io.tenantconfig.bench.loader;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** Streams rows into one {@code COPY ... FROM STDIN} in text format, flushing in chunks to keep memory flat. */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_CHARS = 1 << 20;

    private final CopyIn copyIn;
    private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

    CopyStream(Connection connection, String copySql) throws SQLException {
        this.copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    }

    /** Appends one row; {@code null} becomes SQL NULL. Values here never hold tabs, newlines or backslashes. */
    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                buffer.append('\t');
            }
            buffer.append(values[i] == null ? "\\N" : values[i].toString());
        }
        buffer.append('\n');
        if (buffer.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copyIn.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        flush();
        copyIn.endCopy();
    }
}
