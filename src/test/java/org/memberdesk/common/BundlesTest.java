package org.memberdesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.memberdesk.analytics.Granularity;
import org.memberdesk.analytics.Metrics;
import org.memberdesk.cards.CardKind;
import org.memberdesk.coupons.CouponKind;
import org.memberdesk.coupons.IssuedCoupon;
import org.memberdesk.coupons.print.Paper;
import org.memberdesk.db.BackupReason;
import org.memberdesk.demo.Business;
import org.memberdesk.io.TextEncoding;
import org.memberdesk.points.PointsEntry;
import org.memberdesk.points.Reward;
import org.memberdesk.predictions.FitProgress;
import org.memberdesk.predictions.TimeUnit;
import org.memberdesk.purchases.PayMethod;
import org.memberdesk.segments.LifecycleStage;
import org.memberdesk.segments.RfmSegment;
import org.memberdesk.staff.Operation;
import org.memberdesk.staff.Permission;
import org.memberdesk.staff.Role;
import org.memberdesk.tiers.TierProgram;
import org.memberdesk.ui.coupons.CampaignWizardModel;
import org.memberdesk.ui.dashboard.PeriodChoice;
import org.memberdesk.ui.points.Multiplier;
import org.memberdesk.ui.tags.SegmentsViewModel;
import org.memberdesk.tags.Field;
import org.memberdesk.tags.Operator;
import org.memberdesk.ui.transfer.ImportKind;
import org.memberdesk.ui.transfer.ImportWizardModel;

/**
 * The bundles, checked like JabRef's localization tests: both languages have exactly the same keys, each written
 * once; every pattern is a valid MessageFormat; every key the main code uses exists; no key is unused.
 * <p>
 * Keys are used as string literals ({@code text("a.b")}, {@code messages.get("a.b")}, {@code Problem.of(f, "a.b")},
 * a {@code section(icon, "a.b")} …): every key-shaped literal in src/main/java whose first part is one of the
 * bundles' first parts must be a key (a few literals of that shape are not keys: {@link #NOT_KEYS}). Some keys
 * are built from a prefix and a value ({@code "staff.role." + role.code()}): {@link #DYNAMIC} lists each with
 * where it is built and the values the code can put there (from the enum itself where there is one).
 * <p>
 * Checked by hand that these tests fail: removing {@code staff.role.owner} from messages_zh_CN.properties fails
 * {@link #bothBundlesHaveTheSameKeys} and {@link #everyDynamicKeyExistsInBothBundles}; renaming
 * {@code context.text("coupons.print.done", …)} to {@code "coupons.print.doen"} fails
 * {@link #everyKeyUsedInTheCodeIsInBothBundles}; adding {@code spare.key=x} to both bundles fails
 * {@link #noKeyInTheBundlesIsUnused}; a second {@code rule.empty=} line fails {@link #noKeyIsWrittenTwice}.
 */
class BundlesTest {
    private static final String ENGLISH = "/i18n/messages.properties";
    private static final String CHINESE = "/i18n/messages_zh_CN.properties";
    private static final Path MAIN_CODE = Path.of("src/main/java");

    /** Literals shaped like a key (first part a bundle's) that are not keys: settings names, file names. */
    private static final Set<String> NOT_KEYS = Set.of(
            "file.encoding", // a JVM property (Diagnostics)
            "lifecycle.stages", // a settings row (LifecycleService)
            "purchases.default_item", // a settings row (DefaultItemStore)
            "purchases.limit.line_cents", "purchases.limit.purchase_cents", "purchases.limit.quantity", // settings
            "backup.copy_folder", // a settings row (BackupCopies)
            "staff.idle_lock_minutes", "staff.manager_points_limit"); // settings rows (StaffStore)

    /** File names ("members.csv", "dashboard.png") are shaped like keys too. */
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(csv|xlsx|png|pdf|db|txt|lock)");

