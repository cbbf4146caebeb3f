package org.termcurator.core.rollouts;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The folder rollouts keep their work in. In a shared place (a parent others may write to,
 * such as the system temp folder, where the default lives) another user could plant a link or
 * a folder of theirs under the name first: there the root is made private (0700) and refused
 * when it is a link or belongs to someone else.
 */
public final class RolloutWorkRoot {

    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private RolloutWorkRoot() {
    }

    /** Makes sure {@code root} exists and, in a shared place, is this user's own private folder. */
    public static Path prepare(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent != null && isShared(parent)) {
            return ensurePrivate(absolute);
        }
        Files.createDirectories(absolute);
        return absolute;
    }

    /** Creates {@code root} 0700, or checks an existing one: no link, a folder, ours; its mode is made 0700. */
    public static Path ensurePrivate(Path root) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(root, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            Files.createDirectories(root); // not a POSIX file system: its folders are per user already
            return root;
        }
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            try {
                Files.createDirectory(root, PosixFilePermissions.asFileAttribute(PRIVATE));
            } catch (FileAlreadyExistsException raced) {
                // someone made it meanwhile: checked below like any existing one
            }
        }
        if (Files.isSymbolicLink(root)) {
            throw new IOException("the rollout work folder " + root + " is a symbolic link (to "
                    + Files.readSymbolicLink(root) + "); refusing to write rollouts through it. Remove it, or set a "
                    + "work folder in Settings (or --work-root).");
        }
        PosixFileAttributes attributes = view.readAttributes();
        if (!attributes.isDirectory()) {
            throw new IOException("the rollout work folder " + root + " is not a folder; remove it, or set a work "
                    + "folder in Settings (or --work-root).");
        }
        UserPrincipal me = root.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!attributes.owner().equals(me)) {
            throw new IOException("the rollout work folder " + root + " belongs to " + attributes.owner().getName()
                    + ", not to " + me.getName() + "; refusing to write rollouts into it. Set a work folder in "
                    + "Settings (or --work-root).");
        }
        if (!attributes.permissions().equals(PRIVATE)) {
            view.setPermissions(PRIVATE);
        }
        return root;
    }

    /** Whether others than the owner may create entries in {@code folder} (e.g. /tmp). */
    static boolean isShared(Path folder) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(folder, PosixFileAttributeView.class);
        if (view == null || !Files.isDirectory(folder)) {
            return false;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        return permissions.contains(PosixFilePermission.OTHERS_WRITE)
                || permissions.contains(PosixFilePermission.GROUP_WRITE);
    }
}
