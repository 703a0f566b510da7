package cn.gongkai.audit;

import cn.gongkai.org.StaffNames;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One audit entry as a reader sees it: the codes as stored next to their Chinese names, the actor by name and
 * department next to the login name, the before/after values and the detail in Chinese where their form is known.
 */
record AuditRow(Long id, String time, String actor, String actorLabel, String actorName, String actorDepartment,
        String address, String action, String actionName, String objectType, String objectTypeName, String objectId,
        String before, String after, String detail) {

    static AuditRow of(AuditEntry e, AuditLabels labels, Map<Long, String> departments, StaffNames names) {
        return new AuditRow(e.getId(), e.occurredLabel(), e.getActor(), names.of(e.getActor()),
                names.name(e.getActor()), names.department(e.getActor()), e.getAddress(), e.getAction(),
                labels.action(e.getAction()),
                e.getObjectType(), labels.objectType(e.getObjectType()), e.getObjectId(),
                labels.readable(e.getBefore(), departments, names), labels.readable(e.getAfter(), departments, names),
                labels.readable(e.getDetail(), departments, names));
    }

    /** The same with the values and the detail exactly as stored, for the CSV export. */
    static AuditRow asStored(AuditEntry e, AuditLabels labels, StaffNames names) {
        return new AuditRow(e.getId(), e.occurredLabel(), e.getActor(), names.of(e.getActor()),
                names.name(e.getActor()), names.department(e.getActor()), e.getAddress(), e.getAction(),
                labels.action(e.getAction()), e.getObjectType(), labels.objectType(e.getObjectType()), e.getObjectId(),
                e.getBefore(), e.getAfter(), e.getDetail());
    }

    /** The export's columns, in the order of {@code audit.csvHeader}. */
    List<String> cells() {
        return Arrays.asList(String.valueOf(id), time, actor, actorName, actorDepartment, address, action, actionName,
                objectType, objectTypeName, objectId, before, after, detail);
    }
}