    /** A key-shaped string literal: lower-case first part, then dotted parts. */
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-zA-Z0-9_]*(?:\\.[a-zA-Z0-9_-]+)+)\"");

    /** A key built at run time: prefix + value + suffix, for each value the code can put there. */
    record Dynamic(String prefix, String suffix, Collection<String> values, String builtIn) {
        Dynamic(String prefix, Collection<String> values, String builtIn) {
            this(prefix, "", values, builtIn);
        }

        Stream<String> keys() {
            return values.stream().map(value -> prefix + value + suffix);
        }
    }

    private static <E extends Enum<E>> List<String> of(E[] values, Function<E, String> part) {
        return Arrays.stream(values).map(part).toList();
    }

    private static <E extends Enum<E>> List<String> lowerNames(E[] values) {
        return of(values, value -> value.name().toLowerCase(Locale.ROOT));
    }

    /*
     * Found with: grep -rnoE '"[a-z][a-zA-Z0-9_.]*\." *\+' src/main/java (a literal ending in a dot, then +), and
     * grep -rn '+ "\.' src/main/java (a built key with a suffix). Not keys, though built alike: "multiplier.name." + i,
     * "multiplier.percent." + i, "multiplier.items." + i, "tier." + i (field names of PointsRulesModel's problems),
     * "next_purchase_no." + day, "deferred_index." (settings rows), "import.mapping." (ImportMappings' settings).
     */
    static final List<Dynamic> DYNAMIC = List.of(
            new Dynamic("analytics.granularity.", lowerNames(Granularity.values()), "AnalyticsCharts (trend axis)"),
            new Dynamic("analytics.distribution.total.", List.of("rfm", "stage"),
                    "AnalyticsCharts (Distribution.attribute() of AnalyticsService's rfm and stage)"),
            new Dynamic("analytics.distribution.none.", List.of("channel", "segment"),
                    "AnalyticsCharts.sliceLabel (the attributes whose slices can be empty)"),
            new Dynamic("analytics.segment.", of(RfmSegment.values(), RfmSegment::key), "AnalyticsCharts.sliceLabel"),
            new Dynamic("analytics.stage.", of(LifecycleStage.values(), LifecycleStage::key),
                    "AnalyticsCharts.sliceLabel"),
            new Dynamic("analytics.metric.retention", Metrics.RETENTION_DAYS.stream().map(String::valueOf).toList(),
                    "DashboardPdf (one row per retention day)"),
            new Dynamic("analytics.ui.range.", lowerNames(PeriodChoice.Range.values()), "PeriodBar"),
            new Dynamic("backup.reason.", of(BackupReason.values(), BackupReason::tag), "DataSettingsViewModel.show"),
            new Dynamic("business.", of(Business.values(), Business::code), "SettingsScreen.businessCell"),
            new Dynamic("card.kind.", of(CardKind.values(), CardKind::code), "CardKind.label"),
            new Dynamic("card.print.expiring.col.", List.of("no", "memberNo", "name", "phone", "product", "validTo",
                    "sessionsLeft", "daysLeft"), "ExpiringPdf.COLUMNS"),
            new Dynamic("cards.entry.", List.of("sale", "topup", "payment", "payment-back", "visit", "refund"),
                    "CardDialogs.entryKind (the kinds CardService writes)"),
            new Dynamic("coupon.print.col.", List.of("no", "memberNo", "name", "phone", "tier", "code", "barcode",
                    "validTo", "state"), "CouponPdf (list table header)"),
            new Dynamic("coupons.kind.", of(CouponKind.values(), CouponKind::code), "CampaignWizardView.kindCell"),
            new Dynamic("coupons.wizard.valueHint.", of(CouponKind.values(), CouponKind::code), "CampaignWizardView"),
            new Dynamic("coupons.paper.", of(Paper.values(), Paper::code), "CampaignWizardView.paperCell"),
            new Dynamic("coupons.results.", List.of("targeted", "control", "issued", "redeemed", "rate", "revenue",
                    "share", "spend", "uplift"), "CouponsScreen.figure"),
            new Dynamic("coupons.state.", lowerNames(IssuedCoupon.State.values()), "CouponsSection"),
            new Dynamic("coupons.target.", lowerNames(CampaignWizardModel.TargetKind.values()),
                    "CampaignWizardView.targetCell"),
            new Dynamic("coupons.wizard.targetHint.", lowerNames(CampaignWizardModel.TargetKind.values()),
                    "CampaignWizardView"),
            new Dynamic("coupons.wizard.step.", lowerNames(CampaignWizardModel.Step.values()), "CampaignWizardView"),
            new Dynamic("import.reason.", List.of("import.time.invalid", "import.date.invalid", "import.amount.invalid",
                    "import.amount.decimalComma", "import.quantity.invalid", "import.gender.invalid",
                    "import.member.unknown", "import.purchase.partOfRejected", "import.row.columns",
                    "member.phone.invalid", "purchase.time.future", "purchase.refundOf.unknown", "purchase.limit.line",
                    "purchase.limit.purchase", "purchase.limit.quantity", "import.member.phoneTaken",
                    "cards.import.memberUnknown", "cards.import.productUnknown", "cards.import.storeOnly"),
                    "RejectReport.general (the reject report's general wording of a row problem with arguments)"),
            new Dynamic("lifecycle.stage.", of(LifecycleStage.values(), LifecycleStage::key), "RfmTabs"),
            new Dynamic("rule.field.", of(Field.values(), Field::english), "RuleWords.field"),
            new Dynamic("rule.op.", lowerNames(Operator.values()), "RuleWords.operator"),
            new Dynamic("rule.words.gender.", List.of("F", "M"), "RuleWords (gender = 'F' / 'M')"),
            new Dynamic("rfm.segment.", of(RfmSegment.values(), RfmSegment::key), "RfmTabs"),
            new Dynamic("log.action.", of(Operation.values(), Operation::code), "Operation.label"),
            new Dynamic("member.field.", List.of("member_no", "name", "phone", "gender", "birthday", "join_date",
                    "channel", "referrer_no", "notes"), "MemberDetailPane.addRow, MemberFormDialog"),
            new Dynamic("pay.", of(PayMethod.values(), PayMethod::code), "PayMethod.label, DashboardViewModel"),
            new Dynamic("points.kind.", of(PointsEntry.Kind.values(), PointsEntry.Kind::code), "PointsScreen"),
            new Dynamic("points.reason.", List.of("signup", "first_purchase", "purchase"), "PointsScreen.reason"),
            new Dynamic("points.rewards.kind.", of(Reward.Kind.values(), Reward.Kind::code), "RewardsView"),
            new Dynamic("points.settings.kind.", lowerNames(Multiplier.Kind.values()), "PointsSettingsView"),
            new Dynamic("points.settings.template.", List.of("scenic", "gym"),
                    "PointsSettingsView, PointsRulesModel (PointsTemplate.of's codes)"),
            new Dynamic("predict.ui.step.", IntStream.rangeClosed(1, FitProgress.STEPS).mapToObj(String::valueOf)
                    .toList(), "PredictionsViewModel.refit"),
            new Dynamic("predict.ui.unit.", of(TimeUnit.values(), TimeUnit::code), "PredictionsTab"),
            new Dynamic("segments.template.", lowerNames(SegmentsViewModel.Template.values()), "SegmentsScreen"),
            new Dynamic("staff.permission.", of(Permission.values(),
                    p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')), "Permission.label"),
            new Dynamic("staff.role.", of(Role.values(), Role::code), "Role.label"),
            new Dynamic("tiers.basis.", of(TierProgram.Basis.values(), TierProgram.Basis::code), "TiersScreen"),
            new Dynamic("wizard.encoding.", lowerNames(TextEncoding.values()), "ImportWizardDialog"),
            new Dynamic("wizard.field.", Stream.of(ImportKind.values()).flatMap(kind -> kind.fields().keySet().stream())
                    .distinct().toList(), "CheckPane, ImportWizardModel.fieldLabel"),
            new Dynamic("wizard.kind.", of(ImportKind.values(), ImportKind::code), "ImportWizardDialog"),
            new Dynamic("wizard.kind.", ".hint", of(ImportKind.values(), ImportKind::code), "ImportWizardDialog"),
            new Dynamic("wizard.step.", lowerNames(ImportWizardModel.Step.values()), "ImportWizardDialog"));

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        Properties english = load(ENGLISH);
        Properties chinese = load(CHINESE);
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        assertEquals(Set.of(), onlyEnglish, "keys missing from messages_zh_CN.properties");
        assertEquals(Set.of(), onlyChinese, "keys missing from messages.properties");
        assertTrue(english.size() > 50);
    }

    @Test
    void everyPatternParses() throws IOException {
        for (String file : new String[] {ENGLISH, CHINESE}) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                new MessageFormat(bundle.getProperty(key));
            }
        }
    }

    /** Properties keeps the last of two lines with one key: an edit to the first silently does nothing. */
    @Test
    void viewLayer_noKeyIsWrittenTwice() throws IOException {
        for (String file : new String[] {ENGLISH, CHINESE}) {
            Map<String, Integer> seen = new TreeMap<>();
            List<String> twice = new ArrayList<>();
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                String key = keyOf(lines.get(i));
                if (key != null && seen.putIfAbsent(key, i + 1) != null) {
                    twice.add(key + " (lines " + seen.get(key) + " and " + (i + 1) + ")");
                }
            }
            assertEquals(List.of(), twice, file);
        }
    }

    @Test
    void viewLayer_everyKeyUsedInTheCodeIsInBothBundles() throws IOException {
        Set<String> english = load(ENGLISH).stringPropertyNames();
        Set<String> chinese = load(CHINESE).stringPropertyNames();
        Set<String> firstParts = new TreeSet<>();
        english.forEach(key -> firstParts.add(key.substring(0, key.indexOf('.') < 0 ? key.length()
                : key.indexOf('.'))));
        Set<String> prefixes = new TreeSet<>();
        DYNAMIC.forEach(dynamic -> prefixes.add(dynamic.prefix()));
        Map<String, String> missing = new TreeMap<>();
        for (Map.Entry<String, Path> used : literals().entrySet()) {
            String literal = used.getKey();
            boolean keyShaped = firstParts.contains(literal.substring(0, literal.indexOf('.')))
                    && !NOT_KEYS.contains(literal) && !prefixes.contains(literal)
                    && !FILE_NAME.matcher(literal).matches();
            if (keyShaped && !(english.contains(literal) && chinese.contains(literal))) {
                missing.put(literal, MAIN_CODE.relativize(used.getValue()).toString());
            }
        }
        assertEquals(Map.of(), missing, "keys used in the code (with a file using it) but missing from a bundle");
    }

    @Test
    void viewLayer_everyDynamicKeyExistsInBothBundles() throws IOException {
        Set<String> english = load(ENGLISH).stringPropertyNames();
        Set<String> chinese = load(CHINESE).stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        for (Dynamic dynamic : DYNAMIC) {
            assertTrue(!dynamic.values().isEmpty(), dynamic.prefix());
            dynamic.keys().filter(key -> !english.contains(key) || !chinese.contains(key)).forEach(missing::add);
        }
        assertEquals(Set.of(), missing, "keys the code builds for a value, missing from a bundle");
    }

    @Test
    void viewLayer_noKeyInTheBundlesIsUnused() throws IOException {
        Set<String> used = new TreeSet<>(literals().keySet());
        DYNAMIC.forEach(dynamic -> dynamic.keys().forEach(used::add));
        Set<String> unused = new TreeSet<>(load(ENGLISH).stringPropertyNames());
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "keys no code uses (remove them from both bundles, or list a built key in"
                + " DYNAMIC)");
    }

    /** Every key-shaped string literal in the main code, with one file that has it. */
    private static Map<String, Path> literals() throws IOException {
        Map<String, Path> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN_CODE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    found.putIfAbsent(matcher.group(1), file);
                }
            }
        }
        assertTrue(found.size() > 500, "the main code was found (run from the project folder)");
        return found;
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** The key of a "key=value" line; null for comments, blanks and continuation lines. */
    private static String keyOf(String line) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("!") || Character.isWhitespace(line.charAt(0))) {
            return null;
        }
        int equals = line.indexOf('=');
        return equals < 0 ? null : line.substring(0, equals).strip();
    }

    static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
