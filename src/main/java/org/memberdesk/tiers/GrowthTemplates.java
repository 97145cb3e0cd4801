package org.memberdesk.tiers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.points.PointsRulesStore;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsTemplate;

/**
 * Applies a business template — points rules, item categories and the tier ladder — in one
 * transaction, so a shop is never left with the gym's points and the scenic area's ladder.
 */
public final class GrowthTemplates {
    private final Database database;
    private final PointsService points;
    private final PointsRulesStore rulesStore;
    private final TierService tiers;
    private final TierStore tierStore;

    public GrowthTemplates(Database database, PointsService points, PointsRulesStore rulesStore, TierService tiers,
                           TierStore tierStore) {
        this.database = database;
        this.points = points;
        this.rulesStore = rulesStore;
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
            rulesStore.save(connection, template.rules());
            for (Map.Entry<String, String> item : template.itemCategories().entrySet()) {
                rulesStore.setItemCategory(connection, item.getKey(), item.getValue());
            }
            tierStore.saveLadder(connection, ladder);
            return null;
        });
    }
}
