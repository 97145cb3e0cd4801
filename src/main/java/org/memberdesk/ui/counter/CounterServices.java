package org.memberdesk.ui.counter;

import java.time.Clock;
import org.memberdesk.app.AppContext;
import org.memberdesk.cards.CardService;
import org.memberdesk.cards.CheckIns;
import org.memberdesk.cards.MemberPhotos;
import org.memberdesk.members.MemberService;
import org.memberdesk.purchases.PurchaseService;
import org.memberdesk.sales.CounterSales;
import org.memberdesk.tiers.TierService;

/**
 * The services the counter's view models use, and only those: selling and pricing, the sales read back, members,
 * tier progress, cards, check-ins and photos, and the shop's clock (a card's last day). The view names them once
 * ({@link #of}); the models never see the whole application.
 */
public record CounterServices(CounterSales sales, PurchaseService purchases, MemberService members, TierService tiers,
                              CardService cards, CheckIns checkIns, MemberPhotos photos, Clock clock) {

    public static CounterServices of(AppContext app) {
        return new CounterServices(app.counterSales(), app.purchases(), app.members(), app.tiers(), app.cards(),
                app.checkIns(), app.memberPhotos(), app.clock());
    }
}
