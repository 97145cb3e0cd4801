package org.memberdesk.cli;

import java.util.Map;
import picocli.CommandLine;

/**
 * One example line per command, shown at the end of its {@code --help} (README: "every command has --help"). Kept
 * here, in one list, rather than in each command's annotation: a command with a footer of its own (predict,
 * renewal-forecast) keeps it. A test walks the whole command tree and checks that each help has its example.
 */
final class CommandExamples {
    private static final String DB = "memberdesk --db shop.db ";

    /** The command's words (as typed after memberdesk) → the arguments of its example. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("import-members", "members.csv --encoding gbk --map phone=手机号,name=姓名 --json"),
            Map.entry("import-purchases", "sales.csv --allow-returns --create-members --date-format M/d/yyyy --json"),
            Map.entry("import-cards", "cards.csv --date-format yyyyMMdd --json"),
            Map.entry("export-members", "members-out.csv --json"),
            Map.entry("export-purchases", "purchases-out.csv --json"),
            Map.entry("demo", "--members 2000 --business gym --seed 7 --json"),
            Map.entry("stats", "--json"),
            Map.entry("report", "--from 2026-01-01 --to 2026-01-31 --pdf dashboard.pdf --lang zh"),
            Map.entry("funnel", "--from 2026-01-01 --to 2026-01-31 --steps \"purchases >= 1; tag = 老客\" --json"),
            Map.entry("cohorts", "--from 2025-01 --to 2025-12 --json"),
            Map.entry("chart", "rfm --from 2026-01-01 --to 2026-01-31 --png rfm.png --lang zh"),
            Map.entry("campaign", "campaign issue 1 --json"),
            Map.entry("campaign create", "--name \"Autumn thanks\" --type threshold --value 20 --min-spend 100"
                    + " --valid-days 30 --target \"lifecycle:dormant\" --control 10 --seed 42 --json"),
            Map.entry("campaign issue", "1 --json"),
            Map.entry("campaign report", "1 --csv results.csv --chart funnel.png --json"),
            Map.entry("coupons", "coupons print 1 --pdf list.pdf --paper 80mm --slips"),
            Map.entry("coupons print", "1 --pdf list.pdf --paper a4 --lang zh"),
            Map.entry("redeem", "K7QW4NPZ --member M00000012 --amount 128 --json"),
            Map.entry("sell", "M001 --line 私教课:2:600 --line 饮料:3:45.50 --code ACM9VVDJ --pay cash --json"),
            Map.entry("return", "P20261206-0002 --line 2:1 --reason 饮料过期 --json"),
            Map.entry("void", "P20261206-0004 --reason 重复录入 --json"),
            Map.entry("card-product", "card-product add --name 年卡 --kind period --days 365 --price 1999 --json"),
            Map.entry("card-product add", "--name 储值卡 --kind stored-value --price 1000 --bonus 100 --json"),
            Map.entry("card-product list", "--json"),
            Map.entry("topup-bonus", "topup-bonus set 1000:100,2000:300 --json"),
            Map.entry("topup-bonus set", "1000:100,2000:300 --json"),
            Map.entry("topup-bonus list", "--json"),
            Map.entry("card", "card sell M001 --product 2 --pay wechat --json"),
            Map.entry("card sell", "M001 --product 2 --start 2026-12-01 --pay wechat --json"),
            Map.entry("card topup", "C000017 --amount 1000 --pay cash --json"),
            Map.entry("card freeze", "C000017 --days 14 --reason 出差 --json"),
            Map.entry("card unfreeze", "C000017 --json"),
            Map.entry("card refund", "C000017 --reason 搬家 --pay cash --json"),
            Map.entry("card list", "M001 --json"),
            Map.entry("card history", "C000017 --json"),
            Map.entry("card print", "M001 M002 --pdf cards.pdf --lang zh"),
            Map.entry("checkin", "M001 --json"),
            Map.entry("cards", "cards expiring --within 30 --pdf renewals.pdf"),
            Map.entry("cards expiring", "--within 30 --out renewals.csv --json"),
            Map.entry("liability", "--as-of 2026-12-31 --json"),
            Map.entry("check-cards", "--json"),
            Map.entry("renewal-forecast", "--product 3 --json"),
            Map.entry("segment", "--rule \"spent >= 1000 and days_since_last <= 90\" --out vip.csv --json"),
            Map.entry("rfm", "--as-of 2026-12-31 --json"),
            Map.entry("lifecycle", "--as-of 2026-12-31 --json"),
            Map.entry("tag", "tag create 老客 --rule \"purchases >= 3\" --json"),
            Map.entry("tag create", "老客 --rule \"purchases >= 3\" --json"),
            Map.entry("tag add", "VIP M001 M002 --json"),
            Map.entry("tag remove", "VIP M002 --json"),
            Map.entry("tag refresh", "--json"),
            Map.entry("tag list", "--json"),
            Map.entry("tag delete", "VIP --json"),
            Map.entry("tag rename", "老客 回头客 --json"),
            Map.entry("predict", "--as-of 2026-09-30 --unit day --json"),
            Map.entry("predict member", "M000123 --horizon-days 180 --json"),
            Map.entry("points", "M001 --json"),
            Map.entry("tier-progress", "M001 --json"),
            Map.entry("expire-points", "--as-of 2026-12-31 --json"),
            Map.entry("review-tiers", "--as-of 2026-12-31 --json"),
            Map.entry("check-ledger", "--json"),
            Map.entry("adjust-points", "M001 --points 200 --reason 活动补发 --by 王店长 --json"),
            Map.entry("redeem-points", "M001 --reward 饮料券 --by 王店长 --json"),
            Map.entry("add-reward", "饮料券 --cost 500 --kind gift --json"),
            Map.entry("growth-template", "gym --json"),
            Map.entry("staff-report", "--from 2026-11-01 --to 2026-11-30 --out commission.xlsx --json"),
            Map.entry("audit", "--from 2026-11-01 --staff 小王 --action card-refund --out refunds.csv --json"),
            Map.entry("audit verify", "--json"),
            Map.entry("backup", "--json"),
            Map.entry("restore", "backups/shop-20261201-0300-daily.db --json"),
            Map.entry("backups", "--keep 20 --json"),
            Map.entry("integrity-check", "--json"),
            Map.entry("migrate", "--to postgresql://memberdesk@192.168.1.10:5432/shop --json"),
            Map.entry("member-photo", "M001 --file photo.jpg --json"),
            Map.entry("staff", "staff add 小王 --role cashier --pin 1234 --json"),
            Map.entry("staff add", "王芳 --role cashier --pin 1234 --store 二店 --json"),
            Map.entry("staff list", "--json"),
            Map.entry("stores", "stores --json"),
            Map.entry("stores add", "二店 --json"),
            Map.entry("stores rename", "二店 --to 南门店 --json"),
            Map.entry("stores here", "南门店 --json"),
            Map.entry("help", "campaign create"));

    private CommandExamples() {
    }

    /** Puts the example at the end of the help of {@code command}'s subcommands (not of {@code command} itself). */
    static void addTo(CommandLine command) {
        for (CommandLine sub : command.getSubcommands().values()) {
            String words = sub.getCommandSpec().qualifiedName(" ").replaceFirst("^memberdesk ", "");
            String example = EXAMPLES.get(words);
            CommandLine.Model.UsageMessageSpec usage = sub.getCommandSpec().usageMessage();
            if (example != null && usage.footer().length == 0) {
                // a parent's example shows a subcommand at work: its words are in the example already
                String line = words.contains(" ") || !example.startsWith(words + " ") ? words + " " + example
                        : example;
                usage.footer("", "Example:", "  " + DB + line, "");
            }
            addTo(sub);
        }
    }
}
