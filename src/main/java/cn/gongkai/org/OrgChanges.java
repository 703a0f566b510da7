package cn.gongkai.org;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells the {@link OrgDirectory}'s cached copies that an agency or a department changed, whichever way it was saved.
 * A JPA entity listener, made by Spring (Hibernate's bean container), so each application has its own.
 */
class OrgChanges {

    private final ObjectProvider<OrgDirectory> directory;

    OrgChanges(ObjectProvider<OrgDirectory> directory) {
        this.directory = directory;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        directory.ifAvailable(OrgDirectory::changed);
    }
}
