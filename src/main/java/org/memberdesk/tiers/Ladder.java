package org.memberdesk.tiers;

import java.util.List;

/** The tier program and its tiers in rank order (rank 0 first). */
public record Ladder(TierProgram program, List<Tier> tiers) {

    public Ladder {
        tiers = List.copyOf(tiers);
    }

    public Tier entry() {
        return tiers.get(0);
    }

    public Tier top() {
        return tiers.get(tiers.size() - 1);
    }

    /** The rank of a member's stored tier name; no tier yet (or a name no longer on the ladder) is the entry tier. */
    public int rankOf(String name) {
        if (name != null) {
            for (Tier tier : tiers) {
                if (tier.name().equals(name)) {
                    return tier.rank();
                }
            }
        }
        return 0;
    }

    /**
     * The name of the tier a member is on, from their stored tier: a member with no tier yet (or one no longer on the
     * ladder) is on the entry tier, and is called by its name everywhere (Tiers, Points, analytics), never "no tier".
     */
    public String nameOf(String storedTier) {
        return at(rankOf(storedTier)).name();
    }

    /** The highest tier whose threshold the value reaches (a threshold is reached when equal). */
    public int rankFor(long value) {
        int rank = 0;
        for (Tier tier : tiers) {
            if (value >= tier.threshold()) {
                rank = tier.rank();
            }
        }
        return rank;
    }

    public Tier at(int rank) {
        return tiers.get(rank);
    }
}
