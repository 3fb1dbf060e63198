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

    /** Text that is not UTF-8; the line is approximate (decoding reads ahead) until {@link #exactly} corrects it. */
    static final class NotUtf8Exception extends ImportFailedException {
        NotUtf8Exception(String file, long line) {
            super(file + " line " + line + ": " + NOT_UTF8);
        }
    }

    private static final String NOT_UTF8 = "bytes that are not UTF-8 text (save the file as UTF-8)";

    /** The failure of reading {@code file} at about {@code line}, in the words of the file's problem. */
    static ImportFailedException failure(String file, long line, Throwable e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.charset.CharacterCodingException) {
                return new NotUtf8Exception(file, line);
            }
        }
        return new ImportFailedException(file + " line " + line + ": " + describe(e));
    }

    /** Names the first line of the file (decompressed if gzip) whose bytes are not UTF-8. */
    static ImportFailedException exactly(Path path, NotUtf8Exception approximate) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(path));
             InputStream in = isGzip(path) ? new GZIPInputStream(raw) : raw) {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            long number = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        decoder.reset().decode(java.nio.ByteBuffer.wrap(line.toByteArray()));
                    } catch (java.nio.charset.CharacterCodingException e) {
                        return new ImportFailedException(path.getFileName() + " line " + number + ": " + NOT_UTF8);
                    }
                    if (b < 0) {
                        return approximate;
                    }
                    line.reset();
                    number++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            return approximate;
        }
    }

    private static boolean isGzip(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Explains a read failure in the words of the file's problem, not the stream's. */
    static String describe(Throwable failure) {
        Throwable t = failure instanceof UncheckedIOException u ? u.getCause() : failure;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.nio.charset.CharacterCodingException) {
                return NOT_UTF8;
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
