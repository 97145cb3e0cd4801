package org.memberdesk.ui.members;

import java.util.Locale;
import java.util.Optional;
import org.memberdesk.common.Messages;
import org.memberdesk.predictions.MemberPrediction;
import org.memberdesk.predictions.PredictionModel;
import org.memberdesk.predictions.Predictions;

/**
 * The member pane's prediction line (issue 20): the member's stored score under the latest scored model as of
 * today — what the rule fields p_alive and predicted_clv read — said in one line. {@code model} is null before any
 * model was fitted; {@code score} is null when the member had not bought by the model's date.
 */
public record MemberForecast(PredictionModel model, MemberPrediction score) {

    /** Reads the line's data; on a worker thread, with the pane's other reads. */
    static MemberForecast read(Predictions predictions, long memberId) {
        Optional<PredictionModel> model = predictions.forRules(predictions.today());
        if (model.isEmpty()) {
            return new MemberForecast(null, null);
        }
        return new MemberForecast(model.get(), predictions.storedScore(model.get(), memberId).orElse(null));
    }

    /** The line as the pane shows it. */
    public String text(Messages messages) {
        if (model == null) {
            return messages.get("member.forecast.noModel");
        }
        String date = model.asOf().toString();
        if (score == null) {
            return messages.get("member.forecast.notBuyer", date);
        }
        String horizon = model.horizonDays() == Predictions.DEFAULT_HORIZON_DAYS
                ? messages.get("member.forecast.year") : messages.get("member.forecast.days", model.horizonDays());
        Long clv = score.clvCents();
        // a one-time buyer's P(alive) is 1 by the model's construction: the model cannot tell yet, so no 100%
        if (score.frequency() == 0) {
            return clv == null ? messages.get("member.forecast.once", date)
                    : messages.get("member.forecast.onceWorth", yuan(clv), horizon, date);
        }
        return clv == null ? messages.get("member.forecast.alive", percent(score.pAlive()), date)
                : messages.get("member.forecast.aliveWorth", percent(score.pAlive()), yuan(clv), horizon, date);
    }

    /**
     * 0.82 → "82%". A repeat buyer's P(alive) is never certain either way, so what would round to 0% or 100%
     * shows as "&lt;1%" or "&gt;99%".
     */
    static String percent(double pAlive) {
        if (pAlive < 0.01) {
            return "<1%";
        }
        if (pAlive > 0.99) {
            return ">99%";
        }
        return Math.round(pAlive * 100) + "%";
    }

    /** A prediction in whole yuan, rounded half up: 123_950 cents → "¥1,240". */
    static String yuan(long cents) {
        return String.format(Locale.ROOT, "¥%,d", Math.addExact(cents, 50) / 100);
    }
}
