package org.memberdesk.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import org.memberdesk.common.Money;
import org.memberdesk.db.OutputFiles;

/**
 * Realistic demo members and purchase histories, written as import files. The shape follows what
 * shops see: most members come once, a few come back often (a heavy tail), regulars lapse over
 * time, and referred members name who brought them. The same seed gives the same files.
 * <p>A chain's demo ({@code stores} &gt; 1: 本店, 二店, 三店…) gives each member a home store, where they join and
 * make most of their purchases; the rest go to the other stores. Where is drawn from a random stream of its own,
 * so the members and purchases themselves are those of the one-store demo, only spread among the stores (and a
 * one-store demo's files are what they always were, byte for byte).
 */
public final class DemoData {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";
    private static final String[] CHANNELS = {"门店", "公众号", "小程序", "抖音", "美团", "转介绍"};
    private static final int[] CHANNEL_WEIGHTS = {30, 15, 20, 15, 12, 8};
    private static final int[] PHONE_PREFIXES = {130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152, 155,
        156, 157, 158, 159, 166, 176, 177, 178, 180, 181, 182, 185, 186, 187, 188, 189, 191, 198, 199};

    /** An item a business sells, with its usual price range in cents and how often it is bought. */
    record Item(String name, long minCents, long maxCents, int weight) {
    }

    /** The most stores a demo has: 本店 then 二店 … 十店. */
    public static final int MAX_STORES = 10;
    private static final String STORE_NUMBERS = "二三四五六七八九十";
    /** Of a member's purchases in a chain, the share made in their home store (percent). */
    private static final int HOME_STORE_PERCENT = 80;

    private final SplittableRandom random;
    private final Business business;
    private final LocalDate today;
    private final long seed;
    private final List<String> stores;
    /** Which store a purchase is made in: a stream of its own, read only in a chain. */
    private final SplittableRandom storeRandom;

    public DemoData(long seed, Business business, LocalDate today) {
        this(seed, business, today, 1);
    }

    /** A demo of {@code stores} stores (1 to {@link #MAX_STORES}), named as {@link #storeNames} names them. */
    public DemoData(long seed, Business business, LocalDate today, int stores) {
        this.random = new SplittableRandom(seed);
        this.business = business;
        this.today = today;
        this.seed = seed;
        this.stores = storeNames(stores);
        this.storeRandom = new SplittableRandom(seed ^ 0x5707_E5D1L);
    }

    /** The demo's stores: 本店 (store 1, as every database has it), then 二店, 三店 … up to 十店. */
    public static List<String> storeNames(int count) {
        if (count < 1 || count > MAX_STORES) {
            throw new IllegalArgumentException("a demo has 1 to " + MAX_STORES + " stores, not " + count);
        }
        List<String> names = new java.util.ArrayList<>();
        names.add(org.memberdesk.stores.Store.MAIN_NAME);
        for (int i = 1; i < count; i++) {
            names.add(STORE_NUMBERS.charAt(i - 1) + "店");
        }
        return List.copyOf(names);
    }

    /**
     * The home store of demo member {@code memberIndex} (1-based, as numbered M00000001…): an index into
     * {@link #storeNames}, the same for the same seed, for the files and for the cards made after them
     * ({@link DemoCards}).
     */
    public static int homeStore(long seed, int memberIndex, int stores) {
        return stores <= 1 ? 0 : new SplittableRandom(seed * 1_000_003L + memberIndex).nextInt(stores);
    }

    /** Where one of the member's purchases is made: mostly the home store, else another (chains only). */
    private String purchaseStore(int home) {
        if (storeRandom.nextInt(100) < HOME_STORE_PERCENT) {
            return stores.get(home);
        }
        int other = storeRandom.nextInt(stores.size() - 1);
        return stores.get(other < home ? other : other + 1);
    }

    public record Files(Path members, Path purchases, long memberCount, long purchaseRows) {
    }

