package dev.custograph.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Relay object identification: {@code node(id:)} and {@code nodes(ids:)} fetch any {@link Nodes} type again by the
 * global id its {@code nodeId} field gave. The objects come from the same caches as the type's own query, and their
 * fields are resolved (and guarded by {@link FieldAccess}) as they are everywhere else.
 */
@Controller
class NodeController {

    static final int MAX_NODES = 100;

    private final Nodes nodes;

    NodeController(Nodes nodes) {
        this.nodes = nodes;
    }

    @QueryMapping
    Object node(@Argument String id) {
        GlobalId globalId = GlobalId.parse("id", id);
        return nodes.load(List.of(globalId)).get(globalId);
    }

    @QueryMapping
    List<Object> nodes(@Argument List<String> ids) {
        if (ids.size() > MAX_NODES) {
            throw new BadRequestException("ids: at most " + MAX_NODES + " at a time, got " + ids.size());
        }
        List<GlobalId> parsed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            parsed.add(GlobalId.parse("ids[" + i + "]", ids.get(i)));
        }
        Map<GlobalId, Object> found = nodes.load(parsed);
        List<Object> result = new ArrayList<>();
        parsed.forEach(id -> result.add(found.get(id)));
        return result;
    }
}
