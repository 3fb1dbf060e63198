package dev.custograph.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Opens an input file for reading as UTF-8 text: gzip (recognised by its magic bytes, whatever the name) is
 * decompressed on the fly, and bytes that are not valid UTF-8 are an error rather than silently replaced. Counts the
 * bytes read from disk, which is what a progress bar can measure against the file sizes.
 */
final class InputFile {

    private InputFile() {
    }

    static Reader open(Path path, AtomicLong bytesRead) {
        if (!Files.isRegularFile(path)) {
            throw new ImportFailedException("missing input file " + path);
        }
        try {
            InputStream raw = new BufferedInputStream(new CountingStream(Files.newInputStream(path), bytesRead),
                    1 << 16);
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        } catch (IOException e) {
            throw new ImportFailedException("cannot read " + path + ": " + e.getMessage());
        }
    }

    /** Explains a read failure in the words of the file's problem, not the stream's. */
    static String describe(Throwable failure) {
        Throwable t = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.charset.MalformedInputException) {
                return "bytes that are not UTF-8 text (save the file as UTF-8)";
            }
            if (c instanceof java.io.EOFException) {
                return "the gzip stream ends early (the file is truncated)";
            }
            if (c instanceof java.util.zip.ZipException) {
                return "the gzip stream is corrupt (" + c.getMessage() + ")";
            }
        }
        return t.getMessage();
    }

    private static final class CountingStream extends FilterInputStream {
        private final AtomicLong count;

        CountingStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
