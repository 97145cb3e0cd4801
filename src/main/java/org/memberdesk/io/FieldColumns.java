package org.memberdesk.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which column of a file holds which field. Pre-filled from the header by standard names and the
 * names Chinese shop systems use; a person's choice (the wizard, {@code --map}) wins.
 */
public final class FieldColumns {
    private final Map<String, Integer> indexByField;
    private final List<String> header;

    private FieldColumns(Map<String, Integer> indexByField, List<String> header) {
        this.indexByField = indexByField;
        this.header = header;
    }

    /**
     * @param aliases for each known field, the header names it is recognised by (first is the standard one)
     * @param chosen  field → column name chosen by the person; a blank name means "this field is not in the
     *                file", so no column is taken for it even when one carries its standard name
     */
    public static FieldColumns resolve(List<String> header, Map<String, List<String>> aliases,
                                       Map<String, String> chosen) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(key(header.get(i)), i);
        }
        Map<String, Integer> indexByField = new LinkedHashMap<>();
        for (Map.Entry<String, String> choice : chosen.entrySet()) {
            if (!aliases.containsKey(choice.getKey())) {
                throw new IllegalArgumentException("unknown field '" + choice.getKey() + "' in the column map; known: "
                        + String.join(", ", aliases.keySet()));
            }
            if (choice.getValue() == null || choice.getValue().isBlank()) {
                continue;
            }
            Integer index = byName.get(key(choice.getValue()));
            if (index == null) {
                throw new IllegalArgumentException("the file has no column '" + choice.getValue() + "' (for "
                        + choice.getKey() + "); its columns are: " + String.join(", ", header));
            }
            indexByField.put(choice.getKey(), index);
        }
        for (Map.Entry<String, List<String>> field : aliases.entrySet()) {
            if (indexByField.containsKey(field.getKey()) || chosen.containsKey(field.getKey())) {
                continue;
            }
            for (String alias : field.getValue()) {
                Integer index = byName.get(key(alias));
                if (index != null && !indexByField.containsValue(index)) {
                    indexByField.put(field.getKey(), index);
                    break;
                }
            }
        }
        return new FieldColumns(indexByField, List.copyOf(header));
    }

    /** Header names as the wizard pre-fills them: field → column name, for the fields found. */
    public Map<String, String> asNames() {
        Map<String, String> names = new LinkedHashMap<>();
        indexByField.forEach((field, index) -> names.put(field, header.get(index)));
        return names;
    }

    public boolean has(String field) {
        return indexByField.containsKey(field);
    }

    public int index(String field) {
        Integer index = indexByField.get(field);
        return index == null ? -1 : index;
    }

    /** The columns no field claims: kept as a member's custom fields. */
    public List<Integer> unclaimed() {
        List<Integer> free = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!indexByField.containsValue(i) && !header.get(i).isBlank()) {
                free.add(i);
            }
        }
        return free;
    }

    public List<String> header() {
        return header;
    }

    private static String key(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT);
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1);
        }
        return s;
    }
}
