package org.memberdesk.coupons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who a campaign is for. Written as text (what {@code --target} takes and what is stored):
 * {@code all}; {@code tier:金卡}; {@code list:M00000001,13812341234,…} (member numbers or phones,
 * separated by commas, spaces or new lines); {@code tag:NAME}; {@code segment:NAME} (an RFM segment);
 * {@code lifecycle:STAGE}; anything else is a rule in the tags engine's language.
 */
public record Target(Kind kind, String value) {

    public enum Kind {
        ALL("all"), TIER("tier"), LIST("list"), TAG("tag"), SEGMENT("segment"), LIFECYCLE("lifecycle"), RULE("rule"),
        /** A points reward's own campaign: its codes go to whoever redeems the reward, one at a time. */
        REWARD("reward");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Kind fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown target kind: " + code);
        }
    }

    public Target {
        value = value == null ? "" : value.strip();
    }

    public static Target parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("the target is empty");
        }
        if (t.equalsIgnoreCase("all")) {
            return new Target(Kind.ALL, "");
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String prefix = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String rest = t.substring(colon + 1).strip();
            Kind kind = switch (prefix) {
                case "tier" -> Kind.TIER;
                case "list", "members" -> Kind.LIST;
                case "tag" -> Kind.TAG;
                case "segment", "rfm" -> Kind.SEGMENT;
                case "lifecycle" -> Kind.LIFECYCLE;
                default -> null;
            };
            if (kind != null) {
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException("the target '" + t + "' names no " + prefix);
                }
                return new Target(kind, rest);
            }
        }
        return new Target(Kind.RULE, t);
    }

    /**
     * The entries of a pasted list: member numbers or phones, split on commas, semicolons, tabs and
     * new lines, and on spaces too unless the spaced part is one phone number ("139 1234 5678").
     */
    public List<String> listEntries() {
        List<String> entries = new ArrayList<>();
        for (String part : value.split("[,，;；、\\t\\r\\n]+")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (org.memberdesk.members.Phones.normalize(entry).isPresent()) {
                entries.add(entry);
                continue;
            }
            for (String word : entry.split("\\s+")) {
                if (!word.isBlank()) {
                    entries.add(word);
                }
            }
        }
        return entries;
    }

    /** The target as typed, e.g. {@code tier:金卡}; parses back to an equal target. */
    public String text() {
        return switch (kind) {
            case ALL -> "all";
            case RULE -> value;
            default -> kind.code + ":" + value;
        };
    }
}
