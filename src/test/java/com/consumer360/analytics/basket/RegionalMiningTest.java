package com.consumer360.analytics.basket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegionalMiningTest {

    private static final List<List<String>> NORTH = List.of(List.of("bread", "butter"), List.of("bread", "butter"),
            List.of("bread", "jam"));
    private static final List<List<String>> SOUTH = List.of(List.of("rice", "beans"), List.of("rice", "beans"),
            List.of("bread"), List.of("rice"));

    @Test
    void eachRegionIsMinedLikeItsOwnBasketsAndOverallLikeAll() {
        List<List<String>> all = new ArrayList<>(NORTH);
        all.addAll(SOUTH);
        List<String> regions = new ArrayList<>();
        NORTH.forEach(basket -> regions.add("North"));
        SOUTH.forEach(basket -> regions.add("South"));
        BasketMiner miner = new BasketMiner(MiningParameters.of(0.4, 0.6, 3));

        RegionalBasketRules result = miner.rulesOverallAndByRegion(Baskets.ofLabels(all), regions);

        assertThat(result.overall()).isEqualTo(miner.rules(Baskets.ofLabels(all)));
        assertThat(result.byRegion()).containsOnlyKeys("North", "South");
        assertThat(result.byRegion().get("North").rules())
                .isEqualTo(miner.rules(Baskets.ofLabels(NORTH)).rules()).isNotEmpty();
        assertThat(result.byRegion().get("South").rules())
                .isEqualTo(miner.rules(Baskets.ofLabels(SOUTH)).rules()).isNotEmpty();
        assertThat(result.byRegion().get("South").baskets()).isEqualTo(4);
    }

    @Test
    void aLimitHitInOneRegionNamesTheRegion() {
        List<List<String>> all = new ArrayList<>(NORTH);
        all.add(List.of("a", "b", "c", "d", "e", "f"));
        List<String> regions = List.of("North", "North", "North", "Tiny");
        BasketMiner miner = new BasketMiner(MiningParameters.of(0.3, 0, 6).withLimits(20, 1000));

        assertThatThrownBy(() -> miner.rulesOverallAndByRegion(Baskets.ofLabels(all), regions))
                .isInstanceOf(MiningLimitExceededException.class).hasMessageStartingWith("region Tiny: ");
    }

    @Test
    void regionsMustMatchBaskets() {
        assertThatThrownBy(() -> new BasketMiner(MiningParameters.of(0.5, 0.5, 2))
                .rulesOverallAndByRegion(Baskets.ofLabels(NORTH), List.of("North")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
