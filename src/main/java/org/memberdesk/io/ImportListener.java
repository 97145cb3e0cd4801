package org.memberdesk.io;

import java.nio.file.Path;

/** Told before an import starts (a backup is taken there) and after it stored something (rule tags refresh). */
public interface ImportListener {
    default void beforeImport(Path file) {
    }

    default void afterImport(String kind, ImportResult result) {
    }
}
