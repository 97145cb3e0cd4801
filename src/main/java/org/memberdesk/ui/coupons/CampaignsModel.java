package org.memberdesk.ui.coupons;

import java.nio.file.Path;
import java.util.function.IntConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.memberdesk.common.Messages;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignReports;
import org.memberdesk.coupons.CampaignResults;
import org.memberdesk.coupons.CampaignService;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.print.CouponPrinter;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.members.Member;
import org.memberdesk.members.MemberService;
import org.memberdesk.ui.common.BackgroundTask;
import org.memberdesk.ui.common.ErrorText;
import org.memberdesk.ui.common.TaskExecutor;

/** The campaigns list with the chosen campaign's results, printing a campaign, and a member's coupons. */
public final class CampaignsModel {
    private final CampaignService campaignService;
    private final CampaignReports reports;
    private final CouponPrinter printer;
    private final MemberService members;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final ObservableList<Campaign> campaigns = FXCollections.observableArrayList();
    private final ObjectProperty<Campaign> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<CampaignResults> results = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final StringProperty member = new SimpleStringProperty("");
    private final ObservableList<IssuedCoupon> memberCoupons = FXCollections.observableArrayList();
    private final ObservableList<Coupon> templates = FXCollections.observableArrayList();
    private final ObservableList<Campaign> shownCampaigns = FXCollections.unmodifiableObservableList(campaigns);
    private final ObservableList<IssuedCoupon> shownMemberCoupons =
            FXCollections.unmodifiableObservableList(memberCoupons);
    private final ObservableList<Coupon> shownTemplates = FXCollections.unmodifiableObservableList(templates);

    public CampaignsModel(CampaignService campaignService, CampaignReports reports, CouponPrinter printer,
                          MemberService members, TaskExecutor tasks, Messages messages) {
        this.campaignService = campaignService;
        this.reports = reports;
        this.printer = printer;
        this.members = members;
        this.tasks = tasks;
        this.messages = messages;
        selected.addListener((obs, old, now) -> loadResults());
    }

    public ObservableList<Campaign> campaigns() {
        return shownCampaigns;
    }

    /** input: the campaign picked in the list */
    public ObjectProperty<Campaign> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<CampaignResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** input: a member number or phone */
    public StringProperty memberProperty() {
        return member;
    }

    public ObservableList<IssuedCoupon> memberCoupons() {
        return shownMemberCoupons;
    }

    /** The saved coupons (templates), newest first. */
    public ObservableList<Coupon> templates() {
        return shownTemplates;
    }

    public void load() {
        tasks.execute(BackgroundTask.of(campaignService::coupons).onSuccess(templates::setAll));
        Long keep = selected.get() == null ? null : selected.get().id();
        tasks.execute(BackgroundTask.of(campaignService::campaigns)
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
        tasks.execute(BackgroundTask.of(() -> reports.results(chosen.id()))
                .onSuccess(results::set)
                .onFailure(e -> message.set(ErrorText.describe(e, messages))));
    }

    /** Issues the chosen campaign's coupons (a campaign made but not yet issued). */
    public void issue() {
        Campaign chosen = selected.get();
        if (chosen == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> campaignService.issue(chosen.id()))
                .onSuccess(issued -> {
                    message.set(messages.get("coupons.campaigns.issuedNow", issued));
                    load();
                    loadResults();
                })
                .onFailure(e -> message.set(ErrorText.describe(e, messages))));
    }

    public void exportCsv(Path file) {
        CampaignResults figures = results.get();
        if (figures == null) {
            return;
        }
        tasks.execute(BackgroundTask.of(() -> {
            reports.exportCsv(figures, file);
            return file;
        }).onSuccess(done -> message.set(messages.get("coupons.campaigns.exported", done.toString())))
                .onFailure(e -> message.set(ErrorText.describe(e, messages))));
    }

    /**
     * Writes a campaign's list or slips to a PDF in the background. The task is configured whole before it starts:
     * when it is done the message says how many coupons went to which file, then {@code afterwards} runs (the
     * wizard's own line, the system print dialog); a failure is said in the message. The view shows its progress.
     */
    public BackgroundTask<Integer> print(long campaignId, CouponPrinter.Kind kind, Paper paper, Path file,
                                         IntConsumer afterwards) {
        BackgroundTask<Integer> task = BackgroundTask.of(progress -> printer.print(campaignId, kind, paper, file,
                messages, progress));
        task.words((done, total, count) -> messages.get("coupons.print.progress", done, total));
        task.onSuccess(rows -> {
            message.set(messages.get("coupons.print.done", rows, file.toString()));
            afterwards.accept(rows);
        }).onFailure(e -> message.set(ErrorText.describe(e, messages)));
        return tasks.execute(task);
    }

    /** Lists a member's coupons (by member number or phone) with their states. */
    public void findMemberCoupons() {
        String typed = member.get();
        tasks.execute(BackgroundTask.of(() -> {
            Member found = members.byNumberOrPhone(typed).orElse(null);
            return found == null ? null : campaignService.memberCoupons(found.id());
        }).onSuccess(list -> {
            if (list == null) {
                memberCoupons.clear();
                message.set(messages.get("coupons.redeem.noMember", typed));
            } else {
                memberCoupons.setAll(list);
                message.set(messages.get("coupons.member.count", list.size()));
            }
        }));
    }
}
