package org.memberdesk.coupons.print;

import org.memberdesk.common.Counted;
import org.memberdesk.common.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.coupons.Campaign;
import org.memberdesk.coupons.CampaignStore;
import org.memberdesk.coupons.Coupon;
import org.memberdesk.coupons.CouponStore;
import org.memberdesk.coupons.CouponText;
import org.memberdesk.db.Database;
import org.memberdesk.db.OutputFiles;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Prints a campaign's coupons to PDF: the staff list or the member slips. The file appears only
 * when complete (written beside it, then moved), so a cancelled or failed print leaves no half file.
 * The system print dialog (in the windows) prints these same PDFs' pages.
 */
public final class CouponPrinter {
    /** What to print. */
    public enum Kind { LIST, SLIPS }

    private final Database database;
    private final CampaignStore campaigns;
    private final CouponStore coupons;
    private final PrintStore printRows = new PrintStore();
    private final Clock clock;
    private final OutputFiles files;
    private final StaffSession session;
    private final OperationLog log;

    /** Printing is a manager's or the owner's ({@link Permission#PRINT}); each PDF written is one log entry. */
    public CouponPrinter(Database database, CampaignStore campaigns, CouponStore coupons, Clock clock,
                         OutputFiles files, StaffSession session, OperationLog log) {
        this.session = session;
        this.log = log;
        this.database = database;
        this.campaigns = campaigns;
        this.coupons = coupons;
        this.clock = clock;
        this.files = files;
    }

    /** Writes the PDF and returns how many coupons it shows. */
    public int print(long campaignId, Kind kind, Paper paper, Path file, Messages messages, Progress progress)
            throws IOException {
        session.require(Permission.PRINT);
        files.check(file);
        Job job = load(campaignId, messages);
        files.write(file, out -> {
            CouponPdf pdf = new CouponPdf(messages, paper, job.heading(), progress);
            if (kind == Kind.LIST) {
                pdf.writeList(job.rows(), out);
            } else {
                pdf.writeSlips(job.rows(), out);
            }
        });
        log.record(OperationLog.Entry.of(Operation.PRINT, null, job.heading().campaign(),
                Counted.of(job.rows().size(), "coupon")
                + " as " + (kind == Kind.LIST ? "a list" : "slips") + " → " + file.getFileName()));
        return job.rows().size();
    }

    /**
     * The name a save dialog offers for a campaign's PDF: the campaign, what is printed and the day it was issued,
     * e.g. "秋季感恩 发放清单 2026-12-06.pdf", so two prints of two campaigns never offer the same name. Characters a
     * file name cannot hold (/ \ : * ? " < > |) become "-".
     */
    public static String fileName(Campaign campaign, Kind kind, Messages messages) {
        String day = (campaign.issuedAt() != null ? campaign.issuedAt() : campaign.createdAt()).toLocalDate().toString();
        String what = messages.get(kind == Kind.LIST ? "coupons.print.file.list" : "coupons.print.file.slips");
        String name = (campaign.name() + " " + what + " " + day).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]+", "-")
                .strip();
        return name + ".pdf";
    }

    private record Job(CouponPdf.Heading heading, List<PrintRow> rows) {
    }

    private Job load(long campaignId, Messages messages) {
        return database.read(connection -> {
            Campaign campaign = campaigns.find(connection, campaignId).orElseThrow(() ->
                    new ValidationException(Problem.of("campaign", "campaign.unknown", campaignId)));
            if (!campaign.issued()) {
                throw new ValidationException(Problem.of("campaign", "campaign.notIssued", campaign.name()));
            }
            Coupon coupon = coupons.template(connection, campaign.couponId()).orElseThrow();
            List<PrintRow> rows = printRows.rows(connection, campaignId);
            LocalDateTime now = LocalDateTime.now(clock);
            String printed = now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
            return new Job(new CouponPdf.Heading(campaign.name(), CouponText.describe(coupon, messages),
                    CouponText.conditions(coupon, messages), printed, now.toLocalDate()), rows);
        });
    }
}
