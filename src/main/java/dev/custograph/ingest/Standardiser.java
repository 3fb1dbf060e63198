package dev.custograph.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.custograph.model.ValueRules;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Puts values from any source into one form, and counts every change it makes (so nothing is "fixed" silently):
 * whitespace trimmed and collapsed; emails lower-cased and checked; phones to E.164 with libphonenumber, using the
 * row's country as the default region; countries to ISO 3166 (English name and alpha-2 code, from names, codes and a
 * few common aliases such as EIRE, USA, RSA); dates from ISO forms and {@code yyyymmdd}, checked strictly (no
 * 30 February); decimals with either separator where unambiguous ({@code 12,5} is 12.5; {@code 1,250} could be
 * either and is refused).
 *
 * <p>An email or phone that cannot be read does not reject the row: the value is kept as {@code emailRaw} /
 * {@code phoneRaw} and counted; a country that cannot be recognised is kept as written and counted.
 *
 * <p>One instance per reader: it counts, and remembers the last phone it read, without locks.
 */
public final class Standardiser {

    /** A country as stored: English name and ISO 3166-1 alpha-2 code. */
    public record Country(String name, String code) {
    }

    /**
     * An email or phone after standardising: {@code value} is the normal form, or null when the input is empty or
     * invalid; {@code raw} is the input as written (whitespace collapsed) when it was invalid, so it is kept, not lost.
     */
    public record Checked(String value, String raw) {
        static final Checked EMPTY = new Checked(null, null);
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Map<String, Country> COUNTRIES = countries();
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SPACE_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss][.SSS]")
            .withResolverStyle(ResolverStyle.STRICT);

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    // The last phone read and its result: a file's lines repeat their customer's phone line after line, and
    // libphonenumber's parse is the dearest check of a row (profiled); one entry keeps a hit rate near the lines
    // per customer at no memory cost.
    private String lastPhone;
    private String lastPhoneRegion;
    private Checked lastPhoneResult;
    private final Map<String, Long> counts = new TreeMap<>();
    private final ValueRules.DateWindow dates;
    private final LocalDate today;

    /** With the default window for event dates (1900-01-01 to tomorrow). */
    public Standardiser() {
        this(ValueRules.DateWindow.DEFAULT, LocalDate.now());
    }

    /** With the window {@code dates} for the dates of orders and other events, as of {@code today}. */
    public Standardiser(ValueRules.DateWindow dates, LocalDate today) {
        this.dates = dates;
        this.today = today;
    }

    /** How many values were changed or could not be standardised, by kind. */
    Map<String, Long> counts() {
        return counts;
    }

    /** Trimmed, inner whitespace collapsed; null for an empty value. */
    public String text(String value) {
        if (value == null) {
            return null;
        }
        if (alreadyCollapsed(value)) {
            return value;
        }
        String collapsed = WHITESPACE.matcher(value.strip()).replaceAll(" ");
        return collapsed.isEmpty() ? null : collapsed;
    }

    /**
     * Whether {@link #text} would return the value unchanged: not empty, no whitespace at either end, and inside it
     * only single spaces. Nearly every value of a file is like that, and this scan costs a fraction of the regex
     * (which was the largest single cost of reading a large file, profiled).
     */
    private static boolean alreadyCollapsed(String value) {
        int n = value.length();
        if (n == 0 || Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(n - 1))) {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c <= ' ' && (c != ' ' || previous == ' ')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /**
     * A lower-cased email; one that does not look like an email is counted as {@code emailsInvalid}. One holding a
     * control character (a NUL, say) is not kept even as written: it is a {@code control_character} problem.
     */
    public Checked email(String value) {
        refuseControlCharacters("email", value);
        String email = text(value);
        if (email == null) {
            return Checked.EMPTY;
        }
        String lower = email.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(lower).matches()) {
            count("emailsInvalid");
            return new Checked(null, email);
        }
        if (!lower.equals(email)) {
            count("emailsLowerCased");
        }
        return new Checked(lower, null);
    }

    /** E.164 ({@code +4930123456}); one in which libphonenumber finds no valid number is counted as invalid. */
    public Checked phone(String value, Country country) {
        refuseControlCharacters("phone", value);
        String phone = text(value);
        if (phone == null) {
            return Checked.EMPTY;
        }
        String region = country == null ? "ZZ" : country.code();
        if (!phone.equals(lastPhone) || !region.equals(lastPhoneRegion)) {
            lastPhone = phone;
            lastPhoneRegion = region;
            lastPhoneResult = parsedPhone(phone, region);
        }
        if (lastPhoneResult.value() == null) {
            count("phonesInvalid");
        } else if (!lastPhoneResult.value().equals(phone)) {
            count("phonesNormalised");
        }
        return lastPhoneResult;
    }

