package org.memberdesk.tiers;

/**
 * Where a member stands: the current tier, the next one (null at the top), what was measured in the
 * window, and how much more is needed for the next tier (0 when reached; the upgrade then comes with
 * the next purchase or review).
 */
public record TierProgress(Tier current, Tier next, TierProgram.Basis basis, long measured, long needed) {
}
