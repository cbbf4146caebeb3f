package org.termcurator.core.docker;

/** One path a container's filesystem gained, lost or changed (docker diff). */
public record FileChange(String path, Kind kind) {

    public enum Kind {
        MODIFIED, ADDED, DELETED;

        /** docker diff's numbering: 0 changed, 1 added, 2 deleted. */
        static Kind of(Integer dockerKind) {
            if (dockerKind == null) {
                return MODIFIED;
            }
            return switch (dockerKind) {
                case 1 -> ADDED;
                case 2 -> DELETED;
                default -> MODIFIED;
            };
        }
    }
}
