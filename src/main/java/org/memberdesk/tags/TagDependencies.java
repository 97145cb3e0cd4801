package org.memberdesk.tags;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which tags each rule tag's rule looks at ({@code tag = "VIP"}). Rule tags that look at each other in a
 * circle have no stable members (each refresh undoes the last), so saving such a rule is refused; without a
 * circle, a refresh fills every tag after the rule tags it looks at.
 */
final class TagDependencies {
    /** Rule tag name → the tag names its rule mentions, in the order the tags were created. */
    private final Map<String, Set<String>> uses;

    private TagDependencies(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /** The rule tags among {@code tags}, taken in the order they were created (ties in a refresh go by age). */
    static TagDependencies of(List<Tag> tags) {
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        tags.stream().filter(Tag::isRuleTag).sorted(java.util.Comparator.comparingLong(Tag::id))
                .forEach(tag -> uses.put(tag.name(), mentioned(Rule.parse(tag.rule()).root())));
        return new TagDependencies(uses);
    }

    /** The same tags with one rule tag's rule replaced (or added): what saving it would make. */
    TagDependencies with(String name, Rule rule) {
        Map<String, Set<String>> changed = new LinkedHashMap<>(uses);
        changed.put(name, mentioned(rule.root()));
        return new TagDependencies(changed);
    }

    /** A circle that comes back to {@code name}, as the names along it ("A", "B", "A"); empty when none. */
    Optional<List<String>> circleThrough(String name) {
        Deque<String> path = new ArrayDeque<>();
        path.add(name);
        return walk(name, name, path, new LinkedHashSet<>());
    }

    private Optional<List<String>> walk(String start, String at, Deque<String> path, Set<String> visited) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> circle = new ArrayList<>(path);
                circle.add(start);
                return Optional.of(circle);
            }
            if (visited.add(next)) {
                path.addLast(next);
                Optional<List<String>> found = walk(start, next, path, visited);
                if (found.isPresent()) {
                    return found;
                }
                path.removeLast();
            }
        }
        return Optional.empty();
    }

    /**
     * Every rule tag that is on no circle, each after the rule tags its rule looks at (oldest first among those
     * that are free). Tags on a circle (possible only in data saved before circles were refused) are left out:
     * refreshing them could only flip their members.
     */
    List<String> refreshOrder() {
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        boolean progressed = true;
        while (progressed) {
            progressed = false;
            for (Map.Entry<String, Set<String>> tag : uses.entrySet()) {
                if (done.contains(tag.getKey())) {
                    continue;
                }
                // ready when every rule tag it looks at is done (manual and unknown tags are always ready)
                boolean ready = tag.getValue().stream().allMatch(used -> !uses.containsKey(used) || done.contains(used));
                if (ready) {
                    done.add(tag.getKey());
                    order.add(tag.getKey());
                    progressed = true;
                    break; // start again from the oldest: ties go by age
                }
            }
        }
        return order;
    }

    /** The rule with every {@code tag = from} (and in lists) naming {@code to} instead: a tag renamed. */
    static RuleNode renamed(RuleNode node, String from, String to) {
        if (node instanceof RuleNode.Condition c) {
            if (c.field() != Field.TAG) {
                return c;
            }
            return new RuleNode.Condition(c.field(), c.operator(), c.values().stream()
                    .map(v -> v.text().equals(from) ? RuleNode.Value.text(to) : v).toList());
        }
        if (node instanceof RuleNode.And and) {
            return new RuleNode.And(and.parts().stream().map(p -> renamed(p, from, to)).toList());
        }
        if (node instanceof RuleNode.Or or) {
            return new RuleNode.Or(or.parts().stream().map(p -> renamed(p, from, to)).toList());
        }
        return new RuleNode.Not(renamed(((RuleNode.Not) node).part(), from, to));
    }

    /** The tag names a rule mentions. */
    static Set<String> mentioned(RuleNode node) {
        Set<String> names = new LinkedHashSet<>();
        collect(node, names);
        return names;
    }

    private static void collect(RuleNode node, Set<String> names) {
        if (node instanceof RuleNode.Condition c) {
            if (c.field() == Field.TAG) {
                c.values().forEach(v -> names.add(v.text()));
            }
        } else if (node instanceof RuleNode.And and) {
            and.parts().forEach(p -> collect(p, names));
        } else if (node instanceof RuleNode.Or or) {
            or.parts().forEach(p -> collect(p, names));
        } else {
            collect(((RuleNode.Not) node).part(), names);
        }
    }
}
