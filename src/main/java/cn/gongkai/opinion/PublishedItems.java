package cn.gongkai.opinion;

import cn.gongkai.org.StaffPrincipal;
import java.util.Optional;

/**
 * The items an event's statement may be, supplied by the module that owns them (document): the item as {@code me}
 * may see it in {@code me}'s agency, or empty. A statement is only ever an item that went through the review chain
 * and is published; this module never publishes anything itself.
 */
public interface PublishedItems {

    Optional<LinkedItem> find(StaffPrincipal me, Long itemId);

    record LinkedItem(Long id, String title, boolean published) {
    }
}
