package dev.custograph.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A Relay global id: an object's type and its own key ("Customer:ALFKI") in URL-safe Base64, so one id names one
 * object across every type, where business ids may collide (a customer and a product may both be "P1"). Clients treat
 * it as opaque and pass it back to {@code node(id:)}.
 */
record GlobalId(String type, String key) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encoded() {
        return ENCODER.encodeToString((type + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The id a client sent, or a BAD_REQUEST naming the argument. */
    static GlobalId parse(String argument, String id) {
        GlobalId parsed = tryParse(id);
        if (parsed == null) {
            throw new BadRequestException(argument + ": '" + id + "' is not a node id from this API (ask an object "
                    + "for its nodeId)");
        }
        return parsed;
    }

    /** The id, or null if it is not one this API made. */
    static GlobalId tryParse(String id) {
        if (id == null || id.length() > 1000) {
            return null;
        }
        String text;
        try {
            text = new String(DECODER.decode(id.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        return new GlobalId(text.substring(0, colon), text.substring(colon + 1));
    }
}
