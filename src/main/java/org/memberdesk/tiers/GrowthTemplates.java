package org.memberdesk.tiers;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsTemplate;

/**
 * Applies a business template — points rules, item categories and the tier ladder — in one
 * transaction, so a shop is never left with the gym's points and the scenic area's ladder.
 */
public final class GrowthTemplates {
    private final Database database;
    private final PointsService points;
    private final TierService tiers;
    private final TierStore tierStore;

    public GrowthTemplates(Database database, PointsService points, TierService tiers, TierStore tierStore) {
        this.database = database;
        this.points = points;
        this.tiers = tiers;
        this.tierStore = tierStore;
    }

    public void apply(PointsTemplate template) {
        Ladder ladder = TierTemplates.of(template.code());
        List<Problem> problems = new ArrayList<>(points.check(template.rules()));
        problems.addAll(tiers.check(ladder));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            points.saveTemplate(connection, template);
            tierStore.saveLadder(connection, ladder);
            return null;
        });
    }
}
