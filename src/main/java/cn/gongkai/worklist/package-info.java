/**
 * Open work and deadlines (待办、督办). Other modules open and close work items only by publishing
 * {@link cn.gongkai.worklist.WorkItemRequested} and {@link cn.gongkai.worklist.WorkItemDone}; due dates are derived
 * from each item's stored {@link cn.gongkai.worklist.Deadline} and the working-day calendar, and recomputed when the
 * calendar changes. A db-scheduler job raises {@link cn.gongkai.worklist.WorkItemDueSoon} and
 * {@link cn.gongkai.worklist.WorkItemOverdue}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open work and deadlines")
package cn.gongkai.worklist;
