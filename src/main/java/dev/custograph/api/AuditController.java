package dev.custograph.api;

import java.util.List;

import dev.custograph.audit.AuditEntry;
import dev.custograph.audit.AuditLog;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** auditLog: the audit log of personal data, newest first, for admins (FieldAccess refuses everyone else). */
@Controller
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @QueryMapping
    Connection<AuditEntry> auditLog(@Argument String customerId, @Argument String actor, @Argument Integer first,
                                    @Argument String after, @Argument Integer last, @Argument String before,
                                    DataFetchingFieldSelectionSet selection) {
        Paging paging = Paging.of(first, after, last, before, PageRequest.MAX_PAGE_SIZE);
        List<AuditEntry> read = audit.entries(customerId, actor, paging.cursor(), paging.backward(), paging.size() + 1);
        boolean more = read.size() > paging.size();
        return paging.connection(read.subList(0, Math.min(paging.size(), read.size())), more, AuditEntry::entryId,
                entry -> entry, selection.contains("totalCount") ? audit.count(customerId, actor) : null);
    }

    @SchemaMapping(typeName = "AuditEntry", field = "id")
    String id(AuditEntry entry) {
        return entry.entryId();
    }

    @SchemaMapping(typeName = "AuditEntry", field = "at")
    String at(AuditEntry entry) {
        return entry.at().toString();
    }
}
