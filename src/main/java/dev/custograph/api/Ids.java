package dev.custograph.api;

/** Checks of id arguments shared by the controllers. */
final class Ids {

    private Ids() {
    }

    static String require(String id, String argument) {
        if (id == null || id.isBlank()) {
            throw new BadRequestException(argument + " must not be empty");
        }
        return id.strip();
    }
}
