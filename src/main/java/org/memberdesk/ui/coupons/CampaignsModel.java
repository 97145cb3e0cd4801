package org.memberdesk.ui.coupons;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignResults;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.members.Member;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.UiContext;

/** The campaigns list with the chosen campaign's results, and a member's coupons. */
public final class CampaignsModel {
    private final UiContext context;
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<CampaignResults> results = new SimpleObjectProperty<>();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty member = new SimpleStringProperty("");
    private final ObservableList<IssuedCoupon> memberCoupons = FXCollections.observableArrayList();
    private final ObservableList<Coupon> templates = FXCollections.observableArrayList();

    public CampaignsModel(UiContext context) {
        this.context = context;
        selected.addListener((obs, old, now) -> loadResults());
    }

    public ObservableList<Campaign> campaigns() {
        return campaigns;
    }

    public ObjectProperty<Campaign> selectedProperty() {
        return selected;
    }

    public ObjectProperty<CampaignResults> resultsProperty() {
        return results;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty memberProperty() {
        return member;
    }

    public ObservableList<IssuedCoupon> memberCoupons() {
        return memberCoupons;
    }

    /** The saved coupons (templates), newest first. */
    public ObservableList<Coupon> templates() {
        return templates;
    }

    public void load() {
        context.tasks().execute(BackgroundTask.of(() -> context.app().campaigns().coupons())
                .onSuccess(templates::setAll));
        Long keep = selected.get() == null ? null : selected.get().id();
        context.tasks().execute(BackgroundTask.of(() -> context.app().campaigns().campaigns())
                .onSuccess(list -> {
                    campaigns.setAll(list);
                    if (keep != null) {
                        list.stream().filter(c -> c.id() == keep).findFirst().ifPresent(selected::set);
                    }
                }));
    }

    private void loadResults() {
        Campaign chosen = selected.get();
        if (chosen == null) {
            results.set(null);
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> context.app().campaignReports().results(chosen.id()))
                .onSuccess(results::set)
                .onFailure(e -> message.set(ErrorText.describe(e, context.messages()))));
    }

    /** Issues the chosen campaign's coupons (a campaign made but not yet issued). */
    public void issue() {
        Campaign chosen = selected.get();
        if (chosen == null) {
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> context.app().campaigns().issue(chosen.id()))
                .onSuccess(issued -> {
                    message.set(context.text("coupons.campaigns.issuedNow", issued));
                    load();
                    loadResults();
                })
                .onFailure(e -> message.set(ErrorText.describe(e, context.messages()))));
    }

    public void exportCsv(Path file) {
        CampaignResults figures = results.get();
        if (figures == null) {
            return;
        }
        context.tasks().execute(BackgroundTask.of(() -> {
            context.app().campaignReports().exportCsv(figures, file);
            return file;
        }).onSuccess(done -> message.set(context.text("coupons.campaigns.exported", done.toString())))
                .onFailure(e -> message.set(ErrorText.describe(e, context.messages()))));
    }

    /** Lists a member's coupons (by member number or phone) with their states. */
    public void findMemberCoupons() {
        String typed = member.get();
        context.tasks().execute(BackgroundTask.of(() -> {
            Member found = context.app().members().byNumberOrPhone(typed).orElse(null);
            return found == null ? null : context.app().campaigns().memberCoupons(found.id());
        }).onSuccess(list -> {
            if (list == null) {
                memberCoupons.clear();
                message.set(context.text("coupons.redeem.noMember", typed));
            } else {
                memberCoupons.setAll(list);
                message.set(context.text("coupons.member.count", list.size()));
            }
        }));
    }

}
