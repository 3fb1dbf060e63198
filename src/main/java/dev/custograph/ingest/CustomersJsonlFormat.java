package dev.custograph.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.custograph.graph.Graph;
import dev.custograph.model.ValueRules;
import dev.custograph.identity.CustomerRecord;
import dev.custograph.identity.IdentityResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code customers-jsonl}: one JSON object per line, a customer profile as CRM systems export them. Fields:
 * {@code id, name, email, phone, address, country, birthDate, source, externalId, attributes}; blank lines are
 * skipped.
 * <ul>
 *   <li>The profile's identity is {@code (source, externalId)}. {@code source} defaults to the import's
 *       {@code --source} (default {@code crm}). Without {@code externalId}, {@code id} is the profile's id in that
 *       source. With both, {@code id} is a Custograph customer id the profile is explicitly linked to (the CRM
 *       already knows which of our customers it is): the identity joins that customer, which is created if missing.
 *   <li>Ids may be JSON strings or whole numbers; other fields must be strings (or null).
 *   <li>{@code email}, {@code phone} (with {@code country} as the default region) and {@code country} are
 *       standardised; invalid emails and phones are kept as {@code emailRaw} / {@code phoneRaw} and counted.
 *   <li>{@code birthDate} is a date in the past, not before 1900.
 *   <li>{@code attributes} is an object of numeric customer attributes a source measures (the seed's browsing
 *       minutes and rating, say), stored as customer properties of those names, where {@code segment --features}
 *       and {@code churn --features} find them. Names are letters, digits and _ (starting with a letter) and may not
 *       be a field above or a value analytics write; values are numbers or null.
 *   <li>Fields outside this list are ignored and counted ({@code unknownFieldsIgnored}).
 * </ul>
 * A line that is not a JSON object, or breaks a rule above, is rejected with its line number and field.
 */
final class CustomersJsonlFormat implements LineFormat<ProfileRow> {

    static final String DEFAULT_SOURCE = "crm";
    private static final Set<String> FIELDS = Set.of("id", "name", "email", "phone", "address", "country",
            "birthDate", "source", "externalId", "attributes");
    /** Properties an attribute may not overwrite: the profile's own and those analytics runs write. */
    private static final Set<String> RESERVED = Set.of("customerId", "name", "email", "emailRaw", "phone", "phoneRaw",
            "address", "city", "postalCode", "region", "country", "birthDate", "registeredAt", "contactName",
            "recencyDays", "frequency", "monetary", "tenureDays", "avgOrderValue", "rfmR", "rfmF", "rfmM", "rfmScore",
            "rfmSegment", "pAlive", "expectedPurchases", "expectedAvgSpend", "clv", "chaf", "purchaseDays",
            "firstPurchase", "lastPurchase", "valueRunId", "valueAsOf", "churnProbability", "churnRunId", "churnAsOf",
            "churnHorizonDays");
    private static final java.util.regex.Pattern ATTRIBUTE_NAME = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final Standardiser standardiser;
    private final String defaultSource;
    private final JsonMapper json = JsonMapper.builder().build();

    CustomersJsonlFormat(Standardiser standardiser, String defaultSource) {
        this.standardiser = standardiser;
        this.defaultSource = defaultSource == null ? DEFAULT_SOURCE : defaultSource;
    }

