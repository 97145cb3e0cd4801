package org.memberdesk.tags;

import org.memberdesk.io.ImportListener;
import org.memberdesk.io.ImportResult;

/** Keeps rule tags true after an import brought new members or purchases. */
public final class TagRefresher implements ImportListener {
    private final TagService tags;

    public TagRefresher(TagService tags) {
        this.tags = tags;
    }

    @Override
    public void afterImport(String kind, ImportResult result) {
        if (result.imported() > 0) {
            tags.refreshAll();
        }
    }
}
