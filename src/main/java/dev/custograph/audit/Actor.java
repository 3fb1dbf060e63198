package dev.custograph.audit;

/** Who did something, as the audit log names them: the API key's name and its role (or "cli" for the command line). */
public record Actor(String name, String role) {

    public static final Actor COMMAND_LINE = new Actor("cli", "admin");
}
