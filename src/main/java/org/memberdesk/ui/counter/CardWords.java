package org.memberdesk.ui.counter;

import java.util.List;
import org.memberdesk.cards.Card;
import org.memberdesk.cards.CardKind;
import org.memberdesk.cards.Pay;
import org.memberdesk.common.Messages;
import org.memberdesk.common.Money;
import org.memberdesk.purchases.PayMethod;

/**
 * How the counter says a card and a way to pay, written once for the member card, the check-in result, the card
 * sale and the payment choice.
 */
final class CardWords {
    /** The ways to pay a sale, in the order the cashier meets them: cash first, the default. */
    static final List<Pay> SALE_PAYS = List.of(Pay.CASH, new Pay(PayMethod.WECHAT, null),
            new Pay(PayMethod.ALIPAY, null), new Pay(PayMethod.BANK_CARD, null),
            new Pay(PayMethod.STORED_VALUE, null), new Pay(PayMethod.STORED_VALUE, PayMethod.CASH),
            new Pay(PayMethod.STORED_VALUE, PayMethod.WECHAT), new Pay(PayMethod.STORED_VALUE, PayMethod.ALIPAY),
            new Pay(PayMethod.STORED_VALUE, PayMethod.BANK_CARD));
    /** Money received (a top-up, a stored-value package): never stored value itself. */
    static final List<PayMethod> MONEY = List.of(PayMethod.CASH, PayMethod.WECHAT, PayMethod.ALIPAY,
            PayMethod.BANK_CARD);

    private CardWords() {
    }

    /** "Stored value + Cash", "WeChat". */
    static String pay(Pay pay, Messages messages) {
        if (pay == null) {
            return "";
        }
        String first = messages.get(pay.first().messageKey());
        return pay.rest() == null ? first : messages.get("counter.pay.split", first,
                messages.get(pay.rest().messageKey()));
    }

    /** One line for a card as it stands: the balance, the sessions left, or the last valid day. */
    static String line(Card card, Messages messages) {
        if (card.kind() == CardKind.STORED_VALUE) {
            return messages.get("counter.cards.storedValue", card.productName(), Money.display(card.balanceCents()),
                    Money.display(card.principalCents()), Money.display(card.bonusCents()));
        }
        if (card.kind() == CardKind.SESSIONS) {
            return messages.get("counter.cards.sessions", card.productName(), card.sessionsLeft(),
                    card.sessionsSold(), String.valueOf(card.validTo()));
        }
        return messages.get("counter.cards.period", card.productName(), String.valueOf(card.validTo()));
    }
}
