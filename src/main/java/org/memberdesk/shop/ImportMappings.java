package org.memberdesk.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.memberdesk.common.Json;
import org.memberdesk.db.Database;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.OperationLog;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.StaffSession;
import org.memberdesk.io.FieldColumns;

/**
 * The column mappings a person chose in the import wizard, remembered by the file's header: a shop's system exports
 * the same columns every month, so the next file with the same header gets the same mapping, and the person's
 * earlier choice beats the guessing. Kept as rows of the settings table ({@code import.mapping.KIND.HASH} → a JSON
 * object of field → column, "" for "not in the file"), in the database like the shop's other answers, so another
 * computer opening the file sees them too. The shop's answer, not the importer's: the command line's {@code --map}
 * is given each time and the header guessing stays in {@link org.memberdesk.io.FieldColumns}.
 */
public final class ImportMappings {
    private static final String PREFIX = "import.mapping.";

    private final Database database;
    private final ShopProfileStore store;
    private final StaffSession session;
    private final OperationLog log;

    /**
     * Remembering a mapping is part of importing, the owner's ({@link Permission#IMPORT}); a mapping that changed is
     * a setting changed, logged before → after (column names only).
     */
    public ImportMappings(Database database, ShopProfileStore store, StaffSession session, OperationLog log) {
        this.database = database;
        this.store = store;
        this.session = session;
        this.log = log;
    }

    /**
     * The mapping remembered for files of this kind with this header, as field → the header's own column name
     * ("" = the person said the field is not in the file); empty when none is remembered, or when a remembered
     * column is not in this header after all.
     */
    public Map<String, String> remembered(String kind, List<String> header) {
        Map<String, String> saved = database.read(connection -> store.get(connection, key(kind, header)))
                .map(Json::readStringMap).orElse(Map.of());
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String column : header) {
            byKey.putIfAbsent(FieldColumns.key(column), column);
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : saved.entrySet()) {
            if (field.getValue().isEmpty()) {
                mapping.put(field.getKey(), "");
                continue;
            }
            String column = byKey.get(FieldColumns.key(field.getValue()));
            if (column == null) {
                return Map.of(); // not this file's mapping after all: guess afresh rather than half of it
            }
            mapping.put(field.getKey(), column);
        }
        return mapping;
    }

    /** Remembers the mapping used for a file with this header (field → column, "" for "not in the file"). */
    public void remember(String kind, List<String> header, Map<String, String> columns) {
        Map<String, String> mapping = new LinkedHashMap<>();
        columns.forEach((field, column) -> mapping.put(field, column == null ? "" : column));
        String value = Json.write(mapping);
        session.require(Permission.IMPORT);
        database.write(connection -> {
            String key = key(kind, header);
            java.util.Optional<String> before = store.get(connection, key);
            if (!before.equals(java.util.Optional.of(value))) {
                store.put(connection, key, value);
                log.record(connection, OperationLog.Entry.of(Operation.SETTINGS, null, "import columns of a " + kind
                        + " file", before.orElse("(none)") + " → " + value));
            }
            return null;
        });
    }

    /**
     * The settings key of a header: its names compared as the guessing compares them ({@link FieldColumns#key}), so
     * "金额(元)" and "金额（元）" are the same header, and hashed to keep the key short whatever the header's length.
     */
    static String key(String kind, List<String> header) {
        StringBuilder names = new StringBuilder();
        for (String column : header) {
            names.append(FieldColumns.key(column)).append('\u001F');
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(names.toString().getBytes(StandardCharsets.UTF_8));
            return PREFIX + kind + "." + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
