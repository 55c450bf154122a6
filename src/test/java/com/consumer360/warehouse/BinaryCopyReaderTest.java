package com.consumer360.warehouse;

import static com.consumer360.support.TestDatabase.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Binary COPY rows as PostgreSQL sends them: NULLs, every getter, and fields larger than the read buffer. */
class BinaryCopyReaderTest {

    @Test
    void readsEveryTypeNullsAndFieldsLargerThanTheBuffer() throws SQLException {
        try (Connection db = connectAs("postgres");
             BinaryCopyReader rows = new BinaryCopyReader(db, "SELECT g::BIGINT, CASE WHEN g % 2 = 0 THEN NULL "
                     + "ELSE g END::INTEGER, (g - 2)::SMALLINT, g > 1, "
                     + "array_send(ARRAY(SELECT generate_series(1, g * 40000))) "
                     + "FROM generate_series(1, 3) AS s(g) ORDER BY s.g")) {
            for (int g = 1; g <= 3; g++) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong()).isEqualTo(g);
                int odd = rows.getInt();
                assertThat(rows.wasNull()).isEqualTo(g % 2 == 0);
                assertThat(odd).isEqualTo(g % 2 == 0 ? 0 : g);
                assertThat(rows.getShort()).isEqualTo((short) (g - 2));
                assertThat(rows.getBoolean()).isEqualTo(g > 1);
                // array_send's header is 20 bytes, then a length and a value per element: 320 kB and more.
                ByteBuffer array = ByteBuffer.wrap(rows.getBytes());
                assertThat(array.capacity()).isEqualTo(20 + g * 40000 * 8);
                assertThat(array.getInt(12)).isEqualTo(g * 40000);
                assertThat(array.getInt(array.capacity() - 4)).isEqualTo(g * 40000);
            }
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void aRowMustBeReadWholeAndFieldsMustHaveTheirTypesSize() throws SQLException {
        try (Connection db = connectAs("postgres");
             BinaryCopyReader rows = new BinaryCopyReader(db, "SELECT 1::INTEGER, 2::INTEGER")) {
            assertThat(rows.next()).isTrue();
            assertThatThrownBy(rows::getLong).hasMessageContaining("4 bytes where 8 were expected");
        }
        try (Connection db = connectAs("postgres");
             BinaryCopyReader rows = new BinaryCopyReader(db, "SELECT 1::INTEGER, 2::INTEGER")) {
            assertThat(rows.next()).isTrue();
            rows.getInt();
            assertThatThrownBy(rows::next).hasMessageContaining("1 field(s) of the row not read");
        }
    }

    /**
     * A reader given up half-way (a getter threw) must leave its connection usable: the refresh rolls back on
     * it and the pool hands it out again. Closing reads and drops the rest of the COPY.
     */
    @Test
    void theConnectionStaysUsableAfterAReaderIsClosedHalfWay() throws SQLException {
        try (Connection db = connectAs("postgres")) {
            db.setAutoCommit(false);
            try (BinaryCopyReader rows = new BinaryCopyReader(db, "SELECT g::INTEGER, repeat('x', 1000) "
                    + "FROM generate_series(1, 20000) AS s(g)")) {
                assertThat(rows.next()).isTrue();
                assertThatThrownBy(rows::getLong).hasMessageContaining("4 bytes where 8 were expected");
            }
            db.rollback();
            try (Statement statement = db.createStatement();
                 ResultSet result = statement.executeQuery("SELECT 41 + 1")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(42);
            }
            db.commit();
        }
    }
}
