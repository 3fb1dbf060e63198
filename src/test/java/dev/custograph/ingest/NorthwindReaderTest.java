package dev.custograph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.TestData;
import dev.custograph.model.Dataset;
import dev.custograph.model.Order;
import dev.custograph.model.OrderLine;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NorthwindReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsEveryRowOfTheNorthwindExport() {
        NorthwindReader.Result result = NorthwindReader.read(TestData.northwind());
        Dataset data = result.dataset();

        // Row counts from the data set's README, and from the files' own line counts minus the header.
        assertThat(data.categories()).hasSize(8);
        assertThat(data.products()).hasSize(77);
        assertThat(data.customers()).hasSize(91);
        assertThat(data.orders()).hasSize(830);
        assertThat(data.lines()).hasSize(2155);
        assertThat(result.files()).extracting(FileReport::file, FileReport::rowsRead, FileReport::rowsRejected)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("categories.csv", 8L, 0L),
                        org.assertj.core.groups.Tuple.tuple("products.csv", 77L, 0L),
                        org.assertj.core.groups.Tuple.tuple("customers.csv", 91L, 0L),
                        org.assertj.core.groups.Tuple.tuple("orders.csv", 830L, 0L),
                        org.assertj.core.groups.Tuple.tuple("order-details.csv", 2155L, 0L));
    }

    @Test
    void repairsTheOrdersWhoseShipAddressWasSplitByAnUnquotedComma() throws IOException {
        NorthwindReader.Result result = NorthwindReader.read(TestData.northwind());
        FileReport orders = result.files().stream().filter(f -> f.file().equals("orders.csv")).findFirst()
                .orElseThrow();
        assertThat(orders.rowsRepaired()).isEqualTo(176);

        // Every order's customer and date equal orders_clean.csv, the properly quoted copy of the same rows.
        Map<String, String[]> clean = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(TestData.northwind().resolve("orders_clean.csv"))) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                clean.put(r.get("orderID"), new String[] {r.get("customerID"), r.get("orderDate").substring(0, 10)});
            }
        }
        assertThat(result.dataset().orders()).hasSize(clean.size()).allSatisfy(order -> {
            assertThat(order.customerId()).isEqualTo(clean.get(order.orderId())[0]);
            assertThat(order.orderDate()).hasToString(clean.get(order.orderId())[1]);
        });
    }

    @Test
    void orderTotalsAreTheSumOfTheirLinesAfterDiscount() {
        Dataset data = NorthwindReader.read(TestData.northwind()).dataset();
        Order order10248 = data.orders().stream().filter(o -> o.orderId().equals("10248")).findFirst().orElseThrow();
        // 10248: 12 x 14.00 + 10 x 9.80 + 5 x 34.80, no discount (order-details.csv lines 2-4).
        assertThat(order10248.total()).isEqualTo(440.00);
        Order order10250 = data.orders().stream().filter(o -> o.orderId().equals("10250")).findFirst().orElseThrow();
        // 10250: 10 x 7.70 + 35 x 42.40 x 0.85 + 15 x 16.80 x 0.85 = 77 + 1261.40 + 214.20.
        assertThat(order10250.total()).isEqualTo(1552.60);
        assertThat(data.lines()).filteredOn(l -> l.orderId().equals("10250")).extracting(OrderLine::lineId)
                .containsExactlyInAnyOrder("10250-41", "10250-51", "10250-65");
    }

    @Test
    void anInvalidValueIsReportedWithFileLineAndFieldAndNothingIsReturned() throws IOException {
        Path dir = TestData.northwindCopy(temp.resolve("nw"));
        TestData.replaceLine(dir.resolve("order-details.csv"), 3, "10248,42,9.80,ten,0");
        TestData.replaceLine(dir.resolve("orders.csv"), 5, "10251,NOBODY,3,1996-07-08 00:00:00.000,x,x,1,41.34,A,B,C,NULL,1,F");

        assertThatThrownBy(() -> NorthwindReader.read(dir))
                .isInstanceOfSatisfying(ImportFailedException.class, e -> {
                    assertThat(e.problems()).extracting(RowProblem::toString).contains(
                            "orders.csv line 5, field customerID: unknown customer 'NOBODY'",
                            "order-details.csv line 3, field quantity: 'ten' is not a whole number");
                    // The lines of the rejected order are rejected too: their order is unknown.
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p.toString())
                            .startsWith("order-details.csv line").contains("unknown order '10251'"));
                    assertThat(e.getMessage()).startsWith("orders.csv line 5, field customerID")
                            .contains("more problems; nothing was imported");
                });
    }

    @Test
    void aRowWithTooFewFieldsIsAProblemNotAShiftedRow() throws IOException {
        Path dir = TestData.northwindCopy(temp.resolve("nw"));
        TestData.replaceLine(dir.resolve("customers.csv"), 2, "ALFKI,Alfreds Futterkiste,Maria Anders");

        // ALFKI's row is refused, and so are its 6 orders and their 12 lines, which now reference nothing.
        assertThatThrownBy(() -> NorthwindReader.read(dir)).isInstanceOfSatisfying(ImportFailedException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("customers.csv line 2: has 3 fields, the header has 11"
                    + " (and 18 more problems; nothing was imported)");
            assertThat(e.problems().subList(1, 7)).allSatisfy(p ->
                    assertThat(p.toString()).contains("unknown customer 'ALFKI'"));
        });
    }

    @Test
    void aMissingColumnOrFileOrDirectoryIsNamed() throws IOException {
        Path dir = TestData.northwindCopy(temp.resolve("nw"));
        TestData.replaceLine(dir.resolve("products.csv"), 1,
                "productID,name,supplierID,categoryID,quantityPerUnit,unitPrice,unitsInStock,unitsOnOrder,reorderLevel,discontinued");
        assertThatThrownBy(() -> NorthwindReader.read(dir)).hasMessageStartingWith(
                "products.csv line 1: missing column 'productName'");

        Path another = TestData.northwindCopy(temp.resolve("nw2"));
        Files.delete(another.resolve("orders.csv"));
        assertThatThrownBy(() -> NorthwindReader.read(another)).hasMessageContaining("missing input file")
                .hasMessageContaining("orders.csv");

        assertThatThrownBy(() -> NorthwindReader.read(temp.resolve("absent")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aNegativeDiscountAndAZeroQuantityAreRejected() throws IOException {
        Path dir = TestData.northwindCopy(temp.resolve("nw"));
        TestData.replaceLine(dir.resolve("order-details.csv"), 2, "10248,11,14.00,0,0");
        TestData.replaceLine(dir.resolve("order-details.csv"), 4, "10248,72,34.80,5,-0.1");
        assertThatThrownBy(() -> NorthwindReader.read(dir)).isInstanceOfSatisfying(ImportFailedException.class,
                e -> assertThat(e.problems()).extracting(RowProblem::toString).containsExactly(
                        "order-details.csv line 2, field quantity: '0' is not a positive quantity",
                        "order-details.csv line 4, field discount: '-0.1' is not a fraction in [0, 1)"));
    }

    @Test
    void totalRevenueEqualsTheSumOverOrderDetails() {
        // Independent figure: sum of unitPrice x quantity x (1 - discount) over order-details.csv, in decimals.
        BigDecimal expected = dev.custograph.NorthwindCsv.revenue();
        List<OrderLine> lines = NorthwindReader.read(TestData.northwind()).dataset().lines();
        double sum = lines.stream().mapToDouble(OrderLine::amount).sum();
        assertThat(sum).isCloseTo(expected.doubleValue(), org.assertj.core.data.Offset.offset(0.005));
        assertThat(expected.setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("1265793.04");
    }
}
