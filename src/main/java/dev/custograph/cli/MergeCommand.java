package dev.custograph.cli;

import java.util.concurrent.Callable;

import dev.custograph.graph.GraphConnection;
import dev.custograph.identity.CustomerMerges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code custograph merge --survivor A --merged B}: two customer records are one person. {@code --undo} reverses
 * the merge of B into A (manual or made by an import's identity resolution).
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge one customer into another (orders and identities move to the survivor, which keeps its "
                + "own values and fills the ones it lacks; the merge is logged), or undo such a merge with --undo.")
public final class MergeCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--survivor", required = true, paramLabel = "ID", description = "The customer that remains.")
    String survivorId;

    @Option(names = "--merged", required = true, paramLabel = "ID", description = "The customer merged into it.")
    String mergedId;

    @Option(names = "--undo", description = "Undo the merge of --merged into --survivor instead.")
    boolean undo;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the merge log (default: manual).")
    String reason;

    @Mixin
    JsonOutput output;

    @Override
    public Integer call() {
        try (GraphConnection db = connection.open()) {
            CustomerMerges merges = new CustomerMerges(db.graph());
            Object result;
            String summary;
            if (undo) {
                CustomerMerges.UnmergeResult r = merges.unmerge(survivorId, mergedId);
                result = r;
                summary = String.format("restored %s from %s: %d identities and %d orders moved back, fields cleared"
                        + " on %s: %s", r.restoredId(), r.survivorId(), r.identitiesMoved(), r.ordersMoved(),
                        r.survivorId(), r.clearedFields());
            } else {
                CustomerMerges.MergeResult r = merges.merge(survivorId, mergedId, reason);
                result = r;
                summary = String.format("merged %s into %s (merge %s): %d identities and %d orders moved, fields "
                        + "filled: %s", r.mergedId(), r.survivorId(), r.mergeId(), r.identitiesMoved(),
                        r.ordersMoved(), r.filledFields());
            }
            if (!output.printed(result)) {
                System.out.println(summary);
            }
        }
        return 0;
    }
}
