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
import org.memberdesk.common.Messages;
import org.memberdesk.members.MemberService;
import org.memberdesk.tags.TagService;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The members of one funnel step (the dashboard's AARRR funnel or an Analytics funnel): the first of
 * them listed, all of them tagged, or all of them made the target of a new campaign. Work runs in the
 * background; results come back on the FX thread.
 */
public final class StepMembersModel {
    /** Up to this many members a campaign targets them as a list of member numbers; more need a tag. */
    public static final int LIST_TARGET_LIMIT = 2_000;

    private final MemberService members;
    private final TagService tags;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final long[] memberIds;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public StepMembersModel(MemberService members, TagService tags, TaskExecutor tasks, Messages messages,
                            long[] memberIds) {
        this.members = members;
        this.tags = tags;
        this.tasks = tasks;
        this.messages = messages;
        this.memberIds = memberIds.clone();
    }

    public long count() {
        return memberIds.length;
    }

    /** The first {@code limit} members of the step (in member id order). */
    public void load(int limit, Consumer<List<Member>> loaded) {
        long[] ids = memberIds;
        tasks.execute(BackgroundTask.of(() -> {
            List<Member> first = new ArrayList<>();
            for (int i = 0; i < ids.length && i < limit; i++) {
                members.byId(ids[i]).ifPresent(first::add);
            }
            return first;
        }).onSuccess(loaded));
    }

    /** Puts a manual tag on every member of the step (not only the listed ones); {@code tagged}: how many newly got it. */
    public void tag(String tag, Consumer<Integer> tagged) {
        String name = tag == null ? "" : tag.strip();
        if (name.isEmpty()) {
            problem.set(messages.get("analytics.ui.tagMissing"));
            return;
        }
        problem.set("");
        long[] ids = memberIds;
        tasks.execute(BackgroundTask.of(() -> tags.add(name, ids)).onSuccess(tagged)
                .onFailure(e -> problem.set(ErrorText.describe(e, messages))));
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
            problem.set(messages.get("analytics.ui.campaignNeedsTag", memberIds.length, LIST_TARGET_LIMIT));
            return;
        }
        if (memberIds.length == 0) {
            problem.set(messages.get("analytics.ui.campaignEmpty"));
            return;
        }
        long[] ids = memberIds;
        tasks.execute(BackgroundTask.of(() -> {
            List<String> numbers = new ArrayList<>();
            for (long id : ids) {
                members.byId(id).ifPresent(m -> numbers.add(m.details().memberNo()));
            }
            return new Target(Target.Kind.LIST, String.join(", ", numbers));
        }).onSuccess(ready));
    }

    /** Why the last tag or campaign request did not go ahead; empty when it did. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
