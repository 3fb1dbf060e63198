package dev.custograph.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import tools.jackson.databind.json.JsonMapper;

/**
 * The backup archive format: one ZIP file holding
 * <ul>
 *   <li>{@code schema.json}: the constraints and indexes, each with the statement that creates it;</li>
 *   <li>{@code nodes.jsonl}: one node a line, {@code {"k": id, "l": [labels], "p": {properties}}};</li>
 *   <li>{@code relationships.jsonl}: one a line, {@code {"k": id, "t": type, "s": start id, "e": end id,
 *       "p": {...}}};</li>
 *   <li>{@code deleted.jsonl}: in an incremental backup, one tombstone a line, {@code {"n": id}} or {@code {"r": id}};
 *       </li>
 *   <li>{@code index.jsonl}: every node and relationship of the graph at that moment, {@code {"n"|"r": id,
 *       "h": content hash}}, which the next incremental backup compares against;</li>
 *   <li>{@code manifest.json}: see {@link Manifest};</li>
 *   <li>{@code manifest.sig}, last, when the backup was signed: the manifest's HMAC-SHA256 under the signing key,
 *       which covers every entry through the SHA-256 sums the manifest holds.</li>
 * </ul>
 * Property values are in {@code PortableValues}' form, so dates, times, points and non-finite doubles survive. ZIP
 * is read everywhere (unzip, any language) and its directory sits at the end, so a truncated archive cannot be
 * opened at all.
 */
public final class BackupArchive {

    static final String SCHEMA = "schema.json";
    static final String NODES = "nodes.jsonl";
    static final String RELATIONSHIPS = "relationships.jsonl";
    static final String DELETED = "deleted.jsonl";
    static final String INDEX = "index.jsonl";
    static final String MANIFEST = "manifest.json";
    /** With a signing key: the HMAC-SHA256 of manifest.json's bytes ({@link SigningKey}). */
    static final String SIGNATURE = "manifest.sig";
    static final List<String> DATA_ENTRIES = List.of(SCHEMA, NODES, RELATIONSHIPS, DELETED, INDEX);

    static final JsonMapper JSON = JsonMapper.builder().build();

    private BackupArchive() {
    }

    /**
     * Checks an archive without restoring it: it opens as a whole ZIP, has a manifest of this format, and every
     * entry's SHA-256, size and line count match the manifest. Returns the manifest; throws
     * {@link BackupFailedException} naming the file and what is wrong.
     */
    public static Manifest verify(Path archive) {
        return verify(archive, null);
    }

