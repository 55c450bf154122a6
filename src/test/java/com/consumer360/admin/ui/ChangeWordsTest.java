package com.consumer360.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeWordsTest {

    private static final Map<Short, String> REGIONS = Map.of((short) 1, "North", (short) 2, "South");

    @Test
    void theDatabasesDetailReadsWithRoleLabelsAndRegionNames() {
        assertThat(ChangeWords.detail("roles EXECUTIVE,CS_OPS; regions 1,2", REGIONS))
                .isEqualTo("roles Executive, CS ops; regions North, South");
        assertThat(ChangeWords.detail("roles REGIONAL_MANAGER; regions 9", REGIONS))
                .isEqualTo("roles Regional manager; regions region 9");
        assertThat(ChangeWords.detail("roles ADMIN; regions ", REGIONS)).isEqualTo("roles Admin; regions none");
    }

    @Test
    void anotherDetailOrActionIsShownAsItIs() {
        assertThat(ChangeWords.detail(null, REGIONS)).isEmpty();
        assertThat(ChangeWords.detail("something else", REGIONS)).isEqualTo("something else");
        assertThat(ChangeWords.action("SET_ACCESS")).isEqualTo("Roles and regions set");
        assertThat(ChangeWords.action("NEW_KIND")).isEqualTo("NEW_KIND");
    }
}
