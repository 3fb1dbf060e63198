package dev.custograph.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.custograph.model.Product;
import dev.custograph.recommend.Recommendation;
import dev.custograph.recommend.Recommender;
import dev.custograph.security.ApiKeys;
import dev.custograph.security.CustomerSignatures;
import dev.custograph.security.GraphQlErrorBody;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recommendation widget's own endpoint, {@code GET /widget/recommendations?customer=ID&first=N}: the same answer
 * as the GraphQL query the widget made before ({@code recommendations { product { id name price } score reasons { kind
 * text product { name } } }}), without GraphQL's cost per request, and cacheable: an ETag over the body, and
 * {@code Cache-Control: private, no-cache}, so a browser keeps the answer but asks each time whether it still holds (a
 * 304 without a body when it does). Not {@code max-age}: a customer who just bought a product must not be offered it
 * again from its browser's cache. Private, because the answer is about one person.
 *
 * <p>Who may ask is what the GraphQL API allows for {@code recommendations}: an admin or analyst key for anyone, an
 * app key for the customer it names in {@code X-Customer-Id}, a widget key for the customer whose id the shop signed
 * ({@code X-Customer-Signature}).
 */
@RestController
class WidgetController {

    /** The most a widget shows. */
    static final int MAX_FIRST = 24;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RecommendationCache recommendations;
    private final EntityCache entities;

    WidgetController(RecommendationCache recommendations, EntityCache entities) {
        this.recommendations = recommendations;
        this.entities = entities;
    }

    @GetMapping(path = "/widget/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> recommendations(@RequestParam(name = "customer", required = false) String customer,
                                           @RequestParam(name = "first", required = false) String first,
                                           @RequestHeader(name = FieldAccess.ACTING_FOR_HEADER, required = false)
                                           String actingFor,
                                           @RequestHeader(name = FieldAccess.SIGNATURE_HEADER, required = false)
                                           String signature) {
        if (customer == null || customer.isBlank()) {
            return error(400, "BAD_REQUEST", "customer: the customer's id is missing (?customer=ID)");
        }
        int count;
        try {
            count = first == null ? 4 : Integer.parseInt(first.trim());
        } catch (NumberFormatException e) {
            return error(400, "BAD_REQUEST", "first: '" + first + "' is not a whole number");
        }
        if (count < 1 || count > MAX_FIRST) {
            return error(400, "BAD_REQUEST", "first: must be 1-" + MAX_FIRST + ", got " + count);
        }
        String refusal = refusal(customer, actingFor, signature);
        if (refusal != null) {
            return error(403, "FORBIDDEN", refusal);
        }
        Rendered answer = recommendations.rendered(customer, count, this::render);
        if (answer.etag() == null) {
            return error(404, "NOT_FOUND", new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok().eTag(answer.etag()).cacheControl(CacheControl.noCache().cachePrivate())
                .varyBy(HttpHeaders.AUTHORIZATION, FieldAccess.SIGNATURE_HEADER, FieldAccess.ACTING_FOR_HEADER)
                .contentType(MediaType.APPLICATION_JSON).body(answer.body());
    }

    /** The answer's body and ETag; for an unknown customer, no ETag and the message as the body. */
    private record Rendered(byte[] body, String etag) {
    }

    /** Rendered once per customer and length, and kept with its recommendations in the cache. */
    private Rendered render(Recommender.Result result) {
        if (!result.customerExists()) {
            return new Rendered(result.message().getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
        }
        byte[] body = JSON.writeValueAsBytes(body(result.recommendations()));
        return new Rendered(body, GraphQlOverHttp.etag(body));
    }

    /** The GraphQL query's answer, field for field, so the widget renders either. */
    private Map<String, Object> body(List<Recommendation> list) {
        Map<String, Product> products = entities.products(list.stream().map(Recommendation::productId).toList());
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Recommendation r : list) {
            Product product = products.get(r.productId());
            if (product == null) {
                continue; // deleted since the list was ranked
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", product.productId());
            p.put("name", product.name());
            p.put("price", product.price());
            List<Map<String, Object>> reasons = new ArrayList<>();
            for (Recommendation.Reason reason : r.reasons()) {
                Map<String, Object> shownReason = new LinkedHashMap<>();
                shownReason.put("kind", reason.kind());
                shownReason.put("text", reason.text());
                // The reason's own product is one the customer bought: its name is in the reason already.
                shownReason.put("product", reason.productId() == null ? null
                        : java.util.Collections.singletonMap("name", reason.productName()));
                reasons.add(shownReason);
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("product", p);
            item.put("score", r.score());
            item.put("reasons", reasons);
            shown.add(item);
        }
        return Map.of("recommendations", shown);
    }

    /** Why the caller may not read this customer's recommendations, or null when it may. */
    private static String refusal(String customer, String actingFor, String signature) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiKeys.Holder holder)) {
            return "an API key is needed";
        }
        return switch (holder.role()) {
            case ADMIN, ANALYST -> null;
            case APP -> customer.equals(actingFor) ? null : "an app key reads the recommendations of the one "
                    + "customer named by " + FieldAccess.ACTING_FOR_HEADER;
            case WIDGET -> {
                CustomerSignatures.Check check = holder.signatures().check(customer, signature,
                        java.time.Instant.now());
                yield check.valid() ? null : "a widget key reads the recommendations of the customer whose id the "
                        + "shop signed in " + FieldAccess.SIGNATURE_HEADER + ": " + check.problem();
            }
        };
    }

    private static ResponseEntity<byte[]> error(int status, String classification, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(GraphQlErrorBody.json(classification, message));
    }
}
