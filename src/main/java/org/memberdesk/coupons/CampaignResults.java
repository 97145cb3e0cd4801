package org.memberdesk.coupons;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a campaign did. Treatment = the targeted members who were offered a coupon, control = those
 * held back. "Bought again" = at least one sale from the day of issue through the coupons' last
 * valid day (the window); spend per member = the window's sales of the group ÷ the group's size
 * (members who bought nothing count as 0), in whole cents rounded down. The uplift is treatment
 * minus control. Before issue the window is empty and every count after "issued" is 0.
 */
public record CampaignResults(long campaignId, String name, int targeted, int control, int issued, int redeemed,
                              long revenueCents, long discountCents, LocalDate windowFrom, LocalDate windowTo,
                              Group treatmentGroup, Group controlGroup) {

    /** One side of the split in the window: its size, who bought, and what they spent. */
    public record Group(int members, int boughtAgain, long spentCents) {
        public double share() {
            return members == 0 ? 0 : (double) boughtAgain / members;
        }

        public long spendPerMemberCents() {
            return members == 0 ? 0 : spentCents / members;
        }
    }

    public double redemptionRate() {
        return issued == 0 ? 0 : (double) redeemed / issued;
    }

    /** Difference in the share who bought again, treatment minus control (0.05 = 5 percentage points). */
    public double upliftShare() {
        return controlGroup.members() == 0 ? 0 : treatmentGroup.share() - controlGroup.share();
    }

    public long upliftSpendPerMemberCents() {
        return controlGroup.members() == 0 ? 0
                : treatmentGroup.spendPerMemberCents() - controlGroup.spendPerMemberCents();
    }

    /** The figures under the command line's and the CSV's names, in reading order. */
    public Map<String, Object> figures() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("campaign", campaignId);
        out.put("name", name);
        out.put("targeted", targeted);
        out.put("control", control);
        out.put("issued", issued);
        out.put("redeemed", redeemed);
        out.put("redemption_rate", round(redemptionRate()));
        out.put("revenue_cents", revenueCents);
        out.put("discount_cents", discountCents);
        out.put("window_from", windowFrom == null ? null : windowFrom.toString());
        out.put("window_to", windowTo == null ? null : windowTo.toString());
        out.put("treatment_members", treatmentGroup.members());
        out.put("treatment_bought_again", treatmentGroup.boughtAgain());
        out.put("treatment_share", round(treatmentGroup.share()));
        out.put("treatment_spend_per_member_cents", treatmentGroup.spendPerMemberCents());
        out.put("control_members", controlGroup.members());
        out.put("control_bought_again", controlGroup.boughtAgain());
        out.put("control_share", round(controlGroup.share()));
        out.put("control_spend_per_member_cents", controlGroup.spendPerMemberCents());
        out.put("uplift_share", round(upliftShare()));
        out.put("uplift_spend_per_member_cents", upliftSpendPerMemberCents());
        return out;
    }

    /** A ratio to 4 decimals, written as plain decimals (0.0009, not 9.0E-4). */
    private static java.math.BigDecimal round(double ratio) {
        return java.math.BigDecimal.valueOf(ratio).setScale(4, java.math.RoundingMode.HALF_UP);
    }
}
