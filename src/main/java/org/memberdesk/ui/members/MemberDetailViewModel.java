package org.memberdesk.ui.members;

import java.util.List;
import java.util.Optional;
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
import org.memberdesk.ui.common.UiContext;

/**
 * The member shown in the detail pane: the member, its latest purchases and referrals, read
 * together in the background. The phone shows masked until the person reveals it, and is masked
 * again for the next member; only the owner may reveal it (cashiers and managers see it masked).
 */
public final class MemberDetailViewModel {
    /** How many of the latest purchases the pane lists. */
    public static final int HISTORY = 50;

    /** Everything the pane shows about one member, read at once. */
    public record Loaded(Member member, List<Purchase> history, int referrals, MemberForecast forecast) {
    }

    private final UiContext context;
    private final ReadOnlyObjectWrapper<Member> member = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Purchase> history = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper referrals = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<MemberForecast> forecast = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty phoneRevealed = new SimpleBooleanProperty(false);
    private final StringBinding phoneShown;
    private final ReadOnlyIntegerWrapper loads = new ReadOnlyIntegerWrapper();
    private long wanted = -1;

    public MemberDetailViewModel(UiContext context) {
        this.context = context;
        // a new model (the daily refit, Refit now) changes the prediction line of the member shown
        context.changes().onPredictionsRefitted(refusal -> {
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

    public ReadOnlyIntegerProperty referralsProperty() {
        return referrals.getReadOnlyProperty();
    }

    /** The member's prediction under the latest model as of today (issue 20); its text is the pane's line. */
    public ReadOnlyObjectProperty<MemberForecast> forecastProperty() {
        return forecast.getReadOnlyProperty();
    }

    /** The prediction line in the person's language, or "" before a member is read. */
    public String forecastText() {
        return forecast.get() == null ? "" : forecast.get().text(context.messages());
    }

    public BooleanProperty phoneRevealedProperty() {
        return phoneRevealed;
    }

    /** Whether the person at the computer may see the full phone (the owner): the pane offers "reveal" only then. */
    public boolean mayRevealPhone() {
        return context.app().session().seesFullPhones();
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
        context.tasks().execute(BackgroundTask.of(() -> read(memberId)).onSuccess(loaded -> {
            if (loaded.isPresent() && loaded.get().member().id() == wanted) {
                member.set(loaded.get().member());
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
        return context.app().members().byId(memberId).map(m -> new Loaded(m,
                context.app().purchases().history(memberId, HISTORY),
                context.app().members().referrals(m.memberNo()),
                MemberForecast.read(context.app().predictions(), memberId)));
    }

    /** Archives or restores the shown member after asking. */
    public void toggleArchived(Runnable done) {
        Member m = member.get();
        if (m == null) {
            return;
        }
        boolean archive = !m.archived();
        String question = context.text(archive ? "member.archive.confirm" : "member.restore.confirm", m.name());
        if (!context.dialogs().confirm(context.text(archive ? "member.archive" : "member.restore"), question)) {
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().members().archive(m.id(), archive);
            return m.id();
        }).onSuccess(id -> {
            context.changes().memberChanged(id);
            done.run();
        }));
    }
}
