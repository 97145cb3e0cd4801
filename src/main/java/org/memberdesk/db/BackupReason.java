package org.memberdesk.db;

import java.util.Locale;
import java.util.Optional;

/** Why a backup was taken; part of the file name, so a person browsing the folder sees it too. */
public enum BackupReason {
    /** The first start of the day. */
    DAILY,
    /** Just before an import changes many rows at once. */
    IMPORT,
    /** Just before a new version of the app changes the schema. */
    MIGRATION,
    /** "Back up now" in Settings or {@code backup} on the command line. */
    MANUAL,
    /** The state that a restore replaced, so a restore can itself be undone. */
    BEFORE_RESTORE;

    /** The word in the file name, e.g. {@code before-restore}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<BackupReason> fromTag(String tag) {
        for (BackupReason reason : values()) {
            if (reason.tag().equals(tag)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
