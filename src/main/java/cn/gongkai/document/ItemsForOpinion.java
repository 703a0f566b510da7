package cn.gongkai.document;

import cn.gongkai.opinion.PublishedItems;
import cn.gongkai.org.StaffPrincipal;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The items an opinion event's statement may be: the caller's agency's items that the caller may see. */
@Component
class ItemsForOpinion implements PublishedItems {

    private final InfoItems items;

    ItemsForOpinion(InfoItems items) {
        this.items = items;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LinkedItem> find(StaffPrincipal me, Long itemId) {
        return items.findByIdAndAgencyId(itemId, me.agencyId()).filter(i -> InfoItemWorkflow.canView(me, i))
                .map(i -> new LinkedItem(i.getId(), i.getTitle(), i.getStatus() == ItemStatus.PUBLISHED));
    }
}
