package org.memberdesk.ui.counter;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.members.Phones;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.members.MemberService;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * Finding the member at the counter: matches listed while the phone, number or name is typed, and on Enter an
 * exact member number or full phone first. Searches run in the background; only the latest one's answer shows.
 */
final class MemberLookup {
    private final MemberService members;
    private final TaskExecutor tasks;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<Member> matches = FXCollections.observableArrayList();
    private long latest;

    MemberLookup(MemberService members, TaskExecutor tasks) {
        this.members = members;
        this.tasks = tasks;
        text.addListener((obs, old, now) -> findAsTyped());
    }

    StringProperty textProperty() {
        return text;
    }

    ObservableList<Member> matches() {
        return matches;
    }

    /** What was typed, without the spaces around it. */
    String typed() {
        return text.get() == null ? "" : text.get().strip();
    }

    private void findAsTyped() {
        String typed = typed();
        long mine = ++latest;
        if (typed.isEmpty()) {
            matches.clear();
            return;
        }
        tasks.execute(BackgroundTask.of(() -> members
                .search(MemberQuery.all().withText(typed), 0, CounterViewModel.MATCHES)).onSuccess(found -> {
                    if (mine == latest) {
                        matches.setAll(found);
                    }
                }).onFailure(error -> { }));
    }

    /** Enter: the exact member for a number or full phone, otherwise the matches; {@code found} gets them, listed. */
    void entered(Consumer<List<Member>> found) {
        String typed = typed();
        if (typed.isEmpty()) {
            return;
        }
        long mine = ++latest;
        tasks.execute(BackgroundTask.of(() -> members.lookUp(typed, CounterViewModel.MATCHES)).onSuccess(members -> {
            if (mine == latest) {
                matches.setAll(members);
                found.accept(members);
            }
        }));
    }

    /** A phone number typed in the lookup, to pre-fill a new member; empty otherwise. */
    String typedPhone() {
        return Phones.normalize(typed()).orElse("");
    }
}
