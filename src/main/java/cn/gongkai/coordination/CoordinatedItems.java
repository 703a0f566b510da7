package cn.gongkai.coordination;

import cn.gongkai.org.StaffPrincipal;
import java.util.Optional;

/**
 * The items a coordination may be about, supplied by the module that owns them (document): the item as {@code me}
 * may see it, or empty when it does not exist in {@code me}'s agency or is hidden from {@code me}.
 */
public interface CoordinatedItems {

    Optional<CoordinatedItem> find(StaffPrincipal me, Long itemId);

    /** What the other agency reads: the item's title and text at the time of asking. */
    record CoordinatedItem(Long id, Long agencyId, int version, String title, String text, boolean published) {
    }
}