    private Checked parsedPhone(String phone, String region) {
        try {
            PhoneNumber number = phones.parse(phone, region);
            if (phones.isValidNumber(number)) {
                return new Checked(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164), null);
            }
        } catch (NumberParseException e) {
            // Not a number libphonenumber can read: invalid, kept as written.
        }
        return new Checked(null, phone);
    }

    /** The ISO country for a name, code or alias; null if unknown (counted as {@code countriesUnrecognised}). */
    public Country country(String value) {
        String name = text(value);
        if (name == null) {
            return null;
        }
        Country country = COUNTRIES.get(name.toLowerCase(Locale.ROOT));
        if (country == null) {
            count("countriesUnrecognised");
            return null;
        }
        if (!country.name().equals(name)) {
            count("countriesRenamed");
        }
        return country;
    }

    /** A date or date-time in an unambiguous form; the time of day, if any, is returned too. */
    LocalDateTime dateTime(String field, String value) {
        String text = text(value);
        if (text == null) {
            throw new CsvRow.BadValue(field, null, "missing_value", "is empty but required");
        }
        try {
            if (text.length() == 19 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(13) == ':'
                    && text.charAt(16) == ':' && (text.charAt(10) == ' ' || text.charAt(10) == 'T')) {
                // The common export form yyyy-mm-dd hh:mm:ss, without a formatter (it is most of the parsing time).
                return LocalDateTime.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10),
                        digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19));
            }
            if (text.length() == 8) {
                return LocalDate.parse(text, BASIC_DATE).atStartOfDay();
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            if (text.charAt(10) == ' ') {
                return LocalDateTime.parse(text, SPACE_DATE_TIME);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return OffsetDateTime.parse(text).toLocalDateTime();
            }
            return LocalDateTime.parse(text);
        } catch (java.time.DateTimeException | StringIndexOutOfBoundsException | NumberFormatException e) {
            throw new CsvRow.BadValue(field, text, "not_a_date", "'" + CsvRow.shorten(text)
                    + "' is not a valid date (expected yyyy-mm-dd, yyyy-mm-dd hh:mm[:ss] or yyyymmdd)");
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The date of an order (or another event): a date within the import's window (1900-01-01 to tomorrow). */
    LocalDateTime eventDate(String field, String value) {
        LocalDateTime at = dateTime(field, value);
        refuse(field, value, dates.problem(at.toLocalDate(), today));
        return at;
    }

    /** A unit price: a decimal from 0 to {@link ValueRules#MAX_UNIT_PRICE}. */
    BigDecimal unitPrice(String field, String value) {
        BigDecimal price = decimal(field, value);
        refuse(field, value, ValueRules.unitPriceProblem(price));
        return price;
    }

    /** A whole quantity of at most {@link ValueRules#MAX_QUANTITY} units either way. */
    long quantity(String field, String value) {
        refuse(field, value, ValueRules.quantityProblem(decimal(field, value)));
        return whole(field, value);
    }

    private void refuseControlCharacters(String field, String value) {
        refuse(field, value, ValueRules.contactProblem(value));
    }

    /** Makes a broken rule the row's problem, with the value as written. */
    private void refuse(String field, String value, ValueRules.Problem problem) {
        if (problem != null) {
            throw new CsvRow.BadValue(field, text(value), problem.reason(), problem.message());
        }
    }

    /** A decimal written with '.' or ',' as separator; thousands separators only together with the other one. */
    BigDecimal decimal(String field, String value) {
        String text = text(value);
        if (text == null) {
            throw new CsvRow.BadValue(field, null, "missing_value", "is empty but required");
        }
        String normal = text;
        int comma = text.lastIndexOf(',');
        int dot = text.lastIndexOf('.');
        if (comma >= 0 && dot >= 0) {
            normal = comma > dot ? text.replace(".", "").replace(',', '.') : text.replace(",", "");
            count("numbersWithThousandsSeparator");
        } else if (comma >= 0) {
            if (text.indexOf(',') != comma || text.length() - comma - 1 == 3) {
                throw new CsvRow.BadValue(field, text, "ambiguous_number", "'" + CsvRow.shorten(text)
                        + "' is ambiguous: is ',' a decimal or a thousands separator?");
            }
            normal = text.replace(',', '.');
            count("numbersWithDecimalComma");
        }
        try {
            return new BigDecimal(normal);
        } catch (NumberFormatException e) {
            throw new CsvRow.BadValue(field, text, "not_a_number", "'" + CsvRow.shorten(text) + "' is not a number");
        }
    }

    /** A whole number; "3.0" is accepted as 3 (and counted), "3.5" is not. */
    long whole(String field, String value) {
        BigDecimal number = decimal(field, value);
        try {
            long whole = number.longValueExact();
            if (number.scale() > 0) {
                count("wholeNumbersWrittenAsDecimals");
            }
            return whole;
        } catch (ArithmeticException e) {
            throw new CsvRow.BadValue(field, value, "not_a_whole_number", "'" + CsvRow.shorten(value)
                    + "' is not a whole number");
        }
    }

    void count(String what) {
        counts.merge(what, 1L, Long::sum);
    }

    private static Map<String, Country> countries() {
        Map<String, Country> byName = new HashMap<>();
        Map<String, String> preferredNames = Map.of("US", "United States", "GB", "United Kingdom",
                "HK", "Hong Kong", "MO", "Macao", "CZ", "Czech Republic", "KR", "South Korea");
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            Country country = new Country(preferredNames.getOrDefault(code, locale.getDisplayCountry(Locale.ENGLISH)),
                    code);
            byName.put(country.name().toLowerCase(Locale.ROOT), country);
            byName.put(locale.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), country);
            byName.put(code.toLowerCase(Locale.ROOT), country);
            byName.put(locale.getISO3Country().toLowerCase(Locale.ROOT), country);
        }
        Map<String, String> aliases = Map.of("eire", "IE", "usa", "US", "uk", "GB", "rsa", "ZA",
                "great britain", "GB", "england", "GB", "czechia", "CZ", "holland", "NL", "the netherlands", "NL");
        aliases.forEach((alias, code) -> byName.put(alias, byName.get(code.toLowerCase(Locale.ROOT))));
        return Map.copyOf(byName);
    }
}
