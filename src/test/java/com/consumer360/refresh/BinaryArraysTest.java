package com.consumer360.refresh;

import static com.consumer360.support.TestDatabase.connectAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** PostgreSQL's own binary array encoding (array_send), decoded; anything but a plain integer array is refused. */
class BinaryArraysTest {

    @Test
    void decodesWhatPostgresqlSends() throws SQLException {
        try (Connection db = connectAs("postgres"); Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("SELECT array_send(ARRAY[3, -1, 2147483647, 0]::INT[]), "
                     + "array_send(ARRAY[-9223372036854775808, 5]::BIGINT[]), array_send('{}'::INT[]), "
                     + "array_send(ARRAY[1, NULL]::INT[]), array_send(ARRAY[1]::BIGINT[]), "
                     + "array_send(ARRAY[[1, 2], [3, 4]]::INT[])")) {
            row.next();
            assertThat(BinaryArrays.ints(row.getBytes(1))).containsExactly(3, -1, Integer.MAX_VALUE, 0);
            assertThat(BinaryArrays.longs(row.getBytes(2))).containsExactly(Long.MIN_VALUE, 5);
            assertThat(BinaryArrays.ints(row.getBytes(3))).isEmpty();
            byte[] withNull = row.getBytes(4);
            byte[] bigints = row.getBytes(5);
            byte[] matrix = row.getBytes(6);
            assertThatThrownBy(() -> BinaryArrays.ints(withNull)).hasMessageContaining("with nulls");
            assertThatThrownBy(() -> BinaryArrays.ints(bigints)).hasMessageContaining("of type 20");
            assertThatThrownBy(() -> BinaryArrays.ints(matrix)).hasMessageContaining("2 dimension(s)");
            assertThatThrownBy(() -> BinaryArrays.ints("{1,2}".getBytes())).isInstanceOf(RuntimeException.class);
        }
    }
}
