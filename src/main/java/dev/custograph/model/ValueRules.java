package dev.custograph.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bounds every way into the graph holds values to (an import row, an API mutation), so that whatever is stored
 * can be summed without overflowing to Infinity, indexed without passing Neo4j's key size, and shown without
 * surprises. Each check returns a {@link Problem} (a reason code for reports, and what is wrong in words a person
 * can act on) or null when the value is fine; each entry point names the field in its own way (a CSV column, a
 * GraphQL argument).
 */
public final class ValueRules {

    /** Why a value is refused: {@code reason} is a code (out_of_range, too_long, control_character). */
    public record Problem(String reason, String message) {
    }

    /** The highest unit price accepted: far above any retail price, and a line total stays finite. */
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000");
    /** The most units on one line (negative on a cancellation, down to minus this). */
    public static final long MAX_QUANTITY = 1_000_000;
    /** Longest id (customer, order, product, line, source): well inside Neo4j's index key size. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest free text (names, addresses, descriptions), at up to 4 bytes a character inside the key size. */
    public static final int MAX_TEXT_LENGTH = 500;
    /** No one alive was born before this. */
    public static final LocalDate OLDEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    private ValueRules() {
    }

    /** A unit price from 0 to {@link #MAX_UNIT_PRICE}. */
    public static Problem unitPriceProblem(BigDecimal price) {
        if (price.signum() < 0) {
            return new Problem("negative_price", "price " + price.toPlainString() + " is negative");
        }
        if (price.compareTo(MAX_UNIT_PRICE) > 0) {
            return new Problem("out_of_range", "price " + shortNumber(price) + " is over the limit of "
                    + MAX_UNIT_PRICE.toPlainString());
        }
        return null;
    }

    /** A quantity of at most {@link #MAX_QUANTITY} units either way. */
    public static Problem quantityProblem(BigDecimal quantity) {
        if (quantity.abs().compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            return new Problem("out_of_range", "quantity " + shortNumber(quantity) + " is over the limit of "
                    + MAX_QUANTITY + " units");
        }
        return null;
    }

    /** Free text: at most {@link #MAX_TEXT_LENGTH} characters, no control characters but tab and line breaks. */
    public static Problem textProblem(String text) {
        return lengthOrControl(text, MAX_TEXT_LENGTH, true);
    }

    /** An id: at most {@link #MAX_ID_LENGTH} characters, no control characters at all. */
    public static Problem idProblem(String id) {
        return lengthOrControl(id, MAX_ID_LENGTH, false);
    }

    /** An email or a phone: no control characters at all (a NUL would hide what follows it from most tools). */
    public static Problem contactProblem(String value) {
        return lengthOrControl(value, MAX_TEXT_LENGTH, false);
    }

    /** A birth date from {@link #OLDEST_BIRTH_DATE} to {@code today}. */
    public static Problem birthDateProblem(LocalDate date, LocalDate today) {
        if (date.isBefore(OLDEST_BIRTH_DATE) || date.isAfter(today)) {
            return new Problem("out_of_range", "birth date " + date + " is not between " + OLDEST_BIRTH_DATE
                    + " and today");
        }
        return null;
    }

    /**
     * The dates an order, a registration or any event may carry: from {@code earliest} to {@code daysAhead} days
     * after today (1900-01-01 to tomorrow by default: a shop a time zone ahead may already be in tomorrow). A date
     * outside it (9999-12-31 as "no end", 0001-01-01 as "unknown") would make every recency and tenure meaningless.
     */
    public record DateWindow(LocalDate earliest, int daysAhead) {

        public static final DateWindow DEFAULT = new DateWindow(LocalDate.of(1900, 1, 1), 1);

        public DateWindow {
            if (daysAhead < 0) {
                throw new IllegalArgumentException("the days a date may lie ahead must be 0 or more, was "
                        + daysAhead);
            }
        }

        public LocalDate latest(LocalDate today) {
            return today.plusDays(daysAhead);
        }

        public Problem problem(LocalDate date, LocalDate today) {
            if (date.isBefore(earliest) || date.isAfter(latest(today))) {
                return new Problem("out_of_range", "date " + date + " is not between " + earliest + " and "
                        + latest(today));
            }
            return null;
        }
    }

    private static Problem lengthOrControl(String value, int maxLength, boolean lineBreaksAllowed) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return new Problem("too_long", "is " + value.length() + " characters long, over the limit of "
                    + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = lineBreaksAllowed && (c == '\t' || c == '\n' || c == '\r');
            if (Character.isISOControl(c) && !allowed) {
                return new Problem("control_character", "holds the control character U+"
                        + String.format("%04X", (int) c) + " at position " + (i + 1));
            }
        }
        return null;
    }

    private static String shortNumber(BigDecimal number) {
        String plain = number.toPlainString();
        return plain.length() <= 20 ? plain : number.toString();
    }
}
