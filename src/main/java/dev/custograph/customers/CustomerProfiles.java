package dev.custograph.customers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.custograph.audit.Actor;
import dev.custograph.audit.AuditEntry;
import dev.custograph.audit.AuditLog;
import dev.custograph.graph.Graph;
import dev.custograph.graph.GraphChange;
import dev.custograph.graph.Row;
import dev.custograph.ingest.Standardiser;
import dev.custograph.model.ValueRules;

/**
 * Creating a customer or changing its profile (the API's {@code upsertCustomer}). Values are put into the same form
 * an import gives them (trimmed; email lower-cased; phone in E.164 for the customer's country; country as its ISO
 * English name), but unlike an import, a value that cannot be read is refused, naming the field, and nothing is
 * written. Only the fields sent change; a field sent as null is removed. The change and its audit entry are written
 * in one transaction.
 */
public final class CustomerProfiles {

    /** The profile fields a caller may set. */
    public static final Set<String> FIELDS = Set.of("name", "contactName", "email", "phone", "address", "city",
            "postalCode", "region", "country", "registeredAt", "birthDate");

    /** What an upsert did. */
    public record Upserted(String customerId, boolean created, List<String> changedFields) {
    }

    private final Graph graph;
    private final ValueRules.DateWindow dates;

    public CustomerProfiles(Graph graph, ValueRules.DateWindow dates) {
        this.graph = graph;
        this.dates = dates;
    }

    /**
     * Creates customer {@code customerId} or changes the fields in {@code changes} (field name to new value, null to
     * remove it).
     */
    public Upserted upsert(String customerId, Map<String, Object> changes, Actor actor) {
        String id = checkedId(customerId);
        Map<String, Object> standard = standardised(changes);
        return graph.inWriteTransaction(tx -> {
            Row state = tx.readRows("customers/customer-for-change", Map.of("customerId", id)).get(0);
            if (!state.isNull("mergedInto") && !Boolean.TRUE.equals(state.boolOrNull("live"))) {
                throw new CustomerChangeRejectedException("id: customer " + id + " was merged into "
                        + state.string("mergedInto") + "; change that customer, or unmerge first");
            }
            boolean created = !Boolean.TRUE.equals(state.boolOrNull("live"));
            if (standard.get("phone") != null) {
                // Read with the country sent, else the stored one, as an import reads a row's phone.
                Object country = standard.containsKey("country") ? standard.get("country")
                        : properties(state).get("country");
                standard.put("phone", phone(standard.get("phone"), (String) country));
            }
            tx.write("customers/upsert-customer", Map.of("customerId", id, "changes",
                    tx.names().withKey(new HashMap<>(standard)),
                    "at", OffsetDateTime.now(ZoneOffset.UTC)), new GraphChange.CustomersChanged(List.of(id)));
            List<String> fields = List.copyOf(new TreeSet<>(standard.keySet()));
            Graph.Statement audit = AuditLog.statement(List.of(AuditEntry.now(actor, created ? "create" : "update",
                    List.of(id), fields, "upsertCustomer")));
            tx.write(audit.name(), audit.parameters(), audit.change());
            return new Upserted(id, created, fields);
        });
    }

    static String checkedId(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new CustomerChangeRejectedException("id: must not be empty");
        }
        ValueRules.Problem problem = ValueRules.idProblem(customerId.strip());
        if (problem != null) {
            throw new CustomerChangeRejectedException("id: " + problem.message());
        }
        return customerId.strip();
    }

    private Map<String, Object> standardised(Map<String, Object> changes) {
        Standardiser standardiser = new Standardiser();
        Map<String, Object> standard = new HashMap<>();
        for (Map.Entry<String, Object> change : changes.entrySet()) {
            String field = change.getKey();
            if (!FIELDS.contains(field)) {
                throw new CustomerChangeRejectedException(field + ": not a customer field (one of "
                        + new TreeSet<>(FIELDS) + ")");
            }
            Object value = change.getValue();
            if (value == null) {
                standard.put(field, null);
                continue;
            }
            ValueRules.Problem problem = field.equals("email") || field.equals("phone")
                    ? ValueRules.contactProblem(value.toString()) : ValueRules.textProblem(value.toString());
            if (problem != null) {
                throw new CustomerChangeRejectedException(field + ": " + problem.message());
            }
            standard.put(field, switch (field) {
                case "registeredAt" -> checked(field, date(field, value),
                        dates.problem(date(field, value), LocalDate.now()));
                case "birthDate" -> checked(field, date(field, value),
                        ValueRules.birthDateProblem(date(field, value), LocalDate.now()));
                case "email" -> {
                    Standardiser.Checked email = standardiser.email(value.toString());
                    if (email.value() == null) {
                        throw new CustomerChangeRejectedException("email: '" + value + "' is not an email address");
                    }
                    yield email.value();
                }
                case "country" -> {
                    Standardiser.Country country = standardiser.country(value.toString());
                    if (country == null) {
                        throw new CustomerChangeRejectedException("country: '" + value
                                + "' is not a country name or ISO code we know");
                    }
                    yield country.name();
                }
                case "phone" -> value.toString().strip();
                default -> standardiser.text(value.toString());
            });
        }
        if (standard.isEmpty()) {
            throw new CustomerChangeRejectedException("input: no field to set; send at least one of "
                    + new TreeSet<>(FIELDS));
        }
        return standard;
    }

    private static Map<String, Object> properties(Row state) {
        Map<String, Object> properties = state.map("properties");
        return properties == null ? Map.of() : properties;
    }

    /** E.164 when libphonenumber can read it (with the country as default region); else refused. */
    private static String phone(Object value, String countryName) {
        Standardiser standardiser = new Standardiser();
        Standardiser.Country country = countryName == null ? null : standardiser.country(countryName);
        Standardiser.Checked phone = standardiser.phone(value.toString(), country);
        if (phone.value() != null) {
            return phone.value();
        }
        throw new CustomerChangeRejectedException("phone: '" + value + "' is not a valid phone number"
                + (country == null ? " (give it with its +country code, or give the customer a country)"
                : " for " + country.name()));
    }

    private static LocalDate checked(String field, LocalDate date, ValueRules.Problem problem) {
        if (problem != null) {
            throw new CustomerChangeRejectedException(field + ": " + problem.message());
        }
        return date;
    }

    private static LocalDate date(String field, Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CustomerChangeRejectedException(field + ": '" + value + "' is not a date (yyyy-mm-dd)");
        }
    }
}
