package org.memberdesk.ui.transfer;

import org.memberdesk.io.CardImporter;
import org.memberdesk.io.ImportHistory;
import org.memberdesk.io.MemberImporter;
import org.memberdesk.io.PurchaseImporter;
import org.memberdesk.shop.ImportMappings;

/**
 * What the import wizard reads and checks with: the three importers (their previews), the history of earlier
 * imports of a file, the column mappings remembered by a file's header, and whether the shop is a chain (only then
 * is there a store column to map; asked off the JavaFX thread, it reads the database).
 */
public record Importers(MemberImporter members, PurchaseImporter purchases, CardImporter cards, ImportHistory history,
                        ImportMappings mappings, java.util.function.BooleanSupplier chain) {
}
