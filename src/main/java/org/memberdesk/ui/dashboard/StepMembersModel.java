package org.memberdesk.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.memberdesk.coupons.Target;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/**
 * The members of one funnel step (the dashboard's AARRR funnel or an Analytics funnel): the first of
 * them listed, all of them tagged, or all of them made the target of a new campaign. Work runs in the
 * background; results come back on the FX thread.
 */
public final class StepMembersModel {
    /** Up to this many members a campaign targets them as a list of member numbers; more need a tag. */
    public static final int LIST_TARGET_LIMIT = 2_000;

    private final UiContext context;
    private final long[] memberIds;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public StepMembersModel(UiContext context, long[] memberIds) {
        this.context = context;
        this.memberIds = memberIds.clone();
    }

    public long count() {
        return memberIds.length;
    }

    /** The first {@code limit} members of the step (in member id order). */
    public void load(int limit, Consumer<List<Member>> loaded) {
        long[] ids = memberIds;
        context.tasks().execute(BackgroundTask.of(() -> {
            List<Member> members = new ArrayList<>();
            for (int i = 0; i < ids.length && i < limit; i++) {
                context.app().members().byId(ids[i]).ifPresent(members::add);
            }
            return members;
        }).onSuccess(loaded));
    }

    /** Puts a manual tag on every member of the step (not only the listed ones); {@code tagged}: how many newly got it. */
    public void tag(String tag, Consumer<Integer> tagged) {
        String name = tag == null ? "" : tag.strip();
        if (name.isEmpty()) {
            problem.set(context.text("analytics.ui.tagMissing"));
            return;
        }
        problem.set("");
        long[] ids = memberIds;
        context.tasks().execute(BackgroundTask.of(() -> context.app().tags().add(name, ids)).onSuccess(tagged)
                .onFailure(e -> problem.set(ErrorText.describe(e, context.messages()))));
    }

    /**
     * The target of a campaign for the whole step: with a tag name, the step is tagged and the tag is the
     * target (it stays for the results); without one, a list of member numbers when the step is small
     * enough to read as a list.
     */
    public void campaignTarget(String tag, Consumer<Target> ready) {
        String name = tag == null ? "" : tag.strip();
        problem.set("");
        if (!name.isEmpty()) {
            tag(name, tagged -> ready.accept(new Target(Target.Kind.TAG, name)));
            return;
        }
        if (memberIds.length > LIST_TARGET_LIMIT) {
            problem.set(context.text("analytics.ui.campaignNeedsTag", memberIds.length, LIST_TARGET_LIMIT));
            return;
        }
        if (memberIds.length == 0) {
            problem.set(context.text("analytics.ui.campaignEmpty"));
            return;
        }
        long[] ids = memberIds;
        context.tasks().execute(BackgroundTask.of(() -> {
            List<String> numbers = new ArrayList<>();
            for (long id : ids) {
                context.app().members().byId(id).ifPresent(m -> numbers.add(m.details().memberNo()));
            }
            return new Target(Target.Kind.LIST, String.join(", ", numbers));
        }).onSuccess(ready));
    }

    /** Why the last tag or campaign request did not go ahead; empty when it did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
