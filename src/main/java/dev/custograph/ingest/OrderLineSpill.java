package dev.custograph.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bulk import's order lines, kept in a work file rather than the heap (10M lines would not fit 2 GB) and read
 * back, in the order written, as often as the store's writing needs them. Each entry is
 * {order, product, batch, lineId, quantity, unitPrice, discount}: indexes into {@link BulkGraph}'s orders and
 * products, and the batch that sent the line.
 */
final class OrderLineSpill implements AutoCloseable {

    private final Path file;
    private final DataOutputStream out;
    private long count;

    /** Creates the work file {@code order-lines.bin} in {@code workDir} (the data directory's own, private). */
    OrderLineSpill(Path workDir) {
        this.file = workDir.resolve("order-lines.bin");
        try {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the bulk import's work file in " + workDir, e);
        }
    }

    void add(int order, int product, int batch, BulkGraph.Line line) {
        try {
            out.writeInt(order);
            out.writeInt(product);
            out.writeInt(batch);
            out.writeUTF(line.lineId());
            out.writeLong(line.quantity());
            out.writeDouble(line.unitPrice());
            out.writeDouble(line.discount());
            count++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bulk import's work file " + file, e);
        }
    }

    /** How many lines were added. */
    long count() {
        return count;
    }

    /** A reader from the first line; everything added so far is readable. */
    Reader reader() {
        try {
            out.flush();
            return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bulk import's work file " + file, e);
        }
    }

    /** Reads the lines back in order; closes itself at the end. */
    final class Reader implements AutoCloseable {
        private final DataInputStream in;
        private boolean closed;

        private Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next entry, or null at the end. */
        Object[] next() {
            if (closed) {
                return null;
            }
            try {
                int order = in.readInt();
                return new Object[] {order, in.readInt(), in.readInt(), in.readUTF(), in.readLong(), in.readDouble(),
                        in.readDouble()};
            } catch (EOFException end) {
                close();
                return null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bulk import's work file " + file, e);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // read to the end already; nothing to lose
                }
            }
        }
    }

    /** Removes the work file. */
    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the bulk import's work file " + file, e);
        }
    }
}
