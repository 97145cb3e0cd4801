package org.memberdesk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.CardProduct;
import org.memberdesk.cards.CardProducts;
import org.memberdesk.common.Money;
import org.memberdesk.common.ValidationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the shop sells as cards (Settings → 会员卡 on the command line): {@code card-product add|list} and the top-up
 * bonus ladder, {@code topup-bonus set|list}. A product or ladder the service refuses is exit 3 with the reason.
 */
final class CardProductCommands {
    private CardProductCommands() {
    }

    // ---------------------------------------------------------------- card-product

    @Command(name = "card-product", description = "The cards the shop sells: add, list.",
            subcommands = {ProductAdd.class, ProductList.class})
    static final class ProductCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a card-product command is needed: add or list");
        }
    }

    @Command(name = "add", description = "Add a card product: stored value (pay --price, get --bonus on top), a"
            + " session card (--sessions within --days) or a pass (--days, at most --per-day entries a day).")
    static final class ProductAdd implements Callable<Integer> {
        @ParentCommand
        ProductCommand parent;

        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, paramLabel = "stored-value|sessions|period")
        String kind;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--price", required = true, paramLabel = "YUAN")
        String price;

        @Option(names = "--bonus", paramLabel = "YUAN", description = "Stored value: the shop's bonus on top.")
        String bonus;

        @Option(names = "--sessions", paramLabel = "N")
        Integer sessions;

        @Option(names = "--days", paramLabel = "N", description = "How many days the card is valid.")
        Integer days;

        @Option(names = "--per-day", paramLabel = "N", description = "A pass: at most N entries a day.")
        Integer perDay;

        @Option(names = "--max-freezes", paramLabel = "N", defaultValue = "0",
                description = "How many times the card may be frozen (with --max-freeze-days).")
        int maxFreezes;

        @Option(names = "--max-freeze-days", paramLabel = "N", defaultValue = "0",
                description = "Freeze days allowed over the card's whole life.")
        int maxFreezeDays;

        @Option(names = "--no-refund", description = "The card cannot be refunded.")
        boolean noRefund;

        @Option(names = "--tier-discount", description = "The member's tier discount applies when it is sold.")
        boolean tierDiscount;

        @Option(names = "--only-store", paramLabel = "NAME", description = "Its cards are sold, topped up and used in"
                + " this store (门店) only (default: in every store).")
        String onlyStore;

        @Override
        public Integer call() {
            CardKind typed = CardKind.of(kind);
            if (typed == null) {
                throw Cli.usage(spec, "--kind must be stored-value, sessions or period, not '" + kind + "'");
            }
            CardProduct draft = CardProduct.draft(typed, name, CardCommands.yuan(spec, "--price", price),
                    bonus == null ? 0 : CardCommands.yuan(spec, "--bonus", bonus), sessions, days, perDay, maxFreezes,
                    maxFreezeDays, !noRefund, tierDiscount);
            if (onlyStore != null) {
                try {
                    draft = draft.onlyAt(parent.cli.context().stores().find(onlyStore).id());
                } catch (ValidationException unknown) {
                    // a store name that is none is a mistyped option, as with --store
                    throw Cli.usage(spec, "--only-" + unknown.getMessage()); // "--only-store: There is no store …"
                }
            }
            long id;
            try {
                id = parent.cli.context().cardProducts().addProduct(draft);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("product", id);
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "list", description = "The card products, archived ones included (marked); in a shop of"
            + " several stores each with only_store, the one store it is sold and used in (null: every store).")
    static final class ProductList implements Callable<Integer> {
        @ParentCommand
        ProductCommand parent;

        @Override
        public Integer call() {
            List<Map<String, Object>> products = new ArrayList<>();
            List<CardProduct> all = parent.cli.context().cardProducts().products();
            Map<Long, String> storeNames = new java.util.HashMap<>();
            for (org.memberdesk.stores.Store store : parent.cli.context().cardProducts().storeChoices()) {
                storeNames.put(store.id(), store.name());
            }
            // a single shop's list is as it always was; once there are stores (or a product names one) every row
            // says where it is sold, so a script reads one shape
            boolean showStores = storeNames.size() > 1 || all.stream().anyMatch(p -> p.storeId() != null);
            for (CardProduct product : all) {
                Map<String, Object> row = Cli.object();
                row.put("id", product.id());
                row.put("kind", product.kind().code());
                row.put("name", product.name());
                row.put("price_cents", product.priceCents());
                row.put("bonus_cents", product.bonusCents());
                row.put("sessions", product.sessions());
                row.put("days", product.days());
                row.put("per_day", product.perDay());
                row.put("max_freezes", product.maxFreezes());
                row.put("max_freeze_days", product.maxFreezeDays());
                row.put("refundable", product.refundable());
                row.put("tier_discount", product.tierDiscount());
                row.put("archived", product.archived());
                if (showStores) {
                    row.put("only_store", product.storeId() == null ? null : storeNames.get(product.storeId()));
                }
                products.add(row);
            }
            Map<String, Object> out = Cli.object();
            out.put("products", products);
            parent.cli.print(out);
            return 0;
        }
    }

    // ---------------------------------------------------------------- topup-bonus

    @Command(name = "topup-bonus", description = "The top-up bonus ladder: a top-up gets the bonus of the highest"
            + " step its amount reaches (not a sum of steps).", subcommands = {BonusSet.class, BonusList.class})
    static final class BonusCommand implements Callable<Integer> {
        @ParentCommand
        Cli cli;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            throw Cli.usage(spec, "a topup-bonus command is needed: set or list");
        }
    }

    @Command(name = "set", description = "Replace the ladder, e.g. 500:50,1000:150 (yuan: from ¥500 +¥50, from ¥1000"
            + " +¥150).")
    static final class BonusSet implements Callable<Integer> {
        @ParentCommand
        BonusCommand parent;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "AMOUNT:BONUS[,AMOUNT:BONUS…]")
        String steps;

        @Override
        public Integer call() {
            Map<Long, Long> ladder = new TreeMap<>();
            for (String step : steps.split("[,，]")) {
                String[] parts = step.strip().split("[:：]");
                if (parts.length != 2) {
                    throw Cli.usage(spec, "each step is AMOUNT:BONUS in yuan, like 500:50, not '" + step.strip() + "'");
                }
                long amount = CardCommands.yuan(spec, "AMOUNT", parts[0]);
                if (ladder.put(amount, CardCommands.yuan(spec, "BONUS", parts[1])) != null) {
                    throw Cli.usage(spec, "the amount " + Money.formatYuan(amount) + " is given twice");
                }
            }
            try {
                parent.cli.context().cardProducts().setTopupSteps(ladder);
            } catch (ValidationException e) {
                throw CounterCommands.refused(parent.cli, e);
            }
            Map<String, Object> out = Cli.object();
            out.put("steps", ladder.size());
            parent.cli.print(out);
            return 0;
        }
    }

    @Command(name = "list", description = "The top-up bonus ladder, lowest step first.")
    static final class BonusList implements Callable<Integer> {
        @ParentCommand
        BonusCommand parent;

        @Override
        public Integer call() {
            List<Map<String, Object>> steps = new ArrayList<>();
            new TreeMap<>(parent.cli.context().cardProducts().topupSteps()).forEach((amount, bonus) -> {
                Map<String, Object> row = Cli.object();
                row.put("amount_cents", amount);
                row.put("bonus_cents", bonus);
                steps.add(row);
            });
            Map<String, Object> out = Cli.object();
            out.put("steps", steps);
            parent.cli.print(out);
            return 0;
        }
    }
}
