package org.memberdesk.coupons;

/**
 * A campaign as set up in the wizard or on the command line, before it is stored: a name, the
 * coupon (an existing template's id, or a new template to store with it), the target, "skip
 * members who got a coupon in the last N days" (null = no skipping), the control percent and an
 * optional seed (null = a random one, recorded).
 */
public record CampaignDraft(String name, Long couponId, Coupon newCoupon, Target target, Integer skipDays,
                            int controlPercent, Long seed) {
}
