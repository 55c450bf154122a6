package com.consumer360.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RfmScorerTest {

    private static List<RfmScore> scoreMonetary(double... monetary) {
        List<CustomerRfm> customers = new ArrayList<>();
        for (int i = 0; i < monetary.length; i++) {
            customers.add(new CustomerRfm("c" + i, 10, 1, monetary[i]));
        }
        return RfmScorer.score(customers);
    }

    @Test
    void withoutTiesScoresAreExactQuintiles() {
        // Ten customers ranked 0..9: score = 1 + floor(5 * rank / 10) = 1,1,2,2,3,3,4,4,5,5.
        List<RfmScore> scores = scoreMonetary(50, 10, 90, 30, 70, 0, 20, 40, 60, 80);
        assertThat(scores).extracting(RfmScore::m).containsExactly(3, 1, 5, 2, 4, 1, 2, 3, 4, 5);
    }

    @Test
    void tiesAtAQuintileBorderShareTheScoreWhereTheTieStarts() {
        // n = 5, values 1,1,1,2,3: the three 1s have 0 customers below -> 1 + 0 = 1 (although the third
        // sits at rank 2, which alone would score 3); 2 has 3 below -> 1 + floor(15/5) = 4; 3 has 4 below -> 5.
        assertThat(scoreMonetary(2, 1, 3, 1, 1)).extracting(RfmScore::m).containsExactly(4, 1, 5, 1, 1);
    }

    @Test
    void tieGroupStraddlingTwoBordersGetsOneScore() {
        // n = 10: 0, then six customers at 5 (ranks 1..6 would span scores 1..4), then 6, 7, 8.
        // The 5s have 1 below -> 1 + floor(5/10) = 1; 6 has 7 below -> 4; 7 has 8 below -> 5; 8 -> 5.
        assertThat(scoreMonetary(0, 5, 5, 5, 5, 5, 5, 6, 7, 8)).extracting(RfmScore::m)
                .containsExactly(1, 1, 1, 1, 1, 1, 1, 4, 5, 5);
    }

    @Test
    void scoresDoNotDependOnInputOrder() {
        Random random = new Random(42);
        List<CustomerRfm> customers = new ArrayList<>();
        IntStream.range(0, 200).forEach(i -> customers.add(
                new CustomerRfm("c" + i, random.nextInt(30), 1 + random.nextInt(4), random.nextInt(10) * 10.0)));
        List<RfmScore> inOrder = RfmScorer.score(customers);
        List<CustomerRfm> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, random);

        assertThat(RfmScorer.score(shuffled)).containsExactlyInAnyOrderElementsOf(inOrder);
    }

    @Test
    void lowerRecencyIsBetter() {
        List<CustomerRfm> customers = List.of(new CustomerRfm("a", 1, 1, 1), new CustomerRfm("b", 2, 1, 1),
                new CustomerRfm("c", 3, 1, 1), new CustomerRfm("d", 4, 1, 1), new CustomerRfm("e", 5, 1, 1));
        assertThat(RfmScorer.score(customers)).extracting(RfmScore::r).containsExactly(5, 4, 3, 2, 1);
    }

    @Test
    void aSingleCustomerHasNobodyToBeatAndScoresOneEverywhere() {
        List<RfmScore> scores = RfmScorer.score(List.of(new CustomerRfm("only", 3, 7, 120.0)));
        assertThat(scores).singleElement().satisfies(s -> {
            assertThat(List.of(s.r(), s.f(), s.m())).containsExactly(1, 1, 1);
            assertThat(s.segment()).isEqualTo(Segment.LOST);
        });
    }

    @Test
    void negativeMonetaryRanksLowest() {
        assertThat(scoreMonetary(-50, 10, 20, 30, 40)).extracting(RfmScore::m).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void netRevenueIsRoundedToCentsSoSumsInAnyOrderTie() {
        double summedOneWay = 0.1 + 0.2 + 0.3;
        double summedOtherWay = 0.3 + 0.2 + 0.1;
        assertThat(summedOneWay).isNotEqualTo(summedOtherWay);
        assertThat(CustomerRfm.ofNetRevenue("a", 1, 1, summedOneWay).monetary())
                .isEqualTo(CustomerRfm.ofNetRevenue("b", 1, 1, summedOtherWay).monetary()).isEqualTo(0.6);
    }
}
