package org.memberdesk.ui.tags;

import org.memberdesk.ui.common.UiContext;

/** For the tests: the segment and tag view models built from a test context, as the screen builds them. */
public final class SegmentsModels {
    private SegmentsModels() {
    }

    public static SegmentsViewModel segments(UiContext context) {
        var app = context.app();
        return new SegmentsViewModel(app.rules(), app.tags(), app.predictions(), app.session(), context.tasks(),
                context.dialogs(), context.messages(), context.changes());
    }

    public static TagsViewModel tags(UiContext context) {
        return new TagsViewModel(context.app().tags(), context.tasks(), context.dialogs(), context.messages(),
                context.changes());
    }
}