    /**
     * As {@link #verify(Path)}, and with a {@code signingKey}, also that the archive is signed with it: an archive
     * changed after it was written (checksums recomputed or not), or not signed at all, is refused.
     */
    public static Manifest verify(Path archive, SigningKey signingKey) {
        Manifest manifest = manifest(archive);
        if (signingKey != null) {
            checkSignature(archive, signingKey);
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (String name : DATA_ENTRIES) {
                Manifest.Entry expected = manifest.entries().get(name);
                ZipEntry entry = zip.getEntry(name);
                if (expected == null || entry == null) {
                    throw new BackupFailedException(archive + ": entry " + name + " is missing");
                }
                long[] lines = {0};
                String sha256;
                long bytes;
                try (CountingDigest in = new CountingDigest(zip.getInputStream(entry))) {
                    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                    while (reader.readLine() != null) {
                        lines[0]++;
                    }
                    sha256 = in.sha256();
                    bytes = in.count();
                }
                if (!sha256.equals(expected.sha256()) || bytes != expected.bytes()) {
                    throw new BackupFailedException(archive + ": entry " + name + " is corrupt (SHA-256 " + sha256
                            + ", " + bytes + " bytes; the manifest says " + expected.sha256() + ", "
                            + expected.bytes() + " bytes)");
                }
                long expectedLines = switch (name) {
                    case NODES -> manifest.nodes();
                    case RELATIONSHIPS -> manifest.relationships();
                    case DELETED -> manifest.nodesDeleted() + manifest.relationshipsDeleted();
                    case INDEX -> manifest.nodesTotal() + manifest.relationshipsTotal();
                    default -> lines[0];
                };
                if (lines[0] != expectedLines) {
                    throw new BackupFailedException(archive + ": entry " + name + " has " + lines[0]
                            + " lines; the manifest says " + expectedLines);
                }
            }
        } catch (ZipException e) {
            throw new BackupFailedException(archive + " is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BackupFailedException(archive + " cannot be read: " + e.getMessage(), e);
        }
        return manifest;
    }

    /** Whether the archive carries a signature (checked or not). */
    public static boolean signed(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.getEntry(SIGNATURE) != null;
        } catch (IOException e) {
            throw new BackupFailedException(archive + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void checkSignature(Path archive, SigningKey signingKey) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry signature = zip.getEntry(SIGNATURE);
            if (signature == null) {
                throw new BackupFailedException(archive + " is not signed, so it cannot be checked against the signing"
                        + " key (was it backed up without --signing-key-file?)");
            }
            byte[] manifest;
            String given;
            try (InputStream in = zip.getInputStream(zip.getEntry(MANIFEST));
                 InputStream sig = zip.getInputStream(signature)) {
                manifest = in.readAllBytes();
                given = new String(sig.readAllBytes(), StandardCharsets.US_ASCII);
            }
            if (!signingKey.signed(manifest, given)) {
                throw new BackupFailedException(archive + ": the signature does not match the signing key: the "
                        + "archive was changed after it was written, or signed with another key");
            }
        } catch (IOException e) {
            throw new BackupFailedException(archive + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The archive's manifest, read without checking the data. */
    static Manifest manifest(Path archive) {
        if (!Files.isRegularFile(archive)) {
            throw new BackupFailedException(archive + ": no such file"
                    + (Files.exists(Path.of(archive + ".partial")) ? " (" + archive
                    + ".partial exists: that backup did not finish)" : ""));
        }
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            ZipEntry entry = zip.getEntry(MANIFEST);
            if (entry == null) {
                throw new BackupFailedException(archive + " has no " + MANIFEST + ": not a complete Custograph backup");
            }
            Manifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = JSON.readValue(in, Manifest.class);
            }
            if (!Manifest.FORMAT.equals(manifest.format())) {
                throw new BackupFailedException(archive + " is in format " + manifest.format() + "; this version reads "
                        + Manifest.FORMAT);
            }
            return manifest;
        } catch (ZipException e) {
            throw new BackupFailedException(archive + " is truncated or not a backup archive (" + e.getMessage() + ")",
                    e);
        } catch (NoSuchFileException e) {
            throw new BackupFailedException(archive + ": no such file", e);
        } catch (IOException | tools.jackson.core.JacksonException e) {
            throw new BackupFailedException(archive + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The archive's index: {@code "n:<id>"} or {@code "r:<id>"} to the item's content hash, for every node and
     * relationship the graph held when the archive was taken.
     */
    static Map<String, String> index(Path archive) {
        Map<String, String> index = new java.util.HashMap<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            readLines(zip, INDEX, row -> {
                Object node = row.get("n");
                index.put(node != null ? "n:" + node : "r:" + row.get("r"), (String) row.get("h"));
            });
        } catch (IOException e) {
            throw new BackupFailedException(archive + " cannot be read: " + e.getMessage(), e);
        }
        return index;
    }

    /** Hands each line of a JSON Lines entry, parsed, to {@code each}. */
    static void readLines(ZipFile zip, String name, Consumer<Map<String, Object>> each) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(name)),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> row = JSON.readValue(line, Map.class);
                each.accept(row);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream that digests and counts what passes through it. */
    static final class CountingDigest extends DigestInputStream {
        private long count;

        CountingDigest(InputStream in) {
            super(in, BackupArchive.sha256());
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }

        String sha256() {
            return HexFormat.of().formatHex(getMessageDigest().digest());
        }
    }

    /** An output stream that digests and counts what is written through it. */
    static final class DigestingOutput extends OutputStream {
        private final OutputStream out;
        private final boolean closeBelow;
        private final MessageDigest digest = sha256();
        private long count;
        private Manifest.Entry entry;

        /** {@code closeBelow}: whether closing this closes the stream below (not for a ZIP entry). */
        DigestingOutput(OutputStream out, boolean closeBelow) {
            this.out = out;
            this.closeBelow = closeBelow;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            digest.update(buffer, offset, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
            if (closeBelow) {
                out.close();
            }
        }

        /** The checksum and size of everything written; call once the writing is over. */
        Manifest.Entry entry() {
            if (entry == null) {
                entry = new Manifest.Entry(HexFormat.of().formatHex(digest.digest()), count);
            }
            return entry;
        }
    }
}
