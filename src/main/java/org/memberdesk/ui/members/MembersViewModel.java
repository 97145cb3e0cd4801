package org.memberdesk.ui.members;

import java.time.LocalDate;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberQuery;
import org.memberdesk.members.MemberService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.PagedList;
import org.memberdesk.ui.common.DialogService;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * The members list: what is searched for and how it is sorted, the rows ({@link PagedList}),
 * and how many members match. Every change of the search starts a read in the background; when
 * several are under way, only the latest one's answer is shown.
 */
public final class MembersViewModel {
    /** Shown first in the channel filter: no channel filter. */
    public static final String ALL_CHANNELS = "";

    private final MemberService members;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final PagedList<Member> rows = new PagedList<>();
    private final StringProperty searchText = new SimpleStringProperty("");
    private final StringProperty channel = new SimpleStringProperty(ALL_CHANNELS);
    private final ObjectProperty<LocalDate> joinedFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> joinedTo = new SimpleObjectProperty<>();
    private final BooleanProperty includeArchived = new SimpleBooleanProperty(false);
    private final ObjectProperty<MemberQuery.Sort> sort = new SimpleObjectProperty<>(MemberQuery.Sort.MEMBER_NO);
    private final BooleanProperty ascending = new SimpleBooleanProperty(true);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper searchesAnswered = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<String> channels = FXCollections.observableArrayList(ALL_CHANNELS);
    private long latest;

    public MembersViewModel(MemberService members, TaskExecutor tasks, DialogService dialogs) {
        this.members = members;
        this.tasks = tasks;
        this.dialogs = dialogs;
        searchText.addListener((obs, old, now) -> search());
        channel.addListener((obs, old, now) -> search());
        joinedFrom.addListener((obs, old, now) -> search());
        joinedTo.addListener((obs, old, now) -> search());
        includeArchived.addListener((obs, old, now) -> search());
    }

    public PagedList<Member> rows() {
        return rows;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public StringProperty channelProperty() {
        return channel;
    }

    public ObjectProperty<LocalDate> joinedFromProperty() {
        return joinedFrom;
    }

    public ObjectProperty<LocalDate> joinedToProperty() {
        return joinedTo;
    }

    public BooleanProperty includeArchivedProperty() {
        return includeArchived;
    }

    /** Matching members; -1 while counting. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Goes up by one each time a search's first page is shown: what tests and the benchmark wait for. */
    public ReadOnlyIntegerProperty searchesAnsweredProperty() {
        return searchesAnswered.getReadOnlyProperty();
    }

    public ObservableList<String> channels() {
        return channels;
    }

    public ObjectProperty<MemberQuery.Sort> sortProperty() {
        return sort;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    /** Sorts by a column (the table's header click). */
    public void sortBy(MemberQuery.Sort newSort, boolean newAscending) {
        if (newSort != sort.get() || newAscending != ascending.get()) {
            sort.set(newSort);
            ascending.set(newAscending);
            search();
        }
    }

    public MemberQuery query() {
        String text = searchText.get() == null ? "" : searchText.get().strip();
        String chosenChannel = channel.get() == null || channel.get().isEmpty() ? null : channel.get();
        return new MemberQuery(text.isEmpty() ? null : text, chosenChannel, joinedFrom.get(), joinedTo.get(),
                includeArchived.get(), sort.get(), ascending.get());
    }

    /** Loads the channel list and the first page; called when the screen opens. */
    public void start() {
        tasks.execute(BackgroundTask.of(() -> members.channels()).onSuccess(found -> {
            // keep the "all channels" entry (and so the current choice) in place while the list changes
            channels.remove(1, channels.size());
            channels.addAll(found);
        }));
        search();
    }

    /**
     * Runs the current search: the first page first (the table shows at once), then the count
     * (which on a million members takes longer than the page).
     */
    public void search() {
        MemberQuery query = query();
        long mine = ++latest;
        searching.set(true);
        tasks.execute(BackgroundTask.of(() ->
                members.search(query, 0, PagedList.PAGE_SIZE)).onSuccess(firstPage -> {
                    if (mine != latest) {
                        return;
                    }
                    boolean complete = firstPage.size() < PagedList.PAGE_SIZE;
                    rows.reset(PagedList.background(tasks,
                            (offset, limit) -> members.search(query, offset, limit)),
                            firstPage, firstPage.size());
                    count.set(complete ? firstPage.size() : -1);
                    searchesAnswered.set(searchesAnswered.get() + 1);
                    if (complete) {
                        searching.set(false);
                    } else {
                        countInBackground(query, mine);
                    }
                }).onFailure(error -> {
                    searching.set(false);
                    dialogs.showError(error);
                }));
    }

    private void countInBackground(MemberQuery query, long mine) {
        tasks.execute(BackgroundTask.of(() -> members.count(query)).onSuccess(total -> {
            if (mine == latest) {
                rows.resize(total);
                count.set(total);
                searching.set(false);
            }
        }));
    }

    /** Something changed in the database: read the visible rows and the count again. */
    public void refresh() {
        MemberQuery query = query();
        long mine = latest;
        rows.invalidate();
        tasks.execute(BackgroundTask.of(() -> members.count(query)).onSuccess(total -> {
            if (mine == latest) {
                rows.resize(total);
                count.set(total);
            }
        }));
    }
}
