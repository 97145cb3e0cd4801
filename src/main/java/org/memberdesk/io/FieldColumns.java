package org.memberdesk.io;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
        Map<String, Integer> byExactName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(key(header.get(i)), i);
            byExactName.putIfAbsent(exact(header.get(i)), i);
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
            // the column as the person named it; only then the forgiving way ("Amount" and "amount (¥)" both there)
            Integer index = byExactName.getOrDefault(exact(choice.getValue()), byName.get(key(choice.getValue())));
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

    private static String exact(String name) {
        String s = name.strip();
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1).strip() : s;
    }

    /**
     * A header name as it is compared: forgiving of how exports spell the same name. Full-width letters and
     * brackets count as their plain forms (NFKC), case does not count, spaces, underscores, hyphens and dots are
     * left out ("Invoice No." = "InvoiceNo" = "invoice_no"), and a unit in brackets at the end is ignored
     * ("金额(元)", "单价（元）", "Amount (¥)", "金额【元】" = "金额"). Runs once per header name, never per row.
     */
    public static String key(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
        if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
            s = s.substring(1).strip();
        }
        String withoutUnit = UNIT.matcher(s).replaceFirst("");
        if (!withoutUnit.isBlank()) {
            s = withoutUnit; // "(元)" alone stays a name of its own
        }
        return SEPARATORS.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** A bracketed unit at the end of a header name: (元), [¥], 【元】, 〔件〕 (full-width ones are plain after NFKC). */
    private static final Pattern UNIT = Pattern.compile("\\s*[(\\[【〔][^()\\[\\]【】〔〕]*[)\\]】〕]\\s*$");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_\\-.·]+");
}