    @Override
    public void read(String fileName, Reader reader, Sink<ProfileRow> sink) {
        BufferedReader lines = new BufferedReader(reader, 1 << 16);
        long number = 0;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(new ProfileRow(fileName, number, profile(line)));
                } catch (CsvRow.BadValue bad) {
                    sink.reject(new RowProblem(fileName, number, bad.field(), bad.value(), bad.reason(),
                            bad.getMessage()));
                } catch (RuntimeException unreadable) {
                    // Whatever else a line can hold that the checks above did not foresee, it is that line's problem:
                    // one bad line never aborts an import.
                    sink.reject(new RowProblem(fileName, number, null, line, "unreadable", "cannot be read as a "
                            + "profile: " + unreadable.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw InputFile.failure(fileName, number + 1, e);
        }
    }

    CustomerRecord profile(String line) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            throw new CsvRow.BadValue(null, line, "not_json", "is not a JSON object: "
                    + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new CsvRow.BadValue(null, line, "not_json", "is not a JSON object");
        }
        for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext(); ) {
            if (!FIELDS.contains(names.next())) {
                standardiser.count("unknownFieldsIgnored");
            }
        }
        String id = id(node, "id");
        String externalId = id(node, "externalId");
        if (id == null && externalId == null) {
            throw new CsvRow.BadValue("externalId", null, "missing_value",
                    "is empty but required (give externalId, or id)");
        }
        String source = text(node, "source");
        Standardiser.Country country = standardiser.country(text(node, "country"));
        String countryName = country == null ? text(node, "country") : country.name();
        Standardiser.Checked email = standardiser.email(text(node, "email"));
        Standardiser.Checked phone = standardiser.phone(text(node, "phone"), country);
        LocalDate birthDate = birthDate(text(node, "birthDate"));
        Map<String, Object> properties = new java.util.HashMap<>(GraphLoader.withoutNulls("name", text(node, "name"),
                "email", email.value(), "emailRaw", email.raw(), "phone", phone.value(), "phoneRaw", phone.raw(),
                "address", text(node, "address"), "country", countryName, "birthDate", birthDate));
        properties.putAll(attributes(node.get("attributes")));
        return new CustomerRecord(source == null ? defaultSource : source, externalId == null ? id : externalId,
                externalId == null ? null : id, email.value(), phone.value(), properties);
    }

    /** The numeric attributes, checked: names that are free to use, values that are finite numbers. */
    private static Map<String, Object> attributes(JsonNode attributes) {
        if (attributes == null || attributes.isNull()) {
            return Map.of();
        }
        if (!attributes.isObject()) {
            throw new CsvRow.BadValue("attributes", attributes.toString(), "wrong_type",
                    "must be an object of numbers, not " + attributes.getNodeType().name().toLowerCase());
        }
        Map<String, Object> values = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> e : attributes.properties()) {
            String name = e.getKey();
            String field = "attributes." + name;
            if (!ATTRIBUTE_NAME.matcher(name).matches()) {
                throw new CsvRow.BadValue(field, name, "bad_name", "'" + name + "' is not a usable attribute name "
                        + "(letters, digits and _, starting with a letter, at most 64)");
            }
            if (RESERVED.contains(name)) {
                throw new CsvRow.BadValue(field, name, "reserved_name", "'" + name + "' is a profile field or an "
                        + "analytics result, not an attribute");
            }
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                String written = value.isString() ? value.stringValue() : value.toString();
                throw new CsvRow.BadValue(field, written, "not_a_number", "'" + written + "' is not a number");
            }
            values.put(name, value.isIntegralNumber() && value.canConvertToLong() ? (Object) value.longValue()
                    : (Object) value.doubleValue());
        }
        return values;
    }

    /** An id: a string, or a whole number written without a fraction. */
    private String id(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return checkedId(field, value.asString());
        }
        if (value.isNumber()) {
            if (!Double.isFinite(value.doubleValue())) {
                throw new CsvRow.BadValue(field, value.toString(), "not_a_whole_number",
                        "'" + CsvRow.shorten(value.toString()) + "' is too large to be an id");
            }
            BigDecimal decimal = value.decimalValue();
            try {
                return checkedId(field, decimal.toBigIntegerExact().toString());
            } catch (ArithmeticException e) {
                throw new CsvRow.BadValue(field, decimal.toPlainString(), "not_a_whole_number",
                        "'" + decimal.toPlainString() + "' is not a whole number or a string");
            }
        }
        return checkedId(field, text(node, field));
    }

    private static String checkedId(String field, String id) {
        ValueRules.Problem problem = ValueRules.idProblem(id);
        if (problem != null) {
            throw new CsvRow.BadValue(field, id, problem.reason(), problem.message());
        }
        return id;
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new CsvRow.BadValue(field, value.toString(), "wrong_type",
                    "must be a string, not " + value.getNodeType().name().toLowerCase());
        }
        ValueRules.Problem problem = field.equals("email") || field.equals("phone")
                ? ValueRules.contactProblem(value.stringValue()) : ValueRules.textProblem(value.stringValue());
        if (problem != null) {
            throw new CsvRow.BadValue(field, value.stringValue(), problem.reason(), problem.message());
        }
        return standardiser.text(value.stringValue());
    }

    private LocalDate birthDate(String value) {
        if (value == null) {
            return null;
        }
        LocalDate date = standardiser.dateTime("birthDate", value).toLocalDate();
        ValueRules.Problem problem = ValueRules.birthDateProblem(date, LocalDate.now());
        if (problem != null) {
            throw new CsvRow.BadValue("birthDate", value, problem.reason(), problem.message());
        }
        return date;
    }

    /** Writes a batch of profiles in one transaction, through identity resolution. */
    static LoadCounts write(Graph graph, List<ProfileRow> rows) {
        List<CustomerRecord> profiles = rows.stream().map(ProfileRow::record).toList();
        IdentityResolver.Outcome outcome = graph.inWriteTransaction(
                tx -> IdentityResolver.resolveAndWrite(tx, profiles));
        return new LoadCounts(outcome.customersCreated(), 0, 0, outcome.customersMerged(), outcome.total());
    }
}
