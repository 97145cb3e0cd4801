package org.memberdesk.ui.purchases;

import java.time.LocalDate;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberService;
import org.memberdesk.purchases.PurchaseQuery;
import org.memberdesk.purchases.PurchaseRow;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.sales.VoidedSale;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.PagedList;
import org.memberdesk.ui.common.TaskExecutor;

/**
 * All purchases, newest first, filtered by a date range, one member (typed as a member number or
 * phone) and an item name prefix. Rows are read a page at a time; the latest filter wins. With one member
 * shown, their voided sales are listed too (no longer purchases, but kept in view with who, when and why). A
 * chain's list also says the store each purchase was made in; a single shop's never does.
 */
public final class PurchasesViewModel {
    private final PurchaseService purchases;
    private final MemberService members;
    private final CounterSales sales;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final PagedList<PurchaseRow> rows = new PagedList<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty member = new SimpleStringProperty("");
    private final StringProperty item = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper memberShown = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper searchesAnswered = new ReadOnlyIntegerWrapper(0);
    private final ObservableList<VoidedSale> voided = FXCollections.observableArrayList();
    private final javafx.beans.property.ReadOnlyBooleanWrapper chain =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);
    /** Store id → its name as shown, read with each search; empty for a single shop, which never sees stores. */
    private java.util.Map<Long, String> storeNames = java.util.Map.of();
    private long latest;

    public PurchasesViewModel(PurchaseService purchases, MemberService members, CounterSales sales, TaskExecutor tasks,
                              Messages messages) {
        this.purchases = purchases;
        this.members = members;
        this.sales = sales;
        this.tasks = tasks;
        this.messages = messages;
        from.addListener((obs, old, now) -> search());
        to.addListener((obs, old, now) -> search());
        member.addListener((obs, old, now) -> search());
        item.addListener((obs, old, now) -> search());
    }

    public PagedList<PurchaseRow> rows() {
        return rows;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    /** A member number or phone; blank for every member. */
    public StringProperty memberProperty() {
        return member;
    }

    public StringProperty itemProperty() {
        return item;
    }

    /** Matching purchases; -1 while counting. */
    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** Who the member filter found ("王芳 M00000012"), or why it found nobody. */
    public ReadOnlyStringProperty memberShownProperty() {
        return memberShown.getReadOnlyProperty();
    }

    /** The shown member's voided sales, newest first; empty without a member filter. */
    public ObservableList<VoidedSale> voided() {
        return voided;
    }

    /** A chain's list has a store column: whether the shop had more than one store at the last search. */
    public javafx.beans.property.ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The store a listed purchase was made in, as shown ("Main store" for 本店 in English); "" for a single shop. */
    public String storeOf(PurchaseRow row) {
        return storeNames.getOrDefault(row.storeId(), "");
    }

    public ReadOnlyIntegerProperty searchesAnsweredProperty() {
        return searchesAnswered.getReadOnlyProperty();
    }

    private record Answer(PurchaseQuery query, java.util.List<PurchaseRow> firstPage, String memberText,
                          java.util.List<VoidedSale> voided, java.util.Map<Long, String> storeNames) {
    }

    /** Runs the filter: finds the member first (if one was typed), then the first page, then the count. */
    public void search() {
        long mine = ++latest;
        String typedMember = member.get() == null ? "" : member.get().strip();
        String typedItem = item.get() == null || item.get().isBlank() ? null : item.get().strip();
        LocalDate fromDate = from.get();
        LocalDate toDate = to.get();
        tasks.execute(BackgroundTask.of(() -> {
            Long memberId = null;
            String memberText = "";
            if (!typedMember.isEmpty()) {
                Optional<Member> found = members.byNumberOrPhone(typedMember);
                if (found.isEmpty()) {
                    return new Answer(null, java.util.List.of(),
                            messages.get("purchases.member.unknown", typedMember), java.util.List.of(),
                            java.util.Map.of());
                }
                memberId = found.get().id();
                memberText = found.get().name() + "  " + found.get().memberNo();
            }
            PurchaseQuery query = new PurchaseQuery(fromDate, toDate, memberId, typedItem);
            return new Answer(query, purchases.search(query, 0, PagedList.PAGE_SIZE), memberText,
                    memberId == null ? java.util.List.of() : sales.voided(memberId),
                    purchases.storeNamesShown(messages));
        }).onSuccess(answer -> {
            if (mine != latest) {
                return;
            }
            memberShown.set(answer.memberText());
            voided.setAll(answer.voided());
            if (answer.query() != null) {
                // the names before the rows, so each row's store cell finds its store's name when drawn
                storeNames = answer.storeNames();
                chain.set(!storeNames.isEmpty());
            }
            if (answer.query() == null) {
                rows.reset((offset, limit, done) -> done.accept(java.util.List.of()), java.util.List.of(), 0);
                count.set(0);
            } else {
                PurchaseQuery query = answer.query();
                rows.reset(PagedList.background(tasks,
                        (offset, limit) -> purchases.search(query, offset, limit)),
                        answer.firstPage(), answer.firstPage().size());
                if (answer.firstPage().size() < PagedList.PAGE_SIZE) {
                    count.set(answer.firstPage().size());
                } else {
                    count.set(-1);
                    tasks.execute(BackgroundTask.of(() -> purchases.count(query))
                            .onSuccess(total -> {
                                if (mine == latest) {
                                    rows.resize(total);
                                    count.set(total);
                                }
                            }));
                }
            }
            searchesAnswered.set(searchesAnswered.get() + 1);
        }));
    }

    /** Something was recorded or imported: read again with the same filter. */
    public void refresh() {
        search();
    }
}