    /**
     * Writes {@code members.csv} and {@code purchases.csv} in the standard columns into a folder, through the
     * output guard: never over the database, and both files appear only once both are whole.
     */
    public Files write(Path folder, int members, OutputFiles guard) throws IOException {
        Path memberFile = folder.resolve("members.csv");
        Path purchaseFile = folder.resolve("purchases.csv");
        guard.check(memberFile);
        guard.check(purchaseFile);
        List<Item> items = items(business);
        int totalWeight = items.stream().mapToInt(Item::weight).sum();
        long purchaseNo = 1;
        long rows = 0;
        try (OutputFiles.Output memberOutput = guard.open(memberFile, null);
             OutputFiles.Output purchaseOutput = guard.open(purchaseFile, null);
             BufferedWriter m = new BufferedWriter(new OutputStreamWriter(memberOutput.stream(), StandardCharsets.UTF_8),
                     1 << 16);
             BufferedWriter p = new BufferedWriter(new OutputStreamWriter(purchaseOutput.stream(),
                     StandardCharsets.UTF_8), 1 << 16)) {
            boolean chain = stores.size() > 1;
            // the store columns only in a chain: a one-store demo writes the files it always wrote
            m.write("member_no,name,phone,gender,birthday,join_date,channel,referrer_no" + (chain ? ",store" : "")
                    + "\n");
            p.write("purchase_no,member_no,time,item,quantity,amount,refund_of" + (chain ? ",store" : "") + "\n");
            long firstDay = today.minusYears(3).toEpochDay();
            long span = today.toEpochDay() - firstDay;
            StringBuilder line = new StringBuilder(128);
            for (int i = 1; i <= members; i++) {
                String memberNo = String.format("M%08d", i);
                // later days are likelier: a business grows
                long joinDay = firstDay + (long) (span * Math.sqrt(random.nextDouble()));
                LocalDate join = LocalDate.ofEpochDay(Math.min(joinDay, today.toEpochDay()));
                String channel = CHANNELS[weighted(CHANNEL_WEIGHTS)];
                String referrer = "转介绍".equals(channel) && i > 1 ? String.format("M%08d", 1 + random.nextInt(i - 1))
                        : "";
                boolean female = random.nextInt(100) < (business == Business.GYM ? 45 : 55);
                LocalDate birthday = today.minusDays(365L * (16 + random.nextInt(55)) + random.nextInt(365));
                line.setLength(0);
                line.append(memberNo).append(',').append(name(female)).append(',').append(phone(i)).append(',')
                        .append(female ? 'F' : 'M').append(',').append(birthday).append(',').append(join)
                        .append(',').append(channel).append(',').append(referrer);
                int home = homeStore(seed, i, stores.size());
                if (chain) {
                    line.append(',').append(stores.get(home));
                }
                m.write(line.append('\n').toString());

                int visits = visits();
                long activeDays = ChronoUnit.DAYS.between(join, today);
                // regulars lapse: each member stays active for a while, then stops
                long lifetime = (long) (activeDays * Math.min(1.0, 0.15 + random.nextDouble() * 1.2));
                long[] days = new long[visits];
                for (int v = 0; v < visits; v++) {
                    days[v] = join.toEpochDay() + (lifetime <= 0 ? 0 : random.nextLong(lifetime + 1));
                }
                java.util.Arrays.sort(days);
                for (int v = 0; v < visits; v++) {
                    Item item = items.get(weightedItem(items, totalWeight));
                    int quantity = item.maxCents() < 10_000 && random.nextInt(4) == 0 ? 2 : 1;
                    long unit = item.minCents() == item.maxCents() ? item.minCents()
                            : item.minCents() + random.nextLong(item.maxCents() - item.minCents() + 1) / 100 * 100;
                    LocalDateTime time = LocalDate.ofEpochDay(days[v]).atTime(9 + random.nextInt(12),
                            random.nextInt(60), random.nextInt(60));
                    String sale = String.format("T%09d", purchaseNo++);
                    // a return is made where the sale was
                    String store = chain ? "," + purchaseStore(home) : "";
                    line.setLength(0);
                    line.append(sale).append(',').append(memberNo).append(',').append(time.toLocalDate())
                            .append(' ').append(time.toLocalTime()).append(',').append(item.name()).append(',')
                            .append(quantity).append(',').append(Money.formatYuan(unit * quantity)).append(',')
                            .append(store).append('\n');
                    p.write(line.toString());
                    rows++;
                    if (random.nextInt(100) == 0) {
                        line.setLength(0);
                        line.append(String.format("T%09d", purchaseNo++)).append(',').append(memberNo).append(',')
                                .append(time.toLocalDate()).append(' ').append(time.toLocalTime()).append(',')
                                .append(item.name()).append(',').append(quantity).append(",-")
                                .append(Money.formatYuan(unit * quantity)).append(',').append(sale).append(store)
                                .append('\n');
                        p.write(line.toString());
                        rows++;
                    }
                }
            }
            m.flush();
            p.flush();
            memberOutput.commit();
            purchaseOutput.commit();
        }
        return new Files(memberFile, purchaseFile, members, rows);
    }

    /** Visits per member: a fifth never buy; the rest follow a capped power law (about 3.8 per member overall). */
    private int visits() {
        if (random.nextInt(100) < 20) {
            return 0;
        }
        double u = 1.0 - random.nextDouble();
        int visits = (int) Math.floor(Math.pow(u, -1.0 / 1.1));
        return Math.min(visits, 250);
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int weightedItem(List<Item> items, int totalWeight) {
        int pick = random.nextInt(totalWeight);
        for (int i = 0; i < items.size(); i++) {
            pick -= items.get(i).weight();
            if (pick < 0) {
                return i;
            }
        }
        return items.size() - 1;
    }

    private String name(boolean female) {
        StringBuilder name = new StringBuilder();
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(3) > 0) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    /** A unique mobile number per member: the index is scrambled by a multiplier coprime to 10^8. */
    private static String phone(int index) {
        int prefix = PHONE_PREFIXES[index % PHONE_PREFIXES.length];
        long body = ((long) index * 48_271L + 12_345_678L) % 100_000_000L;
        return prefix + String.format("%08d", body);
    }

    /** What is bought at the counter; the cards (月卡, 年卡, 私教课, 储值) are sold through the card services (DemoCards). */
    static List<Item> items(Business business) {
        return switch (business) {
            case SCENIC -> List.of(
                    new Item("成人门票", 12_000, 12_000, 40),
                    new Item("儿童票", 6_000, 6_000, 12),
                    new Item("索道", 8_000, 8_000, 12),
                    new Item("观光车", 3_000, 3_000, 10),
                    new Item("餐饮", 4_500, 15_000, 12),
                    new Item("文创纪念品", 2_000, 20_000, 7),
                    new Item("停车", 2_000, 2_000, 4));
            case GYM -> List.of(
                    new Item("单次入场", 5_000, 5_000, 30),
                    new Item("团课单次", 6_000, 6_000, 12),
                    new Item("体测", 9_900, 9_900, 4),
                    new Item("蛋白粉", 26_800, 26_800, 6),
                    new Item("毛巾", 1_500, 1_500, 6));
            case SHOP -> List.of(
                    new Item("水果", 1_500, 12_000, 30),
                    new Item("车厘子", 8_800, 25_800, 8),
                    new Item("果篮", 19_800, 39_800, 4),
                    new Item("牛奶", 3_000, 8_000, 18),
                    new Item("零食", 1_000, 6_000, 22),
                    new Item("粮油", 5_000, 20_000, 10),
                    new Item("日用品", 1_000, 10_000, 14));
        };
    }
}
