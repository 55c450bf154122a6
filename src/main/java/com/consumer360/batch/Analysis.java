package com.consumer360.batch;

import com.consumer360.analytics.TransactionColumn;
import com.consumer360.analytics.basket.BasketMiner;
import com.consumer360.analytics.basket.MiningParameters;
import com.consumer360.analytics.basket.RegionalBasketRules;
import com.consumer360.analytics.cleaning.CleanedTransactions;
import com.consumer360.analytics.rfm.RfmAggregates;
import com.consumer360.analytics.rfm.RfmScore;
import com.consumer360.analytics.rfm.RfmScorer;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

/**
 * What the output stages of {@code analyze} share: the cleaned transactions, the as-of date, and results
 * several stages need, computed once on first use (RFM scores feed both rfm.csv and segments.csv).
 * A new engine reads baskets or per-customer purchases from {@link #clean()}; if a later stage needs its
 * results too, memoise them here the way {@link #rfmScores()} does.
 */
final class Analysis {

    private final CleanedTransactions clean;
    private final LocalDate asOf;
    private final MiningParameters ruleThresholds;
    private final ClvArguments clv;
    private List<RfmScore> rfmScores;
    private RegionalBasketRules basketRules;

    /** {@code asOf} is null for a baskets-only input, which has no dates. */
    Analysis(CleanedTransactions clean, LocalDate asOf, MiningParameters ruleThresholds, ClvArguments clv) {
        this.clean = clean;
        this.asOf = asOf;
        this.ruleThresholds = ruleThresholds;
        this.clv = clv;
    }

    CleanedTransactions clean() {
        return clean;
    }

    LocalDate asOf() {
        return asOf;
    }

    ClvArguments clv() {
        return clv;
    }

    List<RfmScore> rfmScores() {
        if (rfmScores == null) {
            rfmScores = RfmScorer.score(RfmAggregates.of(clean, asOf));
        }
        return rfmScores;
    }

    /**
     * Basket rules of all invoices and, when the input has regions, of each region's invoices: written by the rules
     * stage, the overall itemset count reported in summary.json.
     */
    RegionalBasketRules basketRules() {
        if (basketRules == null) {
            InvoiceBaskets invoices = InvoiceBaskets.of(clean);
            BasketMiner miner = new BasketMiner(ruleThresholds);
            basketRules = clean.table().has(TransactionColumn.REGION)
                    ? miner.rulesOverallAndByRegion(invoices.baskets(), invoices.regionOfBasket())
                    : new RegionalBasketRules(miner.rules(invoices.baskets()), new TreeMap<>());
        }
        return basketRules;
    }
}
