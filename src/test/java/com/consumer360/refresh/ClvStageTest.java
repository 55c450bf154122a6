package com.consumer360.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A model whose numbers cannot be computed leaves the snapshot without CLV or without the check, with the reason in
 * the note: the week's RFM, cohorts and basket rules are written all the same (a series that did not converge once
 * failed every refresh of a demo warehouse).
 */
class ClvStageTest {

    @Test
    void aSeriesThatDoesNotConvergeIsANoteNotAFailedRefresh() {
        ClvStage check = ClvStage.holdout(() -> {
            throw new ArithmeticException("2F1(1, 2; 3; 0.5) did not converge");
        });
        assertThat(check.holdout()).isNull();
        assertThat(check.note()).isEqualTo("holdout check not computed: 2F1(1, 2; 3; 0.5) did not converge");

        ClvStage full = ClvStage.full(() -> {
            throw new ArithmeticException("expected purchases are not finite");
        });
        assertThat(full.full()).isNull();
        assertThat(full.note()).isEqualTo("CLV not computed: expected purchases are not finite");
    }
}
