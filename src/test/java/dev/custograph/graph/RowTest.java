package dev.custograph.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A row is read by column with the type its Cypher file promises; a mismatch names the file and the column. */
class RowTest {

    private static Row row(Map<String, Object> values) {
        return Row.of("test/statement", values);
    }

    @Test
    void readsEachColumnWithItsType() {
        Row row = row(Map.of("id", "C1", "orders", 3L, "spend", 12.5, "live", true,
                "first", LocalDate.of(2011, 1, 4), "products", List.of("P1", "P2"),
                "at", ZonedDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneId.of("Europe/Paris"))));
        assertThat(row.string("id")).isEqualTo("C1");
        assertThat(row.longValue("orders")).isEqualTo(3);
        assertThat(row.doubleValue("spend")).isEqualTo(12.5);
        assertThat(row.bool("live")).isTrue();
        assertThat(row.date("first")).isEqualTo(LocalDate.of(2011, 1, 4));
        assertThat(row.strings("products")).containsExactly("P1", "P2");
        assertThat(row.time("at")).isEqualTo(OffsetDateTime.of(2026, 11, 30, 8, 0, 0, 0, ZoneOffset.ofHours(1)));
    }

    @Test
    void aWholeNumberIsReadAsANumberWhereADoubleIsAsked() {
        assertThat(row(Map.of("revenue", 10L)).doubleValue("revenue")).isEqualTo(10.0);
    }

    @Test
    void nullColumnsAreNullForReferencesAndAnErrorForPrimitives() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", null);
        values.put("orders", null);
        Row row = row(values);
        assertThat(row.string("name")).isNull();
        assertThat(row.longOrNull("orders")).isNull();
        assertThat(row.isNull("orders")).isTrue();
        assertThatThrownBy(() -> row.longValue("orders")).isInstanceOf(Row.ColumnTypeException.class)
                .hasMessage("test/statement: column 'orders' is null where a value was expected");
    }

    @Test
    void aColumnOfAnotherTypeNamesTheStatementTheColumnAndBothTypes() {
        assertThatThrownBy(() -> row(Map.of("orders", "three")).longValue("orders"))
                .isInstanceOf(Row.ColumnTypeException.class)
                .hasMessage("test/statement: column 'orders' is a String where an integer was expected");
        assertThatThrownBy(() -> row(Map.of("products", Arrays.asList("P1", 2L))).strings("products"))
                .hasMessage("test/statement: column 'products' holds a Long where a list of String was expected");
    }

    @Test
    void aMissingColumnListsTheColumnsTheStatementReturns() {
        assertThatThrownBy(() -> row(Map.of("id", "C1")).string("customerId"))
                .isInstanceOf(Row.ColumnTypeException.class)
                .hasMessage("test/statement returns no column 'customerId' (it returns [id])");
    }

    @Test
    void nestedMapsAreRowsThatNameWhereTheyCameFrom() {
        Row row = row(Map.of("neighbours", List.of(Map.of("customerId", "C2", "score", 0.5))));
        Row neighbour = row.rows("neighbours").get(0);
        assertThat(neighbour.string("customerId")).isEqualTo("C2");
        assertThat(neighbour.doubleValue("score")).isEqualTo(0.5);
        assertThatThrownBy(() -> neighbour.string("score"))
                .hasMessage("test/statement column 'neighbours': column 'score' is a Double where a String was expected");
    }
}
