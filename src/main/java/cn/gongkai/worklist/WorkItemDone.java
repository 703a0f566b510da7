package cn.gongkai.worklist;

/** Closes the open work item of a subject and kind. */
public record WorkItemDone(String subjectType, String subjectId, String kind) {
}
