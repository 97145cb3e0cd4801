package org.memberdesk.analytics;

/** The shop's all-time totals the Dashboard's tiles show: members, sales, returns and revenue (cents). */
public record ShopTotals(long members, long purchases, long returns, long revenueCents) {
}
