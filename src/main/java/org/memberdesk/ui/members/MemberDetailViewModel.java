package org.memberdesk.ui.members;

import org.memberdesk.members.MemberService;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.predictions.Predictions;
import org.memberdesk.ui.common.TaskExecutor;
import org.memberdesk.common.Messages;
import org.memberdesk.ui.common.DataChanges;
import org.memberdesk.ui.common.DialogService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.members.Member;
import org.memberdesk.members.Phones;
import org.memberdesk.purchases.Purchase;
import org.memberdesk.ui.common.BackgroundTask;

/**
 * The member shown in the detail pane: the member, its latest purchases and referrals, read
 * together in the background. The phone shows masked until the person reveals it, and is masked
 * again for the next member; only the owner may reveal it (cashiers and managers see it masked).
 */
public final class MemberDetailViewModel {
    /** How many of the latest purchases the pane lists. */
    public static final int HISTORY = 50;

    /**
     * Everything the pane shows about one member, read at once. {@code storeOf}: each purchase's store as shown
     * (purchase id → name), only in a chain; empty for a single shop, which never sees stores.
     */
    public record Loaded(Member member, List<Purchase> history, int referrals, MemberForecast forecast,
                         Map<Long, String> storeOf) {
    }

    private final MemberService members;
    private final StaffSession session;
    private final PurchaseService purchases;
    private final Predictions predictions;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final DataChanges changes;
    private final DialogService dialogs;
    /** A chain's history has a store column: whether the shop had more than one store when last read. */
    private final ReadOnlyBooleanWrapper chain = new ReadOnlyBooleanWrapper(false);
    private Map<Long, String> storeOf = Map.of();
    private final ReadOnlyObjectWrapper<Member> member = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Purchase> history = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper referrals = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<MemberForecast> forecast = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty phoneRevealed = new SimpleBooleanProperty(false);
    private final StringBinding phoneShown;
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper();
    private long wanted = -1;

    public MemberDetailViewModel(MemberService members, StaffSession session, PurchaseService purchases, Predictions predictions, TaskExecutor tasks, Messages messages, DataChanges changes, DialogService dialogs) {
        this.members = members;
        this.session = session;
        this.purchases = purchases;
        this.predictions = predictions;
        this.tasks = tasks;
        this.messages = messages;
        this.changes = changes;
        this.dialogs = dialogs;
        // a new model (the daily refit, Refit now) changes the prediction line of the member shown
        changes.onPredictionsRefitted(refusal -> {
            if (refusal.isEmpty()) {
                reload();
            }
        });
        phoneShown = Bindings.createStringBinding(() -> {
            Member m = member.get();
            if (m == null || m.phone() == null) {
                return "";
            }
            return phoneRevealed.get() && mayRevealPhone() ? m.phone() : Phones.mask(m.phone());
        }, member, phoneRevealed);
    }

    public ReadOnlyObjectProperty<Member> memberProperty() {
        return member.getReadOnlyProperty();
    }

    public Optional<Member> member() {
        return Optional.ofNullable(member.get());
    }

    public ObservableList<Purchase> history() {
        return history;
    }

    /** Whether the shop is a chain: only then does the history show where each purchase was made. */
    public ReadOnlyBooleanProperty chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** The store a listed purchase was made in, as shown; "" for a single shop. */
    public String storeOf(Purchase purchase) {
        return storeOf.getOrDefault(purchase.id(), "");
    }

    public ReadOnlyIntegerProperty referralsProperty() {
        return referrals.getReadOnlyProperty();
    }

    /** The member's prediction under the latest model as of today (issue 20); its text is the pane's line. */
    public ReadOnlyObjectProperty<MemberForecast> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    /** The prediction line in the person's language, or "" before a member is read. */
    public String forecastText() {
        return forecast.get() == null ? "" : forecast.get().text(messages);
    }

    public BooleanProperty phoneRevealedProperty() {
        return phoneRevealed;
    }

    /** Whether the person at the computer may see the full phone (the owner): the pane offers "reveal" only then. */
    public boolean mayRevealPhone() {
        return session.seesFullPhones();
    }

    /** The phone as the pane shows it: 138****1234, or in full once revealed by the owner. */
    public StringBinding phoneShown() {
        return phoneShown;
    }

    /** Counts finished loads; the view rebuilds its sections on each. */
    public ReadOnlyIntegerProperty loadsProperty() {
        return loads.getReadOnlyProperty();
    }

    /** Shows a member (or nothing for -1); the latest call wins when reads overlap. */
    public void show(long memberId) {
        if (memberId != wanted) {
            phoneRevealed.set(false);
        }
        wanted = memberId;
        if (memberId < 0) {
            member.set(null);
            history.clear();
            forecast.set(null);
            loads.set(loads.get() + 1);
            return;
        }
        tasks.execute(BackgroundTask.of(() -> read(memberId)).onSuccess(loaded -> {
            if (loaded.isPresent() && loaded.get().member().id() == wanted) {
                member.set(loaded.get().member());
                storeOf = loaded.get().storeOf();
                chain.set(!storeOf.isEmpty()); // a chain's member with no purchases lists none to place
                history.setAll(loaded.get().history());
                referrals.set(loaded.get().referrals());
                forecast.set(loaded.get().forecast());
                loads.set(loads.get() + 1);
            }
        }));
    }

    /** Reads the shown member again (after an edit or a purchase). */
    public void reload() {
        if (wanted >= 0) {
            show(wanted);
        }
    }

    private Optional<Loaded> read(long memberId) {
        return members.byId(memberId).map(m -> {
            List<Purchase> latest = purchases.history(memberId, HISTORY);
            return new Loaded(m, latest, members.referrals(m.memberNo()), MemberForecast.read(predictions, memberId),
                    purchases.storesShown(latest, messages));
        });
    }

    /** Archives or restores the shown member after asking. */
    public void toggleArchived(Runnable done) {
        Member m = member.get();
        if (m == null) {
            return;
        }
        boolean archive = !m.archived();
        String question = messages.get(archive ? "member.archive.confirm" : "member.restore.confirm", m.name());
        if (!dialogs.confirm(messages.get(archive ? "member.archive" : "member.restore"), question)) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> {
            members.archive(m.id(), archive);
            return m.id();
        }).onSuccess(id -> {
            changes.memberChanged(id);
            done.run();
        }));
    }
}
