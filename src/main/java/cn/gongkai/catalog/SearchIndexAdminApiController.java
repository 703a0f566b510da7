package cn.gongkai.catalog;

import cn.gongkai.audit.AuditRecord;
import cn.gongkai.audit.AuditTrail;
import cn.gongkai.org.Role;
import cn.gongkai.org.StaffPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The search index's operations for the system administrator: check it against the database, or rebuild it. */
@RestController
@RequestMapping(path = "/api/v1/admin/search", produces = "application/json")
class SearchIndexAdminApiController {

    private final SearchIndexSync sync;
    private final AuditTrail audit;

    SearchIndexAdminApiController(SearchIndexSync sync, AuditTrail audit) {
        this.sync = sync;
        this.audit = audit;
    }

    @PostMapping("/check")
    @Operation(summary = "Compare the catalog in PostgreSQL with the search index and repair what differs (ADMIN)")
    Map<String, Object> check(@AuthenticationPrincipal StaffPrincipal me) {
        requireAdmin(me);
        SearchIndexSync.Report r = sync.check();
        audit.record(AuditRecord.of(me.agencyId(), "SEARCH_INDEX_CHECKED", "SEARCH_INDEX", "catalog",
                "added " + r.added() + ", removed " + r.removed() + ", refreshed " + r.refreshed()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inDatabase", r.inDatabase());
        body.put("inIndex", r.inIndex());
        body.put("added", r.added());
        body.put("removed", r.removed());
        body.put("refreshed", r.refreshed());
        return body;
    }

    @PostMapping("/reindex")
    @Operation(summary = "Rebuild the whole search index from PostgreSQL (ADMIN); answers when it is done")
    Map<String, Object> reindex(@AuthenticationPrincipal StaffPrincipal me) throws InterruptedException {
        requireAdmin(me);
        long indexed = sync.reindex();
        audit.record(AuditRecord.of(me.agencyId(), "SEARCH_REINDEXED", "SEARCH_INDEX", "catalog",
                indexed + " entries"));
        return Map.of("indexed", indexed);
    }

    private static void requireAdmin(StaffPrincipal me) {
        if (me == null || !me.has(Role.ADMIN)) {
            throw new AccessDeniedException("ADMIN only");
        }
    }
}
