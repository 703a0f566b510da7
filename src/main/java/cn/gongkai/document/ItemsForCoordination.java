package cn.gongkai.document;

import cn.gongkai.coordination.CoordinatedItems;
import cn.gongkai.org.StaffPrincipal;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The items release coordination may be about: the caller's agency's items that the caller may see. */
@Component
class ItemsForCoordination implements CoordinatedItems {

    private final InfoItems items;

    ItemsForCoordination(InfoItems items) {
        this.items = items;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CoordinatedItem> find(StaffPrincipal me, Long itemId) {
        return items.findByIdAndAgencyId(itemId, me.agencyId()).filter(i -> InfoItemWorkflow.canView(me, i))
                .map(i -> new CoordinatedItem(i.getId(), i.getAgencyId(), i.getVersion(), i.getTitle(),
                        text(i), i.getStatus() == ItemStatus.PUBLISHED));
    }

    /** What the other agency reads: the summary and the body, as they stand now. */
    private static String text(InfoItem i) {
        String summary = i.getSummary() == null ? "" : i.getSummary().strip();
        String body = i.getBody() == null ? "" : i.getBody().strip();
        return summary.isEmpty() ? body : body.isEmpty() ? summary : summary + "\n\n" + body;
    }
}
