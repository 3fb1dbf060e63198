package dev.custograph.files;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that only their owner may read. Everything Custograph writes can hold personal data (rejected
 * rows, exports, care lists, backups) or a secret (the database password), so it is created owner-only from the
 * start rather than tightened afterwards, which would leave a moment in which another local user could open it.
 * On a file system without POSIX permissions the platform's defaults apply.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) owner-only; an existing folder is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return POSIX ? Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY))
                : Files.createDirectories(dir);
    }

    /** Makes an existing file or folder owner-only (a folder the program owns outright, such as the store). */
    public static void restrict(Path path) throws IOException {
        if (POSIX && Files.exists(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
        }
    }

    /** A new (or emptied) owner-only file to write. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        createOwnerOnly(file);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** A new (or emptied) owner-only text file to write, in UTF-8. */
    public static Writer newWriter(Path file) throws IOException {
        createOwnerOnly(file);
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Writes {@code text} to {@code file} whole or not at all: into an owner-only file beside it, then moved into
     * place, so a reader never sees half a file (a password cut short would lock the owner out).
     */
    public static void writeAtomically(Path file, String text) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path temporary = POSIX ? Files.createTempFile(parent, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_FILE))
                    : Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, text, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** True when no one but the owner may read {@code path} (always true where permissions are not POSIX). */
    public static boolean isOwnerOnly(Path path) {
        if (!POSIX) {
            return true;
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !permissions.contains(PosixFilePermission.GROUP_READ)
                && !permissions.contains(PosixFilePermission.OTHERS_READ);
    }

    private static void createOwnerOnly(Path file) throws IOException {
        if (Files.exists(file)) {
            restrict(file);
            return;
        }
        FileAttribute<?>[] attributes = POSIX
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
        Files.createFile(file, attributes);
    }
}
