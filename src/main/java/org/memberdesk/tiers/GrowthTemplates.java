package org.memberdesk.tiers;

import java.util.ArrayList;
import java.util.List;
import org.memberdesk.common.Problem;
import org.memberdesk.common.ValidationException;
import org.memberdesk.db.Database;
import org.memberdesk.points.PointsService;
import org.memberdesk.points.PointsTemplate;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;

/**
 * Applies a business template — points rules, item categories and the tier ladder — in one
 * transaction, so a shop is never left with the gym's points and the scenic area's ladder.
 */
public final class GrowthTemplates {
    private final Database database;
    private final PointsService points;
    private final TierService tiers;
    private final TierStore tierStore;
    private final StaffSession session;
    private final OperationLog log;

    public GrowthTemplates(Database database, PointsService points, TierService tiers, TierStore tierStore,
                           StaffSession session, OperationLog log) {
        this.database = database;
        this.points = points;
        this.tiers = tiers;
        this.tierStore = tierStore;
        this.session = session;
        this.log = log;
    }

    public void apply(PointsTemplate template) {
        session.require(Permission.SETTINGS);
        Ladder ladder = TierTemplates.of(template.code());
        List<Problem> problems = new ArrayList<>(points.check(template.rules()));
        problems.addAll(tiers.check(ladder));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        database.write(connection -> {
            Ladder before = tierStore.loadLadder(connection);
            points.saveTemplate(connection, template);
            tierStore.saveLadder(connection, ladder);
            log.record(connection, OperationLog.Entry.of(Operation.RULES, null, "growth template " + template.code(),
                    "points rules and item categories of the template; tier ladder " + TierService.describe(before)
                            + " → " + TierService.describe(ladder)));
            return null;
        });
    }
}
